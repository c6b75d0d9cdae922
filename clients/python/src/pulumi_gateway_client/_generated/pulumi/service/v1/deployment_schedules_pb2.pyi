from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from pulumi_gateway_client._generated.pulumi.gateway.v1 import options_pb2 as _options_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import types_pb2 as _types_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CreateScheduledDriftDeploymentRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "schedule_cron", "auto_remediate")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_CRON_FIELD_NUMBER: _ClassVar[int]
    AUTO_REMEDIATE_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    schedule_cron: str
    auto_remediate: bool
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., schedule_cron: _Optional[str] = ..., auto_remediate: _Optional[bool] = ...) -> None: ...

class CreateScheduledDriftDeploymentResponse(_message.Message):
    __slots__ = ("scheduled_action",)
    SCHEDULED_ACTION_FIELD_NUMBER: _ClassVar[int]
    scheduled_action: ScheduledAction
    def __init__(self, scheduled_action: _Optional[_Union[ScheduledAction, _Mapping]] = ...) -> None: ...

class ScheduledAction(_message.Message):
    __slots__ = ("id", "org_id", "schedule_cron", "schedule_once", "next_execution", "paused", "kind", "definition", "created", "modified", "last_executed")
    class DefinitionEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _struct_pb2.Struct
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...
    ID_FIELD_NUMBER: _ClassVar[int]
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_CRON_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_ONCE_FIELD_NUMBER: _ClassVar[int]
    NEXT_EXECUTION_FIELD_NUMBER: _ClassVar[int]
    PAUSED_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    DEFINITION_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    MODIFIED_FIELD_NUMBER: _ClassVar[int]
    LAST_EXECUTED_FIELD_NUMBER: _ClassVar[int]
    id: str
    org_id: str
    schedule_cron: str
    schedule_once: str
    next_execution: str
    paused: bool
    kind: str
    definition: _containers.MessageMap[str, _struct_pb2.Struct]
    created: str
    modified: str
    last_executed: str
    def __init__(self, id: _Optional[str] = ..., org_id: _Optional[str] = ..., schedule_cron: _Optional[str] = ..., schedule_once: _Optional[str] = ..., next_execution: _Optional[str] = ..., paused: _Optional[bool] = ..., kind: _Optional[str] = ..., definition: _Optional[_Mapping[str, _struct_pb2.Struct]] = ..., created: _Optional[str] = ..., modified: _Optional[str] = ..., last_executed: _Optional[str] = ...) -> None: ...

class UpdateScheduledDriftDeploymentRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "schedule_id", "schedule_cron", "auto_remediate")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_ID_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_CRON_FIELD_NUMBER: _ClassVar[int]
    AUTO_REMEDIATE_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    schedule_id: str
    schedule_cron: str
    auto_remediate: bool
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., schedule_id: _Optional[str] = ..., schedule_cron: _Optional[str] = ..., auto_remediate: _Optional[bool] = ...) -> None: ...

class UpdateScheduledDriftDeploymentResponse(_message.Message):
    __slots__ = ("scheduled_action",)
    SCHEDULED_ACTION_FIELD_NUMBER: _ClassVar[int]
    scheduled_action: ScheduledAction
    def __init__(self, scheduled_action: _Optional[_Union[ScheduledAction, _Mapping]] = ...) -> None: ...

class ListScheduledDeploymentsRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class ListScheduledDeploymentsResponse(_message.Message):
    __slots__ = ("schedules",)
    SCHEDULES_FIELD_NUMBER: _ClassVar[int]
    schedules: _containers.RepeatedCompositeFieldContainer[ScheduledAction]
    def __init__(self, schedules: _Optional[_Iterable[_Union[ScheduledAction, _Mapping]]] = ...) -> None: ...

class CreateScheduledDeploymentRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "schedule_cron", "schedule_once", "request")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_CRON_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_ONCE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    schedule_cron: str
    schedule_once: str
    request: CreateDeploymentBody
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., schedule_cron: _Optional[str] = ..., schedule_once: _Optional[str] = ..., request: _Optional[_Union[CreateDeploymentBody, _Mapping]] = ...) -> None: ...

class CreateDeploymentBody(_message.Message):
    __slots__ = ("tag", "executor_context", "source_context", "git_hub", "vcs", "operation_context", "agent_pool_id", "cache_options", "operation", "inherit_settings")
    TAG_FIELD_NUMBER: _ClassVar[int]
    EXECUTOR_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    GIT_HUB_FIELD_NUMBER: _ClassVar[int]
    VCS_FIELD_NUMBER: _ClassVar[int]
    OPERATION_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    AGENT_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    CACHE_OPTIONS_FIELD_NUMBER: _ClassVar[int]
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    INHERIT_SETTINGS_FIELD_NUMBER: _ClassVar[int]
    tag: str
    executor_context: _types_pb2.ExecutorSettingsRequest
    source_context: _types_pb2.SourceContextRequest
    git_hub: _types_pb2.DeploymentSettingsGitHubRequest
    vcs: _types_pb2.DeploymentSettingsVCS
    operation_context: _types_pb2.OperationContextRequest
    agent_pool_id: str
    cache_options: _types_pb2.CacheOptionsRequest
    operation: str
    inherit_settings: bool
    def __init__(self, tag: _Optional[str] = ..., executor_context: _Optional[_Union[_types_pb2.ExecutorSettingsRequest, _Mapping]] = ..., source_context: _Optional[_Union[_types_pb2.SourceContextRequest, _Mapping]] = ..., git_hub: _Optional[_Union[_types_pb2.DeploymentSettingsGitHubRequest, _Mapping]] = ..., vcs: _Optional[_Union[_types_pb2.DeploymentSettingsVCS, _Mapping]] = ..., operation_context: _Optional[_Union[_types_pb2.OperationContextRequest, _Mapping]] = ..., agent_pool_id: _Optional[str] = ..., cache_options: _Optional[_Union[_types_pb2.CacheOptionsRequest, _Mapping]] = ..., operation: _Optional[str] = ..., inherit_settings: _Optional[bool] = ...) -> None: ...

