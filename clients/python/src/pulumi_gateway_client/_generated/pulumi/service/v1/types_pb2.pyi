from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from pulumi_gateway_client._generated.pulumi.gateway.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ExecutorSettingsRequest(_message.Message):
    __slots__ = ("executor_image", "executor_root_path")
    EXECUTOR_IMAGE_FIELD_NUMBER: _ClassVar[int]
    EXECUTOR_ROOT_PATH_FIELD_NUMBER: _ClassVar[int]
    executor_image: DockerImageRequest
    executor_root_path: str
    def __init__(self, executor_image: _Optional[_Union[DockerImageRequest, _Mapping]] = ..., executor_root_path: _Optional[str] = ...) -> None: ...

class DockerImageRequest(_message.Message):
    __slots__ = ("reference", "credentials")
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    CREDENTIALS_FIELD_NUMBER: _ClassVar[int]
    reference: str
    credentials: DockerImageCredentialsRequest
    def __init__(self, reference: _Optional[str] = ..., credentials: _Optional[_Union[DockerImageCredentialsRequest, _Mapping]] = ...) -> None: ...

class DockerImageCredentialsRequest(_message.Message):
    __slots__ = ("username", "password")
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    username: str
    password: SecretValue
    def __init__(self, username: _Optional[str] = ..., password: _Optional[_Union[SecretValue, _Mapping]] = ...) -> None: ...

class SecretValue(_message.Message):
    __slots__ = ("plaintext", "secret", "ciphertext")
    PLAINTEXT_FIELD_NUMBER: _ClassVar[int]
    SECRET_FIELD_NUMBER: _ClassVar[int]
    CIPHERTEXT_FIELD_NUMBER: _ClassVar[int]
    plaintext: str
    secret: str
    ciphertext: bytes
    def __init__(self, plaintext: _Optional[str] = ..., secret: _Optional[str] = ..., ciphertext: _Optional[bytes] = ...) -> None: ...

class SourceContextRequest(_message.Message):
    __slots__ = ("git", "hg", "template")
    GIT_FIELD_NUMBER: _ClassVar[int]
    HG_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    git: SourceContextGitRequest
    hg: SourceContextHgRequest
    template: SourceContextTemplateRequest
    def __init__(self, git: _Optional[_Union[SourceContextGitRequest, _Mapping]] = ..., hg: _Optional[_Union[SourceContextHgRequest, _Mapping]] = ..., template: _Optional[_Union[SourceContextTemplateRequest, _Mapping]] = ...) -> None: ...

class SourceContextGitRequest(_message.Message):
    __slots__ = ("repo_url", "branch", "repo_dir", "commit", "tag", "git_auth")
    REPO_URL_FIELD_NUMBER: _ClassVar[int]
    BRANCH_FIELD_NUMBER: _ClassVar[int]
    REPO_DIR_FIELD_NUMBER: _ClassVar[int]
    COMMIT_FIELD_NUMBER: _ClassVar[int]
    TAG_FIELD_NUMBER: _ClassVar[int]
    GIT_AUTH_FIELD_NUMBER: _ClassVar[int]
    repo_url: str
    branch: str
    repo_dir: str
    commit: str
    tag: str
    git_auth: GitAuthConfigRequest
    def __init__(self, repo_url: _Optional[str] = ..., branch: _Optional[str] = ..., repo_dir: _Optional[str] = ..., commit: _Optional[str] = ..., tag: _Optional[str] = ..., git_auth: _Optional[_Union[GitAuthConfigRequest, _Mapping]] = ...) -> None: ...

class GitAuthConfigRequest(_message.Message):
    __slots__ = ("access_token", "ssh_auth", "basic_auth")
    ACCESS_TOKEN_FIELD_NUMBER: _ClassVar[int]
    SSH_AUTH_FIELD_NUMBER: _ClassVar[int]
    BASIC_AUTH_FIELD_NUMBER: _ClassVar[int]
    access_token: SecretValue
    ssh_auth: SSHAuthRequest
    basic_auth: BasicAuthRequest
    def __init__(self, access_token: _Optional[_Union[SecretValue, _Mapping]] = ..., ssh_auth: _Optional[_Union[SSHAuthRequest, _Mapping]] = ..., basic_auth: _Optional[_Union[BasicAuthRequest, _Mapping]] = ...) -> None: ...

