// HTTP: GET /api/user for personal, organization and team tokens, and what org and team tokens
// may do on the other routes.
#include <set>
#include <string>

#include "emulator/server_test_util.h"

namespace emulator {
namespace {

constexpr char kUser[] = "/api/user";
constexpr char kGlobexProd[] = "/api/stacks/globex/inventory/prod";

const Json kAcmeSummary = {{"githubLogin", "acme-corp"},
                           {"name", "Acme Corp"},
                           {"avatarUrl", "https://avatars.githubusercontent.com/u/2001?v=4"}};
const Json kGlobexSummary = {{"githubLogin", "globex"},
                             {"name", "Globex Corporation"},
                             {"avatarUrl", "https://avatars.githubusercontent.com/u/2002?v=4"}};

class CurrentUserTest : public EmulatorHttpTest {
 protected:
  // Every stack `token` lists through /api/user/stacks (all pages), as "org/project/stack".
  std::set<std::string> StacksOf(const std::string& token) {
    std::set<std::string> out;
    std::string path = "/api/user/stacks?maxResults=5";
    for (int pages = 0; pages < 10; ++pages) {
      HttpResult r = Call("GET", path, token);
      EXPECT_EQ(r.status, 200) << r.body;
      for (const Json& s : r.json["stacks"]) {
        out.insert(s["orgName"].get<std::string>() + "/" + s["projectName"].get<std::string>() +
                   "/" + s["stackName"].get<std::string>());
      }
      if (!r.json.contains("continuationToken")) break;
      path = "/api/user/stacks?maxResults=5&continuationToken=" +
             r.json["continuationToken"].get<std::string>();
    }
    return out;
  }
};

TEST_F(CurrentUserTest, PersonalTokenIsTheUser) {
  HttpResult r = Call("GET", kUser, kJdoeToken);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json, (Json{{"name", "Jane Doe"},
                          {"githubLogin", "jdoe"},
                          {"avatarUrl", "https://avatars.githubusercontent.com/u/1001?v=4"},
                          {"email", "jdoe@acme.example"},
                          {"organizations", {kAcmeSummary, kGlobexSummary}},
                          {"tokenInfo", {{"name", "jdoe-laptop"}}}}));
  // The same user's other token differs only in tokenInfo.
  HttpResult cli = Call("GET", kUser, "pul-demo-jdoe-cli-0a1b2c3d4e5f60718293a4b5c6d7e8f9");
  ASSERT_EQ(cli.status, 200);
  EXPECT_EQ(cli.json["tokenInfo"], (Json{{"name", "jdoe-cli"}}));
  EXPECT_EQ(cli.json["githubLogin"], "jdoe");
  // Billing managers are members too; a user without an org has none.
  EXPECT_EQ(Call("GET", kUser, kMchenToken).json["organizations"],
            (Json{kAcmeSummary, kGlobexSummary}));
  HttpResult loner = Call("GET", kUser, kSriveraToken);
  EXPECT_EQ(loner.json["organizations"], Json::array());
  EXPECT_EQ(loner.json["name"], "Sam Rivera");
}

TEST_F(CurrentUserTest, OrgTokenIsTheOrganization) {
  HttpResult r = Call("GET", kUser, kAcmeOrgToken);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json, (Json{{"name", "acme-corp"},
                          {"githubLogin", "acme-corp"},
                          {"avatarUrl", "https://avatars.githubusercontent.com/u/2001?v=4"},
                          {"email", ""},
                          {"organizations", {kAcmeSummary}},
                          {"tokenInfo", {{"name", "acme-ci"}, {"organization", "acme-corp"}}}}));
}

TEST_F(CurrentUserTest, TeamTokenNamesItsTeam) {
  HttpResult r = Call("GET", kUser, kPlatformTeamToken);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["name"], "acme-corp");
  EXPECT_EQ(r.json["githubLogin"], "acme-corp");
  EXPECT_EQ(r.json["organizations"], (Json{kAcmeSummary}));
  EXPECT_EQ(
      r.json["tokenInfo"],
      (Json{{"name", "platform-deploy"}, {"organization", "acme-corp"}, {"team", "platform"}}));
}

TEST_F(CurrentUserTest, NeedsAValidToken) {
  ExpectError(Call("GET", kUser, ""), 401, "Unauthorized");
  ExpectError(Call("GET", kUser, "pul-demo-nobody"), 401, "Unauthorized");
  ExpectError(Call("POST", kUser, kJdoeToken), 404, "no route for POST /api/user");
}

