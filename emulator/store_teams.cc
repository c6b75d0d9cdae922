// Store: teams (list, get, create, PATCH with UpdateTeamRequest, delete).
#include <algorithm>
#include <functional>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "emulator/params.h"
#include "emulator/store.h"
#include "emulator/wire.h"

namespace emulator {
namespace {

absl::Status Bad(absl::string_view message) {
  return absl::InvalidArgumentError(absl::StrCat("Bad Request: ", message));
}

absl::Status ValidateDisplayName(absl::string_view name) {
  if (name.size() > 100) return Bad("Display name must be 100 characters or fewer.");
  return absl::OkStatus();
}

// Index of the entry of `list` whose `key_a`/`key_b` fields equal a/b, or -1.
int FindEntry(const Json& list, const char* key_a, const std::string& a, const char* key_b,
              const std::string& b) {
  for (size_t i = 0; i < list.size(); ++i) {
    if (list[i].value(key_a, "") == a && list[i].value(key_b, "") == b) return static_cast<int>(i);
  }
  return -1;
}

struct Change {
  std::string event;
  std::string description;
};

// Applies one {add,edit,remove}{Stack,Environment} operation to `list`.
// `op` is "add", "edit" or "remove"; `value` builds the stored entry from the request object.
absl::Status ApplyPermissionOp(const std::string& op, const Json& request, const char* key_b,
                               Json& list, const std::function<absl::StatusOr<Json>()>& value) {
  absl::StatusOr<std::string> project = RequiredString(request, "projectName");
  if (!project.ok()) return project.status();
  absl::StatusOr<std::string> name = RequiredString(request, key_b);
  if (!name.ok()) return name.status();
  int index = FindEntry(list, "projectName", *project, key_b, *name);
  std::string label = absl::StrCat(*project, "/", *name);
  if (op == "add" && index >= 0) return Bad(absl::StrCat("'", label, "' is already granted."));
  if (op != "add" && index < 0) return Bad(absl::StrCat("'", label, "' is not granted."));
  if (op == "remove") {
    list.erase(list.begin() + index);
    return absl::OkStatus();
  }
  absl::StatusOr<Json> entry = value();
  if (!entry.ok()) return entry.status();
  if (op == "add") {
    list.push_back(*entry);
  } else {
    list[index] = *entry;
  }
  return absl::OkStatus();
}

absl::StatusOr<Json> StackEntry(const Json& request) {
  absl::StatusOr<std::optional<int64_t>> permission = OptionalInt(request, "permission");
  if (!permission.ok()) return permission.status();
  int64_t p = permission->value_or(-1);
  if (StackPermissionSetName(p).empty()) return Bad("invalid stack permission");
  return Json{{"projectName", request["projectName"]},
              {"stackName", request["stackName"]},
              {"permission", p},
              {"permissionSetName", StackPermissionSetName(p)}};
}

absl::StatusOr<Json> EnvironmentEntry(const Json& request) {
  absl::StatusOr<std::string> permission = RequiredString(request, "permission");
  if (!permission.ok()) return permission.status();
  static const char* kValid[] = {"none", "read", "open", "write", "admin"};
  if (std::find(std::begin(kValid), std::end(kValid), *permission) == std::end(kValid)) {
    return Bad("invalid environment permission");
  }
  Json entry = {{"projectName", request["projectName"]},
                {"envName", request["envName"]},
                {"permission", *permission}};
  absl::StatusOr<std::optional<std::string>> max_open = OptionalString(request, "maxOpenDuration");
  if (!max_open.ok()) return max_open.status();
  if (max_open->has_value()) entry["maxOpenDuration"] = **max_open;
  return entry;
}

absl::Status ApplyMemberAction(const Org& org, const Json& body, Team& team,
                               std::vector<Change>& changes) {
  absl::StatusOr<std::optional<std::string>> action = OptionalString(body, "memberAction");
  if (!action.ok()) return action.status();
  absl::StatusOr<std::optional<std::string>> member = OptionalString(body, "member");
  if (!member.ok()) return member.status();
  if (!action->has_value() && !member->has_value()) return absl::OkStatus();
  if (action->value_or("").empty() || member->value_or("").empty()) {
    return Bad("'memberAction' and 'member' go together");
  }
  const std::string& login = **member;
  if (!org.members.count(login)) {
    return Bad(absl::StrCat("User '", login, "' is not a member of the organization."));
  }
  auto it = std::find_if(team.members.begin(), team.members.end(),
                         [&](const TeamMember& m) { return m.login == login; });
  bool in_team = it != team.members.end();
  const std::string& a = **action;
  if (a == "add") {
    if (in_team) return Bad(absl::StrCat("User '", login, "' is already in the team."));
    team.members.push_back({login, "member"});
    changes.push_back(
        {"team.member.add", absl::StrCat("Added \"", login, "\" to team \"", team.name, "\"")});
    return absl::OkStatus();
  }
  if (a != "remove" && a != "promote" && a != "demote") {
    return Bad("'memberAction' must be add, remove, promote or demote");
  }
  if (!in_team) return Bad(absl::StrCat("User '", login, "' is not in the team."));
  if (a == "remove") {
    team.members.erase(it);
    changes.push_back({"team.member.remove",
                       absl::StrCat("Removed \"", login, "\" from team \"", team.name, "\"")});
  } else {
    it->role = a == "promote" ? "admin" : "member";
    changes.push_back(
        {"team.member.role.changed", absl::StrCat("Changed role of \"", login, "\" in team \"",
                                                  team.name, "\" to ", it->role)});
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Json> Store::ListTeams(const Caller& caller, const std::string& org) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = MemberOrg(caller, org);
  if (!o.ok()) return o.status();
  Json teams = Json::array();
  for (const auto& [name, team] : (*o)->teams)
    teams.push_back(TeamJson(state_, team, caller.login));
  return Json{{"teams", teams}};
}

absl::StatusOr<Json> Store::GetTeam(const Caller& caller, const std::string& org,
                                    const std::string& team) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = MemberOrg(caller, org);
  if (!o.ok()) return o.status();
  auto it = (*o)->teams.find(team);
  if (it == (*o)->teams.end()) {
    return absl::NotFoundError(absl::StrCat("Not Found: Team '", team, "' not found."));
  }
  return TeamJson(state_, it->second, caller.login);
}

absl::StatusOr<Json> Store::CreateTeam(const Caller& caller, const std::string& org,
                                       const Json& body) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = AdminOrg(caller, org);
  if (!o.ok()) return o.status();
  absl::StatusOr<std::string> name = RequiredString(body, "name");
  if (!name.ok()) return name.status();
  for (char c : *name) {
    if (!absl::ascii_isalnum(c) && c != '-' && c != '_' && c != '.') {
      return Bad(absl::StrCat("invalid team name '", *name, "'"));
    }
  }
  absl::StatusOr<std::optional<std::string>> display = OptionalString(body, "displayName");
  if (!display.ok()) return display.status();
  absl::StatusOr<std::optional<std::string>> description = OptionalString(body, "description");
  if (!description.ok()) return description.status();
  absl::StatusOr<std::optional<std::string>> type = OptionalString(body, "teamType");
  if (!type.ok()) return type.status();
  if (type->value_or("pulumi") != "pulumi") return Bad("only pulumi teams can be created here");
  absl::Status valid = ValidateDisplayName(display->value_or(""));
  if (!valid.ok()) return valid;
  if ((*o)->teams.count(*name)) {
    return absl::AlreadyExistsError(absl::StrCat("Conflict: Team '", *name, "' already exists."));
  }
  Team team;
  team.name = *name;
  team.display_name = display->value_or("").empty() ? *name : **display;
  team.description = description->value_or("");
  (*o)->teams[*name] = team;
  Audit(**o, caller, "team.create", absl::StrCat("Created team \"", *name, "\""), true);
  return TeamJson(state_, team, caller.login);
}

absl::Status Store::UpdateTeam(const Caller& caller, const std::string& org,
                               const std::string& team_name, const Json& body) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = AdminOrg(caller, org);
  if (!o.ok()) return o.status();
  auto it = (*o)->teams.find(team_name);
  if (it == (*o)->teams.end()) {
    return absl::NotFoundError(absl::StrCat("Not Found: Team '", team_name, "' not found."));
  }
  Team team = it->second;  // applied only if every change is valid
  std::vector<Change> changes;
  struct Field {
    const char* key;
    std::string Team::*field;
  };
  for (const Field& f : {Field{"newDisplayName", &Team::display_name},
                         Field{"newDescription", &Team::description}}) {
    absl::StatusOr<std::optional<std::string>> v = OptionalString(body, f.key);
    if (!v.ok()) return v.status();
    if (!v->has_value() || (*v)->empty()) continue;
    if (f.field == &Team::display_name) {
      absl::Status valid = ValidateDisplayName(**v);
      if (!valid.ok()) return valid;
    }
    team.*f.field = **v;
    changes.push_back({"team.update", absl::StrCat(f.key, " on team \"", team.name, "\"")});
  }
  absl::Status members = ApplyMemberAction(**o, body, team, changes);
  if (!members.ok()) return members;
  struct Op {
    const char* key;
    const char* op;
    bool stack;
  };
  static const Op kOps[] = {{"addStackPermission", "add", true},
                            {"editStackPermission", "edit", true},
                            {"removeStack", "remove", true},
                            {"addEnvironmentPermission", "add", false},
                            {"editEnvironmentPermission", "edit", false},
                            {"removeEnvironment", "remove", false}};
  for (const Op& op : kOps) {
    absl::StatusOr<std::optional<Json>> request = OptionalObject(body, op.key);
    if (!request.ok()) return request.status();
    if (!request->has_value()) continue;
    const Json& r = **request;
    if (op.stack && std::string(op.op) == "add" &&
        !state_.stacks.count(StackKey{org, r.value("projectName", ""), r.value("stackName", "")})) {
      return Bad("addStackPermission names an unknown stack");
    }
    absl::Status s = op.stack ? ApplyPermissionOp(op.op, r, "stackName", team.stacks,
                                                  [&] { return StackEntry(r); })
                              : ApplyPermissionOp(op.op, r, "envName", team.environments,
                                                  [&] { return EnvironmentEntry(r); });
    if (!s.ok()) return s;
    changes.push_back(
        {absl::StrCat("team.", op.stack ? "stack." : "environment.", op.op),
         absl::StrCat(op.key, " on team \"", team.name, "\": ", r.value("projectName", ""), "/",
                      r.value(op.stack ? "stackName" : "envName", ""))});
  }
  if (changes.empty()) return Bad("No changes to apply.");
  it->second = std::move(team);
  for (const Change& c : changes) Audit(**o, caller, c.event, c.description, true);
  return absl::OkStatus();
}

absl::Status Store::DeleteTeam(const Caller& caller, const std::string& org,
                               const std::string& team) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = AdminOrg(caller, org);
  if (!o.ok()) return o.status();
  if (!(*o)->teams.erase(team)) {
    return absl::NotFoundError(absl::StrCat("Not Found: Team '", team, "' not found."));
  }
  Audit(**o, caller, "team.delete", absl::StrCat("Deleted team \"", team, "\""), true);
  return absl::OkStatus();
}

}  // namespace emulator