class SSHAuthRequest(_message.Message):
    __slots__ = ("ssh_private_key", "password")
    SSH_PRIVATE_KEY_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    ssh_private_key: SecretValue
    password: SecretValue
    def __init__(self, ssh_private_key: _Optional[_Union[SecretValue, _Mapping]] = ..., password: _Optional[_Union[SecretValue, _Mapping]] = ...) -> None: ...

class BasicAuthRequest(_message.Message):
    __slots__ = ("user_name", "password")
    USER_NAME_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    user_name: SecretValue
    password: SecretValue
    def __init__(self, user_name: _Optional[_Union[SecretValue, _Mapping]] = ..., password: _Optional[_Union[SecretValue, _Mapping]] = ...) -> None: ...

class SourceContextHgRequest(_message.Message):
    __slots__ = ("repo_url", "branch", "repo_dir", "revision", "hg_auth")
    REPO_URL_FIELD_NUMBER: _ClassVar[int]
    BRANCH_FIELD_NUMBER: _ClassVar[int]
    REPO_DIR_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    HG_AUTH_FIELD_NUMBER: _ClassVar[int]
    repo_url: str
    branch: str
    repo_dir: str
    revision: str
    hg_auth: GitAuthConfigRequest
    def __init__(self, repo_url: _Optional[str] = ..., branch: _Optional[str] = ..., repo_dir: _Optional[str] = ..., revision: _Optional[str] = ..., hg_auth: _Optional[_Union[GitAuthConfigRequest, _Mapping]] = ...) -> None: ...

class SourceContextTemplateRequest(_message.Message):
    __slots__ = ("source_url", "git_auth")
    SOURCE_URL_FIELD_NUMBER: _ClassVar[int]
    GIT_AUTH_FIELD_NUMBER: _ClassVar[int]
    source_url: str
    git_auth: GitAuthConfigRequest
    def __init__(self, source_url: _Optional[str] = ..., git_auth: _Optional[_Union[GitAuthConfigRequest, _Mapping]] = ...) -> None: ...

class DeploymentSettingsGitHubRequest(_message.Message):
    __slots__ = ("repository", "deploy_commits", "preview_pull_requests", "pull_request_template", "deploy_pull_request", "paths", "installation_id", "review_stack_labels", "deploy_tags", "tag_filters")
    REPOSITORY_FIELD_NUMBER: _ClassVar[int]
    DEPLOY_COMMITS_FIELD_NUMBER: _ClassVar[int]
    PREVIEW_PULL_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    PULL_REQUEST_TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    DEPLOY_PULL_REQUEST_FIELD_NUMBER: _ClassVar[int]
    PATHS_FIELD_NUMBER: _ClassVar[int]
    INSTALLATION_ID_FIELD_NUMBER: _ClassVar[int]
    REVIEW_STACK_LABELS_FIELD_NUMBER: _ClassVar[int]
    DEPLOY_TAGS_FIELD_NUMBER: _ClassVar[int]
    TAG_FILTERS_FIELD_NUMBER: _ClassVar[int]
    repository: str
    deploy_commits: bool
    preview_pull_requests: bool
    pull_request_template: bool
    deploy_pull_request: int
    paths: _containers.RepeatedScalarFieldContainer[str]
    installation_id: str
    review_stack_labels: _containers.RepeatedScalarFieldContainer[str]
    deploy_tags: bool
    tag_filters: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, repository: _Optional[str] = ..., deploy_commits: _Optional[bool] = ..., preview_pull_requests: _Optional[bool] = ..., pull_request_template: _Optional[bool] = ..., deploy_pull_request: _Optional[int] = ..., paths: _Optional[_Iterable[str]] = ..., installation_id: _Optional[str] = ..., review_stack_labels: _Optional[_Iterable[str]] = ..., deploy_tags: _Optional[bool] = ..., tag_filters: _Optional[_Iterable[str]] = ...) -> None: ...

