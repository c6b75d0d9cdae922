// HTTP: Pulumi Deployments — settings, runs and their progression, logs, updates, lists, cancel
// and the admin step endpoint (stateful).
#include <string>

#include "emulator/server_test_util.h"

namespace emulator {
namespace {

const std::string kDeployments = std::string(kProdPath) + "/deployments";
const std::string kSettings = kDeployments + "/settings";
constexpr char kSeededRun[] = "5c1e7a2b-3d4f-4a6b-9c8d-0e1f2a3b4c5d";

class DeploymentsTest : public EmulatorHttpTest {
 protected:
  // Starts a run on prod (inheriting its settings); returns its id.
  std::string Create(const Json& body = Json{{"operation", "update"}}) {
    HttpResult r = Call("POST", kDeployments, kJdoeToken, body);
    EXPECT_EQ(r.status, 202) << r.body;
    return r.json.value("id", "");
  }
  std::string Status(const std::string& id) {
    return Call("GET", "/api/deployments/" + id + "/status", kJdoeToken).json.get<std::string>();
  }
};

TEST_F(DeploymentsTest, SettingsReadMergeDelete) {
  HttpResult r = Call("GET", kSettings, kRkumarToken);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["version"], 3);
  EXPECT_EQ(r.json["sourceContext"]["git"]["branch"], "main");
  r = Call("POST", kSettings, kRkumarToken,
           Json{{"sourceContext", {{"git", {{"branch", "release"}}}}}, {"cacheOptions", nullptr}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["version"], 4);
  EXPECT_EQ(r.json["sourceContext"]["git"]["branch"], "release");
  EXPECT_EQ(r.json["sourceContext"]["git"]["repoUrl"],
            "https://github.com/acme-corp/payments-api.git");  // merged, not replaced
  EXPECT_FALSE(r.json.contains("cacheOptions"));               // null removes
  ExpectError(Call("POST", kSettings, kRkumarToken, Json{{"gitHub", Json::object()}}), 400,
              "missing required body field 'gitHub.pullRequestTemplate'");
  r = Call("DELETE", kSettings, kRkumarToken);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json, true);
  ExpectError(Call("GET", kSettings, kRkumarToken), 404, "has no deployment settings");
  ExpectError(Call("POST", kDeployments, kJdoeToken, Json{{"operation", "update"}}), 400,
              "names no source");
  HttpResult created =
      Call("POST", kDeployments, kJdoeToken,
           Json{{"operation", "preview"},
                {"sourceContext", {{"git", {{"repoUrl", "https://git.example/p.git"}}}}}});
  EXPECT_EQ(created.status, 202) << created.body;
}

TEST_F(DeploymentsTest, RunsMoveOnePerReadAndRecordTheirUpdate) {
  HttpResult r = Call("POST", kDeployments, kJdoeToken, Json{{"operation", "update"}});
  ASSERT_EQ(r.status, 202) << r.body;
  EXPECT_EQ(r.json["version"], 2);
  EXPECT_EQ(r.json["consoleUrl"],
            "https://app.pulumi.com/acme-corp/payments-api/prod/deployments/2");
  std::string id = r.json["id"];
  ExpectError(Call("POST", kDeployments, kJdoeToken, Json{{"operation", "deploy"}}), 400,
              "body field 'operation' must be one of update, preview");

  EXPECT_EQ(Status(id), "not-started");
  r = Call("GET", kDeployments + "/" + id, kJdoeToken);
  EXPECT_EQ(r.json["status"], "accepted");  // and the read moves it to running
  EXPECT_EQ(r.json["pulumiOperation"], "update");
  EXPECT_EQ(r.json["latestVersion"], 2);
  EXPECT_EQ(r.json["configuration"]["source"]["git"]["repoURL"],
            "https://github.com/acme-corp/payments-api.git");
  EXPECT_EQ(r.json["jobs"][0]["steps"][0]["status"], "not-started");
  // Running: no update recorded yet; this read moves it to succeeded.
  EXPECT_EQ(Call("GET", kDeployments + "/" + id + "/updates", kJdoeToken).json, Json::array());
  r = Call("GET", kDeployments + "/version/2", kJdoeToken);
  EXPECT_EQ(r.json["status"], "succeeded");
  EXPECT_EQ(r.json["jobs"][0]["steps"][3]["status"], "succeeded");
  EXPECT_EQ(Status(id), "succeeded");
  EXPECT_EQ(Status(id), "succeeded");
  r = Call("GET", kDeployments + "/" + id + "/updates", kJdoeToken);
  ASSERT_EQ(r.json.size(), 1u);
  EXPECT_EQ(r.json[0]["info"]["kind"], "update");
  EXPECT_EQ(r.json[0]["version"], 43);
  r = Call("GET", std::string(kProdPath) + "/updates/latest", kJdoeToken);
  EXPECT_EQ(r.json["info"]["message"], "Pulumi Deployments: update (deployment 2)");

  ExpectError(Call("GET", kDeployments + "/nope", kJdoeToken), 404, "Deployment 'nope'");
  ExpectError(Call("GET", kDeployments + "/version/9", kJdoeToken), 404, "version 9");
  ExpectError(Call("GET", "/api/deployments/" + id + "/status", kEveToken), 404, "not found");
}

TEST_F(DeploymentsTest, LogsGrowWhileTheRunGoesOn) {
  std::string id = Create();
  std::string logs = kDeployments + "/" + id + "/logs";
  HttpResult r = Call("GET", logs, kJdoeToken);  // not-started: nothing yet
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["__type"], "DeploymentLogs");
  EXPECT_EQ(r.json["lines"].size(), 0u);
  std::string token = r.json["nextToken"];
  r = Call("GET", logs + "?continuationToken=" + token, kJdoeToken);  // accepted
  EXPECT_EQ(r.json["lines"].size(), 0u);
  EXPECT_EQ(r.json["nextToken"], token);                              // still at the end
  r = Call("GET", logs + "?continuationToken=" + token, kJdoeToken);  // running
  ASSERT_EQ(r.json["lines"].size(), 7u);  // three steps done, the last one started
  EXPECT_EQ(r.json["lines"][0]["header"], "Prepare runtime environment");
  EXPECT_EQ(r.json["lines"][0]["line"], "Preparing deployment 2 of acme-corp/payments-api/prod");
  EXPECT_EQ(r.json["lines"][6]["header"], "Pulumi update");
  token = r.json["nextToken"];
  r = Call("GET", logs + "?continuationToken=" + token, kJdoeToken);  // succeeded
  ASSERT_EQ(r.json["lines"].size(), 2u);  // what the last step wrote since
  EXPECT_EQ(r.json["lines"][1]["line"], "Deployment succeeded.");
  EXPECT_FALSE(r.json.contains("nextToken"));  // finished and all returned

