from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from pulumi_gateway_client._generated.pulumi.gateway.v1 import options_pb2 as _options_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import common_pb2 as _common_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import stacks_pb2 as _stacks_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import types_pb2 as _types_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import updates_pb2 as _updates_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ListOrgDeploymentsRequest(_message.Message):
    __slots__ = ("org_name", "asc", "page", "page_size", "sort")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    ASC_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    SORT_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    asc: bool
    page: int
    page_size: int
    sort: str
    def __init__(self, org_name: _Optional[str] = ..., asc: _Optional[bool] = ..., page: _Optional[int] = ..., page_size: _Optional[int] = ..., sort: _Optional[str] = ...) -> None: ...

class ListOrgDeploymentsResponse(_message.Message):
    __slots__ = ("deployments", "items_per_page", "total")
    DEPLOYMENTS_FIELD_NUMBER: _ClassVar[int]
    ITEMS_PER_PAGE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    deployments: _containers.RepeatedCompositeFieldContainer[ListDeploymentSnapshot]
    items_per_page: int
    total: int
    def __init__(self, deployments: _Optional[_Iterable[_Union[ListDeploymentSnapshot, _Mapping]]] = ..., items_per_page: _Optional[int] = ..., total: _Optional[int] = ...) -> None: ...

class ListDeploymentSnapshot(_message.Message):
    __slots__ = ("id", "created", "modified", "status", "version", "requested_by", "project_name", "stack_name", "paused", "pulumi_operation", "updates", "jobs", "initiator", "agent_pool")
    ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    MODIFIED_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_BY_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    PAUSED_FIELD_NUMBER: _ClassVar[int]
    PULUMI_OPERATION_FIELD_NUMBER: _ClassVar[int]
    UPDATES_FIELD_NUMBER: _ClassVar[int]
    JOBS_FIELD_NUMBER: _ClassVar[int]
    INITIATOR_FIELD_NUMBER: _ClassVar[int]
    AGENT_POOL_FIELD_NUMBER: _ClassVar[int]
    id: str
    created: str
    modified: str
    status: str
    version: int
    requested_by: _common_pb2.UserInfo
    project_name: str
    stack_name: str
    paused: bool
    pulumi_operation: str
    updates: _containers.RepeatedCompositeFieldContainer[DeploymentNestedUpdate]
    jobs: _containers.RepeatedCompositeFieldContainer[_stacks_pb2.DeploymentJob]
    initiator: str
    agent_pool: ListDeploymentSnapshotAgentPool
    def __init__(self, id: _Optional[str] = ..., created: _Optional[str] = ..., modified: _Optional[str] = ..., status: _Optional[str] = ..., version: _Optional[int] = ..., requested_by: _Optional[_Union[_common_pb2.UserInfo, _Mapping]] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., paused: _Optional[bool] = ..., pulumi_operation: _Optional[str] = ..., updates: _Optional[_Iterable[_Union[DeploymentNestedUpdate, _Mapping]]] = ..., jobs: _Optional[_Iterable[_Union[_stacks_pb2.DeploymentJob, _Mapping]]] = ..., initiator: _Optional[str] = ..., agent_pool: _Optional[_Union[ListDeploymentSnapshotAgentPool, _Mapping]] = ...) -> None: ...

