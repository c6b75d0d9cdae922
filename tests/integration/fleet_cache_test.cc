// Read coalescing and the response cache through the real gateway binary and the in-process
// emulator: a burst of identical reads costs one upstream request, different tokens never share
// an answer, a cached read is served without an upstream request until the gateway's own write
// invalidates it, and the metrics count what happened.
#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "emulator/demo_seed.h"
#include "emulator/faults.h"
#include "emulator/server.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "pulumi/service/v1/stacks.grpc.pb.h"
#include "tests/support/harness.h"
#include "tests/support/metrics.h"

namespace pulumi_gateway::testing {
namespace {

namespace v1 = ::pulumi::service::v1;
using ::testing::Contains;
using ::testing::Not;
using ::testing::Pair;

// Demo tokens of the emulator's seed: jdoe and asmith are members of acme-corp, eve only of
// globex (she gets 403 on acme-corp).
constexpr char kJdoe[] = "pul-demo-jdoe-7f3a9c2e41b85d60f1e2a3b4c5d6e7f8";
constexpr char kAsmith[] = "pul-demo-asmith-5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b";
constexpr char kEve[] = "pul-demo-eve-4f5e6d7c8b9a0f1e2d3c4b5a69788796";
constexpr char kProdPath[] = "/api/stacks/acme-corp/payments-api/prod";

std::map<std::string, std::string> Tags(const v1::GetStackResponse& response) {
  return {response.stack().tags().begin(), response.stack().tags().end()};
}

v1::GetStackRequest Stack(const std::string& stack = "prod") {
  v1::GetStackRequest request;
  request.set_org_name("acme-corp");
  request.set_project_name("payments-api");
  request.set_stack_name(stack);
  return request;
}

class FleetCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    emulator_ = StartEmulator();
    ASSERT_NE(emulator_, nullptr);
  }

  void StartGateway(const AdjustFlags& adjust = nullptr) {
    gateway_ = TestGateway::Start(UpstreamUrl(*emulator_), [&](FlagValues& f) {
      f.metrics_listen = "127.0.0.1:0";
      if (adjust) adjust(f);
    });
    ASSERT_NE(gateway_, nullptr);
    metrics_address_ = gateway_->metrics_address();
    ASSERT_FALSE(metrics_address_.empty());
    stub_ = v1::StacksService::NewStub(gateway_->channel());
  }

  // Every GetStack of the prod stack waits `latency` upstream, so concurrent calls overlap.
  void SlowDownProd(absl::Duration latency) {
    emulator::FaultSpec fault;
    fault.kind = emulator::FaultKind::kLatency;
    fault.route = kProdPath;
    fault.method = "GET";
    fault.latency_ms = static_cast<int>(absl::ToInt64Milliseconds(latency));
    ASSERT_TRUE(emulator_->faults().Add(fault).ok());
  }

  int64_t UpstreamReads(const std::string& path = kProdPath) {
    return emulator_->requests().Count("GET", path);
  }

  grpc::Status GetStack(const std::string& token, v1::GetStackResponse* response,
                        const std::string& stack = "prod") {
    grpc::ClientContext context;
    context.AddMetadata("authorization", absl::StrCat("token ", token));
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(20)));
    return stub_->GetStack(&context, Stack(stack), response);
  }

  // Starts one GetStack of prod per token in `tokens`, all at once; returns their statuses and
  // responses in the same order once all have finished.
  struct Burst {
    std::vector<grpc::Status> statuses;
    std::vector<v1::GetStackResponse> responses;
  };
  Burst GetStackBurst(const std::vector<std::string>& tokens) {
    const size_t n = tokens.size();
    Burst burst;
    burst.statuses.resize(n);
    burst.responses.resize(n);
    std::vector<std::unique_ptr<grpc::ClientContext>> contexts(n);
    const v1::GetStackRequest request = Stack();
    std::atomic<size_t> finished{0};
    absl::Notification all_done;
    for (size_t i = 0; i < n; ++i) {
      contexts[i] = std::make_unique<grpc::ClientContext>();
      contexts[i]->AddMetadata("authorization", absl::StrCat("token ", tokens[i]));
      contexts[i]->set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
      stub_->async()->GetStack(contexts[i].get(), &request, &burst.responses[i],
                               [&, i](grpc::Status status) {
                                 burst.statuses[i] = std::move(status);
                                 if (++finished == n) all_done.Notify();
                               });
    }
    EXPECT_TRUE(all_done.WaitForNotificationWithTimeout(absl::Seconds(60)));
    return burst;
  }

  std::string Scrape() { return ScrapeMetrics(metrics_address_); }

  std::unique_ptr<emulator::Server> emulator_;
  std::unique_ptr<TestGateway> gateway_;
  std::string metrics_address_;
  std::unique_ptr<v1::StacksService::Stub> stub_;
};

