from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.api import httpbody_pb2 as _httpbody_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SearchClusterAvailableRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class SearchClusterAvailableResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetResourceColumnFilterSetRequest(_message.Message):
    __slots__ = ("org_name", "field", "query")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    FIELD_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    field: str
    query: str
    def __init__(self, org_name: _Optional[str] = ..., field: _Optional[str] = ..., query: _Optional[str] = ...) -> None: ...

class GetResourceColumnFilterSetResponse(_message.Message):
    __slots__ = ("entries",)
    class EntriesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: Aggregation
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[Aggregation, _Mapping]] = ...) -> None: ...
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    entries: _containers.MessageMap[str, Aggregation]
    def __init__(self, entries: _Optional[_Mapping[str, Aggregation]] = ...) -> None: ...

class Aggregation(_message.Message):
    __slots__ = ("others", "results")
    OTHERS_FIELD_NUMBER: _ClassVar[int]
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    others: int
    results: _containers.RepeatedCompositeFieldContainer[AggregationBucket]
    def __init__(self, others: _Optional[int] = ..., results: _Optional[_Iterable[_Union[AggregationBucket, _Mapping]]] = ...) -> None: ...

class AggregationBucket(_message.Message):
    __slots__ = ("name", "count", "aggregations")
    class AggregationsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: Aggregation
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[Aggregation, _Mapping]] = ...) -> None: ...
    NAME_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    AGGREGATIONS_FIELD_NUMBER: _ClassVar[int]
    name: str
    count: int
    aggregations: _containers.MessageMap[str, Aggregation]
    def __init__(self, name: _Optional[str] = ..., count: _Optional[int] = ..., aggregations: _Optional[_Mapping[str, Aggregation]] = ...) -> None: ...

class GetResourceDashboardAggregationsRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class GetResourceDashboardAggregationsResponse(_message.Message):
    __slots__ = ("total", "resources", "aggregations", "pagination")
    class AggregationsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: Aggregation
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[Aggregation, _Mapping]] = ...) -> None: ...
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    RESOURCES_FIELD_NUMBER: _ClassVar[int]
    AGGREGATIONS_FIELD_NUMBER: _ClassVar[int]
    PAGINATION_FIELD_NUMBER: _ClassVar[int]
    total: int
    resources: _containers.RepeatedCompositeFieldContainer[ResourceResult]
    aggregations: _containers.MessageMap[str, Aggregation]
    pagination: ResourceSearchPagination
    def __init__(self, total: _Optional[int] = ..., resources: _Optional[_Iterable[_Union[ResourceResult, _Mapping]]] = ..., aggregations: _Optional[_Mapping[str, Aggregation]] = ..., pagination: _Optional[_Union[ResourceSearchPagination, _Mapping]] = ...) -> None: ...

class ResourceResult(_message.Message):
    __slots__ = ("created", "custom", "delete", "dependencies", "external", "id", "matches", "modified", "module", "name", "package", "parent_urn", "pending", "project", "protected", "provider_urn", "stack", "type", "urn", "teams", "properties", "metadata", "category", "account", "dependents", "managed", "fingerprint", "source_count")
    class MatchesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _struct_pb2.ListValue
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[_struct_pb2.ListValue, _Mapping]] = ...) -> None: ...
    CREATED_FIELD_NUMBER: _ClassVar[int]
    CUSTOM_FIELD_NUMBER: _ClassVar[int]
    DELETE_FIELD_NUMBER: _ClassVar[int]
    DEPENDENCIES_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    MATCHES_FIELD_NUMBER: _ClassVar[int]
    MODIFIED_FIELD_NUMBER: _ClassVar[int]
    MODULE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PACKAGE_FIELD_NUMBER: _ClassVar[int]
    PARENT_URN_FIELD_NUMBER: _ClassVar[int]
    PENDING_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    PROTECTED_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_URN_FIELD_NUMBER: _ClassVar[int]
    STACK_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    URN_FIELD_NUMBER: _ClassVar[int]
    TEAMS_FIELD_NUMBER: _ClassVar[int]
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    DEPENDENTS_FIELD_NUMBER: _ClassVar[int]
    MANAGED_FIELD_NUMBER: _ClassVar[int]
    FINGERPRINT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_COUNT_FIELD_NUMBER: _ClassVar[int]
    created: str
    custom: bool
    delete: bool
    dependencies: _containers.RepeatedScalarFieldContainer[str]
    external: bool
    id: str
    matches: _containers.MessageMap[str, _struct_pb2.ListValue]
    modified: str
    module: str
    name: str
    package: str
    parent_urn: str
    pending: str
    project: str
    protected: bool
    provider_urn: str
    stack: str
    type: str
    urn: str
    teams: _containers.RepeatedScalarFieldContainer[str]
    properties: _struct_pb2.Struct
    metadata: _struct_pb2.Struct
    category: str
    account: str
    dependents: _containers.RepeatedScalarFieldContainer[str]
    managed: str
    fingerprint: str
    source_count: int
    def __init__(self, created: _Optional[str] = ..., custom: _Optional[bool] = ..., delete: _Optional[bool] = ..., dependencies: _Optional[_Iterable[str]] = ..., external: _Optional[bool] = ..., id: _Optional[str] = ..., matches: _Optional[_Mapping[str, _struct_pb2.ListValue]] = ..., modified: _Optional[str] = ..., module: _Optional[str] = ..., name: _Optional[str] = ..., package: _Optional[str] = ..., parent_urn: _Optional[str] = ..., pending: _Optional[str] = ..., project: _Optional[str] = ..., protected: _Optional[bool] = ..., provider_urn: _Optional[str] = ..., stack: _Optional[str] = ..., type: _Optional[str] = ..., urn: _Optional[str] = ..., teams: _Optional[_Iterable[str]] = ..., properties: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., metadata: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., category: _Optional[str] = ..., account: _Optional[str] = ..., dependents: _Optional[_Iterable[str]] = ..., managed: _Optional[str] = ..., fingerprint: _Optional[str] = ..., source_count: _Optional[int] = ...) -> None: ...

