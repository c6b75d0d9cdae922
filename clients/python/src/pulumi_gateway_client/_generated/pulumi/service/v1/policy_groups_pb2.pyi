from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from pulumi_gateway_client._generated.pulumi.gateway.v1 import options_pb2 as _options_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import updates_pb2 as _updates_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ListPolicyGroupsRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class ListPolicyGroupsResponse(_message.Message):
    __slots__ = ("policy_groups",)
    POLICY_GROUPS_FIELD_NUMBER: _ClassVar[int]
    policy_groups: _containers.RepeatedCompositeFieldContainer[PolicyGroupSummary]
    def __init__(self, policy_groups: _Optional[_Iterable[_Union[PolicyGroupSummary, _Mapping]]] = ...) -> None: ...

class PolicyGroupSummary(_message.Message):
    __slots__ = ("name", "is_org_default", "num_stacks", "num_accounts", "entity_type", "mode", "num_enabled_policy_packs")
    NAME_FIELD_NUMBER: _ClassVar[int]
    IS_ORG_DEFAULT_FIELD_NUMBER: _ClassVar[int]
    NUM_STACKS_FIELD_NUMBER: _ClassVar[int]
    NUM_ACCOUNTS_FIELD_NUMBER: _ClassVar[int]
    ENTITY_TYPE_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    NUM_ENABLED_POLICY_PACKS_FIELD_NUMBER: _ClassVar[int]
    name: str
    is_org_default: bool
    num_stacks: int
    num_accounts: int
    entity_type: str
    mode: str
    num_enabled_policy_packs: int
    def __init__(self, name: _Optional[str] = ..., is_org_default: _Optional[bool] = ..., num_stacks: _Optional[int] = ..., num_accounts: _Optional[int] = ..., entity_type: _Optional[str] = ..., mode: _Optional[str] = ..., num_enabled_policy_packs: _Optional[int] = ...) -> None: ...