class DeploymentSettingsVCS(_message.Message):
    __slots__ = ("repository", "deploy_commits", "deploy_tags", "paths", "tag_filters", "installation_id", "pull_request_template", "preview_pull_requests", "deploy_pull_request", "provider", "review_stack_labels")
    REPOSITORY_FIELD_NUMBER: _ClassVar[int]
    DEPLOY_COMMITS_FIELD_NUMBER: _ClassVar[int]
    DEPLOY_TAGS_FIELD_NUMBER: _ClassVar[int]
    PATHS_FIELD_NUMBER: _ClassVar[int]
    TAG_FILTERS_FIELD_NUMBER: _ClassVar[int]
    INSTALLATION_ID_FIELD_NUMBER: _ClassVar[int]
    PULL_REQUEST_TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    PREVIEW_PULL_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    DEPLOY_PULL_REQUEST_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    REVIEW_STACK_LABELS_FIELD_NUMBER: _ClassVar[int]
    repository: str
    deploy_commits: bool
    deploy_tags: bool
    paths: _containers.RepeatedScalarFieldContainer[str]
    tag_filters: _containers.RepeatedScalarFieldContainer[str]
    installation_id: str
    pull_request_template: bool
    preview_pull_requests: bool
    deploy_pull_request: int
    provider: str
    review_stack_labels: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, repository: _Optional[str] = ..., deploy_commits: _Optional[bool] = ..., deploy_tags: _Optional[bool] = ..., paths: _Optional[_Iterable[str]] = ..., tag_filters: _Optional[_Iterable[str]] = ..., installation_id: _Optional[str] = ..., pull_request_template: _Optional[bool] = ..., preview_pull_requests: _Optional[bool] = ..., deploy_pull_request: _Optional[int] = ..., provider: _Optional[str] = ..., review_stack_labels: _Optional[_Iterable[str]] = ...) -> None: ...

class OperationContextRequest(_message.Message):
    __slots__ = ("oidc", "pre_run_commands", "operation", "environment_variables", "options", "role")
    class EnvironmentVariablesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: SecretValue
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[SecretValue, _Mapping]] = ...) -> None: ...
    OIDC_FIELD_NUMBER: _ClassVar[int]
    PRE_RUN_COMMANDS_FIELD_NUMBER: _ClassVar[int]
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    ENVIRONMENT_VARIABLES_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    oidc: OperationContextOIDCConfigurationRequest
    pre_run_commands: _containers.RepeatedScalarFieldContainer[str]
    operation: str
    environment_variables: _containers.MessageMap[str, SecretValue]
    options: OperationContextOptionsRequest
    role: DeploymentRoleRequest
    def __init__(self, oidc: _Optional[_Union[OperationContextOIDCConfigurationRequest, _Mapping]] = ..., pre_run_commands: _Optional[_Iterable[str]] = ..., operation: _Optional[str] = ..., environment_variables: _Optional[_Mapping[str, SecretValue]] = ..., options: _Optional[_Union[OperationContextOptionsRequest, _Mapping]] = ..., role: _Optional[_Union[DeploymentRoleRequest, _Mapping]] = ...) -> None: ...

class OperationContextOIDCConfigurationRequest(_message.Message):
    __slots__ = ("aws", "azure", "gcp")
    AWS_FIELD_NUMBER: _ClassVar[int]
    AZURE_FIELD_NUMBER: _ClassVar[int]
    GCP_FIELD_NUMBER: _ClassVar[int]
    aws: OperationContextAWSOIDCConfigurationRequest
    azure: OperationContextAzureOIDCConfigurationRequest
    gcp: OperationContextGCPOIDCConfigurationRequest
    def __init__(self, aws: _Optional[_Union[OperationContextAWSOIDCConfigurationRequest, _Mapping]] = ..., azure: _Optional[_Union[OperationContextAzureOIDCConfigurationRequest, _Mapping]] = ..., gcp: _Optional[_Union[OperationContextGCPOIDCConfigurationRequest, _Mapping]] = ...) -> None: ...

class OperationContextAWSOIDCConfigurationRequest(_message.Message):
    __slots__ = ("duration", "policy_arns", "role_arn", "session_name")
    DURATION_FIELD_NUMBER: _ClassVar[int]
    POLICY_ARNS_FIELD_NUMBER: _ClassVar[int]
    ROLE_ARN_FIELD_NUMBER: _ClassVar[int]
    SESSION_NAME_FIELD_NUMBER: _ClassVar[int]
    duration: str
    policy_arns: _containers.RepeatedScalarFieldContainer[str]
    role_arn: str
    session_name: str
    def __init__(self, duration: _Optional[str] = ..., policy_arns: _Optional[_Iterable[str]] = ..., role_arn: _Optional[str] = ..., session_name: _Optional[str] = ...) -> None: ...

class OperationContextAzureOIDCConfigurationRequest(_message.Message):
    __slots__ = ("client_id", "tenant_id", "subscription_id")
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIPTION_ID_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    tenant_id: str
    subscription_id: str
    def __init__(self, client_id: _Optional[str] = ..., tenant_id: _Optional[str] = ..., subscription_id: _Optional[str] = ...) -> None: ...

