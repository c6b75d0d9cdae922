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

class GetSAMLOrganizationRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class GetSAMLOrganizationResponse(_message.Message):
    __slots__ = ("organization", "idp_sso_descriptor", "entity_id", "sso_url", "valid_until", "name_id_format", "validation_error")
    ORGANIZATION_FIELD_NUMBER: _ClassVar[int]
    IDP_SSO_DESCRIPTOR_FIELD_NUMBER: _ClassVar[int]
    ENTITY_ID_FIELD_NUMBER: _ClassVar[int]
    SSO_URL_FIELD_NUMBER: _ClassVar[int]
    VALID_UNTIL_FIELD_NUMBER: _ClassVar[int]
    NAME_ID_FORMAT_FIELD_NUMBER: _ClassVar[int]
    VALIDATION_ERROR_FIELD_NUMBER: _ClassVar[int]
    organization: _organizations_pb2.Organization
    idp_sso_descriptor: str
    entity_id: str
    sso_url: str
    valid_until: str
    name_id_format: str
    validation_error: str
    def __init__(self, organization: _Optional[_Union[_organizations_pb2.Organization, _Mapping]] = ..., idp_sso_descriptor: _Optional[str] = ..., entity_id: _Optional[str] = ..., sso_url: _Optional[str] = ..., valid_until: _Optional[str] = ..., name_id_format: _Optional[str] = ..., validation_error: _Optional[str] = ...) -> None: ...

class UpdateSAMLOrganizationRequest(_message.Message):
    __slots__ = ("org_name", "new_idp_sso_descriptor")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    NEW_IDP_SSO_DESCRIPTOR_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    new_idp_sso_descriptor: str
    def __init__(self, org_name: _Optional[str] = ..., new_idp_sso_descriptor: _Optional[str] = ...) -> None: ...

class UpdateSAMLOrganizationResponse(_message.Message):
    __slots__ = ("organization", "idp_sso_descriptor", "entity_id", "sso_url", "valid_until", "name_id_format", "validation_error")
    ORGANIZATION_FIELD_NUMBER: _ClassVar[int]
    IDP_SSO_DESCRIPTOR_FIELD_NUMBER: _ClassVar[int]
    ENTITY_ID_FIELD_NUMBER: _ClassVar[int]
    SSO_URL_FIELD_NUMBER: _ClassVar[int]
    VALID_UNTIL_FIELD_NUMBER: _ClassVar[int]
    NAME_ID_FORMAT_FIELD_NUMBER: _ClassVar[int]
    VALIDATION_ERROR_FIELD_NUMBER: _ClassVar[int]
    organization: _organizations_pb2.Organization
    idp_sso_descriptor: str
    entity_id: str
    sso_url: str
    valid_until: str
    name_id_format: str
    validation_error: str
    def __init__(self, organization: _Optional[_Union[_organizations_pb2.Organization, _Mapping]] = ..., idp_sso_descriptor: _Optional[str] = ..., entity_id: _Optional[str] = ..., sso_url: _Optional[str] = ..., valid_until: _Optional[str] = ..., name_id_format: _Optional[str] = ..., validation_error: _Optional[str] = ...) -> None: ...

class ListSAMLOrganizationAdminsRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class ListSAMLOrganizationAdminsResponse(_message.Message):
    __slots__ = ("saml_admins",)
    SAML_ADMINS_FIELD_NUMBER: _ClassVar[int]
    saml_admins: _containers.RepeatedCompositeFieldContainer[_common_pb2.UserInfo]
    def __init__(self, saml_admins: _Optional[_Iterable[_Union[_common_pb2.UserInfo, _Mapping]]] = ...) -> None: ...

class UpdateSAMLOrganizationAdminsRequest(_message.Message):
    __slots__ = ("org_name", "user_login")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    USER_LOGIN_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    user_login: str
    def __init__(self, org_name: _Optional[str] = ..., user_login: _Optional[str] = ...) -> None: ...

class UpdateSAMLOrganizationAdminsResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
