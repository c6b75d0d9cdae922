// CircuitBreaker against a gmock'd inner UpstreamClient on a FakeClock: which results count as
// failures, opening after N consecutive failures, failing fast without calling the inner client,
// the half-open probe exactly open_duration after opening, probe success closing and probe failure
// reopening, and cancellations counting for nothing. The test doubles live in
// upstream_test_support.h.
#include "gateway/upstream/circuit_breaker.h"

#include <curl/curl.h>

#include <memory>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/cord.h"
#include "absl/time/time.h"
#include "gateway/clock/fake_clock.h"
#include "gateway/http/http_types.h"
#include "gateway/status/curl_status.h"
#include "gateway/upstream/upstream_client.h"
#include "gateway/upstream/upstream_test_support.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

using ::testing::_;
using ::testing::HasSubstr;
using ::testing::StrictMock;

using upstream_testing::FakeInner;
using upstream_testing::Get;
using upstream_testing::Http;
using upstream_testing::MockUpstream;
using upstream_testing::Outcome;
using upstream_testing::SendTo;

using State = CircuitBreaker::State;

CircuitBreakerOptions Breaker(int threshold, absl::Duration open = absl::Seconds(60)) {
  CircuitBreakerOptions options;
  options.failure_threshold = threshold;
  options.open_duration = open;
  return options;
}

void ExpectRefused(const absl::StatusOr<HttpResponse>& result) {
  ASSERT_FALSE(result.ok()) << "expected a refusal, got HTTP " << result->status;
  EXPECT_EQ(result.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(result.status().message(), HasSubstr("circuit breaker open"));
  EXPECT_THAT(result.status().message(), HasSubstr("next probe in"));
  EXPECT_TRUE(result.status().GetPayload(kBreakerOpenPayload).has_value())
      << "RetryingUpstream needs the payload to know not to retry";
}

class CircuitBreakerTest : public ::testing::Test {
 protected:
  // One call through `breaker`, completed at the current fake time.
  absl::StatusOr<HttpResponse> Call(CircuitBreaker& breaker) {
    Outcome outcome(clock_);
    SendTo(breaker, Get(), outcome);
    clock_.RunDue();
    return outcome.result();
  }

  FakeClock clock_;
  const absl::Time t0_ = clock_.Now();
  StrictMock<MockUpstream> inner_;
  FakeInner fake_{&clock_};
};

TEST_F(CircuitBreakerTest, OpensAfterThresholdConsecutiveFailuresThenFailsFastWithoutTheUpstream) {
  CircuitBreaker breaker(&inner_, &clock_, Breaker(3));
  EXPECT_CALL(inner_, Send(_, _, _)).Times(3).WillRepeatedly(fake_.Answer(Http(503)));
  for (int i = 1; i <= 3; ++i) {
    absl::StatusOr<HttpResponse> result = Call(breaker);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->status, 503) << "the failure itself is passed through";
    EXPECT_EQ(breaker.state(), i < 3 ? State::kClosed : State::kOpen) << "after failure " << i;
  }
  // StrictMock: any further Send fails the test.
  for (int i = 0; i < 5; ++i) {
    Outcome outcome(clock_);
    SendTo(breaker, Get(), outcome);
    clock_.RunDue();
    ExpectRefused(outcome.result());
    EXPECT_EQ(outcome.at(), t0_) << "a refusal waits for nothing";
  }
  EXPECT_EQ(breaker.state(), State::kOpen);
}

TEST_F(CircuitBreakerTest, RefusalNamesTheWaitUntilTheNextProbe) {
  CircuitBreaker breaker(&inner_, &clock_, Breaker(1, absl::Seconds(5)));
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Answer(Http(502)));
  ASSERT_TRUE(Call(breaker).ok());
  absl::StatusOr<HttpResponse> refused = Call(breaker);
  ExpectRefused(refused);
  EXPECT_THAT(refused.status().message(), HasSubstr("next probe in 5s"));
  clock_.Advance(absl::Milliseconds(3200));
  refused = Call(breaker);
  ExpectRefused(refused);
  EXPECT_THAT(refused.status().message(), HasSubstr("next probe in 1.8s"));
}

