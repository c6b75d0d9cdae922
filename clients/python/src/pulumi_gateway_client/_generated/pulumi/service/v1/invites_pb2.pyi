from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from pulumi_gateway_client._generated.pulumi.gateway.v1 import options_pb2 as _options_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import common_pb2 as _common_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import users_pb2 as _users_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ListOrgInvitesRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class ListOrgInvitesResponse(_message.Message):
    __slots__ = ("invites",)
    INVITES_FIELD_NUMBER: _ClassVar[int]
    invites: _containers.RepeatedCompositeFieldContainer[PendingOrganizationInvite]
    def __init__(self, invites: _Optional[_Iterable[_Union[PendingOrganizationInvite, _Mapping]]] = ...) -> None: ...

class PendingOrganizationInvite(_message.Message):
    __slots__ = ("id", "email", "role", "sent_by", "sent_at", "accept_invite_url", "accept_error", "status", "role_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    SENT_BY_FIELD_NUMBER: _ClassVar[int]
    SENT_AT_FIELD_NUMBER: _ClassVar[int]
    ACCEPT_INVITE_URL_FIELD_NUMBER: _ClassVar[int]
    ACCEPT_ERROR_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ROLE_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    email: str
    role: str
    sent_by: _common_pb2.UserInfo
    sent_at: int
    accept_invite_url: str
    accept_error: str
    status: str
    role_id: str
    def __init__(self, id: _Optional[str] = ..., email: _Optional[str] = ..., role: _Optional[str] = ..., sent_by: _Optional[_Union[_common_pb2.UserInfo, _Mapping]] = ..., sent_at: _Optional[int] = ..., accept_invite_url: _Optional[str] = ..., accept_error: _Optional[str] = ..., status: _Optional[str] = ..., role_id: _Optional[str] = ...) -> None: ...

class BatchCreateOrgInviteEmailRequest(_message.Message):
    __slots__ = ("org_name", "invites", "token")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    INVITES_FIELD_NUMBER: _ClassVar[int]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    invites: _containers.RepeatedCompositeFieldContainer[CreateOrganizationInviteRequest]
    token: str
    def __init__(self, org_name: _Optional[str] = ..., invites: _Optional[_Iterable[_Union[CreateOrganizationInviteRequest, _Mapping]]] = ..., token: _Optional[str] = ...) -> None: ...

class CreateOrganizationInviteRequest(_message.Message):
    __slots__ = ("email", "role", "role_id")
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    ROLE_ID_FIELD_NUMBER: _ClassVar[int]
    email: str
    role: str
    role_id: str
    def __init__(self, email: _Optional[str] = ..., role: _Optional[str] = ..., role_id: _Optional[str] = ...) -> None: ...

class BatchCreateOrgInviteEmailResponse(_message.Message):
    __slots__ = ("sent_invites", "failed_invites")
    SENT_INVITES_FIELD_NUMBER: _ClassVar[int]
    FAILED_INVITES_FIELD_NUMBER: _ClassVar[int]
    sent_invites: _containers.RepeatedCompositeFieldContainer[CreateOrganizationInviteResponse]
    failed_invites: _containers.RepeatedCompositeFieldContainer[CreateOrganizationInviteRequest]
    def __init__(self, sent_invites: _Optional[_Iterable[_Union[CreateOrganizationInviteResponse, _Mapping]]] = ..., failed_invites: _Optional[_Iterable[_Union[CreateOrganizationInviteRequest, _Mapping]]] = ...) -> None: ...

class CreateOrganizationInviteResponse(_message.Message):
    __slots__ = ("id", "accept_invite_url")
    ID_FIELD_NUMBER: _ClassVar[int]
    ACCEPT_INVITE_URL_FIELD_NUMBER: _ClassVar[int]
    id: str
    accept_invite_url: str
    def __init__(self, id: _Optional[str] = ..., accept_invite_url: _Optional[str] = ...) -> None: ...

class CreateOrgInviteLinkRequest(_message.Message):
    __slots__ = ("org_name", "email", "role", "role_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    ROLE_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    email: str
    role: str
    role_id: str
    def __init__(self, org_name: _Optional[str] = ..., email: _Optional[str] = ..., role: _Optional[str] = ..., role_id: _Optional[str] = ...) -> None: ...

class CreateOrgInviteLinkResponse(_message.Message):
    __slots__ = ("create_organization_invite",)
    CREATE_ORGANIZATION_INVITE_FIELD_NUMBER: _ClassVar[int]
    create_organization_invite: CreateOrganizationInviteResponse
    def __init__(self, create_organization_invite: _Optional[_Union[CreateOrganizationInviteResponse, _Mapping]] = ...) -> None: ...

class BatchCreateOrgUnverifiedInviteEmailRequest(_message.Message):
    __slots__ = ("org_name", "invites", "token")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    INVITES_FIELD_NUMBER: _ClassVar[int]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    invites: _containers.RepeatedCompositeFieldContainer[CreateOrganizationInviteRequest]
    token: str
    def __init__(self, org_name: _Optional[str] = ..., invites: _Optional[_Iterable[_Union[CreateOrganizationInviteRequest, _Mapping]]] = ..., token: _Optional[str] = ...) -> None: ...

class BatchCreateOrgUnverifiedInviteEmailResponse(_message.Message):
    __slots__ = ("sent_invites", "failed_invites")
    SENT_INVITES_FIELD_NUMBER: _ClassVar[int]
    FAILED_INVITES_FIELD_NUMBER: _ClassVar[int]
    sent_invites: _containers.RepeatedCompositeFieldContainer[CreateOrganizationInviteResponse]
    failed_invites: _containers.RepeatedCompositeFieldContainer[CreateOrganizationInviteRequest]
    def __init__(self, sent_invites: _Optional[_Iterable[_Union[CreateOrganizationInviteResponse, _Mapping]]] = ..., failed_invites: _Optional[_Iterable[_Union[CreateOrganizationInviteRequest, _Mapping]]] = ...) -> None: ...

class GetOrgInviteRequest(_message.Message):
    __slots__ = ("org_name", "invite_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    INVITE_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    invite_id: str
    def __init__(self, org_name: _Optional[str] = ..., invite_id: _Optional[str] = ...) -> None: ...

class GetOrgInviteResponse(_message.Message):
    __slots__ = ("organization_summary_with_role",)
    ORGANIZATION_SUMMARY_WITH_ROLE_FIELD_NUMBER: _ClassVar[int]
    organization_summary_with_role: _users_pb2.OrganizationSummaryWithRole
    def __init__(self, organization_summary_with_role: _Optional[_Union[_users_pb2.OrganizationSummaryWithRole, _Mapping]] = ...) -> None: ...

class AcceptOrgInviteRequest(_message.Message):
    __slots__ = ("org_name", "invite_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    INVITE_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    invite_id: str
    def __init__(self, org_name: _Optional[str] = ..., invite_id: _Optional[str] = ...) -> None: ...

class AcceptOrgInviteResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class CancelOrgInviteRequest(_message.Message):
    __slots__ = ("org_name", "invite_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    INVITE_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    invite_id: str
    def __init__(self, org_name: _Optional[str] = ..., invite_id: _Optional[str] = ...) -> None: ...

class CancelOrgInviteResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ResendOrgInviteRequest(_message.Message):
    __slots__ = ("org_name", "invite_id", "token")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    INVITE_ID_FIELD_NUMBER: _ClassVar[int]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    invite_id: str
    token: str
    def __init__(self, org_name: _Optional[str] = ..., invite_id: _Optional[str] = ..., token: _Optional[str] = ...) -> None: ...

class ResendOrgInviteResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListUserOrgInvitesRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListUserOrgInvitesResponse(_message.Message):
    __slots__ = ("invites",)
    INVITES_FIELD_NUMBER: _ClassVar[int]
    invites: _containers.RepeatedCompositeFieldContainer[PendingOrganizationInvite]
    def __init__(self, invites: _Optional[_Iterable[_Union[PendingOrganizationInvite, _Mapping]]] = ...) -> None: ...
