from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from pulumi_gateway_client._generated.pulumi.gateway.v1 import options_pb2 as _options_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import common_pb2 as _common_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import stacks_pb2 as _stacks_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class TokenKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TOKEN_KIND_UNSPECIFIED: _ClassVar[TokenKind]
    TOKEN_KIND_PERSONAL: _ClassVar[TokenKind]
    TOKEN_KIND_ORGANIZATION: _ClassVar[TokenKind]
    TOKEN_KIND_TEAM: _ClassVar[TokenKind]

class CredentialSource(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CREDENTIAL_SOURCE_UNSPECIFIED: _ClassVar[CredentialSource]
    CREDENTIAL_SOURCE_CALLER: _ClassVar[CredentialSource]
    CREDENTIAL_SOURCE_SERVICE: _ClassVar[CredentialSource]
    CREDENTIAL_SOURCE_TENANT: _ClassVar[CredentialSource]
TOKEN_KIND_UNSPECIFIED: TokenKind
TOKEN_KIND_PERSONAL: TokenKind
TOKEN_KIND_ORGANIZATION: TokenKind
TOKEN_KIND_TEAM: TokenKind
CREDENTIAL_SOURCE_UNSPECIFIED: CredentialSource
CREDENTIAL_SOURCE_CALLER: CredentialSource
CREDENTIAL_SOURCE_SERVICE: CredentialSource
CREDENTIAL_SOURCE_TENANT: CredentialSource

class GetCurrentUserRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetCurrentUserResponse(_message.Message):
    __slots__ = ("name", "github_login", "avatar_url", "email", "organizations", "token_info", "id", "potential_organizations", "identities", "site_admin", "registry_admin", "has_mfa", "is_org_managed", "is_managed_by_multi_org", "is_agent")
    NAME_FIELD_NUMBER: _ClassVar[int]
    GITHUB_LOGIN_FIELD_NUMBER: _ClassVar[int]
    AVATAR_URL_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATIONS_FIELD_NUMBER: _ClassVar[int]
    TOKEN_INFO_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    POTENTIAL_ORGANIZATIONS_FIELD_NUMBER: _ClassVar[int]
    IDENTITIES_FIELD_NUMBER: _ClassVar[int]
    SITE_ADMIN_FIELD_NUMBER: _ClassVar[int]
    REGISTRY_ADMIN_FIELD_NUMBER: _ClassVar[int]
    HAS_MFA_FIELD_NUMBER: _ClassVar[int]
    IS_ORG_MANAGED_FIELD_NUMBER: _ClassVar[int]
    IS_MANAGED_BY_MULTI_ORG_FIELD_NUMBER: _ClassVar[int]
    IS_AGENT_FIELD_NUMBER: _ClassVar[int]
    name: str
    github_login: str
    avatar_url: str
    email: str
    organizations: _containers.RepeatedCompositeFieldContainer[_common_pb2.UserInfo]
    token_info: TokenInfo
    id: str
    potential_organizations: _containers.RepeatedCompositeFieldContainer[OrganizationSummaryWithRole]
    identities: _containers.RepeatedScalarFieldContainer[str]
    site_admin: bool
    registry_admin: bool
    has_mfa: bool
    is_org_managed: bool
    is_managed_by_multi_org: bool
    is_agent: bool
    def __init__(self, name: _Optional[str] = ..., github_login: _Optional[str] = ..., avatar_url: _Optional[str] = ..., email: _Optional[str] = ..., organizations: _Optional[_Iterable[_Union[_common_pb2.UserInfo, _Mapping]]] = ..., token_info: _Optional[_Union[TokenInfo, _Mapping]] = ..., id: _Optional[str] = ..., potential_organizations: _Optional[_Iterable[_Union[OrganizationSummaryWithRole, _Mapping]]] = ..., identities: _Optional[_Iterable[str]] = ..., site_admin: _Optional[bool] = ..., registry_admin: _Optional[bool] = ..., has_mfa: _Optional[bool] = ..., is_org_managed: _Optional[bool] = ..., is_managed_by_multi_org: _Optional[bool] = ..., is_agent: _Optional[bool] = ...) -> None: ...

class TokenInfo(_message.Message):
    __slots__ = ("name", "organization", "team")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_FIELD_NUMBER: _ClassVar[int]
    TEAM_FIELD_NUMBER: _ClassVar[int]
    name: str
    organization: str
    team: str
    def __init__(self, name: _Optional[str] = ..., organization: _Optional[str] = ..., team: _Optional[str] = ...) -> None: ...

class OrganizationSummaryWithRole(_message.Message):
    __slots__ = ("name", "github_login", "avatar_url", "email", "role")
    NAME_FIELD_NUMBER: _ClassVar[int]
    GITHUB_LOGIN_FIELD_NUMBER: _ClassVar[int]
    AVATAR_URL_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    name: str
    github_login: str
    avatar_url: str
    email: str
    role: str
    def __init__(self, name: _Optional[str] = ..., github_login: _Optional[str] = ..., avatar_url: _Optional[str] = ..., email: _Optional[str] = ..., role: _Optional[str] = ...) -> None: ...

class WhoAmIRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class WhoAmIResponse(_message.Message):
    __slots__ = ("token_kind", "user_login", "name", "organization", "team", "token_name", "organizations", "credential_source", "tenant", "caller")
    TOKEN_KIND_FIELD_NUMBER: _ClassVar[int]
    USER_LOGIN_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_FIELD_NUMBER: _ClassVar[int]
    TEAM_FIELD_NUMBER: _ClassVar[int]
    TOKEN_NAME_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATIONS_FIELD_NUMBER: _ClassVar[int]
    CREDENTIAL_SOURCE_FIELD_NUMBER: _ClassVar[int]
    TENANT_FIELD_NUMBER: _ClassVar[int]
    CALLER_FIELD_NUMBER: _ClassVar[int]
    token_kind: TokenKind
    user_login: str
    name: str
    organization: str
    team: str
    token_name: str
    organizations: _containers.RepeatedScalarFieldContainer[str]
    credential_source: CredentialSource
    tenant: str
    caller: str
    def __init__(self, token_kind: _Optional[_Union[TokenKind, str]] = ..., user_login: _Optional[str] = ..., name: _Optional[str] = ..., organization: _Optional[str] = ..., team: _Optional[str] = ..., token_name: _Optional[str] = ..., organizations: _Optional[_Iterable[str]] = ..., credential_source: _Optional[_Union[CredentialSource, str]] = ..., tenant: _Optional[str] = ..., caller: _Optional[str] = ...) -> None: ...

class ListGitHubOrganizationTeamsRequest(_message.Message):
    __slots__ = ("gh_org_name",)
    GH_ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    gh_org_name: str
    def __init__(self, gh_org_name: _Optional[str] = ...) -> None: ...

class ListGitHubOrganizationTeamsResponse(_message.Message):
    __slots__ = ("teams",)
    TEAMS_FIELD_NUMBER: _ClassVar[int]
    teams: _containers.RepeatedCompositeFieldContainer[GitHubTeam]
    def __init__(self, teams: _Optional[_Iterable[_Union[GitHubTeam, _Mapping]]] = ...) -> None: ...

class GitHubTeam(_message.Message):
    __slots__ = ("id", "name", "slug", "description", "known_to_pulumi")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SLUG_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    KNOWN_TO_PULUMI_FIELD_NUMBER: _ClassVar[int]
    id: int
    name: str
    slug: str
    description: str
    known_to_pulumi: bool
    def __init__(self, id: _Optional[int] = ..., name: _Optional[str] = ..., slug: _Optional[str] = ..., description: _Optional[str] = ..., known_to_pulumi: _Optional[bool] = ...) -> None: ...

class GetDefaultOrganizationRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetDefaultOrganizationResponse(_message.Message):
    __slots__ = ("git_hub_login", "messages")
    GIT_HUB_LOGIN_FIELD_NUMBER: _ClassVar[int]
    MESSAGES_FIELD_NUMBER: _ClassVar[int]
    git_hub_login: str
    messages: _containers.RepeatedCompositeFieldContainer[_stacks_pb2.CreateStackMessage]
    def __init__(self, git_hub_login: _Optional[str] = ..., messages: _Optional[_Iterable[_Union[_stacks_pb2.CreateStackMessage, _Mapping]]] = ...) -> None: ...

class UpdateDefaultOrganizationRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class UpdateDefaultOrganizationResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetLatestPendingEmailChangeRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetLatestPendingEmailChangeResponse(_message.Message):
    __slots__ = ("email",)
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    email: str
    def __init__(self, email: _Optional[str] = ...) -> None: ...

class DeletePendingEmailChangeRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DeletePendingEmailChangeResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DeleteIdentityProviderRequest(_message.Message):
    __slots__ = ("identity",)
    IDENTITY_FIELD_NUMBER: _ClassVar[int]
    identity: str
    def __init__(self, identity: _Optional[str] = ...) -> None: ...

class DeleteIdentityProviderResponse(_message.Message):
    __slots__ = ("id", "github_login", "name", "email", "avatar_url", "organizations", "potential_organizations", "identities", "site_admin", "registry_admin", "token_info", "has_mfa", "is_org_managed", "is_managed_by_multi_org", "is_agent")
    ID_FIELD_NUMBER: _ClassVar[int]
    GITHUB_LOGIN_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    AVATAR_URL_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATIONS_FIELD_NUMBER: _ClassVar[int]
    POTENTIAL_ORGANIZATIONS_FIELD_NUMBER: _ClassVar[int]
    IDENTITIES_FIELD_NUMBER: _ClassVar[int]
    SITE_ADMIN_FIELD_NUMBER: _ClassVar[int]
    REGISTRY_ADMIN_FIELD_NUMBER: _ClassVar[int]
    TOKEN_INFO_FIELD_NUMBER: _ClassVar[int]
    HAS_MFA_FIELD_NUMBER: _ClassVar[int]
    IS_ORG_MANAGED_FIELD_NUMBER: _ClassVar[int]
    IS_MANAGED_BY_MULTI_ORG_FIELD_NUMBER: _ClassVar[int]
    IS_AGENT_FIELD_NUMBER: _ClassVar[int]
    id: str
    github_login: str
    name: str
    email: str
    avatar_url: str
    organizations: _containers.RepeatedCompositeFieldContainer[OrganizationSummaryWithRole]
    potential_organizations: _containers.RepeatedCompositeFieldContainer[OrganizationSummaryWithRole]
    identities: _containers.RepeatedScalarFieldContainer[str]
    site_admin: bool
    registry_admin: bool
    token_info: TokenInfo
    has_mfa: bool
    is_org_managed: bool
    is_managed_by_multi_org: bool
    is_agent: bool
    def __init__(self, id: _Optional[str] = ..., github_login: _Optional[str] = ..., name: _Optional[str] = ..., email: _Optional[str] = ..., avatar_url: _Optional[str] = ..., organizations: _Optional[_Iterable[_Union[OrganizationSummaryWithRole, _Mapping]]] = ..., potential_organizations: _Optional[_Iterable[_Union[OrganizationSummaryWithRole, _Mapping]]] = ..., identities: _Optional[_Iterable[str]] = ..., site_admin: _Optional[bool] = ..., registry_admin: _Optional[bool] = ..., token_info: _Optional[_Union[TokenInfo, _Mapping]] = ..., has_mfa: _Optional[bool] = ..., is_org_managed: _Optional[bool] = ..., is_managed_by_multi_org: _Optional[bool] = ..., is_agent: _Optional[bool] = ...) -> None: ...

class ListIdentityProviderOrganizationsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListIdentityProviderOrganizationsResponse(_message.Message):
    __slots__ = ("organizations",)
    ORGANIZATIONS_FIELD_NUMBER: _ClassVar[int]
    organizations: _containers.RepeatedCompositeFieldContainer[PulumiGitHubOrganization]
    def __init__(self, organizations: _Optional[_Iterable[_Union[PulumiGitHubOrganization, _Mapping]]] = ...) -> None: ...

class PulumiGitHubOrganization(_message.Message):
    __slots__ = ("organization", "vcs_kind", "known_to_pulumi")
    ORGANIZATION_FIELD_NUMBER: _ClassVar[int]
    VCS_KIND_FIELD_NUMBER: _ClassVar[int]
    KNOWN_TO_PULUMI_FIELD_NUMBER: _ClassVar[int]
    organization: _common_pb2.UserInfo
    vcs_kind: str
    known_to_pulumi: bool
    def __init__(self, organization: _Optional[_Union[_common_pb2.UserInfo, _Mapping]] = ..., vcs_kind: _Optional[str] = ..., known_to_pulumi: _Optional[bool] = ...) -> None: ...

class SyncWithIdentityProviderRequest(_message.Message):
    __slots__ = ("identity",)
    IDENTITY_FIELD_NUMBER: _ClassVar[int]
    identity: str
    def __init__(self, identity: _Optional[str] = ...) -> None: ...

class SyncWithIdentityProviderResponse(_message.Message):
    __slots__ = ("id", "github_login", "name", "email", "avatar_url", "organizations", "potential_organizations", "identities", "site_admin", "registry_admin", "token_info", "has_mfa", "is_org_managed", "is_managed_by_multi_org", "is_agent")
    ID_FIELD_NUMBER: _ClassVar[int]
    GITHUB_LOGIN_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    AVATAR_URL_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATIONS_FIELD_NUMBER: _ClassVar[int]
    POTENTIAL_ORGANIZATIONS_FIELD_NUMBER: _ClassVar[int]
    IDENTITIES_FIELD_NUMBER: _ClassVar[int]
    SITE_ADMIN_FIELD_NUMBER: _ClassVar[int]
    REGISTRY_ADMIN_FIELD_NUMBER: _ClassVar[int]
    TOKEN_INFO_FIELD_NUMBER: _ClassVar[int]
    HAS_MFA_FIELD_NUMBER: _ClassVar[int]
    IS_ORG_MANAGED_FIELD_NUMBER: _ClassVar[int]
    IS_MANAGED_BY_MULTI_ORG_FIELD_NUMBER: _ClassVar[int]
    IS_AGENT_FIELD_NUMBER: _ClassVar[int]
    id: str
    github_login: str
    name: str
    email: str
    avatar_url: str
    organizations: _containers.RepeatedCompositeFieldContainer[OrganizationSummaryWithRole]
    potential_organizations: _containers.RepeatedCompositeFieldContainer[OrganizationSummaryWithRole]
    identities: _containers.RepeatedScalarFieldContainer[str]
    site_admin: bool
    registry_admin: bool
    token_info: TokenInfo
    has_mfa: bool
    is_org_managed: bool
    is_managed_by_multi_org: bool
    is_agent: bool
    def __init__(self, id: _Optional[str] = ..., github_login: _Optional[str] = ..., name: _Optional[str] = ..., email: _Optional[str] = ..., avatar_url: _Optional[str] = ..., organizations: _Optional[_Iterable[_Union[OrganizationSummaryWithRole, _Mapping]]] = ..., potential_organizations: _Optional[_Iterable[_Union[OrganizationSummaryWithRole, _Mapping]]] = ..., identities: _Optional[_Iterable[str]] = ..., site_admin: _Optional[bool] = ..., registry_admin: _Optional[bool] = ..., token_info: _Optional[_Union[TokenInfo, _Mapping]] = ..., has_mfa: _Optional[bool] = ..., is_org_managed: _Optional[bool] = ..., is_managed_by_multi_org: _Optional[bool] = ..., is_agent: _Optional[bool] = ...) -> None: ...

class GetUserHasVerifiedEmailRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetUserHasVerifiedEmailResponse(_message.Message):
    __slots__ = ("value",)
    VALUE_FIELD_NUMBER: _ClassVar[int]
    value: bool
    def __init__(self, value: _Optional[bool] = ...) -> None: ...
