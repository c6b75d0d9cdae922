#include "emulator/api_description.h"

#include <set>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace emulator {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::shared_ptr<const ApiDescription> Api() { return ApiDescription::Embedded(); }

TEST(ApiDescriptionTest, IndexesEveryOperationOfTheEmbeddedCopy) {
  const std::vector<ApiOperation>& ops = Api()->operations();
  EXPECT_EQ(ops.size(), 619u);
  int in_scope = 0;
  int protocol = 0;
  for (const ApiOperation& op : ops) {
    in_scope += op.in_scope;
    protocol += IsEngineUpdateProtocol(op.method, op.path) && !op.deprecated;
  }
  EXPECT_EQ(in_scope, 280);  // the issue's count of what the gateway mirrors
  EXPECT_EQ(protocol, 41);
}

TEST(ApiDescriptionTest, ReadsParametersBodiesAndSuccess) {
  const ApiOperation* op = Api()->FindById("ListPersonalTokens");
  ASSERT_NE(op, nullptr);
  EXPECT_EQ(op->method, "GET");
  EXPECT_EQ(op->path, "/api/user/tokens");
  std::set<std::string> query;
  for (const ApiParameter& p : op->query_params) query.insert(p.name);
  EXPECT_EQ(query, (std::set<std::string>{"continuationToken", "filter", "maxResults"}));
  EXPECT_EQ(op->success_status, 200);
  EXPECT_EQ(op->success_content_type, "application/json");

  op = Api()->FindById("CreateAPIDeploymentHandlerV2");
  ASSERT_NE(op, nullptr);
  EXPECT_EQ(op->success_status, 202);
  EXPECT_EQ(op->body_content_type, "application/json");
  EXPECT_EQ(ApiDescription::RefName(*op->body_schema), "CreateDeploymentRequest");
  ASSERT_EQ(op->path_params.size(), 3u);
  EXPECT_EQ(op->path_params[0].name, "orgName");

  op = Api()->FindById("DeleteStackConfig");
  EXPECT_EQ(op->success_status, 204);
  EXPECT_EQ(op->success_content_type, "");
  op = Api()->FindById("GetOrgTemplateDownload");
  EXPECT_EQ(op->success_content_type, "application/x-tar");
  op = Api()->FindById("ListRolesByOrgIDAndUXPurpose");
  ASSERT_EQ(op->query_params.size(), 1u);
  EXPECT_TRUE(op->query_params[0].required);
}

TEST(ApiDescriptionTest, ScopeLeavesOutDeprecatedOtherTagsAndTheUpdateProtocol) {
  EXPECT_TRUE(Api()->FindById("GetStackConfig")->in_scope);
  EXPECT_TRUE(Api()->FindById("CancelUpdate_update")->in_scope);
  EXPECT_TRUE(Api()->FindById("GetEngineEvents_preview")->in_scope);
  EXPECT_FALSE(Api()->FindById("RenewUpdateLease_update")->in_scope);
  EXPECT_FALSE(Api()->FindById("PatchUpdateCheckpoint_destroy")->in_scope);
  EXPECT_FALSE(Api()->FindById("CreateUpdateForPreview")->in_scope);
  EXPECT_FALSE(Api()->FindById("StartUpdateForRefresh")->in_scope);
  for (const ApiOperation& op : Api()->operations()) {
    if (op.deprecated) {
      EXPECT_FALSE(op.in_scope) << op.operation_id;
    }
  }
}

TEST(ApiDescriptionTest, EngineUpdateProtocolIsEveryNonGetUnderAnUpdateKindButCancel) {
  const std::string s = "/api/stacks/{orgName}/{projectName}/{stackName}";
  EXPECT_TRUE(IsEngineUpdateProtocol("POST", s + "/update"));
  EXPECT_TRUE(IsEngineUpdateProtocol("POST", s + "/destroy/{updateID}"));
  EXPECT_TRUE(IsEngineUpdateProtocol("PATCH", s + "/refresh/{updateID}/checkpointdelta"));
  EXPECT_TRUE(IsEngineUpdateProtocol("POST", s + "/preview/{updateID}/events/batch"));
  EXPECT_FALSE(IsEngineUpdateProtocol("POST", s + "/update/{updateID}/cancel"));
  EXPECT_FALSE(IsEngineUpdateProtocol("GET", s + "/update/{updateID}/events"));
  EXPECT_FALSE(IsEngineUpdateProtocol("POST", s + "/deployments"));
  EXPECT_FALSE(IsEngineUpdateProtocol("POST", s + "/rename"));
}

