from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.api import httpbody_pb2 as _httpbody_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from pulumi_gateway_client._generated.pulumi.gateway.v1 import options_pb2 as _options_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import common_pb2 as _common_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import types_pb2 as _types_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetPolicyComplianceResultsRequest(_message.Message):
    __slots__ = ("org_name", "entity", "continuation_token", "size")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    ENTITY_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    entity: str
    continuation_token: str
    size: int
    def __init__(self, org_name: _Optional[str] = ..., entity: _Optional[str] = ..., continuation_token: _Optional[str] = ..., size: _Optional[int] = ...) -> None: ...

class GetPolicyComplianceResultsResponse(_message.Message):
    __slots__ = ("columns", "rows", "continuation_token")
    COLUMNS_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    columns: _containers.RepeatedScalarFieldContainer[str]
    rows: _containers.RepeatedCompositeFieldContainer[PolicyComplianceResult]
    continuation_token: str
    def __init__(self, columns: _Optional[_Iterable[str]] = ..., rows: _Optional[_Iterable[_Union[PolicyComplianceResult, _Mapping]]] = ..., continuation_token: _Optional[str] = ...) -> None: ...

class PolicyComplianceResult(_message.Message):
    __slots__ = ("entity_name", "scores")
    ENTITY_NAME_FIELD_NUMBER: _ClassVar[int]
    SCORES_FIELD_NUMBER: _ClassVar[int]
    entity_name: str
    scores: _containers.RepeatedScalarFieldContainer[int]
    def __init__(self, entity_name: _Optional[str] = ..., scores: _Optional[_Iterable[int]] = ...) -> None: ...

class ListPolicyIssuesRequest(_message.Message):
    __slots__ = ("org_name", "closed", "body")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    CLOSED_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    closed: bool
    body: AngularGridGetRowsRequest
    def __init__(self, org_name: _Optional[str] = ..., closed: _Optional[bool] = ..., body: _Optional[_Union[AngularGridGetRowsRequest, _Mapping]] = ...) -> None: ...

class AngularGridGetRowsRequest(_message.Message):
    __slots__ = ("start_row", "end_row", "row_group_cols", "value_cols", "group_keys", "filter_model", "sort_model")
    START_ROW_FIELD_NUMBER: _ClassVar[int]
    END_ROW_FIELD_NUMBER: _ClassVar[int]
    ROW_GROUP_COLS_FIELD_NUMBER: _ClassVar[int]
    VALUE_COLS_FIELD_NUMBER: _ClassVar[int]
    GROUP_KEYS_FIELD_NUMBER: _ClassVar[int]
    FILTER_MODEL_FIELD_NUMBER: _ClassVar[int]
    SORT_MODEL_FIELD_NUMBER: _ClassVar[int]
    start_row: int
    end_row: int
    row_group_cols: _containers.RepeatedCompositeFieldContainer[AngularGridColumn]
    value_cols: _containers.RepeatedCompositeFieldContainer[AngularGridColumn]
    group_keys: _containers.RepeatedScalarFieldContainer[str]
    filter_model: AngularGridAdvancedFilterModel
    sort_model: _containers.RepeatedCompositeFieldContainer[AngularGridSortModelItem]
    def __init__(self, start_row: _Optional[int] = ..., end_row: _Optional[int] = ..., row_group_cols: _Optional[_Iterable[_Union[AngularGridColumn, _Mapping]]] = ..., value_cols: _Optional[_Iterable[_Union[AngularGridColumn, _Mapping]]] = ..., group_keys: _Optional[_Iterable[str]] = ..., filter_model: _Optional[_Union[AngularGridAdvancedFilterModel, _Mapping]] = ..., sort_model: _Optional[_Iterable[_Union[AngularGridSortModelItem, _Mapping]]] = ...) -> None: ...

class AngularGridColumn(_message.Message):
    __slots__ = ("id", "display_name", "field", "agg_func")
    ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    FIELD_FIELD_NUMBER: _ClassVar[int]
    AGG_FUNC_FIELD_NUMBER: _ClassVar[int]
    id: str
    display_name: str
    field: str
    agg_func: str
    def __init__(self, id: _Optional[str] = ..., display_name: _Optional[str] = ..., field: _Optional[str] = ..., agg_func: _Optional[str] = ...) -> None: ...

class AngularGridAdvancedFilterModel(_message.Message):
    __slots__ = ("type", "conditions")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    CONDITIONS_FIELD_NUMBER: _ClassVar[int]
    type: str
    conditions: _containers.RepeatedCompositeFieldContainer[AngularGridFilterModel]
    def __init__(self, type: _Optional[str] = ..., conditions: _Optional[_Iterable[_Union[AngularGridFilterModel, _Mapping]]] = ...) -> None: ...

