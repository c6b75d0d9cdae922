// Store: access tokens — personal, organization and team — listed, created and deleted. A created
// token authenticates at once; a deleted or expired one no longer does.
#include <algorithm>
#include <tuple>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "emulator/paging.h"
#include "emulator/params.h"
#include "emulator/store.h"
#include "emulator/wire.h"

namespace emulator {
namespace {

constexpr char kTokenScope[] = "tokens";

absl::Status Bad(absl::string_view message) {
  return absl::InvalidArgumentError(absl::StrCat("Bad Request: ", message));
}

// One page of `tokens` (already of one owner), oldest first, filtered by name/description.
absl::StatusOr<Json> TokenPage(std::vector<const AccessToken*> tokens, const Org* org,
                               const TokenListQuery& q) {
  std::string filter = absl::AsciiStrToLower(q.filter);
  auto matches = [&](const AccessToken* t) {
    return absl::StrContains(absl::AsciiStrToLower(t->name), filter) ||
           absl::StrContains(absl::AsciiStrToLower(t->description), filter);
  };
  tokens.erase(std::remove_if(tokens.begin(), tokens.end(),
                              [&](const AccessToken* t) { return !matches(t); }),
               tokens.end());
  std::sort(tokens.begin(), tokens.end(), [](const AccessToken* a, const AccessToken* b) {
    return std::tie(a->created, a->name, a->id) < std::tie(b->created, b->name, b->id);
  });
  size_t begin = 0;
  if (!q.continuation_token.empty()) {
    absl::StatusOr<std::string> pos = DecodeToken(kTokenScope, q.continuation_token);
    if (!pos.ok()) return pos.status();
    if (!absl::SimpleAtoi(*pos, &begin) || begin > tokens.size()) {
      return Bad("Invalid continuation token");
    }
  }
  size_t end = q.max_results > 0 ? std::min(tokens.size(), begin + q.max_results) : tokens.size();
  Json list = Json::array();
  for (size_t i = begin; i < end; ++i) list.push_back(AccessTokenJson(org, *tokens[i]));
  Json out = {{"tokens", list}};
  if (end < tokens.size()) out["continuationToken"] = EncodeToken(kTokenScope, absl::StrCat(end));
  return out;
}

absl::Status CheckExpiry(const Json& body, int64_t now) {
  int64_t expires = IntOr(body, "expires", 0);
  if (expires != 0 && expires <= now) return Bad("'expires' must be 0 (never) or in the future");
  return absl::OkStatus();
}

bool IsTeamAdmin(const Team& team, const Caller& caller) {
  return caller.token.kind == TokenKind::kPersonal &&
         std::any_of(team.members.begin(), team.members.end(), [&](const TeamMember& m) {
           return m.login == caller.login && m.role == "admin";
         });
}

}  // namespace

absl::StatusOr<Team*> Store::FindTeam(Org& org, const std::string& team) {
  auto it = org.teams.find(team);
  if (it == org.teams.end()) {
    return absl::NotFoundError(absl::StrCat("Not Found: Team '", team, "' not found."));
  }
  return &it->second;
}

absl::StatusOr<Json> Store::ListPersonalTokens(const Caller& caller, const TokenListQuery& query) {
  absl::MutexLock lock(&mu_);
  std::vector<const AccessToken*> mine;
  for (const auto& [value, token] : state_.tokens) {
    if (token.kind == TokenKind::kPersonal && caller.token.kind == TokenKind::kPersonal &&
        token.login == caller.login) {
      mine.push_back(&token);
    }
  }
  return TokenPage(std::move(mine), nullptr, query);
}

absl::StatusOr<Json> Store::CreatePersonalToken(const Caller& caller, const Json& body) {
  absl::MutexLock lock(&mu_);
  if (caller.token.kind != TokenKind::kPersonal) {
    return absl::PermissionDeniedError(
        "Forbidden: personal tokens are created with a personal token.");
  }
  int64_t now = absl::ToUnixSeconds(Now());
  if (absl::Status s = CheckExpiry(body, now); !s.ok()) return s;
  AccessToken token{TokenKind::kPersonal, "", caller.login, "", ""};
  token.id = NewUuid();
  token.description = StringOr(body, "description", "");
  token.name =
      token.description.empty() ? absl::StrCat("token-", token.id.substr(0, 8)) : token.description;
  token.created = now;
  token.expires = IntOr(body, "expires", 0);
  token.created_by = caller.login;
  std::string value = absl::StrFormat("pul-emulated-%016x%016x", rng_(), rng_());
  Json out = {{"id", token.id}, {"tokenValue", value}};
  state_.tokens.emplace(std::move(value), std::move(token));
  return out;
}

absl::Status Store::DeletePersonalToken(const Caller& caller, const std::string& id) {
  absl::MutexLock lock(&mu_);
  for (auto it = state_.tokens.begin(); it != state_.tokens.end(); ++it) {
    const AccessToken& t = it->second;
    if (t.kind == TokenKind::kPersonal && caller.token.kind == TokenKind::kPersonal &&
        t.login == caller.login && t.id == id) {
      state_.tokens.erase(it);
      return absl::OkStatus();
    }
  }
  return absl::NotFoundError(absl::StrCat("Not Found: Token '", id, "' not found."));
}

absl::StatusOr<Json> Store::ListOrgTokens(const Caller& caller, const std::string& org,
                                          const TokenListQuery& query) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = AdminOrg(caller, org);
  if (!o.ok()) return o.status();
  std::vector<const AccessToken*> tokens;
  for (const auto& [value, token] : state_.tokens) {
    if (token.kind == TokenKind::kOrganization && token.org == org) tokens.push_back(&token);
  }
  return TokenPage(std::move(tokens), *o, query);
}

