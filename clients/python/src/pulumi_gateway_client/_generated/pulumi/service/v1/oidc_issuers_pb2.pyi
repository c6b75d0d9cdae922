from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetAuthPolicyRequest(_message.Message):
    __slots__ = ("org_name", "issuer_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    ISSUER_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    issuer_id: str
    def __init__(self, org_name: _Optional[str] = ..., issuer_id: _Optional[str] = ...) -> None: ...

class GetAuthPolicyResponse(_message.Message):
    __slots__ = ("id", "version", "created", "modified", "policies")
    ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    MODIFIED_FIELD_NUMBER: _ClassVar[int]
    POLICIES_FIELD_NUMBER: _ClassVar[int]
    id: str
    version: int
    created: str
    modified: str
    policies: _containers.RepeatedCompositeFieldContainer[AuthPolicyDefinition]
    def __init__(self, id: _Optional[str] = ..., version: _Optional[int] = ..., created: _Optional[str] = ..., modified: _Optional[str] = ..., policies: _Optional[_Iterable[_Union[AuthPolicyDefinition, _Mapping]]] = ...) -> None: ...

class AuthPolicyDefinition(_message.Message):
    __slots__ = ("decision", "token_type", "team_name", "user_login", "runner_id", "role_id", "authorized_permissions", "rules")
    class RulesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _struct_pb2.Struct
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...
    DECISION_FIELD_NUMBER: _ClassVar[int]
    TOKEN_TYPE_FIELD_NUMBER: _ClassVar[int]
    TEAM_NAME_FIELD_NUMBER: _ClassVar[int]
    USER_LOGIN_FIELD_NUMBER: _ClassVar[int]
    RUNNER_ID_FIELD_NUMBER: _ClassVar[int]
    ROLE_ID_FIELD_NUMBER: _ClassVar[int]
    AUTHORIZED_PERMISSIONS_FIELD_NUMBER: _ClassVar[int]
    RULES_FIELD_NUMBER: _ClassVar[int]
    decision: str
    token_type: str
    team_name: str
    user_login: str
    runner_id: str
    role_id: str
    authorized_permissions: _containers.RepeatedScalarFieldContainer[str]
    rules: _containers.MessageMap[str, _struct_pb2.Struct]
    def __init__(self, decision: _Optional[str] = ..., token_type: _Optional[str] = ..., team_name: _Optional[str] = ..., user_login: _Optional[str] = ..., runner_id: _Optional[str] = ..., role_id: _Optional[str] = ..., authorized_permissions: _Optional[_Iterable[str]] = ..., rules: _Optional[_Mapping[str, _struct_pb2.Struct]] = ...) -> None: ...

class UpdateAuthPolicyRequest(_message.Message):
    __slots__ = ("org_name", "policy_id", "policies")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    POLICY_ID_FIELD_NUMBER: _ClassVar[int]
    POLICIES_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    policy_id: str
    policies: _containers.RepeatedCompositeFieldContainer[AuthPolicyDefinition]
    def __init__(self, org_name: _Optional[str] = ..., policy_id: _Optional[str] = ..., policies: _Optional[_Iterable[_Union[AuthPolicyDefinition, _Mapping]]] = ...) -> None: ...

class UpdateAuthPolicyResponse(_message.Message):
    __slots__ = ("id", "version", "created", "modified", "policies")
    ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    MODIFIED_FIELD_NUMBER: _ClassVar[int]
    POLICIES_FIELD_NUMBER: _ClassVar[int]
    id: str
    version: int
    created: str
    modified: str
    policies: _containers.RepeatedCompositeFieldContainer[AuthPolicyDefinition]
    def __init__(self, id: _Optional[str] = ..., version: _Optional[int] = ..., created: _Optional[str] = ..., modified: _Optional[str] = ..., policies: _Optional[_Iterable[_Union[AuthPolicyDefinition, _Mapping]]] = ...) -> None: ...

class ListOidcIssuersRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class ListOidcIssuersResponse(_message.Message):
    __slots__ = ("oidc_issuers",)
    OIDC_ISSUERS_FIELD_NUMBER: _ClassVar[int]
    oidc_issuers: _containers.RepeatedCompositeFieldContainer[OidcIssuerRegistrationResponse]
    def __init__(self, oidc_issuers: _Optional[_Iterable[_Union[OidcIssuerRegistrationResponse, _Mapping]]] = ...) -> None: ...

class OidcIssuerRegistrationResponse(_message.Message):
    __slots__ = ("id", "name", "url", "issuer", "thumbprints", "jwks", "max_expiration", "created", "modified", "last_used")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    ISSUER_FIELD_NUMBER: _ClassVar[int]
    THUMBPRINTS_FIELD_NUMBER: _ClassVar[int]
    JWKS_FIELD_NUMBER: _ClassVar[int]
    MAX_EXPIRATION_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    MODIFIED_FIELD_NUMBER: _ClassVar[int]
    LAST_USED_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    url: str
    issuer: str
    thumbprints: _containers.RepeatedScalarFieldContainer[str]
    jwks: JSONWebKeySet
    max_expiration: int
    created: str
    modified: str
    last_used: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., url: _Optional[str] = ..., issuer: _Optional[str] = ..., thumbprints: _Optional[_Iterable[str]] = ..., jwks: _Optional[_Union[JSONWebKeySet, _Mapping]] = ..., max_expiration: _Optional[int] = ..., created: _Optional[str] = ..., modified: _Optional[str] = ..., last_used: _Optional[str] = ...) -> None: ...

