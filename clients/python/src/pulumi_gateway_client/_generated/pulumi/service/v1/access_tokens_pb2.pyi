from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import types_pb2 as _types_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ListTeamTokensRequest(_message.Message):
    __slots__ = ("org_name", "team_name", "continuation_token", "filter", "max_results")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    TEAM_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    MAX_RESULTS_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    team_name: str
    continuation_token: str
    filter: str
    max_results: int
    def __init__(self, org_name: _Optional[str] = ..., team_name: _Optional[str] = ..., continuation_token: _Optional[str] = ..., filter: _Optional[str] = ..., max_results: _Optional[int] = ...) -> None: ...

class ListTeamTokensResponse(_message.Message):
    __slots__ = ("tokens", "continuation_token")
    TOKENS_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    tokens: _containers.RepeatedCompositeFieldContainer[_types_pb2.AccessToken]
    continuation_token: str
    def __init__(self, tokens: _Optional[_Iterable[_Union[_types_pb2.AccessToken, _Mapping]]] = ..., continuation_token: _Optional[str] = ...) -> None: ...

class CreateTeamTokenRequest(_message.Message):
    __slots__ = ("org_name", "team_name", "reason", "body")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    TEAM_NAME_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    team_name: str
    reason: str
    body: CreateTeamAccessTokenRequest
    def __init__(self, org_name: _Optional[str] = ..., team_name: _Optional[str] = ..., reason: _Optional[str] = ..., body: _Optional[_Union[CreateTeamAccessTokenRequest, _Mapping]] = ...) -> None: ...

class CreateTeamAccessTokenRequest(_message.Message):
    __slots__ = ("description", "expires", "name")
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    description: str
    expires: int
    name: str
    def __init__(self, description: _Optional[str] = ..., expires: _Optional[int] = ..., name: _Optional[str] = ...) -> None: ...

class CreateTeamTokenResponse(_message.Message):
    __slots__ = ("id", "token_value")
    ID_FIELD_NUMBER: _ClassVar[int]
    TOKEN_VALUE_FIELD_NUMBER: _ClassVar[int]
    id: str
    token_value: str
    def __init__(self, id: _Optional[str] = ..., token_value: _Optional[str] = ...) -> None: ...

class DeleteTeamTokenRequest(_message.Message):
    __slots__ = ("org_name", "team_name", "token_id", "reason")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    TEAM_NAME_FIELD_NUMBER: _ClassVar[int]
    TOKEN_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    team_name: str
    token_id: str
    reason: str
    def __init__(self, org_name: _Optional[str] = ..., team_name: _Optional[str] = ..., token_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class DeleteTeamTokenResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListOrgTokensRequest(_message.Message):
    __slots__ = ("org_name", "continuation_token", "filter", "max_results")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    MAX_RESULTS_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    continuation_token: str
    filter: str
    max_results: int
    def __init__(self, org_name: _Optional[str] = ..., continuation_token: _Optional[str] = ..., filter: _Optional[str] = ..., max_results: _Optional[int] = ...) -> None: ...

class ListOrgTokensResponse(_message.Message):
    __slots__ = ("tokens", "continuation_token")
    TOKENS_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    tokens: _containers.RepeatedCompositeFieldContainer[_types_pb2.AccessToken]
    continuation_token: str
    def __init__(self, tokens: _Optional[_Iterable[_Union[_types_pb2.AccessToken, _Mapping]]] = ..., continuation_token: _Optional[str] = ...) -> None: ...

class CreateOrgTokenRequest(_message.Message):
    __slots__ = ("org_name", "reason", "body")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    reason: str
    body: CreateOrgAccessTokenRequest
    def __init__(self, org_name: _Optional[str] = ..., reason: _Optional[str] = ..., body: _Optional[_Union[CreateOrgAccessTokenRequest, _Mapping]] = ...) -> None: ...

class CreateOrgAccessTokenRequest(_message.Message):
    __slots__ = ("description", "expires", "name", "admin", "role_id")
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ADMIN_FIELD_NUMBER: _ClassVar[int]
    ROLE_ID_FIELD_NUMBER: _ClassVar[int]
    description: str
    expires: int
    name: str
    admin: bool
    role_id: str
    def __init__(self, description: _Optional[str] = ..., expires: _Optional[int] = ..., name: _Optional[str] = ..., admin: _Optional[bool] = ..., role_id: _Optional[str] = ...) -> None: ...

class CreateOrgTokenResponse(_message.Message):
    __slots__ = ("id", "token_value")
    ID_FIELD_NUMBER: _ClassVar[int]
    TOKEN_VALUE_FIELD_NUMBER: _ClassVar[int]
    id: str
    token_value: str
    def __init__(self, id: _Optional[str] = ..., token_value: _Optional[str] = ...) -> None: ...

class DeleteOrgTokenRequest(_message.Message):
    __slots__ = ("org_name", "token_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    TOKEN_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    token_id: str
    def __init__(self, org_name: _Optional[str] = ..., token_id: _Optional[str] = ...) -> None: ...

class DeleteOrgTokenResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListPersonalTokensRequest(_message.Message):
    __slots__ = ("continuation_token", "filter", "max_results")
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    MAX_RESULTS_FIELD_NUMBER: _ClassVar[int]
    continuation_token: str
    filter: str
    max_results: int
    def __init__(self, continuation_token: _Optional[str] = ..., filter: _Optional[str] = ..., max_results: _Optional[int] = ...) -> None: ...

class ListPersonalTokensResponse(_message.Message):
    __slots__ = ("tokens", "continuation_token")
    TOKENS_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    tokens: _containers.RepeatedCompositeFieldContainer[_types_pb2.AccessToken]
    continuation_token: str
    def __init__(self, tokens: _Optional[_Iterable[_Union[_types_pb2.AccessToken, _Mapping]]] = ..., continuation_token: _Optional[str] = ...) -> None: ...

class CreatePersonalTokenRequest(_message.Message):
    __slots__ = ("reason", "body")
    REASON_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    reason: str
    body: CreatePersonalAccessTokenRequest
    def __init__(self, reason: _Optional[str] = ..., body: _Optional[_Union[CreatePersonalAccessTokenRequest, _Mapping]] = ...) -> None: ...

class CreatePersonalAccessTokenRequest(_message.Message):
    __slots__ = ("description", "expires")
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_FIELD_NUMBER: _ClassVar[int]
    description: str
    expires: int
    def __init__(self, description: _Optional[str] = ..., expires: _Optional[int] = ...) -> None: ...

class CreatePersonalTokenResponse(_message.Message):
    __slots__ = ("id", "token_value")
    ID_FIELD_NUMBER: _ClassVar[int]
    TOKEN_VALUE_FIELD_NUMBER: _ClassVar[int]
    id: str
    token_value: str
    def __init__(self, id: _Optional[str] = ..., token_value: _Optional[str] = ...) -> None: ...

class DeletePersonalTokenRequest(_message.Message):
    __slots__ = ("token_id",)
    TOKEN_ID_FIELD_NUMBER: _ClassVar[int]
    token_id: str
    def __init__(self, token_id: _Optional[str] = ...) -> None: ...

class DeletePersonalTokenResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
