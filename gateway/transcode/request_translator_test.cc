#include "gateway/transcode/request_translator.h"

#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "gateway/route/testdata/test_routes.h"
#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "pulumi/service/v1/organizations.pb.h"
#include "pulumi/service/v1/stacks.pb.h"
#include "pulumi/service/v1/updates.pb.h"

namespace pulumi_gateway {
namespace {

namespace v1 = ::pulumi::service::v1;
using nlohmann::json;
using ::testing::HasSubstr;

class RequestTranslatorTest : public ::testing::Test {
 protected:
  // The route of the method whose request type is `request`'s.
  static const Route& RouteFor(const google::protobuf::Message& request) {
    for (const auto& route : PulumiRoutes().routes()) {
      if (route->method->input_type() == request.GetDescriptor()) return *route;
    }
    ADD_FAILURE() << "no route takes " << request.GetDescriptor()->full_name();
    static const Route kEmpty;
    return kEmpty;
  }

  static absl::StatusOr<HttpRequest> Translate(const google::protobuf::Message& request) {
    return TranslateWith(RouteFor(request), request);
  }

  static absl::StatusOr<HttpRequest> TranslateWith(const Route& route,
                                                   const google::protobuf::Message& request) {
    HttpRequest http;
    absl::Status status = TranslateRequest(route, request, &http);
    if (!status.ok()) return status;
    return http;
  }

