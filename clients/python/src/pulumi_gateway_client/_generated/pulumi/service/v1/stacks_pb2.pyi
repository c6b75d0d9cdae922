from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from pulumi_gateway_client._generated.pulumi.gateway.v1 import options_pb2 as _options_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import common_pb2 as _common_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import stack_resources_pb2 as _stack_resources_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import updates_pb2 as _updates_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetStackOverviewRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class GetStackOverviewResponse(_message.Message):
    __slots__ = ("tags", "referenced_stacks", "resources")
    class TagsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    TAGS_FIELD_NUMBER: _ClassVar[int]
    REFERENCED_STACKS_FIELD_NUMBER: _ClassVar[int]
    RESOURCES_FIELD_NUMBER: _ClassVar[int]
    tags: _containers.ScalarMap[str, str]
    referenced_stacks: _containers.RepeatedCompositeFieldContainer[StackReference]
    resources: _stack_resources_pb2.GetStackResourcesResponse
    def __init__(self, tags: _Optional[_Mapping[str, str]] = ..., referenced_stacks: _Optional[_Iterable[_Union[StackReference, _Mapping]]] = ..., resources: _Optional[_Union[_stack_resources_pb2.GetStackResourcesResponse, _Mapping]] = ...) -> None: ...

class StackReference(_message.Message):
    __slots__ = ("organization", "routing_project", "name", "version")
    ORGANIZATION_FIELD_NUMBER: _ClassVar[int]
    ROUTING_PROJECT_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    organization: str
    routing_project: str
    name: str
    version: int
    def __init__(self, organization: _Optional[str] = ..., routing_project: _Optional[str] = ..., name: _Optional[str] = ..., version: _Optional[int] = ...) -> None: ...

class TransferAllStacksRequest(_message.Message):
    __slots__ = ("org_name", "from_org", "to_org")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    FROM_ORG_FIELD_NUMBER: _ClassVar[int]
    TO_ORG_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    from_org: str
    to_org: str
    def __init__(self, org_name: _Optional[str] = ..., from_org: _Optional[str] = ..., to_org: _Optional[str] = ...) -> None: ...

class TransferAllStacksResponse(_message.Message):
    __slots__ = ("value",)
    VALUE_FIELD_NUMBER: _ClassVar[int]
    value: str
    def __init__(self, value: _Optional[str] = ...) -> None: ...

class ListDeletedStacksRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class ListDeletedStacksResponse(_message.Message):
    __slots__ = ("deleted_stacks",)
    DELETED_STACKS_FIELD_NUMBER: _ClassVar[int]
    deleted_stacks: _containers.RepeatedCompositeFieldContainer[DeletedStack]
    def __init__(self, deleted_stacks: _Optional[_Iterable[_Union[DeletedStack, _Mapping]]] = ...) -> None: ...

class DeletedStack(_message.Message):
    __slots__ = ("id", "program_id", "project_name", "stack_name", "version", "deleted_at", "last_update")
    ID_FIELD_NUMBER: _ClassVar[int]
    PROGRAM_ID_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    DELETED_AT_FIELD_NUMBER: _ClassVar[int]
    LAST_UPDATE_FIELD_NUMBER: _ClassVar[int]
    id: str
    program_id: str
    project_name: str
    stack_name: str
    version: int
    deleted_at: int
    last_update: _updates_pb2.UpdateSummary
    def __init__(self, id: _Optional[str] = ..., program_id: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., version: _Optional[int] = ..., deleted_at: _Optional[int] = ..., last_update: _Optional[_Union[_updates_pb2.UpdateSummary, _Mapping]] = ...) -> None: ...

class RestoreDeletedStackRequest(_message.Message):
    __slots__ = ("org_name", "program_id", "stack_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROGRAM_ID_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    program_id: str
    stack_name: str
    def __init__(self, org_name: _Optional[str] = ..., program_id: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class RestoreDeletedStackResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class CreateStackRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "tags", "teams", "state", "config")
    class TagsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    TEAMS_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    tags: _containers.ScalarMap[str, str]
    teams: _containers.RepeatedScalarFieldContainer[str]
    state: _common_pb2.UntypedDeployment
    config: StackConfig
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., tags: _Optional[_Mapping[str, str]] = ..., teams: _Optional[_Iterable[str]] = ..., state: _Optional[_Union[_common_pb2.UntypedDeployment, _Mapping]] = ..., config: _Optional[_Union[StackConfig, _Mapping]] = ...) -> None: ...

