// Renders the model (emulator/model.h) as the JSON shapes of the Pulumi Service REST contract
// (shared/reference/pulumi-api.md §2-5), plus the few values derived from a stack (current state,
// resource count, version, running update).
//
// Pure functions of their arguments; callers hold the store lock.
//
//   Json summary = StackSummaryJson(stack);           // /api/user/stacks item
//   Json info = UpdateInfoServiceJson(state, stack, stack.updates.back());
#ifndef EMULATOR_WIRE_H_
#define EMULATOR_WIRE_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "emulator/model.h"

namespace emulator {

// Console base used for `links.self`.
inline constexpr absl::string_view kConsoleBase = "https://app.pulumi.com";

// "2025-08-04T16:35:20Z".
std::string FormatRfc3339(int64_t unix_seconds);

// UserInfo {name, githubLogin, avatarUrl[, email]}; an unknown login renders as itself.
Json UserInfoJson(const State& state, absl::string_view login, bool with_email);

// {githubLogin, name, avatarUrl} of an organization (GET /api/user `organizations`).
Json OrgSummaryJson(const Org& org);

// The deployment after the stack's latest update (or its initial state); an empty v3 deployment
// when the stack never had state.
Json CurrentState(const Stack& stack);
int64_t ResourceCount(const Json& untyped_deployment);
int64_t StackVersion(const Stack& stack);
// The update that is running, or nullptr.
const UpdateRecord* RunningUpdate(const Stack& stack);
// CLI `result` for an update status: running -> in-progress, cancelled -> failed, ...
std::string ResultForStatus(absl::string_view status);

Json StackSummaryJson(const Stack& stack);
Json StackJson(const Stack& stack);
Json StackMetadataJson(const State& state, const Stack& stack);

// UpdateInfo, CLI shape (legacy `updates` list).
Json UpdateInfoCliJson(const UpdateRecord& update);
// UpdateInfo, service shape (`output-type=service`, `updates/latest`, `updates/{version}`).
Json UpdateInfoServiceJson(const State& state, const Stack& stack, const UpdateRecord& update);

Json MemberJson(const State& state, const Org& org, const Member& member);
// `caller` decides `userRole`.
Json TeamJson(const State& state, const Team& team, absl::string_view caller);
Json AuditEventJson(const State& state, const AuditEvent& event);

// AccessToken of the token lists: {id, name, description, created, lastUsed, expires, admin,
// createdBy, type[, role]}. `org` (may be null) resolves an organization token's role.
Json AccessTokenJson(const Org* org, const AccessToken& token);

// PermissionDescriptorRecord of a custom role.
Json RoleJson(const Org& org, const Role& role);

// WebhookResponse: the hook's fields and its owner (`projectName`/`stackName` for stack hooks),
// `hasSecret` and an opaque `secretCiphertext`, never the secret.
Json WebhookJson(const Webhook& hook, const std::string& org, const std::string& project,
                 const std::string& stack);

// Permission set name for a stack permission int (101 -> "Stack Read"); empty if unknown.
std::string StackPermissionSetName(int64_t permission);

}  // namespace emulator

#endif  // EMULATOR_WIRE_H_