class AngularGridFilterModel(_message.Message):
    __slots__ = ("filter", "col_id", "filter_type", "type", "conditions")
    FILTER_FIELD_NUMBER: _ClassVar[int]
    COL_ID_FIELD_NUMBER: _ClassVar[int]
    FILTER_TYPE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    CONDITIONS_FIELD_NUMBER: _ClassVar[int]
    filter: str
    col_id: str
    filter_type: str
    type: str
    conditions: _containers.RepeatedCompositeFieldContainer[AngularGridFilterModel]
    def __init__(self, filter: _Optional[str] = ..., col_id: _Optional[str] = ..., filter_type: _Optional[str] = ..., type: _Optional[str] = ..., conditions: _Optional[_Iterable[_Union[AngularGridFilterModel, _Mapping]]] = ...) -> None: ...

class AngularGridSortModelItem(_message.Message):
    __slots__ = ("col_id", "sort")
    COL_ID_FIELD_NUMBER: _ClassVar[int]
    SORT_FIELD_NUMBER: _ClassVar[int]
    col_id: str
    sort: str
    def __init__(self, col_id: _Optional[str] = ..., sort: _Optional[str] = ...) -> None: ...

class ListPolicyIssuesResponse(_message.Message):
    __slots__ = ("policy_issues", "group_data", "row_count")
    POLICY_ISSUES_FIELD_NUMBER: _ClassVar[int]
    GROUP_DATA_FIELD_NUMBER: _ClassVar[int]
    ROW_COUNT_FIELD_NUMBER: _ClassVar[int]
    policy_issues: _containers.RepeatedCompositeFieldContainer[PolicyIssue]
    group_data: _containers.RepeatedCompositeFieldContainer[_struct_pb2.Struct]
    row_count: int
    def __init__(self, policy_issues: _Optional[_Iterable[_Union[PolicyIssue, _Mapping]]] = ..., group_data: _Optional[_Iterable[_Union[_struct_pb2.Struct, _Mapping]]] = ..., row_count: _Optional[int] = ...) -> None: ...

class PolicyIssue(_message.Message):
    __slots__ = ("id", "entity_type", "entity_project", "entity_id", "stack_version", "resource_version", "policy_pack", "policy_pack_tag", "policy_name", "resource_urn", "resource_provider", "resource_type", "resource_name", "message", "observed_at", "last_modified", "level", "severity", "status", "kind", "priority", "assigned_to", "policy_group_name", "policy_group_type")
    ID_FIELD_NUMBER: _ClassVar[int]
    ENTITY_TYPE_FIELD_NUMBER: _ClassVar[int]
    ENTITY_PROJECT_FIELD_NUMBER: _ClassVar[int]
    ENTITY_ID_FIELD_NUMBER: _ClassVar[int]
    STACK_VERSION_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_VERSION_FIELD_NUMBER: _ClassVar[int]
    POLICY_PACK_FIELD_NUMBER: _ClassVar[int]
    POLICY_PACK_TAG_FIELD_NUMBER: _ClassVar[int]
    POLICY_NAME_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_URN_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_PROVIDER_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_TYPE_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_NAME_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    OBSERVED_AT_FIELD_NUMBER: _ClassVar[int]
    LAST_MODIFIED_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    SEVERITY_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    ASSIGNED_TO_FIELD_NUMBER: _ClassVar[int]
    POLICY_GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    POLICY_GROUP_TYPE_FIELD_NUMBER: _ClassVar[int]
    id: str
    entity_type: str
    entity_project: str
    entity_id: str
    stack_version: int
    resource_version: int
    policy_pack: str
    policy_pack_tag: str
    policy_name: str
    resource_urn: str
    resource_provider: str
    resource_type: str
    resource_name: str
    message: str
    observed_at: str
    last_modified: str
    level: str
    severity: str
    status: str
    kind: str
    priority: str
    assigned_to: _common_pb2.UserInfo
    policy_group_name: str
    policy_group_type: str
    def __init__(self, id: _Optional[str] = ..., entity_type: _Optional[str] = ..., entity_project: _Optional[str] = ..., entity_id: _Optional[str] = ..., stack_version: _Optional[int] = ..., resource_version: _Optional[int] = ..., policy_pack: _Optional[str] = ..., policy_pack_tag: _Optional[str] = ..., policy_name: _Optional[str] = ..., resource_urn: _Optional[str] = ..., resource_provider: _Optional[str] = ..., resource_type: _Optional[str] = ..., resource_name: _Optional[str] = ..., message: _Optional[str] = ..., observed_at: _Optional[str] = ..., last_modified: _Optional[str] = ..., level: _Optional[str] = ..., severity: _Optional[str] = ..., status: _Optional[str] = ..., kind: _Optional[str] = ..., priority: _Optional[str] = ..., assigned_to: _Optional[_Union[_common_pb2.UserInfo, _Mapping]] = ..., policy_group_name: _Optional[str] = ..., policy_group_type: _Optional[str] = ...) -> None: ...