class DeploymentNestedUpdate(_message.Message):
    __slots__ = ("id", "update_id", "version", "start_time", "end_time", "result", "kind", "message", "environment")
    class EnvironmentEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ID_FIELD_NUMBER: _ClassVar[int]
    UPDATE_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    ENVIRONMENT_FIELD_NUMBER: _ClassVar[int]
    id: str
    update_id: str
    version: int
    start_time: int
    end_time: int
    result: str
    kind: str
    message: str
    environment: _containers.ScalarMap[str, str]
    def __init__(self, id: _Optional[str] = ..., update_id: _Optional[str] = ..., version: _Optional[int] = ..., start_time: _Optional[int] = ..., end_time: _Optional[int] = ..., result: _Optional[str] = ..., kind: _Optional[str] = ..., message: _Optional[str] = ..., environment: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ListDeploymentSnapshotAgentPool(_message.Message):
    __slots__ = ("id", "name")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class GetOrgDeploymentsMetadataRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class GetOrgDeploymentsMetadataResponse(_message.Message):
    __slots__ = ("paused", "concurrency", "deployment_counts")
    PAUSED_FIELD_NUMBER: _ClassVar[int]
    CONCURRENCY_FIELD_NUMBER: _ClassVar[int]
    DEPLOYMENT_COUNTS_FIELD_NUMBER: _ClassVar[int]
    paused: bool
    concurrency: int
    deployment_counts: DeploymentCounts
    def __init__(self, paused: _Optional[bool] = ..., concurrency: _Optional[int] = ..., deployment_counts: _Optional[_Union[DeploymentCounts, _Mapping]] = ...) -> None: ...

class DeploymentCounts(_message.Message):
    __slots__ = ("not_started", "accepted", "running", "failed", "succeeded", "skipped", "total")
    NOT_STARTED_FIELD_NUMBER: _ClassVar[int]
    ACCEPTED_FIELD_NUMBER: _ClassVar[int]
    RUNNING_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    SUCCEEDED_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    not_started: int
    accepted: int
    running: int
    failed: int
    succeeded: int
    skipped: int
    total: int
    def __init__(self, not_started: _Optional[int] = ..., accepted: _Optional[int] = ..., running: _Optional[int] = ..., failed: _Optional[int] = ..., succeeded: _Optional[int] = ..., skipped: _Optional[int] = ..., total: _Optional[int] = ...) -> None: ...

class PauseOrgDeploymentsRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class PauseOrgDeploymentsResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ResumeOrgDeploymentsRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class ResumeOrgDeploymentsResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListStackDeploymentsRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "asc", "page", "page_size", "sort")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    ASC_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    SORT_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    asc: bool
    page: int
    page_size: int
    sort: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., asc: _Optional[bool] = ..., page: _Optional[int] = ..., page_size: _Optional[int] = ..., sort: _Optional[str] = ...) -> None: ...

class ListStackDeploymentsResponse(_message.Message):
    __slots__ = ("deployments", "items_per_page", "total")
    DEPLOYMENTS_FIELD_NUMBER: _ClassVar[int]
    ITEMS_PER_PAGE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    deployments: _containers.RepeatedCompositeFieldContainer[ListDeploymentSnapshot]
    items_per_page: int
    total: int
    def __init__(self, deployments: _Optional[_Iterable[_Union[ListDeploymentSnapshot, _Mapping]]] = ..., items_per_page: _Optional[int] = ..., total: _Optional[int] = ...) -> None: ...

class CreateDeploymentRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "tag", "executor_context", "source_context", "git_hub", "vcs", "operation_context", "agent_pool_id", "cache_options", "operation", "inherit_settings")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    TAG_FIELD_NUMBER: _ClassVar[int]
    EXECUTOR_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    GIT_HUB_FIELD_NUMBER: _ClassVar[int]
    VCS_FIELD_NUMBER: _ClassVar[int]
    OPERATION_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    AGENT_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    CACHE_OPTIONS_FIELD_NUMBER: _ClassVar[int]
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    INHERIT_SETTINGS_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    tag: str
    executor_context: _types_pb2.ExecutorSettingsRequest
    source_context: _types_pb2.SourceContextRequest
    git_hub: _types_pb2.DeploymentSettingsGitHubRequest
    vcs: _types_pb2.DeploymentSettingsVCS
    operation_context: _types_pb2.OperationContextRequest
    agent_pool_id: str
    cache_options: _types_pb2.CacheOptionsRequest
    operation: str
    inherit_settings: bool
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., tag: _Optional[str] = ..., executor_context: _Optional[_Union[_types_pb2.ExecutorSettingsRequest, _Mapping]] = ..., source_context: _Optional[_Union[_types_pb2.SourceContextRequest, _Mapping]] = ..., git_hub: _Optional[_Union[_types_pb2.DeploymentSettingsGitHubRequest, _Mapping]] = ..., vcs: _Optional[_Union[_types_pb2.DeploymentSettingsVCS, _Mapping]] = ..., operation_context: _Optional[_Union[_types_pb2.OperationContextRequest, _Mapping]] = ..., agent_pool_id: _Optional[str] = ..., cache_options: _Optional[_Union[_types_pb2.CacheOptionsRequest, _Mapping]] = ..., operation: _Optional[str] = ..., inherit_settings: _Optional[bool] = ...) -> None: ...

