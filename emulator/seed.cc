#include "emulator/seed.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "emulator/seed_resources.h"

namespace emulator {
namespace {

// The array at j[key] (absent or null: empty) without copying it, unlike Json::value(), which
// returns a copy: iterating a seed's arrays through value() copied the whole document several
// times over. Throws Json::type_error when the value is not an array.
const Json::array_t& ArrayAt(const Json& j, const char* key) {
  static const auto* const kEmpty = new Json::array_t();
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return *kEmpty;
  return it->get_ref<const Json::array_t&>();
}

User ParseUser(const Json& j) {
  User u;
  u.login = j.at("login").get<std::string>();
  u.name = j.value("name", u.login);
  u.avatar_url = j.value("avatarUrl", std::string());
  u.email = j.value("email", std::string());
  return u;
}

Member ParseMember(const Json& j) {
  Member m;
  m.login = j.at("login").get<std::string>();
  m.role = j.value("role", std::string("member"));
  m.created = j.value("created", std::string("2024-01-01T00:00:00Z"));
  m.virtual_admin = j.value("virtualAdmin", false);
  Json fga = j.value("fgaRole", Json::object());
  m.fga_role.id = fga.value("id", m.role);
  m.fga_role.name = fga.value("name", m.role == "admin" ? "Admin" : "Member");
  m.fga_role.modified_at = fga.value("modifiedAt", m.created);
  return m;
}

Team ParseTeam(const Json& j) {
  Team t;
  t.name = j.at("name").get<std::string>();
  t.kind = j.value("kind", std::string("pulumi"));
  t.display_name = j.value("displayName", t.name);
  t.description = j.value("description", std::string());
  for (const Json& m : ArrayAt(j, "members")) {
    t.members.push_back({m.at("login").get<std::string>(), m.value("role", "member")});
  }
  t.stacks = j.value("stacks", Json::array());
  t.environments = j.value("environments", Json::array());
  t.accounts = j.value("accounts", Json::array());
  t.role_ids = j.value("roleIds", std::vector<std::string>());
  return t;
}

AuditEvent ParseAuditEvent(const Json& j) {
  AuditEvent e;
  e.timestamp = j.at("timestamp").get<int64_t>();
  e.source_ip = j.value("sourceIP", std::string());
  e.event = j.at("event").get<std::string>();
  e.description = j.value("description", std::string());
  const Json& user = j.at("user");
  e.login = user.is_string() ? user.get<std::string>() : user.at("githubLogin").get<std::string>();
  e.token_id = j.value("tokenID", std::string());
  e.token_name = j.value("tokenName", std::string());
  e.actor_name = j.value("actorName", std::string());
  e.actor_urn = j.value("actorUrn", std::string());
  e.req_org_admin = j.value("reqOrgAdmin", false);
  e.req_stack_admin = j.value("reqStackAdmin", false);
  e.auth_failure = j.value("authFailure", false);
  return e;
}

UpdateRecord ParseUpdate(const Json& j, absl::Time now) {
  UpdateRecord u;
  u.id = j.at("updateID").get<std::string>();
  u.kind = j.value("kind", std::string("update"));
  u.version = j.at("version").get<int64_t>();
  u.status = j.value("status", std::string("succeeded"));
  u.info = j.value("info", Json::object());
  u.requested_by = j.value("requestedBy", std::string());
  u.github_commit_info = j.value("githubCommitInfo", Json());
  u.policy_packs = j.value("policyPacks", Json());
  u.requested_by_token = j.value("requestedByToken", std::string());
  const Json::array_t& events = ArrayAt(j, "events");
  const Json::array_t& legacy_events = ArrayAt(j, "legacyEvents");
  u.events.assign(events.begin(), events.end());
  u.legacy_events.assign(legacy_events.begin(), legacy_events.end());
  u.state = j.value("state", Json());
  if (j.contains("live")) {
    const Json& live = j["live"];
    u.live.scripted_events = live.value("events", Json::array());
    int count = live.value("eventCount", static_cast<int>(u.live.scripted_events.size()));
    StartLive(u, absl::Milliseconds(live.value("intervalMs", 1000)), count,
              live.value("finalStatus", std::string("succeeded")), now);
  }
  return u;
}

absl::Status Invalid(absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("seed: ", what));
}

// A token entry: {"name", "value"}, or (personal tokens only) the bare value, named
// "<login>-token-<n>". Messages name the owner, never the token value.
absl::Status AddToken(const Json& j, AccessToken token, size_t index, absl::string_view owner,
                      State& state) {
  std::string value;
  if (j.is_string() && token.kind == TokenKind::kPersonal) {
    value = j.get<std::string>();
    token.name = absl::StrCat(token.login, "-token-", index + 1);
  } else {
    value = j.at("value").get<std::string>();
    token.name = j.at("name").get<std::string>();
  }
  if (value.empty() || token.name.empty()) {
    return Invalid(absl::StrCat(owner, ": token value and name must not be empty"));
  }
  ParseTokenDetails(j, absl::StrCat(owner, "/", token.name), token);
  if (!state.tokens.emplace(std::move(value), std::move(token)).second) {
    return Invalid(absl::StrCat(owner, ": duplicate token"));
  }
  return absl::OkStatus();
}

// Organization tokens (`orgs[].tokens`) and team tokens (`orgs[].teams[].tokens`).
absl::Status AddOrgTokens(const Json& j, const Org& org, State& state) {
  const Json::array_t& org_tokens = ArrayAt(j, "tokens");
  for (size_t i = 0; i < org_tokens.size(); ++i) {
    AccessToken token{TokenKind::kOrganization, "", "", org.name, ""};
    absl::Status added = AddToken(org_tokens[i], token, i, absl::StrCat("org ", org.name), state);
    if (!added.ok()) return added;
  }
  for (const Json& t : ArrayAt(j, "teams")) {
    const Json::array_t& team_tokens = ArrayAt(t, "tokens");
    for (size_t i = 0; i < team_tokens.size(); ++i) {
      AccessToken token{TokenKind::kTeam, "", "", org.name, t.at("name").get<std::string>()};
      absl::Status added = AddToken(team_tokens[i], token, i,
                                    absl::StrCat("team ", org.name, "/", token.team), state);
      if (!added.ok()) return added;
    }
  }
  return absl::OkStatus();
}

absl::Status ParseStacks(const Json& seed, absl::Time now, State& state) {
  for (const Json& j : ArrayAt(seed, "stacks")) {
    Stack s;
    s.org = j.at("org").get<std::string>();
    s.project = j.at("project").get<std::string>();
    s.name = j.at("stack").get<std::string>();
    std::string label = absl::StrCat(s.org, "/", s.project, "/", s.name);
    if (!state.orgs.count(s.org)) return Invalid(absl::StrCat("stack ", label, ": unknown org"));
    s.id = j.value("id", label);
    s.tags = j.value("tags", std::map<std::string, std::string>());
    s.tags.emplace("pulumi:project", s.project);
    s.config = j.value("config", Json());
    s.initial_state = j.value("state", Json());
    s.owner = j.value("owner", std::string());
    s.created = j.value("created", int64_t{1700000000});
    for (const Json& w : ArrayAt(j, "webhooks")) {
      Webhook hook = ParseWebhook(w);
      std::string name = hook.name;
      if (!s.webhooks.emplace(name, std::move(hook)).second) {
        return Invalid(absl::StrCat("stack ", label, ": duplicate webhook ", name));
      }
    }
    s.deployment_settings = j.value("deploymentSettings", Json());
    for (const Json& d : ArrayAt(j, "deployments")) s.deployments.push_back(ParseDeployment(d));
    std::sort(s.deployments.begin(), s.deployments.end(),
              [](const Deployment& a, const Deployment& b) { return a.version < b.version; });
    std::set<int64_t> versions;
    for (const Json& u : ArrayAt(j, "updates")) {
      s.updates.push_back(ParseUpdate(u, now));
      if (!versions.insert(s.updates.back().version).second) {
        return Invalid(absl::StrCat("stack ", label, ": duplicate update version"));
      }
    }
    std::sort(s.updates.begin(), s.updates.end(),
              [](const UpdateRecord& a, const UpdateRecord& b) { return a.version < b.version; });
    const Json* prev = &s.initial_state;  // no copy per update: states can be large
    for (UpdateRecord& u : s.updates) {
      if (u.state.is_null()) u.state = *prev;
      prev = &u.state;
    }
    if (!state.stacks.emplace(StackKey{s.org, s.project, s.name}, std::move(s)).second) {
      return Invalid(absl::StrCat("duplicate stack ", label));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<State> ParseSeedOrThrow(const Json& seed, absl::Time now) {
  if (!seed.is_object()) return Invalid("document must be a JSON object");
  State state;
  for (const Json& j : ArrayAt(seed, "users")) {
    User u = ParseUser(j);
    const Json::array_t& tokens = ArrayAt(j, "tokens");
    for (size_t i = 0; i < tokens.size(); ++i) {
      AccessToken token{TokenKind::kPersonal, "", u.login, "", ""};
      absl::Status added = AddToken(tokens[i], token, i, absl::StrCat("user ", u.login), state);
      if (!added.ok()) return added;
    }
    std::string login = u.login;
    if (!state.users.emplace(login, std::move(u)).second) {
      return Invalid(absl::StrCat("duplicate user ", login));
    }
  }
  std::vector<AuditEvent> audit;  // all orgs, for global sequence numbers
  for (const Json& j : ArrayAt(seed, "orgs")) {
    Org org;
    org.name = j.at("name").get<std::string>();
    org.display_name = j.value("displayName", org.name);
    org.avatar_url = j.value("avatarUrl", std::string());
    org.audit_logs_enabled = j.value("auditLogsEnabled", true);
    for (const Json& m : ArrayAt(j, "members")) {
      Member member = ParseMember(m);
      if (!state.users.count(member.login)) {
        return Invalid(absl::StrCat("org ", org.name, ": unknown member ", member.login));
      }
      org.members[member.login] = member;
    }
    for (const Json& t : ArrayAt(j, "teams")) {
      Team team = ParseTeam(t);
      for (const TeamMember& tm : team.members) {
        if (!org.members.count(tm.login)) {
          return Invalid(absl::StrCat("team ", team.name, ": ", tm.login, " is not a member"));
        }
      }
      org.teams[team.name] = team;
    }
    for (const Json& r : ArrayAt(j, "roles")) {
      Role role = ParseRole(r);
      std::string id = role.id;
      if (!org.roles.emplace(id, std::move(role)).second) {
        return Invalid(absl::StrCat("org ", org.name, ": duplicate role ", id));
      }
    }
    for (const Json& w : ArrayAt(j, "webhooks")) {
      Webhook hook = ParseWebhook(w);
      std::string name = hook.name;
      if (!org.webhooks.emplace(name, std::move(hook)).second) {
        return Invalid(absl::StrCat("org ", org.name, ": duplicate webhook ", name));
      }
    }
    absl::Status tokens = AddOrgTokens(j, org, state);
    if (!tokens.ok()) return tokens;
    std::vector<AuditEvent> events;
    for (const Json& e : ArrayAt(j, "auditLogs")) events.push_back(ParseAuditEvent(e));
    std::stable_sort(events.begin(), events.end(), [](const AuditEvent& a, const AuditEvent& b) {
      return a.timestamp < b.timestamp;
    });
    for (AuditEvent& e : events) {
      e.seq = state.next_audit_seq++;
      org.audit_log.push_back(e);
    }
    std::string name = org.name;
    if (!state.orgs.emplace(name, std::move(org)).second) {
      return Invalid(absl::StrCat("duplicate org ", name));
    }
  }
  absl::Status stacks = ParseStacks(seed, now, state);
  if (!stacks.ok()) return stacks;
  return state;
}

}  // namespace

absl::StatusOr<Json> LoadSeedFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read seed file ", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  Json doc = Json::parse(buffer.str(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    return absl::InvalidArgumentError(absl::StrCat("seed file ", path, " is not valid JSON"));
  }
  return doc;
}

absl::StatusOr<State> ParseSeed(const Json& seed, absl::Time now) {
  try {
    return ParseSeedOrThrow(seed, now);
  } catch (const Json::exception& e) {
    return Invalid(e.what());
  }
}

void StartLive(UpdateRecord& update, absl::Duration interval, int total_events,
               const std::string& final_status, absl::Time now) {
  update.status = "running";
  update.live.active = true;
  update.live.start = now;
  update.live.interval = interval;
  update.live.total_events = total_events;
  update.live.emitted = 0;
  update.live.final_status = final_status;
  update.info["endTime"] = 0;
  if (!update.info.contains("startTime")) update.info["startTime"] = absl::ToUnixSeconds(now);
}

}  // namespace emulator