class StackConfig(_message.Message):
    __slots__ = ("environment", "secrets_provider", "encrypted_key", "encryption_salt")
    ENVIRONMENT_FIELD_NUMBER: _ClassVar[int]
    SECRETS_PROVIDER_FIELD_NUMBER: _ClassVar[int]
    ENCRYPTED_KEY_FIELD_NUMBER: _ClassVar[int]
    ENCRYPTION_SALT_FIELD_NUMBER: _ClassVar[int]
    environment: str
    secrets_provider: str
    encrypted_key: str
    encryption_salt: str
    def __init__(self, environment: _Optional[str] = ..., secrets_provider: _Optional[str] = ..., encrypted_key: _Optional[str] = ..., encryption_salt: _Optional[str] = ...) -> None: ...

class CreateStackResponse(_message.Message):
    __slots__ = ("messages",)
    MESSAGES_FIELD_NUMBER: _ClassVar[int]
    messages: _containers.RepeatedCompositeFieldContainer[CreateStackMessage]
    def __init__(self, messages: _Optional[_Iterable[_Union[CreateStackMessage, _Mapping]]] = ...) -> None: ...

class CreateStackMessage(_message.Message):
    __slots__ = ("severity", "message")
    SEVERITY_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    severity: str
    message: str
    def __init__(self, severity: _Optional[str] = ..., message: _Optional[str] = ...) -> None: ...

class GetStackRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class GetStackResponse(_message.Message):
    __slots__ = ("stack",)
    STACK_FIELD_NUMBER: _ClassVar[int]
    stack: Stack
    def __init__(self, stack: _Optional[_Union[Stack, _Mapping]] = ...) -> None: ...

class Stack(_message.Message):
    __slots__ = ("id", "org_name", "project_name", "stack_name", "current_operation", "active_update", "tags", "config", "version")
    class TagsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ID_FIELD_NUMBER: _ClassVar[int]
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    CURRENT_OPERATION_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_UPDATE_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    org_name: str
    project_name: str
    stack_name: str
    current_operation: StackOperation
    active_update: str
    tags: _containers.ScalarMap[str, str]
    config: StackConfig
    version: int
    def __init__(self, id: _Optional[str] = ..., org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., current_operation: _Optional[_Union[StackOperation, _Mapping]] = ..., active_update: _Optional[str] = ..., tags: _Optional[_Mapping[str, str]] = ..., config: _Optional[_Union[StackConfig, _Mapping]] = ..., version: _Optional[int] = ...) -> None: ...

class StackOperation(_message.Message):
    __slots__ = ("kind", "author", "started")
    KIND_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_FIELD_NUMBER: _ClassVar[int]
    STARTED_FIELD_NUMBER: _ClassVar[int]
    kind: str
    author: str
    started: int
    def __init__(self, kind: _Optional[str] = ..., author: _Optional[str] = ..., started: _Optional[int] = ...) -> None: ...

class BatchGetStacksRequest(_message.Message):
    __slots__ = ("stacks", "max_parallelism")
    STACKS_FIELD_NUMBER: _ClassVar[int]
    MAX_PARALLELISM_FIELD_NUMBER: _ClassVar[int]
    stacks: _containers.RepeatedCompositeFieldContainer[GetStackRequest]
    max_parallelism: int
    def __init__(self, stacks: _Optional[_Iterable[_Union[GetStackRequest, _Mapping]]] = ..., max_parallelism: _Optional[int] = ...) -> None: ...

class BatchGetStacksResponse(_message.Message):
    __slots__ = ("index", "stack", "error")
    INDEX_FIELD_NUMBER: _ClassVar[int]
    STACK_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    index: int
    stack: Stack
    error: _common_pb2.ItemError
    def __init__(self, index: _Optional[int] = ..., stack: _Optional[_Union[Stack, _Mapping]] = ..., error: _Optional[_Union[_common_pb2.ItemError, _Mapping]] = ...) -> None: ...

class DeleteStackRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "force")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    FORCE_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    force: bool
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., force: _Optional[bool] = ...) -> None: ...

class DeleteStackResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetStackActivityRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "page", "page_size")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    page: int
    page_size: int
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., page: _Optional[int] = ..., page_size: _Optional[int] = ...) -> None: ...

class GetStackActivityResponse(_message.Message):
    __slots__ = ("activity", "items_per_page", "total")
    ACTIVITY_FIELD_NUMBER: _ClassVar[int]
    ITEMS_PER_PAGE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    activity: _containers.RepeatedCompositeFieldContainer[Activity]
    items_per_page: int
    total: int
    def __init__(self, activity: _Optional[_Iterable[_Union[Activity, _Mapping]]] = ..., items_per_page: _Optional[int] = ..., total: _Optional[int] = ...) -> None: ...

class Activity(_message.Message):
    __slots__ = ("update", "deployment")
    UPDATE_FIELD_NUMBER: _ClassVar[int]
    DEPLOYMENT_FIELD_NUMBER: _ClassVar[int]
    update: _updates_pb2.StackUpdate
    deployment: DeploymentWithRelatedUpdates
    def __init__(self, update: _Optional[_Union[_updates_pb2.StackUpdate, _Mapping]] = ..., deployment: _Optional[_Union[DeploymentWithRelatedUpdates, _Mapping]] = ...) -> None: ...

class DeploymentWithRelatedUpdates(_message.Message):
    __slots__ = ("id", "created", "modified", "status", "version", "requested_by", "jobs", "latest_version", "configuration", "initiator", "pulumi_operation", "updates")
    ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    MODIFIED_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_BY_FIELD_NUMBER: _ClassVar[int]
    JOBS_FIELD_NUMBER: _ClassVar[int]
    LATEST_VERSION_FIELD_NUMBER: _ClassVar[int]
    CONFIGURATION_FIELD_NUMBER: _ClassVar[int]
    INITIATOR_FIELD_NUMBER: _ClassVar[int]
    PULUMI_OPERATION_FIELD_NUMBER: _ClassVar[int]
    UPDATES_FIELD_NUMBER: _ClassVar[int]
    id: str
    created: str
    modified: str
    status: str
    version: int
    requested_by: _common_pb2.UserInfo
    jobs: _containers.RepeatedCompositeFieldContainer[DeploymentJob]
    latest_version: int
    configuration: DeploymentConfiguration
    initiator: str
    pulumi_operation: str
    updates: _containers.RepeatedCompositeFieldContainer[_updates_pb2.StackUpdate]
    def __init__(self, id: _Optional[str] = ..., created: _Optional[str] = ..., modified: _Optional[str] = ..., status: _Optional[str] = ..., version: _Optional[int] = ..., requested_by: _Optional[_Union[_common_pb2.UserInfo, _Mapping]] = ..., jobs: _Optional[_Iterable[_Union[DeploymentJob, _Mapping]]] = ..., latest_version: _Optional[int] = ..., configuration: _Optional[_Union[DeploymentConfiguration, _Mapping]] = ..., initiator: _Optional[str] = ..., pulumi_operation: _Optional[str] = ..., updates: _Optional[_Iterable[_Union[_updates_pb2.StackUpdate, _Mapping]]] = ...) -> None: ...

class DeploymentJob(_message.Message):
    __slots__ = ("status", "started", "last_updated", "steps")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    STARTED_FIELD_NUMBER: _ClassVar[int]
    LAST_UPDATED_FIELD_NUMBER: _ClassVar[int]
    STEPS_FIELD_NUMBER: _ClassVar[int]
    status: str
    started: str
    last_updated: str
    steps: _containers.RepeatedCompositeFieldContainer[StepRun]
    def __init__(self, status: _Optional[str] = ..., started: _Optional[str] = ..., last_updated: _Optional[str] = ..., steps: _Optional[_Iterable[_Union[StepRun, _Mapping]]] = ...) -> None: ...

