// The real gateway binary against in-process upstreams: deadlines, cancellation, concurrency,
// reflection, health, start-up validation.
#include <algorithm>
#include <atomic>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "pulumi/service/v1/stacks.grpc.pb.h"
#include "tests/support/child_process.h"
#include "tests/support/fake_upstream.h"
#include "tests/support/held_upstream.h"

namespace pulumi_gateway::testing {
namespace {

using ::pulumi::service::v1::GetStackRequest;
using ::pulumi::service::v1::GetStackResponse;
using ::pulumi::service::v1::StacksService;
using ::testing::HasSubstr;

constexpr char kGateway[] = "gateway/pulumi_gateway";

std::unique_ptr<ChildProcess> StartGateway(const std::string& upstream,
                                           std::vector<std::string> extra = {}) {
  // These tests count one upstream request per call: identical concurrent reads must not be
  // coalesced into one.
  std::vector<std::string> args = {"--listen=127.0.0.1:0", "--metrics_listen=127.0.0.1:0",
                                   "--upstream=" + upstream, "--log_level=warning",
                                   "--coalesce_reads=false"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto gateway = std::make_unique<ChildProcess>(kGateway, args);
  absl::StatusOr<std::string> address = gateway->WaitListening(absl::Seconds(20));
  EXPECT_TRUE(address.ok()) << address.status();
  return gateway;
}

GetStackRequest StackRequest() {
  GetStackRequest request;
  request.set_org_name("acme-corp");
  request.set_project_name("payments-api");
  request.set_stack_name("prod");
  return request;
}

// Waits until `condition` holds, polling; false after `timeout`.
template <typename Condition>
bool Eventually(Condition condition, absl::Duration timeout = absl::Seconds(5)) {
  const absl::Time deadline = absl::Now() + timeout;
  while (!condition()) {
    if (absl::Now() > deadline) return false;
    absl::SleepFor(absl::Milliseconds(5));
  }
  return true;
}

TEST(GatewayBehaviourTest, DeadlineEndsCallAndClosesUpstreamConnection) {
  HeldUpstream upstream(absl::InfiniteDuration(), "{}");
  auto gateway = StartGateway(upstream.base_url());
  auto stub = StacksService::NewStub(
      grpc::CreateChannel(gateway->address(), grpc::InsecureChannelCredentials()));

  grpc::ClientContext context;
  context.AddMetadata("authorization", "token pul-test");
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Milliseconds(200)));
  GetStackResponse response;
  const absl::Time start = absl::Now();
  grpc::Status status = stub->GetStack(&context, StackRequest(), &response);
  const absl::Duration took = absl::Now() - start;

  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_LT(took, absl::Milliseconds(400));
  EXPECT_EQ(upstream.requests(), 1);
  ASSERT_TRUE(Eventually([&] { return upstream.closed_connections() == 1; }))
      << "the gateway kept the upstream connection open after the deadline";
  EXPECT_LT(upstream.last_close() - start, absl::Milliseconds(600));
}

TEST(GatewayBehaviourTest, ClientCancelAbortsUpstreamTransfer) {
  HeldUpstream upstream(absl::InfiniteDuration(), "{}");
  auto gateway = StartGateway(upstream.base_url());
  auto stub = StacksService::NewStub(
      grpc::CreateChannel(gateway->address(), grpc::InsecureChannelCredentials()));

  grpc::ClientContext context;
  context.AddMetadata("authorization", "token pul-test");
  GetStackResponse response;
  const GetStackRequest request = StackRequest();
  absl::Notification done;
  grpc::Status status;
  stub->async()->GetStack(&context, &request, &response, [&](grpc::Status s) {
    status = s;
    done.Notify();
  });
  ASSERT_TRUE(Eventually([&] { return upstream.requests() == 1; }));
  const absl::Time cancelled_at = absl::Now();
  context.TryCancel();
  ASSERT_TRUE(done.WaitForNotificationWithTimeout(absl::Seconds(5)));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::CANCELLED);
  ASSERT_TRUE(Eventually([&] { return upstream.closed_connections() == 1; }))
      << "the upstream transfer survived the client's cancel";
  EXPECT_LT(upstream.last_close() - cancelled_at, absl::Milliseconds(500));
}

