// In-memory model of the emulated Pulumi Service: users and their access tokens, organizations
// (members, teams, roles, webhooks, audit log) and stacks (tags, config, webhooks, updates, engine
// events, state snapshots, Pulumi Deployments and their settings).
//
// Plain structs with no behaviour; `Store` (emulator/store.h) owns one `State` and implements the
// semantics, `seed.h` builds a `State` from the seed JSON and `wire.h` renders the JSON shapes of
// the REST contract. Opaque payloads (engine events, deployments, config) stay nlohmann JSON.
//
//   State state = ParseSeed(json).value();
//   const Stack& s = state.stacks.at(StackKey{"acme-corp", "payments-api", "prod"});
#ifndef EMULATOR_MODEL_H_
#define EMULATOR_MODEL_H_

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "absl/time/time.h"
#include "nlohmann/json.hpp"

namespace emulator {

using Json = nlohmann::json;

enum class TokenKind { kPersonal, kOrganization, kTeam };

// An access token of the seed. A personal token acts as its user (the user's org memberships
// decide); an organization or team token acts inside its one organization only, with admin
// (organization token) or member (team token) rights.
struct AccessToken {
  TokenKind kind = TokenKind::kPersonal;
  std::string name;   // `tokenInfo.name` of GET /api/user
  std::string login;  // kPersonal: the owning user
  std::string org;    // kOrganization, kTeam: the organization
  std::string team;   // kTeam: the team
  // What the token lists (ListAccessTokensResponse) show.
  std::string id;           // UUID; seeds without one get an id derived from kind/owner/name
  std::string description;  //
  int64_t created = 0;      // unix seconds
  int64_t expires = 0;      // unix seconds; 0 = never. An expired token no longer authenticates.
  int64_t last_used = 0;    // unix seconds; 0 = never
  std::string created_by;   // login
  bool admin = true;        // kOrganization: admin rights (else member rights)
  std::string role_id;      // kOrganization: a custom role of the org, "" if none
};

// Who is calling: the authenticated identity, how it authenticated and the peer address (audit
// `sourceIP`). As in the service, an organization or team token's identity is the organization:
// `login` is then the org's name.
struct Caller {
  std::string login;
  std::string source_ip;
  AccessToken token;  // default: a personal token of `login`
};

struct User {
  std::string login;  // `githubLogin` on the wire.
  std::string name;
  std::string avatar_url;
  std::string email;
};

struct FgaRole {
  std::string id;
  std::string name;
  std::string modified_at;  // RFC3339.
};

struct Member {
  std::string login;
  std::string role;     // member | admin | billing-manager
  std::string created;  // RFC3339.
  FgaRole fga_role;
  bool virtual_admin = false;
};

struct TeamMember {
  std::string login;
  std::string role;  // member | admin
};

struct Team {
  std::string kind = "pulumi";
  std::string name;
  std::string display_name;
  std::string description;
  std::vector<TeamMember> members;
  Json stacks = Json::array();        // [{projectName, stackName, permission, permissionSetName}]
  Json environments = Json::array();  // [{projectName, envName, permission, ...}]
  Json accounts = Json::array();
  std::vector<std::string> role_ids;
};

// A custom role of an organization (PermissionDescriptorRecord on the wire).
struct Role {
  std::string id;
  std::string name;
  std::string description;
  std::string resource_type;        // e.g. "organization"
  std::string ux_purpose = "role";  // role | role_private | role_temporary | policy | set
  Json details = Json::object();    // PermissionDescriptor, kept as sent
  std::string created;              // RFC3339
  std::string modified;             // RFC3339
  int64_t version = 1;              // bumped by every update
  bool is_org_default = false;
  std::string default_identifier;
};

// A stack or organization webhook and its delivery history (WebhookDelivery JSON, newest last).
struct Webhook {
  std::string name;
  std::string display_name;
  std::string payload_url;
  std::string secret;  // never rendered: answers say `hasSecret`
  std::string format = "raw";
  bool active = true;
  std::vector<std::string> filters;
  std::vector<std::string> groups;
  std::vector<Json> deliveries;
};

struct AuditEvent {
  int64_t seq = 0;  // Insertion order; newest has the highest.
  int64_t timestamp = 0;
  std::string source_ip;
  std::string event;
  std::string description;
  std::string login;
  std::string token_id;
  std::string token_name;
  std::string actor_name;
  std::string actor_urn;
  bool req_org_admin = false;
  bool req_stack_admin = false;
  bool auth_failure = false;
};

struct Org {
  std::string name;
  std::string display_name;  // `name` of OrganizationSummary; default: `name`.
  std::string avatar_url;
  bool audit_logs_enabled = true;           // false: audit routes answer 400 (non-Enterprise plan).
  std::map<std::string, Member> members;    // by login
  std::map<std::string, Team> teams;        // by name
  std::map<std::string, Role> roles;        // custom roles by id
  std::map<std::string, Webhook> webhooks;  // organization webhooks by name
  std::vector<AuditEvent> audit_log;        // ascending seq
};

// A running update that grows over time: one event per `interval` after `start`, `total_events`
// in all, then it finishes with `final_status`.
struct LiveSpec {
  bool active = false;
  absl::Time start;
  absl::Duration interval = absl::Seconds(1);
  int total_events = 0;
  int emitted = 0;
  std::string final_status = "succeeded";  // succeeded | failed
  Json scripted_events = Json::array();    // emitted first, then synthetic ones
};

struct UpdateRecord {
  std::string id;  // UUID (`updateID`).
  std::string kind;
  int64_t version = 0;
  // not started | requested | running | failed | succeeded | cancelled
  std::string status = "succeeded";
  // CLI-shape UpdateInfo fields other than kind/result/version (message, environment, config,
  // startTime, endTime, resourceChanges, resourceCount).
  Json info = Json::object();
  std::string requested_by;  // login
  Json github_commit_info;   // null when absent
  Json policy_packs;         // null when absent
  std::string requested_by_token;
  std::vector<Json> events;         // engine events, in sequence order
  std::vector<Json> legacy_events;  // AppUpdateResults.events
  Json state;                       // UntypedDeployment after this update
  LiveSpec live;
};

// A Pulumi Deployments run. It moves one status per read of it (get, status, logs, updates) or
// through the admin API: not-started -> accepted -> running -> succeeded (or failed).
struct Deployment {
  std::string id;         // UUID
  int64_t version = 0;    // per stack, from 1
  std::string operation;  // update | preview | destroy | refresh | detect-drift | remediate-drift
  std::string status = "not-started";
  std::string final_status = "succeeded";  // where `running` leads
  std::string requested_by;                // login
  int64_t created = 0;                     // unix seconds
  int64_t modified = 0;                    // unix seconds of the last status change
  Json settings = Json::object();          // the effective DeploymentSettings of this run
  std::vector<std::string> update_ids;     // stack updates this deployment made
  bool ran = false;                        // reached `running`
  bool cancelled = false;
};

struct Stack {
  std::string id;
  std::string org;
  std::string project;
  std::string name;
  std::map<std::string, std::string> tags;
  Json config;                              // null when absent
  Json initial_state;                       // state before any update (from create), null if none
  std::vector<UpdateRecord> updates;        // ascending version
  std::string owner;                        // login of the creator (metadata `ownedBy`)
  int64_t created = 0;                      // unix seconds
  std::map<std::string, Webhook> webhooks;  // by name
  Json deployment_settings;                 // DeploymentSettings; null when none
  std::vector<Deployment> deployments;      // ascending version
};

using StackKey = std::tuple<std::string, std::string, std::string>;  // org, project, stack

struct State {
  std::map<std::string, User> users;          // by login
  std::map<std::string, AccessToken> tokens;  // by token value
  std::map<std::string, Org> orgs;            // by name
  std::map<StackKey, Stack> stacks;
  int64_t next_audit_seq = 1;
};

}  // namespace emulator

#endif  // EMULATOR_MODEL_H_