class JSONWebKeySet(_message.Message):
    __slots__ = ("keys",)
    KEYS_FIELD_NUMBER: _ClassVar[int]
    keys: _containers.RepeatedCompositeFieldContainer[JSONWebKey]
    def __init__(self, keys: _Optional[_Iterable[_Union[JSONWebKey, _Mapping]]] = ...) -> None: ...

class JSONWebKey(_message.Message):
    __slots__ = ("key", "key_id", "algorithm", "use", "certificates", "certificates_url", "certificate_thumbprint_sha1", "certificate_thumbprint_sha256")
    KEY_FIELD_NUMBER: _ClassVar[int]
    KEY_ID_FIELD_NUMBER: _ClassVar[int]
    ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    USE_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATES_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATES_URL_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_THUMBPRINT_SHA1_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_THUMBPRINT_SHA256_FIELD_NUMBER: _ClassVar[int]
    key: _struct_pb2.Struct
    key_id: str
    algorithm: str
    use: str
    certificates: _containers.RepeatedCompositeFieldContainer[X509Certificate]
    certificates_url: NetURL
    certificate_thumbprint_sha1: bytes
    certificate_thumbprint_sha256: bytes
    def __init__(self, key: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., key_id: _Optional[str] = ..., algorithm: _Optional[str] = ..., use: _Optional[str] = ..., certificates: _Optional[_Iterable[_Union[X509Certificate, _Mapping]]] = ..., certificates_url: _Optional[_Union[NetURL, _Mapping]] = ..., certificate_thumbprint_sha1: _Optional[bytes] = ..., certificate_thumbprint_sha256: _Optional[bytes] = ...) -> None: ...

