from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from pulumi_gateway_client._generated.pulumi.gateway.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetUsageSummaryDeployComputeRequest(_message.Message):
    __slots__ = ("org_name", "granularity", "lookback_days", "lookback_start")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    GRANULARITY_FIELD_NUMBER: _ClassVar[int]
    LOOKBACK_DAYS_FIELD_NUMBER: _ClassVar[int]
    LOOKBACK_START_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    granularity: str
    lookback_days: int
    lookback_start: int
    def __init__(self, org_name: _Optional[str] = ..., granularity: _Optional[str] = ..., lookback_days: _Optional[int] = ..., lookback_start: _Optional[int] = ...) -> None: ...

class GetUsageSummaryDeployComputeResponse(_message.Message):
    __slots__ = ("summary", "tag_keys")
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    TAG_KEYS_FIELD_NUMBER: _ClassVar[int]
    summary: _containers.RepeatedCompositeFieldContainer[ResourceCountSummary]
    tag_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, summary: _Optional[_Iterable[_Union[ResourceCountSummary, _Mapping]]] = ..., tag_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class ResourceCountSummary(_message.Message):
    __slots__ = ("year", "month", "day", "week_number", "hour", "resources", "resource_hours", "tags")
    class TagsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    YEAR_FIELD_NUMBER: _ClassVar[int]
    MONTH_FIELD_NUMBER: _ClassVar[int]
    DAY_FIELD_NUMBER: _ClassVar[int]
    WEEK_NUMBER_FIELD_NUMBER: _ClassVar[int]
    HOUR_FIELD_NUMBER: _ClassVar[int]
    RESOURCES_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_HOURS_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    year: int
    month: int
    day: int
    week_number: int
    hour: int
    resources: int
    resource_hours: int
    tags: _containers.ScalarMap[str, str]
    def __init__(self, year: _Optional[int] = ..., month: _Optional[int] = ..., day: _Optional[int] = ..., week_number: _Optional[int] = ..., hour: _Optional[int] = ..., resources: _Optional[int] = ..., resource_hours: _Optional[int] = ..., tags: _Optional[_Mapping[str, str]] = ...) -> None: ...

class GetDeployUsageReportRequest(_message.Message):
    __slots__ = ("org_name", "lookback_days")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    LOOKBACK_DAYS_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    lookback_days: int
    def __init__(self, org_name: _Optional[str] = ..., lookback_days: _Optional[int] = ...) -> None: ...

