// Metrics and logs of a gateway after known traffic: exact counts on /metrics, one JSON object per
// log line with the access fields, and no token anywhere in the output.
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "httplib.h"
#include "nlohmann/json.hpp"
#include "pulumi/service/v1/stacks.grpc.pb.h"
#include "tests/support/fake_upstream.h"
#include "tests/support/harness.h"
#include "tests/support/metrics.h"

namespace pulumi_gateway::testing {
namespace {

using ::pulumi::service::v1::GetStackRequest;
using ::pulumi::service::v1::GetStackResponse;
using ::pulumi::service::v1::StacksService;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kToken[] = "pul-obs3rv4bility0t0ken0value0000000000000";

class ObservabilityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    upstream_.SetHandler([](const httplib::Request& req, httplib::Response& res) {
      if (absl::StrContains(req.path, "/missing")) {
        res.status = 404;
        res.set_content(
            absl::StrCat(R"({"code":404,"message":"stack not found for token )", kToken, R"("})"),
            "application/json");
        return;
      }
      res.set_content(
          R"({"orgName":"acme-corp","projectName":"p","stackName":"prod","newKey":1,"other":{}})",
          "application/json");
    });
    gateway_ = TestGateway::Start(upstream_.base_url(), [](FlagValues& f) {
      f.metrics_listen = "127.0.0.1:0";
      f.log_level = "info";
      f.max_in_flight = 1500;
    });
    ASSERT_NE(gateway_, nullptr);
    metrics_address_ = gateway_->metrics_address();
    ASSERT_FALSE(metrics_address_.empty());
    stub_ = StacksService::NewStub(gateway_->channel());
  }

  grpc::Status GetStack(const std::string& stack, bool with_token = true) {
    grpc::ClientContext context;
    if (with_token) context.AddMetadata("authorization", absl::StrCat("token ", kToken));
    GetStackRequest request;
    request.set_org_name("acme-corp");
    request.set_project_name("p");
    request.set_stack_name(stack);
    GetStackResponse response;
    return stub_->GetStack(&context, request, &response);
  }

  std::string Scrape() { return ScrapeMetrics(metrics_address_); }

  FakeUpstream upstream_;
  std::unique_ptr<TestGateway> gateway_;
  std::string metrics_address_;
  std::unique_ptr<StacksService::Stub> stub_;
};

