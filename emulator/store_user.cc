// Store: the current user (GET /api/user) for personal, organization and team tokens.
#include "absl/strings/str_cat.h"
#include "emulator/store.h"
#include "emulator/wire.h"

namespace emulator {

absl::StatusOr<Json> Store::GetCurrentUser(const Caller& caller) {
  absl::MutexLock lock(&mu_);
  Json token_info = {{"name", caller.token.name}};
  Json organizations = Json::array();
  Json out;
  if (caller.token.kind == TokenKind::kPersonal) {
    auto user = state_.users.find(caller.login);
    if (user == state_.users.end()) {
      return absl::NotFoundError(absl::StrCat("Not Found: User '", caller.login, "' not found."));
    }
    const User& u = user->second;
    out = {{"name", u.name},
           {"githubLogin", u.login},
           {"avatarUrl", u.avatar_url},
           {"email", u.email}};
    for (const auto& [name, org] : state_.orgs) {
      if (org.members.count(u.login)) organizations.push_back(OrgSummaryJson(org));
    }
  } else {
    // As in the service: the identity of an org or team token is the organization itself, so
    // the token's name and team are the only way to tell tokens apart.
    auto org = state_.orgs.find(caller.token.org);
    if (org == state_.orgs.end()) {
      return absl::NotFoundError(
          absl::StrCat("Not Found: Organization '", caller.token.org, "' not found."));
    }
    const Org& o = org->second;
    out = {{"name", o.name}, {"githubLogin", o.name}, {"avatarUrl", o.avatar_url}, {"email", ""}};
    organizations.push_back(OrgSummaryJson(o));
    token_info["organization"] = o.name;
    if (caller.token.kind == TokenKind::kTeam) token_info["team"] = caller.token.team;
  }
  out["organizations"] = std::move(organizations);
  out["tokenInfo"] = std::move(token_info);
  return out;
}

}  // namespace emulator
