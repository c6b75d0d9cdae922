from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from pulumi_gateway_client._generated.pulumi.gateway.v1 import options_pb2 as _options_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import types_pb2 as _types_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ListPolicyPacksRequest(_message.Message):
    __slots__ = ("org_name", "policypack")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    POLICYPACK_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    policypack: str
    def __init__(self, org_name: _Optional[str] = ..., policypack: _Optional[str] = ...) -> None: ...

class ListPolicyPacksResponse(_message.Message):
    __slots__ = ("policy_packs",)
    POLICY_PACKS_FIELD_NUMBER: _ClassVar[int]
    policy_packs: _containers.RepeatedCompositeFieldContainer[PolicyPackWithVersions]
    def __init__(self, policy_packs: _Optional[_Iterable[_Union[PolicyPackWithVersions, _Mapping]]] = ...) -> None: ...

class PolicyPackWithVersions(_message.Message):
    __slots__ = ("name", "display_name", "versions", "version_tags")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    VERSIONS_FIELD_NUMBER: _ClassVar[int]
    VERSION_TAGS_FIELD_NUMBER: _ClassVar[int]
    name: str
    display_name: str
    versions: _containers.RepeatedScalarFieldContainer[int]
    version_tags: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, name: _Optional[str] = ..., display_name: _Optional[str] = ..., versions: _Optional[_Iterable[int]] = ..., version_tags: _Optional[_Iterable[str]] = ...) -> None: ...

class CreatePolicyPackRequest(_message.Message):
    __slots__ = ("org_name", "name", "display_name", "version_tag", "policies", "description", "readme", "provider", "tags", "repository", "runtime", "metadata")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_TAG_FIELD_NUMBER: _ClassVar[int]
    POLICIES_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    README_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    REPOSITORY_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    name: str
    display_name: str
    version_tag: str
    policies: _containers.RepeatedCompositeFieldContainer[_types_pb2.Policy]
    description: str
    readme: str
    provider: str
    tags: _containers.RepeatedScalarFieldContainer[str]
    repository: str
    runtime: str
    metadata: _containers.ScalarMap[str, str]
    def __init__(self, org_name: _Optional[str] = ..., name: _Optional[str] = ..., display_name: _Optional[str] = ..., version_tag: _Optional[str] = ..., policies: _Optional[_Iterable[_Union[_types_pb2.Policy, _Mapping]]] = ..., description: _Optional[str] = ..., readme: _Optional[str] = ..., provider: _Optional[str] = ..., tags: _Optional[_Iterable[str]] = ..., repository: _Optional[str] = ..., runtime: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ...) -> None: ...

class CreatePolicyPackResponse(_message.Message):
    __slots__ = ("version", "upload_uri", "required_headers")
    class RequiredHeadersEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    VERSION_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_URI_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_HEADERS_FIELD_NUMBER: _ClassVar[int]
    version: int
    upload_uri: str
    required_headers: _containers.ScalarMap[str, str]
    def __init__(self, version: _Optional[int] = ..., upload_uri: _Optional[str] = ..., required_headers: _Optional[_Mapping[str, str]] = ...) -> None: ...

