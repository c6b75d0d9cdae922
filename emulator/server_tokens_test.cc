// HTTP: personal, organization and team access tokens (stateful).
#include <string>

#include "emulator/server_test_util.h"

namespace emulator {
namespace {

const std::string kUserTokens = "/api/user/tokens";
const std::string kOrgTokens = "/api/orgs/acme-corp/tokens";
const std::string kTeamTokens = "/api/orgs/acme-corp/teams/payments/tokens";

class TokensTest : public EmulatorHttpTest {
 protected:
  void SetUp() override {
    ServerOptions options;
    options.store.clock = [this] { return now_; };
    StartServer(options);
  }
  absl::Time now_ = absl::FromUnixSeconds(1754300000);
};

TEST_F(TokensTest, PersonalTokenCreateListUseDelete) {
  HttpResult r = Call("GET", kUserTokens, kJdoeToken);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json["tokens"].size(), 2u);
  EXPECT_EQ(r.json["tokens"][0]["type"], "personal");
  EXPECT_FALSE(r.json.contains("continuationToken"));

  r = Call("POST", kUserTokens, kJdoeToken, Json{{"description", "ci runner"}, {"expires", 0}});
  ASSERT_EQ(r.status, 200) << r.body;
  std::string id = r.json["id"];
  std::string value = r.json["tokenValue"];
  EXPECT_EQ(Call("GET", "/api/user", value).json["tokenInfo"]["name"], "ci runner");
  r = Call("GET", kUserTokens + "?filter=RUNNER", kJdoeToken);
  ASSERT_EQ(r.json["tokens"].size(), 1u);
  EXPECT_EQ(r.json["tokens"][0]["id"], id);
  EXPECT_EQ(r.json["tokens"][0]["createdBy"], "jdoe");
  EXPECT_EQ(r.body.find(value), std::string::npos);  // values are shown once

  r = Call("GET", kUserTokens + "?maxResults=2", kJdoeToken);
  ASSERT_EQ(r.json["tokens"].size(), 2u);
  std::string next = r.json["continuationToken"];
  r = Call("GET", kUserTokens + "?maxResults=2&continuationToken=" + next, kJdoeToken);
  ASSERT_EQ(r.json["tokens"].size(), 1u);
  EXPECT_FALSE(r.json.contains("continuationToken"));
  ExpectError(Call("GET", kUserTokens + "?maxResults=x", kJdoeToken), 400,
              "query parameter 'maxResults' must be an integer");