class X509Certificate(_message.Message):
    __slots__ = ("raw", "raw_tbs_certificate", "raw_subject_public_key_info", "raw_subject", "raw_issuer", "signature", "signature_algorithm", "public_key_algorithm", "public_key", "version", "serial_number", "issuer", "subject", "not_before", "not_after", "key_usage", "extensions", "extra_extensions", "unhandled_critical_extensions", "ext_key_usage", "unknown_ext_key_usage", "basic_constraints_valid", "is_ca", "max_path_len", "max_path_len_zero", "subject_key_id", "authority_key_id", "ocsp_server", "issuing_certificate_url", "dns_names", "email_addresses", "ip_addresses", "uris", "permitted_dns_domains_critical", "permitted_dns_domains", "excluded_dns_domains", "permitted_ip_ranges", "excluded_ip_ranges", "permitted_email_addresses", "excluded_email_addresses", "permitted_uri_domains", "excluded_uri_domains", "crl_distribution_points", "policy_identifiers", "policies", "inhibit_any_policy", "inhibit_any_policy_zero", "inhibit_policy_mapping", "inhibit_policy_mapping_zero", "require_explicit_policy", "require_explicit_policy_zero", "policy_mappings")
    RAW_FIELD_NUMBER: _ClassVar[int]
    RAW_TBS_CERTIFICATE_FIELD_NUMBER: _ClassVar[int]
    RAW_SUBJECT_PUBLIC_KEY_INFO_FIELD_NUMBER: _ClassVar[int]
    RAW_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    RAW_ISSUER_FIELD_NUMBER: _ClassVar[int]
    SIGNATURE_FIELD_NUMBER: _ClassVar[int]
    SIGNATURE_ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_KEY_ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_KEY_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    SERIAL_NUMBER_FIELD_NUMBER: _ClassVar[int]
    ISSUER_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    NOT_BEFORE_FIELD_NUMBER: _ClassVar[int]
    NOT_AFTER_FIELD_NUMBER: _ClassVar[int]
    KEY_USAGE_FIELD_NUMBER: _ClassVar[int]
    EXTENSIONS_FIELD_NUMBER: _ClassVar[int]
    EXTRA_EXTENSIONS_FIELD_NUMBER: _ClassVar[int]
    UNHANDLED_CRITICAL_EXTENSIONS_FIELD_NUMBER: _ClassVar[int]
    EXT_KEY_USAGE_FIELD_NUMBER: _ClassVar[int]
    UNKNOWN_EXT_KEY_USAGE_FIELD_NUMBER: _ClassVar[int]
    BASIC_CONSTRAINTS_VALID_FIELD_NUMBER: _ClassVar[int]
    IS_CA_FIELD_NUMBER: _ClassVar[int]
    MAX_PATH_LEN_FIELD_NUMBER: _ClassVar[int]
    MAX_PATH_LEN_ZERO_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_KEY_ID_FIELD_NUMBER: _ClassVar[int]
    AUTHORITY_KEY_ID_FIELD_NUMBER: _ClassVar[int]
    OCSP_SERVER_FIELD_NUMBER: _ClassVar[int]
    ISSUING_CERTIFICATE_URL_FIELD_NUMBER: _ClassVar[int]
    DNS_NAMES_FIELD_NUMBER: _ClassVar[int]
    EMAIL_ADDRESSES_FIELD_NUMBER: _ClassVar[int]
    IP_ADDRESSES_FIELD_NUMBER: _ClassVar[int]
    URIS_FIELD_NUMBER: _ClassVar[int]
    PERMITTED_DNS_DOMAINS_CRITICAL_FIELD_NUMBER: _ClassVar[int]
    PERMITTED_DNS_DOMAINS_FIELD_NUMBER: _ClassVar[int]
    EXCLUDED_DNS_DOMAINS_FIELD_NUMBER: _ClassVar[int]
    PERMITTED_IP_RANGES_FIELD_NUMBER: _ClassVar[int]
    EXCLUDED_IP_RANGES_FIELD_NUMBER: _ClassVar[int]
    PERMITTED_EMAIL_ADDRESSES_FIELD_NUMBER: _ClassVar[int]
    EXCLUDED_EMAIL_ADDRESSES_FIELD_NUMBER: _ClassVar[int]
    PERMITTED_URI_DOMAINS_FIELD_NUMBER: _ClassVar[int]
    EXCLUDED_URI_DOMAINS_FIELD_NUMBER: _ClassVar[int]
    CRL_DISTRIBUTION_POINTS_FIELD_NUMBER: _ClassVar[int]
    POLICY_IDENTIFIERS_FIELD_NUMBER: _ClassVar[int]
    POLICIES_FIELD_NUMBER: _ClassVar[int]
    INHIBIT_ANY_POLICY_FIELD_NUMBER: _ClassVar[int]
    INHIBIT_ANY_POLICY_ZERO_FIELD_NUMBER: _ClassVar[int]
    INHIBIT_POLICY_MAPPING_FIELD_NUMBER: _ClassVar[int]
    INHIBIT_POLICY_MAPPING_ZERO_FIELD_NUMBER: _ClassVar[int]
    REQUIRE_EXPLICIT_POLICY_FIELD_NUMBER: _ClassVar[int]
    REQUIRE_EXPLICIT_POLICY_ZERO_FIELD_NUMBER: _ClassVar[int]
    POLICY_MAPPINGS_FIELD_NUMBER: _ClassVar[int]
    raw: bytes
    raw_tbs_certificate: bytes
    raw_subject_public_key_info: bytes
    raw_subject: bytes
    raw_issuer: bytes
    signature: bytes
    signature_algorithm: int
    public_key_algorithm: int
    public_key: _struct_pb2.Struct
    version: int
    serial_number: int
    issuer: PkixName
    subject: PkixName
    not_before: str
    not_after: str
    key_usage: int
    extensions: _containers.RepeatedCompositeFieldContainer[PkixExtension]
    extra_extensions: _containers.RepeatedCompositeFieldContainer[PkixExtension]
    unhandled_critical_extensions: _containers.RepeatedScalarFieldContainer[str]
    ext_key_usage: _containers.RepeatedScalarFieldContainer[int]
    unknown_ext_key_usage: _containers.RepeatedScalarFieldContainer[str]
    basic_constraints_valid: bool
    is_ca: bool
    max_path_len: int
    max_path_len_zero: bool
    subject_key_id: bytes
    authority_key_id: bytes
    ocsp_server: _containers.RepeatedScalarFieldContainer[str]
    issuing_certificate_url: _containers.RepeatedScalarFieldContainer[str]
    dns_names: _containers.RepeatedScalarFieldContainer[str]
    email_addresses: _containers.RepeatedScalarFieldContainer[str]
    ip_addresses: _containers.RepeatedScalarFieldContainer[bytes]
    uris: _containers.RepeatedCompositeFieldContainer[NetURL]
    permitted_dns_domains_critical: bool
    permitted_dns_domains: _containers.RepeatedScalarFieldContainer[str]
    excluded_dns_domains: _containers.RepeatedScalarFieldContainer[str]
    permitted_ip_ranges: _containers.RepeatedCompositeFieldContainer[NetIPNet]
    excluded_ip_ranges: _containers.RepeatedCompositeFieldContainer[NetIPNet]
    permitted_email_addresses: _containers.RepeatedScalarFieldContainer[str]
    excluded_email_addresses: _containers.RepeatedScalarFieldContainer[str]
    permitted_uri_domains: _containers.RepeatedScalarFieldContainer[str]
    excluded_uri_domains: _containers.RepeatedScalarFieldContainer[str]
    crl_distribution_points: _containers.RepeatedScalarFieldContainer[str]
    policy_identifiers: _containers.RepeatedScalarFieldContainer[str]
    policies: _containers.RepeatedScalarFieldContainer[str]
    inhibit_any_policy: int
    inhibit_any_policy_zero: bool
    inhibit_policy_mapping: int
    inhibit_policy_mapping_zero: bool
    require_explicit_policy: int
    require_explicit_policy_zero: bool
    policy_mappings: _containers.RepeatedCompositeFieldContainer[X509PolicyMapping]
    def __init__(self, raw: _Optional[bytes] = ..., raw_tbs_certificate: _Optional[bytes] = ..., raw_subject_public_key_info: _Optional[bytes] = ..., raw_subject: _Optional[bytes] = ..., raw_issuer: _Optional[bytes] = ..., signature: _Optional[bytes] = ..., signature_algorithm: _Optional[int] = ..., public_key_algorithm: _Optional[int] = ..., public_key: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., version: _Optional[int] = ..., serial_number: _Optional[int] = ..., issuer: _Optional[_Union[PkixName, _Mapping]] = ..., subject: _Optional[_Union[PkixName, _Mapping]] = ..., not_before: _Optional[str] = ..., not_after: _Optional[str] = ..., key_usage: _Optional[int] = ..., extensions: _Optional[_Iterable[_Union[PkixExtension, _Mapping]]] = ..., extra_extensions: _Optional[_Iterable[_Union[PkixExtension, _Mapping]]] = ..., unhandled_critical_extensions: _Optional[_Iterable[str]] = ..., ext_key_usage: _Optional[_Iterable[int]] = ..., unknown_ext_key_usage: _Optional[_Iterable[str]] = ..., basic_constraints_valid: _Optional[bool] = ..., is_ca: _Optional[bool] = ..., max_path_len: _Optional[int] = ..., max_path_len_zero: _Optional[bool] = ..., subject_key_id: _Optional[bytes] = ..., authority_key_id: _Optional[bytes] = ..., ocsp_server: _Optional[_Iterable[str]] = ..., issuing_certificate_url: _Optional[_Iterable[str]] = ..., dns_names: _Optional[_Iterable[str]] = ..., email_addresses: _Optional[_Iterable[str]] = ..., ip_addresses: _Optional[_Iterable[bytes]] = ..., uris: _Optional[_Iterable[_Union[NetURL, _Mapping]]] = ..., permitted_dns_domains_critical: _Optional[bool] = ..., permitted_dns_domains: _Optional[_Iterable[str]] = ..., excluded_dns_domains: _Optional[_Iterable[str]] = ..., permitted_ip_ranges: _Optional[_Iterable[_Union[NetIPNet, _Mapping]]] = ..., excluded_ip_ranges: _Optional[_Iterable[_Union[NetIPNet, _Mapping]]] = ..., permitted_email_addresses: _Optional[_Iterable[str]] = ..., excluded_email_addresses: _Optional[_Iterable[str]] = ..., permitted_uri_domains: _Optional[_Iterable[str]] = ..., excluded_uri_domains: _Optional[_Iterable[str]] = ..., crl_distribution_points: _Optional[_Iterable[str]] = ..., policy_identifiers: _Optional[_Iterable[str]] = ..., policies: _Optional[_Iterable[str]] = ..., inhibit_any_policy: _Optional[int] = ..., inhibit_any_policy_zero: _Optional[bool] = ..., inhibit_policy_mapping: _Optional[int] = ..., inhibit_policy_mapping_zero: _Optional[bool] = ..., require_explicit_policy: _Optional[int] = ..., require_explicit_policy_zero: _Optional[bool] = ..., policy_mappings: _Optional[_Iterable[_Union[X509PolicyMapping, _Mapping]]] = ...) -> None: ...

