from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import common_pb2 as _common_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import organizations_pb2 as _organizations_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ListMemberStackPermissionsRequest(_message.Message):
    __slots__ = ("org_name", "user_login", "project_name", "stack_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    USER_LOGIN_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    user_login: str
    project_name: str
    stack_name: str
    def __init__(self, org_name: _Optional[str] = ..., user_login: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class ListMemberStackPermissionsResponse(_message.Message):
    __slots__ = ("user_info", "organization_role", "organization_default", "team_permissions", "explicit_permission")
    USER_INFO_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_ROLE_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_DEFAULT_FIELD_NUMBER: _ClassVar[int]
    TEAM_PERMISSIONS_FIELD_NUMBER: _ClassVar[int]
    EXPLICIT_PERMISSION_FIELD_NUMBER: _ClassVar[int]
    user_info: _common_pb2.UserInfo
    organization_role: str
    organization_default: int
    team_permissions: _containers.RepeatedCompositeFieldContainer[TeamPermission]
    explicit_permission: int
    def __init__(self, user_info: _Optional[_Union[_common_pb2.UserInfo, _Mapping]] = ..., organization_role: _Optional[str] = ..., organization_default: _Optional[int] = ..., team_permissions: _Optional[_Iterable[_Union[TeamPermission, _Mapping]]] = ..., explicit_permission: _Optional[int] = ...) -> None: ...

class TeamPermission(_message.Message):
    __slots__ = ("team", "permission")
    TEAM_FIELD_NUMBER: _ClassVar[int]
    PERMISSION_FIELD_NUMBER: _ClassVar[int]
    team: _organizations_pb2.Team
    permission: int
    def __init__(self, team: _Optional[_Union[_organizations_pb2.Team, _Mapping]] = ..., permission: _Optional[int] = ...) -> None: ...

class UpdateTeamStackPermissionsRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "team_name", "permissions")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    TEAM_NAME_FIELD_NUMBER: _ClassVar[int]
    PERMISSIONS_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    team_name: str
    permissions: int
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., team_name: _Optional[str] = ..., permissions: _Optional[int] = ...) -> None: ...

class UpdateTeamStackPermissionsResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DeleteStackPermissionRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "user_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    USER_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    user_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., user_name: _Optional[str] = ...) -> None: ...

class DeleteStackPermissionResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListStackTeamsRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class ListStackTeamsResponse(_message.Message):
    __slots__ = ("project_name", "teams")
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    TEAMS_FIELD_NUMBER: _ClassVar[int]
    project_name: str
    teams: _containers.RepeatedCompositeFieldContainer[StackTeam]
    def __init__(self, project_name: _Optional[str] = ..., teams: _Optional[_Iterable[_Union[StackTeam, _Mapping]]] = ...) -> None: ...

class StackTeam(_message.Message):
    __slots__ = ("name", "display_name", "description", "permission", "is_member")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    PERMISSION_FIELD_NUMBER: _ClassVar[int]
    IS_MEMBER_FIELD_NUMBER: _ClassVar[int]
    name: str
    display_name: str
    description: str
    permission: int
    is_member: bool
    def __init__(self, name: _Optional[str] = ..., display_name: _Optional[str] = ..., description: _Optional[str] = ..., permission: _Optional[int] = ..., is_member: _Optional[bool] = ...) -> None: ...
