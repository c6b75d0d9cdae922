from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from pulumi_gateway_client._generated.pulumi.gateway.v1 import options_pb2 as _options_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import common_pb2 as _common_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import updates_pb2 as _updates_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetOrganizationRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class GetOrganizationResponse(_message.Message):
    __slots__ = ("organization",)
    ORGANIZATION_FIELD_NUMBER: _ClassVar[int]
    organization: Organization
    def __init__(self, organization: _Optional[_Union[Organization, _Mapping]] = ...) -> None: ...

class Organization(_message.Message):
    __slots__ = ("github_login", "name", "avatar_url", "repos")
    GITHUB_LOGIN_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    AVATAR_URL_FIELD_NUMBER: _ClassVar[int]
    REPOS_FIELD_NUMBER: _ClassVar[int]
    github_login: str
    name: str
    avatar_url: str
    repos: _containers.RepeatedCompositeFieldContainer[PulumiRepository]
    def __init__(self, github_login: _Optional[str] = ..., name: _Optional[str] = ..., avatar_url: _Optional[str] = ..., repos: _Optional[_Iterable[_Union[PulumiRepository, _Mapping]]] = ...) -> None: ...

class PulumiRepository(_message.Message):
    __slots__ = ("org_name", "name", "vcs_info", "projects")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    VCS_INFO_FIELD_NUMBER: _ClassVar[int]
    PROJECTS_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    name: str
    vcs_info: VCSInfo
    projects: _containers.RepeatedCompositeFieldContainer[PulumiProject]
    def __init__(self, org_name: _Optional[str] = ..., name: _Optional[str] = ..., vcs_info: _Optional[_Union[VCSInfo, _Mapping]] = ..., projects: _Optional[_Iterable[_Union[PulumiProject, _Mapping]]] = ...) -> None: ...

class VCSInfo(_message.Message):
    __slots__ = ("owner", "repo_name", "kind")
    OWNER_FIELD_NUMBER: _ClassVar[int]
    REPO_NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    owner: str
    repo_name: str
    kind: str
    def __init__(self, owner: _Optional[str] = ..., repo_name: _Optional[str] = ..., kind: _Optional[str] = ...) -> None: ...

class PulumiProject(_message.Message):
    __slots__ = ("org_name", "repo_name", "name", "settings", "runtime", "description", "stacks")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    REPO_NAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    RUNTIME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    STACKS_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    repo_name: str
    name: str
    settings: PulumiProjectSettings
    runtime: str
    description: str
    stacks: _containers.RepeatedCompositeFieldContainer[PulumiStack]
    def __init__(self, org_name: _Optional[str] = ..., repo_name: _Optional[str] = ..., name: _Optional[str] = ..., settings: _Optional[_Union[PulumiProjectSettings, _Mapping]] = ..., runtime: _Optional[str] = ..., description: _Optional[str] = ..., stacks: _Optional[_Iterable[_Union[PulumiStack, _Mapping]]] = ...) -> None: ...

class PulumiProjectSettings(_message.Message):
    __slots__ = ("source", "destination", "can_add_stacks", "add_stacks_disabled_reason")
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    DESTINATION_FIELD_NUMBER: _ClassVar[int]
    CAN_ADD_STACKS_FIELD_NUMBER: _ClassVar[int]
    ADD_STACKS_DISABLED_REASON_FIELD_NUMBER: _ClassVar[int]
    source: str
    destination: str
    can_add_stacks: bool
    add_stacks_disabled_reason: str
    def __init__(self, source: _Optional[str] = ..., destination: _Optional[str] = ..., can_add_stacks: _Optional[bool] = ..., add_stacks_disabled_reason: _Optional[str] = ...) -> None: ...

class PulumiStack(_message.Message):
    __slots__ = ("program_id", "name", "last_update", "routing_repo", "routing_project", "tags", "protected_by_policy", "has_deployment_settings", "drift_detected")
    class TagsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    PROGRAM_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    LAST_UPDATE_FIELD_NUMBER: _ClassVar[int]
    ROUTING_REPO_FIELD_NUMBER: _ClassVar[int]
    ROUTING_PROJECT_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    PROTECTED_BY_POLICY_FIELD_NUMBER: _ClassVar[int]
    HAS_DEPLOYMENT_SETTINGS_FIELD_NUMBER: _ClassVar[int]
    DRIFT_DETECTED_FIELD_NUMBER: _ClassVar[int]
    program_id: str
    name: str
    last_update: _updates_pb2.UpdateSummary
    routing_repo: str
    routing_project: str
    tags: _containers.ScalarMap[str, str]
    protected_by_policy: bool
    has_deployment_settings: bool
    drift_detected: bool
    def __init__(self, program_id: _Optional[str] = ..., name: _Optional[str] = ..., last_update: _Optional[_Union[_updates_pb2.UpdateSummary, _Mapping]] = ..., routing_repo: _Optional[str] = ..., routing_project: _Optional[str] = ..., tags: _Optional[_Mapping[str, str]] = ..., protected_by_policy: _Optional[bool] = ..., has_deployment_settings: _Optional[bool] = ..., drift_detected: _Optional[bool] = ...) -> None: ...

class UpdateOrganizationSettingsRequest(_message.Message):
    __slots__ = ("org_name", "set_default_stack_permission", "set_default_environment_permission", "set_default_account_permission", "set_members_can_create_stacks", "set_members_can_invite_collaborators", "set_members_can_delete_stacks", "set_members_can_transfer_stacks", "set_members_can_create_accounts", "set_members_can_create_teams", "set_ai_enablement", "set_neo_enabled", "set_neo_approval_mode", "set_neo_task_sharing_mode", "set_neo_cli_explanations_disabled", "set_natural_language_search_disabled", "set_neo_agent_disabled", "set_preferred_vcs", "set_default_deployment_role_id", "set_default_agent_pool_id", "set_max_access_token_expiry_days")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    SET_DEFAULT_STACK_PERMISSION_FIELD_NUMBER: _ClassVar[int]
    SET_DEFAULT_ENVIRONMENT_PERMISSION_FIELD_NUMBER: _ClassVar[int]
    SET_DEFAULT_ACCOUNT_PERMISSION_FIELD_NUMBER: _ClassVar[int]
    SET_MEMBERS_CAN_CREATE_STACKS_FIELD_NUMBER: _ClassVar[int]
    SET_MEMBERS_CAN_INVITE_COLLABORATORS_FIELD_NUMBER: _ClassVar[int]
    SET_MEMBERS_CAN_DELETE_STACKS_FIELD_NUMBER: _ClassVar[int]
    SET_MEMBERS_CAN_TRANSFER_STACKS_FIELD_NUMBER: _ClassVar[int]
    SET_MEMBERS_CAN_CREATE_ACCOUNTS_FIELD_NUMBER: _ClassVar[int]
    SET_MEMBERS_CAN_CREATE_TEAMS_FIELD_NUMBER: _ClassVar[int]
    SET_AI_ENABLEMENT_FIELD_NUMBER: _ClassVar[int]
    SET_NEO_ENABLED_FIELD_NUMBER: _ClassVar[int]
    SET_NEO_APPROVAL_MODE_FIELD_NUMBER: _ClassVar[int]
    SET_NEO_TASK_SHARING_MODE_FIELD_NUMBER: _ClassVar[int]
    SET_NEO_CLI_EXPLANATIONS_DISABLED_FIELD_NUMBER: _ClassVar[int]
    SET_NATURAL_LANGUAGE_SEARCH_DISABLED_FIELD_NUMBER: _ClassVar[int]
    SET_NEO_AGENT_DISABLED_FIELD_NUMBER: _ClassVar[int]
    SET_PREFERRED_VCS_FIELD_NUMBER: _ClassVar[int]
    SET_DEFAULT_DEPLOYMENT_ROLE_ID_FIELD_NUMBER: _ClassVar[int]
    SET_DEFAULT_AGENT_POOL_ID_FIELD_NUMBER: _ClassVar[int]
    SET_MAX_ACCESS_TOKEN_EXPIRY_DAYS_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    set_default_stack_permission: int
    set_default_environment_permission: str
    set_default_account_permission: int
    set_members_can_create_stacks: bool
    set_members_can_invite_collaborators: bool
    set_members_can_delete_stacks: bool
    set_members_can_transfer_stacks: bool
    set_members_can_create_accounts: bool
    set_members_can_create_teams: bool
    set_ai_enablement: str
    set_neo_enabled: bool
    set_neo_approval_mode: str
    set_neo_task_sharing_mode: str
    set_neo_cli_explanations_disabled: bool
    set_natural_language_search_disabled: bool
    set_neo_agent_disabled: bool
    set_preferred_vcs: str
    set_default_deployment_role_id: str
    set_default_agent_pool_id: str
    set_max_access_token_expiry_days: int
    def __init__(self, org_name: _Optional[str] = ..., set_default_stack_permission: _Optional[int] = ..., set_default_environment_permission: _Optional[str] = ..., set_default_account_permission: _Optional[int] = ..., set_members_can_create_stacks: _Optional[bool] = ..., set_members_can_invite_collaborators: _Optional[bool] = ..., set_members_can_delete_stacks: _Optional[bool] = ..., set_members_can_transfer_stacks: _Optional[bool] = ..., set_members_can_create_accounts: _Optional[bool] = ..., set_members_can_create_teams: _Optional[bool] = ..., set_ai_enablement: _Optional[str] = ..., set_neo_enabled: _Optional[bool] = ..., set_neo_approval_mode: _Optional[str] = ..., set_neo_task_sharing_mode: _Optional[str] = ..., set_neo_cli_explanations_disabled: _Optional[bool] = ..., set_natural_language_search_disabled: _Optional[bool] = ..., set_neo_agent_disabled: _Optional[bool] = ..., set_preferred_vcs: _Optional[str] = ..., set_default_deployment_role_id: _Optional[str] = ..., set_default_agent_pool_id: _Optional[str] = ..., set_max_access_token_expiry_days: _Optional[int] = ...) -> None: ...