  EXPECT_EQ(Call("GET", kUserTokens, kRkumarToken).json["tokens"].size(), 1u);  // own only
  ExpectError(Call("DELETE", kUserTokens + "/" + id, kRkumarToken), 404, "not found");
  EXPECT_EQ(Call("DELETE", kUserTokens + "/" + id, kJdoeToken).status, 204);
  ExpectError(Call("GET", "/api/user", value), 401, "Unauthorized");
  ExpectError(Call("POST", kUserTokens, kJdoeToken, Json{{"description", "x"}}), 400,
              "missing required body field 'expires'");
  ExpectError(Call("POST", kUserTokens, kAcmeOrgToken, Json{{"description", "x"}, {"expires", 0}}),
              403, "personal token");
}

TEST_F(TokensTest, ExpiredTokensNoLongerAuthenticate) {
  int64_t now = absl::ToUnixSeconds(now_);
  ExpectError(Call("POST", kUserTokens, kJdoeToken, Json{{"description", "x"}, {"expires", now}}),
              400, "'expires' must be 0 (never) or in the future");
  HttpResult r =
      Call("POST", kUserTokens, kJdoeToken, Json{{"description", "short"}, {"expires", now + 60}});
  ASSERT_EQ(r.status, 200) << r.body;
  std::string value = r.json["tokenValue"];
  EXPECT_EQ(Call("GET", "/api/user", value).status, 200);
  now_ += absl::Seconds(60);
  ExpectError(Call("GET", "/api/user", value), 401, "Unauthorized");
}

TEST_F(TokensTest, OrganizationTokensCarryAdminOrMemberRights) {
  ExpectError(Call("GET", kOrgTokens, kRkumarToken), 403, "Only admins");
  Json body = {{"name", "deployer"}, {"admin", false}, {"description", "d"}, {"expires", 0}};
  ExpectError(Call("POST", kOrgTokens, kRkumarToken, body), 403, "Only admins");
  HttpResult r = Call("POST", kOrgTokens, kJdoeToken, body);
  ASSERT_EQ(r.status, 200) << r.body;
  std::string member_token = r.json["tokenValue"];
  ExpectError(Call("POST", kOrgTokens, kJdoeToken, body), 409, "Token 'deployer' already exists");
  body["name"] = "admin-bot";
  body["admin"] = true;
  body["roleID"] = "7d3c9a10-2b4e-4f61-9a8b-5c6d7e8f9012";
  r = Call("POST", kOrgTokens, kJdoeToken, body);
  ASSERT_EQ(r.status, 200) << r.body;
  std::string admin_id = r.json["id"];
  std::string admin_token = r.json["tokenValue"];
  body["roleID"] = "nope";
  body["name"] = "other";
  ExpectError(Call("POST", kOrgTokens, kJdoeToken, body), 400, "unknown role 'nope'");

  Json team = {{"name", "sre"}};
  ExpectError(Call("POST", "/api/orgs/acme-corp/teams/pulumi", member_token, team), 403,
              "Only admins");
  EXPECT_EQ(Call("POST", "/api/orgs/acme-corp/teams/pulumi", admin_token, team).status, 201);
  EXPECT_EQ(Call("GET", kProdPath, member_token).status, 200);

  r = Call("GET", kOrgTokens, kJdoeToken);
  ASSERT_EQ(r.json["tokens"].size(), 3u);  // the seeded acme-ci and the two new ones
  r = Call("GET", "/api/orgs/acme-corp/roles/7d3c9a10-2b4e-4f61-9a8b-5c6d7e8f9012/tokens",
           kJdoeToken);
  ASSERT_EQ(r.json["tokens"].size(), 1u);
  EXPECT_EQ(r.json["tokens"][0]["role"]["name"], "Payments Operator");
  EXPECT_EQ(r.json["tokens"][0]["admin"], true);
  EXPECT_EQ(r.json["tokens"][0]["type"], "organization");

  EXPECT_EQ(Call("DELETE", kOrgTokens + "/" + admin_id, kJdoeToken).status, 204);
  ExpectError(Call("GET", kProdPath, admin_token), 401, "Unauthorized");
  ExpectError(Call("DELETE", kOrgTokens + "/" + admin_id, kJdoeToken), 404, "not found");
}

TEST_F(TokensTest, TeamTokensForTeamAdmins) {
  Json body = {{"name", "payments-ci"}, {"description", "d"}, {"expires", 0}};
  ExpectError(Call("POST", kTeamTokens, kRkumarToken, body), 403, "team 'payments'");
  HttpResult r = Call("POST", kTeamTokens, kJdoeToken, body);  // jdoe is the team's admin
  ASSERT_EQ(r.status, 200) << r.body;
  std::string id = r.json["id"];
  std::string value = r.json["tokenValue"];
  ExpectError(Call("POST", kTeamTokens, kJdoeToken, body), 409, "already exists");
  r = Call("GET", "/api/user", value);
  EXPECT_EQ(r.json["tokenInfo"]["team"], "payments");
  r = Call("GET", kTeamTokens, kRkumarToken);
  ASSERT_EQ(r.json["tokens"].size(), 1u);
  EXPECT_EQ(r.json["tokens"][0]["type"], "team");
  ExpectError(Call("GET", "/api/orgs/acme-corp/teams/nope/tokens", kJdoeToken), 404, "Team 'nope'");
  ExpectError(Call("DELETE", kTeamTokens + "/" + id, kRkumarToken), 403, "team 'payments'");
  EXPECT_EQ(Call("DELETE", kTeamTokens + "/" + id, kJdoeToken).status, 204);
  ExpectError(Call("GET", "/api/user", value), 401, "Unauthorized");
}

}  // namespace
}  // namespace emulator
