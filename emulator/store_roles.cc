// Store: a member's teams, the organization's custom roles, and the roles teams hold.
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "emulator/params.h"
#include "emulator/store.h"
#include "emulator/wire.h"

namespace emulator {
namespace {

absl::Status Bad(absl::string_view message) {
  return absl::InvalidArgumentError(absl::StrCat("Bad Request: ", message));
}

absl::StatusOr<Role*> FindRole(Org& org, const std::string& id) {
  auto it = org.roles.find(id);
  if (it == org.roles.end()) {
    return absl::NotFoundError(absl::StrCat("Not Found: Role '", id, "' not found."));
  }
  return &it->second;
}

bool NameTaken(const Org& org, const std::string& name, const std::string& except_id) {
  return std::any_of(org.roles.begin(), org.roles.end(), [&](const auto& entry) {
    return entry.second.name == name && entry.first != except_id;
  });
}

}  // namespace

absl::StatusOr<Json> Store::ListMemberTeams(const Caller& caller, const std::string& org,
                                            const std::string& login) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = MemberOrg(caller, org);
  if (!o.ok()) return o.status();
  if (!(*o)->members.count(login)) {
    return absl::NotFoundError(
        absl::StrCat("Not Found: User '", login, "' is not a member of '", org, "'."));
  }
  Json teams = Json::array();
  for (const auto& [name, team] : (*o)->teams) {
    for (const TeamMember& m : team.members) {
      if (m.login == login) teams.push_back(name);
    }
  }
  return Json{{"teams", teams}};
}

absl::StatusOr<Json> Store::ListRoles(const Caller& caller, const std::string& org,
                                      const std::string& ux_purpose) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = MemberOrg(caller, org);
  if (!o.ok()) return o.status();
  Json roles = Json::array();
  for (const auto& [id, role] : (*o)->roles) {
    if (ux_purpose.empty() || role.ux_purpose == ux_purpose) roles.push_back(RoleJson(**o, role));
  }
  return Json{{"roles", roles}};
}

absl::StatusOr<Json> Store::CreateRole(const Caller& caller, const std::string& org,
                                       const Json& body) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = AdminOrg(caller, org);
  if (!o.ok()) return o.status();
  absl::StatusOr<std::string> name = RequiredString(body, "name");
  if (!name.ok()) return name.status();
  if (NameTaken(**o, *name, "")) {
    return absl::AlreadyExistsError(absl::StrCat("Conflict: Role '", *name, "' already exists."));
  }
  Role role;
  role.id = NewUuid();
  role.name = *name;
  role.description = StringOr(body, "description", "");
  role.resource_type = StringOr(body, "resourceType", "organization");
  role.ux_purpose = StringOr(body, "uxPurpose", "role");
  auto details = body.find("details");
  if (details != body.end() && details->is_object()) role.details = *details;
  role.created = role.modified = FormatRfc3339(absl::ToUnixSeconds(Now()));
  Json out = RoleJson(**o, role);
  (*o)->roles[role.id] = std::move(role);
  Audit(**o, caller, "role.create", absl::StrCat("Created role \"", *name, "\""), true);
  return out;
}

absl::StatusOr<Json> Store::GetRole(const Caller& caller, const std::string& org,
                                    const std::string& id) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = MemberOrg(caller, org);
  if (!o.ok()) return o.status();
  absl::StatusOr<Role*> role = FindRole(**o, id);
  if (!role.ok()) return role.status();
  return RoleJson(**o, **role);
}

absl::StatusOr<Json> Store::UpdateRole(const Caller& caller, const std::string& org,
                                       const std::string& id, const Json& body) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = AdminOrg(caller, org);
  if (!o.ok()) return o.status();
  absl::StatusOr<Role*> role = FindRole(**o, id);
  if (!role.ok()) return role.status();
  std::string name = StringOr(body, "name", (*role)->name);
  if (name.empty()) return Bad("'name' must not be empty");
  if (NameTaken(**o, name, id)) {
    return absl::AlreadyExistsError(absl::StrCat("Conflict: Role '", name, "' already exists."));
  }
  (*role)->name = name;
  (*role)->description = StringOr(body, "description", (*role)->description);
  auto details = body.find("details");
  if (details != body.end() && details->is_object()) (*role)->details = *details;
  (*role)->modified = FormatRfc3339(absl::ToUnixSeconds(Now()));
  ++(*role)->version;
  Audit(**o, caller, "role.update", absl::StrCat("Updated role \"", name, "\""), true);
  return RoleJson(**o, **role);
}