class CreateDeploymentResponse(_message.Message):
    __slots__ = ("id", "console_url", "version")
    ID_FIELD_NUMBER: _ClassVar[int]
    CONSOLE_URL_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    console_url: str
    version: int
    def __init__(self, id: _Optional[str] = ..., console_url: _Optional[str] = ..., version: _Optional[int] = ...) -> None: ...

class ClearProjectCacheRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class ClearProjectCacheResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetStackDeploymentsMetadataRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class GetStackDeploymentsMetadataResponse(_message.Message):
    __slots__ = ("paused", "stack_paused", "organization_paused", "has_schedules", "drift")
    PAUSED_FIELD_NUMBER: _ClassVar[int]
    STACK_PAUSED_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_PAUSED_FIELD_NUMBER: _ClassVar[int]
    HAS_SCHEDULES_FIELD_NUMBER: _ClassVar[int]
    DRIFT_FIELD_NUMBER: _ClassVar[int]
    paused: bool
    stack_paused: bool
    organization_paused: bool
    has_schedules: bool
    drift: StackDriftStatus
    def __init__(self, paused: _Optional[bool] = ..., stack_paused: _Optional[bool] = ..., organization_paused: _Optional[bool] = ..., has_schedules: _Optional[bool] = ..., drift: _Optional[_Union[StackDriftStatus, _Mapping]] = ...) -> None: ...

class StackDriftStatus(_message.Message):
    __slots__ = ("drift_detected", "latest_drift_run", "run_in_progress")
    DRIFT_DETECTED_FIELD_NUMBER: _ClassVar[int]
    LATEST_DRIFT_RUN_FIELD_NUMBER: _ClassVar[int]
    RUN_IN_PROGRESS_FIELD_NUMBER: _ClassVar[int]
    drift_detected: bool
    latest_drift_run: str
    run_in_progress: bool
    def __init__(self, drift_detected: _Optional[bool] = ..., latest_drift_run: _Optional[str] = ..., run_in_progress: _Optional[bool] = ...) -> None: ...

class PauseStackDeploymentsRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class PauseStackDeploymentsResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ResumeStackDeploymentsRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class ResumeStackDeploymentsResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetDeploymentSettingsRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class GetDeploymentSettingsResponse(_message.Message):
    __slots__ = ("version", "tag", "executor_context", "source_context", "git_hub", "vcs", "operation_context", "source", "agent_pool_id", "cache_options")
    VERSION_FIELD_NUMBER: _ClassVar[int]
    TAG_FIELD_NUMBER: _ClassVar[int]
    EXECUTOR_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    GIT_HUB_FIELD_NUMBER: _ClassVar[int]
    VCS_FIELD_NUMBER: _ClassVar[int]
    OPERATION_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    AGENT_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    CACHE_OPTIONS_FIELD_NUMBER: _ClassVar[int]
    version: int
    tag: str
    executor_context: ExecutorContext
    source_context: SourceContext
    git_hub: DeploymentSettingsGitHub
    vcs: _types_pb2.DeploymentSettingsVCS
    operation_context: OperationContext
    source: str
    agent_pool_id: str
    cache_options: CacheOptions
    def __init__(self, version: _Optional[int] = ..., tag: _Optional[str] = ..., executor_context: _Optional[_Union[ExecutorContext, _Mapping]] = ..., source_context: _Optional[_Union[SourceContext, _Mapping]] = ..., git_hub: _Optional[_Union[DeploymentSettingsGitHub, _Mapping]] = ..., vcs: _Optional[_Union[_types_pb2.DeploymentSettingsVCS, _Mapping]] = ..., operation_context: _Optional[_Union[OperationContext, _Mapping]] = ..., source: _Optional[str] = ..., agent_pool_id: _Optional[str] = ..., cache_options: _Optional[_Union[CacheOptions, _Mapping]] = ...) -> None: ...