  static json Body(const HttpRequest& http) {
    EXPECT_TRUE(http.has_body);
    json body = json::parse(http.body, nullptr, /*allow_exceptions=*/false);
    EXPECT_FALSE(body.is_discarded()) << http.body;
    return body;
  }
};

template <typename M>
M Stack(M m) {
  m.set_org_name("acme-corp");
  m.set_project_name("payments-api");
  m.set_stack_name("prod");
  return m;
}

// ---------------------------------------------------------------------------------------------
// Path and verb

TEST_F(RequestTranslatorTest, GetHasPathOnlyAndNoBody) {
  absl::StatusOr<HttpRequest> http = Translate(Stack(v1::GetStackRequest()));
  ASSERT_TRUE(http.ok()) << http.status();
  EXPECT_EQ(http->method, "GET");
  EXPECT_EQ(http->path, "/api/stacks/acme-corp/payments-api/prod");
  EXPECT_FALSE(http->has_body);
  EXPECT_EQ(http->body, "");
}

TEST_F(RequestTranslatorTest, PathSegmentsAreEncodedAndEmptyOnesRejected) {
  v1::GetStackRequest request = Stack(v1::GetStackRequest());
  request.set_stack_name("../prod?x#y");
  absl::StatusOr<HttpRequest> http = Translate(request);
  ASSERT_TRUE(http.ok()) << http.status();
  EXPECT_EQ(http->path, "/api/stacks/acme-corp/payments-api/..%2Fprod%3Fx%23y");

  request.set_stack_name("");
  http = Translate(request);
  EXPECT_EQ(http.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(http.status().message()), HasSubstr("\"stackName\" is required"));
}

TEST_F(RequestTranslatorTest, PostWithoutBodyRuleSendsNoBody) {
  v1::CancelUpdateRequest request = Stack(v1::CancelUpdateRequest());
  request.set_kind("update");
  request.set_update_id("3b9e4f1a-6c2d-4e8f-a0b1-c2d3e4f5a6b7");
  absl::StatusOr<HttpRequest> http = Translate(request);
  ASSERT_TRUE(http.ok()) << http.status();
  EXPECT_EQ(http->method, "POST");
  EXPECT_EQ(
      http->path,
      "/api/stacks/acme-corp/payments-api/prod/update/3b9e4f1a-6c2d-4e8f-a0b1-c2d3e4f5a6b7/cancel");
  EXPECT_FALSE(http->has_body);
  EXPECT_EQ(http->body, "");
}

// ---------------------------------------------------------------------------------------------
// Query

TEST_F(RequestTranslatorTest, UnsetOptionalQueryFieldsAreOmitted) {
  absl::StatusOr<HttpRequest> http = Translate(v1::ListStacksRequest());
  ASSERT_TRUE(http.ok()) << http.status();
  EXPECT_EQ(http->path, "/api/user/stacks");

  http = Translate(Stack(v1::DeleteStackRequest()));
  ASSERT_TRUE(http.ok()) << http.status();
  EXPECT_EQ(http->path, "/api/stacks/acme-corp/payments-api/prod");
}

TEST_F(RequestTranslatorTest, OptionalQueryFieldsSetToTheirDefaultAreSent) {
  v1::DeleteStackRequest request = Stack(v1::DeleteStackRequest());
  request.set_force(false);
  absl::StatusOr<HttpRequest> http = Translate(request);
  ASSERT_TRUE(http.ok()) << http.status();
  EXPECT_EQ(http->method, "DELETE");
  EXPECT_EQ(http->path, "/api/stacks/acme-corp/payments-api/prod?force=false");
  EXPECT_FALSE(http->has_body);

  request.set_force(true);
  http = Translate(request);
  ASSERT_TRUE(http.ok()) << http.status();
  EXPECT_EQ(http->path, "/api/stacks/acme-corp/payments-api/prod?force=true");

  v1::ListStacksRequest list;
  list.set_max_results(0);
  list.set_organization("");
  http = Translate(list);
  ASSERT_TRUE(http.ok()) << http.status();
  EXPECT_EQ(http->path, "/api/user/stacks?organization=&maxResults=0");
}

TEST_F(RequestTranslatorTest, QueryKeysAreJsonNamesInFieldOrder) {
  v1::ListStacksRequest request;
  request.set_role_id("r1");
  request.set_max_results(50);
  request.set_organization("acme-corp");
  request.set_tag_name("team");
  request.set_tag_value("payments");
  request.set_continuation_token("5-");
  absl::StatusOr<HttpRequest> http = Translate(request);
  ASSERT_TRUE(http.ok()) << http.status();
  EXPECT_EQ(http->path,
            "/api/user/stacks?organization=acme-corp&tagName=team&tagValue=payments"
            "&continuationToken=5-&maxResults=50&roleID=r1");
}

TEST_F(RequestTranslatorTest, QueryValuesArePercentEncoded) {
  v1::ListStacksRequest request;
  request.set_organization("acme corp&x=1");
  request.set_continuation_token("eyJvIjoiYSJ9+/=");
  request.set_tag_name("pulumi:project");
  request.set_tag_value("ä#?");
  absl::StatusOr<HttpRequest> http = Translate(request);
  ASSERT_TRUE(http.ok()) << http.status();
  EXPECT_EQ(http->path,
            "/api/user/stacks?organization=acme%20corp%26x%3D1&tagName=pulumi%3Aproject"
            "&tagValue=%C3%A4%23%3F&continuationToken=eyJvIjoiYSJ9%2B%2F%3D");
}

TEST_F(RequestTranslatorTest, RepeatedQueryFieldRepeatsTheKey) {
  v1::ListUpdateEventsRequest request = Stack(v1::ListUpdateEventsRequest());
  request.set_kind("update");
  request.set_update_id("u1");
  request.add_types("diagnosticEvent");
  request.add_types("stdoutEvent");
  request.set_include_non_activated(true);
  request.set_continuation_token("42");
  absl::StatusOr<HttpRequest> http = Translate(request);
  ASSERT_TRUE(http.ok()) << http.status();
  EXPECT_EQ(http->path,
            "/api/stacks/acme-corp/payments-api/prod/update/u1/events?continuationToken=42"
            "&type=diagnosticEvent&type=stdoutEvent&include_non_activated=true");
}

TEST_F(RequestTranslatorTest, SpecialQueryKeys) {
  v1::ListUpdatesRequest request = Stack(v1::ListUpdatesRequest());
  request.set_output_type("service");
  request.set_page(1);
  request.set_page_size(10);
  absl::StatusOr<HttpRequest> http = Translate(request);
  ASSERT_TRUE(http.ok()) << http.status();
  EXPECT_EQ(
      http->path,
      "/api/stacks/acme-corp/payments-api/prod/updates?page=1&pageSize=10&output-type=service");
}

TEST_F(RequestTranslatorTest, FixedQueryValuesFollowTheFieldParameters) {
  v1::ListAuditLogEventsRequest request;
  request.set_org_name("acme-corp");
  request.set_start_time(1754300200);
  Route route = RouteFor(request);
  route.query_values = {{"format", "json"}, {"a b", "c&d"}};
  absl::StatusOr<HttpRequest> http = TranslateWith(route, request);
  ASSERT_TRUE(http.ok()) << http.status();
  EXPECT_EQ(http->path,
            "/api/orgs/acme-corp/auditlogs?startTime=1754300200&format=json&a%20b=c%26d");

  request.clear_start_time();
  http = TranslateWith(route, request);
  ASSERT_TRUE(http.ok()) << http.status();
  EXPECT_EQ(http->path, "/api/orgs/acme-corp/auditlogs?format=json&a%20b=c%26d");
}

// ---------------------------------------------------------------------------------------------
// allowed_values

TEST_F(RequestTranslatorTest, AllowedValuesRejectAnythingElseBeforeBuildingThePath) {
  for (const char* kind : {"export", "", "updates", "../updates", "Update", "update/x"}) {
    SCOPED_TRACE(kind);
    v1::GetUpdateStatusRequest request = Stack(v1::GetUpdateStatusRequest());
    request.set_kind(kind);
    request.set_update_id("u1");
    absl::StatusOr<HttpRequest> http = Translate(request);
    ASSERT_FALSE(http.ok());
    EXPECT_EQ(http.status().code(), absl::StatusCode::kInvalidArgument);
    // A path field is REQUIRED: empty is missing, anything else must be a listed kind.
    EXPECT_THAT(
        std::string(http.status().message()),
        HasSubstr(*kind == '\0'
                      ? "field \"kind\" is required"
                      : "field \"kind\" must be one of: update, preview, refresh, destroy"));
  }
  for (const char* kind : {"update", "preview", "refresh", "destroy"}) {
    SCOPED_TRACE(kind);
    v1::GetUpdateStatusRequest request = Stack(v1::GetUpdateStatusRequest());
    request.set_kind(kind);
    request.set_update_id("u1");
    absl::StatusOr<HttpRequest> http = Translate(request);
    ASSERT_TRUE(http.ok()) << http.status();
    EXPECT_EQ(http->path, absl::StrCat("/api/stacks/acme-corp/payments-api/prod/", kind, "/u1"));
  }
}

// ---------------------------------------------------------------------------------------------
// Bodies

TEST_F(RequestTranslatorTest, WholeRequestBodyExcludesPathFields) {
  v1::CreateStackRequest request;
  request.set_org_name("acme-corp");
  request.set_project_name("payments-api");
  request.set_stack_name("prod");
  (*request.mutable_tags())["team"] = "payments";
  request.add_teams("payments");
  request.mutable_config()->set_environment("payments-api/prod");
  absl::StatusOr<HttpRequest> http = Translate(request);
  ASSERT_TRUE(http.ok()) << http.status();
  EXPECT_EQ(http->method, "POST");
  EXPECT_EQ(http->path, "/api/stacks/acme-corp/payments-api");
  json body = Body(*http);
  EXPECT_FALSE(body.contains("orgName")) << http->body;
  EXPECT_FALSE(body.contains("projectName")) << http->body;
  EXPECT_EQ(body["stackName"], "prod");
  EXPECT_EQ(body["tags"], json::parse(R"({"team":"payments"})"));
  EXPECT_EQ(body["teams"], json::parse(R"(["payments"])"));
  EXPECT_EQ(body["config"]["environment"], "payments-api/prod");
  // The caller's message is not modified by the translation.
  EXPECT_EQ(request.org_name(), "acme-corp");
}

TEST_F(RequestTranslatorTest, BodyInt64AreNumbersAndStructNumbersStayNumbers) {
  v1::CreateStackRequest request;
  request.set_org_name("acme-corp");
  request.set_project_name("payments-api");
  request.set_stack_name("prod");
  request.mutable_state()->set_version(3);
  auto& fields = *request.mutable_state()->mutable_deployment()->mutable_fields();
  fields["count"].set_number_value(2);
  fields["label"].set_string_value("10");
  absl::StatusOr<HttpRequest> http = Translate(request);
  ASSERT_TRUE(http.ok()) << http.status();
  json body = Body(*http);
  EXPECT_TRUE(body["state"]["version"].is_number_integer()) << http->body;
  EXPECT_EQ(body["state"]["version"], 3);
  EXPECT_TRUE(body["state"]["deployment"]["count"].is_number()) << http->body;
  EXPECT_EQ(body["state"]["deployment"]["label"], "10");
  EXPECT_THAT(http->body, HasSubstr("\"version\":3"));
}

TEST_F(RequestTranslatorTest, MapBodyFieldIsTheWholeBody) {
  v1::ReplaceStackTagsRequest request = Stack(v1::ReplaceStackTagsRequest());
  (*request.mutable_tags())["pulumi:project"] = "payments-api";
  (*request.mutable_tags())["team"] = "payments";
  absl::StatusOr<HttpRequest> http = Translate(request);
  ASSERT_TRUE(http.ok()) << http.status();
  EXPECT_EQ(http->method, "PATCH");
  EXPECT_EQ(http->path, "/api/stacks/acme-corp/payments-api/prod/tags");
  EXPECT_EQ(Body(*http), json::parse(R"({"pulumi:project":"payments-api","team":"payments"})"));

  // Replacing with no tags still sends a JSON object.
  request.clear_tags();
  http = Translate(request);
  ASSERT_TRUE(http.ok()) << http.status();
  EXPECT_EQ(http->body, "{}");
}

TEST_F(RequestTranslatorTest, MessageBodyFieldIsTheWholeBody) {
  v1::TransferStackRequest request = Stack(v1::TransferStackRequest());
  request.mutable_transfer()->set_to_org("acme-platform");
  absl::StatusOr<HttpRequest> http = Translate(request);
  ASSERT_TRUE(http.ok()) << http.status();
  EXPECT_EQ(http->path, "/api/stacks/acme-corp/payments-api/prod/transfer");
  json body = Body(*http);
  EXPECT_EQ(body["toOrg"], "acme-platform");
  // Unset optional members are not sent (they default to the path's values upstream).
  EXPECT_FALSE(body.contains("fromOrg")) << http->body;
  EXPECT_FALSE(body.contains("projectName")) << http->body;
  EXPECT_FALSE(body.contains("stackName")) << http->body;
}

TEST_F(RequestTranslatorTest, BodyValueAddsTheFixedMemberAction) {
  v1::AddTeamMemberRequest add;
  add.set_org_name("acme-corp");
  add.set_team_name("payments");
  add.set_member("rkumar");
  absl::StatusOr<HttpRequest> http = Translate(add);
  ASSERT_TRUE(http.ok()) << http.status();
  EXPECT_EQ(http->method, "PATCH");
  EXPECT_EQ(http->path, "/api/orgs/acme-corp/teams/payments");
  EXPECT_EQ(Body(*http), json::parse(R"({"memberAction":"add","member":"rkumar"})"));

  v1::RemoveTeamMemberRequest remove;
  remove.set_org_name("acme-corp");
  remove.set_team_name("payments");
  remove.set_member("rkumar");
  http = Translate(remove);
  ASSERT_TRUE(http.ok()) << http.status();
  EXPECT_EQ(Body(*http), json::parse(R"({"memberAction":"remove","member":"rkumar"})"));
}

TEST_F(RequestTranslatorTest, BodyValueOverridesAFieldWithTheSameKey) {
  v1::UpdateTeamRequest request;
  request.set_org_name("acme-corp");
  request.set_team_name("payments");
  request.set_member_action("promote");
  request.set_member("rkumar");
  Route route = RouteFor(request);
  route.body_values = {{"memberAction", "add"}};
  absl::StatusOr<HttpRequest> http = TranslateWith(route, request);
  ASSERT_TRUE(http.ok()) << http.status();
  json body = Body(*http);
  EXPECT_EQ(body["memberAction"], "add");
  EXPECT_EQ(body["member"], "rkumar");
}

TEST_F(RequestTranslatorTest, UnsetOptionalBodyFieldsAreOmitted) {
  v1::UpdateTeamRequest request;
  request.set_org_name("acme-corp");
  request.set_team_name("payments");
  request.set_new_display_name("Payments Team");
  absl::StatusOr<HttpRequest> http = Translate(request);
  ASSERT_TRUE(http.ok()) << http.status();
  json body = Body(*http);
  EXPECT_EQ(body["newDisplayName"], "Payments Team");
  for (const char* key :
       {"newDescription", "memberAction", "member", "addStackPermission", "editStackPermission",
        "removeStack", "addEnvironmentPermission", "editEnvironmentPermission", "removeEnvironment",
        "orgName", "teamName"}) {
    EXPECT_FALSE(body.contains(key)) << key << " in " << http->body;
  }

  v1::UpdateMemberRoleRequest role;
  role.set_org_name("acme-corp");
  role.set_user_login("rkumar");
  role.set_fga_role_id("7d3c9a10");
  http = Translate(role);
  ASSERT_TRUE(http.ok()) << http.status();
  EXPECT_EQ(Body(*http), json::parse(R"({"fgaRoleId":"7d3c9a10"})"));
}

// A field that is not `optional` has no "unset" state: its value is always meant, so a zero
// permission (0 = none) or an empty tag value must reach the upstream rather than vanish.
TEST_F(RequestTranslatorTest, NonOptionalIntegersAtZeroAreSent) {
  v1::UpdateTeamRequest team;
  team.set_org_name("acme-corp");
  team.set_team_name("payments");
  v1::StackPermissionChange* change = team.mutable_edit_stack_permission();
  change->set_project_name("payments-api");
  change->set_stack_name("prod");
  change->set_permission(0);
  absl::StatusOr<HttpRequest> http = Translate(team);
  ASSERT_TRUE(http.ok()) << http.status();
  json body = Body(*http);
  ASSERT_TRUE(body["editStackPermission"].contains("permission")) << http->body;
  EXPECT_TRUE(body["editStackPermission"]["permission"].is_number_integer()) << http->body;
  EXPECT_EQ(body["editStackPermission"]["permission"], 0);
}

TEST_F(RequestTranslatorTest, NonOptionalEmptyStringsAreSent) {
  v1::AddStackTagRequest tag = Stack(v1::AddStackTagRequest());
  tag.set_name("owner");
  tag.set_value("");
  absl::StatusOr<HttpRequest> http = Translate(tag);
  ASSERT_TRUE(http.ok()) << http.status();
  json body = Body(*http);
  EXPECT_EQ(body["name"], "owner");
  ASSERT_TRUE(body.contains("value")) << http->body;
  EXPECT_EQ(body["value"], "");
  // Path fields are still left out of a whole-request body.
  EXPECT_FALSE(body.contains("orgName")) << http->body;
  EXPECT_FALSE(body.contains("stackName")) << http->body;
}

TEST_F(RequestTranslatorTest, ReusedHttpRequestIsOverwritten) {
  HttpRequest http;
  http.body = "stale";
  http.has_body = true;
  http.path = "/stale";
  ASSERT_TRUE(
      TranslateRequest(RouteFor(v1::GetStackRequest()), Stack(v1::GetStackRequest()), &http).ok());
  EXPECT_EQ(http.path, "/api/stacks/acme-corp/payments-api/prod");
  EXPECT_FALSE(http.has_body);
  EXPECT_EQ(http.body, "");
}

}  // namespace
}  // namespace pulumi_gateway
