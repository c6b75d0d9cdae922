from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from pulumi_gateway_client._generated.pulumi.gateway.v1 import options_pb2 as _options_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import organizations_pb2 as _organizations_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import types_pb2 as _types_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CreateGitHubTeamRequest(_message.Message):
    __slots__ = ("org_name", "github_team_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    GITHUB_TEAM_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    github_team_id: int
    def __init__(self, org_name: _Optional[str] = ..., github_team_id: _Optional[int] = ...) -> None: ...

class CreateGitHubTeamResponse(_message.Message):
    __slots__ = ("team",)
    TEAM_FIELD_NUMBER: _ClassVar[int]
    team: _organizations_pb2.Team
    def __init__(self, team: _Optional[_Union[_organizations_pb2.Team, _Mapping]] = ...) -> None: ...

class EnableTeamRolesRequest(_message.Message):
    __slots__ = ("org_name", "team_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    TEAM_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    team_name: str
    def __init__(self, org_name: _Optional[str] = ..., team_name: _Optional[str] = ...) -> None: ...

class EnableTeamRolesResponse(_message.Message):
    __slots__ = ("permission_descriptor_record",)
    PERMISSION_DESCRIPTOR_RECORD_FIELD_NUMBER: _ClassVar[int]
    permission_descriptor_record: _types_pb2.PermissionDescriptorRecord
    def __init__(self, permission_descriptor_record: _Optional[_Union[_types_pb2.PermissionDescriptorRecord, _Mapping]] = ...) -> None: ...

class ListTeamRolesRequest(_message.Message):
    __slots__ = ("org_name", "team_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    TEAM_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    team_name: str
    def __init__(self, org_name: _Optional[str] = ..., team_name: _Optional[str] = ...) -> None: ...

class ListTeamRolesResponse(_message.Message):
    __slots__ = ("roles",)
    ROLES_FIELD_NUMBER: _ClassVar[int]
    roles: _containers.RepeatedCompositeFieldContainer[_types_pb2.PermissionDescriptorRecord]
    def __init__(self, roles: _Optional[_Iterable[_Union[_types_pb2.PermissionDescriptorRecord, _Mapping]]] = ...) -> None: ...

class UpdateTeamRolesRequest(_message.Message):
    __slots__ = ("org_name", "team_name", "role_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    TEAM_NAME_FIELD_NUMBER: _ClassVar[int]
    ROLE_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    team_name: str
    role_id: str
    def __init__(self, org_name: _Optional[str] = ..., team_name: _Optional[str] = ..., role_id: _Optional[str] = ...) -> None: ...

class UpdateTeamRolesResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DeleteTeamRoleRequest(_message.Message):
    __slots__ = ("org_name", "team_name", "role_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    TEAM_NAME_FIELD_NUMBER: _ClassVar[int]
    ROLE_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    team_name: str
    role_id: str
    def __init__(self, org_name: _Optional[str] = ..., team_name: _Optional[str] = ..., role_id: _Optional[str] = ...) -> None: ...

class DeleteTeamRoleResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
