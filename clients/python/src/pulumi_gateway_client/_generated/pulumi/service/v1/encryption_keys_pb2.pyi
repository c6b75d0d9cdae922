from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from pulumi_gateway_client._generated.pulumi.gateway.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ListOrganizationKeysRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class ListOrganizationKeysResponse(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[CustomerManagedKey]
    def __init__(self, items: _Optional[_Iterable[_Union[CustomerManagedKey, _Mapping]]] = ...) -> None: ...

class CustomerManagedKey(_message.Message):
    __slots__ = ("id", "name", "key_type", "aws_kms", "state")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    KEY_TYPE_FIELD_NUMBER: _ClassVar[int]
    AWS_KMS_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    key_type: str
    aws_kms: AwsKmsConfig
    state: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., key_type: _Optional[str] = ..., aws_kms: _Optional[_Union[AwsKmsConfig, _Mapping]] = ..., state: _Optional[str] = ...) -> None: ...

class AwsKmsConfig(_message.Message):
    __slots__ = ("role_arn", "key_arn")
    ROLE_ARN_FIELD_NUMBER: _ClassVar[int]
    KEY_ARN_FIELD_NUMBER: _ClassVar[int]
    role_arn: str
    key_arn: str
    def __init__(self, role_arn: _Optional[str] = ..., key_arn: _Optional[str] = ...) -> None: ...

class CreateOrganizationKeyRequest(_message.Message):
    __slots__ = ("org_name", "name", "key_type", "aws_kms")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    KEY_TYPE_FIELD_NUMBER: _ClassVar[int]
    AWS_KMS_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    name: str
    key_type: str
    aws_kms: AwsKmsConfig
    def __init__(self, org_name: _Optional[str] = ..., name: _Optional[str] = ..., key_type: _Optional[str] = ..., aws_kms: _Optional[_Union[AwsKmsConfig, _Mapping]] = ...) -> None: ...

class CreateOrganizationKeyResponse(_message.Message):
    __slots__ = ("customer_managed_key",)
    CUSTOMER_MANAGED_KEY_FIELD_NUMBER: _ClassVar[int]
    customer_managed_key: CustomerManagedKey
    def __init__(self, customer_managed_key: _Optional[_Union[CustomerManagedKey, _Mapping]] = ...) -> None: ...

class DisableAllOrganizationKeysRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class DisableAllOrganizationKeysResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListOrganizationKeyMigrationsRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class ListOrganizationKeyMigrationsResponse(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[KeyEncryptionKeyMigration]
    def __init__(self, items: _Optional[_Iterable[_Union[KeyEncryptionKeyMigration, _Mapping]]] = ...) -> None: ...

class KeyEncryptionKeyMigration(_message.Message):
    __slots__ = ("id", "state")
    ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    id: str
    state: str
    def __init__(self, id: _Optional[str] = ..., state: _Optional[str] = ...) -> None: ...

class RetryOrganizationKeyMigrationsRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class RetryOrganizationKeyMigrationsResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class SetDefaultOrganizationKeyRequest(_message.Message):
    __slots__ = ("org_name", "key_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    KEY_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    key_id: str
    def __init__(self, org_name: _Optional[str] = ..., key_id: _Optional[str] = ...) -> None: ...

class SetDefaultOrganizationKeyResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DisableOrganizationKeyRequest(_message.Message):
    __slots__ = ("org_name", "key_id", "dest_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    KEY_ID_FIELD_NUMBER: _ClassVar[int]
    DEST_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    key_id: str
    dest_id: str
    def __init__(self, org_name: _Optional[str] = ..., key_id: _Optional[str] = ..., dest_id: _Optional[str] = ...) -> None: ...

class DisableOrganizationKeyResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