  r = Call("GET", logs + "?count=4", kJdoeToken);
  ASSERT_EQ(r.json["lines"].size(), 4u);
  r = Call("GET", logs + "?continuationToken=" + r.json["nextToken"].get<std::string>(),
           kJdoeToken);
  EXPECT_EQ(r.json["lines"].size(), 5u);
  EXPECT_FALSE(r.json.contains("nextToken"));

  r = Call("GET", logs + "?job=0&step=3&offset=1&count=1", kJdoeToken);
  EXPECT_EQ(r.json, (Json{{"__type", "DeploymentLogsStep"},
                          {"name", "Pulumi update"},
                          {"lines",
                           {{{"timestamp", r.json["lines"][0]["timestamp"]},
                             {"line", "update: no resource changes"}}}},
                          {"nextOffset", 2}}));
  r = Call("GET", logs + "?step=3&offset=2", kJdoeToken);
  EXPECT_EQ(r.json["lines"].size(), 1u);
  EXPECT_FALSE(r.json.contains("nextOffset"));
  ExpectError(Call("GET", logs + "?step=9", kJdoeToken), 404, "Step 9");
  ExpectError(Call("GET", logs + "?job=1&step=0", kJdoeToken), 404, "Job 1");
  ExpectError(Call("GET", logs + "?continuationToken=zz", kJdoeToken), 400,
              "Invalid continuation token");
  ExpectError(Call("GET", logs + "?count=x", kJdoeToken), 400,
              "query parameter 'count' must be an integer, got 'x'");
}

