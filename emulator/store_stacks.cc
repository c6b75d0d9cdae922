// Store: stack listing, lifecycle (create, delete, transfer, rename), export and metadata.
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "emulator/paging.h"
#include "emulator/params.h"
#include "emulator/store.h"
#include "emulator/wire.h"

namespace emulator {
namespace {

constexpr char kKeySep = '\x1f';

absl::Status ValidateName(absl::string_view what, absl::string_view name) {
  bool ok = !name.empty() && name.size() <= 100;
  for (char c : name) {
    if (!absl::ascii_isalnum(c) && c != '-' && c != '_' && c != '.') ok = false;
  }
  if (ok) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat("Bad Request: invalid ", what, " name '", name, "'"));
}

absl::Status UpdateInProgress() {
  return absl::AbortedError("Conflict: Another update is currently in progress.");
}

bool MatchesFilters(const Stack& s, const StackListQuery& q) {
  if (!q.organization.empty() && s.org != q.organization) return false;
  if (!q.project.empty() && s.project != q.project) return false;
  if (!q.tag_name.empty()) {
    auto tag = s.tags.find(q.tag_name);
    if (tag == s.tags.end()) return false;
    if (!q.tag_value.empty() && tag->second != q.tag_value) return false;
  }
  return true;
}

// Drops (or renames, when `new_project` is set) the stack's entries in the org's teams.
void FixTeamStacks(Org& org, const std::string& project, const std::string& stack,
                   const std::string* new_project = nullptr,
                   const std::string* new_stack = nullptr) {
  for (auto& [name, team] : org.teams) {
    Json kept = Json::array();
    for (Json entry : team.stacks) {
      if (entry.value("projectName", "") == project && entry.value("stackName", "") == stack) {
        if (new_project == nullptr) continue;
        entry["projectName"] = *new_project;
        entry["stackName"] = *new_stack;
      }
      kept.push_back(std::move(entry));
    }
    team.stacks = std::move(kept);
  }
}

}  // namespace

absl::StatusOr<Json> Store::ListUserStacks(const Caller& caller, const StackListQuery& query) {
  absl::MutexLock lock(&mu_);
  auto it = state_.stacks.begin();
  if (!query.continuation_token.empty()) {
    absl::StatusOr<std::string> pos = DecodeToken("stacks", query.continuation_token);
    if (!pos.ok()) return pos.status();
    std::vector<std::string> parts = absl::StrSplit(*pos, kKeySep);
    if (parts.size() != 3) {
      return absl::InvalidArgumentError("Bad Request: Invalid continuation token");
    }
    it = state_.stacks.upper_bound(StackKey{parts[0], parts[1], parts[2]});
  }
  int64_t page = query.max_results > 0 ? query.max_results : options_.stacks_page_size;
  Json stacks = Json::array();
  Json out = Json::object();
  for (; it != state_.stacks.end(); ++it) {
    Stack& s = it->second;
    if (RoleIn(state_.orgs.at(s.org), caller).empty() || !MatchesFilters(s, query)) continue;
    if (static_cast<int64_t>(stacks.size()) == page) {  // one more exists: not the last page
      const Json& last = stacks.back();
      out["continuationToken"] = EncodeToken(
          "stacks", absl::StrCat(last["orgName"].get<std::string>(), std::string(1, kKeySep),
                                 last["projectName"].get<std::string>(), std::string(1, kKeySep),
                                 last["stackName"].get<std::string>()));
      break;
    }
    AdvanceLiveUpdates(s);
    stacks.push_back(StackSummaryJson(s));
  }
  out["stacks"] = std::move(stacks);
  return out;
}

absl::StatusOr<Json> Store::GetStack(const Caller& caller, const StackRef& ref) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  return StackJson(**stack);
}

absl::StatusOr<Json> Store::GetStackMetadata(const Caller& caller, const StackRef& ref) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  return StackMetadataJson(state_, **stack);
}

absl::StatusOr<Json> Store::GetResourceCount(const Caller& caller, const StackRef& ref) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  return Json{{"resourceCount", ResourceCount(CurrentState(**stack))},
              {"version", StackVersion(**stack)}};
}

