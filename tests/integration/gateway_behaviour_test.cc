// A gateway in front of in-process upstreams: deadlines and cancellation reach the upstream
// transfer, reflection and health answer, unknown methods are UNIMPLEMENTED.
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
#include "tests/support/eventually.h"
#include "tests/support/fake_upstream.h"
#include "tests/support/harness.h"
#include "tests/support/held_upstream.h"

namespace pulumi_gateway::testing {
namespace {

using ::pulumi::service::v1::GetStackRequest;
using ::pulumi::service::v1::GetStackResponse;
using ::pulumi::service::v1::StacksService;
using ::testing::HasSubstr;

std::unique_ptr<TestGateway> StartGateway(const std::string& upstream) {
  // These tests count one upstream request per call: identical concurrent reads must not be
  // coalesced into one.
  return TestGateway::Start(upstream, [](FlagValues& f) { f.coalesce_reads = false; });
}

GetStackRequest StackRequest() {
  GetStackRequest request;
  request.set_org_name("acme-corp");
  request.set_project_name("payments-api");
  request.set_stack_name("prod");
  return request;
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
  grpc::Status status = stub->GetStack(&context, StackRequest(), &response);

  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_EQ(upstream.requests(), 1);
  // The upstream never answers, so only the gateway can close the connection: a close at all
  // means the deadline aborted the transfer.
  ASSERT_TRUE(Eventually([&] { return upstream.closed_connections() == 1; }))
      << "the gateway kept the upstream connection open after the deadline";
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
  EXPECT_EQ(upstream.closed_connections(), 0);
  context.TryCancel();
  ASSERT_TRUE(done.WaitForNotificationWithTimeout(absl::Seconds(5)));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::CANCELLED);
  // As above: the held upstream never ends the transfer itself.
  ASSERT_TRUE(Eventually([&] { return upstream.closed_connections() == 1; }))
      << "the upstream transfer survived the client's cancel";
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

}  // namespace
}  // namespace pulumi_gateway::testing
