// A gateway in front of in-process upstreams: deadlines and cancellation reach the upstream
// transfer, racing answers, cancels and refusals end every call once, reflection and health
// answer, unknown methods are UNIMPLEMENTED.

#include <algorithm>
#include <atomic>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpc/reflection/v1/reflection.grpc.pb.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "pulumi/service/v1/stacks.grpc.pb.h"
#include "tests/support/eventually.h"
#include "tests/support/fake_upstream.h"
#include "tests/support/harness.h"
#include "tests/support/held_upstream.h"
#include "tests/support/thread_names.h"

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

// gRPC runs a unary call's OnDone and OnCancel on whichever thread ends the call (the upstream
// loop, a server thread, the cancelling one). A burst where answers, client cancels and refusals
// before the upstream race each other must still end every call exactly once, deadlock-free,
// with every call's bookkeeping undone (the in-flight count back to zero).
TEST(GatewayBehaviourTest, RacingAnswersCancelsAndRefusalsEndEveryCallOnce) {
  HeldUpstream upstream(absl::Milliseconds(15), "{}");
  auto gateway = TestGateway::Start(upstream.base_url(), [](FlagValues& f) {
    f.coalesce_reads = false;
    f.max_in_flight = 16;
  });
  auto stub = StacksService::NewStub(
      grpc::CreateChannel(gateway->address(), grpc::InsecureChannelCredentials()));
  constexpr int kCalls = 240;
  struct Call {
    grpc::ClientContext context;
    GetStackResponse response;
    grpc::Status status;
    std::atomic<int> ended{0};
  };
  std::vector<std::unique_ptr<Call>> calls;
  const GetStackRequest request = StackRequest();
  std::atomic<int> ended{0};
  for (int i = 0; i < kCalls; ++i) {
    auto call = std::make_unique<Call>();
    call->context.AddMetadata("authorization", "token pul-test");
    Call* c = call.get();
    stub->async()->GetStack(&c->context, &request, &c->response, [c, &ended](grpc::Status s) {
      c->status = std::move(s);
      c->ended.fetch_add(1);
      ended.fetch_add(1);
    });
    calls.push_back(std::move(call));
    // Every third call is cancelled while its answer is on its way or just in.
    if (i % 3 == 2) {
      absl::SleepFor(absl::Microseconds(200 * (i % 7)));
      calls[i - 1]->context.TryCancel();
    }
  }
  ASSERT_TRUE(Eventually([&] { return ended.load() == kCalls; }, absl::Seconds(20)))
      << ended.load() << " of " << kCalls << " calls ended";
  int ok = 0, cancelled = 0, refused = 0;
  for (const auto& call : calls) {
    EXPECT_EQ(call->ended.load(), 1);
    switch (call->status.error_code()) {
      case grpc::StatusCode::OK:
        ++ok;
        break;
      case grpc::StatusCode::CANCELLED:
        ++cancelled;
        break;
      case grpc::StatusCode::RESOURCE_EXHAUSTED:
        EXPECT_THAT(call->status.error_message(), HasSubstr("--max_in_flight"));
        ++refused;
        break;
      default:
        ADD_FAILURE() << call->status.error_code() << " " << call->status.error_message();
    }
  }
  std::cout << ok << " answered, " << cancelled << " cancelled, " << refused << " refused\n";
  EXPECT_GT(ok, 0);
  EXPECT_GT(cancelled, 0);
  EXPECT_GT(refused, 0);
  // Every call's OnDone ran: none is still counted in flight.
  ASSERT_TRUE(Eventually([&] { return gateway->app().in_flight() == 0; }))
      << gateway->app().in_flight() << " calls still counted in flight";
  grpc::ClientContext after;
  after.AddMetadata("authorization", "token pul-test");
  GetStackResponse response;
  EXPECT_TRUE(stub->GetStack(&after, request, &response).ok());
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

  auto reflection = grpc::reflection::v1::ServerReflection::NewStub(channel);
  grpc::ClientContext reflection_context;
  auto stream = reflection->ServerReflectionInfo(&reflection_context);
  grpc::reflection::v1::ServerReflectionRequest list;
  list.set_list_services("");
  ASSERT_TRUE(stream->Write(list));
  grpc::reflection::v1::ServerReflectionResponse listed;
  ASSERT_TRUE(stream->Read(&listed));
  stream->WritesDone();
  ASSERT_TRUE(stream->Finish().ok());
  std::vector<std::string> services;
  for (const auto& service : listed.list_services_response().service()) {
    services.push_back(service.name());
  }
  EXPECT_THAT(services,
              ::testing::IsSupersetOf(
                  {"pulumi.service.v1.StacksService", "pulumi.service.v1.OrganizationsService",
                   "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection",
                   "grpc.reflection.v1alpha.ServerReflection"}));
  // Every service is on the callback API: gRPC starts no synchronous server thread pool.
  for (const std::string& name : ThreadNames()) {
    EXPECT_FALSE(absl::StartsWith(name, "grpcpp_sync")) << "a synchronous server thread: " << name;
  }

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