absl::Status Store::DeleteRole(const Caller& caller, const std::string& org, const std::string& id,
                               bool force) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = AdminOrg(caller, org);
  if (!o.ok()) return o.status();
  absl::StatusOr<Role*> role = FindRole(**o, id);
  if (!role.ok()) return role.status();
  int uses = 0;
  for (auto& [name, team] : (*o)->teams) {
    uses += std::count(team.role_ids.begin(), team.role_ids.end(), id);
  }
  for (auto& [value, token] : state_.tokens) {
    if (token.kind == TokenKind::kOrganization && token.org == org && token.role_id == id) ++uses;
  }
  if (uses > 0 && !force) {
    return absl::FailedPreconditionError(absl::StrCat("Bad Request: Role '", (*role)->name,
                                                      "' is in use; delete it with force=true."));
  }
  for (auto& [name, team] : (*o)->teams) {
    team.role_ids.erase(std::remove(team.role_ids.begin(), team.role_ids.end(), id),
                        team.role_ids.end());
  }
  for (auto& [value, token] : state_.tokens) {
    if (token.kind == TokenKind::kOrganization && token.org == org && token.role_id == id) {
      token.role_id.clear();
    }
  }
  std::string name = (*role)->name;
  (*o)->roles.erase(id);
  Audit(**o, caller, "role.delete", absl::StrCat("Deleted role \"", name, "\""), true);
  return absl::OkStatus();
}

absl::Status Store::SetDefaultRole(const Caller& caller, const std::string& org,
                                   const std::string& id) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = AdminOrg(caller, org);
  if (!o.ok()) return o.status();
  absl::StatusOr<Role*> role = FindRole(**o, id);
  if (!role.ok()) return role.status();
  for (auto& [rid, r] : (*o)->roles) r.is_org_default = rid == id;
  return absl::OkStatus();
}

absl::StatusOr<Json> Store::ListTeamsWithRole(const Caller& caller, const std::string& org,
                                              const std::string& id) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = MemberOrg(caller, org);
  if (!o.ok()) return o.status();
  if (absl::StatusOr<Role*> role = FindRole(**o, id); !role.ok()) return role.status();
  Json teams = Json::array();
  for (const auto& [name, team] : (*o)->teams) {
    if (std::count(team.role_ids.begin(), team.role_ids.end(), id)) {
      teams.push_back(TeamJson(state_, team, caller.login));
    }
  }
  return Json{{"teams", teams}};
}

absl::StatusOr<Json> Store::ListUsersWithRole(const Caller& caller, const std::string& org,
                                              const std::string& id) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = MemberOrg(caller, org);
  if (!o.ok()) return o.status();
  if (absl::StatusOr<Role*> role = FindRole(**o, id); !role.ok()) return role.status();
  Json users = Json::array();
  for (const auto& [login, member] : (*o)->members) {
    if (member.fga_role.id == id) users.push_back(UserInfoJson(state_, login, false));
  }
  return Json{{"users", users}};
}

absl::StatusOr<Json> Store::ListOrgTokensWithRole(const Caller& caller, const std::string& org,
                                                  const std::string& id) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = AdminOrg(caller, org);
  if (!o.ok()) return o.status();
  if (absl::StatusOr<Role*> role = FindRole(**o, id); !role.ok()) return role.status();
  Json tokens = Json::array();
  for (const auto& [value, token] : state_.tokens) {
    if (token.kind == TokenKind::kOrganization && token.org == org && token.role_id == id) {
      tokens.push_back(AccessTokenJson(*o, token));
    }
  }
  return Json{{"tokens", tokens}};
}

absl::StatusOr<Json> Store::ListTeamRoles(const Caller& caller, const std::string& org,
                                          const std::string& team) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = MemberOrg(caller, org);
  if (!o.ok()) return o.status();
  absl::StatusOr<Team*> t = FindTeam(**o, team);
  if (!t.ok()) return t.status();
  Json roles = Json::array();
  for (const std::string& id : (*t)->role_ids) {
    auto role = (*o)->roles.find(id);
    if (role != (*o)->roles.end()) roles.push_back(RoleJson(**o, role->second));
  }
  return Json{{"roles", roles}};
}

absl::Status Store::AddTeamRole(const Caller& caller, const std::string& org,
                                const std::string& team, const std::string& role_id) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = AdminOrg(caller, org);
  if (!o.ok()) return o.status();
  absl::StatusOr<Team*> t = FindTeam(**o, team);
  if (!t.ok()) return t.status();
  absl::StatusOr<Role*> role = FindRole(**o, role_id);
  if (!role.ok()) return role.status();
  std::vector<std::string>& ids = (*t)->role_ids;
  if (std::find(ids.begin(), ids.end(), role_id) == ids.end()) {
    ids.push_back(role_id);
    Audit(**o, caller, "team.role.add",
          absl::StrCat("Gave role \"", (*role)->name, "\" to team \"", team, "\""), true);
  }
  return absl::OkStatus();
}

absl::Status Store::RemoveTeamRole(const Caller& caller, const std::string& org,
                                   const std::string& team, const std::string& role_id) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = AdminOrg(caller, org);
  if (!o.ok()) return o.status();
  absl::StatusOr<Team*> t = FindTeam(**o, team);
  if (!t.ok()) return t.status();
  std::vector<std::string>& ids = (*t)->role_ids;
  auto it = std::find(ids.begin(), ids.end(), role_id);
  if (it == ids.end()) {
    return absl::NotFoundError(
        absl::StrCat("Not Found: Team '", team, "' does not hold role '", role_id, "'."));
  }
  ids.erase(it);
  Audit(**o, caller, "team.role.remove",
        absl::StrCat("Took role '", role_id, "' from team \"", team, "\""), true);
  return absl::OkStatus();
}

}  // namespace emulator