class StepRun(_message.Message):
    __slots__ = ("name", "status", "started", "last_updated")
    NAME_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    STARTED_FIELD_NUMBER: _ClassVar[int]
    LAST_UPDATED_FIELD_NUMBER: _ClassVar[int]
    name: str
    status: str
    started: str
    last_updated: str
    def __init__(self, name: _Optional[str] = ..., status: _Optional[str] = ..., started: _Optional[str] = ..., last_updated: _Optional[str] = ...) -> None: ...

class DeploymentConfiguration(_message.Message):
    __slots__ = ("environment_variables", "source")
    ENVIRONMENT_VARIABLES_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    environment_variables: _containers.RepeatedCompositeFieldContainer[EnvironmentVariable]
    source: DeploymentSource
    def __init__(self, environment_variables: _Optional[_Iterable[_Union[EnvironmentVariable, _Mapping]]] = ..., source: _Optional[_Union[DeploymentSource, _Mapping]] = ...) -> None: ...

class EnvironmentVariable(_message.Message):
    __slots__ = ("name", "value", "secret")
    NAME_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    SECRET_FIELD_NUMBER: _ClassVar[int]
    name: str
    value: str
    secret: bool
    def __init__(self, name: _Optional[str] = ..., value: _Optional[str] = ..., secret: _Optional[bool] = ...) -> None: ...

class DeploymentSource(_message.Message):
    __slots__ = ("git", "template")
    GIT_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    git: DeploymentSourceGit
    template: DeploymentSourceTemplate
    def __init__(self, git: _Optional[_Union[DeploymentSourceGit, _Mapping]] = ..., template: _Optional[_Union[DeploymentSourceTemplate, _Mapping]] = ...) -> None: ...

class DeploymentSourceGit(_message.Message):
    __slots__ = ("repo_url", "branch", "repo_dir", "commit")
    REPO_URL_FIELD_NUMBER: _ClassVar[int]
    BRANCH_FIELD_NUMBER: _ClassVar[int]
    REPO_DIR_FIELD_NUMBER: _ClassVar[int]
    COMMIT_FIELD_NUMBER: _ClassVar[int]
    repo_url: str
    branch: str
    repo_dir: str
    commit: str
    def __init__(self, repo_url: _Optional[str] = ..., branch: _Optional[str] = ..., repo_dir: _Optional[str] = ..., commit: _Optional[str] = ...) -> None: ...

class DeploymentSourceTemplate(_message.Message):
    __slots__ = ("source_url",)
    SOURCE_URL_FIELD_NUMBER: _ClassVar[int]
    source_url: str
    def __init__(self, source_url: _Optional[str] = ...) -> None: ...

class GetStackAnnotationRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "kind", "source", "version")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    kind: str
    source: str
    version: int
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., kind: _Optional[str] = ..., source: _Optional[str] = ..., version: _Optional[int] = ...) -> None: ...

class GetStackAnnotationResponse(_message.Message):
    __slots__ = ("value",)
    VALUE_FIELD_NUMBER: _ClassVar[int]
    value: _struct_pb2.Struct
    def __init__(self, value: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class UpsertStackAnnotationRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "kind", "source", "version", "body")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    kind: str
    source: str
    version: int
    body: _struct_pb2.Struct
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., kind: _Optional[str] = ..., source: _Optional[str] = ..., version: _Optional[int] = ..., body: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class UpsertStackAnnotationResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListDownstreamStackReferencesRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class ListDownstreamStackReferencesResponse(_message.Message):
    __slots__ = ("referenced_stacks",)
    REFERENCED_STACKS_FIELD_NUMBER: _ClassVar[int]
    referenced_stacks: _containers.RepeatedCompositeFieldContainer[StackReference]
    def __init__(self, referenced_stacks: _Optional[_Iterable[_Union[StackReference, _Mapping]]] = ...) -> None: ...

class ExportStackRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class ExportStackResponse(_message.Message):
    __slots__ = ("version", "features", "deployment")
    VERSION_FIELD_NUMBER: _ClassVar[int]
    FEATURES_FIELD_NUMBER: _ClassVar[int]
    DEPLOYMENT_FIELD_NUMBER: _ClassVar[int]
    version: int
    features: _containers.RepeatedScalarFieldContainer[str]
    deployment: _struct_pb2.Struct
    def __init__(self, version: _Optional[int] = ..., features: _Optional[_Iterable[str]] = ..., deployment: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class ExportStackAtVersionRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "version")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    version: int
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., version: _Optional[int] = ...) -> None: ...

