// HTTP: the conformance mode (answers for the operations without a stateful route), request
// validation against the API description, and the per-operation counters and request log.
#include <string>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "emulator/schema_checker.h"
#include "emulator/server_test_util.h"

namespace emulator {
namespace {

using ::testing::IsEmpty;

// The path of `operation_id` with its parameters filled from `params` ("x" otherwise).
std::string PathOf(const ApiDescription& api, const std::string& operation_id,
                   const std::map<std::string, std::string>& params = {}) {
  const ApiOperation* op = api.FindById(operation_id);
  EXPECT_NE(op, nullptr) << operation_id;
  if (op == nullptr) return "";
  std::vector<std::string> segments = absl::StrSplit(op->path, '/');
  for (std::string& s : segments) {
    if (s.empty() || s.front() != '{') continue;
    std::string name = s.substr(1, s.size() - 2);
    static const std::map<std::string, std::string> kDefaults = {
        {"orgName", "acme-corp"}, {"projectName", "payments-api"}, {"stackName", "prod"}};
    auto given = params.find(name);
    auto fallback = kDefaults.find(name);
    s = given != params.end()         ? given->second
        : fallback != kDefaults.end() ? fallback->second
                                      : "x";
  }
  return absl::StrJoin(segments, "/");
}

class ConformanceTest : public EmulatorHttpTest {
 protected:
  const ApiDescription& api() { return server_->api_description(); }
  std::string Path(const std::string& id, const std::map<std::string, std::string>& p = {}) {
    return PathOf(api(), id, p);
  }
};

TEST_F(ConformanceTest, SampleAnswersAcrossTheTagsAreSchemaComplete) {
  for (const std::string id :
       {"GetStackOverview", "ListStackTeams", "GetLatestStackResources", "GetOrganization",
        "ListOrgInvites", "GetPolicyGroup", "List_orgs_oidc_issuers", "GetDefaultOrganization",
        "ListUserOrgInvites", "ListScheduledDeployment", "GetStackDriftStatus", "ListDriftRuns",
        "GetDeployUsageReport"}) {
    const ApiOperation* op = api().FindById(id);
    ASSERT_NE(op, nullptr) << id;
    ASSERT_EQ(server_->stateful_operations().count(id), 0u) << id;
    std::string query;
    for (const ApiParameter& p : op->query_params) {
      if (p.required) query += (query.empty() ? "?" : "&") + p.name + "=x";
    }
    HttpResult r = Call(op->method, Path(id) + query, kJdoeToken);
    ASSERT_EQ(r.status, op->success_status) << id << ": " << r.body;
    EXPECT_EQ(r.Header("Content-Type"), "application/json") << id;
    EXPECT_THAT(CheckSchemaComplete(api(), *op->success_schema, r.json), IsEmpty()) << id;
  }
}

TEST_F(ConformanceTest, InvalidRequestsGetAPreciseErrorBody) {
  std::string roles = Path("ListAvailableScopes");
  ExpectError(Call("GET", roles + "?verbose=1", kJdoeToken), 400,
              "Bad Request: unknown query parameter 'verbose' (this operation takes none)");
  std::string gates = Path("ListGates");
  ExpectError(Call("POST", gates, kJdoeToken, "{"), 400,
              "Bad Request: request body is not valid JSON");
  ExpectError(Call("POST", gates, kJdoeToken, Json::object()), 400,
              "Bad Request: missing required body field");
  std::string usage = Path("GetUsageSummaryResourceHours");
  ExpectError(Call("GET", usage + "?granularity=weekly&lookbackDays=x", kJdoeToken), 400,
              "must be an integer, got 'x'");
  ExpectError(Call("GET", "/api/orgs//oidc/issuers", kJdoeToken), 400,
              "Bad Request: path parameter 'orgName' must not be empty");
  // The same requests, valid, are answered.
  EXPECT_EQ(Call("GET", roles, kJdoeToken).status, 200);
}

TEST_F(ConformanceTest, NeedsAValidToken) {
  ExpectError(Call("GET", Path("GetOrganization"), ""), 401, "Unauthorized");
  ExpectError(Call("GET", Path("GetOrganization"), "pul-demo-nobody"), 401, "Unauthorized");
}

TEST_F(ConformanceTest, StatefulRoutesKeepWinning) {
  const std::set<std::string>& stateful = server_->stateful_operations();
  for (const char* id : {"GetStack",
                         "ListUserStacks",
                         "GetLatestStackUpdate",
                         "GetUpdateStatusForUpdate",
                         "GetEngineEvents_refresh",
                         "CancelUpdate_destroy",
                         "ListAuditLogEventsHandlerV2",
                         "GetStackConfig",
                         "UpdateStackConfig",
                         "CreateStackWebhook",
                         "PingOrganizationWebhook",
                         "CreatePersonalToken",
                         "DeleteTeamToken",
                         "ListTeamRoles",
                         "UpdateTeamRoles",
                         "GetOrganizationMemberTeams",
                         "CreateAPIDeploymentHandlerV2",
                         "GetDeploymentLogs",
                         "GetDeployment_version",
                         "GetDeploymentsStatus",
                         "ListOrgDeployments",
                         "PatchDeploymentSettings"}) {
    EXPECT_EQ(stateful.count(id), 1u) << id;
  }
  for (const char* id : {"GetStackOverview", "ReadScheduledDeployment", "GetOrganization",
                         "RenewUpdateLease_update", "ListPolicyGroups"}) {
    EXPECT_EQ(stateful.count(id), 0u) << id;
  }
  HttpResult r = Call("GET", std::string(kProdPath) + "/config", kJdoeToken);
  EXPECT_EQ(r.json, (Json{{"environment", "payments-api/prod"}}));
  // The earlier literal beats the stateful {id}: ReadScheduledDeployment, not GetDeploymentLogs.
  EXPECT_EQ(Call("GET", std::string(kProdPath) + "/deployments/schedules/logs", kJdoeToken).status,
            200);
  EXPECT_EQ(server_->operations().Get("ReadScheduledDeployment").served_by, "conformance");
}

TEST_F(ConformanceTest, CanBeTurnedOff) {
  ServerOptions options;
  options.conformance = false;
  StartServer(options);
  ExpectError(Call("GET", Path("GetOrganization"), kJdoeToken), 404,
              "no route for GET /api/orgs/acme-corp");
  ExpectError(Call("GET", "/api/orgs//oidc/issuers", kJdoeToken), 404, "no route");
  EXPECT_EQ(Call("GET", std::string(kProdPath) + "/config", kJdoeToken).status, 200);
  // Stateful routes still validate against the description.
  ExpectError(Call("GET", std::string(kProdPath) + "/config?x=1", kJdoeToken), 400,
              "unknown query parameter 'x'");
}

TEST_F(ConformanceTest, NonJsonAndBodilessAnswers) {
  HttpResult r = Call("HEAD", Path("SearchClusterAvailable"), kJdoeToken);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "");
  r = Call("GET", Path("GetOrgTemplateDownload"), kJdoeToken);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("Content-Type"), "application/x-tar");
  EXPECT_EQ(r.body.size(), 2048u);
  r = Call("GET", Path("GetOrgTemplateReadme"), kJdoeToken);
  EXPECT_EQ(r.Header("Content-Type"), "text/markdown");
  EXPECT_EQ(r.body, "# GetOrgTemplateReadme\n\nExample document.\n");
  r = Call("DELETE", Path("DeleteOidcIssuer"), kJdoeToken);
  EXPECT_EQ(r.status, 204);
  EXPECT_EQ(r.body, "");
}