class DeletePolicyPackRequest(_message.Message):
    __slots__ = ("org_name", "policy_pack_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    POLICY_PACK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    policy_pack_name: str
    def __init__(self, org_name: _Optional[str] = ..., policy_pack_name: _Optional[str] = ...) -> None: ...

class DeletePolicyPackResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetPolicyPackRequest(_message.Message):
    __slots__ = ("org_name", "policy_pack_name", "version")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    POLICY_PACK_NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    policy_pack_name: str
    version: str
    def __init__(self, org_name: _Optional[str] = ..., policy_pack_name: _Optional[str] = ..., version: _Optional[str] = ...) -> None: ...

class GetPolicyPackResponse(_message.Message):
    __slots__ = ("name", "display_name", "version", "version_tag", "policies", "applied")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    VERSION_TAG_FIELD_NUMBER: _ClassVar[int]
    POLICIES_FIELD_NUMBER: _ClassVar[int]
    APPLIED_FIELD_NUMBER: _ClassVar[int]
    name: str
    display_name: str
    version: int
    version_tag: str
    policies: _containers.RepeatedCompositeFieldContainer[_types_pb2.Policy]
    applied: bool
    def __init__(self, name: _Optional[str] = ..., display_name: _Optional[str] = ..., version: _Optional[int] = ..., version_tag: _Optional[str] = ..., policies: _Optional[_Iterable[_Union[_types_pb2.Policy, _Mapping]]] = ..., applied: _Optional[bool] = ...) -> None: ...

class DeletePolicyPackVersionRequest(_message.Message):
    __slots__ = ("org_name", "policy_pack_name", "version")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    POLICY_PACK_NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    policy_pack_name: str
    version: str
    def __init__(self, org_name: _Optional[str] = ..., policy_pack_name: _Optional[str] = ..., version: _Optional[str] = ...) -> None: ...

class DeletePolicyPackVersionResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class CompletePolicyPackRequest(_message.Message):
    __slots__ = ("org_name", "policy_pack_name", "version")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    POLICY_PACK_NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    policy_pack_name: str
    version: str
    def __init__(self, org_name: _Optional[str] = ..., policy_pack_name: _Optional[str] = ..., version: _Optional[str] = ...) -> None: ...

class CompletePolicyPackResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetPolicyPackConfigSchemaRequest(_message.Message):
    __slots__ = ("org_name", "policy_pack_name", "version")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    POLICY_PACK_NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    policy_pack_name: str
    version: str
    def __init__(self, org_name: _Optional[str] = ..., policy_pack_name: _Optional[str] = ..., version: _Optional[str] = ...) -> None: ...

class GetPolicyPackConfigSchemaResponse(_message.Message):
    __slots__ = ("config_schema",)
    class ConfigSchemaEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _types_pb2.PolicyConfigSchema
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[_types_pb2.PolicyConfigSchema, _Mapping]] = ...) -> None: ...
    CONFIG_SCHEMA_FIELD_NUMBER: _ClassVar[int]
    config_schema: _containers.MessageMap[str, _types_pb2.PolicyConfigSchema]
    def __init__(self, config_schema: _Optional[_Mapping[str, _types_pb2.PolicyConfigSchema]] = ...) -> None: ...

class GetOrgRegistryPolicyPackRequest(_message.Message):
    __slots__ = ("org_name", "policy_pack_name", "tag")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    POLICY_PACK_NAME_FIELD_NUMBER: _ClassVar[int]
    TAG_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    policy_pack_name: str
    tag: str
    def __init__(self, org_name: _Optional[str] = ..., policy_pack_name: _Optional[str] = ..., tag: _Optional[str] = ...) -> None: ...

class GetOrgRegistryPolicyPackResponse(_message.Message):
    __slots__ = ("policy_pack", "policies")
    POLICY_PACK_FIELD_NUMBER: _ClassVar[int]
    POLICIES_FIELD_NUMBER: _ClassVar[int]
    policy_pack: _types_pb2.RegistryPolicyPack
    policies: _containers.RepeatedCompositeFieldContainer[_types_pb2.Policy]
    def __init__(self, policy_pack: _Optional[_Union[_types_pb2.RegistryPolicyPack, _Mapping]] = ..., policies: _Optional[_Iterable[_Union[_types_pb2.Policy, _Mapping]]] = ...) -> None: ...

class GetStackPolicyPacksRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "mode")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    mode: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., mode: _Optional[str] = ...) -> None: ...

class GetStackPolicyPacksResponse(_message.Message):
    __slots__ = ("required_policies",)
    REQUIRED_POLICIES_FIELD_NUMBER: _ClassVar[int]
    required_policies: _containers.RepeatedCompositeFieldContainer[RequiredPolicy]
    def __init__(self, required_policies: _Optional[_Iterable[_Union[RequiredPolicy, _Mapping]]] = ...) -> None: ...

class RequiredPolicy(_message.Message):
    __slots__ = ("name", "version", "version_tag", "display_name", "pack_location", "config", "environments")
    class ConfigEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _struct_pb2.Struct
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...
    NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    VERSION_TAG_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    PACK_LOCATION_FIELD_NUMBER: _ClassVar[int]
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    ENVIRONMENTS_FIELD_NUMBER: _ClassVar[int]
    name: str
    version: int
    version_tag: str
    display_name: str
    pack_location: str
    config: _containers.MessageMap[str, _struct_pb2.Struct]
    environments: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, name: _Optional[str] = ..., version: _Optional[int] = ..., version_tag: _Optional[str] = ..., display_name: _Optional[str] = ..., pack_location: _Optional[str] = ..., config: _Optional[_Mapping[str, _struct_pb2.Struct]] = ..., environments: _Optional[_Iterable[str]] = ...) -> None: ...
