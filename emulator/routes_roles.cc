// Routes: a member's teams, custom roles, and the roles teams hold.
#include "absl/strings/str_cat.h"
#include "emulator/routes.h"

namespace emulator {

void AddRoleRoutes(Router& r, Store& store) {
  Store* s = &store;
  const std::string roles = "/api/orgs/{org}/roles";
  const std::string role = absl::StrCat(roles, "/{role}");
  r.Add(
      "GET", "/api/orgs/{org}/members/{login}/teams",
      [s](const RouteRequest& q) {
        return ResultReply(s->ListMemberTeams(q.caller, q.Param("org"), q.Param("login")));
      },
      kValidated);
  r.Add(
      "GET", roles,
      [s](const RouteRequest& q) {
        return ResultReply(s->ListRoles(q.caller, q.Param("org"), q.Query("uxPurpose")));
      },
      kValidated);
  r.Add(
      "POST", roles,
      [s](const RouteRequest& q) {
        return WithOptionalJsonBody(q, [&](const Json& body) {
          return ResultReply(s->CreateRole(q.caller, q.Param("org"), body));
        });
      },
      kValidated);
  r.Add(
      "GET", role,
      [s](const RouteRequest& q) {
        return ResultReply(s->GetRole(q.caller, q.Param("org"), q.Param("role")));
      },
      kValidated);
  r.Add(
      "PATCH", role,
      [s](const RouteRequest& q) {
        return WithOptionalJsonBody(q, [&](const Json& body) {
          return ResultReply(s->UpdateRole(q.caller, q.Param("org"), q.Param("role"), body));
        });
      },
      kValidated);
  r.Add(
      "DELETE", role,
      [s](const RouteRequest& q) {
        return DoneReply(
            s->DeleteRole(q.caller, q.Param("org"), q.Param("role"), QueryBool(q, "force", false)));
      },
      kValidated);
  r.Add(
      "PATCH", absl::StrCat(role, "/default"),
      [s](const RouteRequest& q) {
        return DoneReply(s->SetDefaultRole(q.caller, q.Param("org"), q.Param("role")));
      },
      kValidated);
  r.Add(
      "GET", absl::StrCat(role, "/teams"),
      [s](const RouteRequest& q) {
        return ResultReply(s->ListTeamsWithRole(q.caller, q.Param("org"), q.Param("role")));
      },
      kValidated);
  r.Add(
      "GET", absl::StrCat(role, "/users"),
      [s](const RouteRequest& q) {
        return ResultReply(s->ListUsersWithRole(q.caller, q.Param("org"), q.Param("role")));
      },
      kValidated);
  r.Add(
      "GET", absl::StrCat(role, "/tokens"),
      [s](const RouteRequest& q) {
        return ResultReply(s->ListOrgTokensWithRole(q.caller, q.Param("org"), q.Param("role")));
      },
      kValidated);
  const std::string team_roles = "/api/orgs/{org}/teams/{team}/roles";
  r.Add(
      "GET", team_roles,
      [s](const RouteRequest& q) {
        return ResultReply(s->ListTeamRoles(q.caller, q.Param("org"), q.Param("team")));
      },
      kValidated);
  r.Add(
      "POST", absl::StrCat(team_roles, "/{role}"),
      [s](const RouteRequest& q) {
        return DoneReply(
            s->AddTeamRole(q.caller, q.Param("org"), q.Param("team"), q.Param("role")));
      },
      kValidated);
  r.Add(
      "DELETE", absl::StrCat(team_roles, "/{role}"),
      [s](const RouteRequest& q) {
        return DoneReply(
            s->RemoveTeamRole(q.caller, q.Param("org"), q.Param("team"), q.Param("role")));
      },
      kValidated);
}

}  // namespace emulator
