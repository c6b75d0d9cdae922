from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetLatestStackResourcesRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class GetLatestStackResourcesResponse(_message.Message):
    __slots__ = ("stack_resources",)
    STACK_RESOURCES_FIELD_NUMBER: _ClassVar[int]
    stack_resources: GetStackResourcesResponse
    def __init__(self, stack_resources: _Optional[_Union[GetStackResourcesResponse, _Mapping]] = ...) -> None: ...

class GetStackResourcesResponse(_message.Message):
    __slots__ = ("resources", "region", "version")
    RESOURCES_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    resources: _containers.RepeatedCompositeFieldContainer[ResourceInfo]
    region: str
    version: int
    def __init__(self, resources: _Optional[_Iterable[_Union[ResourceInfo, _Mapping]]] = ..., region: _Optional[str] = ..., version: _Optional[int] = ...) -> None: ...

class ResourceInfo(_message.Message):
    __slots__ = ("resource",)
    RESOURCE_FIELD_NUMBER: _ClassVar[int]
    resource: Resource
    def __init__(self, resource: _Optional[_Union[Resource, _Mapping]] = ...) -> None: ...

class Resource(_message.Message):
    __slots__ = ("id", "type", "urn", "custom", "delete", "dependencies", "parent", "protect", "external", "retain_on_delete", "additional_secret_outputs", "aliases", "deleted_with", "init_errors", "inputs", "outputs", "provider_inputs")
    class InputsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _struct_pb2.Struct
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...
    class OutputsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _struct_pb2.Struct
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...
    class ProviderInputsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _struct_pb2.Struct
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...
    ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    URN_FIELD_NUMBER: _ClassVar[int]
    CUSTOM_FIELD_NUMBER: _ClassVar[int]
    DELETE_FIELD_NUMBER: _ClassVar[int]
    DEPENDENCIES_FIELD_NUMBER: _ClassVar[int]
    PARENT_FIELD_NUMBER: _ClassVar[int]
    PROTECT_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_FIELD_NUMBER: _ClassVar[int]
    RETAIN_ON_DELETE_FIELD_NUMBER: _ClassVar[int]
    ADDITIONAL_SECRET_OUTPUTS_FIELD_NUMBER: _ClassVar[int]
    ALIASES_FIELD_NUMBER: _ClassVar[int]
    DELETED_WITH_FIELD_NUMBER: _ClassVar[int]
    INIT_ERRORS_FIELD_NUMBER: _ClassVar[int]
    INPUTS_FIELD_NUMBER: _ClassVar[int]
    OUTPUTS_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_INPUTS_FIELD_NUMBER: _ClassVar[int]
    id: str
    type: str
    urn: str
    custom: bool
    delete: bool
    dependencies: _containers.RepeatedScalarFieldContainer[str]
    parent: str
    protect: bool
    external: bool
    retain_on_delete: bool
    additional_secret_outputs: _containers.RepeatedScalarFieldContainer[str]
    aliases: _containers.RepeatedScalarFieldContainer[str]
    deleted_with: str
    init_errors: _containers.RepeatedScalarFieldContainer[str]
    inputs: _containers.MessageMap[str, _struct_pb2.Struct]
    outputs: _containers.MessageMap[str, _struct_pb2.Struct]
    provider_inputs: _containers.MessageMap[str, _struct_pb2.Struct]
    def __init__(self, id: _Optional[str] = ..., type: _Optional[str] = ..., urn: _Optional[str] = ..., custom: _Optional[bool] = ..., delete: _Optional[bool] = ..., dependencies: _Optional[_Iterable[str]] = ..., parent: _Optional[str] = ..., protect: _Optional[bool] = ..., external: _Optional[bool] = ..., retain_on_delete: _Optional[bool] = ..., additional_secret_outputs: _Optional[_Iterable[str]] = ..., aliases: _Optional[_Iterable[str]] = ..., deleted_with: _Optional[str] = ..., init_errors: _Optional[_Iterable[str]] = ..., inputs: _Optional[_Mapping[str, _struct_pb2.Struct]] = ..., outputs: _Optional[_Mapping[str, _struct_pb2.Struct]] = ..., provider_inputs: _Optional[_Mapping[str, _struct_pb2.Struct]] = ...) -> None: ...

class GetLatestStackResourceRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "urn")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    URN_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    urn: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., urn: _Optional[str] = ...) -> None: ...

class GetLatestStackResourceResponse(_message.Message):
    __slots__ = ("resource", "region", "version")
    RESOURCE_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    resource: ResourceInfo
    region: str
    version: int
    def __init__(self, resource: _Optional[_Union[ResourceInfo, _Mapping]] = ..., region: _Optional[str] = ..., version: _Optional[int] = ...) -> None: ...

class GetStackResourcesRequest(_message.Message):
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

class GetStackResourceRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "version", "urn")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    URN_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    version: int
    urn: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., version: _Optional[int] = ..., urn: _Optional[str] = ...) -> None: ...

class GetStackResourceResponse(_message.Message):
    __slots__ = ("resource", "region", "version")
    RESOURCE_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    resource: ResourceInfo
    region: str
    version: int
    def __init__(self, resource: _Optional[_Union[ResourceInfo, _Mapping]] = ..., region: _Optional[str] = ..., version: _Optional[int] = ...) -> None: ...
