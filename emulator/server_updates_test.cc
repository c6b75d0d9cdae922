// HTTP: update history, status, engine events (paging, filters, following a live update), cancel.
#include <set>
#include <string>

#include "absl/time/clock.h"
#include "emulator/server_test_util.h"

namespace emulator {
namespace {

std::string EventsPath(const std::string& stack, const std::string& id) {
  return stack + "/update/" + id + "/events";
}

TEST_F(EmulatorHttpTest, UpdatesLegacyFormat) {
  HttpResult r = Call("GET", std::string(kProdPath) + "/updates?pageSize=1&page=1", kJdoeToken);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json["updates"].size(), 1u);
  EXPECT_FALSE(r.json.contains("total"));
  const Json& u = r.json["updates"][0];
  EXPECT_EQ(u["kind"], "update");
  EXPECT_EQ(u["version"], 42);
  EXPECT_EQ(u["message"], "Rotate ledger KMS key (#214)");
  EXPECT_EQ(u["startTime"], 1754300112);
  EXPECT_EQ(u["endTime"], 1754300157);
  EXPECT_EQ(u["config"]["payments-api:dbPassword"]["secret"], true);
  EXPECT_EQ(u["resourceChanges"], (Json{{"same", 35}, {"update", 1}, {"create", 1}}));
  EXPECT_EQ(Call("GET", std::string(kProdPath) + "/updates", kJdoeToken).json["updates"].size(),
            5u);
}

TEST_F(EmulatorHttpTest, UpdatesServiceFormatPagesCompletely) {
  std::set<int64_t> versions;
  for (int page = 1;; ++page) {
    HttpResult r = Call("GET",
                        std::string(kProdPath) +
                            "/updates?output-type=service&pageSize=2&page=" + std::to_string(page),
                        kJdoeToken);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json["itemsPerPage"], 2);
    EXPECT_EQ(r.json["total"], 5);
    for (const Json& u : r.json["updates"]) {
      EXPECT_TRUE(versions.insert(u["version"].get<int64_t>()).second);
      EXPECT_TRUE(u["updateID"].is_string());
      EXPECT_EQ(u["latestVersion"], 42);
    }
    if (page * 2 >= r.json["total"].get<int>()) break;
  }
  EXPECT_EQ(versions, (std::set<int64_t>{38, 39, 40, 41, 42}));
  ExpectError(Call("GET", std::string(kProdPath) + "/updates?page=x", kJdoeToken), 400, "'page'");
  ExpectError(Call("GET", std::string(kProdPath) + "/updates?page=-1", kJdoeToken), 400, "page");
  ExpectError(Call("GET", std::string(kProdPath) + "/updates", kEveToken), 403, "not a member");
}

TEST_F(EmulatorHttpTest, LatestAndVersionedUpdate) {
  HttpResult r = Call("GET", std::string(kProdPath) + "/updates/latest", kJdoeToken);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json["updateID"], kProd42Id);
  EXPECT_EQ(r.json["info"]["result"], "succeeded");
  EXPECT_EQ(r.json["requestedBy"]["name"], "Jane Doe");
  EXPECT_EQ(r.json["requestedByToken"], "ci-deploy-token");
  EXPECT_EQ(Call("GET", std::string(kProdPath) + "/updates/40", kJdoeToken).json["version"], 40);
  ExpectError(Call("GET", std::string(kProdPath) + "/updates/99", kJdoeToken), 404, "version 99");
  ExpectError(Call("GET", std::string(kProdPath) + "/updates/x", kJdoeToken), 400,
              "invalid version");
  ExpectError(Call("GET", "/api/stacks/acme-corp/data-pipeline/dev/updates/latest", kJdoeToken),
              404, "has no updates");
  EXPECT_EQ(
      Call("GET", kStagingPath + std::string("/updates/latest"), kJdoeToken).json["info"]["result"],
      "in-progress");
}

TEST_F(EmulatorHttpTest, UpdateStatus) {
  HttpResult r = Call("GET", std::string(kProdPath) + "/update/" + kProd42Id, kJdoeToken);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json, (Json{{"status", "succeeded"}, {"events", Json::array()}}));
  r = Call("GET", kStagingPath + std::string("/update/") + kRunningId, kJdoeToken);
  EXPECT_EQ(r.json["status"], "running");
  EXPECT_TRUE(r.json["continuationToken"].is_string());
  EXPECT_EQ(r.json["events"][0]["index"], "0");
  ExpectError(Call("GET", std::string(kProdPath) + "/preview/" + kProd42Id, kJdoeToken), 404,
              "not found");
  ExpectError(Call("GET", std::string(kProdPath) + "/deploy/" + kProd42Id, kJdoeToken), 404,
              "no route");
  ExpectError(Call("GET", std::string(kProdPath) + "/update/" + kProd42Id + "?continuationToken=z",
                   kJdoeToken),
              400, "Invalid continuation token");
}