class UpdateOrganizationSettingsResponse(_message.Message):
    __slots__ = ("id", "kind", "created", "backing_org_login", "product", "subscription_status", "subscription_trial_end", "retrial_expiration", "subscription_cancel_at_period_end", "subscription_period_end", "user_role", "default_stack_permission", "default_environment_permission", "default_account_permission", "members_can_create_stacks", "members_can_delete_stacks", "members_can_transfer_stacks", "members_can_create_teams", "members_can_create_accounts", "neo_enabled", "neo_approval_mode", "neo_task_sharing_mode", "neo_cli_explanations_disabled", "natural_language_search_disabled", "neo_agent_disabled", "insights_trial_end", "insights_billing_accepted", "insights_trial_using_policy", "ai_enablement", "preferred_vcs", "audit_logs_enabled", "webhooks_enabled", "features", "account_count", "environment_count", "stack_count", "max_stacks", "member_count", "max_members", "locked", "default_role_id", "default_deployment_role_id", "max_access_token_expiry_days")
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    BACKING_ORG_LOGIN_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIPTION_STATUS_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIPTION_TRIAL_END_FIELD_NUMBER: _ClassVar[int]
    RETRIAL_EXPIRATION_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIPTION_CANCEL_AT_PERIOD_END_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIPTION_PERIOD_END_FIELD_NUMBER: _ClassVar[int]
    USER_ROLE_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_STACK_PERMISSION_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_ENVIRONMENT_PERMISSION_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_ACCOUNT_PERMISSION_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_CAN_CREATE_STACKS_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_CAN_DELETE_STACKS_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_CAN_TRANSFER_STACKS_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_CAN_CREATE_TEAMS_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_CAN_CREATE_ACCOUNTS_FIELD_NUMBER: _ClassVar[int]
    NEO_ENABLED_FIELD_NUMBER: _ClassVar[int]
    NEO_APPROVAL_MODE_FIELD_NUMBER: _ClassVar[int]
    NEO_TASK_SHARING_MODE_FIELD_NUMBER: _ClassVar[int]
    NEO_CLI_EXPLANATIONS_DISABLED_FIELD_NUMBER: _ClassVar[int]
    NATURAL_LANGUAGE_SEARCH_DISABLED_FIELD_NUMBER: _ClassVar[int]
    NEO_AGENT_DISABLED_FIELD_NUMBER: _ClassVar[int]
    INSIGHTS_TRIAL_END_FIELD_NUMBER: _ClassVar[int]
    INSIGHTS_BILLING_ACCEPTED_FIELD_NUMBER: _ClassVar[int]
    INSIGHTS_TRIAL_USING_POLICY_FIELD_NUMBER: _ClassVar[int]
    AI_ENABLEMENT_FIELD_NUMBER: _ClassVar[int]
    PREFERRED_VCS_FIELD_NUMBER: _ClassVar[int]
    AUDIT_LOGS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    WEBHOOKS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    FEATURES_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_COUNT_FIELD_NUMBER: _ClassVar[int]
    ENVIRONMENT_COUNT_FIELD_NUMBER: _ClassVar[int]
    STACK_COUNT_FIELD_NUMBER: _ClassVar[int]
    MAX_STACKS_FIELD_NUMBER: _ClassVar[int]
    MEMBER_COUNT_FIELD_NUMBER: _ClassVar[int]
    MAX_MEMBERS_FIELD_NUMBER: _ClassVar[int]
    LOCKED_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_ROLE_ID_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_DEPLOYMENT_ROLE_ID_FIELD_NUMBER: _ClassVar[int]
    MAX_ACCESS_TOKEN_EXPIRY_DAYS_FIELD_NUMBER: _ClassVar[int]
    id: str
    kind: str
    created: str
    backing_org_login: str
    product: str
    subscription_status: str
    subscription_trial_end: int
    retrial_expiration: str
    subscription_cancel_at_period_end: bool
    subscription_period_end: str
    user_role: str
    default_stack_permission: int
    default_environment_permission: str
    default_account_permission: int
    members_can_create_stacks: bool
    members_can_delete_stacks: bool
    members_can_transfer_stacks: bool
    members_can_create_teams: bool
    members_can_create_accounts: bool
    neo_enabled: bool
    neo_approval_mode: str
    neo_task_sharing_mode: str
    neo_cli_explanations_disabled: bool
    natural_language_search_disabled: bool
    neo_agent_disabled: bool
    insights_trial_end: int
    insights_billing_accepted: bool
    insights_trial_using_policy: bool
    ai_enablement: str
    preferred_vcs: str
    audit_logs_enabled: bool
    webhooks_enabled: bool
    features: OrganizationFeatures
    account_count: int
    environment_count: int
    stack_count: int
    max_stacks: int
    member_count: int
    max_members: int
    locked: str
    default_role_id: str
    default_deployment_role_id: str
    max_access_token_expiry_days: int
    def __init__(self, id: _Optional[str] = ..., kind: _Optional[str] = ..., created: _Optional[str] = ..., backing_org_login: _Optional[str] = ..., product: _Optional[str] = ..., subscription_status: _Optional[str] = ..., subscription_trial_end: _Optional[int] = ..., retrial_expiration: _Optional[str] = ..., subscription_cancel_at_period_end: _Optional[bool] = ..., subscription_period_end: _Optional[str] = ..., user_role: _Optional[str] = ..., default_stack_permission: _Optional[int] = ..., default_environment_permission: _Optional[str] = ..., default_account_permission: _Optional[int] = ..., members_can_create_stacks: _Optional[bool] = ..., members_can_delete_stacks: _Optional[bool] = ..., members_can_transfer_stacks: _Optional[bool] = ..., members_can_create_teams: _Optional[bool] = ..., members_can_create_accounts: _Optional[bool] = ..., neo_enabled: _Optional[bool] = ..., neo_approval_mode: _Optional[str] = ..., neo_task_sharing_mode: _Optional[str] = ..., neo_cli_explanations_disabled: _Optional[bool] = ..., natural_language_search_disabled: _Optional[bool] = ..., neo_agent_disabled: _Optional[bool] = ..., insights_trial_end: _Optional[int] = ..., insights_billing_accepted: _Optional[bool] = ..., insights_trial_using_policy: _Optional[bool] = ..., ai_enablement: _Optional[str] = ..., preferred_vcs: _Optional[str] = ..., audit_logs_enabled: _Optional[bool] = ..., webhooks_enabled: _Optional[bool] = ..., features: _Optional[_Union[OrganizationFeatures, _Mapping]] = ..., account_count: _Optional[int] = ..., environment_count: _Optional[int] = ..., stack_count: _Optional[int] = ..., max_stacks: _Optional[int] = ..., member_count: _Optional[int] = ..., max_members: _Optional[int] = ..., locked: _Optional[str] = ..., default_role_id: _Optional[str] = ..., default_deployment_role_id: _Optional[str] = ..., max_access_token_expiry_days: _Optional[int] = ...) -> None: ...

