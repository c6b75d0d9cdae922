// HTTP: custom roles, the roles teams hold and a member's teams (stateful).
#include <string>

#include "emulator/server_test_util.h"

namespace emulator {
namespace {

const std::string kRoles = "/api/orgs/acme-corp/roles";
const std::string kOperator = "7d3c9a10-2b4e-4f61-9a8b-5c6d7e8f9012";

TEST_F(EmulatorHttpTest, RolesCreateReadUpdateDelete) {
  HttpResult r = Call("GET", kRoles + "?uxPurpose=role", kRkumarToken);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json["roles"].size(), 1u);
  EXPECT_EQ(r.json["roles"][0]["name"], "Payments Operator");
  EXPECT_EQ(r.json["roles"][0]["details"]["__type"], "PermissionDescriptorAllow");
  EXPECT_EQ(Call("GET", kRoles + "?uxPurpose=policy", kRkumarToken).json["roles"].size(), 0u);
  ExpectError(Call("GET", kRoles, kRkumarToken), 400,
              "missing required query parameter 'uxPurpose'");

  Json role = {
      {"name", "Auditor"},
      {"description", "Reads audit logs"},
      {"uxPurpose", "role"},
      {"details", {{"__type", "PermissionDescriptorAllow"}, {"permissions", {"audit_logs:read"}}}}};
  ExpectError(Call("POST", kRoles, kRkumarToken, role), 403, "Only admins");
  ExpectError(Call("POST", kRoles, kJdoeToken, Json{{"uxPurpose", "boss"}}), 400,
              "body field 'uxPurpose' must be one of role, role_private");
  r = Call("POST", kRoles, kJdoeToken, role);
  ASSERT_EQ(r.status, 200) << r.body;
  std::string id = r.json["id"];
  EXPECT_EQ(r.json["version"], 1);
  EXPECT_EQ(r.json["orgId"], "acme-corp");
  ExpectError(Call("POST", kRoles, kJdoeToken, role), 409, "Role 'Auditor' already exists");

  r = Call("PATCH", kRoles + "/" + id, kJdoeToken, Json{{"description", "Reads and exports"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["version"], 2);
  EXPECT_EQ(r.json["name"], "Auditor");
  EXPECT_EQ(Call("GET", kRoles + "/" + id, kRkumarToken).json["description"], "Reads and exports");
  ExpectError(Call("PATCH", kRoles + "/" + id, kJdoeToken, Json{{"name", "Payments Operator"}}),
              409, "already exists");
  EXPECT_EQ(Call("PATCH", kRoles + "/" + id + "/default", kJdoeToken, "{}").status, 204);
  EXPECT_EQ(Call("GET", kRoles + "/" + id, kJdoeToken).json["isOrgDefault"], true);
  EXPECT_EQ(Call("GET", kRoles + "/" + kOperator, kJdoeToken).json["isOrgDefault"], false);
  EXPECT_EQ(Call("DELETE", kRoles + "/" + id, kJdoeToken).status, 204);
  ExpectError(Call("GET", kRoles + "/" + id, kJdoeToken), 404, "Role '");
}

TEST_F(EmulatorHttpTest, TeamRolesAddListRemove) {
  const std::string platform = "/api/orgs/acme-corp/teams/platform/roles";
  EXPECT_EQ(Call("GET", platform, kRkumarToken).json["roles"].size(), 0u);
  ExpectError(Call("POST", platform + "/" + kOperator, kRkumarToken, "{}"), 403, "Only admins");
  ExpectError(Call("POST", platform + "/nope", kJdoeToken, "{}"), 404, "Role 'nope'");
  EXPECT_EQ(Call("POST", platform + "/" + kOperator, kJdoeToken, "{}").status, 204);
  EXPECT_EQ(Call("POST", platform + "/" + kOperator, kJdoeToken, "{}").status, 204);  // idempotent
  HttpResult r = Call("GET", platform, kRkumarToken);
  ASSERT_EQ(r.json["roles"].size(), 1u);
  EXPECT_EQ(r.json["roles"][0]["id"], kOperator);
  EXPECT_EQ(Call("GET", "/api/orgs/acme-corp/teams/platform", kJdoeToken).json["roleIds"],
            (Json{kOperator}));
  r = Call("GET", kRoles + "/" + kOperator + "/teams", kJdoeToken);
  ASSERT_EQ(r.json["teams"].size(), 2u);
  EXPECT_EQ(r.json["teams"][0]["name"], "payments");
  EXPECT_EQ(r.json["teams"][1]["name"], "platform");
  r = Call("GET", kRoles + "/" + kOperator + "/users", kJdoeToken);
  EXPECT_EQ(r.json["users"], (Json{{{"name", "Ravi Kumar"},
                                    {"githubLogin", "rkumar"},
                                    {"avatarUrl", r.json["users"][0]["avatarUrl"]}}}));
  EXPECT_EQ(Call("DELETE", platform + "/" + kOperator, kJdoeToken).status, 204);
  ExpectError(Call("DELETE", platform + "/" + kOperator, kJdoeToken), 404, "does not hold");

  ExpectError(Call("DELETE", kRoles + "/" + kOperator, kJdoeToken), 400,
              "is in use; delete it with force=true");
  EXPECT_EQ(Call("DELETE", kRoles + "/" + kOperator + "?force=true", kJdoeToken).status, 204);
  EXPECT_EQ(Call("GET", "/api/orgs/acme-corp/teams/payments", kJdoeToken).json["roleIds"],
            Json::array());
}

TEST_F(EmulatorHttpTest, MemberTeams) {
  HttpResult r = Call("GET", "/api/orgs/acme-corp/members/lnguyen/teams", kRkumarToken);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json, (Json{{"teams", {"frontend", "platform"}}}));
  ExpectError(Call("GET", "/api/orgs/acme-corp/members/eve/teams", kJdoeToken), 404,
              "not a member");
  ExpectError(Call("GET", "/api/orgs/acme-corp/members/lnguyen/teams", kEveToken), 403,
              "not a member");
}

}  // namespace
}  // namespace emulator