class ExportPolicyIssuesRequest(_message.Message):
    __slots__ = ("org_name", "closed", "body")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    CLOSED_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    closed: bool
    body: AngularGridGetRowsRequest
    def __init__(self, org_name: _Optional[str] = ..., closed: _Optional[bool] = ..., body: _Optional[_Union[AngularGridGetRowsRequest, _Mapping]] = ...) -> None: ...

class GetPolicyIssuesFiltersRequest(_message.Message):
    __slots__ = ("org_name", "closed", "body")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    CLOSED_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    closed: bool
    body: PolicyIssueFiltersRequest
    def __init__(self, org_name: _Optional[str] = ..., closed: _Optional[bool] = ..., body: _Optional[_Union[PolicyIssueFiltersRequest, _Mapping]] = ...) -> None: ...

class PolicyIssueFiltersRequest(_message.Message):
    __slots__ = ("filter_model", "field")
    FILTER_MODEL_FIELD_NUMBER: _ClassVar[int]
    FIELD_FIELD_NUMBER: _ClassVar[int]
    filter_model: AngularGridAdvancedFilterModel
    field: str
    def __init__(self, filter_model: _Optional[_Union[AngularGridAdvancedFilterModel, _Mapping]] = ..., field: _Optional[str] = ...) -> None: ...

class GetPolicyIssuesFiltersResponse(_message.Message):
    __slots__ = ("field", "values")
    FIELD_FIELD_NUMBER: _ClassVar[int]
    VALUES_FIELD_NUMBER: _ClassVar[int]
    field: str
    values: _containers.RepeatedCompositeFieldContainer[PolicyIssueFilterValue]
    def __init__(self, field: _Optional[str] = ..., values: _Optional[_Iterable[_Union[PolicyIssueFilterValue, _Mapping]]] = ...) -> None: ...

class PolicyIssueFilterValue(_message.Message):
    __slots__ = ("name", "count")
    NAME_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    name: str
    count: int
    def __init__(self, name: _Optional[str] = ..., count: _Optional[int] = ...) -> None: ...