TEST(ApiDescriptionTest, FindsTheMostSpecificTemplate) {
  auto find = [](const std::string& method, const std::string& path) -> std::string {
    std::optional<ApiDescription::Match> m = Api()->Find(method, path);
    return m.has_value() ? m->operation->operation_id : "none";
  };
  const std::string prod = "/api/stacks/acme-corp/payments-api/prod";
  EXPECT_EQ(find("GET", prod + "/updates/latest"), "GetLatestStackUpdate");
  EXPECT_EQ(find("GET", prod + "/updates/7"), "GetStackUpdate");
  EXPECT_EQ(find("GET", prod + "/deployments/settings"), "GetDeploymentSettings");
  EXPECT_EQ(find("GET", prod + "/deployments/abc"), "GetDeployment");
  // Same number of literals: the earlier literal wins.
  EXPECT_EQ(find("GET", prod + "/deployments/schedules/logs"), "ReadScheduledDeployment");
  EXPECT_EQ(find("GET", prod + "/deployments/abc/logs"), "GetDeploymentLogs");
  EXPECT_EQ(find("HEAD", "/api/orgs/acme-corp/search"), "SearchClusterAvailable");
  EXPECT_EQ(find("PUT", prod), "none");
  EXPECT_EQ(find("GET", "/api/stacks/acme-corp//prod/config"), "none");

  std::optional<ApiDescription::Match> m = Api()->Find("GET", prod + "/hooks/my%2Fhook");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->params.at("hookName"), "my/hook");
  m = Api()->Find("GET", "/api/stacks/acme-corp//prod/config", /*allow_empty_params=*/true);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->operation->operation_id, "GetStackConfig");
  EXPECT_EQ(m->params.at("projectName"), "");
}

TEST(ApiDescriptionTest, ShapeMergesAllOfAndFollowsRefs) {
  const Json* schema = Api()->Resolve(Json{{"$ref", "#/components/schemas/WebhookResponse"}});
  ASSERT_NE(schema, nullptr);
  ApiDescription::ObjectShape shape = Api()->Shape(*schema);
  std::set<std::string> names;
  for (const auto& [name, s] : shape.properties) names.insert(name);
  EXPECT_TRUE(names.count("payloadUrl"));  // from Webhook
  EXPECT_TRUE(names.count("hasSecret"));   // its own
  EXPECT_TRUE(shape.required.count("organizationName"));
  EXPECT_TRUE(shape.required.count("secretCiphertext"));
  EXPECT_EQ(shape.discriminator, nullptr);

  schema = Api()->Resolve(Json{{"$ref", "#/components/schemas/DeploymentSettingsVCS"}});
  EXPECT_NE(Api()->Shape(*schema).discriminator, nullptr);
  EXPECT_EQ(Api()->Resolve(Json{{"$ref", "#/components/schemas/NoSuchSchema"}}), nullptr);
  EXPECT_EQ(ApiDescription::KindOf(Json::object()), ApiDescription::Kind::kAny);
  EXPECT_EQ(ApiDescription::KindOf(Json{{"allOf", Json::array()}}), ApiDescription::Kind::kObject);
}

TEST(ApiDescriptionTest, RejectsDocumentsItCannotIndex) {
  EXPECT_THAT(std::string(ApiDescription::Parse("[]").status().message()),
              HasSubstr("not a JSON object"));
  EXPECT_THAT(std::string(ApiDescription::Parse("{}").status().message()), HasSubstr("no 'paths'"));
  EXPECT_THAT(
      std::string(
          ApiDescription::Parse(R"({"paths":{"/a":{"get":{"responses":{}}}}})").status().message()),
      HasSubstr("GET /a has no operationId"));
  EXPECT_THAT(std::string(ApiDescription::Parse(R"({"paths":{"/a":{"get":{"operationId":"X",
          "responses":{}}},"/b":{"get":{"operationId":"X","responses":{}}}}})")
                              .status()
                              .message()),
              HasSubstr("duplicate operationId X"));
  absl::StatusOr<std::shared_ptr<const ApiDescription>> tiny = ApiDescription::Parse(
      R"({"paths":{"/a/{id}":{"delete":{"operationId":"Del","responses":{"404":{}}}}}})");
  ASSERT_TRUE(tiny.ok()) << tiny.status();
  ASSERT_EQ((*tiny)->operations().size(), 1u);
  EXPECT_EQ((*tiny)->operations()[0].success_status, 204);  // no 2xx declared
  EXPECT_THAT((*tiny)->operations()[0].tags, ElementsAre());
}

}  // namespace
}  // namespace emulator