class ExecutorContext(_message.Message):
    __slots__ = ("executor_image", "executor_root_path")
    EXECUTOR_IMAGE_FIELD_NUMBER: _ClassVar[int]
    EXECUTOR_ROOT_PATH_FIELD_NUMBER: _ClassVar[int]
    executor_image: DockerImage
    executor_root_path: str
    def __init__(self, executor_image: _Optional[_Union[DockerImage, _Mapping]] = ..., executor_root_path: _Optional[str] = ...) -> None: ...

class DockerImage(_message.Message):
    __slots__ = ("reference", "is_default", "credentials")
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    IS_DEFAULT_FIELD_NUMBER: _ClassVar[int]
    CREDENTIALS_FIELD_NUMBER: _ClassVar[int]
    reference: str
    is_default: bool
    credentials: DockerImageCredentials
    def __init__(self, reference: _Optional[str] = ..., is_default: _Optional[bool] = ..., credentials: _Optional[_Union[DockerImageCredentials, _Mapping]] = ...) -> None: ...

class DockerImageCredentials(_message.Message):
    __slots__ = ("username", "password")
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    username: str
    password: _types_pb2.SecretValue
    def __init__(self, username: _Optional[str] = ..., password: _Optional[_Union[_types_pb2.SecretValue, _Mapping]] = ...) -> None: ...

class SourceContext(_message.Message):
    __slots__ = ("git", "hg", "template")
    GIT_FIELD_NUMBER: _ClassVar[int]
    HG_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    git: SourceContextGit
    hg: SourceContextHg
    template: SourceContextTemplate
    def __init__(self, git: _Optional[_Union[SourceContextGit, _Mapping]] = ..., hg: _Optional[_Union[SourceContextHg, _Mapping]] = ..., template: _Optional[_Union[SourceContextTemplate, _Mapping]] = ...) -> None: ...

class SourceContextGit(_message.Message):
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
    git_auth: GitAuthConfig
    def __init__(self, repo_url: _Optional[str] = ..., branch: _Optional[str] = ..., repo_dir: _Optional[str] = ..., commit: _Optional[str] = ..., tag: _Optional[str] = ..., git_auth: _Optional[_Union[GitAuthConfig, _Mapping]] = ...) -> None: ...

class GitAuthConfig(_message.Message):
    __slots__ = ("access_token", "ssh_auth", "basic_auth")
    ACCESS_TOKEN_FIELD_NUMBER: _ClassVar[int]
    SSH_AUTH_FIELD_NUMBER: _ClassVar[int]
    BASIC_AUTH_FIELD_NUMBER: _ClassVar[int]
    access_token: _types_pb2.SecretValue
    ssh_auth: SSHAuth
    basic_auth: BasicAuth
    def __init__(self, access_token: _Optional[_Union[_types_pb2.SecretValue, _Mapping]] = ..., ssh_auth: _Optional[_Union[SSHAuth, _Mapping]] = ..., basic_auth: _Optional[_Union[BasicAuth, _Mapping]] = ...) -> None: ...

class SSHAuth(_message.Message):
    __slots__ = ("ssh_private_key", "password")
    SSH_PRIVATE_KEY_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    ssh_private_key: _types_pb2.SecretValue
    password: _types_pb2.SecretValue
    def __init__(self, ssh_private_key: _Optional[_Union[_types_pb2.SecretValue, _Mapping]] = ..., password: _Optional[_Union[_types_pb2.SecretValue, _Mapping]] = ...) -> None: ...

class BasicAuth(_message.Message):
    __slots__ = ("user_name", "password")
    USER_NAME_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    user_name: _types_pb2.SecretValue
    password: _types_pb2.SecretValue
    def __init__(self, user_name: _Optional[_Union[_types_pb2.SecretValue, _Mapping]] = ..., password: _Optional[_Union[_types_pb2.SecretValue, _Mapping]] = ...) -> None: ...

class SourceContextHg(_message.Message):
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
    hg_auth: GitAuthConfig
    def __init__(self, repo_url: _Optional[str] = ..., branch: _Optional[str] = ..., repo_dir: _Optional[str] = ..., revision: _Optional[str] = ..., hg_auth: _Optional[_Union[GitAuthConfig, _Mapping]] = ...) -> None: ...