class OrganizationFeatures(_message.Message):
    __slots__ = ("audit_logs_enabled", "has_terraform_modules", "cross_guard_enabled", "webhooks_enabled", "integration_assistant_enabled", "ale_enabled", "deploy_enabled", "scim_enabled", "resource_search_enabled", "resource_export_enabled", "property_search_ui_enabled", "nlp_search_enabled", "custom_templates_enabled", "restore_stacks_enabled", "environments_enabled", "environment_revision_tags_enabled", "legacy_deployments_org_token", "git_hub_enterprise_integration_enabled", "git_hub_enterprise_individual_auth_enabled", "agent_pool_registration_enabled", "dashboard_onboarding_ui_enabled", "drift_detection_enabled", "self_hosted_deployments_enabled", "audit_log_ui_filtering_enabled", "dependency_caching_enabled", "environments_restore_enabled", "pangea_accounts_scan_page_enabled", "custom_roles_enabled", "users_custom_roles_enabled", "environment_secret_rotation_enabled", "insights_monetization_enabled", "self_serve_idp_removal", "iac_cloud_import_enabled", "bring_your_own_key_enabled", "approvals_enabled", "esc_onboarding_enabled", "esc_onboarding_v2_enabled", "esc_editor_revamp_enabled", "esc_onboarding_azure_oauth_client_enabled", "esc_onboarding_gcp_oauth_client_enabled", "policy_management_v2_enabled", "policy_issue_management_enabled", "ai_agents_enabled", "theming_enabled", "custom_role_condition", "neo_task_sharing_enabled", "gh_app_detailed_diff_enabled", "neo_server_side_approvals_enabled", "neo_plan_mode_enabled", "get_started_onboard_enabled", "neo_read_only_enabled", "discovered_stacks_enabled", "agent_integration_catalog_enabled", "agent_scheduled_tasks_enabled", "ai_review_code_access_enabled", "neo_code_reviews_enabled", "custom_vcs_enabled", "bitbucket_vcs_enabled", "insights_auto_policy_packs_enabled", "fix_drift_with_neo_enabled", "cli_integration_catalog_enabled", "service_backed_config_enabled", "universal_search_enabled", "drift_remediation_enabled", "expanded_policy_enforcement_levels_enabled", "machine_tokens_enabled", "saml_sso_enabled", "team_member_role_management_enabled", "teams_enabled", "neo_token_metering_enabled", "tag_based_deployment_triggers_enabled", "notification_center_enabled", "deployment_oidc_settings_enabled", "neo_usage_limits_enabled", "unlinked_git_hub_app_recovery_enabled", "access_token_expiry_policy_enabled", "neo_byok_enabled")
    AUDIT_LOGS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    HAS_TERRAFORM_MODULES_FIELD_NUMBER: _ClassVar[int]
    CROSS_GUARD_ENABLED_FIELD_NUMBER: _ClassVar[int]
    WEBHOOKS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    INTEGRATION_ASSISTANT_ENABLED_FIELD_NUMBER: _ClassVar[int]
    ALE_ENABLED_FIELD_NUMBER: _ClassVar[int]
    DEPLOY_ENABLED_FIELD_NUMBER: _ClassVar[int]
    SCIM_ENABLED_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_SEARCH_ENABLED_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_EXPORT_ENABLED_FIELD_NUMBER: _ClassVar[int]
    PROPERTY_SEARCH_UI_ENABLED_FIELD_NUMBER: _ClassVar[int]
    NLP_SEARCH_ENABLED_FIELD_NUMBER: _ClassVar[int]
    CUSTOM_TEMPLATES_ENABLED_FIELD_NUMBER: _ClassVar[int]
    RESTORE_STACKS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    ENVIRONMENTS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    ENVIRONMENT_REVISION_TAGS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    LEGACY_DEPLOYMENTS_ORG_TOKEN_FIELD_NUMBER: _ClassVar[int]
    GIT_HUB_ENTERPRISE_INTEGRATION_ENABLED_FIELD_NUMBER: _ClassVar[int]
    GIT_HUB_ENTERPRISE_INDIVIDUAL_AUTH_ENABLED_FIELD_NUMBER: _ClassVar[int]
    AGENT_POOL_REGISTRATION_ENABLED_FIELD_NUMBER: _ClassVar[int]
    DASHBOARD_ONBOARDING_UI_ENABLED_FIELD_NUMBER: _ClassVar[int]
    DRIFT_DETECTION_ENABLED_FIELD_NUMBER: _ClassVar[int]
    SELF_HOSTED_DEPLOYMENTS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    AUDIT_LOG_UI_FILTERING_ENABLED_FIELD_NUMBER: _ClassVar[int]
    DEPENDENCY_CACHING_ENABLED_FIELD_NUMBER: _ClassVar[int]
    ENVIRONMENTS_RESTORE_ENABLED_FIELD_NUMBER: _ClassVar[int]
    PANGEA_ACCOUNTS_SCAN_PAGE_ENABLED_FIELD_NUMBER: _ClassVar[int]
    CUSTOM_ROLES_ENABLED_FIELD_NUMBER: _ClassVar[int]
    USERS_CUSTOM_ROLES_ENABLED_FIELD_NUMBER: _ClassVar[int]
    ENVIRONMENT_SECRET_ROTATION_ENABLED_FIELD_NUMBER: _ClassVar[int]
    INSIGHTS_MONETIZATION_ENABLED_FIELD_NUMBER: _ClassVar[int]
    SELF_SERVE_IDP_REMOVAL_FIELD_NUMBER: _ClassVar[int]
    IAC_CLOUD_IMPORT_ENABLED_FIELD_NUMBER: _ClassVar[int]
    BRING_YOUR_OWN_KEY_ENABLED_FIELD_NUMBER: _ClassVar[int]
    APPROVALS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    ESC_ONBOARDING_ENABLED_FIELD_NUMBER: _ClassVar[int]
    ESC_ONBOARDING_V2_ENABLED_FIELD_NUMBER: _ClassVar[int]
    ESC_EDITOR_REVAMP_ENABLED_FIELD_NUMBER: _ClassVar[int]
    ESC_ONBOARDING_AZURE_OAUTH_CLIENT_ENABLED_FIELD_NUMBER: _ClassVar[int]
    ESC_ONBOARDING_GCP_OAUTH_CLIENT_ENABLED_FIELD_NUMBER: _ClassVar[int]
    POLICY_MANAGEMENT_V2_ENABLED_FIELD_NUMBER: _ClassVar[int]
    POLICY_ISSUE_MANAGEMENT_ENABLED_FIELD_NUMBER: _ClassVar[int]
    AI_AGENTS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    THEMING_ENABLED_FIELD_NUMBER: _ClassVar[int]
    CUSTOM_ROLE_CONDITION_FIELD_NUMBER: _ClassVar[int]
    NEO_TASK_SHARING_ENABLED_FIELD_NUMBER: _ClassVar[int]
    GH_APP_DETAILED_DIFF_ENABLED_FIELD_NUMBER: _ClassVar[int]
    NEO_SERVER_SIDE_APPROVALS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    NEO_PLAN_MODE_ENABLED_FIELD_NUMBER: _ClassVar[int]
    GET_STARTED_ONBOARD_ENABLED_FIELD_NUMBER: _ClassVar[int]
    NEO_READ_ONLY_ENABLED_FIELD_NUMBER: _ClassVar[int]
    DISCOVERED_STACKS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    AGENT_INTEGRATION_CATALOG_ENABLED_FIELD_NUMBER: _ClassVar[int]
    AGENT_SCHEDULED_TASKS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    AI_REVIEW_CODE_ACCESS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    NEO_CODE_REVIEWS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    CUSTOM_VCS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    BITBUCKET_VCS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    INSIGHTS_AUTO_POLICY_PACKS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    FIX_DRIFT_WITH_NEO_ENABLED_FIELD_NUMBER: _ClassVar[int]
    CLI_INTEGRATION_CATALOG_ENABLED_FIELD_NUMBER: _ClassVar[int]
    SERVICE_BACKED_CONFIG_ENABLED_FIELD_NUMBER: _ClassVar[int]
    UNIVERSAL_SEARCH_ENABLED_FIELD_NUMBER: _ClassVar[int]
    DRIFT_REMEDIATION_ENABLED_FIELD_NUMBER: _ClassVar[int]
    EXPANDED_POLICY_ENFORCEMENT_LEVELS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    MACHINE_TOKENS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    SAML_SSO_ENABLED_FIELD_NUMBER: _ClassVar[int]
    TEAM_MEMBER_ROLE_MANAGEMENT_ENABLED_FIELD_NUMBER: _ClassVar[int]
    TEAMS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    NEO_TOKEN_METERING_ENABLED_FIELD_NUMBER: _ClassVar[int]
    TAG_BASED_DEPLOYMENT_TRIGGERS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    NOTIFICATION_CENTER_ENABLED_FIELD_NUMBER: _ClassVar[int]
    DEPLOYMENT_OIDC_SETTINGS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    NEO_USAGE_LIMITS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    UNLINKED_GIT_HUB_APP_RECOVERY_ENABLED_FIELD_NUMBER: _ClassVar[int]
    ACCESS_TOKEN_EXPIRY_POLICY_ENABLED_FIELD_NUMBER: _ClassVar[int]
    NEO_BYOK_ENABLED_FIELD_NUMBER: _ClassVar[int]
    audit_logs_enabled: bool
    has_terraform_modules: bool
    cross_guard_enabled: bool
    webhooks_enabled: bool
    integration_assistant_enabled: bool
    ale_enabled: bool
    deploy_enabled: bool
    scim_enabled: bool
    resource_search_enabled: bool
    resource_export_enabled: bool
    property_search_ui_enabled: bool
    nlp_search_enabled: bool
    custom_templates_enabled: bool
    restore_stacks_enabled: bool
    environments_enabled: bool
    environment_revision_tags_enabled: bool
    legacy_deployments_org_token: bool
    git_hub_enterprise_integration_enabled: bool
    git_hub_enterprise_individual_auth_enabled: bool
    agent_pool_registration_enabled: bool
    dashboard_onboarding_ui_enabled: bool
    drift_detection_enabled: bool
    self_hosted_deployments_enabled: bool
    audit_log_ui_filtering_enabled: bool
    dependency_caching_enabled: bool
    environments_restore_enabled: bool
    pangea_accounts_scan_page_enabled: bool
    custom_roles_enabled: bool
    users_custom_roles_enabled: bool
    environment_secret_rotation_enabled: bool
    insights_monetization_enabled: bool
    self_serve_idp_removal: bool
    iac_cloud_import_enabled: bool
    bring_your_own_key_enabled: bool
    approvals_enabled: bool
    esc_onboarding_enabled: bool
    esc_onboarding_v2_enabled: bool
    esc_editor_revamp_enabled: bool
    esc_onboarding_azure_oauth_client_enabled: bool
    esc_onboarding_gcp_oauth_client_enabled: bool
    policy_management_v2_enabled: bool
    policy_issue_management_enabled: bool
    ai_agents_enabled: bool
    theming_enabled: bool
    custom_role_condition: bool
    neo_task_sharing_enabled: bool
    gh_app_detailed_diff_enabled: bool
    neo_server_side_approvals_enabled: bool
    neo_plan_mode_enabled: bool
    get_started_onboard_enabled: bool
    neo_read_only_enabled: bool
    discovered_stacks_enabled: bool
    agent_integration_catalog_enabled: bool
    agent_scheduled_tasks_enabled: bool
    ai_review_code_access_enabled: bool
    neo_code_reviews_enabled: bool
    custom_vcs_enabled: bool
    bitbucket_vcs_enabled: bool
    insights_auto_policy_packs_enabled: bool
    fix_drift_with_neo_enabled: bool
    cli_integration_catalog_enabled: bool
    service_backed_config_enabled: bool
    universal_search_enabled: bool
    drift_remediation_enabled: bool
    expanded_policy_enforcement_levels_enabled: bool
    machine_tokens_enabled: bool
    saml_sso_enabled: bool
    team_member_role_management_enabled: bool
    teams_enabled: bool
    neo_token_metering_enabled: bool
    tag_based_deployment_triggers_enabled: bool
    notification_center_enabled: bool
    deployment_oidc_settings_enabled: bool
    neo_usage_limits_enabled: bool
    unlinked_git_hub_app_recovery_enabled: bool
    access_token_expiry_policy_enabled: bool
    neo_byok_enabled: bool
    def __init__(self, audit_logs_enabled: _Optional[bool] = ..., has_terraform_modules: _Optional[bool] = ..., cross_guard_enabled: _Optional[bool] = ..., webhooks_enabled: _Optional[bool] = ..., integration_assistant_enabled: _Optional[bool] = ..., ale_enabled: _Optional[bool] = ..., deploy_enabled: _Optional[bool] = ..., scim_enabled: _Optional[bool] = ..., resource_search_enabled: _Optional[bool] = ..., resource_export_enabled: _Optional[bool] = ..., property_search_ui_enabled: _Optional[bool] = ..., nlp_search_enabled: _Optional[bool] = ..., custom_templates_enabled: _Optional[bool] = ..., restore_stacks_enabled: _Optional[bool] = ..., environments_enabled: _Optional[bool] = ..., environment_revision_tags_enabled: _Optional[bool] = ..., legacy_deployments_org_token: _Optional[bool] = ..., git_hub_enterprise_integration_enabled: _Optional[bool] = ..., git_hub_enterprise_individual_auth_enabled: _Optional[bool] = ..., agent_pool_registration_enabled: _Optional[bool] = ..., dashboard_onboarding_ui_enabled: _Optional[bool] = ..., drift_detection_enabled: _Optional[bool] = ..., self_hosted_deployments_enabled: _Optional[bool] = ..., audit_log_ui_filtering_enabled: _Optional[bool] = ..., dependency_caching_enabled: _Optional[bool] = ..., environments_restore_enabled: _Optional[bool] = ..., pangea_accounts_scan_page_enabled: _Optional[bool] = ..., custom_roles_enabled: _Optional[bool] = ..., users_custom_roles_enabled: _Optional[bool] = ..., environment_secret_rotation_enabled: _Optional[bool] = ..., insights_monetization_enabled: _Optional[bool] = ..., self_serve_idp_removal: _Optional[bool] = ..., iac_cloud_import_enabled: _Optional[bool] = ..., bring_your_own_key_enabled: _Optional[bool] = ..., approvals_enabled: _Optional[bool] = ..., esc_onboarding_enabled: _Optional[bool] = ..., esc_onboarding_v2_enabled: _Optional[bool] = ..., esc_editor_revamp_enabled: _Optional[bool] = ..., esc_onboarding_azure_oauth_client_enabled: _Optional[bool] = ..., esc_onboarding_gcp_oauth_client_enabled: _Optional[bool] = ..., policy_management_v2_enabled: _Optional[bool] = ..., policy_issue_management_enabled: _Optional[bool] = ..., ai_agents_enabled: _Optional[bool] = ..., theming_enabled: _Optional[bool] = ..., custom_role_condition: _Optional[bool] = ..., neo_task_sharing_enabled: _Optional[bool] = ..., gh_app_detailed_diff_enabled: _Optional[bool] = ..., neo_server_side_approvals_enabled: _Optional[bool] = ..., neo_plan_mode_enabled: _Optional[bool] = ..., get_started_onboard_enabled: _Optional[bool] = ..., neo_read_only_enabled: _Optional[bool] = ..., discovered_stacks_enabled: _Optional[bool] = ..., agent_integration_catalog_enabled: _Optional[bool] = ..., agent_scheduled_tasks_enabled: _Optional[bool] = ..., ai_review_code_access_enabled: _Optional[bool] = ..., neo_code_reviews_enabled: _Optional[bool] = ..., custom_vcs_enabled: _Optional[bool] = ..., bitbucket_vcs_enabled: _Optional[bool] = ..., insights_auto_policy_packs_enabled: _Optional[bool] = ..., fix_drift_with_neo_enabled: _Optional[bool] = ..., cli_integration_catalog_enabled: _Optional[bool] = ..., service_backed_config_enabled: _Optional[bool] = ..., universal_search_enabled: _Optional[bool] = ..., drift_remediation_enabled: _Optional[bool] = ..., expanded_policy_enforcement_levels_enabled: _Optional[bool] = ..., machine_tokens_enabled: _Optional[bool] = ..., saml_sso_enabled: _Optional[bool] = ..., team_member_role_management_enabled: _Optional[bool] = ..., teams_enabled: _Optional[bool] = ..., neo_token_metering_enabled: _Optional[bool] = ..., tag_based_deployment_triggers_enabled: _Optional[bool] = ..., notification_center_enabled: _Optional[bool] = ..., deployment_oidc_settings_enabled: _Optional[bool] = ..., neo_usage_limits_enabled: _Optional[bool] = ..., unlinked_git_hub_app_recovery_enabled: _Optional[bool] = ..., access_token_expiry_policy_enabled: _Optional[bool] = ..., neo_byok_enabled: _Optional[bool] = ...) -> None: ...