TEST_F(EmulatorHttpTest, EventsPageToNullTokenWithoutDuplicates) {
  ServerOptions options;
  options.store.events_page_size = 4;
  StartServer(options);
  std::string path = EventsPath(kProdPath, kProd42Id);
  std::vector<std::string> types;
  int calls = 0;
  std::string token;
  for (; calls < 20; ++calls) {
    HttpResult r =
        Call("GET", token.empty() ? path : path + "?continuationToken=" + token, kJdoeToken);
    ASSERT_EQ(r.status, 200) << r.body;
    ASSERT_TRUE(r.json.contains("continuationToken"));
    for (const Json& e : r.json["events"]) {
      types.push_back(e["type"]);
      EXPECT_TRUE(e[e["type"].get<std::string>()].is_object());
      EXPECT_TRUE(e["timestamp"].is_number_integer());
    }
    if (r.json["continuationToken"].is_null()) break;
    token = r.json["continuationToken"];
  }
  EXPECT_EQ(calls, 2);  // 4 + 4 + 1
  EXPECT_EQ(types.size(), 9u);
  EXPECT_EQ(types.front(), "preludeEvent");
  EXPECT_EQ(types[7], "summaryEvent");
}

TEST_F(EmulatorHttpTest, EventFilters) {
  std::string path = EventsPath(kProdPath, kProd42Id);
  HttpResult r = Call("GET", path + "?type=diagnosticEvent&type=policyEvent", kJdoeToken);
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(r.json["events"].size(), 2u);
  EXPECT_EQ(r.json["events"][0]["type"], "diagnosticEvent");
  EXPECT_EQ(r.json["events"][1]["type"], "policyEvent");
  r = Call(
      "GET",
      path +
          "?urn=urn%3Apulumi%3Aprod%3A%3Apayments-api%3A%3Aaws%3As3%2Fbucket%3ABucket%3A%3Aledger"
          "&include_non_activated=true",
      kJdoeToken);
  EXPECT_EQ(r.json["events"].size(), 4u);
  ExpectError(Call("GET", path + "?include_non_activated=maybe", kJdoeToken), 400,
              "include_non_activated");
  ExpectError(Call("GET", path + "?continuationToken=-1", kJdoeToken), 400,
              "Invalid continuation token");
}

TEST_F(EmulatorHttpTest, FollowLiveUpdateUntilFinished) {
  HttpResult started = Call("POST", "/_emulator/live-updates", "",
                            Json{{"org", "acme-corp"},
                                 {"project", "payments-api"},
                                 {"stack", "prod"},
                                 {"intervalMs", 20},
                                 {"eventCount", 12}});
  ASSERT_EQ(started.status, 201) << started.body;
  std::string id = started.json["updateID"];
  EXPECT_EQ(started.json["version"], 43);
  EXPECT_EQ(Call("GET", kProdPath, kJdoeToken).json["currentOperation"]["kind"], "update");
  std::string path = EventsPath(kProdPath, id);
  std::vector<Json> events;
  std::string token;
  bool saw_token_while_running = false;
  absl::Time deadline = absl::Now() + absl::Seconds(20);
  for (;;) {
    ASSERT_LT(absl::Now(), deadline) << "update did not finish; got " << events.size();
    HttpResult r =
        Call("GET", token.empty() ? path : path + "?continuationToken=" + token, kJdoeToken);
    ASSERT_EQ(r.status, 200) << r.body;
    for (const Json& e : r.json["events"]) events.push_back(e);
    if (r.json["continuationToken"].is_null()) break;
    if (events.size() < 12) saw_token_while_running = true;
    token = r.json["continuationToken"];
  }
  EXPECT_TRUE(saw_token_while_running);
  ASSERT_EQ(events.size(), 12u);
  EXPECT_EQ(events.front()["type"], "preludeEvent");
  EXPECT_EQ(events.back()["type"], "summaryEvent");
  EXPECT_EQ(Call("GET", std::string(kProdPath) + "/update/" + id, kJdoeToken).json["status"],
            "succeeded");
}

TEST_F(EmulatorHttpTest, CancelRunningUpdate) {
  std::string cancel = kStagingPath + std::string("/update/") + kRunningId + "/cancel";
  ExpectError(Call("POST", cancel, kEveToken), 403, "not a member");
  HttpResult r = Call("POST", cancel, kJdoeToken);
  EXPECT_EQ(r.status, 204);
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(
      Call("GET", kStagingPath + std::string("/update/") + kRunningId, kJdoeToken).json["status"],
      "cancelled");
  HttpResult events = Call("GET", EventsPath(kStagingPath, kRunningId), kJdoeToken);
  EXPECT_EQ(events.json["events"].back()["type"], "cancelEvent");
  EXPECT_TRUE(events.json["continuationToken"].is_null());
  ExpectError(Call("POST", cancel, kJdoeToken), 409, "is not running");
  ExpectError(Call("POST", std::string(kProdPath) + "/update/" + kProd42Id + "/cancel", kJdoeToken),
              409, "is not running");
  ExpectError(Call("POST", std::string(kProdPath) + "/update/nope/cancel", kJdoeToken), 404,
              "not found");
}

}  // namespace
}  // namespace emulator