TEST_F(ConformanceTest, CountsRequestsPerOperationAndLogsTheirIds) {
  std::string scopes = Path("ListAvailableScopes");
  Call("GET", scopes, kJdoeToken);
  Call("GET", scopes + "?bad=1", kJdoeToken);
  // An older stateful route is served, but the undeclared `maxResults` is counted as rejected.
  EXPECT_EQ(Call("GET", "/api/orgs/acme-corp/members?maxResults=2", kJdoeToken).status, 200);
  OperationStats::Counts c = server_->operations().Get("ListAvailableScopes");
  EXPECT_EQ(c.requests, 2);
  EXPECT_EQ(c.accepted, 1);
  EXPECT_EQ(c.rejected, 1);
  EXPECT_EQ(c.served_by, "conformance");
  EXPECT_EQ(c.last_rejection,
            "Bad Request: unknown query parameter 'bad' (this operation takes none)");
  c = server_->operations().Get("ListOrganizationMembers");
  EXPECT_EQ(c.rejected, 1);
  EXPECT_EQ(c.served_by, "stateful");

  HttpResult r = Call("GET", "/_emulator/operations?operationId=ListAvailableScopes", "");
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(r.json["operations"].size(), 1u);
  Json op = r.json["operations"][0];
  EXPECT_EQ(op["accepted"], 1);
  EXPECT_EQ(op["rejected"], 1);
  EXPECT_EQ(op["inScope"], true);
  EXPECT_EQ(op["stateful"], false);
  EXPECT_EQ(op["path"], "/api/orgs/{orgName}/roles/scopes");
  EXPECT_EQ(r.json["totals"], (Json{{"requests", 3}, {"accepted", 1}, {"rejected", 2}}));
  EXPECT_EQ(Call("GET", "/_emulator/operations", "").json["operations"].size(), 2u);
  EXPECT_EQ(Call("GET", "/_emulator/operations?all=true", "").json["operations"].size(),
            api().operations().size());
  ExpectError(Call("GET", "/_emulator/operations?operationId=Nope", ""), 404, "no operation");

  r = Call("GET", "/_emulator/requests?operationId=ListAvailableScopes", "");
  ASSERT_EQ(r.json["count"], 2);
  EXPECT_EQ(r.json["requests"][0]["operationId"], "ListAvailableScopes");
  EXPECT_EQ(r.json["requests"][0]["route"], "/api/orgs/{orgName}/roles/scopes");
  EXPECT_EQ(r.json["requests"][1]["status"], 400);

  EXPECT_EQ(Call("DELETE", "/_emulator/operations", "").status, 204);
  EXPECT_EQ(server_->operations().Get("ListAvailableScopes").requests, 0);
}

TEST_F(ConformanceTest, AnotherDescriptionCanDriveIt) {
  ServerOptions options;
  options.api_description = *ApiDescription::Parse(R"({"paths": {"/api/widgets/{id}": {"get": {
      "operationId": "GetWidget", "parameters": [{"in": "path", "name": "id", "required": true,
      "schema": {"type": "integer"}}], "responses": {"200": {"content": {"application/json":
      {"schema": {"type": "object", "properties": {"size": {"type": "integer"}}}}}}}}}}})");
  StartServer(options);
  EXPECT_EQ(Call("GET", "/api/widgets/7", kJdoeToken).json, (Json{{"size", 1}}));
  ExpectError(Call("GET", "/api/widgets/seven", kJdoeToken), 400,
              "path parameter 'id' must be an integer, got 'seven'");
  EXPECT_EQ(Call("GET", std::string(kProdPath) + "/config", kJdoeToken).status, 200);
  ExpectError(Call("GET", "/api/orgs/acme-corp", kJdoeToken), 404, "no route");
}

}  // namespace
}  // namespace emulator