class ExportStackAtVersionResponse(_message.Message):
    __slots__ = ("version", "features", "deployment")
    VERSION_FIELD_NUMBER: _ClassVar[int]
    FEATURES_FIELD_NUMBER: _ClassVar[int]
    DEPLOYMENT_FIELD_NUMBER: _ClassVar[int]
    version: int
    features: _containers.RepeatedScalarFieldContainer[str]
    deployment: _struct_pb2.Struct
    def __init__(self, version: _Optional[int] = ..., features: _Optional[_Iterable[str]] = ..., deployment: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class ImportStackRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "version", "features", "deployment")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    FEATURES_FIELD_NUMBER: _ClassVar[int]
    DEPLOYMENT_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    version: int
    features: _containers.RepeatedScalarFieldContainer[str]
    deployment: _struct_pb2.Struct
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., version: _Optional[int] = ..., features: _Optional[_Iterable[str]] = ..., deployment: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class ImportStackResponse(_message.Message):
    __slots__ = ("update_id",)
    UPDATE_ID_FIELD_NUMBER: _ClassVar[int]
    update_id: str
    def __init__(self, update_id: _Optional[str] = ...) -> None: ...

class GetStackMetadataRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class GetStackMetadataResponse(_message.Message):
    __slots__ = ("metadata",)
    METADATA_FIELD_NUMBER: _ClassVar[int]
    metadata: StackMetadata
    def __init__(self, metadata: _Optional[_Union[StackMetadata, _Mapping]] = ...) -> None: ...

class StackMetadata(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "owned_by", "notification_settings")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    OWNED_BY_FIELD_NUMBER: _ClassVar[int]
    NOTIFICATION_SETTINGS_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    owned_by: _common_pb2.UserInfo
    notification_settings: StackNotificationSettings
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., owned_by: _Optional[_Union[_common_pb2.UserInfo, _Mapping]] = ..., notification_settings: _Optional[_Union[StackNotificationSettings, _Mapping]] = ...) -> None: ...

class StackNotificationSettings(_message.Message):
    __slots__ = ("notify_update_failure", "notify_update_success")
    NOTIFY_UPDATE_FAILURE_FIELD_NUMBER: _ClassVar[int]
    NOTIFY_UPDATE_SUCCESS_FIELD_NUMBER: _ClassVar[int]
    notify_update_failure: bool
    notify_update_success: bool
    def __init__(self, notify_update_failure: _Optional[bool] = ..., notify_update_success: _Optional[bool] = ...) -> None: ...

class UpdateStackNotificationSettingsRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "notify_update_failure", "notify_update_success")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    NOTIFY_UPDATE_FAILURE_FIELD_NUMBER: _ClassVar[int]
    NOTIFY_UPDATE_SUCCESS_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    notify_update_failure: bool
    notify_update_success: bool
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., notify_update_failure: _Optional[bool] = ..., notify_update_success: _Optional[bool] = ...) -> None: ...

class UpdateStackNotificationSettingsResponse(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "owned_by", "notification_settings")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    OWNED_BY_FIELD_NUMBER: _ClassVar[int]
    NOTIFICATION_SETTINGS_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    owned_by: _common_pb2.UserInfo
    notification_settings: StackNotificationSettings
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., owned_by: _Optional[_Union[_common_pb2.UserInfo, _Mapping]] = ..., notification_settings: _Optional[_Union[StackNotificationSettings, _Mapping]] = ...) -> None: ...

class ReassignStackOwnershipRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "name", "github_login", "avatar_url", "email")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    GITHUB_LOGIN_FIELD_NUMBER: _ClassVar[int]
    AVATAR_URL_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    name: str
    github_login: str
    avatar_url: str
    email: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., name: _Optional[str] = ..., github_login: _Optional[str] = ..., avatar_url: _Optional[str] = ..., email: _Optional[str] = ...) -> None: ...

