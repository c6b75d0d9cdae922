#include "gateway/status/grpc_status.h"

#include <string>
#include <vector>

#include "absl/strings/cord.h"
#include "gateway/status/upstream_error.h"
#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

TEST(ToGrpcStatusTest, OkIsOk) {
  const grpc::Status status = ToGrpcStatus(absl::OkStatus());
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(status.error_message(), "");
  EXPECT_EQ(status.error_details(), "");
}

TEST(ToGrpcStatusTest, EveryCodeKeepsItsNumber) {
  for (int code = 1; code <= 16; ++code) {
    SCOPED_TRACE(code);
    const grpc::Status status =
        ToGrpcStatus(absl::Status(static_cast<absl::StatusCode>(code), "why"));
    EXPECT_EQ(static_cast<int>(status.error_code()), code);
    EXPECT_EQ(status.error_message(), "why");
  }
  EXPECT_EQ(ToGrpcStatus(absl::NotFoundError("x")).error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(ToGrpcStatus(absl::UnavailableError("x")).error_code(), grpc::StatusCode::UNAVAILABLE);
}

TEST(ToGrpcStatusTest, NoPayloadsMeansNoDetails) {
  const grpc::Status status = ToGrpcStatus(absl::NotFoundError("Stack not found (HTTP 404)"));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(status.error_message(), "Stack not found (HTTP 404)");
  EXPECT_EQ(status.error_details(), "");
}

TEST(ToGrpcStatusTest, PayloadsBecomeAGoogleRpcStatusWithAnyDetails) {
  HttpResponse response;
  response.status = 429;
  response.body = R"({"code": 429, "message": "Too Many Requests"})";
  response.headers = {{"Retry-After", "3"}, {"X-Pulumi-Request-ID", "up-1"}};
  UpstreamErrorContext context;
  context.domain = "api.pulumi.com";
  context.request_id = "gw-1";
  const absl::Status source = UpstreamHttpError(response, context);

  const grpc::Status status = ToGrpcStatus(source);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(status.error_message(), "Too Many Requests (HTTP 429)");

  google::rpc::Status details;
  ASSERT_TRUE(details.ParseFromString(status.error_details()));
  EXPECT_EQ(details.code(), static_cast<int>(grpc::StatusCode::RESOURCE_EXHAUSTED));
  EXPECT_EQ(details.message(), "Too Many Requests (HTTP 429)");
  ASSERT_EQ(details.details_size(), 2);

  google::rpc::ErrorInfo info;
  google::rpc::RetryInfo retry;
  int found = 0;
  for (const google::protobuf::Any& any : details.details()) {
    if (any.type_url() == kErrorInfoTypeUrl) {
      ASSERT_TRUE(any.UnpackTo(&info));
      ++found;
    } else if (any.type_url() == kRetryInfoTypeUrl) {
      ASSERT_TRUE(any.UnpackTo(&retry));
      ++found;
    }
  }
  EXPECT_EQ(found, 2);
  EXPECT_TRUE(details.details(0).Is<google::rpc::ErrorInfo>() ||
              details.details(0).Is<google::rpc::RetryInfo>());
  EXPECT_EQ(info.reason(), "HTTP_429");
  EXPECT_EQ(info.domain(), "api.pulumi.com");
  EXPECT_EQ(info.metadata().at("request_id"), "up-1");
  EXPECT_EQ(retry.retry_delay().seconds(), 3);
}

// Status.message and ErrorInfo.metadata are proto3 strings: with invalid UTF-8 in them the whole
// grpc-status-details-bin fails to parse in every client, and the caller loses the details.
TEST(ToGrpcStatusTest, DetailsStayParseableForNonAsciiUpstreamMessages) {
  struct Case {
    const char* name;
    std::string body;
  };
  // An odd-length prefix, then 2-byte "ä"s: the 300-byte message cap and the 256-byte detail cap
  // both fall inside a character.
  std::string long_umlauts = "Stack: ";
  for (int i = 0; i < 400; ++i) long_umlauts += "\xC3\xA4";
  const std::vector<Case> cases = {
      {"UTF-8 message cut by the length cap", "{\"message\": \"" + long_umlauts + "\"}"},
      {"plain text in Latin-1",
       "Stack 'St\xE4"
       "ck' not found"},
      {"UTF-8 detail cut by the length cap",
       "{\"message\": \"m\", \"errors\": [{\"errorType\": \"custom\", \"customMessage\": \"" +
           long_umlauts + "\"}]}"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    HttpResponse response;
    response.status = 404;
    response.body = c.body;
    UpstreamErrorContext context;
    context.request_id = "gw-1";
    const grpc::Status status = ToGrpcStatus(UpstreamHttpError(response, context));
    EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
    google::rpc::Status details;
    if (!details.ParseFromString(status.error_details())) {
      ADD_FAILURE() << "google.rpc.Status does not parse";
      continue;
    }
    ASSERT_EQ(details.details_size(), 1);
    google::rpc::ErrorInfo info;
    EXPECT_TRUE(details.details(0).UnpackTo(&info)) << "google.rpc.ErrorInfo does not parse";
  }
}

}  // namespace
}  // namespace pulumi_gateway