absl::StatusOr<Json> Store::CreateStack(const Caller& caller, const std::string& org,
                                        const std::string& project, const Json& body) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = MemberOrg(caller, org);
  if (!o.ok()) return o.status();
  absl::StatusOr<std::string> name = RequiredString(body, "stackName");
  if (!name.ok()) return name.status();
  for (absl::Status s : {ValidateName("project", project), ValidateName("stack", *name)}) {
    if (!s.ok()) return s;
  }
  StackRef ref{org, project, *name};
  if (state_.stacks.count(StackKey{org, project, *name})) {
    return absl::AlreadyExistsError(
        absl::StrCat("Conflict: Stack '", StackLabel(ref), "' already exists."));
  }
  Stack s;
  s.id = NewUuid();
  s.org = org;
  s.project = project;
  s.name = *name;
  s.owner = caller.login;
  s.created = absl::ToUnixSeconds(Now());
  absl::StatusOr<std::optional<Json>> tags = OptionalObject(body, "tags");
  if (!tags.ok()) return tags.status();
  if (tags->has_value()) {
    for (const auto& [k, v] : (*tags)->items()) {
      if (!v.is_string() || k.empty()) {
        return absl::InvalidArgumentError("Bad Request: tags must map names to strings");
      }
      s.tags[k] = v.get<std::string>();
    }
  }
  s.tags["pulumi:project"] = project;
  for (const char* key : {"state", "config"}) {
    absl::StatusOr<std::optional<Json>> v = OptionalObject(body, key);
    if (!v.ok()) return v.status();
    if (v->has_value()) (key[0] == 's' ? s.initial_state : s.config) = **v;
  }
  if (body.contains("teams") && !body["teams"].is_null()) {
    if (!body["teams"].is_array()) {
      return absl::InvalidArgumentError("Bad Request: 'teams' must be an array");
    }
    for (const Json& t : body["teams"]) {
      if (!t.is_string() || !(*o)->teams.count(t.get<std::string>())) {
        return absl::InvalidArgumentError(absl::StrCat("Bad Request: unknown team ", t.dump()));
      }
    }
    for (const Json& t : body["teams"]) {
      (*o)->teams.at(t.get<std::string>())
          .stacks.push_back({{"projectName", project},
                             {"stackName", *name},
                             {"permission", 101},
                             {"permissionSetName", StackPermissionSetName(101)}});
    }
  }
  state_.stacks.emplace(StackKey{org, project, *name}, std::move(s));
  Audit(**o, caller, "stack.create", absl::StrCat("Created stack \"", project, "/", *name, "\""),
        false);
  return Json{{"messages", Json::array()}};
}

absl::Status Store::DeleteStack(const Caller& caller, const StackRef& ref, bool force) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  if (RunningUpdate(**stack) != nullptr) return UpdateInProgress();
  if (!force && ResourceCount(CurrentState(**stack)) > 0) {
    return absl::FailedPreconditionError("Bad Request: Stack still contains resources.");
  }
  state_.stacks.erase(StackKey{ref.org, ref.project, ref.stack});
  Org& org = state_.orgs.at(ref.org);
  FixTeamStacks(org, ref.project, ref.stack);
  Audit(
      org, caller, "stack.delete",
      absl::StrCat("Deleted stack \"", ref.project, "/", ref.stack, "\"", force ? " (forced)" : ""),
      false);
  return absl::OkStatus();
}

absl::StatusOr<Json> Store::ExportStack(const Caller& caller, const StackRef& ref,
                                        std::optional<int64_t> version) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  if (!version.has_value()) return CurrentState(**stack);
  if (*version < 1) return absl::InvalidArgumentError("Bad Request: invalid version");
  for (const UpdateRecord& u : (*stack)->updates) {
    if (u.version == *version && !u.state.is_null()) return u.state;
  }
  return absl::NotFoundError(absl::StrCat("Not Found: Version ", *version, " of stack '",
                                          StackLabel(ref), "' not found."));
}

