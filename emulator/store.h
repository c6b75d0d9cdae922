// The emulated Pulumi Service: state plus the semantics of every REST operation, without HTTP.
//
// Thread-safe (one absl::Mutex). Each operation takes the authenticated `Caller` and returns the
// JSON body of the REST contract (shared/reference/pulumi-api.md) or a Status whose message is the
// wire error message. Status codes map to HTTP as: InvalidArgument/FailedPrecondition 400,
// Unauthenticated 401, PermissionDenied 403 (caller outside the org, or not an org admin for
// member/team/audit operations), NotFound 404, AlreadyExists/Aborted 409.
// A caller's rights in an org: its member role for a personal token; admin for an organization
// token and member for a team token, in that token's org only (see AccessToken).
// Every mutation appends an audit event (stack.create, stack.tag.add, member.add, ...) to the
// org's audit log with the caller's login and source IP.
//
//   auto store = Store::Create(LoadSeedFile(path).value(), StoreOptions{}).value();
//   absl::StatusOr<Caller> caller = store->Authenticate(token);  // then set source_ip
//   // or, for a user's personal token: Caller caller{"jdoe", "127.0.0.1"};
//   absl::StatusOr<Json> stack = store->GetStack(caller, {"acme-corp", "payments-api", "prod"});
#ifndef EMULATOR_STORE_H_
#define EMULATOR_STORE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "emulator/model.h"

namespace emulator {

struct StoreOptions {
  int64_t stacks_page_size = 10;            // /user/stacks page when `maxResults` is absent.
  int64_t members_page_size = 5;            // members page when `maxResults` is absent.
  int64_t audit_page_size = 10;             // audit log page when `maxResults` is absent.
  int64_t events_page_size = 100;           // engine events per call.
  int64_t deployment_logs_page_size = 100;  // deployment log lines per call (no `count`).
  // Statuses a deployment moves per read of it (get, status, logs, updates); 0 = only through
  // AdvanceDeployment (the admin API).
  int deployment_steps_per_read = 1;
  std::function<absl::Time()> clock = absl::Now;  // Default: wall clock.
};

struct StackRef {
  std::string org;
  std::string project;
  std::string stack;
};

struct StackListQuery {
  std::string organization;
  std::string project;
  std::string tag_name;
  std::string tag_value;
  std::string continuation_token;
  int64_t max_results = 0;  // 0 = StoreOptions::stacks_page_size.
};

struct UpdateListQuery {
  int64_t page = 0;  // 0 = everything, unpaginated; first page is 1.
  int64_t page_size = 10;
  bool service_format = false;  // `output-type` present.
};

struct EventsQuery {
  std::string continuation_token;
  std::vector<std::string> types;  // empty = all
  std::string urn;                 // empty = all
};

struct MembersQuery {
  std::string continuation_token;
  int64_t max_results = 0;  // 0 = StoreOptions::members_page_size.
};

struct AuditQuery {
  bool v2 = false;  // v1: startTime is an upper bound and is required without a token.
  std::string continuation_token;
  std::optional<int64_t> start_time;
  std::optional<int64_t> end_time;
  std::string user_filter;
  std::string event_filter;
  int64_t max_results = 0;  // 0 = StoreOptions::audit_page_size.
  bool unpaged = false;     // exports: every matching event, no token.
};

// Paging of the access token lists (personal, organization, team).
struct TokenListQuery {
  std::string continuation_token;
  std::string filter;       // substring of the name or description; "" = all
  int64_t max_results = 0;  // 0 = everything
};

// Paging of the deployment lists (`page` is 1-based).
struct DeploymentListQuery {
  int64_t page = 1;
  int64_t page_size = 10;
  bool ascending = false;  // default: newest first
};

// GET .../deployments/{id}/logs: all lines (token-paged) or one step's (offset-paged).
struct DeploymentLogsQuery {
  std::string continuation_token;
  std::optional<int64_t> count;
  std::optional<int64_t> job;
  std::optional<int64_t> step;
  std::optional<int64_t> offset;
};

// A new running update started through the admin API or from tests.
struct LiveUpdateSpec {
  std::string kind = "update";
  absl::Duration interval = absl::Milliseconds(100);
  int event_count = 10;
  std::string final_status = "succeeded";
  std::string requested_by;  // login; empty = first org admin
};

class Store final {
 public:
  // InvalidArgument if the seed is invalid (see seed.h).
  static absl::StatusOr<std::unique_ptr<Store>> Create(Json seed, StoreOptions options);

