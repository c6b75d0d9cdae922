// HTTP: organization members and teams.
#include <set>
#include <string>

#include "emulator/server_test_util.h"

namespace emulator {
namespace {

constexpr char kMembers[] = "/api/orgs/acme-corp/members";
constexpr char kTeams[] = "/api/orgs/acme-corp/teams";

TEST_F(EmulatorHttpTest, MembersPageCompletely) {
  std::set<std::string> logins;
  std::string path = std::string(kMembers) + "?type=frontend";
  int pages = 0;
  for (;;) {
    HttpResult r = Call("GET", path, kRkumarToken);
    ASSERT_EQ(r.status, 200) << r.body;
    ++pages;
    for (const Json& m : r.json["members"]) {
      EXPECT_TRUE(logins.insert(m["user"]["githubLogin"].get<std::string>()).second);
    }
    if (!r.json.contains("continuationToken")) break;
    path = std::string(kMembers) +
           "?continuationToken=" + r.json["continuationToken"].get<std::string>();
  }
  EXPECT_EQ(pages, 2);
  EXPECT_EQ(logins.size(), 7u);
  HttpResult first = Call("GET", std::string(kMembers) + "?maxResults=100", kRkumarToken);
  const Json& jdoe = first.json["members"][2];
  EXPECT_EQ(jdoe["role"], "admin");
  EXPECT_EQ(jdoe["user"]["email"], "jdoe@acme.example");
  EXPECT_EQ(jdoe["created"], "2023-02-14T18:22:05Z");
  EXPECT_EQ(jdoe["knownToPulumi"], true);
  EXPECT_EQ(jdoe["fgaRole"]["id"], "admin");
  EXPECT_EQ(jdoe["teams"], (Json{"payments", "platform"}));
  ExpectError(Call("GET", std::string(kMembers) + "?type=bogus", kRkumarToken), 400, "'type'");
  ExpectError(Call("GET", std::string(kMembers) + "?continuationToken=zz", kRkumarToken), 400,
              "Invalid continuation token");
  ExpectError(Call("GET", kMembers, kEveToken), 403, "not a member");
  ExpectError(Call("GET", "/api/orgs/initech/members", kEveToken), 404, "Organization 'initech'");
}

TEST_F(EmulatorHttpTest, AddMember) {
  std::string path = std::string(kMembers) + "/srivera";
  ExpectError(Call("POST", path, kRkumarToken, Json{{"role", "member"}}), 403, "Only admins");
  ExpectError(Call("POST", path, kJdoeToken, Json{{"role", "owner"}}), 400, "invalid role");
  ExpectError(Call("POST", std::string(kMembers) + "/ghost", kJdoeToken, Json{{"role", "member"}}),
              404, "User 'ghost' not found");
  HttpResult r = Call("POST", path, kJdoeToken, Json{{"role", "member"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["role"], "member");
  EXPECT_EQ(r.json["user"]["githubLogin"], "srivera");
  ExpectError(Call("POST", path, kJdoeToken, Json{{"role", "member"}}), 409, "already a member");
  EXPECT_EQ(Call("GET", kProdPath, kSriveraToken).status, 200);
}

TEST_F(EmulatorHttpTest, ChangeRoleAndRemoveMember) {
  std::string rkumar = std::string(kMembers) + "/rkumar";
  EXPECT_EQ(Call("PATCH", rkumar, kJdoeToken, Json{{"role", "billing-manager"}}).status, 204);
  ExpectError(Call("PATCH", rkumar, kJdoeToken, Json{{"role", "root"}}), 400, "invalid role");
  ExpectError(Call("PATCH", rkumar, kJdoeToken, Json::object()), 400, "'role' or 'fgaRoleId'");
  ExpectError(Call("PATCH", std::string(kMembers) + "/eve", kJdoeToken, Json{{"role", "member"}}),
              404, "not a member");
  ExpectError(Call("PATCH", rkumar, kRkumarToken, Json{{"role", "admin"}}), 403, "Only admins");
  ExpectError(Call("DELETE", std::string(kMembers) + "/jdoe", kJdoeToken), 400,
              "cannot remove yourself");
  EXPECT_EQ(Call("DELETE", rkumar, kJdoeToken).status, 204);
  ExpectError(Call("DELETE", rkumar, kJdoeToken), 404, "not a member");
  ExpectError(Call("GET", kProdPath, kRkumarToken), 403, "not a member");
}

TEST_F(EmulatorHttpTest, ListAndGetTeams) {
  HttpResult r = Call("GET", kTeams, kRkumarToken);
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(r.json["teams"].size(), 4u);
  EXPECT_EQ(r.json["teams"][0]["name"], "data-eng");
  EXPECT_EQ(r.json["teams"][0]["kind"], "github");
  r = Call("GET", std::string(kTeams) + "/payments", kJdoeToken);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json["displayName"], "Payments");
  EXPECT_EQ(r.json["userRole"], "admin");
  EXPECT_EQ(r.json["members"][1],
            (Json{{"name", "Ravi Kumar"},
                  {"githubLogin", "rkumar"},
                  {"avatarUrl", "https://avatars.githubusercontent.com/u/1002?v=4"},
                  {"role", "member"}}));
  EXPECT_EQ(r.json["stacks"][0]["permission"], 103);
  EXPECT_EQ(r.json["environments"][0]["maxOpenDuration"], "1h0m0s");
  EXPECT_EQ(r.json["roleIds"][0], "7d3c9a10-2b4e-4f61-9a8b-5c6d7e8f9012");
  ExpectError(Call("GET", std::string(kTeams) + "/nope", kJdoeToken), 404, "Team 'nope'");
  ExpectError(Call("GET", kTeams, kEveToken), 403, "not a member");
}

TEST_F(EmulatorHttpTest, CreateUpdateDeleteTeam) {
  std::string create = std::string(kTeams) + "/pulumi";
  Json body = {{"name", "sre"}, {"displayName", "SRE"}, {"description", "On call"}};
  ExpectError(Call("POST", create, kRkumarToken, body), 403, "Only admins");
  HttpResult r = Call("POST", create, kJdoeToken, body);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json["name"], "sre");
  EXPECT_EQ(r.json["kind"], "pulumi");
  EXPECT_EQ(r.json["members"], Json::array());
  ExpectError(Call("POST", create, kJdoeToken, body), 409, "already exists");
  ExpectError(Call("POST", create, kJdoeToken,
                   Json{{"name", "long"}, {"displayName", std::string(101, 'x')}}),
              400, "100 characters");

  std::string team = std::string(kTeams) + "/sre";
  EXPECT_EQ(
      Call("PATCH", team, kJdoeToken, Json{{"memberAction", "add"}, {"member", "lnguyen"}}).status,
      204);
  EXPECT_EQ(
      Call("PATCH", team, kJdoeToken,
           Json{{"memberAction", "promote"},
                {"member", "lnguyen"},
                {"newDisplayName", "Site Reliability"},
                {"addStackPermission",
                 {{"projectName", "payments-api"}, {"stackName", "prod"}, {"permission", 101}}},
                {"removeEnvironment", nullptr}})
          .status,
      204);
  r = Call("GET", team, kJdoeToken);
  EXPECT_EQ(r.json["displayName"], "Site Reliability");
  EXPECT_EQ(r.json["members"][0]["role"], "admin");
  EXPECT_EQ(r.json["stacks"][0]["permissionSetName"], "Stack Read");
  ExpectError(Call("PATCH", team, kJdoeToken, Json{{"memberAction", "remove"}, {"member", "jdoe"}}),
              400, "not in the team");
  ExpectError(
      Call("PATCH", team, kJdoeToken, Json{{"memberAction", "fire"}, {"member", "lnguyen"}}), 400,
      "memberAction");
  ExpectError(
      Call("PATCH", team, kJdoeToken,
           Json{{"editStackPermission",
                 {{"projectName", "payments-api"}, {"stackName", "prod"}, {"permission", 7}}}}),
      400, "invalid stack permission");
  ExpectError(Call("PATCH", team, kRkumarToken, Json{{"newDescription", "x"}}), 403, "Only admins");
  ExpectError(
      Call("PATCH", std::string(kTeams) + "/nope", kJdoeToken, Json{{"newDescription", "x"}}), 404,
      "Team 'nope'");
  EXPECT_EQ(Call("PATCH", team, kJdoeToken, Json{{"memberAction", "remove"}, {"member", "lnguyen"}})
                .status,
            204);
  EXPECT_EQ(Call("DELETE", team, kJdoeToken).status, 204);
  ExpectError(Call("DELETE", team, kJdoeToken), 404, "Team 'sre'");
}

}  // namespace
}  // namespace emulator