TEST_F(ObservabilityTest, MetricsCountKnownTrafficExactly) {
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(GetStack("prod").ok());
  for (int i = 0; i < 2; ++i)
    EXPECT_EQ(GetStack("missing").error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(GetStack("prod", /*with_token=*/false).error_code(), grpc::StatusCode::UNAUTHENTICATED);

  // A call leaves the in-flight gauge when gRPC is done with it, which may be just after the
  // client has its answer.
  std::string metrics = Scrape();
  const absl::Time until = absl::Now() + absl::Seconds(10);
  while (SampleValue(metrics, "pulumi_gateway_in_flight_calls") != 0 && absl::Now() < until) {
    absl::SleepFor(absl::Milliseconds(10));
    metrics = Scrape();
  }
  const std::string labels =
      R"(grpc_method="GetStack",grpc_service="pulumi.service.v1.StacksService",grpc_type="unary")";
  EXPECT_EQ(SampleValue(metrics, "grpc_server_started_total{" + labels + "}"), 6);
  EXPECT_EQ(SampleValue(metrics, R"(grpc_server_handled_total{grpc_code="OK",)" + labels + "}"), 3);
  EXPECT_EQ(
      SampleValue(metrics, R"(grpc_server_handled_total{grpc_code="NOT_FOUND",)" + labels + "}"),
      2);
  EXPECT_EQ(SampleValue(metrics,
                        R"(grpc_server_handled_total{grpc_code="UNAUTHENTICATED",)" + labels + "}"),
            1);
  EXPECT_EQ(SampleValue(metrics, "grpc_server_handling_seconds_count{" + labels + "}"), 6);
  EXPECT_EQ(SampleValue(metrics,
                        R"(pulumi_upstream_requests_total{route="GetStack",status_class="2xx"})"),
            3);
  EXPECT_EQ(SampleValue(metrics,
                        R"(pulumi_upstream_requests_total{route="GetStack",status_class="4xx"})"),
            2);
  EXPECT_EQ(
      SampleValue(metrics, R"(pulumi_upstream_request_duration_seconds_count{route="GetStack"})"),
      5);
  // Each OK answer carried two keys the protos do not know.
  EXPECT_EQ(SampleValue(metrics, R"(pulumi_upstream_unknown_json_keys_total{route="GetStack"})"),
            6);
  EXPECT_EQ(SampleValue(metrics, R"(pulumi_upstream_retries_total{route="GetStack"})"), 0);
  EXPECT_EQ(SampleValue(metrics, "pulumi_gateway_in_flight_calls"), 0);
  // The limit, so an alert can compare each pod with its own (deploy/components/monitoring).
  EXPECT_EQ(SampleValue(metrics, "pulumi_gateway_max_in_flight_calls"), 1500);
  // --memory_fit's estimate: idle 25 MiB + the 96 MiB budget + a 64 MiB answer + 1,500 x 36 KiB.
  EXPECT_EQ(SampleValue(metrics, "pulumi_gateway_memory_peak_bytes"), 249282560);
  EXPECT_EQ(SampleValue(metrics, "pulumi_upstream_connections_opened_total"), 1)
      << "keep-alive should serve every call on one connection";
  EXPECT_EQ(SampleValue(metrics, "pulumi_upstream_circuit_breaker_state"), 0);
  EXPECT_THAT(metrics, Not(HasSubstr(kToken)));
}

TEST_F(ObservabilityTest, LogsAreJsonLinesWithAccessFieldsAndNoToken) {
  ASSERT_TRUE(GetStack("prod").ok());
  EXPECT_EQ(GetStack("missing").error_code(), grpc::StatusCode::NOT_FOUND);
  // The access line is written just before the reply: wait for the second one.
  const absl::Time deadline = absl::Now() + absl::Seconds(5);
  while (gateway_->AccessLog().size() < 2 && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(10));
  }
  const std::string output = gateway_->LogText();
  EXPECT_THAT(output, Not(HasSubstr(kToken)));
  EXPECT_THAT(output, Not(HasSubstr(std::string(kToken).substr(4))));

  std::vector<nlohmann::json> access;
  for (absl::string_view line : absl::StrSplit(output, '\n', absl::SkipEmpty())) {
    nlohmann::json entry = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(entry.is_discarded()) << "not a JSON line: " << line;
    EXPECT_TRUE(entry.contains("ts") && entry.contains("level") && entry.contains("msg")) << line;
    if (entry["msg"] == "access") access.push_back(entry);
  }
  ASSERT_EQ(access.size(), 2u);
  EXPECT_EQ(access[0]["code"], "OK");
  EXPECT_EQ(access[0]["upstream_status"], 200);
  EXPECT_EQ(access[0]["attempts"], 1);
  EXPECT_EQ(access[0]["method"], "pulumi.service.v1.StacksService.GetStack");
  EXPECT_EQ(access[0]["level"], "info");
  EXPECT_TRUE(access[0]["duration_ms"].is_number());
  EXPECT_EQ(access[0]["request_id"].get<std::string>().size(), 32u);
  EXPECT_EQ(access[1]["code"], "NOT_FOUND");
  EXPECT_EQ(access[1]["upstream_status"], 404);
  // The upstream echoed the token in its error message: the log carries it redacted.
  EXPECT_THAT(access[1]["error"].get<std::string>(), HasSubstr("pul-[REDACTED]"));
  // The request id the upstream saw is the one logged.
  EXPECT_EQ(upstream_.requests()[0].Header("X-Request-ID"), access[0]["request_id"]);
}

}  // namespace
}  // namespace pulumi_gateway::testing