  // Restores the seed state (running updates restart now). With `new_seed`, replaces the seed
  // first; InvalidArgument (and no change) if it does not parse.
  absl::Status Reset(std::optional<Json> new_seed = std::nullopt);

  // The caller `token` authenticates (login and token; source_ip left empty); Unauthenticated
  // for an unknown token or a team token whose team was deleted.
  absl::StatusOr<Caller> Authenticate(absl::string_view token) const;

  // --- Current user (store_user.cc) ---
  // GET /api/user: {name, githubLogin, avatarUrl, email, organizations:[{githubLogin, name,
  // avatarUrl}], tokenInfo:{name[, organization[, team]]}}. For an organization or team token the
  // identity is the organization. NotFound if the caller's user or org no longer exists.
  absl::StatusOr<Json> GetCurrentUser(const Caller& caller);

  // --- Stacks (store_stacks.cc) ---
  absl::StatusOr<Json> ListUserStacks(const Caller& caller, const StackListQuery& query);
  absl::StatusOr<Json> GetStack(const Caller& caller, const StackRef& ref);
  absl::StatusOr<Json> GetStackMetadata(const Caller& caller, const StackRef& ref);
  absl::StatusOr<Json> GetResourceCount(const Caller& caller, const StackRef& ref);
  // Body AppCreateStackRequest. AlreadyExists if the stack exists.
  absl::StatusOr<Json> CreateStack(const Caller& caller, const std::string& org,
                                   const std::string& project, const Json& body);
  // FailedPrecondition "Bad Request: Stack still contains resources." without `force`.
  absl::Status DeleteStack(const Caller& caller, const StackRef& ref, bool force);
  // nullopt = current state; NotFound for an unknown version.
  absl::StatusOr<Json> ExportStack(const Caller& caller, const StackRef& ref,
                                   std::optional<int64_t> version);
  // Body {toOrg, ...}; caller must be a member of both orgs.
  absl::Status TransferStack(const Caller& caller, const StackRef& ref, const Json& body);
  // Body {newName, newProject}; returns {"updateId"}.
  absl::StatusOr<Json> RenameStack(const Caller& caller, const StackRef& ref, const Json& body);

  // --- Stack tags (store_tags.cc) ---
  absl::Status AddStackTag(const Caller& caller, const StackRef& ref, const Json& body);
  absl::Status ReplaceStackTags(const Caller& caller, const StackRef& ref, const Json& body);
  absl::Status UpdateStackTag(const Caller& caller, const StackRef& ref, const std::string& tag,
                              const Json& body);
  absl::Status DeleteStackTag(const Caller& caller, const StackRef& ref, const std::string& tag);

  // --- Updates (store_updates.cc) ---
  absl::StatusOr<Json> ListUpdates(const Caller& caller, const StackRef& ref,
                                   const UpdateListQuery& query);
  // nullopt = latest. NotFound when the stack has no such update.
  absl::StatusOr<Json> GetUpdate(const Caller& caller, const StackRef& ref,
                                 std::optional<int64_t> version);
  absl::StatusOr<Json> GetUpdateStatus(const Caller& caller, const StackRef& ref,
                                       const std::string& kind, const std::string& update_id,
                                       const std::string& continuation_token);
  absl::StatusOr<Json> GetEngineEvents(const Caller& caller, const StackRef& ref,
                                       const std::string& kind, const std::string& update_id,
                                       const EventsQuery& query);
  // Aborted (409) if the update is not running.
  absl::Status CancelUpdate(const Caller& caller, const StackRef& ref, const std::string& kind,
                            const std::string& update_id);
  // Test hook: starts a running update; returns {updateID, version, kind}. Aborted if one runs.
  absl::StatusOr<Json> StartLiveUpdate(const StackRef& ref, const LiveUpdateSpec& spec);

