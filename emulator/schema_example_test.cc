#include "emulator/schema_example.h"

#include "emulator/request_validator.h"
#include "emulator/schema_checker.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace emulator {
namespace {

using ::testing::IsEmpty;

std::shared_ptr<const ApiDescription> Api() { return ApiDescription::Embedded(); }

// Every JSON answer of the description is schema-complete, and the same on every call.
TEST(SchemaExampleTest, EveryJsonAnswerIsSchemaComplete) {
  int checked = 0;
  for (const ApiOperation& op : Api()->operations()) {
    if (op.success_content_type != "application/json" || op.success_schema == nullptr ||
        op.success_status == 204 || op.method == "HEAD") {
      continue;
    }
    Reply reply = ExampleReply(*Api(), op);
    ASSERT_EQ(reply.status, op.success_status) << op.operation_id;
    ASSERT_EQ(reply.content_type, "application/json") << op.operation_id;
    Json doc = Json::parse(reply.body, nullptr, false);
    ASSERT_FALSE(doc.is_discarded()) << op.operation_id;
    EXPECT_THAT(CheckSchemaComplete(*Api(), *op.success_schema, doc), IsEmpty()) << op.operation_id;
    EXPECT_EQ(ExampleReply(*Api(), op).body, reply.body) << op.operation_id;
    ++checked;
  }
  EXPECT_GT(checked, 400);
}

// The generator and the validator agree: an example of a request body is a valid body.
TEST(SchemaExampleTest, ExampleRequestBodiesPassValidation) {
  for (const ApiOperation& op : Api()->operations()) {
    if (op.body_content_type != "application/json") continue;
    Json body = ExampleValue(*Api(), *op.body_schema, "");
    absl::Status valid = ValidateJson(*Api(), *op.body_schema, body, "");
    EXPECT_TRUE(valid.ok()) << op.operation_id << ": " << valid;
  }
}

TEST(SchemaExampleTest, ValuesFollowTheDocumentedRules) {
  Json token = ExampleValue(*Api(), Json{{"$ref", "#/components/schemas/AccessToken"}}, "");
  EXPECT_EQ(token["name"], "name-example");
  EXPECT_EQ(token["expires"], 1);
  EXPECT_EQ(token["admin"], true);
  EXPECT_EQ(token["type"], "personal");  // first enum value
  EXPECT_EQ(token["role"]["defaultIdentifier"], "member");

  Json role =
      ExampleValue(*Api(), Json{{"$ref", "#/components/schemas/PermissionDescriptorRecord"}}, "");
  EXPECT_EQ(role["created"], kExampleDateTime);
  // Discriminator: the first name of the mapping, with that schema's own properties.
  EXPECT_EQ(role["details"]["__type"], "PermissionDescriptorAllow");
  EXPECT_TRUE(role["details"].contains("permissions"));

  Json logs = ExampleValue(*Api(), Json{{"$ref", "#/components/schemas/DeploymentLogsBase"}}, "");
  EXPECT_EQ(logs["__type"], "DeploymentLogs");
  EXPECT_EQ(logs["lines"].size(), 1u);

  Json settings = ExampleValue(*Api(), Json{{"$ref", "#/components/schemas/OperationContext"}}, "");
  ASSERT_TRUE(settings["environmentVariables"].contains("environmentVariables-key"));
  EXPECT_EQ(settings["environmentVariables"].size(), 1u);
  // An array of bytes is a Go byte slice: one base64 string.
  EXPECT_EQ(settings["environmentVariables"]["environmentVariables-key"]["ciphertext"],
            "Y2lwaGVydGV4dC1leGFtcGxl");  // base64 of "ciphertext-example"
  Json encrypted =
      ExampleValue(*Api(), Json{{"$ref", "#/components/schemas/AppBatchEncryptResponse"}}, "");
  EXPECT_EQ(encrypted, Json::parse(R"({"ciphertexts": ["Y2lwaGVydGV4dHMtZXhhbXBsZQ=="]})"));
  EXPECT_EQ(ExampleValue(*Api(), Json{{"type", "string"}}, ""), "example");
  EXPECT_EQ(ExampleValue(*Api(), Json{{"type", "number"}}, "x"), 1.5);
  EXPECT_EQ(ExampleValue(*Api(), Json::object(), "x"), Json::object());
  EXPECT_EQ(ExampleValue(*Api(), Json{{"type", "object"}}, "x"), Json::object());
}

TEST(SchemaExampleTest, CutsReferenceCycles) {
  auto api = ApiDescription::Parse(R"({"paths": {}, "components": {"schemas": {
      "Node": {"type": "object", "properties": {"name": {"type": "string"},
        "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
        "parent": {"$ref": "#/components/schemas/Node"}}}}}})");
  ASSERT_TRUE(api.ok()) << api.status();
  Json node = ExampleValue(**api, Json{{"$ref", "#/components/schemas/Node"}}, "");
  EXPECT_EQ(node, Json::parse(R"({"name": "name-example", "children": []})"));
  api = ApiDescription::Parse(R"({"paths": {}, "components": {"schemas": {
      "Node": {"type": "object", "required": ["parent"], "properties": {
        "parent": {"$ref": "#/components/schemas/Node"}}}}}})");
  ASSERT_TRUE(api.ok()) << api.status();
  node = ExampleValue(**api, Json{{"$ref", "#/components/schemas/Node"}}, "");
  EXPECT_EQ(node, Json::parse(R"({"parent": {}})"));
}

TEST(SchemaExampleTest, RepliesFollowTheOperation) {
  auto reply = [](const std::string& id) { return ExampleReply(*Api(), *Api()->FindById(id)); };
  Reply r = reply("DeleteStackConfig");
  EXPECT_EQ(r.status, 204);
  EXPECT_EQ(r.body, "");
  r = reply("SearchClusterAvailable");  // HEAD: never a body
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "");
  r = reply("GetDeploymentsStatus");
  EXPECT_EQ(r.body, R"("not-started")");
  r = reply("CreateAPIDeploymentHandlerV2");
  EXPECT_EQ(r.status, 202);
  r = reply("GetOrgTemplateReadme");
  EXPECT_EQ(r.content_type, "text/markdown");
  EXPECT_EQ(r.body, "# GetOrgTemplateReadme\n\nExample document.\n");
  r = reply("ExportAuditLogEventsHandlerV1");
  EXPECT_EQ(r.content_type, "text/plain");
  EXPECT_EQ(r.body, "ExportAuditLogEventsHandlerV1: example\n");
  r = reply("GetOrgTemplateDownload");
  EXPECT_EQ(r.content_type, "application/x-tar");
  EXPECT_EQ(r.body, TarArchive("README.md", "# GetOrgTemplateDownload\n"));
}

TEST(SchemaExampleTest, TarArchiveIsAValidUstarFile) {
  std::string tar = TarArchive("README.md", "hello\n");
  ASSERT_EQ(tar.size(), 512u * 4);  // header, one data block, two end blocks
  EXPECT_EQ(tar.substr(0, 9), "README.md");
  EXPECT_EQ(tar.substr(257, 6), std::string("ustar\0", 6));
  EXPECT_EQ(tar.substr(124, 11), "00000000006");
  unsigned sum = 0;
  for (size_t i = 0; i < 512; ++i)
    sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(tar[i]);
  EXPECT_EQ(std::stoul(tar.substr(148, 6), nullptr, 8), sum);
  EXPECT_EQ(tar.substr(512, 6), "hello\n");
  EXPECT_EQ(tar.substr(1024), std::string(1024, '\0'));
}

}  // namespace
}  // namespace emulator
