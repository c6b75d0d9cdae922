// HTTP: authentication, routing, and the stack endpoints.
#include <set>
#include <string>

#include "emulator/server_test_util.h"

namespace emulator {
namespace {

using ::testing::ElementsAre;

TEST_F(EmulatorHttpTest, AuthenticationIsRequired) {
  ExpectError(Call("GET", "/api/user/stacks", ""), 401, "Unauthorized");
  ExpectError(Call("GET", "/api/user/stacks", "pul-demo-nobody"), 401, "Unauthorized");
  httplib::Headers bearer = {{"Authorization", std::string("Bearer ") + kJdoeToken}};
  httplib::Result r = client_->Get("/api/user/stacks", bearer);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
}

TEST_F(EmulatorHttpTest, UnknownRoutesAnswerJson404) {
  ExpectError(Call("GET", "/api/nope", kJdoeToken), 404, "no route for GET /api/nope");
  ExpectError(Call("PUT", kProdPath, kJdoeToken, "{}"), 404, "no route");
  ExpectError(Call("GET", std::string(kProdPath) + "/", kJdoeToken), 404, "no route");
  // An encoded slash stays inside the stack name: not the export route.
  ExpectError(Call("GET", std::string(kProdPath) + "%2Fexport", kJdoeToken), 404,
              "Stack 'acme-corp/payments-api/prod/export' not found");
}

TEST_F(EmulatorHttpTest, ListUserStacksPagesCompletelyWithoutDuplicates) {
  std::vector<std::string> ids;
  std::string path = "/api/user/stacks";
  int pages = 0;
  for (;;) {
    HttpResult r = Call("GET", path, kJdoeToken);
    ASSERT_EQ(r.status, 200) << r.body;
    ++pages;
    for (const Json& s : r.json["stacks"]) ids.push_back(s["id"]);
    if (!r.json.contains("continuationToken")) break;
    path = "/api/user/stacks?continuationToken=" + r.json["continuationToken"].get<std::string>();
  }
  EXPECT_EQ(pages, 2);
  EXPECT_EQ(ids.size(), 14u);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 14u);
}

TEST_F(EmulatorHttpTest, ListUserStacksFiltersAndErrors) {
  HttpResult r = Call("GET", "/api/user/stacks?organization=globex", kJdoeToken);
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(r.json["stacks"].size(), 2u);
  EXPECT_EQ(r.json["stacks"][0]["orgName"], "globex");
  EXPECT_FALSE(r.json.contains("continuationToken"));
  r = Call("GET", "/api/user/stacks?project=payments-api&tagName=env&tagValue=prod", kJdoeToken);
  ASSERT_EQ(r.json["stacks"].size(), 1u);
  const Json& s = r.json["stacks"][0];
  EXPECT_EQ(s["id"], "5f0d2c7e-8a1b-4c3d-9e2f-0a1b2c3d4e5f");
  EXPECT_EQ(s["lastUpdate"], 1754300112);
  EXPECT_EQ(s["resourceCount"], 6);
  EXPECT_EQ(s["links"]["self"], "https://app.pulumi.com/acme-corp/payments-api/prod");
  r = Call("GET", "/api/user/stacks?maxResults=4", kJdoeToken);
  EXPECT_EQ(r.json["stacks"].size(), 4u);
  EXPECT_TRUE(r.json["continuationToken"].is_string());
  EXPECT_EQ(Call("GET", "/api/user/stacks", kEveToken).json["stacks"].size(), 2u);
  EXPECT_TRUE(Call("GET", "/api/user/stacks", kSriveraToken).json["stacks"].empty());
  ExpectError(Call("GET", "/api/user/stacks?continuationToken=bogus", kJdoeToken), 400,
              "Invalid continuation token");
  ExpectError(Call("GET", "/api/user/stacks?maxResults=-1", kJdoeToken), 400, "maxResults");
}

TEST_F(EmulatorHttpTest, GetStackAndAccessControl) {
  HttpResult r = Call("GET", kProdPath, kJdoeToken);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json["orgName"], "acme-corp");
  EXPECT_EQ(r.json["stackName"], "prod");
  EXPECT_EQ(r.json["version"], 42);
  EXPECT_EQ(r.json["activeUpdate"], kProd42Id);
  EXPECT_EQ(r.json["config"]["environment"], "payments-api/prod");
  EXPECT_EQ(r.Header("Content-Type"), "application/json");
  EXPECT_EQ(Call("GET", kStagingPath, kJdoeToken).json["currentOperation"]["kind"], "update");
  ExpectError(Call("GET", kProdPath, kEveToken), 403, "not a member of organization 'acme-corp'");
  ExpectError(Call("GET", "/api/stacks/acme-corp/payments-api/nope", kJdoeToken), 404,
              "Stack 'acme-corp/payments-api/nope' not found");
  ExpectError(Call("GET", "/api/stacks/initech/a/b", kJdoeToken), 404, "Organization 'initech'");
  r = Call("GET", std::string(kProdPath) + "/metadata", kJdoeToken);
  EXPECT_EQ(r.json["ownedBy"]["githubLogin"], "jdoe");
  EXPECT_EQ(r.json["notificationSettings"]["notifyUpdateFailure"], true);
  r = Call("GET", std::string(kProdPath) + "/resources/count", kJdoeToken);
  EXPECT_EQ(r.json, (Json{{"resourceCount", 6}, {"version", 42}}));
}