class SourceContextTemplate(_message.Message):
    __slots__ = ("source_url", "git_auth", "project_source_url")
    SOURCE_URL_FIELD_NUMBER: _ClassVar[int]
    GIT_AUTH_FIELD_NUMBER: _ClassVar[int]
    PROJECT_SOURCE_URL_FIELD_NUMBER: _ClassVar[int]
    source_url: str
    git_auth: GitAuthConfig
    project_source_url: str
    def __init__(self, source_url: _Optional[str] = ..., git_auth: _Optional[_Union[GitAuthConfig, _Mapping]] = ..., project_source_url: _Optional[str] = ...) -> None: ...

class DeploymentSettingsGitHub(_message.Message):
    __slots__ = ("repository", "pull_request_template", "deploy_commits", "preview_pull_requests", "deploy_pull_request", "paths", "installation_id", "review_stack_labels", "deploy_tags", "tag_filters")
    REPOSITORY_FIELD_NUMBER: _ClassVar[int]
    PULL_REQUEST_TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    DEPLOY_COMMITS_FIELD_NUMBER: _ClassVar[int]
    PREVIEW_PULL_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    DEPLOY_PULL_REQUEST_FIELD_NUMBER: _ClassVar[int]
    PATHS_FIELD_NUMBER: _ClassVar[int]
    INSTALLATION_ID_FIELD_NUMBER: _ClassVar[int]
    REVIEW_STACK_LABELS_FIELD_NUMBER: _ClassVar[int]
    DEPLOY_TAGS_FIELD_NUMBER: _ClassVar[int]
    TAG_FILTERS_FIELD_NUMBER: _ClassVar[int]
    repository: str
    pull_request_template: bool
    deploy_commits: bool
    preview_pull_requests: bool
    deploy_pull_request: int
    paths: _containers.RepeatedScalarFieldContainer[str]
    installation_id: str
    review_stack_labels: _containers.RepeatedScalarFieldContainer[str]
    deploy_tags: bool
    tag_filters: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, repository: _Optional[str] = ..., pull_request_template: _Optional[bool] = ..., deploy_commits: _Optional[bool] = ..., preview_pull_requests: _Optional[bool] = ..., deploy_pull_request: _Optional[int] = ..., paths: _Optional[_Iterable[str]] = ..., installation_id: _Optional[str] = ..., review_stack_labels: _Optional[_Iterable[str]] = ..., deploy_tags: _Optional[bool] = ..., tag_filters: _Optional[_Iterable[str]] = ...) -> None: ...

class OperationContext(_message.Message):
    __slots__ = ("oidc", "pre_run_commands", "operation", "environment_variables", "options", "role")
    class EnvironmentVariablesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _types_pb2.SecretValue
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[_types_pb2.SecretValue, _Mapping]] = ...) -> None: ...
    OIDC_FIELD_NUMBER: _ClassVar[int]
    PRE_RUN_COMMANDS_FIELD_NUMBER: _ClassVar[int]
    OPERATION_FIELD_NUMBER: _ClassVar[int]
    ENVIRONMENT_VARIABLES_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    oidc: OperationContextOIDCConfiguration
    pre_run_commands: _containers.RepeatedScalarFieldContainer[str]
    operation: str
    environment_variables: _containers.MessageMap[str, _types_pb2.SecretValue]
    options: OperationContextOptions
    role: DeploymentRole
    def __init__(self, oidc: _Optional[_Union[OperationContextOIDCConfiguration, _Mapping]] = ..., pre_run_commands: _Optional[_Iterable[str]] = ..., operation: _Optional[str] = ..., environment_variables: _Optional[_Mapping[str, _types_pb2.SecretValue]] = ..., options: _Optional[_Union[OperationContextOptions, _Mapping]] = ..., role: _Optional[_Union[DeploymentRole, _Mapping]] = ...) -> None: ...

class OperationContextOIDCConfiguration(_message.Message):
    __slots__ = ("aws", "azure", "gcp")
    AWS_FIELD_NUMBER: _ClassVar[int]
    AZURE_FIELD_NUMBER: _ClassVar[int]
    GCP_FIELD_NUMBER: _ClassVar[int]
    aws: OperationContextAWSOIDCConfiguration
    azure: OperationContextAzureOIDCConfiguration
    gcp: OperationContextGCPOIDCConfiguration
    def __init__(self, aws: _Optional[_Union[OperationContextAWSOIDCConfiguration, _Mapping]] = ..., azure: _Optional[_Union[OperationContextAzureOIDCConfiguration, _Mapping]] = ..., gcp: _Optional[_Union[OperationContextGCPOIDCConfiguration, _Mapping]] = ...) -> None: ...

