// UpstreamStack: which layers the options install (seen through the metrics they export), and
// that a call goes through them in order: the cache above coalescing above the retries, every
// attempt metered at the bottom.
#include "gateway/upstream/upstream_stack.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/time/time.h"
#include "gateway/clock/fake_clock.h"
#include "gateway/observability/metric_sink.h"
#include "gateway/observability/metrics.h"
#include "gateway/upstream/quota_store.h"
#include "gateway/upstream/upstream_test_support.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

using ::testing::_;
using ::testing::ElementsAre;
using ::testing::StrictMock;

using upstream_testing::Context;
using upstream_testing::FakeInner;
using upstream_testing::Get;
using upstream_testing::Http;
using upstream_testing::MockUpstream;
using upstream_testing::Outcome;
using upstream_testing::SendTo;

// Records what was exported, as "counter name" / "gauge name".
class RecordingSink final : public MetricSink {
 public:
  void AddCounter(std::string name, std::string, std::function<double()>) override {
    exported.push_back("counter " + name);
  }
  void AddGauge(std::string name, std::string, std::function<double()>) override {
    exported.push_back("gauge " + name);
  }
  std::vector<std::string> exported;
};

class UpstreamStackTest : public ::testing::Test {
 protected:
  FakeClock clock_;
  StrictMock<MockUpstream> transport_;
  FakeInner fake_{&clock_};
  LocalQuotaStore quota_;
  GatewayMetrics metrics_;
};

TEST_F(UpstreamStackTest, DefaultsInstallEveryLayerButTheRateLimitAndTheCache) {
  UpstreamStack stack(&transport_, &clock_, &quota_, &metrics_, UpstreamStackOptions{});
  RecordingSink sink;
  stack.ExportMetrics(sink);
  EXPECT_THAT(sink.exported, ElementsAre("gauge pulumi_upstream_in_flight_requests",
                                         "gauge pulumi_upstream_circuit_breaker_state",
                                         "gauge pulumi_upstream_retry_budget_tokens",
                                         "gauge pulumi_gateway_throttle_paused_identities",
                                         "gauge pulumi_gateway_throttle_queued_interactive",
                                         "gauge pulumi_gateway_throttle_queued_bulk",
                                         "counter pulumi_gateway_throttle_pauses_total",
                                         "counter pulumi_gateway_throttle_rejected_total",
                                         "counter pulumi_gateway_coalesced_requests_total"));
}

TEST_F(UpstreamStackTest, OptionalLayersExportTheirMetricsWhenInstalled) {
  UpstreamStackOptions options;
  options.rate_limit.requests_per_second = 10;
  options.coalesce_reads = false;
  options.cache.ttl_by_route["GetStack"] = absl::Seconds(5);
  UpstreamStack stack(&transport_, &clock_, &quota_, &metrics_, options);
  RecordingSink sink;
  stack.ExportMetrics(sink);
  EXPECT_THAT(
      sink.exported,
      ElementsAre(
          "gauge pulumi_upstream_in_flight_requests", "gauge pulumi_upstream_circuit_breaker_state",
          "gauge pulumi_upstream_retry_budget_tokens", "gauge pulumi_upstream_rate_limit_queued",
          "gauge pulumi_gateway_throttle_paused_identities",
          "gauge pulumi_gateway_throttle_queued_interactive",
          "gauge pulumi_gateway_throttle_queued_bulk",
          "counter pulumi_gateway_throttle_pauses_total",
          "counter pulumi_gateway_throttle_rejected_total",
          "counter pulumi_gateway_cache_hits_total", "counter pulumi_gateway_cache_misses_total",
          "counter pulumi_gateway_cache_evictions_total",
          "counter pulumi_gateway_cache_invalidations_total", "gauge pulumi_gateway_cache_entries",
          "gauge pulumi_gateway_cache_bytes"));
}

TEST_F(UpstreamStackTest, ACallGoesThroughCacheCoalescingRetriesAndTheMeteredTransport) {
  UpstreamStackOptions options;
  options.retry.initial_backoff = absl::Milliseconds(1);
  options.retry.max_backoff = absl::Milliseconds(1);
  options.cache.ttl_by_route["GetStack"] = absl::Seconds(5);
  UpstreamStack stack(&transport_, &clock_, &quota_, &metrics_, options);
  EXPECT_CALL(transport_, Send(_, _, _))
      .WillOnce(fake_.Answer(Http(503)))
      .WillOnce(fake_.Answer(Http(200)));

  // Two identical reads at once: coalesced into one request, retried once below.
  CallContext context = Context();
  context.attempts = std::make_shared<std::atomic<int>>(0);
  Outcome first(clock_), second(clock_);
  SendTo(*stack.top(), Get(), first, context);
  SendTo(*stack.top(), Get(), second, Context());
  clock_.Advance(absl::Milliseconds(10));
  EXPECT_EQ(first.result()->status, 200);
  EXPECT_EQ(second.result()->status, 200);
  EXPECT_EQ(fake_.sends(), 2) << "one shared request, retried once";
  EXPECT_EQ(context.attempts->load(), 2) << "each attempt counted where it went out";

  // A third read within the TTL: answered by the cache, nothing sent.
  Outcome third(clock_);
  SendTo(*stack.top(), Get(), third);
  clock_.RunDue();
  EXPECT_EQ(third.result()->status, 200);
  EXPECT_EQ(fake_.sends(), 2);
}

}  // namespace
}  // namespace pulumi_gateway