TEST_F(EmulatorHttpTest, CreateThenDeleteStack) {
  std::string path = "/api/stacks/acme-corp/payments-api";
  HttpResult r = Call("POST", path, kRkumarToken, Json{{"stackName", "qa"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json, (Json{{"messages", Json::array()}}));
  ExpectError(Call("POST", path, kRkumarToken, Json{{"stackName", "qa"}}), 409, "already exists");
  ExpectError(Call("POST", path, kRkumarToken, "{not json"), 400, "JSON object");
  ExpectError(Call("POST", path, kRkumarToken, Json::object()), 400, "'stackName' is required");
  ExpectError(Call("POST", path, kEveToken, Json{{"stackName", "x"}}), 403, "not a member");
  EXPECT_EQ(Call("GET", path + "/qa", kRkumarToken).status, 200);
  r = Call("DELETE", path + "/qa", kRkumarToken);
  EXPECT_EQ(r.status, 204);
  EXPECT_TRUE(r.body.empty());
  ExpectError(Call("GET", path + "/qa", kRkumarToken), 404, "not found");
}

TEST_F(EmulatorHttpTest, DeleteWithResourcesNeedsForce) {
  HttpResult r = Call("DELETE", kProdPath, kJdoeToken);
  ASSERT_EQ(r.status, 400);
  EXPECT_EQ(r.json,
            (Json{{"code", 400}, {"message", "Bad Request: Stack still contains resources."}}));
  ExpectError(Call("DELETE", std::string(kProdPath) + "?force=maybe", kJdoeToken), 400, "force");
  ExpectError(Call("DELETE", kStagingPath + std::string("?force=true"), kJdoeToken), 409,
              "Another update is currently in progress");
  EXPECT_EQ(Call("DELETE", std::string(kProdPath) + "?force=true", kJdoeToken).status, 204);
  EXPECT_EQ(Call("GET", kProdPath, kJdoeToken).status, 404);
}

TEST_F(EmulatorHttpTest, ExportCurrentAndByVersion) {
  HttpResult r = Call("GET", std::string(kProdPath) + "/export", kJdoeToken);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json["version"], 3);
  EXPECT_EQ(r.json["deployment"]["resources"].size(), 6u);
  EXPECT_EQ(r.json["deployment"]["secrets_providers"]["type"], "service");
  r = Call("GET", std::string(kProdPath) + "/export/39", kJdoeToken);
  EXPECT_EQ(r.json["deployment"]["resources"].size(), 4u);
  ExpectError(Call("GET", std::string(kProdPath) + "/export/37", kJdoeToken), 404, "Version 37");
  ExpectError(Call("GET", std::string(kProdPath) + "/export/abc", kJdoeToken), 400,
              "invalid version");
}

TEST_F(EmulatorHttpTest, TagRoutes) {
  std::string tags = std::string(kProdPath) + "/tags";
  EXPECT_EQ(Call("POST", tags, kJdoeToken, Json{{"name", "owner"}, {"value", "jdoe"}}).status, 204);
  ExpectError(Call("POST", tags, kJdoeToken, Json{{"name", "owner"}, {"value", "x"}}), 400,
              "already exists");
  ExpectError(Call("POST", tags, kJdoeToken, Json{{"name", "bad name!"}, {"value", "x"}}), 400,
              "invalid tag name");
  EXPECT_EQ(
      Call("PATCH", tags + "/owner", kJdoeToken, Json{{"name", "owner"}, {"value", "rk"}}).status,
      204);
  EXPECT_EQ(Call("GET", kProdPath, kJdoeToken).json["tags"]["owner"], "rk");
  ExpectError(Call("PATCH", tags + "/missing", kJdoeToken, Json{{"name", "m"}, {"value", "v"}}),
              404, "Tag 'missing' not found");
  ExpectError(Call("DELETE", tags + "/pulumi:project", kJdoeToken), 400, "built-in tag");
  EXPECT_EQ(Call("DELETE", tags + "/owner", kJdoeToken).status, 204);
  ExpectError(Call("DELETE", tags + "/owner", kJdoeToken), 404, "not found");
  EXPECT_EQ(Call("PATCH", tags, kJdoeToken, Json{{"env", "prod"}, {"tier", "1"}}).status, 204);
  EXPECT_EQ(Call("GET", kProdPath, kJdoeToken).json["tags"],
            (Json{{"env", "prod"}, {"pulumi:project", "payments-api"}, {"tier", "1"}}));
  ExpectError(Call("PATCH", tags, kJdoeToken, Json{{"pulumi:project", "x"}}), 400, "project tag");
  ExpectError(Call("PATCH", tags, kEveToken, Json{{"a", "b"}}), 403, "not a member");
}

TEST_F(EmulatorHttpTest, TransferAndRename) {
  std::string staging_dev = "/api/stacks/acme-corp/payments-api/dev";
  ExpectError(Call("POST", staging_dev + "/transfer", kRkumarToken, Json{{"toOrg", "globex"}}), 403,
              "not a member of organization 'globex'");
  ExpectError(Call("POST", staging_dev + "/transfer", kJdoeToken, Json::object()), 400, "toOrg");
  EXPECT_EQ(Call("POST", staging_dev + "/transfer", kJdoeToken, Json{{"toOrg", "globex"}}).status,
            204);
  EXPECT_EQ(Call("GET", "/api/stacks/globex/payments-api/dev", kEveToken).status, 200);

  std::string rename = std::string(kProdPath) + "/rename";
  ExpectError(Call("POST", rename, kJdoeToken, Json{{"newName", ""}, {"newProject", ""}}), 400,
              "No rename to apply.");
  ExpectError(Call("POST", rename, kJdoeToken, Json{{"newName", "staging"}}), 409,
              "already exists");
  HttpResult r = Call("POST", rename, kJdoeToken, Json{{"newName", "live"}, {"newProject", "pay"}});
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_TRUE(r.json["updateId"].is_string());
  HttpResult moved = Call("GET", "/api/stacks/acme-corp/pay/live", kJdoeToken);
  EXPECT_EQ(moved.json["activeUpdate"], r.json["updateId"]);
  EXPECT_EQ(moved.json["tags"]["pulumi:project"], "pay");
  EXPECT_EQ(Call("GET", kProdPath, kJdoeToken).status, 404);
}

}  // namespace
}  // namespace emulator
