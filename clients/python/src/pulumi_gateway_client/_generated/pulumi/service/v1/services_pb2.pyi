from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from pulumi_gateway_client._generated.pulumi.gateway.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ListServicesRequest(_message.Message):
    __slots__ = ("org_name", "continuation_token", "max_results")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    MAX_RESULTS_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    continuation_token: str
    max_results: int
    def __init__(self, org_name: _Optional[str] = ..., continuation_token: _Optional[str] = ..., max_results: _Optional[int] = ...) -> None: ...

class ListServicesResponse(_message.Message):
    __slots__ = ("services", "continuation_token")
    SERVICES_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    services: _containers.RepeatedCompositeFieldContainer[Service]
    continuation_token: str
    def __init__(self, services: _Optional[_Iterable[_Union[Service, _Mapping]]] = ..., continuation_token: _Optional[str] = ...) -> None: ...

class Service(_message.Message):
    __slots__ = ("organization_name", "owner", "name", "description", "created", "members", "item_count_summary", "properties")
    class ItemCountSummaryEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    ORGANIZATION_NAME_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_FIELD_NUMBER: _ClassVar[int]
    ITEM_COUNT_SUMMARY_FIELD_NUMBER: _ClassVar[int]
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    organization_name: str
    owner: ServiceMember
    name: str
    description: str
    created: str
    members: _containers.RepeatedCompositeFieldContainer[ServiceMember]
    item_count_summary: _containers.ScalarMap[str, int]
    properties: _containers.RepeatedCompositeFieldContainer[ServiceProperty]
    def __init__(self, organization_name: _Optional[str] = ..., owner: _Optional[_Union[ServiceMember, _Mapping]] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., created: _Optional[str] = ..., members: _Optional[_Iterable[_Union[ServiceMember, _Mapping]]] = ..., item_count_summary: _Optional[_Mapping[str, int]] = ..., properties: _Optional[_Iterable[_Union[ServiceProperty, _Mapping]]] = ...) -> None: ...

class ServiceMember(_message.Message):
    __slots__ = ("type", "name", "avatar_url")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    AVATAR_URL_FIELD_NUMBER: _ClassVar[int]
    type: str
    name: str
    avatar_url: str
    def __init__(self, type: _Optional[str] = ..., name: _Optional[str] = ..., avatar_url: _Optional[str] = ...) -> None: ...

class ServiceProperty(_message.Message):
    __slots__ = ("key", "value", "type", "order")
    KEY_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    ORDER_FIELD_NUMBER: _ClassVar[int]
    key: str
    value: str
    type: str
    order: int
    def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ..., type: _Optional[str] = ..., order: _Optional[int] = ...) -> None: ...

class CreateServiceRequest(_message.Message):
    __slots__ = ("org_name", "owner_type", "owner_name", "name", "description", "items", "properties")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    OWNER_TYPE_FIELD_NUMBER: _ClassVar[int]
    OWNER_NAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    owner_type: str
    owner_name: str
    name: str
    description: str
    items: _containers.RepeatedCompositeFieldContainer[AddServiceItem]
    properties: _containers.RepeatedCompositeFieldContainer[ServiceProperty]
    def __init__(self, org_name: _Optional[str] = ..., owner_type: _Optional[str] = ..., owner_name: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., items: _Optional[_Iterable[_Union[AddServiceItem, _Mapping]]] = ..., properties: _Optional[_Iterable[_Union[ServiceProperty, _Mapping]]] = ...) -> None: ...