TEST_F(FleetCacheTest, TwoHundredConcurrentIdenticalReadsMakeOneUpstreamRequest) {
  constexpr int kCalls = 200;
  StartGateway();  // coalescing is on by default; no cache
  SlowDownProd(absl::Seconds(1));
  const absl::Time start = absl::Now();
  const Burst burst = GetStackBurst(std::vector<std::string>(kCalls, kJdoe));
  const absl::Duration took = absl::Now() - start;

  for (int i = 0; i < kCalls; ++i) {
    ASSERT_TRUE(burst.statuses[i].ok()) << i << ": " << burst.statuses[i].error_message();
    EXPECT_EQ(burst.responses[i].stack().stack_name(), "prod");
    EXPECT_EQ(burst.responses[i].stack().org_name(), "acme-corp");
  }
  EXPECT_EQ(UpstreamReads(), 1);
  EXPECT_EQ(SampleValue(Scrape(), "pulumi_gateway_coalesced_requests_total"), kCalls - 1);
  std::cout << kCalls << " identical GetStack calls (1 s upstream): " << UpstreamReads()
            << " upstream request, " << absl::FormatDuration(took) << std::endl;

  // Once answered, the next read goes upstream again: coalescing is not a cache.
  v1::GetStackResponse again;
  ASSERT_TRUE(GetStack(kJdoe, &again).ok());
  EXPECT_EQ(UpstreamReads(), 2);
}

TEST_F(FleetCacheTest, WithoutCoalescingEveryReadGoesUpstream) {
  StartGateway([](FlagValues& f) { f.coalesce_reads = false; });
  SlowDownProd(absl::Milliseconds(300));
  // Fewer calls than the emulator's worker threads (each keep-alive connection holds one).
  const Burst burst = GetStackBurst(std::vector<std::string>(10, kJdoe));
  for (const grpc::Status& status : burst.statuses) ASSERT_TRUE(status.ok());
  EXPECT_EQ(UpstreamReads(), 10);
  EXPECT_EQ(SampleValue(Scrape(), "pulumi_gateway_coalesced_requests_total"), -1)
      << "no coalescer, no metric";
}