class ResourceSearchPagination(_message.Message):
    __slots__ = ("previous", "next", "cursor")
    PREVIOUS_FIELD_NUMBER: _ClassVar[int]
    NEXT_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    previous: str
    next: str
    cursor: str
    def __init__(self, previous: _Optional[str] = ..., next: _Optional[str] = ..., cursor: _Optional[str] = ...) -> None: ...

class ExportOrgResourceSearchQueryRequest(_message.Message):
    __slots__ = ("org_name", "collapse", "cursor", "facet", "page", "properties", "query", "size", "sort", "top")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    COLLAPSE_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    FACET_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    SORT_FIELD_NUMBER: _ClassVar[int]
    TOP_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    collapse: bool
    cursor: str
    facet: _containers.RepeatedScalarFieldContainer[str]
    page: int
    properties: bool
    query: str
    size: int
    sort: _containers.RepeatedScalarFieldContainer[str]
    top: int
    def __init__(self, org_name: _Optional[str] = ..., collapse: _Optional[bool] = ..., cursor: _Optional[str] = ..., facet: _Optional[_Iterable[str]] = ..., page: _Optional[int] = ..., properties: _Optional[bool] = ..., query: _Optional[str] = ..., size: _Optional[int] = ..., sort: _Optional[_Iterable[str]] = ..., top: _Optional[int] = ...) -> None: ...

class GetNaturalLanguageQueryRequest(_message.Message):
    __slots__ = ("org_name", "query")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    query: str
    def __init__(self, org_name: _Optional[str] = ..., query: _Optional[str] = ...) -> None: ...

class GetNaturalLanguageQueryResponse(_message.Message):
    __slots__ = ("query",)
    QUERY_FIELD_NUMBER: _ClassVar[int]
    query: str
    def __init__(self, query: _Optional[str] = ...) -> None: ...

class GetOrgResourceSearchV2QueryRequest(_message.Message):
    __slots__ = ("org_name", "asc", "collapse", "cursor", "facet", "group_by", "page", "properties", "query", "size", "sort", "top")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    ASC_FIELD_NUMBER: _ClassVar[int]
    COLLAPSE_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    FACET_FIELD_NUMBER: _ClassVar[int]
    GROUP_BY_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    SORT_FIELD_NUMBER: _ClassVar[int]
    TOP_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    asc: bool
    collapse: bool
    cursor: str
    facet: _containers.RepeatedScalarFieldContainer[str]
    group_by: str
    page: int
    properties: bool
    query: str
    size: int
    sort: _containers.RepeatedScalarFieldContainer[str]
    top: int
    def __init__(self, org_name: _Optional[str] = ..., asc: _Optional[bool] = ..., collapse: _Optional[bool] = ..., cursor: _Optional[str] = ..., facet: _Optional[_Iterable[str]] = ..., group_by: _Optional[str] = ..., page: _Optional[int] = ..., properties: _Optional[bool] = ..., query: _Optional[str] = ..., size: _Optional[int] = ..., sort: _Optional[_Iterable[str]] = ..., top: _Optional[int] = ...) -> None: ...

class GetOrgResourceSearchV2QueryResponse(_message.Message):
    __slots__ = ("total", "resources", "aggregations", "pagination")
    class AggregationsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: Aggregation
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[Aggregation, _Mapping]] = ...) -> None: ...
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    RESOURCES_FIELD_NUMBER: _ClassVar[int]
    AGGREGATIONS_FIELD_NUMBER: _ClassVar[int]
    PAGINATION_FIELD_NUMBER: _ClassVar[int]
    total: int
    resources: _containers.RepeatedCompositeFieldContainer[ResourceResult]
    aggregations: _containers.MessageMap[str, Aggregation]
    pagination: ResourceSearchPagination
    def __init__(self, total: _Optional[int] = ..., resources: _Optional[_Iterable[_Union[ResourceResult, _Mapping]]] = ..., aggregations: _Optional[_Mapping[str, Aggregation]] = ..., pagination: _Optional[_Union[ResourceSearchPagination, _Mapping]] = ...) -> None: ...