class AddServiceItem(_message.Message):
    __slots__ = ("type", "name")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    type: str
    name: str
    def __init__(self, type: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class CreateServiceResponse(_message.Message):
    __slots__ = ("service",)
    SERVICE_FIELD_NUMBER: _ClassVar[int]
    service: Service
    def __init__(self, service: _Optional[_Union[Service, _Mapping]] = ...) -> None: ...

class GetServiceRequest(_message.Message):
    __slots__ = ("org_name", "owner_type", "owner_name", "service_name", "continuation_token", "max_results")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    OWNER_TYPE_FIELD_NUMBER: _ClassVar[int]
    OWNER_NAME_FIELD_NUMBER: _ClassVar[int]
    SERVICE_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    MAX_RESULTS_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    owner_type: str
    owner_name: str
    service_name: str
    continuation_token: str
    max_results: int
    def __init__(self, org_name: _Optional[str] = ..., owner_type: _Optional[str] = ..., owner_name: _Optional[str] = ..., service_name: _Optional[str] = ..., continuation_token: _Optional[str] = ..., max_results: _Optional[int] = ...) -> None: ...

class GetServiceResponse(_message.Message):
    __slots__ = ("service", "items", "continuation_token")
    SERVICE_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    service: Service
    items: _containers.RepeatedCompositeFieldContainer[ServiceItem]
    continuation_token: str
    def __init__(self, service: _Optional[_Union[Service, _Mapping]] = ..., items: _Optional[_Iterable[_Union[ServiceItem, _Mapping]]] = ..., continuation_token: _Optional[str] = ...) -> None: ...

class ServiceItem(_message.Message):
    __slots__ = ("organization_name", "type", "name", "version", "created", "last_update", "added_by_user", "cloud_count")
    ORGANIZATION_NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    LAST_UPDATE_FIELD_NUMBER: _ClassVar[int]
    ADDED_BY_USER_FIELD_NUMBER: _ClassVar[int]
    CLOUD_COUNT_FIELD_NUMBER: _ClassVar[int]
    organization_name: str
    type: str
    name: str
    version: str
    created: str
    last_update: ServiceItemUpdate
    added_by_user: ServiceMember
    cloud_count: int
    def __init__(self, organization_name: _Optional[str] = ..., type: _Optional[str] = ..., name: _Optional[str] = ..., version: _Optional[str] = ..., created: _Optional[str] = ..., last_update: _Optional[_Union[ServiceItemUpdate, _Mapping]] = ..., added_by_user: _Optional[_Union[ServiceMember, _Mapping]] = ..., cloud_count: _Optional[int] = ...) -> None: ...

class ServiceItemUpdate(_message.Message):
    __slots__ = ("timestamp", "message", "success")
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    SUCCESS_FIELD_NUMBER: _ClassVar[int]
    timestamp: str
    message: str
    success: bool
    def __init__(self, timestamp: _Optional[str] = ..., message: _Optional[str] = ..., success: _Optional[bool] = ...) -> None: ...

class ServiceExistsRequest(_message.Message):
    __slots__ = ("org_name", "owner_type", "owner_name", "service_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    OWNER_TYPE_FIELD_NUMBER: _ClassVar[int]
    OWNER_NAME_FIELD_NUMBER: _ClassVar[int]
    SERVICE_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    owner_type: str
    owner_name: str
    service_name: str
    def __init__(self, org_name: _Optional[str] = ..., owner_type: _Optional[str] = ..., owner_name: _Optional[str] = ..., service_name: _Optional[str] = ...) -> None: ...

class ServiceExistsResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class UpdateServiceRequest(_message.Message):
    __slots__ = ("org_name", "owner_type", "owner_name", "service_name", "name", "description", "properties")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    OWNER_TYPE_FIELD_NUMBER: _ClassVar[int]
    OWNER_NAME_FIELD_NUMBER: _ClassVar[int]
    SERVICE_NAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    owner_type: str
    owner_name: str
    service_name: str
    name: str
    description: str
    properties: _containers.RepeatedCompositeFieldContainer[ServiceProperty]
    def __init__(self, org_name: _Optional[str] = ..., owner_type: _Optional[str] = ..., owner_name: _Optional[str] = ..., service_name: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., properties: _Optional[_Iterable[_Union[ServiceProperty, _Mapping]]] = ...) -> None: ...

class UpdateServiceResponse(_message.Message):
    __slots__ = ("service",)
    SERVICE_FIELD_NUMBER: _ClassVar[int]
    service: Service
    def __init__(self, service: _Optional[_Union[Service, _Mapping]] = ...) -> None: ...

class DeleteServiceRequest(_message.Message):
    __slots__ = ("org_name", "owner_type", "owner_name", "service_name", "force")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    OWNER_TYPE_FIELD_NUMBER: _ClassVar[int]
    OWNER_NAME_FIELD_NUMBER: _ClassVar[int]
    SERVICE_NAME_FIELD_NUMBER: _ClassVar[int]
    FORCE_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    owner_type: str
    owner_name: str
    service_name: str
    force: bool
    def __init__(self, org_name: _Optional[str] = ..., owner_type: _Optional[str] = ..., owner_name: _Optional[str] = ..., service_name: _Optional[str] = ..., force: _Optional[bool] = ...) -> None: ...

class DeleteServiceResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class AddServiceItemsV2Request(_message.Message):
    __slots__ = ("org_name", "owner_type", "owner_name", "service_name", "items")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    OWNER_TYPE_FIELD_NUMBER: _ClassVar[int]
    OWNER_NAME_FIELD_NUMBER: _ClassVar[int]
    SERVICE_NAME_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    owner_type: str
    owner_name: str
    service_name: str
    items: _containers.RepeatedCompositeFieldContainer[AddServiceItem]
    def __init__(self, org_name: _Optional[str] = ..., owner_type: _Optional[str] = ..., owner_name: _Optional[str] = ..., service_name: _Optional[str] = ..., items: _Optional[_Iterable[_Union[AddServiceItem, _Mapping]]] = ...) -> None: ...

class AddServiceItemsV2Response(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class RemoveServiceItemV2Request(_message.Message):
    __slots__ = ("org_name", "owner_type", "owner_name", "service_name", "item_type", "item_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    OWNER_TYPE_FIELD_NUMBER: _ClassVar[int]
    OWNER_NAME_FIELD_NUMBER: _ClassVar[int]
    SERVICE_NAME_FIELD_NUMBER: _ClassVar[int]
    ITEM_TYPE_FIELD_NUMBER: _ClassVar[int]
    ITEM_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    owner_type: str
    owner_name: str
    service_name: str
    item_type: str
    item_name: str
    def __init__(self, org_name: _Optional[str] = ..., owner_type: _Optional[str] = ..., owner_name: _Optional[str] = ..., service_name: _Optional[str] = ..., item_type: _Optional[str] = ..., item_name: _Optional[str] = ...) -> None: ...

class RemoveServiceItemV2Response(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