class CreateScheduledDeploymentResponse(_message.Message):
    __slots__ = ("scheduled_action",)
    SCHEDULED_ACTION_FIELD_NUMBER: _ClassVar[int]
    scheduled_action: ScheduledAction
    def __init__(self, scheduled_action: _Optional[_Union[ScheduledAction, _Mapping]] = ...) -> None: ...

class GetScheduledDeploymentRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "schedule_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    schedule_id: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., schedule_id: _Optional[str] = ...) -> None: ...

class GetScheduledDeploymentResponse(_message.Message):
    __slots__ = ("scheduled_action",)
    SCHEDULED_ACTION_FIELD_NUMBER: _ClassVar[int]
    scheduled_action: ScheduledAction
    def __init__(self, scheduled_action: _Optional[_Union[ScheduledAction, _Mapping]] = ...) -> None: ...

class UpdateScheduledDeploymentRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "schedule_id", "schedule_cron", "schedule_once", "request")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_ID_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_CRON_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_ONCE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    schedule_id: str
    schedule_cron: str
    schedule_once: str
    request: CreateDeploymentBody
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., schedule_id: _Optional[str] = ..., schedule_cron: _Optional[str] = ..., schedule_once: _Optional[str] = ..., request: _Optional[_Union[CreateDeploymentBody, _Mapping]] = ...) -> None: ...

class UpdateScheduledDeploymentResponse(_message.Message):
    __slots__ = ("scheduled_action",)
    SCHEDULED_ACTION_FIELD_NUMBER: _ClassVar[int]
    scheduled_action: ScheduledAction
    def __init__(self, scheduled_action: _Optional[_Union[ScheduledAction, _Mapping]] = ...) -> None: ...

class DeleteScheduledDeploymentRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "schedule_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    schedule_id: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., schedule_id: _Optional[str] = ...) -> None: ...

class DeleteScheduledDeploymentResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListScheduledDeploymentHistoryRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "schedule_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    schedule_id: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., schedule_id: _Optional[str] = ...) -> None: ...

class ListScheduledDeploymentHistoryResponse(_message.Message):
    __slots__ = ("schedule_history_events",)
    SCHEDULE_HISTORY_EVENTS_FIELD_NUMBER: _ClassVar[int]
    schedule_history_events: _containers.RepeatedCompositeFieldContainer[ScheduledActionHistoryEvent]
    def __init__(self, schedule_history_events: _Optional[_Iterable[_Union[ScheduledActionHistoryEvent, _Mapping]]] = ...) -> None: ...

class ScheduledActionHistoryEvent(_message.Message):
    __slots__ = ("id", "scheduled_action_id", "executed", "version", "result")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_ACTION_ID_FIELD_NUMBER: _ClassVar[int]
    EXECUTED_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    id: str
    scheduled_action_id: str
    executed: str
    version: int
    result: str
    def __init__(self, id: _Optional[str] = ..., scheduled_action_id: _Optional[str] = ..., executed: _Optional[str] = ..., version: _Optional[int] = ..., result: _Optional[str] = ...) -> None: ...

class PauseScheduledDeploymentRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "schedule_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    schedule_id: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., schedule_id: _Optional[str] = ...) -> None: ...

class PauseScheduledDeploymentResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ResumeScheduledDeploymentRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "schedule_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    schedule_id: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., schedule_id: _Optional[str] = ...) -> None: ...

class ResumeScheduledDeploymentResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class CreateScheduledTTLDeploymentRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "timestamp", "delete_after_destroy")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    DELETE_AFTER_DESTROY_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    timestamp: str
    delete_after_destroy: bool
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., timestamp: _Optional[str] = ..., delete_after_destroy: _Optional[bool] = ...) -> None: ...

class CreateScheduledTTLDeploymentResponse(_message.Message):
    __slots__ = ("scheduled_action",)
    SCHEDULED_ACTION_FIELD_NUMBER: _ClassVar[int]
    scheduled_action: ScheduledAction
    def __init__(self, scheduled_action: _Optional[_Union[ScheduledAction, _Mapping]] = ...) -> None: ...

class UpdateScheduledTTLDeploymentRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "schedule_id", "timestamp", "delete_after_destroy")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_ID_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    DELETE_AFTER_DESTROY_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    schedule_id: str
    timestamp: str
    delete_after_destroy: bool
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., schedule_id: _Optional[str] = ..., timestamp: _Optional[str] = ..., delete_after_destroy: _Optional[bool] = ...) -> None: ...

class UpdateScheduledTTLDeploymentResponse(_message.Message):
    __slots__ = ("scheduled_action",)
    SCHEDULED_ACTION_FIELD_NUMBER: _ClassVar[int]
    scheduled_action: ScheduledAction
    def __init__(self, scheduled_action: _Optional[_Union[ScheduledAction, _Mapping]] = ...) -> None: ...
