// Routes: personal, organization and team access tokens.
#include "absl/strings/str_cat.h"
#include "emulator/paging.h"
#include "emulator/routes.h"

namespace emulator {
namespace {

absl::StatusOr<TokenListQuery> ParseTokenQuery(const RouteRequest& req) {
  TokenListQuery q;
  q.continuation_token = req.Query("continuationToken");
  q.filter = req.Query("filter");
  absl::StatusOr<int64_t> max = PageSize(req.Query("maxResults"), 0);
  if (!max.ok()) return max.status();
  q.max_results = *max;
  return q;
}

// Calls `list` with the parsed query; 400 when it does not parse.
Reply List(const RouteRequest& req,
           const std::function<absl::StatusOr<Json>(const TokenListQuery&)>& list) {
  absl::StatusOr<TokenListQuery> q = ParseTokenQuery(req);
  if (!q.ok()) return StatusReply(q.status());
  return ResultReply(list(*q));
}

}  // namespace

void AddTokenRoutes(Router& r, Store& store) {
  Store* s = &store;
  r.Add(
      "GET", "/api/user/tokens",
      [s](const RouteRequest& q) {
        return List(q, [&](const TokenListQuery& t) { return s->ListPersonalTokens(q.caller, t); });
      },
      kValidated);
  r.Add(
      "POST", "/api/user/tokens",
      [s](const RouteRequest& q) {
        return WithOptionalJsonBody(q, [&](const Json& body) {
          return ResultReply(s->CreatePersonalToken(q.caller, body));
        });
      },
      kValidated);
  r.Add(
      "DELETE", "/api/user/tokens/{id}",
      [s](const RouteRequest& q) {
        return DoneReply(s->DeletePersonalToken(q.caller, q.Param("id")));
      },
      kValidated);
  r.Add(
      "GET", "/api/orgs/{org}/tokens",
      [s](const RouteRequest& q) {
        return List(q, [&](const TokenListQuery& t) {
          return s->ListOrgTokens(q.caller, q.Param("org"), t);
        });
      },
      kValidated);
  r.Add(
      "POST", "/api/orgs/{org}/tokens",
      [s](const RouteRequest& q) {
        return WithOptionalJsonBody(q, [&](const Json& body) {
          return ResultReply(s->CreateOrgToken(q.caller, q.Param("org"), body));
        });
      },
      kValidated);
  r.Add(
      "DELETE", "/api/orgs/{org}/tokens/{id}",
      [s](const RouteRequest& q) {
        return DoneReply(s->DeleteOrgToken(q.caller, q.Param("org"), q.Param("id")));
      },
      kValidated);
  const std::string team = "/api/orgs/{org}/teams/{team}/tokens";
  r.Add(
      "GET", team,
      [s](const RouteRequest& q) {
        return List(q, [&](const TokenListQuery& t) {
          return s->ListTeamTokens(q.caller, q.Param("org"), q.Param("team"), t);
        });
      },
      kValidated);
  r.Add(
      "POST", team,
      [s](const RouteRequest& q) {
        return WithOptionalJsonBody(q, [&](const Json& body) {
          return ResultReply(s->CreateTeamToken(q.caller, q.Param("org"), q.Param("team"), body));
        });
      },
      kValidated);
  r.Add(
      "DELETE", absl::StrCat(team, "/{id}"),
      [s](const RouteRequest& q) {
        return DoneReply(
            s->DeleteTeamToken(q.caller, q.Param("org"), q.Param("team"), q.Param("id")));
      },
      kValidated);
}

}  // namespace emulator
