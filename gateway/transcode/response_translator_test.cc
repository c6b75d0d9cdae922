#include "gateway/transcode/response_translator.h"

#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "gateway/route/testdata/test_routes.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pulumi/service/v1/organizations.pb.h"
#include "pulumi/service/v1/stacks.pb.h"
#include "pulumi/service/v1/updates.pb.h"

namespace pulumi_gateway {
namespace {

namespace v1 = ::pulumi::service::v1;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

class ResponseTranslatorTest : public ::testing::Test {
 protected:
  static const Route& Get(const std::string& rpc) {
    const Route* route = PulumiRoutes().Find("/pulumi.service.v1." + rpc);
    EXPECT_NE(route, nullptr) << rpc;
    static const Route kEmpty;
    return route == nullptr ? kEmpty : *route;
  }

  static HttpResponse Response(int status, std::string body, std::string content_type = "") {
    HttpResponse response;
    response.status = status;
    response.body = std::move(body);
    if (!content_type.empty()) response.headers.emplace_back("Content-Type", content_type);
    return response;
  }
};

std::string Message(const absl::Status& status) { return std::string(status.message()); }

TEST_F(ResponseTranslatorTest, JsonFillsTheWholeResponse) {
  v1::ListStacksResponse out;
  ParseReport report;
  absl::Status status = TranslateResponse(
      Get("StacksService/ListStacks"),
      Response(
          200,
          R"({"stacks":[{"stackName":"prod","lastUpdate":1754300112}],"continuationToken":"t"})",
          "application/json"),
      &out, &report);
  ASSERT_TRUE(status.ok()) << status;
  ASSERT_EQ(out.stacks_size(), 1);
  EXPECT_EQ(out.stacks(0).stack_name(), "prod");
  EXPECT_EQ(out.stacks(0).last_update(), 1754300112);
  EXPECT_EQ(out.continuation_token(), "t");
  EXPECT_EQ(report.unknown_key_count, 0);
}

TEST_F(ResponseTranslatorTest, ResponseBodyWrapsTheJsonIntoItsField) {
  v1::GetStackResponse out;
  ParseReport report;
  absl::Status status =
      TranslateResponse(Get("StacksService/GetStack"),
                        Response(200, R"({"orgName":"acme-corp","stackName":"prod","version":42,
                        "tags":{"team":"payments"},"newKey":true})"),
                        &out, &report);
  ASSERT_TRUE(status.ok()) << status;
  ASSERT_TRUE(out.has_stack());
  EXPECT_EQ(out.stack().org_name(), "acme-corp");
  EXPECT_EQ(out.stack().stack_name(), "prod");
  EXPECT_EQ(out.stack().version(), 42);
  EXPECT_EQ(out.stack().tags().at("team"), "payments");
  // Unknown keys are located inside the wrapper field.
  EXPECT_THAT(report.unknown_keys, UnorderedElementsAre("stack.newKey"));
  EXPECT_EQ(report.unknown_key_count, 1);
}

// An upstream key named like the wrapper field is not mistaken for it.
TEST_F(ResponseTranslatorTest, ResponseBodyWithAKeyNamedLikeTheWrapper) {
  v1::GetTeamResponse out;
  ParseReport report;
  absl::Status status =
      TranslateResponse(Get("OrganizationsService/GetTeam"),
                        Response(200, R"({"team":"x","name":"payments"})"), &out, &report);
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(out.team().name(), "payments");
  EXPECT_THAT(report.unknown_keys, UnorderedElementsAre("team.team"));
}

TEST_F(ResponseTranslatorTest, CreatedWithBodyIsSuccess) {
  v1::CreateTeamResponse out;
  ParseReport report;
  absl::Status status =
      TranslateResponse(Get("OrganizationsService/CreateTeam"),
                        Response(201, R"({"kind":"pulumi","name":"payments"})"), &out, &report);
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(out.team().kind(), "pulumi");
}

TEST_F(ResponseTranslatorTest, EmptyBodyGivesAnEmptyMessage) {
  for (const char* body : {"", "  \r\n"}) {
    SCOPED_TRACE(body);
    v1::GetStackResponse out;
    out.mutable_stack()->set_stack_name("stale");
    ParseReport report;
    absl::Status status =
        TranslateResponse(Get("StacksService/GetStack"), Response(200, body), &out, &report);
    ASSERT_TRUE(status.ok()) << status;
    EXPECT_FALSE(out.has_stack());
    EXPECT_EQ(out.ByteSizeLong(), 0u);
  }
  v1::DeleteStackResponse deleted;
  ParseReport report;
  ASSERT_TRUE(
      TranslateResponse(Get("StacksService/DeleteStack"), Response(204, ""), &deleted, &report)
          .ok());
  EXPECT_THAT(report.unknown_keys, IsEmpty());
}

TEST_F(ResponseTranslatorTest, RawResponseKeepsBytesAndContentType) {
  // A gzip stream: starts with 1f 8b and contains NUL bytes; it is not JSON and must not be parsed.
  const std::string gzip("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xff\x00\x01", 13);
  for (const char* rpc :
       {"OrganizationsService/ExportAuditLogs", "OrganizationsService/ExportAuditLogsV2"}) {
    SCOPED_TRACE(rpc);
    ParseReport report;
    HttpResponse response = Response(200, gzip);
    response.headers.emplace_back("content-type", "text/plain; charset=utf-8");
    // ExportAuditLogsV2Response has the same shape; fill the right type per route.
    std::unique_ptr<google::protobuf::Message> message(
        Get(rpc).method->output_type() == v1::ExportAuditLogsResponse::descriptor()
            ? static_cast<google::protobuf::Message*>(new v1::ExportAuditLogsResponse)
            : new v1::ExportAuditLogsV2Response);
    absl::Status status = TranslateResponse(Get(rpc), response, message.get(), &report);
    ASSERT_TRUE(status.ok()) << status;
    const auto* d = message->GetDescriptor();
    const auto* r = message->GetReflection();
    EXPECT_EQ(r->GetString(*message, d->FindFieldByName("data")), gzip);
    EXPECT_EQ(r->GetString(*message, d->FindFieldByName("content_type")),
              "text/plain; charset=utf-8");
  }
}

TEST_F(ResponseTranslatorTest, RawResponseWithEmptyBodyOrNoContentType) {
  v1::ExportAuditLogsResponse out;
  ParseReport report;
  ASSERT_TRUE(TranslateResponse(Get("OrganizationsService/ExportAuditLogs"), Response(200, ""),
                                &out, &report)
                  .ok());
  EXPECT_EQ(out.data(), "");
  EXPECT_EQ(out.content_type(), "");

  // Even a JSON-looking body is kept verbatim on a raw route.
  ASSERT_TRUE(TranslateResponse(Get("OrganizationsService/ExportAuditLogs"),
                                Response(200, R"({"a":1})", "application/json"), &out, &report)
                  .ok());
  EXPECT_EQ(out.data(), R"({"a":1})");
  EXPECT_EQ(out.content_type(), "application/json");
}

TEST_F(ResponseTranslatorTest, NonJsonBodyIsInternal) {
  v1::ListStacksResponse out;
  ParseReport report;
  absl::Status status = TranslateResponse(
      Get("StacksService/ListStacks"),
      Response(200, "<html><body>Service Unavailable</body></html>", "text/html"), &out, &report);
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_THAT(Message(status), HasSubstr("not valid JSON"));
  EXPECT_THAT(Message(status), HasSubstr("ListStacks"));
  EXPECT_THAT(Message(status), HasSubstr("GET /api/user/stacks"));
  EXPECT_THAT(Message(status), HasSubstr("text/html"));
  // The body itself is not echoed to the caller.
  EXPECT_THAT(Message(status), ::testing::Not(HasSubstr("Service Unavailable")));
}

TEST_F(ResponseTranslatorTest, TruncatedJsonIsInternal) {
  v1::ListStacksResponse out;
  ParseReport report;
  absl::Status status = TranslateResponse(Get("StacksService/ListStacks"),
                                          Response(200, R"({"stacks":[{"id":"a")"), &out, &report);
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_THAT(Message(status), HasSubstr("not valid JSON"));
}

TEST_F(ResponseTranslatorTest, TopLevelArrayIsInternal) {
  v1::ListStacksResponse out;
  ParseReport report;
  absl::Status status =
      TranslateResponse(Get("StacksService/ListStacks"), Response(200, "[]"), &out, &report);
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_THAT(Message(status), HasSubstr("is a JSON array, expected an object"));

  status = TranslateResponse(Get("StacksService/ListStacks"), Response(200, "null"), &out, &report);
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_THAT(Message(status), HasSubstr("expected an object"));

  // With response_body the array lands in a message field, which rejects it just the same.
  v1::GetStackResponse stack;
  status = TranslateResponse(Get("StacksService/GetStack"), Response(200, "[1]"), &stack, &report);
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_THAT(Message(status), HasSubstr("field \"stack\": expected an object, got array"));
}

TEST_F(ResponseTranslatorTest, BodyThatDoesNotMatchTheMessageIsInternalNamingTheField) {
  v1::ListStacksResponse out;
  ParseReport report;
  absl::Status status = TranslateResponse(Get("StacksService/ListStacks"),
                                          Response(200, R"({"stacks":"none"})"), &out, &report);
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_THAT(Message(status), HasSubstr("does not match the API"));
  EXPECT_THAT(Message(status), HasSubstr("field \"stacks\": expected an array, got string"));
}

}  // namespace
}  // namespace pulumi_gateway
