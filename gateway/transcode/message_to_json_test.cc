#include "gateway/transcode/message_to_json.h"

#include <string>

#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "pulumi/service/v1/oidc_issuers.pb.h"
#include "pulumi/service/v1/organizations.pb.h"
#include "pulumi/service/v1/stacks.pb.h"
#include "pulumi/service/v1/updates.pb.h"

namespace pulumi_gateway {
namespace {

namespace v1 = ::pulumi::service::v1;
using nlohmann::json;

json Render(const google::protobuf::Message& message) {
  absl::StatusOr<json> rendered = MessageToJson(message);
  EXPECT_TRUE(rendered.ok()) << rendered.status();
  return rendered.ok() ? *rendered : json();
}

TEST(MessageToJsonTest, Int64IsANumberAtTopLevel) {
  v1::GetStackResourceCountResponse m;
  m.set_resource_count(37);
  m.set_version(-42);
  json j = Render(m);
  ASSERT_TRUE(j["resourceCount"].is_number_integer()) << j.dump();
  EXPECT_EQ(j["resourceCount"].get<int64_t>(), 37);
  ASSERT_TRUE(j["version"].is_number_integer()) << j.dump();
  EXPECT_EQ(j["version"].get<int64_t>(), -42);
  EXPECT_EQ(j.dump(), R"({"resourceCount":37,"version":-42})");
}

TEST(MessageToJsonTest, Int64IsExactBeyondDoublePrecision) {
  v1::GetStackResourceCountResponse m;
  m.set_version(9223372036854775807);
  m.set_resource_count(9007199254740993);  // 2^53 + 1
  EXPECT_EQ(Render(m).dump(),
            R"({"resourceCount":9007199254740993,"version":9223372036854775807})");
}

TEST(MessageToJsonTest, Int64IsANumberInNestedAndRepeatedMessages) {
  v1::ListStacksResponse m;
  v1::StackSummary* a = m.add_stacks();
  a->set_stack_name("prod");
  a->set_last_update(1754300112);
  a->set_resource_count(37);
  v1::StackSummary* b = m.add_stacks();
  b->set_last_update(1754212800);
  json j = Render(m);
  ASSERT_EQ(j["stacks"].size(), 2u);
  EXPECT_TRUE(j["stacks"][0]["lastUpdate"].is_number_integer()) << j.dump();
  EXPECT_EQ(j["stacks"][0]["lastUpdate"].get<int64_t>(), 1754300112);
  EXPECT_EQ(j["stacks"][0]["resourceCount"].get<int64_t>(), 37);
  EXPECT_TRUE(j["stacks"][1]["lastUpdate"].is_number_integer()) << j.dump();

  v1::UpdateTeamRequest team;
  team.mutable_add_stack_permission()->set_permission(103);
  json t = Render(team);
  EXPECT_TRUE(t["addStackPermission"]["permission"].is_number_integer()) << t.dump();
  EXPECT_EQ(t["addStackPermission"]["permission"].get<int64_t>(), 103);

  v1::GetLatestUpdateResponse deep;
  deep.mutable_update()->mutable_info()->set_start_time(1754300112);
  deep.mutable_update()->add_policy_packs()->set_version(7);
  json d = Render(deep);
  EXPECT_TRUE(d["update"]["info"]["startTime"].is_number_integer()) << d.dump();
  EXPECT_TRUE(d["update"]["policyPacks"][0]["version"].is_number_integer()) << d.dump();
}

TEST(MessageToJsonTest, Int64MapValuesAreNumbers) {
  v1::StackUpdate m;
  (*m.mutable_resource_changes())["same"] = 35;
  (*m.mutable_resource_changes())["update"] = 1;
  (*m.mutable_info()->mutable_resource_changes())["create"] = 2;
  json j = Render(m);
  EXPECT_TRUE(j["resourceChanges"]["same"].is_number_integer()) << j.dump();
  EXPECT_EQ(j["resourceChanges"]["same"].get<int64_t>(), 35);
  EXPECT_EQ(j["resourceChanges"]["update"].get<int64_t>(), 1);
  EXPECT_TRUE(j["info"]["resourceChanges"]["create"].is_number_integer()) << j.dump();
}

TEST(MessageToJsonTest, StringsThatLookLikeNumbersStayStrings) {
  v1::UpdateEvent event;
  event.set_index("17");
  v1::UpdatePolicyPack pack;
  pack.set_version_tag("42");
  EXPECT_EQ(Render(event)["index"], "17");
  EXPECT_EQ(Render(pack)["versionTag"], "42");
}

TEST(MessageToJsonTest, StructContentIsRenderedAsIsNumbersStayNumbersStringsStayStrings) {
  v1::CreateStackRequest m;
  m.mutable_state()->set_version(3);
  auto& fields = *m.mutable_state()->mutable_deployment()->mutable_fields();
  fields["count"].set_number_value(3);
  fields["ratio"].set_number_value(0.5);
  fields["version"].set_string_value("7");  // A string in opaque JSON is not an int64.
  fields["none"].set_null_value(google::protobuf::NULL_VALUE);
  auto* list = fields["list"].mutable_list_value();
  list->add_values()->set_string_value("12");
  list->add_values()->set_number_value(12);
  (*fields["nested"].mutable_struct_value()->mutable_fields())["resourceCount"].set_string_value(
      "5");
  json j = Render(m);
  EXPECT_TRUE(j["state"]["version"].is_number_integer()) << j.dump();
  json& d = j["state"]["deployment"];
  EXPECT_TRUE(d["count"].is_number()) << d.dump();
  EXPECT_EQ(d["count"].get<double>(), 3);
  EXPECT_EQ(d["ratio"].get<double>(), 0.5);
  EXPECT_EQ(d["version"], "7");
  EXPECT_TRUE(d["none"].is_null());
  EXPECT_EQ(d["list"], json::parse(R"(["12", 12])"));
  EXPECT_EQ(d["nested"]["resourceCount"], "5");
}

TEST(MessageToJsonTest, ValueFieldHoldingAStringStaysAString) {
  v1::StackUpdate m;
  m.mutable_deployment()->set_string_value("123");
  m.set_version(4);
  json j = Render(m);
  EXPECT_EQ(j["deployment"], "123");
  EXPECT_EQ(j["version"], 4);
}

TEST(MessageToJsonTest, KeysAreTheUpstreamJsonNames) {
  v1::AuditLogEvent event;
  event.set_source_ip("203.0.113.24");
  event.set_token_id("t");
  event.set_actor_urn("urn");
  v1::ConfigValue config;
  config.set_value("us-west-2");
  v1::StackUpdate update;
  update.set_update_id("u");
  json e = Render(event);
  EXPECT_EQ(e["sourceIP"], "203.0.113.24") << e.dump();
  EXPECT_EQ(e["tokenID"], "t") << e.dump();
  EXPECT_EQ(e["actorUrn"], "urn") << e.dump();
  EXPECT_FALSE(e.contains("sourceIp")) << e.dump();
  EXPECT_EQ(Render(config)["string"], "us-west-2");
  EXPECT_EQ(Render(update)["updateID"], "u");
}

TEST(MessageToJsonTest, UnsetOptionalFieldsAreOmittedSetOnesAreSentEvenAtDefault) {
  v1::UpdateTeamRequest m;
  m.set_new_display_name("");
  m.set_member_action("add");
  json j = Render(m);
  EXPECT_EQ(j["newDisplayName"], "");
  EXPECT_EQ(j["memberAction"], "add");
  EXPECT_FALSE(j.contains("newDescription")) << j.dump();
  EXPECT_FALSE(j.contains("member")) << j.dump();
  EXPECT_FALSE(j.contains("addStackPermission")) << j.dump();

  v1::ListStacksRequest list;
  list.set_max_results(0);
  json l = Render(list);
  EXPECT_TRUE(l["maxResults"].is_number_integer()) << l.dump();
  EXPECT_EQ(l["maxResults"].get<int64_t>(), 0);
  EXPECT_FALSE(l.contains("organization")) << l.dump();
}

TEST(MessageToJsonTest, MapsAndRepeatedStrings) {
  v1::CreateStackRequest m;
  (*m.mutable_tags())["pulumi:project"] = "payments-api";
  m.add_teams("payments");
  m.add_teams("platform");
  json j = Render(m);
  EXPECT_EQ(j["tags"], json::parse(R"({"pulumi:project":"payments-api"})"));
  EXPECT_EQ(j["teams"], json::parse(R"(["payments","platform"])"));
}

// Lists and maps the API description requires are not REQUIRED in the protos (an empty one is a
// value); what "required" asks of a JSON body, the key, they get here: `[]` and `{}` at any depth.
TEST(MessageToJsonTest, EmptyListsAndMapsAreSentAsEmptyAtEveryDepth) {
  v1::UpdateAuthPolicyRequest m;
  EXPECT_EQ(Render(m)["policies"], json::array()) << Render(m).dump();
  v1::AuthPolicyDefinition* policy = m.add_policies();
  policy->set_decision("allow");
  json j = Render(m);
  ASSERT_EQ(j["policies"].size(), 1u) << j.dump();
  EXPECT_EQ(j["policies"][0]["authorizedPermissions"], json::array()) << j.dump();
  EXPECT_EQ(j["policies"][0]["rules"], json::object()) << j.dump();
}

}  // namespace
}  // namespace pulumi_gateway
