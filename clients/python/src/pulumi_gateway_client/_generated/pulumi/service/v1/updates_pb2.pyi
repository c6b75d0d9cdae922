from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from pulumi_gateway_client._generated.pulumi.gateway.v1 import options_pb2 as _options_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetLatestUpdateSummaryRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class GetLatestUpdateSummaryResponse(_message.Message):
    __slots__ = ("summary",)
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    summary: str
    def __init__(self, summary: _Optional[str] = ...) -> None: ...

class GetUpdateSummaryByIdRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "update_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    update_id: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., update_id: _Optional[str] = ...) -> None: ...

class GetUpdateSummaryByIdResponse(_message.Message):
    __slots__ = ("summary",)
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    summary: str
    def __init__(self, summary: _Optional[str] = ...) -> None: ...

class GetStackPreviewRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "update_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    update_id: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., update_id: _Optional[str] = ...) -> None: ...

class GetStackPreviewResponse(_message.Message):
    __slots__ = ("stack_update",)
    STACK_UPDATE_FIELD_NUMBER: _ClassVar[int]
    stack_update: StackUpdate
    def __init__(self, stack_update: _Optional[_Union[StackUpdate, _Mapping]] = ...) -> None: ...

class StackUpdate(_message.Message):
    __slots__ = ("kind", "start_time", "message", "environment", "config", "result", "version", "end_time", "deployment", "resource_changes", "resource_count", "info", "update_id", "github_commit_info", "latest_version", "requested_by", "policy_packs", "requested_by_token")
    class EnvironmentEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class ConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _common_pb2.ConfigValue
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[_common_pb2.ConfigValue, _Mapping]] = ...) -> None: ...
    class ResourceChangesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    KIND_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    ENVIRONMENT_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    DEPLOYMENT_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_CHANGES_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_COUNT_FIELD_NUMBER: _ClassVar[int]
    INFO_FIELD_NUMBER: _ClassVar[int]
    UPDATE_ID_FIELD_NUMBER: _ClassVar[int]
    GITHUB_COMMIT_INFO_FIELD_NUMBER: _ClassVar[int]
    LATEST_VERSION_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_BY_FIELD_NUMBER: _ClassVar[int]
    POLICY_PACKS_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_BY_TOKEN_FIELD_NUMBER: _ClassVar[int]
    kind: str
    start_time: int
    message: str
    environment: _containers.ScalarMap[str, str]
    config: _containers.MessageMap[str, _common_pb2.ConfigValue]
    result: str
    version: int
    end_time: int
    deployment: _struct_pb2.Value
    resource_changes: _containers.ScalarMap[str, int]
    resource_count: int
    info: UpdateInfo
    update_id: str
    github_commit_info: GitHubCommitInfo
    latest_version: int
    requested_by: _common_pb2.UserInfo
    policy_packs: _containers.RepeatedCompositeFieldContainer[UpdatePolicyPack]
    requested_by_token: str
    def __init__(self, kind: _Optional[str] = ..., start_time: _Optional[int] = ..., message: _Optional[str] = ..., environment: _Optional[_Mapping[str, str]] = ..., config: _Optional[_Mapping[str, _common_pb2.ConfigValue]] = ..., result: _Optional[str] = ..., version: _Optional[int] = ..., end_time: _Optional[int] = ..., deployment: _Optional[_Union[_struct_pb2.Value, _Mapping]] = ..., resource_changes: _Optional[_Mapping[str, int]] = ..., resource_count: _Optional[int] = ..., info: _Optional[_Union[UpdateInfo, _Mapping]] = ..., update_id: _Optional[str] = ..., github_commit_info: _Optional[_Union[GitHubCommitInfo, _Mapping]] = ..., latest_version: _Optional[int] = ..., requested_by: _Optional[_Union[_common_pb2.UserInfo, _Mapping]] = ..., policy_packs: _Optional[_Iterable[_Union[UpdatePolicyPack, _Mapping]]] = ..., requested_by_token: _Optional[str] = ...) -> None: ...

