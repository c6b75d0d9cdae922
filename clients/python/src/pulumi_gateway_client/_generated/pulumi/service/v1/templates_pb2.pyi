from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.api import httpbody_pb2 as _httpbody_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from pulumi_gateway_client._generated.pulumi.gateway.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetProjectTemplateRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class GetProjectTemplateResponse(_message.Message):
    __slots__ = ("value",)
    VALUE_FIELD_NUMBER: _ClassVar[int]
    value: _struct_pb2.Struct
    def __init__(self, value: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class GetProjectTemplateConfigurationRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class GetProjectTemplateConfigurationResponse(_message.Message):
    __slots__ = ("destination",)
    DESTINATION_FIELD_NUMBER: _ClassVar[int]
    destination: TemplateDestination
    def __init__(self, destination: _Optional[_Union[TemplateDestination, _Mapping]] = ...) -> None: ...

class TemplateDestination(_message.Message):
    __slots__ = ("url",)
    URL_FIELD_NUMBER: _ClassVar[int]
    url: str
    def __init__(self, url: _Optional[str] = ...) -> None: ...

class GetOrgTemplateDownloadRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class GetOrgTemplateReadmeRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class GetOrgTemplatesRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class GetOrgTemplatesResponse(_message.Message):
    __slots__ = ("templates", "org_has_templates", "has_access_error", "has_upstream_error", "diagnostics")
    class TemplatesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _struct_pb2.ListValue
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[_struct_pb2.ListValue, _Mapping]] = ...) -> None: ...
    TEMPLATES_FIELD_NUMBER: _ClassVar[int]
    ORG_HAS_TEMPLATES_FIELD_NUMBER: _ClassVar[int]
    HAS_ACCESS_ERROR_FIELD_NUMBER: _ClassVar[int]
    HAS_UPSTREAM_ERROR_FIELD_NUMBER: _ClassVar[int]
    DIAGNOSTICS_FIELD_NUMBER: _ClassVar[int]
    templates: _containers.MessageMap[str, _struct_pb2.ListValue]
    org_has_templates: bool
    has_access_error: bool
    has_upstream_error: bool
    diagnostics: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, templates: _Optional[_Mapping[str, _struct_pb2.ListValue]] = ..., org_has_templates: _Optional[bool] = ..., has_access_error: _Optional[bool] = ..., has_upstream_error: _Optional[bool] = ..., diagnostics: _Optional[_Iterable[str]] = ...) -> None: ...

class GetOrgTemplateCollectionsRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class GetOrgTemplateCollectionsResponse(_message.Message):
    __slots__ = ("sources",)
    SOURCES_FIELD_NUMBER: _ClassVar[int]
    sources: _containers.RepeatedCompositeFieldContainer[TemplateSource]
    def __init__(self, sources: _Optional[_Iterable[_Union[TemplateSource, _Mapping]]] = ...) -> None: ...

class TemplateSource(_message.Message):
    __slots__ = ("id", "is_valid", "error", "name", "source_url", "destination_url", "destination")
    ID_FIELD_NUMBER: _ClassVar[int]
    IS_VALID_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SOURCE_URL_FIELD_NUMBER: _ClassVar[int]
    DESTINATION_URL_FIELD_NUMBER: _ClassVar[int]
    DESTINATION_FIELD_NUMBER: _ClassVar[int]
    id: str
    is_valid: bool
    error: str
    name: str
    source_url: str
    destination_url: str
    destination: TemplateDestination
    def __init__(self, id: _Optional[str] = ..., is_valid: _Optional[bool] = ..., error: _Optional[str] = ..., name: _Optional[str] = ..., source_url: _Optional[str] = ..., destination_url: _Optional[str] = ..., destination: _Optional[_Union[TemplateDestination, _Mapping]] = ...) -> None: ...

class CreateOrgTemplateCollectionRequest(_message.Message):
    __slots__ = ("org_name", "name", "source_url", "destination_url", "destination")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SOURCE_URL_FIELD_NUMBER: _ClassVar[int]
    DESTINATION_URL_FIELD_NUMBER: _ClassVar[int]
    DESTINATION_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    name: str
    source_url: str
    destination_url: str
    destination: TemplateDestination
    def __init__(self, org_name: _Optional[str] = ..., name: _Optional[str] = ..., source_url: _Optional[str] = ..., destination_url: _Optional[str] = ..., destination: _Optional[_Union[TemplateDestination, _Mapping]] = ...) -> None: ...

class CreateOrgTemplateCollectionResponse(_message.Message):
    __slots__ = ("template_source",)
    TEMPLATE_SOURCE_FIELD_NUMBER: _ClassVar[int]
    template_source: TemplateSource
    def __init__(self, template_source: _Optional[_Union[TemplateSource, _Mapping]] = ...) -> None: ...

class UpdateOrgTemplateCollectionRequest(_message.Message):
    __slots__ = ("org_name", "template_id", "name", "source_url", "destination_url", "destination")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SOURCE_URL_FIELD_NUMBER: _ClassVar[int]
    DESTINATION_URL_FIELD_NUMBER: _ClassVar[int]
    DESTINATION_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    template_id: str
    name: str
    source_url: str
    destination_url: str
    destination: TemplateDestination
    def __init__(self, org_name: _Optional[str] = ..., template_id: _Optional[str] = ..., name: _Optional[str] = ..., source_url: _Optional[str] = ..., destination_url: _Optional[str] = ..., destination: _Optional[_Union[TemplateDestination, _Mapping]] = ...) -> None: ...

class UpdateOrgTemplateCollectionResponse(_message.Message):
    __slots__ = ("template_source",)
    TEMPLATE_SOURCE_FIELD_NUMBER: _ClassVar[int]
    template_source: TemplateSource
    def __init__(self, template_source: _Optional[_Union[TemplateSource, _Mapping]] = ...) -> None: ...

class DeleteOrgTemplateCollectionRequest(_message.Message):
    __slots__ = ("org_name", "template_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    template_id: str
    def __init__(self, org_name: _Optional[str] = ..., template_id: _Optional[str] = ...) -> None: ...

class DeleteOrgTemplateCollectionResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
