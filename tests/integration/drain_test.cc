// Graceful drain on SIGTERM through the real gateway binary: a process of its own, because the
// drain starts from a signal and ends with the process's exit code.
#include <signal.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "pulumi/service/v1/stacks.grpc.pb.h"
#include "tests/support/harness.h"
#include "tests/support/held_upstream.h"

namespace pulumi_gateway::testing {
namespace {

using ::pulumi::service::v1::GetStackRequest;
using ::pulumi::service::v1::GetStackResponse;
using ::pulumi::service::v1::StacksService;

constexpr char kStackJson[] =
    R"({"orgName":"acme-corp","projectName":"payments-api","stackName":"prod"})";

GetStackRequest StackRequest() {
  GetStackRequest request;
  request.set_org_name("acme-corp");
  request.set_project_name("payments-api");
  request.set_stack_name("prod");
  return request;
}

std::unique_ptr<ChildProcess> StartGateway(std::vector<std::string> extra) {
  // The drain tests count one upstream request per call: identical concurrent reads must not be
  // coalesced into one.
  extra.push_back("--coalesce_reads=false");
  return StartGatewayBinary(std::move(extra));
}

grpc::health::v1::HealthCheckResponse::ServingStatus Health(const std::string& address) {
  auto health = grpc::health::v1::Health::NewStub(
      grpc::CreateChannel(address, grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(2)));
  grpc::health::v1::HealthCheckRequest request;
  grpc::health::v1::HealthCheckResponse response;
  if (!health->Check(&context, request, &response).ok()) {
    return grpc::health::v1::HealthCheckResponse::UNKNOWN;
  }
  return response.status();
}

TEST(DrainTest, SigtermLetsEveryInFlightCallFinish) {
  constexpr int kCalls = 300;
  HeldUpstream upstream(absl::Seconds(2), kStackJson);
  auto gateway = StartGateway({"--upstream=" + upstream.base_url(), "--drain_delay=500ms",
                               "--shutdown_grace=10s", "--upstream_max_connections=400"});
  auto stub = StacksService::NewStub(
      grpc::CreateChannel(gateway->address(), grpc::InsecureChannelCredentials()));
  ASSERT_EQ(Health(gateway->address()), grpc::health::v1::HealthCheckResponse::SERVING);

  std::vector<std::unique_ptr<grpc::ClientContext>> contexts(kCalls);
  std::vector<GetStackResponse> responses(kCalls);
  std::vector<grpc::Status> statuses(kCalls);
  const GetStackRequest request = StackRequest();
  std::atomic<int> finished{0};
  absl::Notification all_done;
  for (int i = 0; i < kCalls; ++i) {
    contexts[i] = std::make_unique<grpc::ClientContext>();
    contexts[i]->AddMetadata("authorization", "token pul-test");
    contexts[i]->set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(20)));
    stub->async()->GetStack(contexts[i].get(), &request, &responses[i], [&, i](grpc::Status s) {
      statuses[i] = std::move(s);
      if (++finished == kCalls) all_done.Notify();
    });
  }
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  while (upstream.requests() < kCalls && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(5));
  }
  ASSERT_EQ(upstream.requests(), kCalls) << "not every call reached the upstream";
  ASSERT_EQ(finished.load(), 0) << "calls finished before the drain began";

  gateway->Signal(SIGTERM);
  // During the drain delay the gateway still answers, but reports NOT_SERVING.
  absl::SleepFor(absl::Milliseconds(150));
  EXPECT_EQ(Health(gateway->address()), grpc::health::v1::HealthCheckResponse::NOT_SERVING);

  ASSERT_TRUE(all_done.WaitForNotificationWithTimeout(absl::Seconds(15)));
  int ok = 0;
  for (const grpc::Status& status : statuses) ok += status.ok() ? 1 : 0;
  EXPECT_EQ(ok, kCalls) << "some in-flight calls were dropped by the drain";
  EXPECT_EQ(responses[0].stack().stack_name(), "prod");

  absl::StatusOr<int> exit_code = gateway->Wait(absl::Seconds(10));
  ASSERT_TRUE(exit_code.ok()) << "the gateway did not exit after draining";
  EXPECT_EQ(*exit_code, 0);
}

TEST(DrainTest, CallsStillRunningAfterTheGraceAreAnsweredAndTheProcessExits) {
  HeldUpstream upstream(absl::InfiniteDuration(), "{}");
  auto gateway = StartGateway({"--upstream=" + upstream.base_url(), "--shutdown_grace=300ms"});
  auto stub = StacksService::NewStub(
      grpc::CreateChannel(gateway->address(), grpc::InsecureChannelCredentials()));
  constexpr int kCalls = 50;
  std::vector<std::unique_ptr<grpc::ClientContext>> contexts(kCalls);
  std::vector<GetStackResponse> responses(kCalls);
  std::vector<grpc::StatusCode> codes(kCalls);
  const GetStackRequest request = StackRequest();
  std::atomic<int> finished{0};
  absl::Notification all_done;
  for (int i = 0; i < kCalls; ++i) {
    contexts[i] = std::make_unique<grpc::ClientContext>();
    contexts[i]->AddMetadata("authorization", "token pul-test");
    stub->async()->GetStack(contexts[i].get(), &request, &responses[i], [&, i](grpc::Status s) {
      codes[i] = s.error_code();
      if (++finished == kCalls) all_done.Notify();
    });
  }
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  while (upstream.requests() < kCalls && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(5));
  }
  ASSERT_EQ(upstream.requests(), kCalls);
  const absl::Time signalled = absl::Now();
  gateway->Signal(SIGTERM);
  ASSERT_TRUE(all_done.WaitForNotificationWithTimeout(absl::Seconds(5)))
      << "calls were left without an answer";
  for (grpc::StatusCode code : codes) {
    EXPECT_TRUE(code == grpc::StatusCode::CANCELLED || code == grpc::StatusCode::UNAVAILABLE)
        << "code " << code;
  }
  absl::StatusOr<int> exit_code = gateway->Wait(absl::Seconds(5));
  ASSERT_TRUE(exit_code.ok());
  EXPECT_EQ(*exit_code, 0);
  EXPECT_LT(absl::Now() - signalled, absl::Seconds(3));
}

}  // namespace
}  // namespace pulumi_gateway::testing