class UpdateInfo(_message.Message):
    __slots__ = ("kind", "start_time", "message", "environment", "config", "result", "end_time", "version", "deployment", "resource_changes", "resource_count")
    class EnvironmentEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class ConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _common_pb2.ConfigValue
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[_common_pb2.ConfigValue, _Mapping]] = ...) -> None: ...
    class ResourceChangesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    KIND_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    ENVIRONMENT_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    DEPLOYMENT_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_CHANGES_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_COUNT_FIELD_NUMBER: _ClassVar[int]
    kind: str
    start_time: int
    message: str
    environment: _containers.ScalarMap[str, str]
    config: _containers.MessageMap[str, _common_pb2.ConfigValue]
    result: str
    end_time: int
    version: int
    deployment: _struct_pb2.Value
    resource_changes: _containers.ScalarMap[str, int]
    resource_count: int
    def __init__(self, kind: _Optional[str] = ..., start_time: _Optional[int] = ..., message: _Optional[str] = ..., environment: _Optional[_Mapping[str, str]] = ..., config: _Optional[_Mapping[str, _common_pb2.ConfigValue]] = ..., result: _Optional[str] = ..., end_time: _Optional[int] = ..., version: _Optional[int] = ..., deployment: _Optional[_Union[_struct_pb2.Value, _Mapping]] = ..., resource_changes: _Optional[_Mapping[str, int]] = ..., resource_count: _Optional[int] = ...) -> None: ...

class GitHubCommitInfo(_message.Message):
    __slots__ = ("slug", "sha", "url", "message", "author", "committer")
    SLUG_FIELD_NUMBER: _ClassVar[int]
    SHA_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_FIELD_NUMBER: _ClassVar[int]
    COMMITTER_FIELD_NUMBER: _ClassVar[int]
    slug: str
    sha: str
    url: str
    message: str
    author: _common_pb2.UserInfo
    committer: _common_pb2.UserInfo
    def __init__(self, slug: _Optional[str] = ..., sha: _Optional[str] = ..., url: _Optional[str] = ..., message: _Optional[str] = ..., author: _Optional[_Union[_common_pb2.UserInfo, _Mapping]] = ..., committer: _Optional[_Union[_common_pb2.UserInfo, _Mapping]] = ...) -> None: ...

class UpdatePolicyPack(_message.Message):
    __slots__ = ("name", "display_name", "version", "version_tag", "config", "environments")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    VERSION_TAG_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    ENVIRONMENTS_FIELD_NUMBER: _ClassVar[int]
    name: str
    display_name: str
    version: int
    version_tag: str
    config: _struct_pb2.Struct
    environments: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, name: _Optional[str] = ..., display_name: _Optional[str] = ..., version: _Optional[int] = ..., version_tag: _Optional[str] = ..., config: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., environments: _Optional[_Iterable[str]] = ...) -> None: ...

class GetStackPreviewSummaryRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "update_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    update_id: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., update_id: _Optional[str] = ...) -> None: ...

class GetStackPreviewSummaryResponse(_message.Message):
    __slots__ = ("update_summary",)
    UPDATE_SUMMARY_FIELD_NUMBER: _ClassVar[int]
    update_summary: UpdateSummary
    def __init__(self, update_summary: _Optional[_Union[UpdateSummary, _Mapping]] = ...) -> None: ...

class UpdateSummary(_message.Message):
    __slots__ = ("result", "start_time", "end_time", "resource_count")
    RESULT_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_COUNT_FIELD_NUMBER: _ClassVar[int]
    result: str
    start_time: int
    end_time: int
    resource_count: int
    def __init__(self, result: _Optional[str] = ..., start_time: _Optional[int] = ..., end_time: _Optional[int] = ..., resource_count: _Optional[int] = ...) -> None: ...

class GetUpdateStatusRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "kind", "update_id", "continuation_token")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    UPDATE_ID_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    kind: str
    update_id: str
    continuation_token: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., kind: _Optional[str] = ..., update_id: _Optional[str] = ..., continuation_token: _Optional[str] = ...) -> None: ...

class GetUpdateStatusResponse(_message.Message):
    __slots__ = ("status", "events", "continuation_token")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    status: str
    events: _containers.RepeatedCompositeFieldContainer[UpdateEvent]
    continuation_token: str
    def __init__(self, status: _Optional[str] = ..., events: _Optional[_Iterable[_Union[UpdateEvent, _Mapping]]] = ..., continuation_token: _Optional[str] = ...) -> None: ...

