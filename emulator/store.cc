// Store core: construction, reset, authentication and the lookups shared by every operation.
#include "emulator/store.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "emulator/live_update.h"
#include "emulator/seed.h"
#include "emulator/wire.h"

namespace emulator {

std::string StackLabel(const StackRef& ref) {
  return absl::StrCat(ref.org, "/", ref.project, "/", ref.stack);
}

absl::StatusOr<std::unique_ptr<Store>> Store::Create(Json seed, StoreOptions options) {
  if (!options.clock) options.clock = absl::Now;
  absl::StatusOr<State> state = ParseSeed(seed, options.clock());
  if (!state.ok()) return state.status();
  return std::unique_ptr<Store>(new Store(std::move(seed), std::move(options), *std::move(state)));
}

Store::Store(Json seed, StoreOptions options, State state)
    : options_(std::move(options)),
      seed_(std::move(seed)),
      state_(std::move(state)),
      rng_(std::random_device{}()) {}

absl::Status Store::Reset(std::optional<Json> new_seed) {
  absl::MutexLock lock(&mu_);
  const Json& seed = new_seed.has_value() ? *new_seed : seed_;
  absl::StatusOr<State> state = ParseSeed(seed, Now());
  if (!state.ok()) return state.status();
  if (new_seed.has_value()) seed_ = *std::move(new_seed);
  state_ = *std::move(state);
  return absl::OkStatus();
}

absl::StatusOr<Caller> Store::Authenticate(absl::string_view token) const {
  absl::MutexLock lock(&mu_);
  auto it = state_.tokens.find(std::string(token));
  bool valid = !token.empty() && it != state_.tokens.end();
  if (valid && it->second.kind == TokenKind::kTeam) {  // a team's tokens go with the team
    auto org = state_.orgs.find(it->second.org);
    valid = org != state_.orgs.end() && org->second.teams.count(it->second.team) > 0;
  }
  if (valid && it->second.expires > 0 && absl::ToUnixSeconds(Now()) >= it->second.expires) {
    valid = false;
  }
  if (!valid) {
    return absl::UnauthenticatedError("Unauthorized: No credentials provided or are invalid.");
  }
  Caller caller;
  caller.token = it->second;
  caller.login = it->second.kind == TokenKind::kPersonal ? it->second.login : it->second.org;
  return caller;
}

std::string Store::RoleIn(const Org& org, const Caller& caller) {
  switch (caller.token.kind) {
    case TokenKind::kPersonal: {
      auto it = org.members.find(caller.login);
      return it == org.members.end() ? "" : it->second.role;
    }
    case TokenKind::kOrganization:
      if (org.name != caller.token.org) return "";
      return caller.token.admin ? "admin" : "member";
    case TokenKind::kTeam:
      return org.name == caller.token.org ? "member" : "";
  }
  return "";
}

std::string Store::NewUuid() {
  uint64_t hi = rng_();
  uint64_t lo = rng_();
  hi = (hi & ~uint64_t{0xF000}) | 0x4000;                      // version 4
  lo = (lo & ~(uint64_t{0xC} << 60)) | (uint64_t{0x8} << 60);  // RFC 4122 variant
  return absl::StrFormat("%08x-%04x-%04x-%04x-%012x", hi >> 32, (hi >> 16) & 0xFFFF, hi & 0xFFFF,
                         lo >> 48, lo & 0xFFFFFFFFFFFFULL);
}

absl::StatusOr<Org*> Store::MemberOrg(const Caller& caller, const std::string& org) {
  auto it = state_.orgs.find(org);
  if (it == state_.orgs.end()) {
    return absl::NotFoundError(absl::StrCat("Not Found: Organization '", org, "' not found."));
  }
  if (RoleIn(it->second, caller).empty()) {
    if (caller.token.kind != TokenKind::kPersonal) {
      return absl::PermissionDeniedError(absl::StrCat("Forbidden: The token '", caller.token.name,
                                                      "' is scoped to organization '",
                                                      caller.token.org, "'."));
    }
    return absl::PermissionDeniedError(absl::StrCat(
        "Forbidden: User '", caller.login, "' is not a member of organization '", org, "'."));
  }
  return &it->second;
}

absl::StatusOr<Org*> Store::AdminOrg(const Caller& caller, const std::string& org) {
  absl::StatusOr<Org*> o = MemberOrg(caller, org);
  if (!o.ok()) return o;
  if (RoleIn(**o, caller) != "admin") {
    return absl::PermissionDeniedError(
        absl::StrCat("Forbidden: Only admins of organization '", org, "' may do this."));
  }
  return o;
}

absl::StatusOr<Stack*> Store::FindStack(const Caller& caller, const StackRef& ref) {
  absl::StatusOr<Org*> org = MemberOrg(caller, ref.org);
  if (!org.ok()) return org.status();
  auto it = state_.stacks.find(StackKey{ref.org, ref.project, ref.stack});
  if (it == state_.stacks.end()) {
    return absl::NotFoundError(absl::StrCat("Not Found: Stack '", StackLabel(ref), "' not found."));
  }
  AdvanceLiveUpdates(it->second);
  return &it->second;
}

absl::StatusOr<UpdateRecord*> Store::FindUpdate(Stack& stack, const std::string& kind,
                                                const std::string& update_id) {
  for (UpdateRecord& u : stack.updates) {
    if (u.id == update_id && u.kind == kind) return &u;
  }
  return absl::NotFoundError(
      absl::StrCat("Not Found: Update '", update_id, "' of kind '", kind, "' not found."));
}

void Store::AdvanceLiveUpdates(Stack& stack) {
  absl::Time now = Now();
  for (UpdateRecord& u : stack.updates) AdvanceLive(stack.project, stack.name, u, now);
}

void Store::Audit(Org& org, const Caller& caller, const std::string& event,
                  const std::string& description, bool requires_org_admin) {
  AuditEvent e;
  e.seq = state_.next_audit_seq++;
  e.timestamp = absl::ToUnixSeconds(Now());
  e.source_ip = caller.source_ip;
  e.event = event;
  e.description = description;
  e.login = caller.login;
  if (caller.token.kind != TokenKind::kPersonal) {  // machine identities show their token
    e.token_name = caller.token.name;
    e.actor_name = caller.token.name;
    if (caller.token.kind == TokenKind::kOrganization) {
      e.actor_urn = absl::StrCat("urn:pulumi:org:", caller.token.org, ":token:", caller.token.name);
    }
  }
  e.req_org_admin = requires_org_admin;
  org.audit_log.push_back(std::move(e));
}

UpdateRecord& Store::AppendUpdate(Stack& stack, const std::string& kind, const Caller& caller) {
  UpdateRecord u;
  u.id = NewUuid();
  u.kind = kind;
  u.version = StackVersion(stack) + 1;
  u.status = "succeeded";
  int64_t now = absl::ToUnixSeconds(Now());
  u.info = {{"startTime", now}, {"endTime", now}, {"message", ""}};
  u.requested_by = caller.login;
  u.state = CurrentState(stack);
  stack.updates.push_back(std::move(u));
  return stack.updates.back();
}

}  // namespace emulator