absl::StatusOr<Json> Store::CreateOrgToken(const Caller& caller, const std::string& org,
                                           const Json& body) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = AdminOrg(caller, org);
  if (!o.ok()) return o.status();
  absl::StatusOr<std::string> name = RequiredString(body, "name");
  if (!name.ok()) return name.status();
  int64_t now = absl::ToUnixSeconds(Now());
  if (absl::Status s = CheckExpiry(body, now); !s.ok()) return s;
  std::string role = StringOr(body, "roleID", "");
  if (!role.empty() && !(*o)->roles.count(role))
    return Bad(absl::StrCat("unknown role '", role, "'"));
  for (const auto& [value, t] : state_.tokens) {
    if (t.kind == TokenKind::kOrganization && t.org == org && t.name == *name) {
      return absl::AlreadyExistsError(
          absl::StrCat("Conflict: Token '", *name, "' already exists."));
    }
  }
  AccessToken token{TokenKind::kOrganization, *name, "", org, ""};
  token.id = NewUuid();
  token.description = StringOr(body, "description", "");
  token.created = now;
  token.expires = IntOr(body, "expires", 0);
  token.created_by = caller.login;
  token.admin = BoolOr(body, "admin", false);
  token.role_id = role;
  std::string value = absl::StrFormat("pul-emulated-%016x%016x", rng_(), rng_());
  Json out = {{"id", token.id}, {"tokenValue", value}};
  state_.tokens.emplace(std::move(value), std::move(token));
  Audit(**o, caller, "org.token.create", absl::StrCat("Created organization token \"", *name, "\""),
        true);
  return out;
}

absl::Status Store::DeleteOrgToken(const Caller& caller, const std::string& org,
                                   const std::string& id) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = AdminOrg(caller, org);
  if (!o.ok()) return o.status();
  for (auto it = state_.tokens.begin(); it != state_.tokens.end(); ++it) {
    if (it->second.kind == TokenKind::kOrganization && it->second.org == org &&
        it->second.id == id) {
      std::string name = it->second.name;
      state_.tokens.erase(it);
      Audit(**o, caller, "org.token.delete",
            absl::StrCat("Deleted organization token \"", name, "\""), true);
      return absl::OkStatus();
    }
  }
  return absl::NotFoundError(absl::StrCat("Not Found: Token '", id, "' not found."));
}

