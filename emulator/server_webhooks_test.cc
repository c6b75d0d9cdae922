// HTTP: stack config and stack and organization webhooks (stateful).
#include <string>

#include "emulator/server_test_util.h"

namespace emulator {
namespace {

const std::string kConfig = std::string(kProdPath) + "/config";
const std::string kHooks = std::string(kProdPath) + "/hooks";
const std::string kOrgHooks = "/api/orgs/acme-corp/hooks";

Json NewHook(const std::string& display_name) {
  return {{"active", true},
          {"displayName", display_name},
          {"organizationName", "acme-corp"},
          {"payloadUrl", "https://hooks.example/pulumi"}};
}

TEST_F(EmulatorHttpTest, StackConfigReadReplaceDelete) {
  HttpResult r = Call("GET", kConfig, kRkumarToken);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json, (Json{{"environment", "payments-api/prod"}}));
  Json config = {{"environment", "payments-api/prod-v2"}, {"secretsProvider", "awskms://alias/x"}};
  r = Call("PUT", kConfig, kRkumarToken, config);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json, config);
  EXPECT_EQ(Call("GET", kConfig, kRkumarToken).json, config);
  EXPECT_EQ(Call("GET", kProdPath, kRkumarToken).json["config"], config);
  ExpectError(Call("PUT", kConfig, kRkumarToken, Json{{"secretsProvider", "x"}}), 400,
              "Bad Request: missing required body field 'environment'");
  ExpectError(Call("PUT", kConfig, kRkumarToken, Json{{"environment", 7}}), 400,
              "Bad Request: body field 'environment' must be a string");
  EXPECT_EQ(Call("DELETE", kConfig, kRkumarToken).status, 204);
  ExpectError(Call("GET", kConfig, kRkumarToken), 404, "has no configuration");
  ExpectError(Call("GET", "/api/stacks/acme-corp/payments-api/nope/config", kJdoeToken), 404,
              "Stack 'acme-corp/payments-api/nope' not found");
  ExpectError(Call("GET", kConfig, kEveToken), 403, "not a member");
}

TEST_F(EmulatorHttpTest, StackWebhooksCreateReadUpdateDelete) {
  HttpResult r = Call("GET", kHooks, kJdoeToken);
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(r.json.size(), 1u);
  EXPECT_EQ(r.json[0]["name"], "deploy-notify");

  Json hook = NewHook("Ops Pager!");
  hook["secret"] = "s3cret";
  hook["filters"] = {"update_failed"};
  r = Call("POST", kHooks, kJdoeToken, hook);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json["name"], "ops-pager");  // from the display name
  EXPECT_EQ(r.json["projectName"], "payments-api");
  EXPECT_EQ(r.json["stackName"], "prod");
  EXPECT_EQ(r.json["hasSecret"], true);
  EXPECT_FALSE(r.json.contains("secret"));
  EXPECT_EQ(r.body.find("s3cret"), std::string::npos);
  EXPECT_EQ(Call("POST", kHooks, kJdoeToken, NewHook("Ops Pager")).json["name"], "ops-pager-2");
  hook["name"] = "ops-pager";
  ExpectError(Call("POST", kHooks, kJdoeToken, hook), 409, "Webhook 'ops-pager' already exists");
  Json bad = NewHook("x");
  bad["payloadUrl"] = "ftp://x";
  ExpectError(Call("POST", kHooks, kJdoeToken, bad), 400, "payloadUrl must be an http");
  ExpectError(Call("POST", kHooks, kJdoeToken, Json{{"displayName", "x"}}), 400,
              "missing required body field 'active'");

  Json update = NewHook("Ops pager (muted)");
  update["active"] = false;
  r = Call("PATCH", kHooks + "/ops-pager", kJdoeToken, update);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["active"], false);
  EXPECT_EQ(r.json["filters"], (Json{"update_failed"}));  // kept
  r = Call("GET", kHooks + "/ops-pager", kJdoeToken);
  EXPECT_EQ(r.json["displayName"], "Ops pager (muted)");
  EXPECT_EQ(Call("GET", kHooks, kJdoeToken).json.size(), 3u);
  EXPECT_EQ(Call("DELETE", kHooks + "/ops-pager", kJdoeToken).status, 204);
  ExpectError(Call("GET", kHooks + "/ops-pager", kJdoeToken), 404, "Webhook 'ops-pager'");
  ExpectError(Call("DELETE", kHooks + "/ops-pager", kJdoeToken), 404, "not found");
}

TEST_F(EmulatorHttpTest, WebhookDeliveriesPingAndRedeliver) {
  std::string hook = kHooks + "/deploy-notify";
  HttpResult r = Call("GET", hook + "/deliveries", kJdoeToken);
  ASSERT_EQ(r.json.size(), 1u);
  std::string seeded = r.json[0]["id"];
  r = Call("POST", hook + "/ping", kJdoeToken, "{}");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["kind"], "ping");
  EXPECT_EQ(r.json["responseCode"], 200);
  EXPECT_EQ(r.json["requestUrl"], "https://hooks.chat.example/services/payments");
  std::string ping = r.json["id"];
  r = Call("POST", hook + "/deliveries/" + seeded + "/redeliver", kJdoeToken, "{}");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["kind"], "stack_update");
  EXPECT_NE(r.json["id"], seeded);
  std::string again = r.json["id"];
  r = Call("GET", hook + "/deliveries", kJdoeToken);
  ASSERT_EQ(r.json.size(), 3u);  // newest first
  EXPECT_EQ(r.json[0]["id"], again);
  EXPECT_EQ(r.json[1]["id"], ping);
  EXPECT_EQ(r.json[2]["id"], seeded);
  ExpectError(Call("POST", hook + "/deliveries/nope/redeliver", kJdoeToken, "{}"), 404,
              "Delivery 'nope'");
  ExpectError(Call("POST", kHooks + "/nope/ping", kJdoeToken, "{}"), 404, "Webhook 'nope'");
}

TEST_F(EmulatorHttpTest, OrganizationWebhooksAreForAdmins) {
  HttpResult r = Call("GET", kOrgHooks, kJdoeToken);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json.size(), 1u);
  EXPECT_EQ(r.json[0]["name"], "audit-sink");
  EXPECT_FALSE(r.json[0].contains("stackName"));
  ExpectError(Call("GET", kOrgHooks, kRkumarToken), 403, "Only admins");
  r = Call("POST", kOrgHooks, kAcmeOrgToken, NewHook("Billing"));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Call("GET", kOrgHooks + "/billing", kJdoeToken).json["organizationName"], "acme-corp");
  EXPECT_EQ(Call("POST", kOrgHooks + "/billing/ping", kJdoeToken, "{}").json["kind"], "ping");
  EXPECT_EQ(Call("DELETE", kOrgHooks + "/billing", kJdoeToken).status, 204);
  ExpectError(Call("GET", "/api/orgs/globex/hooks", kAcmeOrgToken), 403, "scoped to organization");
}

}  // namespace
}  // namespace emulator
