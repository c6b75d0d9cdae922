#include "gateway/server/item_error.h"

#include "absl/status/status.h"
#include "gateway/http/http_types.h"
#include "gateway/server/fan_out_stream.h"
#include "gateway/status/upstream_error.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

TEST(ItemErrorTest, CarriesWhatTheUnaryStatusCarries) {
  HttpResponse response;
  response.status = 404;
  response.body = R"({"code":404,"message":"Not Found: stack 'acme/p/qa' does not exist"})";
  UpstreamErrorContext context;
  context.domain = "api.pulumi.com";
  context.request_id = "r1";
  const absl::Status status = UpstreamHttpError(response, context);
  const pulumi::service::v1::ItemError error = ItemErrorFromStatus(status);
  EXPECT_EQ(error.code(), static_cast<int>(absl::StatusCode::kNotFound));
  EXPECT_EQ(error.message(), status.message());
  EXPECT_EQ(error.message(), "Not Found: stack 'acme/p/qa' does not exist (HTTP 404)");
  EXPECT_EQ(error.http_status(), 404);
  EXPECT_EQ(error.reason(), "HTTP_404");
}

TEST(ItemErrorTest, UpstreamErrorTypeIsTheReason) {
  HttpResponse response;
  response.status = 403;
  response.body = R"({"code":403,"message":"Forbidden","errors":[{"errorType":"forbidden"}]})";
  const pulumi::service::v1::ItemError error =
      ItemErrorFromStatus(UpstreamHttpError(response, UpstreamErrorContext()));
  EXPECT_EQ(error.code(), static_cast<int>(absl::StatusCode::kPermissionDenied));
  EXPECT_EQ(error.http_status(), 403);
  EXPECT_EQ(error.reason(), "FORBIDDEN");
}

TEST(ItemErrorTest, TransportFailureHasNoHttpStatus) {
  const pulumi::service::v1::ItemError error =
      ItemErrorFromStatus(absl::DeadlineExceededError("upstream timed out"));
  EXPECT_EQ(error.code(), static_cast<int>(absl::StatusCode::kDeadlineExceeded));
  EXPECT_EQ(error.message(), "upstream timed out");
  EXPECT_EQ(error.http_status(), 0);
  EXPECT_EQ(error.reason(), "");
}

TEST(EffectiveParallelismTest, RequestCanOnlyLowerTheGatewayBound) {
  EXPECT_EQ(EffectiveParallelism(0, 16).value(), 16);
  EXPECT_EQ(EffectiveParallelism(4, 16).value(), 4);
  EXPECT_EQ(EffectiveParallelism(16, 16).value(), 16);
  EXPECT_EQ(EffectiveParallelism(1000, 16).value(), 16);
  const absl::StatusOr<int> negative = EffectiveParallelism(-1, 16);
  EXPECT_EQ(negative.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(negative.status().message().find("max_parallelism"), absl::string_view::npos);
}

}  // namespace
}  // namespace pulumi_gateway
