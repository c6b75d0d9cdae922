#include "emulator/wire.h"

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"

namespace emulator {

std::string FormatRfc3339(int64_t unix_seconds) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", absl::FromUnixSeconds(unix_seconds),
                          absl::UTCTimeZone());
}

Json UserInfoJson(const State& state, absl::string_view login, bool with_email) {
  Json out = {{"name", std::string(login)}, {"githubLogin", std::string(login)}, {"avatarUrl", ""}};
  auto it = state.users.find(std::string(login));
  if (it == state.users.end()) return out;
  out["name"] = it->second.name;
  out["avatarUrl"] = it->second.avatar_url;
  if (with_email && !it->second.email.empty()) out["email"] = it->second.email;
  return out;
}

Json OrgSummaryJson(const Org& org) {
  return {{"githubLogin", org.name}, {"name", org.display_name}, {"avatarUrl", org.avatar_url}};
}

Json CurrentState(const Stack& stack) {
  if (!stack.updates.empty() && !stack.updates.back().state.is_null()) {
    return stack.updates.back().state;
  }
  if (!stack.initial_state.is_null()) return stack.initial_state;
  return Json{
      {"version", 3},
      {"deployment",
       {{"manifest", {{"time", FormatRfc3339(stack.created)}, {"magic", ""}, {"version", ""}}},
        {"resources", Json::array()}}}};
}

int64_t ResourceCount(const Json& untyped_deployment) {
  auto dep = untyped_deployment.find("deployment");
  if (dep == untyped_deployment.end() || !dep->is_object()) return 0;
  auto res = dep->find("resources");
  if (res == dep->end() || !res->is_array()) return 0;
  return static_cast<int64_t>(res->size());
}

int64_t StackVersion(const Stack& stack) {
  return stack.updates.empty() ? 0 : stack.updates.back().version;
}

const UpdateRecord* RunningUpdate(const Stack& stack) {
  for (const UpdateRecord& u : stack.updates) {
    if (u.status == "running" || u.status == "requested" || u.status == "not started") return &u;
  }
  return nullptr;
}

std::string ResultForStatus(absl::string_view status) {
  if (status == "running") return "in-progress";
  if (status == "succeeded") return "succeeded";
  if (status == "failed" || status == "cancelled") return "failed";
  return "not-started";
}

Json StackSummaryJson(const Stack& stack) {
  Json out = {{"id", stack.id},
              {"orgName", stack.org},
              {"projectName", stack.project},
              {"stackName", stack.name},
              {"resourceCount", ResourceCount(CurrentState(stack))},
              {"links",
               {{"self", absl::StrCat(kConsoleBase, "/", stack.org, "/", stack.project, "/",
                                      stack.name)}}}};
  if (!stack.updates.empty()) {
    out["lastUpdate"] = stack.updates.back().info.value("startTime", int64_t{0});
  }
  return out;
}

Json StackJson(const Stack& stack) {
  Json out = {{"id", stack.id},
              {"orgName", stack.org},
              {"projectName", stack.project},
              {"stackName", stack.name},
              {"activeUpdate", stack.updates.empty() ? "" : stack.updates.back().id},
              {"tags", Json(stack.tags)},
              {"version", StackVersion(stack)}};
  if (!stack.config.is_null()) out["config"] = stack.config;
  if (const UpdateRecord* running = RunningUpdate(stack)) {
    out["currentOperation"] = {{"kind", running->kind},
                               {"author", running->requested_by},
                               {"started", running->info.value("startTime", int64_t{0})}};
  }
  return out;
}

Json StackMetadataJson(const State& state, const Stack& stack) {
  return {
      {"orgName", stack.org},
      {"projectName", stack.project},
      {"stackName", stack.name},
      {"ownedBy", UserInfoJson(state, stack.owner, /*with_email=*/false)},
      {"notificationSettings", {{"notifyUpdateFailure", true}, {"notifyUpdateSuccess", false}}}};
}