TEST_F(CircuitBreakerTest, SuccessResetsTheConsecutiveCount) {
  CircuitBreaker breaker(&inner_, &clock_, Breaker(3));
  EXPECT_CALL(inner_, Send(_, _, _))
      .WillOnce(fake_.Answer(Http(503)))
      .WillOnce(fake_.Answer(Http(503)))
      .WillOnce(fake_.Answer(Http(200)))
      .WillOnce(fake_.Answer(Http(503)))
      .WillOnce(fake_.Answer(Http(503)))
      .WillOnce(fake_.Answer(Http(503)));
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(Call(breaker).ok());
  EXPECT_EQ(breaker.state(), State::kClosed) << "F F S F F: never 3 in a row";
  ASSERT_TRUE(Call(breaker).ok());
  EXPECT_EQ(breaker.state(), State::kOpen) << "F F S F F F";
}

struct FailureRow {
  std::string name;
  absl::StatusOr<HttpResponse> result;
  bool counts;
};

void PrintTo(const FailureRow& row, std::ostream* os) { *os << row.name; }

class FailureKindTest : public CircuitBreakerTest,
                        public ::testing::WithParamInterface<FailureRow> {};

TEST_P(FailureKindTest, OpensOnlyOnUpstreamHealthFailures) {
  CircuitBreaker breaker(&inner_, &clock_, Breaker(1));
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Answer(GetParam().result));
  Call(breaker).IgnoreError();
  EXPECT_EQ(breaker.state(), GetParam().counts ? State::kOpen : State::kClosed);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, FailureKindTest,
    ::testing::ValuesIn(std::vector<FailureRow>{
        {"Http502", Http(502), true},
        {"Http503", Http(503), true},
        {"Http504", Http(504), true},
        {"Unreachable", CurlResultToStatus(CURLE_COULDNT_CONNECT, "refused"), true},
        {"ConnectionReset", CurlResultToStatus(CURLE_RECV_ERROR, "reset"), true},
        {"Timeout", CurlResultToStatus(CURLE_OPERATION_TIMEDOUT, "timeout"), true},
        {"Http200", Http(200), false},
        {"Http400", Http(400), false},
        {"Http404", Http(404), false},
        {"Http429", Http(429), false},
        {"Http500", Http(500), false},
        {"Cancelled", absl::CancelledError("call cancelled"), false},
        {"TooLarge", CurlResultToStatus(CURLE_FILESIZE_EXCEEDED, ""), false},
        {"Internal", absl::InternalError("bug"), false},
    }),
    [](const auto& info) { return info.param.name; });

TEST_F(CircuitBreakerTest, HalfOpenProbeExactlyOpenDurationAfterOpeningAndItsSuccessCloses) {
  const absl::Duration open_for = absl::Milliseconds(50);
  CircuitBreaker breaker(&inner_, &clock_, Breaker(1, open_for));
  EXPECT_CALL(inner_, Send(_, _, _))
      .WillOnce(fake_.Answer(Http(503)))  // opens
      .WillOnce(fake_.Hold())             // the probe
      .WillOnce(fake_.Answer(Http(200)))  // closed again
      .WillOnce(fake_.Answer(Http(503)));
  ASSERT_TRUE(Call(breaker).ok());
  ASSERT_EQ(breaker.state(), State::kOpen);

  clock_.Advance(open_for - absl::Nanoseconds(1));
  ExpectRefused(Call(breaker));
  EXPECT_EQ(fake_.sends(), 1) << "probe went out before open_duration";

  clock_.Advance(absl::Nanoseconds(1));
  Outcome probe(clock_);
  SendTo(breaker, Get(), probe);
  ASSERT_EQ(fake_.sends(), 2) << "no probe once open_duration has passed";
  EXPECT_EQ(fake_.sent_at().back(), t0_ + open_for);
  EXPECT_EQ(breaker.state(), State::kHalfOpen);

  // One probe at a time: others are still refused while it runs.
  ExpectRefused(Call(breaker));
  ExpectRefused(Call(breaker));

  fake_.Complete(1001, Http(200));
  clock_.RunDue();
  absl::StatusOr<HttpResponse> probed = probe.result();
  ASSERT_TRUE(probed.ok());
  EXPECT_EQ(probed->status, 200);
  EXPECT_EQ(breaker.state(), State::kClosed);

  absl::StatusOr<HttpResponse> after = Call(breaker);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->status, 200);
  // Closed means a fresh count: the threshold (1) applies again from zero.
  ASSERT_TRUE(Call(breaker).ok());
  EXPECT_EQ(breaker.state(), State::kOpen);
}