class PkixName(_message.Message):
    __slots__ = ("country", "organization", "organizational_unit", "locality", "province", "street_address", "postal_code", "serial_number", "common_name", "names", "extra_names")
    COUNTRY_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATIONAL_UNIT_FIELD_NUMBER: _ClassVar[int]
    LOCALITY_FIELD_NUMBER: _ClassVar[int]
    PROVINCE_FIELD_NUMBER: _ClassVar[int]
    STREET_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    POSTAL_CODE_FIELD_NUMBER: _ClassVar[int]
    SERIAL_NUMBER_FIELD_NUMBER: _ClassVar[int]
    COMMON_NAME_FIELD_NUMBER: _ClassVar[int]
    NAMES_FIELD_NUMBER: _ClassVar[int]
    EXTRA_NAMES_FIELD_NUMBER: _ClassVar[int]
    country: _containers.RepeatedScalarFieldContainer[str]
    organization: _containers.RepeatedScalarFieldContainer[str]
    organizational_unit: _containers.RepeatedScalarFieldContainer[str]
    locality: _containers.RepeatedScalarFieldContainer[str]
    province: _containers.RepeatedScalarFieldContainer[str]
    street_address: _containers.RepeatedScalarFieldContainer[str]
    postal_code: _containers.RepeatedScalarFieldContainer[str]
    serial_number: str
    common_name: str
    names: _containers.RepeatedCompositeFieldContainer[PkixAttributeTypeAndValue]
    extra_names: _containers.RepeatedCompositeFieldContainer[PkixAttributeTypeAndValue]
    def __init__(self, country: _Optional[_Iterable[str]] = ..., organization: _Optional[_Iterable[str]] = ..., organizational_unit: _Optional[_Iterable[str]] = ..., locality: _Optional[_Iterable[str]] = ..., province: _Optional[_Iterable[str]] = ..., street_address: _Optional[_Iterable[str]] = ..., postal_code: _Optional[_Iterable[str]] = ..., serial_number: _Optional[str] = ..., common_name: _Optional[str] = ..., names: _Optional[_Iterable[_Union[PkixAttributeTypeAndValue, _Mapping]]] = ..., extra_names: _Optional[_Iterable[_Union[PkixAttributeTypeAndValue, _Mapping]]] = ...) -> None: ...