class ListAuditLogEventsRequest(_message.Message):
    __slots__ = ("org_name", "continuation_token", "start_time", "end_time", "user_filter", "event_filter", "format")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    USER_FILTER_FIELD_NUMBER: _ClassVar[int]
    EVENT_FILTER_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    continuation_token: str
    start_time: int
    end_time: int
    user_filter: str
    event_filter: str
    format: str
    def __init__(self, org_name: _Optional[str] = ..., continuation_token: _Optional[str] = ..., start_time: _Optional[int] = ..., end_time: _Optional[int] = ..., user_filter: _Optional[str] = ..., event_filter: _Optional[str] = ..., format: _Optional[str] = ...) -> None: ...

class ListAuditLogEventsResponse(_message.Message):
    __slots__ = ("audit_log_events", "continuation_token")
    AUDIT_LOG_EVENTS_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    audit_log_events: _containers.RepeatedCompositeFieldContainer[AuditLogEvent]
    continuation_token: str
    def __init__(self, audit_log_events: _Optional[_Iterable[_Union[AuditLogEvent, _Mapping]]] = ..., continuation_token: _Optional[str] = ...) -> None: ...

class AuditLogEvent(_message.Message):
    __slots__ = ("timestamp", "source_ip", "event", "description", "user", "token_id", "token_name", "req_org_admin", "req_stack_admin", "auth_failure", "actor_name", "actor_urn")
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    SOURCE_IP_FIELD_NUMBER: _ClassVar[int]
    EVENT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    USER_FIELD_NUMBER: _ClassVar[int]
    TOKEN_ID_FIELD_NUMBER: _ClassVar[int]
    TOKEN_NAME_FIELD_NUMBER: _ClassVar[int]
    REQ_ORG_ADMIN_FIELD_NUMBER: _ClassVar[int]
    REQ_STACK_ADMIN_FIELD_NUMBER: _ClassVar[int]
    AUTH_FAILURE_FIELD_NUMBER: _ClassVar[int]
    ACTOR_NAME_FIELD_NUMBER: _ClassVar[int]
    ACTOR_URN_FIELD_NUMBER: _ClassVar[int]
    timestamp: int
    source_ip: str
    event: str
    description: str
    user: _common_pb2.UserInfo
    token_id: str
    token_name: str
    req_org_admin: bool
    req_stack_admin: bool
    auth_failure: bool
    actor_name: str
    actor_urn: str
    def __init__(self, timestamp: _Optional[int] = ..., source_ip: _Optional[str] = ..., event: _Optional[str] = ..., description: _Optional[str] = ..., user: _Optional[_Union[_common_pb2.UserInfo, _Mapping]] = ..., token_id: _Optional[str] = ..., token_name: _Optional[str] = ..., req_org_admin: _Optional[bool] = ..., req_stack_admin: _Optional[bool] = ..., auth_failure: _Optional[bool] = ..., actor_name: _Optional[str] = ..., actor_urn: _Optional[str] = ...) -> None: ...