  // --- Members (store_members.cc) ---
  absl::StatusOr<Json> ListMembers(const Caller& caller, const std::string& org,
                                   const MembersQuery& query);
  absl::StatusOr<Json> AddMember(const Caller& caller, const std::string& org,
                                 const std::string& login, const Json& body);
  absl::Status UpdateMember(const Caller& caller, const std::string& org, const std::string& login,
                            const Json& body);
  absl::Status RemoveMember(const Caller& caller, const std::string& org, const std::string& login);

  // --- Teams (store_teams.cc) ---
  absl::StatusOr<Json> ListTeams(const Caller& caller, const std::string& org);
  absl::StatusOr<Json> GetTeam(const Caller& caller, const std::string& org,
                               const std::string& team);
  absl::StatusOr<Json> CreateTeam(const Caller& caller, const std::string& org, const Json& body);
  absl::Status UpdateTeam(const Caller& caller, const std::string& org, const std::string& team,
                          const Json& body);
  absl::Status DeleteTeam(const Caller& caller, const std::string& org, const std::string& team);

  // --- Member's teams, roles and team roles (store_roles.cc) ---
  // {teams:[name]} of a member of the org.
  absl::StatusOr<Json> ListMemberTeams(const Caller& caller, const std::string& org,
                                       const std::string& login);
  // {roles:[PermissionDescriptorRecord]} of one uxPurpose.
  absl::StatusOr<Json> ListRoles(const Caller& caller, const std::string& org,
                                 const std::string& ux_purpose);
  // Body PermissionDescriptorBase; `name` required and unique (AlreadyExists). Org admins only.
  absl::StatusOr<Json> CreateRole(const Caller& caller, const std::string& org, const Json& body);
  absl::StatusOr<Json> GetRole(const Caller& caller, const std::string& org, const std::string& id);
  // Body UpdateRoleRequest {name, description, details}; bumps `version`.
  absl::StatusOr<Json> UpdateRole(const Caller& caller, const std::string& org,
                                  const std::string& id, const Json& body);
  // FailedPrecondition while teams or tokens hold the role, unless `force` (which unassigns it).
  absl::Status DeleteRole(const Caller& caller, const std::string& org, const std::string& id,
                          bool force);
  absl::Status SetDefaultRole(const Caller& caller, const std::string& org, const std::string& id);
  absl::StatusOr<Json> ListTeamsWithRole(const Caller& caller, const std::string& org,
                                         const std::string& id);
  absl::StatusOr<Json> ListUsersWithRole(const Caller& caller, const std::string& org,
                                         const std::string& id);
  absl::StatusOr<Json> ListOrgTokensWithRole(const Caller& caller, const std::string& org,
                                             const std::string& id);
  absl::StatusOr<Json> ListTeamRoles(const Caller& caller, const std::string& org,
                                     const std::string& team);
  // Idempotent. NotFound for an unknown team or role.
  absl::Status AddTeamRole(const Caller& caller, const std::string& org, const std::string& team,
                           const std::string& role_id);
  // NotFound unless the team holds the role.
  absl::Status RemoveTeamRole(const Caller& caller, const std::string& org, const std::string& team,
                              const std::string& role_id);