class PkixAttributeTypeAndValue(_message.Message):
    __slots__ = ("type", "value")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    type: str
    value: _struct_pb2.Struct
    def __init__(self, type: _Optional[str] = ..., value: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class PkixExtension(_message.Message):
    __slots__ = ("id", "critical", "value")
    ID_FIELD_NUMBER: _ClassVar[int]
    CRITICAL_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    id: str
    critical: bool
    value: bytes
    def __init__(self, id: _Optional[str] = ..., critical: _Optional[bool] = ..., value: _Optional[bytes] = ...) -> None: ...

class NetURL(_message.Message):
    __slots__ = ("scheme", "opaque", "user", "host", "path", "raw_path", "omit_host", "force_query", "raw_query", "fragment", "raw_fragment")
    SCHEME_FIELD_NUMBER: _ClassVar[int]
    OPAQUE_FIELD_NUMBER: _ClassVar[int]
    USER_FIELD_NUMBER: _ClassVar[int]
    HOST_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    RAW_PATH_FIELD_NUMBER: _ClassVar[int]
    OMIT_HOST_FIELD_NUMBER: _ClassVar[int]
    FORCE_QUERY_FIELD_NUMBER: _ClassVar[int]
    RAW_QUERY_FIELD_NUMBER: _ClassVar[int]
    FRAGMENT_FIELD_NUMBER: _ClassVar[int]
    RAW_FRAGMENT_FIELD_NUMBER: _ClassVar[int]
    scheme: str
    opaque: str
    user: str
    host: str
    path: str
    raw_path: str
    omit_host: bool
    force_query: bool
    raw_query: str
    fragment: str
    raw_fragment: str
    def __init__(self, scheme: _Optional[str] = ..., opaque: _Optional[str] = ..., user: _Optional[str] = ..., host: _Optional[str] = ..., path: _Optional[str] = ..., raw_path: _Optional[str] = ..., omit_host: _Optional[bool] = ..., force_query: _Optional[bool] = ..., raw_query: _Optional[str] = ..., fragment: _Optional[str] = ..., raw_fragment: _Optional[str] = ...) -> None: ...

class NetIPNet(_message.Message):
    __slots__ = ("ip", "mask")
    IP_FIELD_NUMBER: _ClassVar[int]
    MASK_FIELD_NUMBER: _ClassVar[int]
    ip: bytes
    mask: bytes
    def __init__(self, ip: _Optional[bytes] = ..., mask: _Optional[bytes] = ...) -> None: ...

class X509PolicyMapping(_message.Message):
    __slots__ = ("issuer_domain_policy", "subject_domain_policy")
    ISSUER_DOMAIN_POLICY_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_DOMAIN_POLICY_FIELD_NUMBER: _ClassVar[int]
    issuer_domain_policy: str
    subject_domain_policy: str
    def __init__(self, issuer_domain_policy: _Optional[str] = ..., subject_domain_policy: _Optional[str] = ...) -> None: ...

class RegisterOidcIssuerRequest(_message.Message):
    __slots__ = ("org_name", "name", "url", "thumbprints", "max_expiration", "jwks")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    THUMBPRINTS_FIELD_NUMBER: _ClassVar[int]
    MAX_EXPIRATION_FIELD_NUMBER: _ClassVar[int]
    JWKS_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    name: str
    url: str
    thumbprints: _containers.RepeatedScalarFieldContainer[str]
    max_expiration: int
    jwks: JSONWebKeySet
    def __init__(self, org_name: _Optional[str] = ..., name: _Optional[str] = ..., url: _Optional[str] = ..., thumbprints: _Optional[_Iterable[str]] = ..., max_expiration: _Optional[int] = ..., jwks: _Optional[_Union[JSONWebKeySet, _Mapping]] = ...) -> None: ...

class RegisterOidcIssuerResponse(_message.Message):
    __slots__ = ("oidc_issuer_registration",)
    OIDC_ISSUER_REGISTRATION_FIELD_NUMBER: _ClassVar[int]
    oidc_issuer_registration: OidcIssuerRegistrationResponse
    def __init__(self, oidc_issuer_registration: _Optional[_Union[OidcIssuerRegistrationResponse, _Mapping]] = ...) -> None: ...

class GetOidcIssuerRequest(_message.Message):
    __slots__ = ("org_name", "issuer_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    ISSUER_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    issuer_id: str
    def __init__(self, org_name: _Optional[str] = ..., issuer_id: _Optional[str] = ...) -> None: ...

class GetOidcIssuerResponse(_message.Message):
    __slots__ = ("oidc_issuer_registration",)
    OIDC_ISSUER_REGISTRATION_FIELD_NUMBER: _ClassVar[int]
    oidc_issuer_registration: OidcIssuerRegistrationResponse
    def __init__(self, oidc_issuer_registration: _Optional[_Union[OidcIssuerRegistrationResponse, _Mapping]] = ...) -> None: ...

class UpdateOidcIssuerRequest(_message.Message):
    __slots__ = ("org_name", "issuer_id", "name", "thumbprints", "max_expiration", "jwks")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    ISSUER_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    THUMBPRINTS_FIELD_NUMBER: _ClassVar[int]
    MAX_EXPIRATION_FIELD_NUMBER: _ClassVar[int]
    JWKS_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    issuer_id: str
    name: str
    thumbprints: _containers.RepeatedScalarFieldContainer[str]
    max_expiration: int
    jwks: JSONWebKeySet
    def __init__(self, org_name: _Optional[str] = ..., issuer_id: _Optional[str] = ..., name: _Optional[str] = ..., thumbprints: _Optional[_Iterable[str]] = ..., max_expiration: _Optional[int] = ..., jwks: _Optional[_Union[JSONWebKeySet, _Mapping]] = ...) -> None: ...

class UpdateOidcIssuerResponse(_message.Message):
    __slots__ = ("oidc_issuer_registration",)
    OIDC_ISSUER_REGISTRATION_FIELD_NUMBER: _ClassVar[int]
    oidc_issuer_registration: OidcIssuerRegistrationResponse
    def __init__(self, oidc_issuer_registration: _Optional[_Union[OidcIssuerRegistrationResponse, _Mapping]] = ...) -> None: ...

class DeleteOidcIssuerRequest(_message.Message):
    __slots__ = ("org_name", "issuer_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    ISSUER_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    issuer_id: str
    def __init__(self, org_name: _Optional[str] = ..., issuer_id: _Optional[str] = ...) -> None: ...

class DeleteOidcIssuerResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class RegenerateThumbprintsRequest(_message.Message):
    __slots__ = ("org_name", "issuer_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    ISSUER_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    issuer_id: str
    def __init__(self, org_name: _Optional[str] = ..., issuer_id: _Optional[str] = ...) -> None: ...

class RegenerateThumbprintsResponse(_message.Message):
    __slots__ = ("oidc_issuer_registration",)
    OIDC_ISSUER_REGISTRATION_FIELD_NUMBER: _ClassVar[int]
    oidc_issuer_registration: OidcIssuerRegistrationResponse
    def __init__(self, oidc_issuer_registration: _Optional[_Union[OidcIssuerRegistrationResponse, _Mapping]] = ...) -> None: ...
