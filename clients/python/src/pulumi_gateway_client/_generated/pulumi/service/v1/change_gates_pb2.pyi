from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from pulumi_gateway_client._generated.pulumi.gateway.v1 import options_pb2 as _options_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import common_pb2 as _common_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import types_pb2 as _types_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ListChangeGatesRequest(_message.Message):
    __slots__ = ("org_name", "entity_type", "qualified_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    ENTITY_TYPE_FIELD_NUMBER: _ClassVar[int]
    QUALIFIED_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    entity_type: str
    qualified_name: str
    def __init__(self, org_name: _Optional[str] = ..., entity_type: _Optional[str] = ..., qualified_name: _Optional[str] = ...) -> None: ...

class ListChangeGatesResponse(_message.Message):
    __slots__ = ("gates", "continuation_token")
    GATES_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    gates: _containers.RepeatedCompositeFieldContainer[ChangeGate]
    continuation_token: str
    def __init__(self, gates: _Optional[_Iterable[_Union[ChangeGate, _Mapping]]] = ..., continuation_token: _Optional[str] = ...) -> None: ...

class ChangeGate(_message.Message):
    __slots__ = ("id", "name", "enabled", "rule", "target")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    RULE_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    enabled: bool
    rule: ChangeGateRuleOutput
    target: ChangeGateTargetOutput
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., enabled: _Optional[bool] = ..., rule: _Optional[_Union[ChangeGateRuleOutput, _Mapping]] = ..., target: _Optional[_Union[ChangeGateTargetOutput, _Mapping]] = ...) -> None: ...

class ChangeGateRuleOutput(_message.Message):
    __slots__ = ("rule_type", "num_approvals_required", "allow_self_approval", "require_reapproval_on_change", "eligible_approvers")
    RULE_TYPE_FIELD_NUMBER: _ClassVar[int]
    NUM_APPROVALS_REQUIRED_FIELD_NUMBER: _ClassVar[int]
    ALLOW_SELF_APPROVAL_FIELD_NUMBER: _ClassVar[int]
    REQUIRE_REAPPROVAL_ON_CHANGE_FIELD_NUMBER: _ClassVar[int]
    ELIGIBLE_APPROVERS_FIELD_NUMBER: _ClassVar[int]
    rule_type: str
    num_approvals_required: int
    allow_self_approval: bool
    require_reapproval_on_change: bool
    eligible_approvers: _containers.RepeatedCompositeFieldContainer[ApprovalRuleEligibilityOutput]
    def __init__(self, rule_type: _Optional[str] = ..., num_approvals_required: _Optional[int] = ..., allow_self_approval: _Optional[bool] = ..., require_reapproval_on_change: _Optional[bool] = ..., eligible_approvers: _Optional[_Iterable[_Union[ApprovalRuleEligibilityOutput, _Mapping]]] = ...) -> None: ...

class ApprovalRuleEligibilityOutput(_message.Message):
    __slots__ = ("eligibility_type", "permission", "name", "display_name", "user")
    ELIGIBILITY_TYPE_FIELD_NUMBER: _ClassVar[int]
    PERMISSION_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    USER_FIELD_NUMBER: _ClassVar[int]
    eligibility_type: str
    permission: str
    name: str
    display_name: str
    user: _common_pb2.UserInfo
    def __init__(self, eligibility_type: _Optional[str] = ..., permission: _Optional[str] = ..., name: _Optional[str] = ..., display_name: _Optional[str] = ..., user: _Optional[_Union[_common_pb2.UserInfo, _Mapping]] = ...) -> None: ...

class ChangeGateTargetOutput(_message.Message):
    __slots__ = ("entity_type", "qualified_name", "action_types", "entity_info")
    ENTITY_TYPE_FIELD_NUMBER: _ClassVar[int]
    QUALIFIED_NAME_FIELD_NUMBER: _ClassVar[int]
    ACTION_TYPES_FIELD_NUMBER: _ClassVar[int]
    ENTITY_INFO_FIELD_NUMBER: _ClassVar[int]
    entity_type: str
    qualified_name: str
    action_types: _containers.RepeatedScalarFieldContainer[str]
    entity_info: _types_pb2.TargetEntity
    def __init__(self, entity_type: _Optional[str] = ..., qualified_name: _Optional[str] = ..., action_types: _Optional[_Iterable[str]] = ..., entity_info: _Optional[_Union[_types_pb2.TargetEntity, _Mapping]] = ...) -> None: ...

class CreateChangeGateRequest(_message.Message):
    __slots__ = ("org_name", "name", "enabled", "rule", "target")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    RULE_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    name: str
    enabled: bool
    rule: ChangeGateRuleInput
    target: ChangeGateTargetInput
    def __init__(self, org_name: _Optional[str] = ..., name: _Optional[str] = ..., enabled: _Optional[bool] = ..., rule: _Optional[_Union[ChangeGateRuleInput, _Mapping]] = ..., target: _Optional[_Union[ChangeGateTargetInput, _Mapping]] = ...) -> None: ...