TEST_F(DeploymentsTest, ListsPerStackAndOrganization) {
  std::string second = Create();
  std::string third = Create(Json{{"operation", "refresh"}});
  HttpResult r = Call("GET", kDeployments, kRkumarToken);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["total"], 3);
  EXPECT_EQ(r.json["itemsPerPage"], 10);
  ASSERT_EQ(r.json["deployments"].size(), 3u);
  EXPECT_EQ(r.json["deployments"][0]["id"], third);  // newest first
  EXPECT_EQ(r.json["deployments"][0]["pulumiOperation"], "refresh");
  EXPECT_EQ(r.json["deployments"][2]["id"], kSeededRun);
  EXPECT_EQ(r.json["deployments"][2]["updates"][0]["updateID"], kProd42Id);
  r = Call("GET", kDeployments + "?asc=true&page=2&pageSize=1", kRkumarToken);
  ASSERT_EQ(r.json["deployments"].size(), 1u);
  EXPECT_EQ(r.json["deployments"][0]["id"], second);
  ExpectError(Call("GET", kDeployments + "?page=0", kRkumarToken), 400, "page must be >= 1");
  r = Call("GET", "/api/orgs/acme-corp/deployments?pageSize=50", kRkumarToken);
  EXPECT_EQ(r.json["total"], 3);
  EXPECT_EQ(r.json["deployments"][0]["stackName"], "prod");
  EXPECT_EQ(Call("GET", "/api/orgs/globex/deployments", kEveToken).json["total"], 0);
}

TEST_F(DeploymentsTest, CancelAndTheAdminStep) {
  std::string id = Create();
  EXPECT_EQ(Call("POST", kDeployments + "/" + id + "/cancel", kJdoeToken, "{}").status, 200);
  EXPECT_EQ(Status(id), "failed");
  ExpectError(Call("POST", kDeployments + "/" + id + "/cancel", kJdoeToken, "{}"), 409,
              "has already finished");
  HttpResult r = Call("GET", kDeployments + "/" + id + "/logs", kJdoeToken);
  EXPECT_EQ(r.json["lines"][0]["line"], "Deployment cancelled.");
  EXPECT_EQ(Call("GET", kDeployments + "/" + id + "/updates", kJdoeToken).json, Json::array());

  id = Create();
  std::string advance = "/_emulator/deployments/" + id + "/advance";
  r = Call("POST", advance, "", Json{{"steps", 2}});
  EXPECT_EQ(r.json, (Json{{"id", id}, {"status", "running"}}));
  r = Call("POST", advance, "", Json{{"status", "failed"}});
  EXPECT_EQ(r.json, (Json{{"id", id}, {"status", "failed"}}));
  EXPECT_EQ(Call("GET", kDeployments + "/" + id + "/updates", kJdoeToken).json[0]["info"]["result"],
            "failed");
  ExpectError(Call("POST", advance, "", Json{{"status", "succeeded"}}), 400, "already failed");
  ExpectError(Call("POST", advance, "", Json{{"status", "done"}}), 400, "status must be");
  ExpectError(Call("POST", "/_emulator/deployments/nope/advance", "", "{}"), 404, "not found");
}

TEST_F(DeploymentsTest, ReadsCanLeaveRunsAlone) {
  ServerOptions options;
  options.store.deployment_steps_per_read = 0;
  StartServer(options);
  std::string id = Create();
  EXPECT_EQ(Status(id), "not-started");
  EXPECT_EQ(Status(id), "not-started");
  EXPECT_EQ(Call("POST", "/_emulator/deployments/" + id + "/advance", "", "").json["status"],
            "accepted");
  EXPECT_EQ(Status(id), "accepted");
}

}  // namespace
}  // namespace emulator