class UpdateEvent(_message.Message):
    __slots__ = ("index", "kind", "fields")
    INDEX_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    index: str
    kind: str
    fields: _struct_pb2.Struct
    def __init__(self, index: _Optional[str] = ..., kind: _Optional[str] = ..., fields: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class CancelUpdateRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "kind", "update_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    UPDATE_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    kind: str
    update_id: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., kind: _Optional[str] = ..., update_id: _Optional[str] = ...) -> None: ...

class CancelUpdateResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListUpdateEventsRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "kind", "update_id", "continuation_token", "types", "urn", "include_non_activated")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    UPDATE_ID_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TYPES_FIELD_NUMBER: _ClassVar[int]
    URN_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_NON_ACTIVATED_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    kind: str
    update_id: str
    continuation_token: str
    types: _containers.RepeatedScalarFieldContainer[str]
    urn: str
    include_non_activated: bool
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., kind: _Optional[str] = ..., update_id: _Optional[str] = ..., continuation_token: _Optional[str] = ..., types: _Optional[_Iterable[str]] = ..., urn: _Optional[str] = ..., include_non_activated: _Optional[bool] = ...) -> None: ...

class ListUpdateEventsResponse(_message.Message):
    __slots__ = ("events", "continuation_token")
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    events: _containers.RepeatedCompositeFieldContainer[EngineEvent]
    continuation_token: str
    def __init__(self, events: _Optional[_Iterable[_Union[EngineEvent, _Mapping]]] = ..., continuation_token: _Optional[str] = ...) -> None: ...

class EngineEvent(_message.Message):
    __slots__ = ("timestamp", "type", "cancel_event", "stdout_event", "diagnostic_event", "prelude_event", "summary_event", "resource_pre_event", "res_outputs_event", "res_op_failed_event", "policy_event", "policy_remediation_event", "policy_load_event", "policy_analyze_summary_event", "policy_remediate_summary_event", "policy_analyze_stack_summary_event", "start_debugging_event", "progress_event", "error_event")
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    CANCEL_EVENT_FIELD_NUMBER: _ClassVar[int]
    STDOUT_EVENT_FIELD_NUMBER: _ClassVar[int]
    DIAGNOSTIC_EVENT_FIELD_NUMBER: _ClassVar[int]
    PRELUDE_EVENT_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_EVENT_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_PRE_EVENT_FIELD_NUMBER: _ClassVar[int]
    RES_OUTPUTS_EVENT_FIELD_NUMBER: _ClassVar[int]
    RES_OP_FAILED_EVENT_FIELD_NUMBER: _ClassVar[int]
    POLICY_EVENT_FIELD_NUMBER: _ClassVar[int]
    POLICY_REMEDIATION_EVENT_FIELD_NUMBER: _ClassVar[int]
    POLICY_LOAD_EVENT_FIELD_NUMBER: _ClassVar[int]
    POLICY_ANALYZE_SUMMARY_EVENT_FIELD_NUMBER: _ClassVar[int]
    POLICY_REMEDIATE_SUMMARY_EVENT_FIELD_NUMBER: _ClassVar[int]
    POLICY_ANALYZE_STACK_SUMMARY_EVENT_FIELD_NUMBER: _ClassVar[int]
    START_DEBUGGING_EVENT_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_EVENT_FIELD_NUMBER: _ClassVar[int]
    ERROR_EVENT_FIELD_NUMBER: _ClassVar[int]
    timestamp: int
    type: str
    cancel_event: _struct_pb2.Struct
    stdout_event: _struct_pb2.Struct
    diagnostic_event: _struct_pb2.Struct
    prelude_event: _struct_pb2.Struct
    summary_event: _struct_pb2.Struct
    resource_pre_event: _struct_pb2.Struct
    res_outputs_event: _struct_pb2.Struct
    res_op_failed_event: _struct_pb2.Struct
    policy_event: _struct_pb2.Struct
    policy_remediation_event: _struct_pb2.Struct
    policy_load_event: _struct_pb2.Struct
    policy_analyze_summary_event: _struct_pb2.Struct
    policy_remediate_summary_event: _struct_pb2.Struct
    policy_analyze_stack_summary_event: _struct_pb2.Struct
    start_debugging_event: _struct_pb2.Struct
    progress_event: _struct_pb2.Struct
    error_event: _struct_pb2.Struct
    def __init__(self, timestamp: _Optional[int] = ..., type: _Optional[str] = ..., cancel_event: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., stdout_event: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., diagnostic_event: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., prelude_event: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., summary_event: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., resource_pre_event: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., res_outputs_event: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., res_op_failed_event: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., policy_event: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., policy_remediation_event: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., policy_load_event: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., policy_analyze_summary_event: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., policy_remediate_summary_event: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., policy_analyze_stack_summary_event: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., start_debugging_event: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., progress_event: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., error_event: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class WatchUpdateEventsRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "kind", "update_id", "continuation_token", "types", "urn", "include_non_activated")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    UPDATE_ID_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TYPES_FIELD_NUMBER: _ClassVar[int]
    URN_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_NON_ACTIVATED_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    kind: str
    update_id: str
    continuation_token: str
    types: _containers.RepeatedScalarFieldContainer[str]
    urn: str
    include_non_activated: bool
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., kind: _Optional[str] = ..., update_id: _Optional[str] = ..., continuation_token: _Optional[str] = ..., types: _Optional[_Iterable[str]] = ..., urn: _Optional[str] = ..., include_non_activated: _Optional[bool] = ...) -> None: ...