class GetPolicyIssueRequest(_message.Message):
    __slots__ = ("org_name", "issue_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    ISSUE_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    issue_id: str
    def __init__(self, org_name: _Optional[str] = ..., issue_id: _Optional[str] = ...) -> None: ...

class GetPolicyIssueResponse(_message.Message):
    __slots__ = ("policy_issue", "policy", "policy_pack")
    POLICY_ISSUE_FIELD_NUMBER: _ClassVar[int]
    POLICY_FIELD_NUMBER: _ClassVar[int]
    POLICY_PACK_FIELD_NUMBER: _ClassVar[int]
    policy_issue: PolicyIssue
    policy: _types_pb2.Policy
    policy_pack: _types_pb2.RegistryPolicyPack
    def __init__(self, policy_issue: _Optional[_Union[PolicyIssue, _Mapping]] = ..., policy: _Optional[_Union[_types_pb2.Policy, _Mapping]] = ..., policy_pack: _Optional[_Union[_types_pb2.RegistryPolicyPack, _Mapping]] = ...) -> None: ...

class UpdatePolicyIssueRequest(_message.Message):
    __slots__ = ("org_name", "issue_id", "assigned_to", "status", "priority")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    ISSUE_ID_FIELD_NUMBER: _ClassVar[int]
    ASSIGNED_TO_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    issue_id: str
    assigned_to: str
    status: str
    priority: str
    def __init__(self, org_name: _Optional[str] = ..., issue_id: _Optional[str] = ..., assigned_to: _Optional[str] = ..., status: _Optional[str] = ..., priority: _Optional[str] = ...) -> None: ...

class UpdatePolicyIssueResponse(_message.Message):
    __slots__ = ("policy_issue", "policy", "policy_pack")
    POLICY_ISSUE_FIELD_NUMBER: _ClassVar[int]
    POLICY_FIELD_NUMBER: _ClassVar[int]
    POLICY_PACK_FIELD_NUMBER: _ClassVar[int]
    policy_issue: PolicyIssue
    policy: _types_pb2.Policy
    policy_pack: _types_pb2.RegistryPolicyPack
    def __init__(self, policy_issue: _Optional[_Union[PolicyIssue, _Mapping]] = ..., policy: _Optional[_Union[_types_pb2.Policy, _Mapping]] = ..., policy_pack: _Optional[_Union[_types_pb2.RegistryPolicyPack, _Mapping]] = ...) -> None: ...

class GetPolicyResultsMetadataRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class GetPolicyResultsMetadataResponse(_message.Message):
    __slots__ = ("policy_total_count", "policy_with_issues_count", "resources_total_count", "resources_with_issues_count")
    POLICY_TOTAL_COUNT_FIELD_NUMBER: _ClassVar[int]
    POLICY_WITH_ISSUES_COUNT_FIELD_NUMBER: _ClassVar[int]
    RESOURCES_TOTAL_COUNT_FIELD_NUMBER: _ClassVar[int]
    RESOURCES_WITH_ISSUES_COUNT_FIELD_NUMBER: _ClassVar[int]
    policy_total_count: int
    policy_with_issues_count: int
    resources_total_count: int
    resources_with_issues_count: int
    def __init__(self, policy_total_count: _Optional[int] = ..., policy_with_issues_count: _Optional[int] = ..., resources_total_count: _Optional[int] = ..., resources_with_issues_count: _Optional[int] = ...) -> None: ...

class ListPoliciesComplianceRequest(_message.Message):
    __slots__ = ("org_name", "start_row", "end_row", "row_group_cols", "value_cols", "group_keys", "filter_model", "sort_model")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    START_ROW_FIELD_NUMBER: _ClassVar[int]
    END_ROW_FIELD_NUMBER: _ClassVar[int]
    ROW_GROUP_COLS_FIELD_NUMBER: _ClassVar[int]
    VALUE_COLS_FIELD_NUMBER: _ClassVar[int]
    GROUP_KEYS_FIELD_NUMBER: _ClassVar[int]
    FILTER_MODEL_FIELD_NUMBER: _ClassVar[int]
    SORT_MODEL_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    start_row: int
    end_row: int
    row_group_cols: _containers.RepeatedCompositeFieldContainer[AngularGridColumn]
    value_cols: _containers.RepeatedCompositeFieldContainer[AngularGridColumn]
    group_keys: _containers.RepeatedScalarFieldContainer[str]
    filter_model: AngularGridAdvancedFilterModel
    sort_model: _containers.RepeatedCompositeFieldContainer[AngularGridSortModelItem]
    def __init__(self, org_name: _Optional[str] = ..., start_row: _Optional[int] = ..., end_row: _Optional[int] = ..., row_group_cols: _Optional[_Iterable[_Union[AngularGridColumn, _Mapping]]] = ..., value_cols: _Optional[_Iterable[_Union[AngularGridColumn, _Mapping]]] = ..., group_keys: _Optional[_Iterable[str]] = ..., filter_model: _Optional[_Union[AngularGridAdvancedFilterModel, _Mapping]] = ..., sort_model: _Optional[_Iterable[_Union[AngularGridSortModelItem, _Mapping]]] = ...) -> None: ...

class ListPoliciesComplianceResponse(_message.Message):
    __slots__ = ("policies", "total_count", "continuation_token")
    POLICIES_FIELD_NUMBER: _ClassVar[int]
    TOTAL_COUNT_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    policies: _containers.RepeatedCompositeFieldContainer[PolicyComplianceRow]
    total_count: int
    continuation_token: str
    def __init__(self, policies: _Optional[_Iterable[_Union[PolicyComplianceRow, _Mapping]]] = ..., total_count: _Optional[int] = ..., continuation_token: _Optional[str] = ...) -> None: ...

class PolicyComplianceRow(_message.Message):
    __slots__ = ("policy_name", "severity", "failing_resources", "governed_resources", "percent_compliant", "policy_pack", "policy_group_name", "policy_group_type")
    POLICY_NAME_FIELD_NUMBER: _ClassVar[int]
    SEVERITY_FIELD_NUMBER: _ClassVar[int]
    FAILING_RESOURCES_FIELD_NUMBER: _ClassVar[int]
    GOVERNED_RESOURCES_FIELD_NUMBER: _ClassVar[int]
    PERCENT_COMPLIANT_FIELD_NUMBER: _ClassVar[int]
    POLICY_PACK_FIELD_NUMBER: _ClassVar[int]
    POLICY_GROUP_NAME_FIELD_NUMBER: _ClassVar[int]
    POLICY_GROUP_TYPE_FIELD_NUMBER: _ClassVar[int]
    policy_name: str
    severity: str
    failing_resources: int
    governed_resources: int
    percent_compliant: int
    policy_pack: str
    policy_group_name: str
    policy_group_type: str
    def __init__(self, policy_name: _Optional[str] = ..., severity: _Optional[str] = ..., failing_resources: _Optional[int] = ..., governed_resources: _Optional[int] = ..., percent_compliant: _Optional[int] = ..., policy_pack: _Optional[str] = ..., policy_group_name: _Optional[str] = ..., policy_group_type: _Optional[str] = ...) -> None: ...