class ExportAuditLogsRequest(_message.Message):
    __slots__ = ("org_name", "continuation_token", "start_time", "end_time", "user_filter", "event_filter", "format")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    USER_FILTER_FIELD_NUMBER: _ClassVar[int]
    EVENT_FILTER_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    continuation_token: str
    start_time: int
    end_time: int
    user_filter: str
    event_filter: str
    format: str
    def __init__(self, org_name: _Optional[str] = ..., continuation_token: _Optional[str] = ..., start_time: _Optional[int] = ..., end_time: _Optional[int] = ..., user_filter: _Optional[str] = ..., event_filter: _Optional[str] = ..., format: _Optional[str] = ...) -> None: ...

class ExportAuditLogsResponse(_message.Message):
    __slots__ = ("content_type", "data")
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    content_type: str
    data: bytes
    def __init__(self, content_type: _Optional[str] = ..., data: _Optional[bytes] = ...) -> None: ...

class ListAuditLogEventsV2Request(_message.Message):
    __slots__ = ("org_name", "continuation_token", "start_time", "end_time", "user_filter", "event_filter", "format")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    USER_FILTER_FIELD_NUMBER: _ClassVar[int]
    EVENT_FILTER_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    continuation_token: str
    start_time: int
    end_time: int
    user_filter: str
    event_filter: str
    format: str
    def __init__(self, org_name: _Optional[str] = ..., continuation_token: _Optional[str] = ..., start_time: _Optional[int] = ..., end_time: _Optional[int] = ..., user_filter: _Optional[str] = ..., event_filter: _Optional[str] = ..., format: _Optional[str] = ...) -> None: ...

class ListAuditLogEventsV2Response(_message.Message):
    __slots__ = ("audit_log_events", "continuation_token")
    AUDIT_LOG_EVENTS_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    audit_log_events: _containers.RepeatedCompositeFieldContainer[AuditLogEvent]
    continuation_token: str
    def __init__(self, audit_log_events: _Optional[_Iterable[_Union[AuditLogEvent, _Mapping]]] = ..., continuation_token: _Optional[str] = ...) -> None: ...

class StreamAuditLogsRequest(_message.Message):
    __slots__ = ("org_name", "continuation_token", "start_time", "end_time", "user_filter", "event_filter", "format")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    USER_FILTER_FIELD_NUMBER: _ClassVar[int]
    EVENT_FILTER_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    continuation_token: str
    start_time: int
    end_time: int
    user_filter: str
    event_filter: str
    format: str
    def __init__(self, org_name: _Optional[str] = ..., continuation_token: _Optional[str] = ..., start_time: _Optional[int] = ..., end_time: _Optional[int] = ..., user_filter: _Optional[str] = ..., event_filter: _Optional[str] = ..., format: _Optional[str] = ...) -> None: ...

class StreamAuditLogsResponse(_message.Message):
    __slots__ = ("event",)
    EVENT_FIELD_NUMBER: _ClassVar[int]
    event: AuditLogEvent
    def __init__(self, event: _Optional[_Union[AuditLogEvent, _Mapping]] = ...) -> None: ...

class ExportAuditLogsV2Request(_message.Message):
    __slots__ = ("org_name", "continuation_token", "start_time", "end_time", "user_filter", "event_filter", "format")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    USER_FILTER_FIELD_NUMBER: _ClassVar[int]
    EVENT_FILTER_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    continuation_token: str
    start_time: int
    end_time: int
    user_filter: str
    event_filter: str
    format: str
    def __init__(self, org_name: _Optional[str] = ..., continuation_token: _Optional[str] = ..., start_time: _Optional[int] = ..., end_time: _Optional[int] = ..., user_filter: _Optional[str] = ..., event_filter: _Optional[str] = ..., format: _Optional[str] = ...) -> None: ...