absl::StatusOr<Json> Store::ListTeamTokens(const Caller& caller, const std::string& org,
                                           const std::string& team, const TokenListQuery& query) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = MemberOrg(caller, org);
  if (!o.ok()) return o.status();
  absl::StatusOr<Team*> t = FindTeam(**o, team);
  if (!t.ok()) return t.status();
  std::vector<const AccessToken*> tokens;
  for (const auto& [value, token] : state_.tokens) {
    if (token.kind == TokenKind::kTeam && token.org == org && token.team == team) {
      tokens.push_back(&token);
    }
  }
  return TokenPage(std::move(tokens), *o, query);
}

absl::StatusOr<Json> Store::CreateTeamToken(const Caller& caller, const std::string& org,
                                            const std::string& team, const Json& body) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = MemberOrg(caller, org);
  if (!o.ok()) return o.status();
  absl::StatusOr<Team*> t = FindTeam(**o, team);
  if (!t.ok()) return t.status();
  if (RoleIn(**o, caller) != "admin" && !IsTeamAdmin(**t, caller)) {
    return absl::PermissionDeniedError(absl::StrCat("Forbidden: Only admins of organization '", org,
                                                    "' or team '", team, "' may do this."));
  }
  absl::StatusOr<std::string> name = RequiredString(body, "name");
  if (!name.ok()) return name.status();
  int64_t now = absl::ToUnixSeconds(Now());
  if (absl::Status s = CheckExpiry(body, now); !s.ok()) return s;
  for (const auto& [value, tok] : state_.tokens) {
    if (tok.kind == TokenKind::kTeam && tok.org == org && tok.team == team && tok.name == *name) {
      return absl::AlreadyExistsError(
          absl::StrCat("Conflict: Token '", *name, "' already exists."));
    }
  }
  AccessToken token{TokenKind::kTeam, *name, "", org, team};
  token.id = NewUuid();
  token.description = StringOr(body, "description", "");
  token.created = now;
  token.expires = IntOr(body, "expires", 0);
  token.created_by = caller.login;
  token.admin = false;
  std::string value = absl::StrFormat("pul-emulated-%016x%016x", rng_(), rng_());
  Json out = {{"id", token.id}, {"tokenValue", value}};
  state_.tokens.emplace(std::move(value), std::move(token));
  Audit(**o, caller, "team.token.create",
        absl::StrCat("Created token \"", *name, "\" of team \"", team, "\""), false);
  return out;
}

absl::Status Store::DeleteTeamToken(const Caller& caller, const std::string& org,
                                    const std::string& team, const std::string& id) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = MemberOrg(caller, org);
  if (!o.ok()) return o.status();
  absl::StatusOr<Team*> t = FindTeam(**o, team);
  if (!t.ok()) return t.status();
  if (RoleIn(**o, caller) != "admin" && !IsTeamAdmin(**t, caller)) {
    return absl::PermissionDeniedError(absl::StrCat("Forbidden: Only admins of organization '", org,
                                                    "' or team '", team, "' may do this."));
  }
  for (auto it = state_.tokens.begin(); it != state_.tokens.end(); ++it) {
    const AccessToken& tok = it->second;
    if (tok.kind == TokenKind::kTeam && tok.org == org && tok.team == team && tok.id == id) {
      std::string name = tok.name;
      state_.tokens.erase(it);
      Audit(**o, caller, "team.token.delete",
            absl::StrCat("Deleted token \"", name, "\" of team \"", team, "\""), false);
      return absl::OkStatus();
    }
  }
  return absl::NotFoundError(absl::StrCat("Not Found: Token '", id, "' not found."));
}

}  // namespace emulator