class OperationContextAWSOIDCConfiguration(_message.Message):
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

class OperationContextAzureOIDCConfiguration(_message.Message):
    __slots__ = ("client_id", "tenant_id", "subscription_id")
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIPTION_ID_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    tenant_id: str
    subscription_id: str
    def __init__(self, client_id: _Optional[str] = ..., tenant_id: _Optional[str] = ..., subscription_id: _Optional[str] = ...) -> None: ...

class OperationContextGCPOIDCConfiguration(_message.Message):
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

class OperationContextOptions(_message.Message):
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

class DeploymentRole(_message.Message):
    __slots__ = ("id", "name", "default_identifier")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    default_identifier: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., default_identifier: _Optional[str] = ...) -> None: ...

class CacheOptions(_message.Message):
    __slots__ = ("enable",)
    ENABLE_FIELD_NUMBER: _ClassVar[int]
    enable: bool
    def __init__(self, enable: _Optional[bool] = ...) -> None: ...

class PatchDeploymentSettingsRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "tag", "executor_context", "source_context", "git_hub", "vcs", "operation_context", "agent_pool_id", "cache_options")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    TAG_FIELD_NUMBER: _ClassVar[int]
    EXECUTOR_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    GIT_HUB_FIELD_NUMBER: _ClassVar[int]
    VCS_FIELD_NUMBER: _ClassVar[int]
    OPERATION_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    AGENT_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    CACHE_OPTIONS_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    tag: str
    executor_context: _types_pb2.ExecutorSettingsRequest
    source_context: _types_pb2.SourceContextRequest
    git_hub: _types_pb2.DeploymentSettingsGitHubRequest
    vcs: _types_pb2.DeploymentSettingsVCS
    operation_context: _types_pb2.OperationContextRequest
    agent_pool_id: str
    cache_options: _types_pb2.CacheOptionsRequest
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., tag: _Optional[str] = ..., executor_context: _Optional[_Union[_types_pb2.ExecutorSettingsRequest, _Mapping]] = ..., source_context: _Optional[_Union[_types_pb2.SourceContextRequest, _Mapping]] = ..., git_hub: _Optional[_Union[_types_pb2.DeploymentSettingsGitHubRequest, _Mapping]] = ..., vcs: _Optional[_Union[_types_pb2.DeploymentSettingsVCS, _Mapping]] = ..., operation_context: _Optional[_Union[_types_pb2.OperationContextRequest, _Mapping]] = ..., agent_pool_id: _Optional[str] = ..., cache_options: _Optional[_Union[_types_pb2.CacheOptionsRequest, _Mapping]] = ...) -> None: ...

class PatchDeploymentSettingsResponse(_message.Message):
    __slots__ = ("version", "tag", "executor_context", "source_context", "git_hub", "vcs", "operation_context", "source", "agent_pool_id", "cache_options")
    VERSION_FIELD_NUMBER: _ClassVar[int]
    TAG_FIELD_NUMBER: _ClassVar[int]
    EXECUTOR_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    GIT_HUB_FIELD_NUMBER: _ClassVar[int]
    VCS_FIELD_NUMBER: _ClassVar[int]
    OPERATION_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    AGENT_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    CACHE_OPTIONS_FIELD_NUMBER: _ClassVar[int]
    version: int
    tag: str
    executor_context: ExecutorContext
    source_context: SourceContext
    git_hub: DeploymentSettingsGitHub
    vcs: _types_pb2.DeploymentSettingsVCS
    operation_context: OperationContext
    source: str
    agent_pool_id: str
    cache_options: CacheOptions
    def __init__(self, version: _Optional[int] = ..., tag: _Optional[str] = ..., executor_context: _Optional[_Union[ExecutorContext, _Mapping]] = ..., source_context: _Optional[_Union[SourceContext, _Mapping]] = ..., git_hub: _Optional[_Union[DeploymentSettingsGitHub, _Mapping]] = ..., vcs: _Optional[_Union[_types_pb2.DeploymentSettingsVCS, _Mapping]] = ..., operation_context: _Optional[_Union[OperationContext, _Mapping]] = ..., source: _Optional[str] = ..., agent_pool_id: _Optional[str] = ..., cache_options: _Optional[_Union[CacheOptions, _Mapping]] = ...) -> None: ...

class DeleteDeploymentSettingsRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class DeleteDeploymentSettingsResponse(_message.Message):
    __slots__ = ("value",)
    VALUE_FIELD_NUMBER: _ClassVar[int]
    value: bool
    def __init__(self, value: _Optional[bool] = ...) -> None: ...

class GetDeploymentByVersionRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "version")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    version: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., version: _Optional[str] = ...) -> None: ...

class GetDeploymentByVersionResponse(_message.Message):
    __slots__ = ("deployment",)
    DEPLOYMENT_FIELD_NUMBER: _ClassVar[int]
    deployment: GetDeploymentResponse
    def __init__(self, deployment: _Optional[_Union[GetDeploymentResponse, _Mapping]] = ...) -> None: ...

class GetDeploymentResponse(_message.Message):
    __slots__ = ("id", "created", "modified", "status", "version", "requested_by", "jobs", "latest_version", "configuration", "initiator", "pulumi_operation")
    ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    MODIFIED_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_BY_FIELD_NUMBER: _ClassVar[int]
    JOBS_FIELD_NUMBER: _ClassVar[int]
    LATEST_VERSION_FIELD_NUMBER: _ClassVar[int]
    CONFIGURATION_FIELD_NUMBER: _ClassVar[int]
    INITIATOR_FIELD_NUMBER: _ClassVar[int]
    PULUMI_OPERATION_FIELD_NUMBER: _ClassVar[int]
    id: str
    created: str
    modified: str
    status: str
    version: int
    requested_by: _common_pb2.UserInfo
    jobs: _containers.RepeatedCompositeFieldContainer[_stacks_pb2.DeploymentJob]
    latest_version: int
    configuration: _stacks_pb2.DeploymentConfiguration
    initiator: str
    pulumi_operation: str
    def __init__(self, id: _Optional[str] = ..., created: _Optional[str] = ..., modified: _Optional[str] = ..., status: _Optional[str] = ..., version: _Optional[int] = ..., requested_by: _Optional[_Union[_common_pb2.UserInfo, _Mapping]] = ..., jobs: _Optional[_Iterable[_Union[_stacks_pb2.DeploymentJob, _Mapping]]] = ..., latest_version: _Optional[int] = ..., configuration: _Optional[_Union[_stacks_pb2.DeploymentConfiguration, _Mapping]] = ..., initiator: _Optional[str] = ..., pulumi_operation: _Optional[str] = ...) -> None: ...

class GetDeploymentRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "deployment_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    DEPLOYMENT_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    deployment_id: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., deployment_id: _Optional[str] = ...) -> None: ...

class CancelDeploymentRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "deployment_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    DEPLOYMENT_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    deployment_id: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., deployment_id: _Optional[str] = ...) -> None: ...

class CancelDeploymentResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetDeploymentLogsRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "deployment_id", "continuation_token", "count", "job", "offset", "step")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    DEPLOYMENT_ID_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    JOB_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    STEP_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    deployment_id: str
    continuation_token: str
    count: int
    job: int
    offset: int
    step: int
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., deployment_id: _Optional[str] = ..., continuation_token: _Optional[str] = ..., count: _Optional[int] = ..., job: _Optional[int] = ..., offset: _Optional[int] = ..., step: _Optional[int] = ...) -> None: ...

class GetDeploymentLogsResponse(_message.Message):
    __slots__ = ("deployment_logs_base",)
    DEPLOYMENT_LOGS_BASE_FIELD_NUMBER: _ClassVar[int]
    deployment_logs_base: DeploymentLogsBase
    def __init__(self, deployment_logs_base: _Optional[_Union[DeploymentLogsBase, _Mapping]] = ...) -> None: ...