Json UpdateInfoCliJson(const UpdateRecord& update) {
  const Json& in = update.info;
  Json out = {{"kind", update.kind},
              {"startTime", in.value("startTime", int64_t{0})},
              {"message", in.value("message", std::string())},
              {"environment", in.contains("environment") ? in["environment"] : Json::object()},
              {"config", in.contains("config") ? in["config"] : Json::object()},
              {"result", ResultForStatus(update.status)},
              {"endTime", in.value("endTime", int64_t{0})},
              {"version", update.version}};
  if (in.contains("resourceChanges")) out["resourceChanges"] = in["resourceChanges"];
  if (in.contains("resourceCount")) out["resourceCount"] = in["resourceCount"];
  return out;
}

Json UpdateInfoServiceJson(const State& state, const Stack& stack, const UpdateRecord& update) {
  Json out = {{"info", UpdateInfoCliJson(update)},
              {"updateID", update.id},
              {"version", update.version},
              {"latestVersion", StackVersion(stack)},
              {"requestedBy", UserInfoJson(state, update.requested_by, /*with_email=*/false)}};
  if (!update.github_commit_info.is_null()) out["githubCommitInfo"] = update.github_commit_info;
  if (!update.policy_packs.is_null()) out["policyPacks"] = update.policy_packs;
  if (!update.requested_by_token.empty()) out["requestedByToken"] = update.requested_by_token;
  return out;
}

Json MemberJson(const State& state, const Org& org, const Member& member) {
  Json teams = Json::array();
  for (const auto& [name, team] : org.teams) {
    for (const TeamMember& tm : team.members) {
      if (tm.login == member.login) teams.push_back(name);
    }
  }
  return {
      {"role", member.role},
      {"user", UserInfoJson(state, member.login, /*with_email=*/true)},
      {"created", member.created},
      {"knownToPulumi", true},
      {"virtualAdmin", member.virtual_admin},
      {"links",
       {{"self", absl::StrCat(kConsoleBase, "/", org.name, "/settings/members/", member.login)}}},
      {"fgaRole",
       {{"id", member.fga_role.id},
        {"name", member.fga_role.name},
        {"modifiedAt", member.fga_role.modified_at}}},
      {"teams", teams}};
}

Json TeamJson(const State& state, const Team& team, absl::string_view caller) {
  Json members = Json::array();
  std::string user_role = "none";
  for (const TeamMember& tm : team.members) {
    Json m = UserInfoJson(state, tm.login, /*with_email=*/false);
    m["role"] = tm.role;
    members.push_back(m);
    if (tm.login == caller) user_role = tm.role;
  }
  return {{"kind", team.kind},
          {"name", team.name},
          {"displayName", team.display_name},
          {"description", team.description},
          {"members", members},
          {"stacks", team.stacks},
          {"environments", team.environments},
          {"accounts", team.accounts},
          {"listMembersError", ""},
          {"userRole", user_role},
          {"roleIds", Json(team.role_ids)}};
}

Json AuditEventJson(const State& state, const AuditEvent& e) {
  return {{"timestamp", e.timestamp},
          {"sourceIP", e.source_ip},
          {"event", e.event},
          {"description", e.description},
          {"user", UserInfoJson(state, e.login, /*with_email=*/false)},
          {"tokenID", e.token_id},
          {"tokenName", e.token_name},
          {"reqOrgAdmin", e.req_org_admin},
          {"reqStackAdmin", e.req_stack_admin},
          {"authFailure", e.auth_failure},
          {"actorName", e.actor_name},
          {"actorUrn", e.actor_urn}};
}

std::string StackPermissionSetName(int64_t permission) {
  switch (permission) {
    case 0:
      return "None";
    case 101:
      return "Stack Read";
    case 102:
      return "Stack Write";
    case 103:
      return "Stack Admin";
    case 104:
      return "Stack Creator";
    default:
      return "";
  }
}

}  // namespace emulator