class ReassignStackOwnershipResponse(_message.Message):
    __slots__ = ("user_info",)
    USER_INFO_FIELD_NUMBER: _ClassVar[int]
    user_info: _common_pb2.UserInfo
    def __init__(self, user_info: _Optional[_Union[_common_pb2.UserInfo, _Mapping]] = ...) -> None: ...

class RenameStackRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "new_name", "new_project")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    NEW_NAME_FIELD_NUMBER: _ClassVar[int]
    NEW_PROJECT_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    new_name: str
    new_project: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., new_name: _Optional[str] = ..., new_project: _Optional[str] = ...) -> None: ...

class RenameStackResponse(_message.Message):
    __slots__ = ("update_id",)
    UPDATE_ID_FIELD_NUMBER: _ClassVar[int]
    update_id: str
    def __init__(self, update_id: _Optional[str] = ...) -> None: ...

class GetStackResourceCountRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class GetStackResourceCountResponse(_message.Message):
    __slots__ = ("resource_count", "version")
    RESOURCE_COUNT_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    resource_count: int
    version: int
    def __init__(self, resource_count: _Optional[int] = ..., version: _Optional[int] = ...) -> None: ...

class AddStackTagRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "name", "value")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    name: str
    value: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., name: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...

class AddStackTagResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ReplaceStackTagsRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "tags")
    class TagsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    tags: _containers.ScalarMap[str, str]
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., tags: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ReplaceStackTagsResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class UpdateStackTagRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "tag_name", "name", "value")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    TAG_NAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    tag_name: str
    name: str
    value: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., tag_name: _Optional[str] = ..., name: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...

class UpdateStackTagResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DeleteStackTagRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "tag_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    TAG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    tag_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., tag_name: _Optional[str] = ...) -> None: ...

class DeleteStackTagResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class TransferStackRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "transfer")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    transfer: StackTransfer
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., transfer: _Optional[_Union[StackTransfer, _Mapping]] = ...) -> None: ...

class StackTransfer(_message.Message):
    __slots__ = ("to_org", "from_org", "project_name", "stack_name")
    TO_ORG_FIELD_NUMBER: _ClassVar[int]
    FROM_ORG_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    to_org: str
    from_org: str
    project_name: str
    stack_name: str
    def __init__(self, to_org: _Optional[str] = ..., from_org: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class TransferStackResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListUpstreamStackReferencesRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class ListUpstreamStackReferencesResponse(_message.Message):
    __slots__ = ("referenced_stacks",)
    REFERENCED_STACKS_FIELD_NUMBER: _ClassVar[int]
    referenced_stacks: _containers.RepeatedCompositeFieldContainer[StackReference]
    def __init__(self, referenced_stacks: _Optional[_Iterable[_Union[StackReference, _Mapping]]] = ...) -> None: ...

class GetStackStarterWorkflowRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "ci_system", "working_directory", "enable_path_filters")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    CI_SYSTEM_FIELD_NUMBER: _ClassVar[int]
    WORKING_DIRECTORY_FIELD_NUMBER: _ClassVar[int]
    ENABLE_PATH_FILTERS_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    ci_system: str
    working_directory: str
    enable_path_filters: bool
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., ci_system: _Optional[str] = ..., working_directory: _Optional[str] = ..., enable_path_filters: _Optional[bool] = ...) -> None: ...

class GetStackStarterWorkflowResponse(_message.Message):
    __slots__ = ("content",)
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    content: str
    def __init__(self, content: _Optional[str] = ...) -> None: ...

class ListStacksRequest(_message.Message):
    __slots__ = ("organization", "project", "tag_name", "tag_value", "continuation_token", "max_results", "role_id")
    ORGANIZATION_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    TAG_NAME_FIELD_NUMBER: _ClassVar[int]
    TAG_VALUE_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    MAX_RESULTS_FIELD_NUMBER: _ClassVar[int]
    ROLE_ID_FIELD_NUMBER: _ClassVar[int]
    organization: str
    project: str
    tag_name: str
    tag_value: str
    continuation_token: str
    max_results: int
    role_id: str
    def __init__(self, organization: _Optional[str] = ..., project: _Optional[str] = ..., tag_name: _Optional[str] = ..., tag_value: _Optional[str] = ..., continuation_token: _Optional[str] = ..., max_results: _Optional[int] = ..., role_id: _Optional[str] = ...) -> None: ...