class CreatePolicyGroupRequest(_message.Message):
    __slots__ = ("org_name", "name", "entity_type", "mode", "agent_pool_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ENTITY_TYPE_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    AGENT_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    name: str
    entity_type: str
    mode: str
    agent_pool_id: str
    def __init__(self, org_name: _Optional[str] = ..., name: _Optional[str] = ..., entity_type: _Optional[str] = ..., mode: _Optional[str] = ..., agent_pool_id: _Optional[str] = ...) -> None: ...

class CreatePolicyGroupResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetPolicyGroupMetadataRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class GetPolicyGroupMetadataResponse(_message.Message):
    __slots__ = ("protected_stacks", "protected_stack_resources", "preventative_stacks", "preventative_stack_resources", "audit_stacks", "audit_stack_resources", "total_stacks", "total_stack_resources", "protected_accounts", "protected_account_resources", "total_accounts", "total_account_resources")
    PROTECTED_STACKS_FIELD_NUMBER: _ClassVar[int]
    PROTECTED_STACK_RESOURCES_FIELD_NUMBER: _ClassVar[int]
    PREVENTATIVE_STACKS_FIELD_NUMBER: _ClassVar[int]
    PREVENTATIVE_STACK_RESOURCES_FIELD_NUMBER: _ClassVar[int]
    AUDIT_STACKS_FIELD_NUMBER: _ClassVar[int]
    AUDIT_STACK_RESOURCES_FIELD_NUMBER: _ClassVar[int]
    TOTAL_STACKS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_STACK_RESOURCES_FIELD_NUMBER: _ClassVar[int]
    PROTECTED_ACCOUNTS_FIELD_NUMBER: _ClassVar[int]
    PROTECTED_ACCOUNT_RESOURCES_FIELD_NUMBER: _ClassVar[int]
    TOTAL_ACCOUNTS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_ACCOUNT_RESOURCES_FIELD_NUMBER: _ClassVar[int]
    protected_stacks: int
    protected_stack_resources: int
    preventative_stacks: int
    preventative_stack_resources: int
    audit_stacks: int
    audit_stack_resources: int
    total_stacks: int
    total_stack_resources: int
    protected_accounts: int
    protected_account_resources: int
    total_accounts: int
    total_account_resources: int
    def __init__(self, protected_stacks: _Optional[int] = ..., protected_stack_resources: _Optional[int] = ..., preventative_stacks: _Optional[int] = ..., preventative_stack_resources: _Optional[int] = ..., audit_stacks: _Optional[int] = ..., audit_stack_resources: _Optional[int] = ..., total_stacks: _Optional[int] = ..., total_stack_resources: _Optional[int] = ..., protected_accounts: _Optional[int] = ..., protected_account_resources: _Optional[int] = ..., total_accounts: _Optional[int] = ..., total_account_resources: _Optional[int] = ...) -> None: ...

class GetPolicyGroupRequest(_message.Message):
    __slots__ = ("org_name", "policy_group")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    POLICY_GROUP_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    policy_group: str
    def __init__(self, org_name: _Optional[str] = ..., policy_group: _Optional[str] = ...) -> None: ...

class GetPolicyGroupResponse(_message.Message):
    __slots__ = ("name", "is_org_default", "entity_type", "mode", "stacks", "applied_policy_packs", "accounts", "agent_pool_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    IS_ORG_DEFAULT_FIELD_NUMBER: _ClassVar[int]
    ENTITY_TYPE_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    STACKS_FIELD_NUMBER: _ClassVar[int]
    APPLIED_POLICY_PACKS_FIELD_NUMBER: _ClassVar[int]
    ACCOUNTS_FIELD_NUMBER: _ClassVar[int]
    AGENT_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    is_org_default: bool
    entity_type: str
    mode: str
    stacks: _containers.RepeatedCompositeFieldContainer[PulumiStackReference]
    applied_policy_packs: _containers.RepeatedCompositeFieldContainer[_updates_pb2.UpdatePolicyPack]
    accounts: _containers.RepeatedScalarFieldContainer[str]
    agent_pool_id: str
    def __init__(self, name: _Optional[str] = ..., is_org_default: _Optional[bool] = ..., entity_type: _Optional[str] = ..., mode: _Optional[str] = ..., stacks: _Optional[_Iterable[_Union[PulumiStackReference, _Mapping]]] = ..., applied_policy_packs: _Optional[_Iterable[_Union[_updates_pb2.UpdatePolicyPack, _Mapping]]] = ..., accounts: _Optional[_Iterable[str]] = ..., agent_pool_id: _Optional[str] = ...) -> None: ...

class PulumiStackReference(_message.Message):
    __slots__ = ("name", "routing_project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ROUTING_PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    routing_project: str
    def __init__(self, name: _Optional[str] = ..., routing_project: _Optional[str] = ...) -> None: ...

class UpdatePolicyGroupRequest(_message.Message):
    __slots__ = ("org_name", "policy_group", "new_name", "add_stack", "remove_stack", "add_policy_pack", "remove_policy_pack", "add_insights_account", "remove_insights_account", "stacks", "policy_packs", "insights_accounts", "agent_pool_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    POLICY_GROUP_FIELD_NUMBER: _ClassVar[int]
    NEW_NAME_FIELD_NUMBER: _ClassVar[int]
    ADD_STACK_FIELD_NUMBER: _ClassVar[int]
    REMOVE_STACK_FIELD_NUMBER: _ClassVar[int]
    ADD_POLICY_PACK_FIELD_NUMBER: _ClassVar[int]
    REMOVE_POLICY_PACK_FIELD_NUMBER: _ClassVar[int]
    ADD_INSIGHTS_ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    REMOVE_INSIGHTS_ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    STACKS_FIELD_NUMBER: _ClassVar[int]
    POLICY_PACKS_FIELD_NUMBER: _ClassVar[int]
    INSIGHTS_ACCOUNTS_FIELD_NUMBER: _ClassVar[int]
    AGENT_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    policy_group: str
    new_name: str
    add_stack: PulumiStackReference
    remove_stack: PulumiStackReference
    add_policy_pack: _updates_pb2.UpdatePolicyPack
    remove_policy_pack: _updates_pb2.UpdatePolicyPack
    add_insights_account: InsightsAccountReference
    remove_insights_account: InsightsAccountReference
    stacks: _containers.RepeatedCompositeFieldContainer[PulumiStackReference]
    policy_packs: _containers.RepeatedCompositeFieldContainer[_updates_pb2.UpdatePolicyPack]
    insights_accounts: _containers.RepeatedScalarFieldContainer[str]
    agent_pool_id: str
    def __init__(self, org_name: _Optional[str] = ..., policy_group: _Optional[str] = ..., new_name: _Optional[str] = ..., add_stack: _Optional[_Union[PulumiStackReference, _Mapping]] = ..., remove_stack: _Optional[_Union[PulumiStackReference, _Mapping]] = ..., add_policy_pack: _Optional[_Union[_updates_pb2.UpdatePolicyPack, _Mapping]] = ..., remove_policy_pack: _Optional[_Union[_updates_pb2.UpdatePolicyPack, _Mapping]] = ..., add_insights_account: _Optional[_Union[InsightsAccountReference, _Mapping]] = ..., remove_insights_account: _Optional[_Union[InsightsAccountReference, _Mapping]] = ..., stacks: _Optional[_Iterable[_Union[PulumiStackReference, _Mapping]]] = ..., policy_packs: _Optional[_Iterable[_Union[_updates_pb2.UpdatePolicyPack, _Mapping]]] = ..., insights_accounts: _Optional[_Iterable[str]] = ..., agent_pool_id: _Optional[str] = ...) -> None: ...

class InsightsAccountReference(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class UpdatePolicyGroupResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DeletePolicyGroupRequest(_message.Message):
    __slots__ = ("org_name", "policy_group")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    POLICY_GROUP_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    policy_group: str
    def __init__(self, org_name: _Optional[str] = ..., policy_group: _Optional[str] = ...) -> None: ...

class DeletePolicyGroupResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class BatchUpdatePolicyGroupRequest(_message.Message):
    __slots__ = ("org_name", "policy_group", "body")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    POLICY_GROUP_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    policy_group: str
    body: _containers.RepeatedCompositeFieldContainer[UpdatePolicyGroupBody]
    def __init__(self, org_name: _Optional[str] = ..., policy_group: _Optional[str] = ..., body: _Optional[_Iterable[_Union[UpdatePolicyGroupBody, _Mapping]]] = ...) -> None: ...

class UpdatePolicyGroupBody(_message.Message):
    __slots__ = ("new_name", "add_stack", "remove_stack", "add_policy_pack", "remove_policy_pack", "add_insights_account", "remove_insights_account", "stacks", "policy_packs", "insights_accounts", "agent_pool_id")
    NEW_NAME_FIELD_NUMBER: _ClassVar[int]
    ADD_STACK_FIELD_NUMBER: _ClassVar[int]
    REMOVE_STACK_FIELD_NUMBER: _ClassVar[int]
    ADD_POLICY_PACK_FIELD_NUMBER: _ClassVar[int]
    REMOVE_POLICY_PACK_FIELD_NUMBER: _ClassVar[int]
    ADD_INSIGHTS_ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    REMOVE_INSIGHTS_ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    STACKS_FIELD_NUMBER: _ClassVar[int]
    POLICY_PACKS_FIELD_NUMBER: _ClassVar[int]
    INSIGHTS_ACCOUNTS_FIELD_NUMBER: _ClassVar[int]
    AGENT_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    new_name: str
    add_stack: PulumiStackReference
    remove_stack: PulumiStackReference
    add_policy_pack: _updates_pb2.UpdatePolicyPack
    remove_policy_pack: _updates_pb2.UpdatePolicyPack
    add_insights_account: InsightsAccountReference
    remove_insights_account: InsightsAccountReference
    stacks: _containers.RepeatedCompositeFieldContainer[PulumiStackReference]
    policy_packs: _containers.RepeatedCompositeFieldContainer[_updates_pb2.UpdatePolicyPack]
    insights_accounts: _containers.RepeatedScalarFieldContainer[str]
    agent_pool_id: str
    def __init__(self, new_name: _Optional[str] = ..., add_stack: _Optional[_Union[PulumiStackReference, _Mapping]] = ..., remove_stack: _Optional[_Union[PulumiStackReference, _Mapping]] = ..., add_policy_pack: _Optional[_Union[_updates_pb2.UpdatePolicyPack, _Mapping]] = ..., remove_policy_pack: _Optional[_Union[_updates_pb2.UpdatePolicyPack, _Mapping]] = ..., add_insights_account: _Optional[_Union[InsightsAccountReference, _Mapping]] = ..., remove_insights_account: _Optional[_Union[InsightsAccountReference, _Mapping]] = ..., stacks: _Optional[_Iterable[_Union[PulumiStackReference, _Mapping]]] = ..., policy_packs: _Optional[_Iterable[_Union[_updates_pb2.UpdatePolicyPack, _Mapping]]] = ..., insights_accounts: _Optional[_Iterable[str]] = ..., agent_pool_id: _Optional[str] = ...) -> None: ...

class BatchUpdatePolicyGroupResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetStackPolicyGroupsRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class GetStackPolicyGroupsResponse(_message.Message):
    __slots__ = ("policy_groups",)
    POLICY_GROUPS_FIELD_NUMBER: _ClassVar[int]
    policy_groups: _containers.RepeatedCompositeFieldContainer[PolicyGroupSummary]
    def __init__(self, policy_groups: _Optional[_Iterable[_Union[PolicyGroupSummary, _Mapping]]] = ...) -> None: ...