TEST(GatewayBehaviourTest, ThousandConcurrentCallsUseBoundedThreads) {
  constexpr int kCalls = 1000;
  HeldUpstream upstream(
      absl::Seconds(1),
      R"({"orgName":"acme-corp","projectName":"payments-api","stackName":"prod"})");
  auto gateway = StartGateway(upstream.base_url(), {"--upstream_max_connections=1100"});
  const int idle_threads = gateway->ThreadCount();

  auto channel = grpc::CreateChannel(gateway->address(), grpc::InsecureChannelCredentials());
  auto stub = StacksService::NewStub(channel);
  std::vector<std::unique_ptr<grpc::ClientContext>> contexts(kCalls);
  std::vector<GetStackResponse> responses(kCalls);
  const GetStackRequest request = StackRequest();
  std::atomic<int> ok{0};
  std::atomic<int> finished{0};
  absl::Notification all_done;
  const absl::Time start = absl::Now();
  for (int i = 0; i < kCalls; ++i) {
    contexts[i] = std::make_unique<grpc::ClientContext>();
    contexts[i]->AddMetadata("authorization", "token pul-test");
    contexts[i]->set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
    stub->async()->GetStack(contexts[i].get(), &request, &responses[i], [&](grpc::Status s) {
      if (s.ok()) ++ok;
      if (++finished == kCalls) all_done.Notify();
    });
  }
  // Sample the thread count while the calls are held upstream.
  int peak_threads = 0;
  while (!all_done.WaitForNotificationWithTimeout(absl::Milliseconds(100))) {
    peak_threads = std::max(peak_threads, gateway->ThreadCount());
    ASSERT_LT(absl::Now() - start, absl::Seconds(30));
  }
  const absl::Duration took = absl::Now() - start;

  EXPECT_EQ(ok.load(), kCalls);
  EXPECT_EQ(upstream.requests(), kCalls);
  EXPECT_EQ(upstream.peak_concurrency(), kCalls) << "calls were not all in flight at once";
  EXPECT_EQ(responses[kCalls - 1].stack().stack_name(), "prod");
  EXPECT_LT(took, absl::Seconds(3));
  EXPECT_GT(peak_threads, 0);
  EXPECT_LE(peak_threads, 32) << "idle threads: " << idle_threads;
  std::cout << kCalls << " concurrent calls held 1 s upstream: " << absl::FormatDuration(took)
            << "; gateway threads idle " << idle_threads << ", peak " << peak_threads << std::endl;
}

TEST(GatewayBehaviourTest, ReflectionHealthAndUnknownMethods) {
  FakeUpstream upstream;
  auto gateway = StartGateway(upstream.base_url());
  auto channel = grpc::CreateChannel(gateway->address(), grpc::InsecureChannelCredentials());

  auto health = grpc::health::v1::Health::NewStub(channel);
  grpc::ClientContext health_context;
  grpc::health::v1::HealthCheckRequest check;
  check.set_service("pulumi.service.v1.StacksService");
  grpc::health::v1::HealthCheckResponse serving;
  ASSERT_TRUE(health->Check(&health_context, check, &serving).ok());
  EXPECT_EQ(serving.status(), grpc::health::v1::HealthCheckResponse::SERVING);

  grpc::GenericStub generic(channel);
  grpc::ClientContext context;
  grpc::Slice empty("");
  grpc::ByteBuffer request(&empty, 1);
  grpc::ByteBuffer response;
  absl::Notification done;
  grpc::Status status;
  generic.UnaryCall(&context, "/pulumi.service.v1.StacksService/NoSuchMethod", grpc::StubOptions(),
                    &request, &response, [&](grpc::Status s) {
                      status = s;
                      done.Notify();
                    });
  ASSERT_TRUE(done.WaitForNotificationWithTimeout(absl::Seconds(5)));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNIMPLEMENTED);
  EXPECT_EQ(upstream.request_count(), 0);
}

TEST(GatewayBehaviourTest, InvalidFlagsStopStartupNamingTheFlag) {
  struct Row {
    std::vector<std::string> args;
    std::string expected;
  };
  for (const Row& row : std::vector<Row>{
           {{"--listen=nonsense"}, "--listen"},
           {{"--upstream=ftp://x"}, "--upstream"},
           {{"--api_version=0"}, "--api_version"},
           {{"--auth_mode=mtls"}, "--auth_mode"},
           {{"--auth_mode=service", "--token_file=/nonexistent/token"}, "--token_file"},
           {{"--upstream_ca_file=/nonexistent/ca.pem"}, "--upstream_ca_file"},
           {{"--max_in_flight=0"}, "--max_in_flight"},
           {{"--log_level=loud"}, "--log_level"},
           // Debian 12's libcurl (7.88) breaks reused h2c connections.
           {{"--upstream=http://127.0.0.1:1", "--upstream_http2_prior_knowledge"},
            "--upstream_http2_prior_knowledge: needs libcurl 8.0.0"},
       }) {
    SCOPED_TRACE(row.expected);
    std::vector<std::string> args = {"--listen=127.0.0.1:0", "--metrics_listen="};
    args.insert(args.end(), row.args.begin(), row.args.end());
    ChildProcess gateway(kGateway, args, {"PULUMI_ACCESS_TOKEN="});
    absl::StatusOr<int> exit_code = gateway.Wait(absl::Seconds(10));
    ASSERT_TRUE(exit_code.ok());
    EXPECT_EQ(*exit_code, 2);
    EXPECT_THAT(gateway.Stderr(), HasSubstr(row.expected));
  }
}

}  // namespace
}  // namespace pulumi_gateway::testing
