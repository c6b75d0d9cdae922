from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import stacks_pb2 as _stacks_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class BatchDecryptValueRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "ciphertexts")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    CIPHERTEXTS_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    ciphertexts: _containers.RepeatedScalarFieldContainer[bytes]
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., ciphertexts: _Optional[_Iterable[bytes]] = ...) -> None: ...

class BatchDecryptValueResponse(_message.Message):
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

class BatchEncryptValueRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "plaintexts")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    PLAINTEXTS_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    plaintexts: _containers.RepeatedScalarFieldContainer[bytes]
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., plaintexts: _Optional[_Iterable[bytes]] = ...) -> None: ...

class BatchEncryptValueResponse(_message.Message):
    __slots__ = ("ciphertexts",)
    CIPHERTEXTS_FIELD_NUMBER: _ClassVar[int]
    ciphertexts: _containers.RepeatedScalarFieldContainer[bytes]
    def __init__(self, ciphertexts: _Optional[_Iterable[bytes]] = ...) -> None: ...

class GetStackConfigRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class GetStackConfigResponse(_message.Message):
    __slots__ = ("stack_config",)
    STACK_CONFIG_FIELD_NUMBER: _ClassVar[int]
    stack_config: _stacks_pb2.StackConfig
    def __init__(self, stack_config: _Optional[_Union[_stacks_pb2.StackConfig, _Mapping]] = ...) -> None: ...

class UpdateStackConfigRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "environment", "secrets_provider", "encrypted_key", "encryption_salt")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    ENVIRONMENT_FIELD_NUMBER: _ClassVar[int]
    SECRETS_PROVIDER_FIELD_NUMBER: _ClassVar[int]
    ENCRYPTED_KEY_FIELD_NUMBER: _ClassVar[int]
    ENCRYPTION_SALT_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    environment: str
    secrets_provider: str
    encrypted_key: str
    encryption_salt: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., environment: _Optional[str] = ..., secrets_provider: _Optional[str] = ..., encrypted_key: _Optional[str] = ..., encryption_salt: _Optional[str] = ...) -> None: ...

class UpdateStackConfigResponse(_message.Message):
    __slots__ = ("stack_config",)
    STACK_CONFIG_FIELD_NUMBER: _ClassVar[int]
    stack_config: _stacks_pb2.StackConfig
    def __init__(self, stack_config: _Optional[_Union[_stacks_pb2.StackConfig, _Mapping]] = ...) -> None: ...

class DeleteStackConfigRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class DeleteStackConfigResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DecryptValueRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "ciphertext")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    CIPHERTEXT_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    ciphertext: bytes
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., ciphertext: _Optional[bytes] = ...) -> None: ...

class DecryptValueResponse(_message.Message):
    __slots__ = ("plaintext",)
    PLAINTEXT_FIELD_NUMBER: _ClassVar[int]
    plaintext: bytes
    def __init__(self, plaintext: _Optional[bytes] = ...) -> None: ...

class LogOnlyBatchDecryptValueRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "secret_name", "command_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    SECRET_NAME_FIELD_NUMBER: _ClassVar[int]
    COMMAND_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    secret_name: str
    command_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., secret_name: _Optional[str] = ..., command_name: _Optional[str] = ...) -> None: ...

class LogOnlyBatchDecryptValueResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class LogOnlyDecryptValueRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "secret_name", "command_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    SECRET_NAME_FIELD_NUMBER: _ClassVar[int]
    COMMAND_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    secret_name: str
    command_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., secret_name: _Optional[str] = ..., command_name: _Optional[str] = ...) -> None: ...

class LogOnlyDecryptValueResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class EncryptValueRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "plaintext")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    PLAINTEXT_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    plaintext: bytes
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., plaintext: _Optional[bytes] = ...) -> None: ...

class EncryptValueResponse(_message.Message):
    __slots__ = ("ciphertext",)
    CIPHERTEXT_FIELD_NUMBER: _ClassVar[int]
    ciphertext: bytes
    def __init__(self, ciphertext: _Optional[bytes] = ...) -> None: ...