class ListStacksResponse(_message.Message):
    __slots__ = ("stacks", "continuation_token")
    STACKS_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    stacks: _containers.RepeatedCompositeFieldContainer[StackSummary]
    continuation_token: str
    def __init__(self, stacks: _Optional[_Iterable[_Union[StackSummary, _Mapping]]] = ..., continuation_token: _Optional[str] = ...) -> None: ...

class StackSummary(_message.Message):
    __slots__ = ("id", "org_name", "project_name", "stack_name", "last_update", "resource_count", "links")
    ID_FIELD_NUMBER: _ClassVar[int]
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    LAST_UPDATE_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_COUNT_FIELD_NUMBER: _ClassVar[int]
    LINKS_FIELD_NUMBER: _ClassVar[int]
    id: str
    org_name: str
    project_name: str
    stack_name: str
    last_update: int
    resource_count: int
    links: _common_pb2.Links
    def __init__(self, id: _Optional[str] = ..., org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., last_update: _Optional[int] = ..., resource_count: _Optional[int] = ..., links: _Optional[_Union[_common_pb2.Links, _Mapping]] = ...) -> None: ...

class StreamStacksRequest(_message.Message):
    __slots__ = ("organization", "project", "tag_name", "tag_value", "continuation_token", "max_results", "role_id")
    ORGANIZATION_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    TAG_NAME_FIELD_NUMBER: _ClassVar[int]
    TAG_VALUE_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    MAX_RESULTS_FIELD_NUMBER: _ClassVar[int]
    ROLE_ID_FIELD_NUMBER: _ClassVar[int]
    organization: str
    project: str
    tag_name: str
    tag_value: str
    continuation_token: str
    max_results: int
    role_id: str
    def __init__(self, organization: _Optional[str] = ..., project: _Optional[str] = ..., tag_name: _Optional[str] = ..., tag_value: _Optional[str] = ..., continuation_token: _Optional[str] = ..., max_results: _Optional[int] = ..., role_id: _Optional[str] = ...) -> None: ...

class StreamStacksResponse(_message.Message):
    __slots__ = ("stack",)
    STACK_FIELD_NUMBER: _ClassVar[int]
    stack: StackSummary
    def __init__(self, stack: _Optional[_Union[StackSummary, _Mapping]] = ...) -> None: ...

class ListStacksWithDetailsRequest(_message.Message):
    __slots__ = ("organization", "project", "tag_name", "tag_value", "max_results", "max_parallelism")
    ORGANIZATION_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    TAG_NAME_FIELD_NUMBER: _ClassVar[int]
    TAG_VALUE_FIELD_NUMBER: _ClassVar[int]
    MAX_RESULTS_FIELD_NUMBER: _ClassVar[int]
    MAX_PARALLELISM_FIELD_NUMBER: _ClassVar[int]
    organization: str
    project: str
    tag_name: str
    tag_value: str
    max_results: int
    max_parallelism: int
    def __init__(self, organization: _Optional[str] = ..., project: _Optional[str] = ..., tag_name: _Optional[str] = ..., tag_value: _Optional[str] = ..., max_results: _Optional[int] = ..., max_parallelism: _Optional[int] = ...) -> None: ...

class ListStacksWithDetailsResponse(_message.Message):
    __slots__ = ("stack", "latest_update", "latest_update_error")
    STACK_FIELD_NUMBER: _ClassVar[int]
    LATEST_UPDATE_FIELD_NUMBER: _ClassVar[int]
    LATEST_UPDATE_ERROR_FIELD_NUMBER: _ClassVar[int]
    stack: StackSummary
    latest_update: _updates_pb2.StackUpdate
    latest_update_error: _common_pb2.ItemError
    def __init__(self, stack: _Optional[_Union[StackSummary, _Mapping]] = ..., latest_update: _Optional[_Union[_updates_pb2.StackUpdate, _Mapping]] = ..., latest_update_error: _Optional[_Union[_common_pb2.ItemError, _Mapping]] = ...) -> None: ...
