from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class BatchDecryptProjectValueRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "body")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    body: _struct_pb2.Struct
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., body: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class BatchDecryptProjectValueResponse(_message.Message):
    __slots__ = ("plaintexts",)
    class PlaintextsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: bytes
        def __init__(self, key: _Optional[str] = ..., value: _Optional[bytes] = ...) -> None: ...
    PLAINTEXTS_FIELD_NUMBER: _ClassVar[int]
    plaintexts: _containers.ScalarMap[str, bytes]
    def __init__(self, plaintexts: _Optional[_Mapping[str, bytes]] = ...) -> None: ...

class DecryptProjectValueRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "body")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    body: _struct_pb2.Struct
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., body: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class DecryptProjectValueResponse(_message.Message):
    __slots__ = ("plaintext",)
    PLAINTEXT_FIELD_NUMBER: _ClassVar[int]
    plaintext: bytes
    def __init__(self, plaintext: _Optional[bytes] = ...) -> None: ...

class EncryptProjectValueRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "body")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    body: _struct_pb2.Struct
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., body: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class EncryptProjectValueResponse(_message.Message):
    __slots__ = ("ciphertext",)
    CIPHERTEXT_FIELD_NUMBER: _ClassVar[int]
    ciphertext: bytes
    def __init__(self, ciphertext: _Optional[bytes] = ...) -> None: ...

class ProjectExistsRequest(_message.Message):
    __slots__ = ("org_name", "project_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ...) -> None: ...

class ProjectExistsResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
