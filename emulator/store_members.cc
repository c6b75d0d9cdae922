// Store: organization members (list with paging, add, change role, remove).
#include <algorithm>
#include <iterator>

#include "absl/strings/str_cat.h"
#include "emulator/paging.h"
#include "emulator/params.h"
#include "emulator/store.h"
#include "emulator/wire.h"

namespace emulator {
namespace {

// Display name of a built-in role; empty if `role` is not one.
std::string BuiltinRoleName(absl::string_view role) {
  if (role == "admin") return "Admin";
  if (role == "member") return "Member";
  if (role == "billing-manager") return "Billing Manager";
  return "";
}

absl::Status InvalidRole(absl::string_view role) {
  return absl::InvalidArgumentError(absl::StrCat("Bad Request: invalid role '", role,
                                                 "' (want member, admin or billing-manager)"));
}

absl::Status NotAMember(const std::string& org, const std::string& login) {
  return absl::NotFoundError(
      absl::StrCat("Not Found: User '", login, "' is not a member of organization '", org, "'."));
}

int AdminCount(const Org& org) {
  int n = 0;
  for (const auto& [login, m] : org.members) n += m.role == "admin";
  return n;
}

}  // namespace

absl::StatusOr<Json> Store::ListMembers(const Caller& caller, const std::string& org,
                                        const MembersQuery& query) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = MemberOrg(caller, org);
  if (!o.ok()) return o.status();
  auto it = (*o)->members.begin();
  if (!query.continuation_token.empty()) {
    absl::StatusOr<std::string> after = DecodeToken("members", query.continuation_token);
    if (!after.ok()) return after.status();
    it = (*o)->members.upper_bound(*after);
  }
  int64_t page = query.max_results > 0 ? query.max_results : options_.members_page_size;
  Json members = Json::array();
  Json out = Json::object();
  for (; it != (*o)->members.end(); ++it) {
    if (static_cast<int64_t>(members.size()) == page) {
      out["continuationToken"] = EncodeToken("members", std::prev(it)->first);
      break;
    }
    members.push_back(MemberJson(state_, **o, it->second));
  }
  out["members"] = std::move(members);
  return out;
}

absl::StatusOr<Json> Store::AddMember(const Caller& caller, const std::string& org,
                                      const std::string& login, const Json& body) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = AdminOrg(caller, org);
  if (!o.ok()) return o.status();
  absl::StatusOr<std::string> role = RequiredString(body, "role");
  if (!role.ok()) return role.status();
  if (BuiltinRoleName(*role).empty()) return InvalidRole(*role);
  if (!state_.users.count(login)) {
    return absl::NotFoundError(absl::StrCat("Not Found: User '", login, "' not found."));
  }
  if ((*o)->members.count(login)) {
    return absl::AlreadyExistsError(absl::StrCat(
        "Conflict: User '", login, "' is already a member of organization '", org, "'."));
  }
  std::string now = FormatRfc3339(absl::ToUnixSeconds(Now()));
  Member m{login, *role, now, FgaRole{*role, BuiltinRoleName(*role), now}, false};
  (*o)->members[login] = m;
  Audit(**o, caller, "member.add",
        absl::StrCat("Added \"", login, "\" to the organization as ", *role), true);
  return MemberJson(state_, **o, m);
}

absl::Status Store::UpdateMember(const Caller& caller, const std::string& org,
                                 const std::string& login, const Json& body) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = AdminOrg(caller, org);
  if (!o.ok()) return o.status();
  absl::StatusOr<std::optional<std::string>> role = OptionalString(body, "role");
  if (!role.ok()) return role.status();
  absl::StatusOr<std::optional<std::string>> fga = OptionalString(body, "fgaRoleId");
  if (!fga.ok()) return fga.status();
  if (!role->has_value() && !fga->has_value()) {
    return absl::InvalidArgumentError("Bad Request: 'role' or 'fgaRoleId' is required");
  }
  if (role->has_value() && BuiltinRoleName(**role).empty()) return InvalidRole(**role);
  if (fga->has_value() && (*fga)->empty()) {
    return absl::InvalidArgumentError("Bad Request: 'fgaRoleId' must not be empty");
  }
  auto it = (*o)->members.find(login);
  if (it == (*o)->members.end()) return NotAMember(org, login);
  Member& m = it->second;
  std::string now = FormatRfc3339(absl::ToUnixSeconds(Now()));
  // fgaRoleId wins over role; a custom role id keeps the built-in role.
  std::string new_role = m.role;
  FgaRole new_fga{"", "", now};
  if (fga->has_value()) {
    new_fga.id = **fga;
    new_fga.name = BuiltinRoleName(**fga).empty() ? **fga : BuiltinRoleName(**fga);
    if (!BuiltinRoleName(**fga).empty()) new_role = **fga;
  } else {
    new_role = **role;
    new_fga.id = new_role;
    new_fga.name = BuiltinRoleName(new_role);
  }
  if (m.role == "admin" && new_role != "admin" && AdminCount(**o) == 1) {
    return absl::InvalidArgumentError("Bad Request: An organization must have at least one admin.");
  }
  m.role = new_role;
  m.fga_role = new_fga;
  Audit(**o, caller, "member.role.changed",
        absl::StrCat("Changed organization role for \"", login, "\" to ", new_fga.name), true);
  return absl::OkStatus();
}

absl::Status Store::RemoveMember(const Caller& caller, const std::string& org,
                                 const std::string& login) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = AdminOrg(caller, org);
  if (!o.ok()) return o.status();
  if (login == caller.login) {
    return absl::InvalidArgumentError(
        "Bad Request: You cannot remove yourself from the organization.");
  }
  if (!(*o)->members.erase(login)) return NotAMember(org, login);
  for (auto& [name, team] : (*o)->teams) {
    std::vector<TeamMember>& tm = team.members;
    tm.erase(
        std::remove_if(tm.begin(), tm.end(), [&](const TeamMember& t) { return t.login == login; }),
        tm.end());
  }
  Audit(**o, caller, "member.remove", absl::StrCat("Removed \"", login, "\" from the organization"),
        true);
  return absl::OkStatus();
}

}  // namespace emulator
