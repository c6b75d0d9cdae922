// HTTP: the /_emulator admin API.
#include <string>

#include "emulator/server_test_util.h"

namespace emulator {
namespace {

TEST_F(EmulatorHttpTest, HealthNeedsNoToken) {
  HttpResult r = Call("GET", "/_emulator/health", "");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.json, (Json{{"status", "ok"}}));
  ExpectError(Call("GET", "/_emulator/nope", ""), 404, "no admin route");
}

TEST_F(EmulatorHttpTest, FaultAdministration) {
  HttpResult added = Call("POST", "/_emulator/faults", "",
                          Json{{"kind", "latency"}, {"latency_ms", 1}, {"route", "/x"}});
  ASSERT_EQ(added.status, 201);
  EXPECT_EQ(added.json["id"], "f1");
  EXPECT_EQ(added.json["kind"], "latency");
  EXPECT_EQ(Call("POST", "/_emulator/faults", "", Json{{"kind", "reset"}}).json["id"], "f2");
  HttpResult list = Call("GET", "/_emulator/faults", "");
  ASSERT_EQ(list.json["faults"].size(), 2u);
  EXPECT_EQ(list.json["faults"][0]["route"], "/x");
  EXPECT_EQ(Call("DELETE", "/_emulator/faults/f2", "").status, 204);
  ExpectError(Call("DELETE", "/_emulator/faults/f2", ""), 404, "no such fault");
  EXPECT_EQ(Call("GET", "/_emulator/faults", "").json["faults"].size(), 1u);
  ExpectError(Call("POST", "/_emulator/faults", "", Json{{"kind", "meteor"}}), 400,
              "unknown fault kind");
  ExpectError(Call("POST", "/_emulator/faults", "", Json{{"kind", "status"}, {"route", "^("}}), 400,
              "invalid route regex");
  ExpectError(Call("POST", "/_emulator/faults", "", std::string("[]")), 400, "JSON object");
}

TEST_F(EmulatorHttpTest, RequestLogCountsApiCallsWithoutTokens) {
  Call("GET", "/api/user/stacks?organization=acme-corp", kJdoeToken);
  Call("GET", kProdPath, kRkumarToken);
  Call("GET", "/api/user/stacks", "");
  HttpResult r = Call("GET", "/_emulator/requests?method=GET&path=/api/user/*", "");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json["count"], 2);
  ASSERT_EQ(r.json["requests"].size(), 2u);
  const Json& first = r.json["requests"][0];
  EXPECT_EQ(first["path"], "/api/user/stacks");
  EXPECT_EQ(first["query"], "organization=acme-corp");
  EXPECT_EQ(first["route"], "/api/user/stacks");
  EXPECT_EQ(first["status"], 200);
  EXPECT_EQ(first["tokenHash"], TokenFingerprint(kJdoeToken));
  EXPECT_EQ(r.json["requests"][1]["status"], 401);
  EXPECT_EQ(r.json["requests"][1]["tokenHash"], "");
  EXPECT_EQ(Call("GET", "/_emulator/requests", "").body.find(kJdoeToken), std::string::npos);
  EXPECT_EQ(Call("GET", "/_emulator/requests", "").json["count"], 3);  // admin calls not logged
  EXPECT_EQ(Call("DELETE", "/_emulator/requests", "").status, 204);
  EXPECT_EQ(server_->requests().Count("", ""), 0);
}

TEST_F(EmulatorHttpTest, ResetRestoresSeedAndClearsFaultsAndLog) {
  ASSERT_EQ(Call("DELETE", std::string(kProdPath) + "?force=true", kJdoeToken).status, 204);
  Call("POST", "/_emulator/faults", "", Json{{"kind", "status"}, {"route", "/nothing"}});
  EXPECT_EQ(Call("POST", "/_emulator/reset", "").status, 204);
  EXPECT_EQ(Call("GET", kProdPath, kJdoeToken).status, 200);
  EXPECT_TRUE(server_->faults().List().empty());
  EXPECT_EQ(server_->requests().Count("", ""), 1);
  // A new seed document replaces the data set.
  Json seed = {
      {"users", {{{"login", "solo"}, {"tokens", {"pul-test-solo"}}}}},
      {"orgs", {{{"name", "tiny"}, {"members", {{{"login", "solo"}, {"role", "admin"}}}}}}}};
  EXPECT_EQ(Call("POST", "/_emulator/reset", "", seed).status, 204);
  EXPECT_EQ(Call("GET", kProdPath, kJdoeToken).status, 401);
  EXPECT_EQ(Call("GET", "/api/orgs/tiny/members", "pul-test-solo").json["members"].size(), 1u);
  ExpectError(Call("POST", "/_emulator/reset", "", Json{{"users", 1}}), 400, "seed");
}

TEST_F(EmulatorHttpTest, LiveUpdateValidation) {
  ExpectError(Call("POST", "/_emulator/live-updates", "", Json{{"org", "acme-corp"}}), 400,
              "'project' is required");
  ExpectError(Call("POST", "/_emulator/live-updates", "",
                   Json{{"org", "acme-corp"}, {"project", "payments-api"}, {"stack", "nope"}}),
              404, "not found");
  ExpectError(Call("POST", "/_emulator/live-updates", "",
                   Json{{"org", "acme-corp"}, {"project", "payments-api"}, {"stack", "staging"}}),
              409, "in progress");
  ExpectError(Call("POST", "/_emulator/live-updates", "",
                   Json{{"org", "acme-corp"},
                        {"project", "payments-api"},
                        {"stack", "prod"},
                        {"kind", "deploy"}}),
              400, "kind");
}

TEST_F(EmulatorHttpTest, AdminCanBeDisabled) {
  ServerOptions options;
  options.enable_admin = false;
  StartServer(options);
  ExpectError(Call("GET", "/_emulator/health", ""), 401, "Unauthorized");
  ExpectError(Call("GET", "/_emulator/health", kJdoeToken), 404, "no route");
}

}  // namespace
}  // namespace emulator