class OperationContextGCPOIDCConfigurationRequest(_message.Message):
    __slots__ = ("project_id", "region", "workload_pool_id", "provider_id", "service_account", "token_lifetime")
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    WORKLOAD_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_ID_FIELD_NUMBER: _ClassVar[int]
    SERVICE_ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    TOKEN_LIFETIME_FIELD_NUMBER: _ClassVar[int]
    project_id: str
    region: str
    workload_pool_id: str
    provider_id: str
    service_account: str
    token_lifetime: str
    def __init__(self, project_id: _Optional[str] = ..., region: _Optional[str] = ..., workload_pool_id: _Optional[str] = ..., provider_id: _Optional[str] = ..., service_account: _Optional[str] = ..., token_lifetime: _Optional[str] = ...) -> None: ...

class OperationContextOptionsRequest(_message.Message):
    __slots__ = ("skip_install_dependencies", "skip_intermediate_deployments", "shell", "delete_after_destroy", "remediate_if_drift_detected")
    SKIP_INSTALL_DEPENDENCIES_FIELD_NUMBER: _ClassVar[int]
    SKIP_INTERMEDIATE_DEPLOYMENTS_FIELD_NUMBER: _ClassVar[int]
    SHELL_FIELD_NUMBER: _ClassVar[int]
    DELETE_AFTER_DESTROY_FIELD_NUMBER: _ClassVar[int]
    REMEDIATE_IF_DRIFT_DETECTED_FIELD_NUMBER: _ClassVar[int]
    skip_install_dependencies: bool
    skip_intermediate_deployments: bool
    shell: str
    delete_after_destroy: bool
    remediate_if_drift_detected: bool
    def __init__(self, skip_install_dependencies: _Optional[bool] = ..., skip_intermediate_deployments: _Optional[bool] = ..., shell: _Optional[str] = ..., delete_after_destroy: _Optional[bool] = ..., remediate_if_drift_detected: _Optional[bool] = ...) -> None: ...

class DeploymentRoleRequest(_message.Message):
    __slots__ = ("id", "name", "default_identifier")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    default_identifier: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., default_identifier: _Optional[str] = ...) -> None: ...

class CacheOptionsRequest(_message.Message):
    __slots__ = ("enable",)
    ENABLE_FIELD_NUMBER: _ClassVar[int]
    enable: bool
    def __init__(self, enable: _Optional[bool] = ...) -> None: ...

class Policy(_message.Message):
    __slots__ = ("name", "display_name", "description", "enforcement_level", "message", "config_schema", "severity", "framework", "tags", "remediation_steps", "url")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ENFORCEMENT_LEVEL_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    CONFIG_SCHEMA_FIELD_NUMBER: _ClassVar[int]
    SEVERITY_FIELD_NUMBER: _ClassVar[int]
    FRAMEWORK_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    REMEDIATION_STEPS_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    name: str
    display_name: str
    description: str
    enforcement_level: str
    message: str
    config_schema: PolicyConfigSchema
    severity: str
    framework: PolicyComplianceFramework
    tags: _containers.RepeatedScalarFieldContainer[str]
    remediation_steps: str
    url: str
    def __init__(self, name: _Optional[str] = ..., display_name: _Optional[str] = ..., description: _Optional[str] = ..., enforcement_level: _Optional[str] = ..., message: _Optional[str] = ..., config_schema: _Optional[_Union[PolicyConfigSchema, _Mapping]] = ..., severity: _Optional[str] = ..., framework: _Optional[_Union[PolicyComplianceFramework, _Mapping]] = ..., tags: _Optional[_Iterable[str]] = ..., remediation_steps: _Optional[str] = ..., url: _Optional[str] = ...) -> None: ...

class PolicyConfigSchema(_message.Message):
    __slots__ = ("properties", "required", "type")
    class PropertiesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _struct_pb2.Struct
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    properties: _containers.MessageMap[str, _struct_pb2.Struct]
    required: _containers.RepeatedScalarFieldContainer[str]
    type: str
    def __init__(self, properties: _Optional[_Mapping[str, _struct_pb2.Struct]] = ..., required: _Optional[_Iterable[str]] = ..., type: _Optional[str] = ...) -> None: ...