  // --- Access tokens (store_tokens.cc) ---
  // {tokens:[AccessToken], continuationToken?}. Values are shown only once, at creation.
  absl::StatusOr<Json> ListPersonalTokens(const Caller& caller, const TokenListQuery& query);
  // Body {description, expires}; returns {id, tokenValue}. Personal tokens only.
  absl::StatusOr<Json> CreatePersonalToken(const Caller& caller, const Json& body);
  absl::Status DeletePersonalToken(const Caller& caller, const std::string& id);
  absl::StatusOr<Json> ListOrgTokens(const Caller& caller, const std::string& org,
                                     const TokenListQuery& query);
  // Body {name, admin, description, expires, roleID?}; name unique in the org. Org admins only.
  absl::StatusOr<Json> CreateOrgToken(const Caller& caller, const std::string& org,
                                      const Json& body);
  absl::Status DeleteOrgToken(const Caller& caller, const std::string& org, const std::string& id);
  absl::StatusOr<Json> ListTeamTokens(const Caller& caller, const std::string& org,
                                      const std::string& team, const TokenListQuery& query);
  // Body {name, description, expires}; name unique in the team. Org or team admins only.
  absl::StatusOr<Json> CreateTeamToken(const Caller& caller, const std::string& org,
                                       const std::string& team, const Json& body);
  absl::Status DeleteTeamToken(const Caller& caller, const std::string& org,
                               const std::string& team, const std::string& id);

  // --- Stack config and webhooks (store_config.cc, store_webhooks.cc) ---
  // AppStackConfig; NotFound when the stack has none.
  absl::StatusOr<Json> GetStackConfig(const Caller& caller, const StackRef& ref);
  absl::StatusOr<Json> UpdateStackConfig(const Caller& caller, const StackRef& ref,
                                         const Json& body);
  absl::Status DeleteStackConfig(const Caller& caller, const StackRef& ref);
  // Webhooks of a stack, or of the organization `owner.org` when `owner.project` is empty (org
  // admins only). Bodies are Webhook; answers WebhookResponse (the secret is never shown).
  absl::StatusOr<Json> ListWebhooks(const Caller& caller, const StackRef& owner);
  absl::StatusOr<Json> CreateWebhook(const Caller& caller, const StackRef& owner, const Json& body);
  absl::StatusOr<Json> GetWebhook(const Caller& caller, const StackRef& owner,
                                  const std::string& name);
  absl::StatusOr<Json> UpdateWebhook(const Caller& caller, const StackRef& owner,
                                     const std::string& name, const Json& body);
  absl::Status DeleteWebhook(const Caller& caller, const StackRef& owner, const std::string& name);
  // [WebhookDelivery], newest first.
  absl::StatusOr<Json> ListWebhookDeliveries(const Caller& caller, const StackRef& owner,
                                             const std::string& name);
  // Records and returns a `ping` delivery.
  absl::StatusOr<Json> PingWebhook(const Caller& caller, const StackRef& owner,
                                   const std::string& name);
  // Delivers the payload of delivery `event` again; NotFound for an unknown delivery.
  absl::StatusOr<Json> RedeliverWebhookEvent(const Caller& caller, const StackRef& owner,
                                             const std::string& name, const std::string& event);

