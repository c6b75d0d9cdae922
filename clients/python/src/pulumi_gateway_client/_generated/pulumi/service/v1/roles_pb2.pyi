from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from pulumi_gateway_client._generated.pulumi.gateway.v1 import options_pb2 as _options_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import common_pb2 as _common_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import organizations_pb2 as _organizations_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import types_pb2 as _types_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ListRolesRequest(_message.Message):
    __slots__ = ("org_name", "ux_purpose")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    UX_PURPOSE_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    ux_purpose: str
    def __init__(self, org_name: _Optional[str] = ..., ux_purpose: _Optional[str] = ...) -> None: ...

class ListRolesResponse(_message.Message):
    __slots__ = ("roles",)
    ROLES_FIELD_NUMBER: _ClassVar[int]
    roles: _containers.RepeatedCompositeFieldContainer[_types_pb2.PermissionDescriptorRecord]
    def __init__(self, roles: _Optional[_Iterable[_Union[_types_pb2.PermissionDescriptorRecord, _Mapping]]] = ...) -> None: ...

class CreateRoleRequest(_message.Message):
    __slots__ = ("org_name", "create_policy_and_role", "body")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    CREATE_POLICY_AND_ROLE_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    create_policy_and_role: bool
    body: PermissionDescriptorBase
    def __init__(self, org_name: _Optional[str] = ..., create_policy_and_role: _Optional[bool] = ..., body: _Optional[_Union[PermissionDescriptorBase, _Mapping]] = ...) -> None: ...

class PermissionDescriptorBase(_message.Message):
    __slots__ = ("name", "description", "resource_type", "ux_purpose", "details")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_TYPE_FIELD_NUMBER: _ClassVar[int]
    UX_PURPOSE_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    name: str
    description: str
    resource_type: str
    ux_purpose: str
    details: _types_pb2.PermissionDescriptor
    def __init__(self, name: _Optional[str] = ..., description: _Optional[str] = ..., resource_type: _Optional[str] = ..., ux_purpose: _Optional[str] = ..., details: _Optional[_Union[_types_pb2.PermissionDescriptor, _Mapping]] = ...) -> None: ...

class CreateRoleResponse(_message.Message):
    __slots__ = ("permission_descriptor_record",)
    PERMISSION_DESCRIPTOR_RECORD_FIELD_NUMBER: _ClassVar[int]
    permission_descriptor_record: _types_pb2.PermissionDescriptorRecord
    def __init__(self, permission_descriptor_record: _Optional[_Union[_types_pb2.PermissionDescriptorRecord, _Mapping]] = ...) -> None: ...

class ListAvailableScopesRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class ListAvailableScopesResponse(_message.Message):
    __slots__ = ("entries",)
    class EntriesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _struct_pb2.ListValue
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[_struct_pb2.ListValue, _Mapping]] = ...) -> None: ...
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    entries: _containers.MessageMap[str, _struct_pb2.ListValue]
    def __init__(self, entries: _Optional[_Mapping[str, _struct_pb2.ListValue]] = ...) -> None: ...

class GetRoleRequest(_message.Message):
    __slots__ = ("org_name", "role_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    ROLE_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    role_id: str
    def __init__(self, org_name: _Optional[str] = ..., role_id: _Optional[str] = ...) -> None: ...

class GetRoleResponse(_message.Message):
    __slots__ = ("permission_descriptor_record",)
    PERMISSION_DESCRIPTOR_RECORD_FIELD_NUMBER: _ClassVar[int]
    permission_descriptor_record: _types_pb2.PermissionDescriptorRecord
    def __init__(self, permission_descriptor_record: _Optional[_Union[_types_pb2.PermissionDescriptorRecord, _Mapping]] = ...) -> None: ...

class UpdateRoleRequest(_message.Message):
    __slots__ = ("org_name", "role_id", "name", "description", "details")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    ROLE_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    role_id: str
    name: str
    description: str
    details: _types_pb2.PermissionDescriptor
    def __init__(self, org_name: _Optional[str] = ..., role_id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., details: _Optional[_Union[_types_pb2.PermissionDescriptor, _Mapping]] = ...) -> None: ...

class UpdateRoleResponse(_message.Message):
    __slots__ = ("permission_descriptor_record",)
    PERMISSION_DESCRIPTOR_RECORD_FIELD_NUMBER: _ClassVar[int]
    permission_descriptor_record: _types_pb2.PermissionDescriptorRecord
    def __init__(self, permission_descriptor_record: _Optional[_Union[_types_pb2.PermissionDescriptorRecord, _Mapping]] = ...) -> None: ...

class DeleteRoleRequest(_message.Message):
    __slots__ = ("org_name", "role_id", "force")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    ROLE_ID_FIELD_NUMBER: _ClassVar[int]
    FORCE_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    role_id: str
    force: bool
    def __init__(self, org_name: _Optional[str] = ..., role_id: _Optional[str] = ..., force: _Optional[bool] = ...) -> None: ...

class DeleteRoleResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class UpdateOrganizationDefaultRoleRequest(_message.Message):
    __slots__ = ("org_name", "role_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    ROLE_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    role_id: str
    def __init__(self, org_name: _Optional[str] = ..., role_id: _Optional[str] = ...) -> None: ...

class UpdateOrganizationDefaultRoleResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListTeamsWithRoleRequest(_message.Message):
    __slots__ = ("org_name", "role_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    ROLE_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    role_id: str
    def __init__(self, org_name: _Optional[str] = ..., role_id: _Optional[str] = ...) -> None: ...

class ListTeamsWithRoleResponse(_message.Message):
    __slots__ = ("teams",)
    TEAMS_FIELD_NUMBER: _ClassVar[int]
    teams: _containers.RepeatedCompositeFieldContainer[_organizations_pb2.Team]
    def __init__(self, teams: _Optional[_Iterable[_Union[_organizations_pb2.Team, _Mapping]]] = ...) -> None: ...

class ListOrgTokensWithRoleRequest(_message.Message):
    __slots__ = ("org_name", "role_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    ROLE_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    role_id: str
    def __init__(self, org_name: _Optional[str] = ..., role_id: _Optional[str] = ...) -> None: ...

class ListOrgTokensWithRoleResponse(_message.Message):
    __slots__ = ("tokens", "continuation_token")
    TOKENS_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    tokens: _containers.RepeatedCompositeFieldContainer[_types_pb2.AccessToken]
    continuation_token: str
    def __init__(self, tokens: _Optional[_Iterable[_Union[_types_pb2.AccessToken, _Mapping]]] = ..., continuation_token: _Optional[str] = ...) -> None: ...

class ListUsersWithRoleRequest(_message.Message):
    __slots__ = ("org_name", "role_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    ROLE_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    role_id: str
    def __init__(self, org_name: _Optional[str] = ..., role_id: _Optional[str] = ...) -> None: ...

class ListUsersWithRoleResponse(_message.Message):
    __slots__ = ("users",)
    USERS_FIELD_NUMBER: _ClassVar[int]
    users: _containers.RepeatedCompositeFieldContainer[_common_pb2.UserInfo]
    def __init__(self, users: _Optional[_Iterable[_Union[_common_pb2.UserInfo, _Mapping]]] = ...) -> None: ...