class DeploymentLogsBase(_message.Message):
    __slots__ = ("type", "lines", "next_token", "name", "next_offset")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    NEXT_TOKEN_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    NEXT_OFFSET_FIELD_NUMBER: _ClassVar[int]
    type: str
    lines: _struct_pb2.Value
    next_token: str
    name: str
    next_offset: int
    def __init__(self, type: _Optional[str] = ..., lines: _Optional[_Union[_struct_pb2.Value, _Mapping]] = ..., next_token: _Optional[str] = ..., name: _Optional[str] = ..., next_offset: _Optional[int] = ...) -> None: ...

class GetDeploymentUpdatesRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "deployment_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    DEPLOYMENT_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    deployment_id: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., deployment_id: _Optional[str] = ...) -> None: ...

class GetDeploymentUpdatesResponse(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[_updates_pb2.StackUpdate]
    def __init__(self, items: _Optional[_Iterable[_Union[_updates_pb2.StackUpdate, _Mapping]]] = ...) -> None: ...

class ListDriftRunsRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "page", "page_size")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    page: int
    page_size: int
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., page: _Optional[int] = ..., page_size: _Optional[int] = ...) -> None: ...

class ListDriftRunsResponse(_message.Message):
    __slots__ = ("drift_runs", "items_per_page", "total")
    DRIFT_RUNS_FIELD_NUMBER: _ClassVar[int]
    ITEMS_PER_PAGE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    drift_runs: _containers.RepeatedCompositeFieldContainer[DriftRun]
    items_per_page: int
    total: int
    def __init__(self, drift_runs: _Optional[_Iterable[_Union[DriftRun, _Mapping]]] = ..., items_per_page: _Optional[int] = ..., total: _Optional[int] = ...) -> None: ...

class DriftRun(_message.Message):
    __slots__ = ("id", "drift_detected", "created", "status", "deployment_id", "deployment_version", "detect_update", "remediate_update")
    ID_FIELD_NUMBER: _ClassVar[int]
    DRIFT_DETECTED_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    DEPLOYMENT_ID_FIELD_NUMBER: _ClassVar[int]
    DEPLOYMENT_VERSION_FIELD_NUMBER: _ClassVar[int]
    DETECT_UPDATE_FIELD_NUMBER: _ClassVar[int]
    REMEDIATE_UPDATE_FIELD_NUMBER: _ClassVar[int]
    id: str
    drift_detected: bool
    created: str
    status: str
    deployment_id: str
    deployment_version: int
    detect_update: DriftRunUpdate
    remediate_update: DriftRunUpdate
    def __init__(self, id: _Optional[str] = ..., drift_detected: _Optional[bool] = ..., created: _Optional[str] = ..., status: _Optional[str] = ..., deployment_id: _Optional[str] = ..., deployment_version: _Optional[int] = ..., detect_update: _Optional[_Union[DriftRunUpdate, _Mapping]] = ..., remediate_update: _Optional[_Union[DriftRunUpdate, _Mapping]] = ...) -> None: ...

class DriftRunUpdate(_message.Message):
    __slots__ = ("update_id", "resource_changes", "modified", "status")
    class ResourceChangesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    UPDATE_ID_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_CHANGES_FIELD_NUMBER: _ClassVar[int]
    MODIFIED_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    update_id: str
    resource_changes: _containers.ScalarMap[str, int]
    modified: str
    status: str
    def __init__(self, update_id: _Optional[str] = ..., resource_changes: _Optional[_Mapping[str, int]] = ..., modified: _Optional[str] = ..., status: _Optional[str] = ...) -> None: ...

class GetDriftRunRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "drift_run_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    DRIFT_RUN_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    drift_run_id: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., drift_run_id: _Optional[str] = ...) -> None: ...

class GetDriftRunResponse(_message.Message):
    __slots__ = ("drift_run",)
    DRIFT_RUN_FIELD_NUMBER: _ClassVar[int]
    drift_run: DriftRun
    def __init__(self, drift_run: _Optional[_Union[DriftRun, _Mapping]] = ...) -> None: ...

class GetStackDriftStatusRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class GetStackDriftStatusResponse(_message.Message):
    __slots__ = ("stack_drift_status",)
    STACK_DRIFT_STATUS_FIELD_NUMBER: _ClassVar[int]
    stack_drift_status: StackDriftStatus
    def __init__(self, stack_drift_status: _Optional[_Union[StackDriftStatus, _Mapping]] = ...) -> None: ...