TEST_F(CircuitBreakerTest, ProbeFailureReopensForAnotherOpenDuration) {
  const absl::Duration open_for = absl::Milliseconds(50);
  CircuitBreaker breaker(&inner_, &clock_, Breaker(1, open_for));
  EXPECT_CALL(inner_, Send(_, _, _))
      .WillOnce(fake_.Answer(Http(503)))                                             // opens
      .WillOnce(fake_.Answer(CurlResultToStatus(CURLE_COULDNT_CONNECT, "refused")))  // probe 1
      .WillOnce(fake_.Answer(Http(200)));                                            // probe 2
  ASSERT_TRUE(Call(breaker).ok());
  ASSERT_EQ(breaker.state(), State::kOpen);

  clock_.Advance(open_for + absl::Milliseconds(7));  // the probe fails at t0 + 57 ms
  absl::StatusOr<HttpResponse> failed = Call(breaker);
  EXPECT_EQ(fake_.sends(), 2);
  EXPECT_EQ(failed.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(failed.status().message(), HasSubstr("upstream unreachable"));
  EXPECT_EQ(breaker.state(), State::kOpen);

  ExpectRefused(Call(breaker));  // at once: the open period started again
  clock_.Advance(open_for - absl::Nanoseconds(1));
  ExpectRefused(Call(breaker));  // the failed probe restarted the open period
  clock_.Advance(absl::Nanoseconds(1));
  absl::StatusOr<HttpResponse> ok = Call(breaker);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(fake_.sent_at().back(), t0_ + absl::Milliseconds(57) + open_for);
  EXPECT_EQ(breaker.state(), State::kClosed);
}

TEST_F(CircuitBreakerTest, CancelledCallsNeitherCountNorReset) {
  CircuitBreaker breaker(&inner_, &clock_, Breaker(2));
  EXPECT_CALL(inner_, Send(_, _, _))
      .WillOnce(fake_.Hold())
      .WillOnce(fake_.Hold())
      .WillOnce(fake_.Hold())
      .WillOnce(fake_.Answer(Http(503)))
      .WillOnce(fake_.Hold())
      .WillOnce(fake_.Answer(Http(503)));

  // Three cancellations in a row: a threshold of 2 would have opened if they counted.
  for (int i = 0; i < 3; ++i) {
    Outcome outcome(clock_);
    SendTo(breaker, Get(), outcome);
    outcome.Cancel();
    clock_.RunDue();
    EXPECT_EQ(outcome.result().status().code(), absl::StatusCode::kCancelled);
    EXPECT_TRUE(fake_.cancelled(1000 + i));
  }
  EXPECT_EQ(breaker.state(), State::kClosed);

  // F, cancelled, F: the cancellation did not reset the count either.
  ASSERT_TRUE(Call(breaker).ok());
  {
    Outcome outcome(clock_);
    SendTo(breaker, Get(), outcome);
    outcome.Cancel();
    clock_.RunDue();
    EXPECT_EQ(outcome.result().status().code(), absl::StatusCode::kCancelled);
  }
  EXPECT_EQ(breaker.state(), State::kClosed);
  ASSERT_TRUE(Call(breaker).ok());
  EXPECT_EQ(breaker.state(), State::kOpen);
}

// A request a lower layer refused before sending it (a per-token throttle or queue limit) says
// nothing about the upstream's health: F, refused, F opens a threshold of 2.
TEST_F(CircuitBreakerTest, RequestsRefusedUnsentBelowNeitherCountNorReset) {
  absl::Status refused = absl::ResourceExhaustedError("token paused after a 429; retry in 3s");
  refused.SetPayload(kNotSentPayload, absl::Cord("1"));
  CircuitBreaker breaker(&inner_, &clock_, Breaker(2));
  EXPECT_CALL(inner_, Send(_, _, _))
      .WillOnce(fake_.Answer(Http(503)))
      .WillOnce(fake_.Answer(refused))
      .WillOnce(fake_.Answer(Http(503)));
  ASSERT_TRUE(Call(breaker).ok());
  EXPECT_EQ(Call(breaker).status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(breaker.state(), State::kClosed);
  ASSERT_TRUE(Call(breaker).ok());
  EXPECT_EQ(breaker.state(), State::kOpen) << "the refusal must not have reset the count";
}

TEST_F(CircuitBreakerTest, CancelledProbeLetsTheNextCallProbe) {
  CircuitBreaker breaker(&inner_, &clock_, Breaker(1, absl::Milliseconds(50)));
  EXPECT_CALL(inner_, Send(_, _, _))
      .WillOnce(fake_.Answer(Http(504)))   // opens
      .WillOnce(fake_.Hold())              // probe, cancelled
      .WillOnce(fake_.Answer(Http(200)));  // next probe, at once
  ASSERT_TRUE(Call(breaker).ok());

  clock_.Advance(absl::Milliseconds(50));
  Outcome probe(clock_);
  SendTo(breaker, Get(), probe);
  ASSERT_EQ(fake_.sends(), 2);
  probe.Cancel();
  clock_.RunDue();
  EXPECT_TRUE(fake_.cancelled(1001));
  EXPECT_EQ(probe.result().status().code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(breaker.state(), State::kHalfOpen);

  absl::StatusOr<HttpResponse> next = Call(breaker);
  ASSERT_TRUE(next.ok()) << "the probe slot must be free again: " << next.status();
  EXPECT_EQ(next->status, 200);
  EXPECT_EQ(breaker.state(), State::kClosed);
}

TEST_F(CircuitBreakerTest, CancelOfAForwardedCallReachesTheInnerClient) {
  CircuitBreaker breaker(&inner_, &clock_, Breaker(3));
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Hold());
  Outcome outcome(clock_);
  SendTo(breaker, Get(), outcome);
  outcome.Cancel();
  clock_.RunDue();
  EXPECT_EQ(outcome.result().status().code(), absl::StatusCode::kCancelled);
  EXPECT_TRUE(fake_.cancelled(1000));
}

TEST_F(CircuitBreakerTest, CancelOfARefusedCallDoesNotReachTheInnerClient) {
  CircuitBreaker breaker(&inner_, &clock_, Breaker(1));
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Answer(Http(503)));
  ASSERT_TRUE(Call(breaker).ok());
  Outcome outcome(clock_);
  SendTo(breaker, Get(), outcome);
  outcome.Cancel();  // a refusal keeps nothing to cancel: done still gets the refusal
  clock_.RunDue();
  ExpectRefused(outcome.result());
}

TEST_F(CircuitBreakerTest, ZeroThresholdDisablesTheBreaker) {
  CircuitBreaker breaker(&inner_, &clock_, Breaker(0));
  EXPECT_CALL(inner_, Send(_, _, _)).Times(30).WillRepeatedly(fake_.Answer(Http(503)));
  for (int i = 0; i < 30; ++i) {
    absl::StatusOr<HttpResponse> result = Call(breaker);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->status, 503);
  }
  EXPECT_EQ(breaker.state(), State::kClosed);
}

}  // namespace
}  // namespace pulumi_gateway