class ChangeGateRuleInput(_message.Message):
    __slots__ = ("rule_type", "num_approvals_required", "allow_self_approval", "require_reapproval_on_change", "eligible_approvers")
    RULE_TYPE_FIELD_NUMBER: _ClassVar[int]
    NUM_APPROVALS_REQUIRED_FIELD_NUMBER: _ClassVar[int]
    ALLOW_SELF_APPROVAL_FIELD_NUMBER: _ClassVar[int]
    REQUIRE_REAPPROVAL_ON_CHANGE_FIELD_NUMBER: _ClassVar[int]
    ELIGIBLE_APPROVERS_FIELD_NUMBER: _ClassVar[int]
    rule_type: str
    num_approvals_required: int
    allow_self_approval: bool
    require_reapproval_on_change: bool
    eligible_approvers: _containers.RepeatedCompositeFieldContainer[ApprovalRuleEligibilityInput]
    def __init__(self, rule_type: _Optional[str] = ..., num_approvals_required: _Optional[int] = ..., allow_self_approval: _Optional[bool] = ..., require_reapproval_on_change: _Optional[bool] = ..., eligible_approvers: _Optional[_Iterable[_Union[ApprovalRuleEligibilityInput, _Mapping]]] = ...) -> None: ...

class ApprovalRuleEligibilityInput(_message.Message):
    __slots__ = ("eligibility_type", "permission", "team_name", "user_login")
    ELIGIBILITY_TYPE_FIELD_NUMBER: _ClassVar[int]
    PERMISSION_FIELD_NUMBER: _ClassVar[int]
    TEAM_NAME_FIELD_NUMBER: _ClassVar[int]
    USER_LOGIN_FIELD_NUMBER: _ClassVar[int]
    eligibility_type: str
    permission: str
    team_name: str
    user_login: str
    def __init__(self, eligibility_type: _Optional[str] = ..., permission: _Optional[str] = ..., team_name: _Optional[str] = ..., user_login: _Optional[str] = ...) -> None: ...

class ChangeGateTargetInput(_message.Message):
    __slots__ = ("entity_type", "qualified_name", "action_types")
    ENTITY_TYPE_FIELD_NUMBER: _ClassVar[int]
    QUALIFIED_NAME_FIELD_NUMBER: _ClassVar[int]
    ACTION_TYPES_FIELD_NUMBER: _ClassVar[int]
    entity_type: str
    qualified_name: str
    action_types: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, entity_type: _Optional[str] = ..., qualified_name: _Optional[str] = ..., action_types: _Optional[_Iterable[str]] = ...) -> None: ...

class CreateChangeGateResponse(_message.Message):
    __slots__ = ("change_gate",)
    CHANGE_GATE_FIELD_NUMBER: _ClassVar[int]
    change_gate: ChangeGate
    def __init__(self, change_gate: _Optional[_Union[ChangeGate, _Mapping]] = ...) -> None: ...

class GetChangeGateRequest(_message.Message):
    __slots__ = ("org_name", "gate_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    GATE_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    gate_id: str
    def __init__(self, org_name: _Optional[str] = ..., gate_id: _Optional[str] = ...) -> None: ...

class GetChangeGateResponse(_message.Message):
    __slots__ = ("change_gate",)
    CHANGE_GATE_FIELD_NUMBER: _ClassVar[int]
    change_gate: ChangeGate
    def __init__(self, change_gate: _Optional[_Union[ChangeGate, _Mapping]] = ...) -> None: ...

class UpdateChangeGateRequest(_message.Message):
    __slots__ = ("org_name", "gate_id", "name", "enabled", "target", "rule")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    GATE_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    RULE_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    gate_id: str
    name: str
    enabled: bool
    target: ChangeGateTargetInput
    rule: ChangeGateRuleInput
    def __init__(self, org_name: _Optional[str] = ..., gate_id: _Optional[str] = ..., name: _Optional[str] = ..., enabled: _Optional[bool] = ..., target: _Optional[_Union[ChangeGateTargetInput, _Mapping]] = ..., rule: _Optional[_Union[ChangeGateRuleInput, _Mapping]] = ...) -> None: ...

class UpdateChangeGateResponse(_message.Message):
    __slots__ = ("change_gate",)
    CHANGE_GATE_FIELD_NUMBER: _ClassVar[int]
    change_gate: ChangeGate
    def __init__(self, change_gate: _Optional[_Union[ChangeGate, _Mapping]] = ...) -> None: ...

class DeleteChangeGateRequest(_message.Message):
    __slots__ = ("org_name", "gate_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    GATE_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    gate_id: str
    def __init__(self, org_name: _Optional[str] = ..., gate_id: _Optional[str] = ...) -> None: ...

class DeleteChangeGateResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
