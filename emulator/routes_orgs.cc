// Routes: organization members and teams.
#include "emulator/paging.h"
#include "emulator/routes.h"

namespace emulator {
namespace {

constexpr char kMember[] = "/api/orgs/{org}/members/{login}";
constexpr char kTeam[] = "/api/orgs/{org}/teams/{team}";

Reply ListMembers(Store& store, const RouteRequest& req) {
  std::string type = req.Query("type");
  if (!type.empty() && type != "frontend" && type != "backend") {
    return ErrorReply(400, "Bad Request: invalid query parameter 'type'");
  }
  absl::StatusOr<int64_t> max = PageSize(req.Query("maxResults"), 0);
  if (!max.ok()) return StatusReply(max.status());
  MembersQuery q;
  q.continuation_token = req.Query("continuationToken");
  q.max_results = *max;
  return ResultReply(store.ListMembers(req.caller, req.Param("org"), q));
}

}  // namespace

void AddOrgRoutes(Router& r, Store& store) {
  Store* s = &store;
  r.Add("GET", "/api/orgs/{org}/members",
        [s](const RouteRequest& q) { return ListMembers(*s, q); });
  r.Add("POST", kMember, [s](const RouteRequest& q) {
    return WithJsonBody(q, [&](const Json& body) {
      return ResultReply(s->AddMember(q.caller, q.Param("org"), q.Param("login"), body));
    });
  });
  r.Add("PATCH", kMember, [s](const RouteRequest& q) {
    return WithJsonBody(q, [&](const Json& body) {
      return DoneReply(s->UpdateMember(q.caller, q.Param("org"), q.Param("login"), body));
    });
  });
  r.Add("DELETE", kMember, [s](const RouteRequest& q) {
    return DoneReply(s->RemoveMember(q.caller, q.Param("org"), q.Param("login")));
  });
  r.Add("GET", "/api/orgs/{org}/teams",
        [s](const RouteRequest& q) { return ResultReply(s->ListTeams(q.caller, q.Param("org"))); });
  r.Add("GET", kTeam, [s](const RouteRequest& q) {
    return ResultReply(s->GetTeam(q.caller, q.Param("org"), q.Param("team")));
  });
  r.Add("POST", "/api/orgs/{org}/teams/pulumi", [s](const RouteRequest& q) {
    return WithJsonBody(q, [&](const Json& body) {
      return ResultReply(s->CreateTeam(q.caller, q.Param("org"), body), 201);
    });
  });
  r.Add("PATCH", kTeam, [s](const RouteRequest& q) {
    return WithJsonBody(q, [&](const Json& body) {
      return DoneReply(s->UpdateTeam(q.caller, q.Param("org"), q.Param("team"), body));
    });
  });
  r.Add("DELETE", kTeam, [s](const RouteRequest& q) {
    return DoneReply(s->DeleteTeam(q.caller, q.Param("org"), q.Param("team")));
  });
}

}  // namespace emulator