class ExportAuditLogsV2Response(_message.Message):
    __slots__ = ("content_type", "data")
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    content_type: str
    data: bytes
    def __init__(self, content_type: _Optional[str] = ..., data: _Optional[bytes] = ...) -> None: ...

class ListMembersRequest(_message.Message):
    __slots__ = ("org_name", "continuation_token", "type")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    continuation_token: str
    type: str
    def __init__(self, org_name: _Optional[str] = ..., continuation_token: _Optional[str] = ..., type: _Optional[str] = ...) -> None: ...

class ListMembersResponse(_message.Message):
    __slots__ = ("members", "continuation_token")
    MEMBERS_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    members: _containers.RepeatedCompositeFieldContainer[OrganizationMember]
    continuation_token: str
    def __init__(self, members: _Optional[_Iterable[_Union[OrganizationMember, _Mapping]]] = ..., continuation_token: _Optional[str] = ...) -> None: ...

class OrganizationMember(_message.Message):
    __slots__ = ("role", "user", "created", "known_to_pulumi", "virtual_admin", "links", "fga_role", "teams")
    ROLE_FIELD_NUMBER: _ClassVar[int]
    USER_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    KNOWN_TO_PULUMI_FIELD_NUMBER: _ClassVar[int]
    VIRTUAL_ADMIN_FIELD_NUMBER: _ClassVar[int]
    LINKS_FIELD_NUMBER: _ClassVar[int]
    FGA_ROLE_FIELD_NUMBER: _ClassVar[int]
    TEAMS_FIELD_NUMBER: _ClassVar[int]
    role: str
    user: _common_pb2.UserInfo
    created: str
    known_to_pulumi: bool
    virtual_admin: bool
    links: _common_pb2.Links
    fga_role: FgaRole
    teams: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, role: _Optional[str] = ..., user: _Optional[_Union[_common_pb2.UserInfo, _Mapping]] = ..., created: _Optional[str] = ..., known_to_pulumi: _Optional[bool] = ..., virtual_admin: _Optional[bool] = ..., links: _Optional[_Union[_common_pb2.Links, _Mapping]] = ..., fga_role: _Optional[_Union[FgaRole, _Mapping]] = ..., teams: _Optional[_Iterable[str]] = ...) -> None: ...