class PolicyComplianceFramework(_message.Message):
    __slots__ = ("name", "version", "reference", "specification")
    NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    SPECIFICATION_FIELD_NUMBER: _ClassVar[int]
    name: str
    version: str
    reference: str
    specification: str
    def __init__(self, name: _Optional[str] = ..., version: _Optional[str] = ..., reference: _Optional[str] = ..., specification: _Optional[str] = ...) -> None: ...

class RegistryPolicyPack(_message.Message):
    __slots__ = ("id", "source", "publisher", "name", "version", "display_name", "access_level", "enforcement_levels")
    ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    PUBLISHER_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    ACCESS_LEVEL_FIELD_NUMBER: _ClassVar[int]
    ENFORCEMENT_LEVELS_FIELD_NUMBER: _ClassVar[int]
    id: str
    source: str
    publisher: str
    name: str
    version: str
    display_name: str
    access_level: str
    enforcement_levels: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., source: _Optional[str] = ..., publisher: _Optional[str] = ..., name: _Optional[str] = ..., version: _Optional[str] = ..., display_name: _Optional[str] = ..., access_level: _Optional[str] = ..., enforcement_levels: _Optional[_Iterable[str]] = ...) -> None: ...

class PermissionDescriptorRecord(_message.Message):
    __slots__ = ("name", "description", "resource_type", "ux_purpose", "details", "created", "modified", "id", "org_id", "default_identifier", "version", "is_org_default")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_TYPE_FIELD_NUMBER: _ClassVar[int]
    UX_PURPOSE_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    MODIFIED_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    IS_ORG_DEFAULT_FIELD_NUMBER: _ClassVar[int]
    name: str
    description: str
    resource_type: str
    ux_purpose: str
    details: PermissionDescriptor
    created: str
    modified: str
    id: str
    org_id: str
    default_identifier: str
    version: int
    is_org_default: bool
    def __init__(self, name: _Optional[str] = ..., description: _Optional[str] = ..., resource_type: _Optional[str] = ..., ux_purpose: _Optional[str] = ..., details: _Optional[_Union[PermissionDescriptor, _Mapping]] = ..., created: _Optional[str] = ..., modified: _Optional[str] = ..., id: _Optional[str] = ..., org_id: _Optional[str] = ..., default_identifier: _Optional[str] = ..., version: _Optional[int] = ..., is_org_default: _Optional[bool] = ...) -> None: ...

class PermissionDescriptor(_message.Message):
    __slots__ = ("type", "permissions", "constraints", "permission_descriptors", "condition", "sub_node", "entries", "sub_node_for_true", "sub_node_for_false", "selector", "options")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    PERMISSIONS_FIELD_NUMBER: _ClassVar[int]
    CONSTRAINTS_FIELD_NUMBER: _ClassVar[int]
    PERMISSION_DESCRIPTORS_FIELD_NUMBER: _ClassVar[int]
    CONDITION_FIELD_NUMBER: _ClassVar[int]
    SUB_NODE_FIELD_NUMBER: _ClassVar[int]
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    SUB_NODE_FOR_TRUE_FIELD_NUMBER: _ClassVar[int]
    SUB_NODE_FOR_FALSE_FIELD_NUMBER: _ClassVar[int]
    SELECTOR_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    type: str
    permissions: _containers.RepeatedScalarFieldContainer[str]
    constraints: RbacPermissionConstraints
    permission_descriptors: _containers.RepeatedScalarFieldContainer[str]
    condition: PermissionBooleanExpression
    sub_node: PermissionDescriptor
    entries: _containers.RepeatedCompositeFieldContainer[PermissionDescriptor]
    sub_node_for_true: PermissionDescriptor
    sub_node_for_false: PermissionDescriptor
    selector: PermissionExpression
    options: _containers.RepeatedCompositeFieldContainer[PermissionSelectvalue]
    def __init__(self, type: _Optional[str] = ..., permissions: _Optional[_Iterable[str]] = ..., constraints: _Optional[_Union[RbacPermissionConstraints, _Mapping]] = ..., permission_descriptors: _Optional[_Iterable[str]] = ..., condition: _Optional[_Union[PermissionBooleanExpression, _Mapping]] = ..., sub_node: _Optional[_Union[PermissionDescriptor, _Mapping]] = ..., entries: _Optional[_Iterable[_Union[PermissionDescriptor, _Mapping]]] = ..., sub_node_for_true: _Optional[_Union[PermissionDescriptor, _Mapping]] = ..., sub_node_for_false: _Optional[_Union[PermissionDescriptor, _Mapping]] = ..., selector: _Optional[_Union[PermissionExpression, _Mapping]] = ..., options: _Optional[_Iterable[_Union[PermissionSelectvalue, _Mapping]]] = ...) -> None: ...