  // --- Pulumi Deployments (store_deployments.cc, store_deployment_runs.cc) ---
  // DeploymentSettings; NotFound when the stack has none.
  absl::StatusOr<Json> GetDeploymentSettings(const Caller& caller, const StackRef& ref);
  // Body DeploymentSettingsRequest, merged into the settings (JSON merge patch); bumps `version`.
  absl::StatusOr<Json> UpdateDeploymentSettings(const Caller& caller, const StackRef& ref,
                                                const Json& body);
  absl::Status DeleteDeploymentSettings(const Caller& caller, const StackRef& ref);
  // Body CreateDeploymentRequest; returns {id, consoleUrl, version}. The stack's settings apply
  // unless `inheritSettings` is false; InvalidArgument when the result names no source.
  absl::StatusOr<Json> CreateDeployment(const Caller& caller, const StackRef& ref,
                                        const Json& body);
  absl::StatusOr<Json> ListStackDeployments(const Caller& caller, const StackRef& ref,
                                            const DeploymentListQuery& query);
  absl::StatusOr<Json> ListOrgDeployments(const Caller& caller, const std::string& org,
                                          const DeploymentListQuery& query);
  // The reads below move the deployment on (StoreOptions::deployment_steps_per_read).
  absl::StatusOr<Json> GetDeployment(const Caller& caller, const StackRef& ref,
                                     const std::string& id);
  absl::StatusOr<Json> GetDeploymentByVersion(const Caller& caller, const StackRef& ref,
                                              int64_t version);
  // The JobStatus string of a deployment of any stack the caller can see.
  absl::StatusOr<Json> GetDeploymentStatus(const Caller& caller, const std::string& id);
  absl::StatusOr<Json> GetDeploymentLogs(const Caller& caller, const StackRef& ref,
                                         const std::string& id, const DeploymentLogsQuery& query);
  // [UpdateInfo] of the stack updates the deployment made.
  absl::StatusOr<Json> GetDeploymentUpdates(const Caller& caller, const StackRef& ref,
                                            const std::string& id);
  // Aborted (409) once the deployment has finished.
  absl::Status CancelDeployment(const Caller& caller, const StackRef& ref, const std::string& id);
  // Test hook: moves a deployment `steps` statuses on, or straight to `status` when not empty
  // (accepted | running | succeeded | failed). Returns {id, status}; NotFound for an unknown id.
  absl::StatusOr<Json> AdvanceDeployment(const std::string& id, int steps,
                                         const std::string& status);

  // --- Audit logs (store_audit.cc) ---
  // {auditLogEvents, continuationToken?}, newest first. Org admins only.
  absl::StatusOr<Json> ListAuditLogs(const Caller& caller, const std::string& org,
                                     const AuditQuery& query);

 private:
  Store(Json seed, StoreOptions options, State state);

  absl::Time Now() const { return options_.clock(); }
  // The caller's role in `org` (admin | member | billing-manager), "" if it has none.
  static std::string RoleIn(const Org& org, const Caller& caller);
  std::string NewUuid() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // NotFound for an unknown org, PermissionDenied if the caller is not a member.
  absl::StatusOr<Org*> MemberOrg(const Caller& caller, const std::string& org)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // MemberOrg, plus PermissionDenied unless the caller is an org admin.
  absl::StatusOr<Org*> AdminOrg(const Caller& caller, const std::string& org)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // MemberOrg, then NotFound for an unknown stack. Advances its live update.
  absl::StatusOr<Stack*> FindStack(const Caller& caller, const StackRef& ref)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::StatusOr<UpdateRecord*> FindUpdate(Stack& stack, const std::string& kind,
                                           const std::string& update_id)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void AdvanceLiveUpdates(Stack& stack) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Appends an audit event attributed to `caller`.
  void Audit(Org& org, const Caller& caller, const std::string& event,
             const std::string& description, bool requires_org_admin)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // The team `team` of `org` (already resolved); NotFound otherwise.
  absl::StatusOr<Team*> FindTeam(Org& org, const std::string& team)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // A stack's webhooks, or the org's when `owner.project` is empty; checks the caller's rights.
  absl::StatusOr<std::map<std::string, Webhook>*> WebhooksOf(const Caller& caller,
                                                             const StackRef& owner)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::StatusOr<Deployment*> FindDeployment(Stack& stack, const std::string& id)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // One status on; on reaching its final status, records the stack updates the run made.
  void StepDeployment(Stack& stack, Deployment& deployment) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // StepDeployment, deployment_steps_per_read times (after a read has been answered).
  void AfterDeploymentRead(Stack& stack, Deployment& deployment) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Appends a completed update record (rename) that keeps the current state.
  UpdateRecord& AppendUpdate(Stack& stack, const std::string& kind, const Caller& caller)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const StoreOptions options_;
  mutable absl::Mutex mu_;
  Json seed_ ABSL_GUARDED_BY(mu_);
  State state_ ABSL_GUARDED_BY(mu_);
  std::mt19937_64 rng_ ABSL_GUARDED_BY(mu_);
};

// "org/project/stack".
std::string StackLabel(const StackRef& ref);

}  // namespace emulator

#endif  // EMULATOR_STORE_H_