TEST_F(CurrentUserTest, OrgTokenActsAsAdminOfItsOrgOnly) {
  std::set<std::string> acme = StacksOf(kAcmeOrgToken);
  EXPECT_EQ(acme.size(), 12u);
  for (const std::string& s : acme) EXPECT_EQ(s.rfind("acme-corp/", 0), 0u) << s;
  EXPECT_EQ(StacksOf(kJdoeToken).size(), 14u) << "jdoe also sees globex";
  EXPECT_EQ(Call("GET", "/api/user/stacks?organization=globex", kAcmeOrgToken).json["stacks"],
            Json::array());
  EXPECT_EQ(Call("GET", kProdPath, kAcmeOrgToken).status, 200);
  ExpectError(Call("GET", kGlobexProd, kAcmeOrgToken), 403,
              "token 'acme-ci' is scoped to organization 'acme-corp'");
  ExpectError(Call("GET", "/api/orgs/globex/members", kAcmeOrgToken), 403, "scoped");

  // Admin-only routes work, and the audit log shows the organization and the token.
  HttpResult added =
      Call("POST", "/api/orgs/acme-corp/members/srivera", kAcmeOrgToken, Json{{"role", "member"}});
  ASSERT_EQ(added.status, 200) << added.body;
  HttpResult audit = Call("GET", "/api/orgs/acme-corp/auditlogs/v2", kAcmeOrgToken);
  ASSERT_EQ(audit.status, 200) << audit.body;
  const Json& newest = audit.json["auditLogEvents"][0];
  EXPECT_EQ(newest["event"], "member.add");
  EXPECT_EQ(newest["user"]["githubLogin"], "acme-corp");
  EXPECT_EQ(newest["tokenName"], "acme-ci");
  EXPECT_EQ(newest["actorName"], "acme-ci");
  EXPECT_EQ(newest["actorUrn"], "urn:pulumi:org:acme-corp:token:acme-ci");
  EXPECT_EQ(newest["reqOrgAdmin"], true);

  // Stacks it creates are owned by the organization; it cannot move one out of its org.
  ASSERT_EQ(
      Call("POST", "/api/stacks/acme-corp/bots", kAcmeOrgToken, Json{{"stackName", "ci"}}).status,
      200);
  EXPECT_EQ(Call("GET", "/api/stacks/acme-corp/bots/ci/metadata", kAcmeOrgToken)
                .json["ownedBy"]["githubLogin"],
            "acme-corp");
  ExpectError(
      Call("POST", std::string(kProdPath) + "/transfer", kAcmeOrgToken, Json{{"toOrg", "globex"}}),
      403, "scoped");
}

TEST_F(CurrentUserTest, TeamTokenActsAsMemberOfItsOrgOnly) {
  EXPECT_EQ(StacksOf(kPlatformTeamToken).size(), 12u);
  EXPECT_EQ(Call("GET", "/api/orgs/acme-corp/members", kPlatformTeamToken).status, 200);
  EXPECT_EQ(Call("POST", std::string(kProdPath) + "/tags", kPlatformTeamToken,
                 Json{{"name", "owner"}, {"value", "platform"}})
                .status,
            204);
  ExpectError(Call("POST", "/api/orgs/acme-corp/members/srivera", kPlatformTeamToken,
                   Json{{"role", "member"}}),
              403, "Only admins of organization 'acme-corp'");
  ExpectError(Call("GET", "/api/orgs/acme-corp/auditlogs/v2", kPlatformTeamToken), 403,
              "Only admins");
  ExpectError(Call("GET", kGlobexProd, kPlatformTeamToken), 403, "scoped");

  // The tag change is attributed to the organization, with the team token's name.
  HttpResult audit = Call("GET", "/api/orgs/acme-corp/auditlogs/v2", kJdoeToken);
  const Json& newest = audit.json["auditLogEvents"][0];
  EXPECT_EQ(newest["event"], "stack.tag.add");
  EXPECT_EQ(newest["user"]["githubLogin"], "acme-corp");
  EXPECT_EQ(newest["tokenName"], "platform-deploy");

  // A team's tokens end with the team.
  ASSERT_EQ(Call("DELETE", "/api/orgs/acme-corp/teams/platform", kJdoeToken).status, 204);
  ExpectError(Call("GET", kUser, kPlatformTeamToken), 401, "Unauthorized");
}

TEST_F(CurrentUserTest, SeedTokensMayBeBareStrings) {
  Json seed = {
      {"users",
       {{{"login", "solo"},
         {"name", "Solo"},
         {"tokens", {"pul-test-solo-a", {{"name", "named"}, {"value", "pul-test-solo-b"}}}}}}},
      {"orgs",
       {{{"name", "tiny"},
         {"members", {{{"login", "solo"}, {"role", "admin"}}}},
         {"tokens", {{{"name", "tiny-ci"}, {"value", "pul-test-tiny-ci"}}}}}}}};
  ASSERT_EQ(Call("POST", "/_emulator/reset", "", seed).status, 204);
  EXPECT_EQ(Call("GET", kUser, "pul-test-solo-a").json["tokenInfo"],
            (Json{{"name", "solo-token-1"}}));
  EXPECT_EQ(Call("GET", kUser, "pul-test-solo-b").json["tokenInfo"], (Json{{"name", "named"}}));
  HttpResult tiny = Call("GET", kUser, "pul-test-tiny-ci");
  EXPECT_EQ(tiny.json["organizations"],
            (Json{{{"githubLogin", "tiny"}, {"name", "tiny"}, {"avatarUrl", ""}}}));
  // Org and team tokens need a name; no token may appear twice.
  Json unnamed = seed;
  unnamed["orgs"][0]["tokens"] = {"pul-test-bare"};
  ExpectError(Call("POST", "/_emulator/reset", "", unnamed), 400, "seed");
  Json twice = seed;
  twice["orgs"][0]["tokens"][0]["value"] = "pul-test-solo-a";
  HttpResult dup = Call("POST", "/_emulator/reset", "", twice);
  ExpectError(dup, 400, "org tiny: duplicate token");
  EXPECT_EQ(dup.body.find("pul-test-solo-a"), std::string::npos) << "no token in errors";
}

}  // namespace
}  // namespace emulator