class RbacPermissionConstraints(_message.Message):
    __slots__ = ("max_open_duration",)
    MAX_OPEN_DURATION_FIELD_NUMBER: _ClassVar[int]
    max_open_duration: int
    def __init__(self, max_open_duration: _Optional[int] = ...) -> None: ...

class PermissionBooleanExpression(_message.Message):
    __slots__ = ("type", "left", "right", "node", "context", "key")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    LEFT_FIELD_NUMBER: _ClassVar[int]
    RIGHT_FIELD_NUMBER: _ClassVar[int]
    NODE_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    type: str
    left: PermissionExpression
    right: PermissionExpression
    node: PermissionBooleanExpression
    context: PermissionContextExpression
    key: str
    def __init__(self, type: _Optional[str] = ..., left: _Optional[_Union[PermissionExpression, _Mapping]] = ..., right: _Optional[_Union[PermissionExpression, _Mapping]] = ..., node: _Optional[_Union[PermissionBooleanExpression, _Mapping]] = ..., context: _Optional[_Union[PermissionContextExpression, _Mapping]] = ..., key: _Optional[str] = ...) -> None: ...

class PermissionExpression(_message.Message):
    __slots__ = ("type", "left", "right", "node", "context", "key", "value", "identity")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    LEFT_FIELD_NUMBER: _ClassVar[int]
    RIGHT_FIELD_NUMBER: _ClassVar[int]
    NODE_FIELD_NUMBER: _ClassVar[int]
    CONTEXT_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    IDENTITY_FIELD_NUMBER: _ClassVar[int]
    type: str
    left: PermissionExpression
    right: PermissionExpression
    node: PermissionBooleanExpression
    context: PermissionContextExpression
    key: str
    value: _struct_pb2.Value
    identity: str
    def __init__(self, type: _Optional[str] = ..., left: _Optional[_Union[PermissionExpression, _Mapping]] = ..., right: _Optional[_Union[PermissionExpression, _Mapping]] = ..., node: _Optional[_Union[PermissionBooleanExpression, _Mapping]] = ..., context: _Optional[_Union[PermissionContextExpression, _Mapping]] = ..., key: _Optional[str] = ..., value: _Optional[_Union[_struct_pb2.Value, _Mapping]] = ..., identity: _Optional[str] = ...) -> None: ...

class PermissionContextExpression(_message.Message):
    __slots__ = ("type",)
    TYPE_FIELD_NUMBER: _ClassVar[int]
    type: str
    def __init__(self, type: _Optional[str] = ...) -> None: ...

class PermissionSelectvalue(_message.Message):
    __slots__ = ("value", "node")
    VALUE_FIELD_NUMBER: _ClassVar[int]
    NODE_FIELD_NUMBER: _ClassVar[int]
    value: PermissionExpression
    node: PermissionDescriptor
    def __init__(self, value: _Optional[_Union[PermissionExpression, _Mapping]] = ..., node: _Optional[_Union[PermissionDescriptor, _Mapping]] = ...) -> None: ...

class AccessToken(_message.Message):
    __slots__ = ("id", "name", "description", "created", "last_used", "expires", "admin", "created_by", "role", "type")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    LAST_USED_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_FIELD_NUMBER: _ClassVar[int]
    ADMIN_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    description: str
    created: str
    last_used: int
    expires: int
    admin: bool
    created_by: str
    role: AccessTokenRole
    type: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., created: _Optional[str] = ..., last_used: _Optional[int] = ..., expires: _Optional[int] = ..., admin: _Optional[bool] = ..., created_by: _Optional[str] = ..., role: _Optional[_Union[AccessTokenRole, _Mapping]] = ..., type: _Optional[str] = ...) -> None: ...

class AccessTokenRole(_message.Message):
    __slots__ = ("id", "name", "default_identifier")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    default_identifier: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., default_identifier: _Optional[str] = ...) -> None: ...

class TargetEntity(_message.Message):
    __slots__ = ("entity_type", "project", "name")
    ENTITY_TYPE_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    entity_type: str
    project: str
    name: str
    def __init__(self, entity_type: _Optional[str] = ..., project: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...