class WatchUpdateEventsResponse(_message.Message):
    __slots__ = ("event",)
    EVENT_FIELD_NUMBER: _ClassVar[int]
    event: EngineEvent
    def __init__(self, event: _Optional[_Union[EngineEvent, _Mapping]] = ...) -> None: ...

class ListUpdatesRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "page", "page_size", "output_type")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_TYPE_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    page: int
    page_size: int
    output_type: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., page: _Optional[int] = ..., page_size: _Optional[int] = ..., output_type: _Optional[str] = ...) -> None: ...

class ListUpdatesResponse(_message.Message):
    __slots__ = ("updates", "items_per_page", "total")
    UPDATES_FIELD_NUMBER: _ClassVar[int]
    ITEMS_PER_PAGE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    updates: _containers.RepeatedCompositeFieldContainer[StackUpdate]
    items_per_page: int
    total: int
    def __init__(self, updates: _Optional[_Iterable[_Union[StackUpdate, _Mapping]]] = ..., items_per_page: _Optional[int] = ..., total: _Optional[int] = ...) -> None: ...

class GetLatestUpdateRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class GetLatestUpdateResponse(_message.Message):
    __slots__ = ("update",)
    UPDATE_FIELD_NUMBER: _ClassVar[int]
    update: StackUpdate
    def __init__(self, update: _Optional[_Union[StackUpdate, _Mapping]] = ...) -> None: ...

class GetLatestStackPreviewsRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "asc", "page", "page_size")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    ASC_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    asc: bool
    page: int
    page_size: int
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., asc: _Optional[bool] = ..., page: _Optional[int] = ..., page_size: _Optional[int] = ...) -> None: ...

class GetLatestStackPreviewsResponse(_message.Message):
    __slots__ = ("updates", "items_per_page", "total")
    UPDATES_FIELD_NUMBER: _ClassVar[int]
    ITEMS_PER_PAGE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    updates: _containers.RepeatedCompositeFieldContainer[StackUpdate]
    items_per_page: int
    total: int
    def __init__(self, updates: _Optional[_Iterable[_Union[StackUpdate, _Mapping]]] = ..., items_per_page: _Optional[int] = ..., total: _Optional[int] = ...) -> None: ...

class GetLatestUpdateTimelineRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class GetLatestUpdateTimelineResponse(_message.Message):
    __slots__ = ("update", "collated_update_events", "collated_pull_request", "previews")
    UPDATE_FIELD_NUMBER: _ClassVar[int]
    COLLATED_UPDATE_EVENTS_FIELD_NUMBER: _ClassVar[int]
    COLLATED_PULL_REQUEST_FIELD_NUMBER: _ClassVar[int]
    PREVIEWS_FIELD_NUMBER: _ClassVar[int]
    update: StackUpdate
    collated_update_events: _containers.RepeatedCompositeFieldContainer[StackUpdate]
    collated_pull_request: GitHubPullRequest
    previews: _containers.RepeatedCompositeFieldContainer[StackUpdate]
    def __init__(self, update: _Optional[_Union[StackUpdate, _Mapping]] = ..., collated_update_events: _Optional[_Iterable[_Union[StackUpdate, _Mapping]]] = ..., collated_pull_request: _Optional[_Union[GitHubPullRequest, _Mapping]] = ..., previews: _Optional[_Iterable[_Union[StackUpdate, _Mapping]]] = ...) -> None: ...