absl::Status Store::TransferStack(const Caller& caller, const StackRef& ref, const Json& body) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  absl::StatusOr<std::string> to_org = RequiredString(body, "toOrg");
  if (!to_org.ok()) return to_org.status();
  const std::pair<const char*, const std::string*> extras[] = {
      {"fromOrg", &ref.org}, {"projectName", &ref.project}, {"stackName", &ref.stack}};
  for (const auto& [key, expected] : extras) {
    absl::StatusOr<std::optional<std::string>> v = OptionalString(body, key);
    if (!v.ok()) return v.status();
    if (v->has_value() && !(*v)->empty() && **v != *expected) {
      return absl::InvalidArgumentError(
          absl::StrCat("Bad Request: '", key, "' does not match the stack being transferred"));
    }
  }
  absl::StatusOr<Org*> dest = MemberOrg(caller, *to_org);
  if (!dest.ok()) return dest.status();
  if (*to_org == ref.org) {
    return absl::InvalidArgumentError("Bad Request: Stack already belongs to that organization.");
  }
  if (state_.stacks.count(StackKey{*to_org, ref.project, ref.stack})) {
    return absl::AlreadyExistsError(absl::StrCat("Conflict: Stack '", *to_org, "/", ref.project,
                                                 "/", ref.stack, "' already exists."));
  }
  if (RunningUpdate(**stack) != nullptr) return UpdateInProgress();
  auto node = state_.stacks.extract(StackKey{ref.org, ref.project, ref.stack});
  node.key() = StackKey{*to_org, ref.project, ref.stack};
  node.mapped().org = *to_org;
  state_.stacks.insert(std::move(node));
  Org& source = state_.orgs.at(ref.org);
  FixTeamStacks(source, ref.project, ref.stack);
  std::string description = absl::StrCat("Transferred stack \"", ref.project, "/", ref.stack,
                                         "\" from \"", ref.org, "\" to \"", *to_org, "\"");
  Audit(source, caller, "stack.transfer", description, false);
  Audit(**dest, caller, "stack.transfer", description, false);
  return absl::OkStatus();
}

absl::StatusOr<Json> Store::RenameStack(const Caller& caller, const StackRef& ref,
                                        const Json& body) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  absl::StatusOr<std::optional<std::string>> new_name = OptionalString(body, "newName");
  if (!new_name.ok()) return new_name.status();
  absl::StatusOr<std::optional<std::string>> new_project = OptionalString(body, "newProject");
  if (!new_project.ok()) return new_project.status();
  std::string name = new_name->value_or("");
  std::string project = new_project->value_or("");
  if (name.empty()) name = ref.stack;
  if (project.empty()) project = ref.project;
  if (name == ref.stack && project == ref.project) {
    return absl::InvalidArgumentError("Bad Request: No rename to apply.");
  }
  for (absl::Status s : {ValidateName("project", project), ValidateName("stack", name)}) {
    if (!s.ok()) return s;
  }
  if (state_.stacks.count(StackKey{ref.org, project, name})) {
    return absl::AlreadyExistsError(
        absl::StrCat("Conflict: Stack '", ref.org, "/", project, "/", name, "' already exists."));
  }
  if (RunningUpdate(**stack) != nullptr) return UpdateInProgress();
  auto node = state_.stacks.extract(StackKey{ref.org, ref.project, ref.stack});
  node.key() = StackKey{ref.org, project, name};
  Stack& s = node.mapped();
  s.project = project;
  s.name = name;
  s.tags["pulumi:project"] = project;
  UpdateRecord& rename = AppendUpdate(s, "rename", caller);
  std::string update_id = rename.id;
  state_.stacks.insert(std::move(node));
  Org& org = state_.orgs.at(ref.org);
  FixTeamStacks(org, ref.project, ref.stack, &project, &name);
  Audit(org, caller, "stack.rename",
        absl::StrCat("Renamed stack \"", ref.project, "/", ref.stack, "\" to \"", project, "/",
                     name, "\""),
        false);
  return Json{{"updateId", update_id}};
}

}  // namespace emulator
