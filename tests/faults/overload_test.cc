// The reliability layers seen from outside, through the real gateway binary in front of the
// emulator: the circuit breaker (fails fast without reaching a failing upstream, then recovers by
// itself), the retry budget (an outage does not triple the upstream's load), and the outbound rate
// limit (a burst of callers is spread out to the configured rate, within their deadlines). Each
// test starts its own emulator and gateway, so the layers' state never leaks between them.
#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "emulator/faults.h"
#include "emulator/request_log.h"
#include "emulator/server.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/faults/fault_env.h"
#include "tests/support/metrics.h"

namespace pulumi_gateway::testing {
namespace {

using ::testing::HasSubstr;

emulator::FaultSpec Always503(const std::string& path) {
  emulator::FaultSpec spec;
  spec.kind = emulator::FaultKind::kStatus;
  spec.status = 503;
  spec.method = "GET";
  spec.route = path;
  return spec;
}

TEST(CircuitBreakerThroughTheGateway, OpensOnConsecutive503sFailsFastAndRecoversAfterOpenDuration) {
  auto emulator = StartEmulator();
  ASSERT_NE(emulator, nullptr);
  const absl::Duration open_duration = absl::Milliseconds(300);
  auto gateway = StartGateway(emulator->port(), [](FlagValues& f) {
    f.metrics_listen = "127.0.0.1:0";
    f.breaker_failure_threshold = 20;
    f.breaker_open_duration = absl::Milliseconds(300);
    f.retry_initial_backoff = absl::Milliseconds(50);
    f.retry_max_backoff = absl::Milliseconds(100);
  });
  ASSERT_NE(gateway, nullptr);
  GatewayClient client(gateway->address());
  const StackName prod{"acme-corp", "payments-api", "prod"};
  const std::string path = "/api/stacks/acme-corp/payments-api/prod";
  const absl::StatusOr<std::string> fault = emulator->faults().Add(Always503(path));
  ASSERT_TRUE(fault.ok()) << fault.status();

  // Each call makes up to 3 attempts; the 20th consecutive failure opens the breaker, and the
  // call in progress then gets the breaker's refusal instead of its next retry.
  int calls = 0;
  for (; calls < 15; ++calls) {
    RpcResult r = client.GetStack(prod, absl::Seconds(5));
    ASSERT_EQ(r.status.error_code(), grpc::StatusCode::UNAVAILABLE) << r.status.error_message();
    if (absl::StrContains(r.status.error_message(), "circuit breaker")) break;
    EXPECT_THAT(r.status.error_message(), HasSubstr("Service Unavailable: injected fault"));
  }
  ASSERT_LT(calls, 15) << "the breaker never opened";
  EXPECT_EQ(calls, 6) << "20 failures at 3 attempts per call: the 7th call meets the breaker";
  std::vector<emulator::RequestRecord> seen;
  for (const emulator::RequestRecord& record : emulator->requests().Snapshot()) {
    if (record.path == path) seen.push_back(record);
  }
  ASSERT_EQ(seen.size(), 20u) << "exactly the threshold's failures reached the upstream";
  // The breaker opened when the 20th answer came back: just after that request arrived. (The
  // caller only learns of it one backoff later, at its next retry.)
  const absl::Time opened = absl::FromUnixMillis(seen.back().time_ms);
  const int64_t at_open = 20;

  // Open: calls fail at once with the breaker's message, and none reaches the upstream. "At
  // once" means no retry: the retry layer counts a retry when it schedules its backoff, so a
  // refusal that was retried (and refused again one backoff later) would show up here.
  const std::string retries = R"(pulumi_upstream_retries_total{route="GetStack"})";
  const double retries_at_open = ScrapeSample(gateway->metrics_address(), retries);
  ASSERT_GE(retries_at_open, 0) << retries << " is not exposed";
  for (int i = 0; i < 5; ++i) {
    RpcResult r = client.GetStack(prod, absl::Seconds(5));
    EXPECT_EQ(r.status.error_code(), grpc::StatusCode::UNAVAILABLE);
    EXPECT_THAT(r.status.error_message(), HasSubstr("circuit breaker open"));
  }
  EXPECT_EQ(ScrapeSample(gateway->metrics_address(), retries), retries_at_open)
      << "the breaker's refusals were retried instead of failing fast";
  ASSERT_LT(absl::Now() - opened, open_duration) << "too slow to observe the open state";
  EXPECT_EQ(emulator->requests().Count("GET", path), at_open)
      << "calls reached the upstream while the breaker was open";

  // The upstream recovers; after open_duration a probe goes through, succeeds and closes it.
  emulator->faults().Remove(*fault);
  absl::Time recovered;
  const absl::Time give_up = absl::Now() + absl::Seconds(5);
  while (absl::Now() < give_up) {
    RpcResult r = client.GetStack(prod, absl::Seconds(5));
    if (r.status.ok()) {
      recovered = absl::Now();
      break;
    }
    EXPECT_EQ(r.status.error_code(), grpc::StatusCode::UNAVAILABLE);
    EXPECT_THAT(r.status.error_message(), HasSubstr("circuit breaker open"));
    absl::SleepFor(absl::Milliseconds(10));  // poll interval; the condition is re-checked
  }
  ASSERT_NE(recovered, absl::Time()) << "never recovered";
  EXPECT_GE(recovered - opened, open_duration - absl::Milliseconds(2))
      << "a call went through before --breaker_open_duration";
  EXPECT_LT(recovered - opened, open_duration + absl::Seconds(1));

  // Closed again: every call reaches the upstream.
  const int64_t before = emulator->requests().Count("GET", path);
  for (int i = 0; i < 5; ++i) {
    RpcResult r = client.GetStack(prod, absl::Seconds(5));
    EXPECT_TRUE(r.status.ok()) << r.status.error_message();
  }
  EXPECT_EQ(emulator->requests().Count("GET", path), before + 5);
}

TEST(RetryBudgetThroughTheGateway, AnOutageDoesNotMultiplyUpstreamLoad) {
  auto emulator = StartEmulator();
  ASSERT_NE(emulator, nullptr);
  constexpr double kRatio = 0.2;
  auto gateway = StartGateway(emulator->port(), [](FlagValues& f) {
    f.breaker_failure_threshold = 0;
    f.retry_budget_ratio = kRatio;
    f.retry_initial_backoff = absl::Milliseconds(5);
    f.retry_max_backoff = absl::Milliseconds(20);
  });
  ASSERT_NE(gateway, nullptr);
  GatewayClient client(gateway->address());
  const StackName staging{"acme-corp", "payments-api", "staging"};
  const std::string path = "/api/stacks/acme-corp/payments-api/staging";
  ASSERT_TRUE(emulator->faults().Add(Always503(path)).ok());

  constexpr int kCalls = 200;
  constexpr int kConcurrency = 10;
  for (int batch = 0; batch < kCalls / kConcurrency; ++batch) {
    for (const RpcResult& r :
         client.GetStackConcurrently(staging, kConcurrency, absl::Seconds(5))) {
      EXPECT_EQ(r.status.error_code(), grpc::StatusCode::UNAVAILABLE);
      EXPECT_THAT(r.status.error_message(), HasSubstr("Service Unavailable: injected fault"));
    }
  }
  const int64_t attempts = emulator->requests().Count("GET", path);
  std::cout << "retry budget: " << kCalls << " calls during a 503 outage made " << attempts
            << " upstream requests (bound " << kCalls * (1 + kRatio) + 20 << ", 600 unbudgeted)"
            << std::endl;
  // Without a budget: 3 attempts per call (600). With it: the initial 20 retries, plus ~ratio per
  // call.
  EXPECT_LE(attempts, kCalls * (1 + kRatio) + 20);
  EXPECT_GT(attempts, kCalls + 20) << "retries did happen, within the budget";
}

TEST(RateLimitThroughTheGateway, BurstThenConfiguredRateWithinDeadlines) {
  auto emulator = StartEmulator();
  ASSERT_NE(emulator, nullptr);
  constexpr double kRate = 20;
  constexpr double kBurst = 5;
  auto gateway = StartGateway(emulator->port(), [](FlagValues& f) {
    f.upstream_rate_limit = 20;
    f.upstream_rate_burst = 5;
  });
  ASSERT_NE(gateway, nullptr);
  GatewayClient client(gateway->address());
  const StackName dev{"acme-corp", "payments-api", "dev"};
  const std::string path = "/api/stacks/acme-corp/payments-api/dev";

  constexpr int kCalls = 40;
  const absl::Time start = absl::Now();
  const std::vector<RpcResult> results = client.GetStackConcurrently(dev, kCalls, absl::Seconds(5));
  const absl::Duration took = absl::Now() - start;
  for (const RpcResult& r : results) {
    EXPECT_TRUE(r.status.ok()) << r.status.error_message();
  }
  // 5 at once, then 35 more at 20/s: ~1.75 s.
  std::cout << "rate limit: " << kCalls << " concurrent calls at 20/s, burst 5, took " << took
            << std::endl;
  EXPECT_GE(took, absl::Milliseconds(1500));
  EXPECT_LT(took, absl::Seconds(5));

  // The upstream never saw more than the bucket allows: burst + rate × time since the first.
  std::vector<int64_t> arrivals;
  for (const emulator::RequestRecord& record : emulator->requests().Snapshot()) {
    if (record.method == "GET" && record.path == path) arrivals.push_back(record.time_ms);
  }
  ASSERT_EQ(arrivals.size(), static_cast<size_t>(kCalls));
  std::sort(arrivals.begin(), arrivals.end());
  for (size_t i = 0; i < arrivals.size(); ++i) {
    const double allowed = kBurst + kRate * (arrivals[i] - arrivals[0]) / 1000.0;
    // +2: millisecond timestamps, and arrival jitter between the gateway and the emulator.
    EXPECT_LE(static_cast<double>(i + 1), allowed + 2)
        << "request " << i + 1 << " arrived " << arrivals[i] - arrivals[0] << " ms after the first";
  }
}

}  // namespace
}  // namespace pulumi_gateway::testing