class GitHubPullRequest(_message.Message):
    __slots__ = ("title", "number", "repo_slug", "created_at", "closed_at", "was_merged", "source_ref", "target_ref", "merge_commit_sha")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    REPO_SLUG_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    CLOSED_AT_FIELD_NUMBER: _ClassVar[int]
    WAS_MERGED_FIELD_NUMBER: _ClassVar[int]
    SOURCE_REF_FIELD_NUMBER: _ClassVar[int]
    TARGET_REF_FIELD_NUMBER: _ClassVar[int]
    MERGE_COMMIT_SHA_FIELD_NUMBER: _ClassVar[int]
    title: str
    number: int
    repo_slug: str
    created_at: int
    closed_at: int
    was_merged: bool
    source_ref: str
    target_ref: str
    merge_commit_sha: str
    def __init__(self, title: _Optional[str] = ..., number: _Optional[int] = ..., repo_slug: _Optional[str] = ..., created_at: _Optional[int] = ..., closed_at: _Optional[int] = ..., was_merged: _Optional[bool] = ..., source_ref: _Optional[str] = ..., target_ref: _Optional[str] = ..., merge_commit_sha: _Optional[str] = ...) -> None: ...

class GetUpdateRequest(_message.Message):
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

class GetUpdateResponse(_message.Message):
    __slots__ = ("update",)
    UPDATE_FIELD_NUMBER: _ClassVar[int]
    update: StackUpdate
    def __init__(self, update: _Optional[_Union[StackUpdate, _Mapping]] = ...) -> None: ...

class GetStackPreviewsRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "version", "asc", "page", "page_size")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    ASC_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    version: int
    asc: bool
    page: int
    page_size: int
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., version: _Optional[int] = ..., asc: _Optional[bool] = ..., page: _Optional[int] = ..., page_size: _Optional[int] = ...) -> None: ...

class GetStackPreviewsResponse(_message.Message):
    __slots__ = ("updates", "items_per_page", "total")
    UPDATES_FIELD_NUMBER: _ClassVar[int]
    ITEMS_PER_PAGE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    updates: _containers.RepeatedCompositeFieldContainer[StackUpdate]
    items_per_page: int
    total: int
    def __init__(self, updates: _Optional[_Iterable[_Union[StackUpdate, _Mapping]]] = ..., items_per_page: _Optional[int] = ..., total: _Optional[int] = ...) -> None: ...

class GetStackUpdateSummaryRequest(_message.Message):
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

class GetStackUpdateSummaryResponse(_message.Message):
    __slots__ = ("update_summary",)
    UPDATE_SUMMARY_FIELD_NUMBER: _ClassVar[int]
    update_summary: UpdateSummary
    def __init__(self, update_summary: _Optional[_Union[UpdateSummary, _Mapping]] = ...) -> None: ...

class GetUpdateTimelineRequest(_message.Message):
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

class GetUpdateTimelineResponse(_message.Message):
    __slots__ = ("update", "collated_update_events", "collated_pull_request", "previews")
    UPDATE_FIELD_NUMBER: _ClassVar[int]
    COLLATED_UPDATE_EVENTS_FIELD_NUMBER: _ClassVar[int]
    COLLATED_PULL_REQUEST_FIELD_NUMBER: _ClassVar[int]
    PREVIEWS_FIELD_NUMBER: _ClassVar[int]
    update: StackUpdate
    collated_update_events: _containers.RepeatedCompositeFieldContainer[StackUpdate]
    collated_pull_request: GitHubPullRequest
    previews: _containers.RepeatedCompositeFieldContainer[StackUpdate]
    def __init__(self, update: _Optional[_Union[StackUpdate, _Mapping]] = ..., collated_update_events: _Optional[_Iterable[_Union[StackUpdate, _Mapping]]] = ..., collated_pull_request: _Optional[_Union[GitHubPullRequest, _Mapping]] = ..., previews: _Optional[_Iterable[_Union[StackUpdate, _Mapping]]] = ...) -> None: ...
