from google.protobuf import descriptor_pb2 as _descriptor_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class ConflictCode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CONFLICT_CODE_UNSPECIFIED: _ClassVar[ConflictCode]
    CONFLICT_CODE_ALREADY_EXISTS: _ClassVar[ConflictCode]
CONFLICT_CODE_UNSPECIFIED: ConflictCode
CONFLICT_CODE_ALREADY_EXISTS: ConflictCode
BODY_VALUE_FIELD_NUMBER: _ClassVar[int]
body_value: _descriptor.FieldDescriptor
QUERY_VALUE_FIELD_NUMBER: _ClassVar[int]
query_value: _descriptor.FieldDescriptor
ON_CONFLICT_FIELD_NUMBER: _ClassVar[int]
on_conflict: _descriptor.FieldDescriptor
RAW_RESPONSE_FIELD_FIELD_NUMBER: _ClassVar[int]
raw_response_field: _descriptor.FieldDescriptor
PAGINATION_FIELD_NUMBER: _ClassVar[int]
pagination: _descriptor.FieldDescriptor
COMPOSITE_FIELD_NUMBER: _ClassVar[int]
composite: _descriptor.FieldDescriptor
ALLOWED_VALUES_FIELD_NUMBER: _ClassVar[int]
allowed_values: _descriptor.FieldDescriptor

class FixedValue(_message.Message):
    __slots__ = ("name", "value")
    NAME_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    name: str
    value: str
    def __init__(self, name: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...

class Pagination(_message.Message):
    __slots__ = ("method", "items_field", "request_token_field", "response_token_field", "follow")
    METHOD_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_FIELD_NUMBER: _ClassVar[int]
    REQUEST_TOKEN_FIELD_FIELD_NUMBER: _ClassVar[int]
    RESPONSE_TOKEN_FIELD_FIELD_NUMBER: _ClassVar[int]
    FOLLOW_FIELD_NUMBER: _ClassVar[int]
    method: str
    items_field: str
    request_token_field: str
    response_token_field: str
    follow: bool
    def __init__(self, method: _Optional[str] = ..., items_field: _Optional[str] = ..., request_token_field: _Optional[str] = ..., response_token_field: _Optional[str] = ..., follow: _Optional[bool] = ...) -> None: ...

class Composite(_message.Message):
    __slots__ = ("calls",)
    CALLS_FIELD_NUMBER: _ClassVar[int]
    calls: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, calls: _Optional[_Iterable[str]] = ...) -> None: ...