class GetDeployUsageReportResponse(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[UsageRecord]
    def __init__(self, items: _Optional[_Iterable[_Union[UsageRecord, _Mapping]]] = ...) -> None: ...

class UsageRecord(_message.Message):
    __slots__ = ("org_id", "timestamp", "usage_range_start", "usage_range_end", "value", "tags", "count")
    class TagsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    USAGE_RANGE_START_FIELD_NUMBER: _ClassVar[int]
    USAGE_RANGE_END_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    org_id: str
    timestamp: int
    usage_range_start: int
    usage_range_end: int
    value: int
    tags: _containers.ScalarMap[str, str]
    count: int
    def __init__(self, org_id: _Optional[str] = ..., timestamp: _Optional[int] = ..., usage_range_start: _Optional[int] = ..., usage_range_end: _Optional[int] = ..., value: _Optional[int] = ..., tags: _Optional[_Mapping[str, str]] = ..., count: _Optional[int] = ...) -> None: ...

class GetUsageSummaryDiscoveredResourceHoursRequest(_message.Message):
    __slots__ = ("org_name", "granularity", "lookback_days", "lookback_start")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    GRANULARITY_FIELD_NUMBER: _ClassVar[int]
    LOOKBACK_DAYS_FIELD_NUMBER: _ClassVar[int]
    LOOKBACK_START_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    granularity: str
    lookback_days: int
    lookback_start: int
    def __init__(self, org_name: _Optional[str] = ..., granularity: _Optional[str] = ..., lookback_days: _Optional[int] = ..., lookback_start: _Optional[int] = ...) -> None: ...

class GetUsageSummaryDiscoveredResourceHoursResponse(_message.Message):
    __slots__ = ("summary", "tag_keys")
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    TAG_KEYS_FIELD_NUMBER: _ClassVar[int]
    summary: _containers.RepeatedCompositeFieldContainer[ResourceCountSummary]
    tag_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, summary: _Optional[_Iterable[_Union[ResourceCountSummary, _Mapping]]] = ..., tag_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class GetUsageSummaryNeoTokensRequest(_message.Message):
    __slots__ = ("org_name", "granularity", "include_tag_breakdown", "lookback_days", "lookback_start")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    GRANULARITY_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_TAG_BREAKDOWN_FIELD_NUMBER: _ClassVar[int]
    LOOKBACK_DAYS_FIELD_NUMBER: _ClassVar[int]
    LOOKBACK_START_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    granularity: str
    include_tag_breakdown: bool
    lookback_days: int
    lookback_start: int
    def __init__(self, org_name: _Optional[str] = ..., granularity: _Optional[str] = ..., include_tag_breakdown: _Optional[bool] = ..., lookback_days: _Optional[int] = ..., lookback_start: _Optional[int] = ...) -> None: ...

class GetUsageSummaryNeoTokensResponse(_message.Message):
    __slots__ = ("summary", "tag_keys")
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    TAG_KEYS_FIELD_NUMBER: _ClassVar[int]
    summary: _containers.RepeatedCompositeFieldContainer[ResourceCountSummary]
    tag_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, summary: _Optional[_Iterable[_Union[ResourceCountSummary, _Mapping]]] = ..., tag_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class GetUsageSummaryResourceHoursRequest(_message.Message):
    __slots__ = ("org_name", "granularity", "lookback_days", "lookback_start")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    GRANULARITY_FIELD_NUMBER: _ClassVar[int]
    LOOKBACK_DAYS_FIELD_NUMBER: _ClassVar[int]
    LOOKBACK_START_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    granularity: str
    lookback_days: int
    lookback_start: int
    def __init__(self, org_name: _Optional[str] = ..., granularity: _Optional[str] = ..., lookback_days: _Optional[int] = ..., lookback_start: _Optional[int] = ...) -> None: ...

class GetUsageSummaryResourceHoursResponse(_message.Message):
    __slots__ = ("summary", "tag_keys")
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    TAG_KEYS_FIELD_NUMBER: _ClassVar[int]
    summary: _containers.RepeatedCompositeFieldContainer[ResourceCountSummary]
    tag_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, summary: _Optional[_Iterable[_Union[ResourceCountSummary, _Mapping]]] = ..., tag_keys: _Optional[_Iterable[str]] = ...) -> None: ...

class GetUsageSummaryEnvironmentSecretsRequest(_message.Message):
    __slots__ = ("org_name", "granularity", "lookback_days", "lookback_start")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    GRANULARITY_FIELD_NUMBER: _ClassVar[int]
    LOOKBACK_DAYS_FIELD_NUMBER: _ClassVar[int]
    LOOKBACK_START_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    granularity: str
    lookback_days: int
    lookback_start: int
    def __init__(self, org_name: _Optional[str] = ..., granularity: _Optional[str] = ..., lookback_days: _Optional[int] = ..., lookback_start: _Optional[int] = ...) -> None: ...

class GetUsageSummaryEnvironmentSecretsResponse(_message.Message):
    __slots__ = ("summary", "tag_keys")
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    TAG_KEYS_FIELD_NUMBER: _ClassVar[int]
    summary: _containers.RepeatedCompositeFieldContainer[ResourceCountSummary]
    tag_keys: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, summary: _Optional[_Iterable[_Union[ResourceCountSummary, _Mapping]]] = ..., tag_keys: _Optional[_Iterable[str]] = ...) -> None: ...