class FgaRole(_message.Message):
    __slots__ = ("id", "name", "modified_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    MODIFIED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    modified_at: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., modified_at: _Optional[str] = ...) -> None: ...

class StreamMembersRequest(_message.Message):
    __slots__ = ("org_name", "continuation_token", "type")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    continuation_token: str
    type: str
    def __init__(self, org_name: _Optional[str] = ..., continuation_token: _Optional[str] = ..., type: _Optional[str] = ...) -> None: ...

class StreamMembersResponse(_message.Message):
    __slots__ = ("member",)
    MEMBER_FIELD_NUMBER: _ClassVar[int]
    member: OrganizationMember
    def __init__(self, member: _Optional[_Union[OrganizationMember, _Mapping]] = ...) -> None: ...

class AddMemberRequest(_message.Message):
    __slots__ = ("org_name", "user_login", "role")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    USER_LOGIN_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    user_login: str
    role: str
    def __init__(self, org_name: _Optional[str] = ..., user_login: _Optional[str] = ..., role: _Optional[str] = ...) -> None: ...

class AddMemberResponse(_message.Message):
    __slots__ = ("member",)
    MEMBER_FIELD_NUMBER: _ClassVar[int]
    member: OrganizationMember
    def __init__(self, member: _Optional[_Union[OrganizationMember, _Mapping]] = ...) -> None: ...

class UpdateMemberRoleRequest(_message.Message):
    __slots__ = ("org_name", "user_login", "role", "fga_role_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    USER_LOGIN_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    FGA_ROLE_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    user_login: str
    role: str
    fga_role_id: str
    def __init__(self, org_name: _Optional[str] = ..., user_login: _Optional[str] = ..., role: _Optional[str] = ..., fga_role_id: _Optional[str] = ...) -> None: ...

class UpdateMemberRoleResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class RemoveMemberRequest(_message.Message):
    __slots__ = ("org_name", "user_login")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    USER_LOGIN_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    user_login: str
    def __init__(self, org_name: _Optional[str] = ..., user_login: _Optional[str] = ...) -> None: ...

class RemoveMemberResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class SetSoleOrganizationAdminRequest(_message.Message):
    __slots__ = ("org_name", "user_login")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    USER_LOGIN_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    user_login: str
    def __init__(self, org_name: _Optional[str] = ..., user_login: _Optional[str] = ...) -> None: ...

class SetSoleOrganizationAdminResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetOrganizationMemberTeamsRequest(_message.Message):
    __slots__ = ("org_name", "user")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    USER_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    user: str
    def __init__(self, org_name: _Optional[str] = ..., user: _Optional[str] = ...) -> None: ...

class GetOrganizationMemberTeamsResponse(_message.Message):
    __slots__ = ("teams",)
    TEAMS_FIELD_NUMBER: _ClassVar[int]
    teams: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, teams: _Optional[_Iterable[str]] = ...) -> None: ...

class GetOrganizationMetadataRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class GetOrganizationMetadataResponse(_message.Message):
    __slots__ = ("id", "kind", "created", "backing_org_login", "product", "subscription_status", "subscription_trial_end", "retrial_expiration", "subscription_cancel_at_period_end", "subscription_period_end", "user_role", "default_stack_permission", "default_environment_permission", "default_account_permission", "members_can_create_stacks", "members_can_delete_stacks", "members_can_transfer_stacks", "members_can_create_teams", "members_can_create_accounts", "neo_enabled", "neo_approval_mode", "neo_task_sharing_mode", "neo_cli_explanations_disabled", "natural_language_search_disabled", "neo_agent_disabled", "insights_trial_end", "insights_billing_accepted", "insights_trial_using_policy", "ai_enablement", "preferred_vcs", "audit_logs_enabled", "webhooks_enabled", "features", "account_count", "environment_count", "stack_count", "max_stacks", "member_count", "max_members", "locked", "default_role_id", "default_deployment_role_id", "max_access_token_expiry_days")
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    BACKING_ORG_LOGIN_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIPTION_STATUS_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIPTION_TRIAL_END_FIELD_NUMBER: _ClassVar[int]
    RETRIAL_EXPIRATION_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIPTION_CANCEL_AT_PERIOD_END_FIELD_NUMBER: _ClassVar[int]
    SUBSCRIPTION_PERIOD_END_FIELD_NUMBER: _ClassVar[int]
    USER_ROLE_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_STACK_PERMISSION_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_ENVIRONMENT_PERMISSION_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_ACCOUNT_PERMISSION_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_CAN_CREATE_STACKS_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_CAN_DELETE_STACKS_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_CAN_TRANSFER_STACKS_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_CAN_CREATE_TEAMS_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_CAN_CREATE_ACCOUNTS_FIELD_NUMBER: _ClassVar[int]
    NEO_ENABLED_FIELD_NUMBER: _ClassVar[int]
    NEO_APPROVAL_MODE_FIELD_NUMBER: _ClassVar[int]
    NEO_TASK_SHARING_MODE_FIELD_NUMBER: _ClassVar[int]
    NEO_CLI_EXPLANATIONS_DISABLED_FIELD_NUMBER: _ClassVar[int]
    NATURAL_LANGUAGE_SEARCH_DISABLED_FIELD_NUMBER: _ClassVar[int]
    NEO_AGENT_DISABLED_FIELD_NUMBER: _ClassVar[int]
    INSIGHTS_TRIAL_END_FIELD_NUMBER: _ClassVar[int]
    INSIGHTS_BILLING_ACCEPTED_FIELD_NUMBER: _ClassVar[int]
    INSIGHTS_TRIAL_USING_POLICY_FIELD_NUMBER: _ClassVar[int]
    AI_ENABLEMENT_FIELD_NUMBER: _ClassVar[int]
    PREFERRED_VCS_FIELD_NUMBER: _ClassVar[int]
    AUDIT_LOGS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    WEBHOOKS_ENABLED_FIELD_NUMBER: _ClassVar[int]
    FEATURES_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_COUNT_FIELD_NUMBER: _ClassVar[int]
    ENVIRONMENT_COUNT_FIELD_NUMBER: _ClassVar[int]
    STACK_COUNT_FIELD_NUMBER: _ClassVar[int]
    MAX_STACKS_FIELD_NUMBER: _ClassVar[int]
    MEMBER_COUNT_FIELD_NUMBER: _ClassVar[int]
    MAX_MEMBERS_FIELD_NUMBER: _ClassVar[int]
    LOCKED_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_ROLE_ID_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_DEPLOYMENT_ROLE_ID_FIELD_NUMBER: _ClassVar[int]
    MAX_ACCESS_TOKEN_EXPIRY_DAYS_FIELD_NUMBER: _ClassVar[int]
    id: str
    kind: str
    created: str
    backing_org_login: str
    product: str
    subscription_status: str
    subscription_trial_end: int
    retrial_expiration: str
    subscription_cancel_at_period_end: bool
    subscription_period_end: str
    user_role: str
    default_stack_permission: int
    default_environment_permission: str
    default_account_permission: int
    members_can_create_stacks: bool
    members_can_delete_stacks: bool
    members_can_transfer_stacks: bool
    members_can_create_teams: bool
    members_can_create_accounts: bool
    neo_enabled: bool
    neo_approval_mode: str
    neo_task_sharing_mode: str
    neo_cli_explanations_disabled: bool
    natural_language_search_disabled: bool
    neo_agent_disabled: bool
    insights_trial_end: int
    insights_billing_accepted: bool
    insights_trial_using_policy: bool
    ai_enablement: str
    preferred_vcs: str
    audit_logs_enabled: bool
    webhooks_enabled: bool
    features: OrganizationFeatures
    account_count: int
    environment_count: int
    stack_count: int
    max_stacks: int
    member_count: int
    max_members: int
    locked: str
    default_role_id: str
    default_deployment_role_id: str
    max_access_token_expiry_days: int
    def __init__(self, id: _Optional[str] = ..., kind: _Optional[str] = ..., created: _Optional[str] = ..., backing_org_login: _Optional[str] = ..., product: _Optional[str] = ..., subscription_status: _Optional[str] = ..., subscription_trial_end: _Optional[int] = ..., retrial_expiration: _Optional[str] = ..., subscription_cancel_at_period_end: _Optional[bool] = ..., subscription_period_end: _Optional[str] = ..., user_role: _Optional[str] = ..., default_stack_permission: _Optional[int] = ..., default_environment_permission: _Optional[str] = ..., default_account_permission: _Optional[int] = ..., members_can_create_stacks: _Optional[bool] = ..., members_can_delete_stacks: _Optional[bool] = ..., members_can_transfer_stacks: _Optional[bool] = ..., members_can_create_teams: _Optional[bool] = ..., members_can_create_accounts: _Optional[bool] = ..., neo_enabled: _Optional[bool] = ..., neo_approval_mode: _Optional[str] = ..., neo_task_sharing_mode: _Optional[str] = ..., neo_cli_explanations_disabled: _Optional[bool] = ..., natural_language_search_disabled: _Optional[bool] = ..., neo_agent_disabled: _Optional[bool] = ..., insights_trial_end: _Optional[int] = ..., insights_billing_accepted: _Optional[bool] = ..., insights_trial_using_policy: _Optional[bool] = ..., ai_enablement: _Optional[str] = ..., preferred_vcs: _Optional[str] = ..., audit_logs_enabled: _Optional[bool] = ..., webhooks_enabled: _Optional[bool] = ..., features: _Optional[_Union[OrganizationFeatures, _Mapping]] = ..., account_count: _Optional[int] = ..., environment_count: _Optional[int] = ..., stack_count: _Optional[int] = ..., max_stacks: _Optional[int] = ..., member_count: _Optional[int] = ..., max_members: _Optional[int] = ..., locked: _Optional[str] = ..., default_role_id: _Optional[str] = ..., default_deployment_role_id: _Optional[str] = ..., max_access_token_expiry_days: _Optional[int] = ...) -> None: ...

class GetPackageUsedByStacksRequest(_message.Message):
    __slots__ = ("org_name", "continuation_token", "limit", "package_name", "version")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    PACKAGE_NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    continuation_token: str
    limit: int
    package_name: str
    version: str
    def __init__(self, org_name: _Optional[str] = ..., continuation_token: _Optional[str] = ..., limit: _Optional[int] = ..., package_name: _Optional[str] = ..., version: _Optional[str] = ...) -> None: ...

class GetPackageUsedByStacksResponse(_message.Message):
    __slots__ = ("package_name", "total_stacks", "stacks", "continuation_token")
    PACKAGE_NAME_FIELD_NUMBER: _ClassVar[int]
    TOTAL_STACKS_FIELD_NUMBER: _ClassVar[int]
    STACKS_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    package_name: str
    total_stacks: int
    stacks: _containers.RepeatedCompositeFieldContainer[StackUsage]
    continuation_token: str
    def __init__(self, package_name: _Optional[str] = ..., total_stacks: _Optional[int] = ..., stacks: _Optional[_Iterable[_Union[StackUsage, _Mapping]]] = ..., continuation_token: _Optional[str] = ...) -> None: ...

class StackUsage(_message.Message):
    __slots__ = ("stack_name", "stack_id", "project_name", "version", "provider_urn", "last_update")
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_ID_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_URN_FIELD_NUMBER: _ClassVar[int]
    LAST_UPDATE_FIELD_NUMBER: _ClassVar[int]
    stack_name: str
    stack_id: str
    project_name: str
    version: str
    provider_urn: str
    last_update: StackUpdateStamp
    def __init__(self, stack_name: _Optional[str] = ..., stack_id: _Optional[str] = ..., project_name: _Optional[str] = ..., version: _Optional[str] = ..., provider_urn: _Optional[str] = ..., last_update: _Optional[_Union[StackUpdateStamp, _Mapping]] = ...) -> None: ...

class StackUpdateStamp(_message.Message):
    __slots__ = ("time", "version")
    TIME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    time: str
    version: int
    def __init__(self, time: _Optional[str] = ..., version: _Optional[int] = ...) -> None: ...

class ListTeamsRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class ListTeamsResponse(_message.Message):
    __slots__ = ("teams",)
    TEAMS_FIELD_NUMBER: _ClassVar[int]
    teams: _containers.RepeatedCompositeFieldContainer[Team]
    def __init__(self, teams: _Optional[_Iterable[_Union[Team, _Mapping]]] = ...) -> None: ...

class Team(_message.Message):
    __slots__ = ("kind", "name", "display_name", "description", "members", "stacks", "environments", "accounts", "list_members_error", "user_role", "role_ids")
    KIND_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_FIELD_NUMBER: _ClassVar[int]
    STACKS_FIELD_NUMBER: _ClassVar[int]
    ENVIRONMENTS_FIELD_NUMBER: _ClassVar[int]
    ACCOUNTS_FIELD_NUMBER: _ClassVar[int]
    LIST_MEMBERS_ERROR_FIELD_NUMBER: _ClassVar[int]
    USER_ROLE_FIELD_NUMBER: _ClassVar[int]
    ROLE_IDS_FIELD_NUMBER: _ClassVar[int]
    kind: str
    name: str
    display_name: str
    description: str
    members: _containers.RepeatedCompositeFieldContainer[TeamMember]
    stacks: _containers.RepeatedCompositeFieldContainer[TeamStackPermission]
    environments: _containers.RepeatedCompositeFieldContainer[TeamEnvironmentPermission]
    accounts: _containers.RepeatedCompositeFieldContainer[TeamAccountPermission]
    list_members_error: str
    user_role: str
    role_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, kind: _Optional[str] = ..., name: _Optional[str] = ..., display_name: _Optional[str] = ..., description: _Optional[str] = ..., members: _Optional[_Iterable[_Union[TeamMember, _Mapping]]] = ..., stacks: _Optional[_Iterable[_Union[TeamStackPermission, _Mapping]]] = ..., environments: _Optional[_Iterable[_Union[TeamEnvironmentPermission, _Mapping]]] = ..., accounts: _Optional[_Iterable[_Union[TeamAccountPermission, _Mapping]]] = ..., list_members_error: _Optional[str] = ..., user_role: _Optional[str] = ..., role_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class TeamMember(_message.Message):
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

class TeamStackPermission(_message.Message):
    __slots__ = ("project_name", "stack_name", "permission", "permission_set_name")
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    PERMISSION_FIELD_NUMBER: _ClassVar[int]
    PERMISSION_SET_NAME_FIELD_NUMBER: _ClassVar[int]
    project_name: str
    stack_name: str
    permission: int
    permission_set_name: str
    def __init__(self, project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., permission: _Optional[int] = ..., permission_set_name: _Optional[str] = ...) -> None: ...

class TeamEnvironmentPermission(_message.Message):
    __slots__ = ("project_name", "env_name", "permission", "max_open_duration", "permission_set_name")
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    ENV_NAME_FIELD_NUMBER: _ClassVar[int]
    PERMISSION_FIELD_NUMBER: _ClassVar[int]
    MAX_OPEN_DURATION_FIELD_NUMBER: _ClassVar[int]
    PERMISSION_SET_NAME_FIELD_NUMBER: _ClassVar[int]
    project_name: str
    env_name: str
    permission: str
    max_open_duration: str
    permission_set_name: str
    def __init__(self, project_name: _Optional[str] = ..., env_name: _Optional[str] = ..., permission: _Optional[str] = ..., max_open_duration: _Optional[str] = ..., permission_set_name: _Optional[str] = ...) -> None: ...

class TeamAccountPermission(_message.Message):
    __slots__ = ("account_name", "permission", "permission_set_name")
    ACCOUNT_NAME_FIELD_NUMBER: _ClassVar[int]
    PERMISSION_FIELD_NUMBER: _ClassVar[int]
    PERMISSION_SET_NAME_FIELD_NUMBER: _ClassVar[int]
    account_name: str
    permission: int
    permission_set_name: str
    def __init__(self, account_name: _Optional[str] = ..., permission: _Optional[int] = ..., permission_set_name: _Optional[str] = ...) -> None: ...

class CreateTeamRequest(_message.Message):
    __slots__ = ("org_name", "name", "display_name", "description")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    name: str
    display_name: str
    description: str
    def __init__(self, org_name: _Optional[str] = ..., name: _Optional[str] = ..., display_name: _Optional[str] = ..., description: _Optional[str] = ...) -> None: ...

class CreateTeamResponse(_message.Message):
    __slots__ = ("team",)
    TEAM_FIELD_NUMBER: _ClassVar[int]
    team: Team
    def __init__(self, team: _Optional[_Union[Team, _Mapping]] = ...) -> None: ...

class GetTeamRequest(_message.Message):
    __slots__ = ("org_name", "team_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    TEAM_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    team_name: str
    def __init__(self, org_name: _Optional[str] = ..., team_name: _Optional[str] = ...) -> None: ...

class GetTeamResponse(_message.Message):
    __slots__ = ("team",)
    TEAM_FIELD_NUMBER: _ClassVar[int]
    team: Team
    def __init__(self, team: _Optional[_Union[Team, _Mapping]] = ...) -> None: ...

class UpdateTeamRequest(_message.Message):
    __slots__ = ("org_name", "team_name", "new_display_name", "new_description", "member_action", "member", "add_stack_permission", "edit_stack_permission", "remove_stack", "add_environment_permission", "edit_environment_permission", "remove_environment")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    TEAM_NAME_FIELD_NUMBER: _ClassVar[int]
    NEW_DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    NEW_DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    MEMBER_ACTION_FIELD_NUMBER: _ClassVar[int]
    MEMBER_FIELD_NUMBER: _ClassVar[int]
    ADD_STACK_PERMISSION_FIELD_NUMBER: _ClassVar[int]
    EDIT_STACK_PERMISSION_FIELD_NUMBER: _ClassVar[int]
    REMOVE_STACK_FIELD_NUMBER: _ClassVar[int]
    ADD_ENVIRONMENT_PERMISSION_FIELD_NUMBER: _ClassVar[int]
    EDIT_ENVIRONMENT_PERMISSION_FIELD_NUMBER: _ClassVar[int]
    REMOVE_ENVIRONMENT_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    team_name: str
    new_display_name: str
    new_description: str
    member_action: str
    member: str
    add_stack_permission: StackPermissionChange
    edit_stack_permission: StackPermissionChange
    remove_stack: StackIdentifier
    add_environment_permission: EnvironmentPermissionChange
    edit_environment_permission: EnvironmentPermissionChange
    remove_environment: EnvironmentIdentifier
    def __init__(self, org_name: _Optional[str] = ..., team_name: _Optional[str] = ..., new_display_name: _Optional[str] = ..., new_description: _Optional[str] = ..., member_action: _Optional[str] = ..., member: _Optional[str] = ..., add_stack_permission: _Optional[_Union[StackPermissionChange, _Mapping]] = ..., edit_stack_permission: _Optional[_Union[StackPermissionChange, _Mapping]] = ..., remove_stack: _Optional[_Union[StackIdentifier, _Mapping]] = ..., add_environment_permission: _Optional[_Union[EnvironmentPermissionChange, _Mapping]] = ..., edit_environment_permission: _Optional[_Union[EnvironmentPermissionChange, _Mapping]] = ..., remove_environment: _Optional[_Union[EnvironmentIdentifier, _Mapping]] = ...) -> None: ...

class StackPermissionChange(_message.Message):
    __slots__ = ("project_name", "stack_name", "permission", "permission_set_name")
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    PERMISSION_FIELD_NUMBER: _ClassVar[int]
    PERMISSION_SET_NAME_FIELD_NUMBER: _ClassVar[int]
    project_name: str
    stack_name: str
    permission: int
    permission_set_name: str
    def __init__(self, project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., permission: _Optional[int] = ..., permission_set_name: _Optional[str] = ...) -> None: ...

class StackIdentifier(_message.Message):
    __slots__ = ("project_name", "stack_name")
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    project_name: str
    stack_name: str
    def __init__(self, project_name: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class EnvironmentPermissionChange(_message.Message):
    __slots__ = ("project_name", "env_name", "permission", "max_open_duration", "permission_set_name")
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    ENV_NAME_FIELD_NUMBER: _ClassVar[int]
    PERMISSION_FIELD_NUMBER: _ClassVar[int]
    MAX_OPEN_DURATION_FIELD_NUMBER: _ClassVar[int]
    PERMISSION_SET_NAME_FIELD_NUMBER: _ClassVar[int]
    project_name: str
    env_name: str
    permission: str
    max_open_duration: str
    permission_set_name: str
    def __init__(self, project_name: _Optional[str] = ..., env_name: _Optional[str] = ..., permission: _Optional[str] = ..., max_open_duration: _Optional[str] = ..., permission_set_name: _Optional[str] = ...) -> None: ...

class EnvironmentIdentifier(_message.Message):
    __slots__ = ("project_name", "env_name")
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    ENV_NAME_FIELD_NUMBER: _ClassVar[int]
    project_name: str
    env_name: str
    def __init__(self, project_name: _Optional[str] = ..., env_name: _Optional[str] = ...) -> None: ...

class UpdateTeamResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class AddTeamMemberRequest(_message.Message):
    __slots__ = ("org_name", "team_name", "member")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    TEAM_NAME_FIELD_NUMBER: _ClassVar[int]
    MEMBER_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    team_name: str
    member: str
    def __init__(self, org_name: _Optional[str] = ..., team_name: _Optional[str] = ..., member: _Optional[str] = ...) -> None: ...

class AddTeamMemberResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class RemoveTeamMemberRequest(_message.Message):
    __slots__ = ("org_name", "team_name", "member")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    TEAM_NAME_FIELD_NUMBER: _ClassVar[int]
    MEMBER_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    team_name: str
    member: str
    def __init__(self, org_name: _Optional[str] = ..., team_name: _Optional[str] = ..., member: _Optional[str] = ...) -> None: ...

class RemoveTeamMemberResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DeleteTeamRequest(_message.Message):
    __slots__ = ("org_name", "team_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    TEAM_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    team_name: str
    def __init__(self, org_name: _Optional[str] = ..., team_name: _Optional[str] = ...) -> None: ...

class DeleteTeamResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