TEST_F(FleetCacheTest, DifferentTokensNeverShareAnAnswer) {
  StartGateway([](FlagValues& f) { f.cache_ttl = "GetStack=30s"; });
  SlowDownProd(absl::Milliseconds(500));
  // jdoe and eve at once, interleaved: one upstream request per token.
  std::vector<std::string> tokens;
  for (int i = 0; i < 40; ++i) tokens.push_back(i % 2 == 0 ? kJdoe : kEve);
  const Burst burst = GetStackBurst(tokens);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i] == kJdoe) {
      ASSERT_TRUE(burst.statuses[i].ok()) << i << ": " << burst.statuses[i].error_message();
      EXPECT_EQ(burst.responses[i].stack().stack_name(), "prod");
    } else {
      EXPECT_EQ(burst.statuses[i].error_code(), grpc::StatusCode::PERMISSION_DENIED) << i;
      EXPECT_FALSE(burst.responses[i].has_stack()) << i;
    }
  }
  EXPECT_EQ(UpstreamReads(), 2);

  // Right after jdoe's answer was cached, eve still gets hers from upstream (a 403 is not kept).
  v1::GetStackResponse response;
  EXPECT_EQ(GetStack(kEve, &response).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_FALSE(response.has_stack());
  EXPECT_EQ(UpstreamReads(), 3);
  ASSERT_TRUE(GetStack(kJdoe, &response).ok());  // a hit
  EXPECT_EQ(response.stack().stack_name(), "prod");
  EXPECT_EQ(UpstreamReads(), 3);

  // And the other way round: eve first, then jdoe, on a stack nobody read yet.
  const std::string dev = "/api/stacks/acme-corp/payments-api/dev";
  v1::GetStackResponse eve_dev, jdoe_dev;
  EXPECT_EQ(GetStack(kEve, &eve_dev, "dev").error_code(), grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(GetStack(kJdoe, &jdoe_dev, "dev").ok());
  EXPECT_EQ(jdoe_dev.stack().stack_name(), "dev");
  EXPECT_EQ(UpstreamReads(dev), 2);
  EXPECT_EQ(GetStack(kEve, &eve_dev, "dev").error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(UpstreamReads(dev), 3);
}

TEST_F(FleetCacheTest, CachedReadsAreServedUntilTheGatewaysOwnWriteInvalidatesThem) {
  StartGateway([](FlagValues& f) { f.cache_ttl = "GetStack=30s"; });
  v1::GetStackResponse first, second;
  ASSERT_TRUE(GetStack(kJdoe, &first).ok());
  ASSERT_TRUE(GetStack(kJdoe, &second).ok());
  EXPECT_EQ(UpstreamReads(), 1) << "the second read is a hit";
  EXPECT_EQ(Tags(second), Tags(first));
  EXPECT_THAT(Tags(second), Not(Contains(Pair("cache-test", "written"))));
  v1::GetStackResponse asmith;
  ASSERT_TRUE(GetStack(kAsmith, &asmith).ok());  // another token: its own entry
  EXPECT_EQ(UpstreamReads(), 2);

  grpc::ClientContext context;
  context.AddMetadata("authorization", absl::StrCat("token ", kJdoe));
  v1::AddStackTagRequest tag;
  tag.set_org_name("acme-corp");
  tag.set_project_name("payments-api");
  tag.set_stack_name("prod");
  tag.set_name("cache-test");
  tag.set_value("written");
  v1::AddStackTagResponse tagged;
  grpc::Status status = stub_->AddStackTag(&context, tag, &tagged);
  ASSERT_TRUE(status.ok()) << status.error_message();

  // jdoe's write dropped the org's entries of every token.
  v1::GetStackResponse after;
  ASSERT_TRUE(GetStack(kJdoe, &after).ok());
  EXPECT_EQ(UpstreamReads(), 3);
  EXPECT_THAT(Tags(after), Contains(Pair("cache-test", "written")));
  ASSERT_TRUE(GetStack(kAsmith, &asmith).ok());
  EXPECT_EQ(UpstreamReads(), 4);
  EXPECT_THAT(Tags(asmith), Contains(Pair("cache-test", "written")));
  ASSERT_TRUE(GetStack(kJdoe, &after).ok());  // cached again
  EXPECT_EQ(UpstreamReads(), 4);

  const std::string metrics = Scrape();
  EXPECT_EQ(SampleValue(metrics, "pulumi_gateway_cache_hits_total"), 2);
  EXPECT_EQ(SampleValue(metrics, "pulumi_gateway_cache_misses_total"), 4);
  EXPECT_EQ(SampleValue(metrics, "pulumi_gateway_cache_invalidations_total"), 2);
  EXPECT_EQ(SampleValue(metrics, "pulumi_gateway_cache_evictions_total"), 0);
  EXPECT_EQ(SampleValue(metrics, "pulumi_gateway_cache_entries"), 2);
  EXPECT_GT(SampleValue(metrics, "pulumi_gateway_cache_bytes"), 0);
  EXPECT_FALSE(absl::StrContains(metrics, kJdoe)) << "a token reached the metrics";
}

}  // namespace
}  // namespace pulumi_gateway::testing
