// RateLimiter against a gmock'd inner UpstreamClient on a FakeClock: the burst goes at once, then
// one call per 1/rate exactly; a call whose turn comes after its deadline fails at once with
// RESOURCE_EXHAUSTED; cancelling a queued call answers CANCELLED and gives its reservation back;
// queued() counts the waiting calls. Rates are powers of two so that every turn falls on an exact
// time.
#include "gateway/upstream/rate_limiter.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gateway/clock/fake_clock.h"
#include "gateway/http/http_types.h"
#include "gateway/upstream/upstream_client.h"
#include "gateway/upstream/upstream_test_support.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

using ::testing::_;
using ::testing::HasSubstr;
using ::testing::StrictMock;

using upstream_testing::Context;
using upstream_testing::FakeInner;
using upstream_testing::Get;
using upstream_testing::Http;
using upstream_testing::MockUpstream;
using upstream_testing::Outcome;
using upstream_testing::SendTo;

RateLimiterOptions Limit(double rate, double burst) {
  RateLimiterOptions options;
  options.requests_per_second = rate;
  options.burst = burst;
  return options;
}

// Forwards to a FakeClock but never manages to cancel: every timer behaves as one already taken
// off the queue to run, which is what a real queue's Cancel reports for a callback about to start.
class TooLateToCancel final : public TimerQueue {
 public:
  explicit TooLateToCancel(FakeClock* clock) : clock_(clock) {}
  const Clock& clock() const override { return *clock_; }
  uint64_t Schedule(absl::Time when, Callback callback) override {
    return clock_->Schedule(when, std::move(callback));
  }
  bool Cancel(uint64_t) override { return false; }
  void WaitForRunning() override { clock_->WaitForRunning(); }

 private:
  FakeClock* const clock_;
};

class RateLimiterTest : public ::testing::Test {
 protected:
  FakeClock clock_;
  const absl::Time t0_ = clock_.Now();
  StrictMock<MockUpstream> inner_;
  FakeInner fake_{&clock_};
};

TEST_F(RateLimiterTest, BurstGoesAtOnceThenOneCallPerIntervalAndQueuedCountsTheWaiting) {
  RateLimiter limiter(&inner_, &clock_, Limit(16, 5));  // 62.5 ms apart after 5
  EXPECT_CALL(inner_, Send(_, _, _)).Times(9).WillRepeatedly(fake_.Answer(Http(200)));
  std::vector<std::unique_ptr<Outcome>> outcomes;
  for (int i = 0; i < 9; ++i) {
    outcomes.push_back(std::make_unique<Outcome>(clock_));
    SendTo(limiter, Get(), *outcomes.back());
  }
  EXPECT_EQ(limiter.queued(), 4) << "5 go at once, 4 wait for a token";
  EXPECT_EQ(fake_.sends(), 0) << "never inside Send";

  clock_.RunDue();
  EXPECT_EQ(fake_.sends(), 5);
  // Call 5 + k (0-based) goes exactly (k + 1) intervals after the start, not a moment sooner.
  for (int k = 0; k < 4; ++k) {
    const absl::Time turn = t0_ + absl::Microseconds(62500) * (k + 1);
    clock_.AdvanceTo(turn - absl::Nanoseconds(1));
    EXPECT_EQ(fake_.sends(), 5 + k) << "call " << 5 + k << " went early";
    clock_.AdvanceTo(turn);
    EXPECT_EQ(fake_.sends(), 6 + k) << "call " << 5 + k << " missed its turn";
    EXPECT_EQ(fake_.sent_at().back(), turn);
    EXPECT_EQ(limiter.queued(), 3 - k);
  }
  for (auto& outcome : outcomes) {
    absl::StatusOr<HttpResponse> result = outcome->result();
    ASSERT_TRUE(result.ok()) << result.status();
    EXPECT_EQ(result->status, 200);
  }
}

TEST_F(RateLimiterTest, NeverSendsInsideSendEvenWithTokens) {
  RateLimiter limiter(&inner_, &clock_, Limit(100, 100));
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Answer(Http(200)));
  Outcome outcome(clock_);
  SendTo(limiter, Get(), outcome);
  EXPECT_EQ(fake_.sends(), 0);
  clock_.RunDue();
  EXPECT_TRUE(outcome.result().ok());  // result() checks done did not run inside Send
  EXPECT_EQ(outcome.at(), t0_);
}

TEST_F(RateLimiterTest, CallWhoseTurnIsPastItsDeadlineFailsAtOnce) {
  RateLimiter limiter(&inner_, &clock_, Limit(1, 1));
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Answer(Http(200)));
  Outcome first(clock_);
  SendTo(limiter, Get(), first);
  clock_.RunDue();
  ASSERT_TRUE(first.result().ok());

  // The next token is 1 s away; this call has 200 ms.
  Outcome late(clock_);
  SendTo(limiter, Get(), late, Context(t0_ + absl::Milliseconds(200)));
  clock_.RunDue();
  absl::StatusOr<HttpResponse> result = late.result();
  EXPECT_EQ(result.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(result.status().message(),
              HasSubstr("outbound rate limit (--upstream_rate_limit=1/s) would delay this call "
                        "past its deadline by 800ms"));
  EXPECT_EQ(late.at(), t0_) << "must not wait to fail";
  EXPECT_EQ(limiter.queued(), 0);
  // StrictMock: the refused call never reached the inner client.
}

TEST_F(RateLimiterTest, CancelWhileQueuedAnswersCancelledAndGivesTheTokenBack) {
  RateLimiter limiter(&inner_, &clock_, Limit(1, 1));
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Answer(Http(200)));
  Outcome first(clock_);
  SendTo(limiter, Get(), first);
  clock_.RunDue();
  ASSERT_TRUE(first.result().ok());

  Outcome queued(clock_);
  SendTo(limiter, Get(), queued);  // its turn: t0 + 1 s
  EXPECT_EQ(limiter.queued(), 1);
  clock_.Advance(absl::Milliseconds(300));
  queued.Cancel();
  clock_.RunDue();
  absl::StatusOr<HttpResponse> result = queued.result();
  EXPECT_EQ(result.status().code(), absl::StatusCode::kCancelled);
  EXPECT_THAT(result.status().message(), HasSubstr("waiting for its turn"));
  EXPECT_EQ(queued.at(), t0_ + absl::Milliseconds(300));
  EXPECT_EQ(limiter.queued(), 0);

  // The reservation came back: the next turn is t0 + 1 s, which a call with 0.8 s left reaches.
  // Had the token been kept, its turn would be t0 + 2 s and it would be refused at once.
  Outcome next(clock_);
  SendTo(limiter, Get(), next, Context(clock_.Now() + absl::Milliseconds(800)));
  EXPECT_EQ(limiter.queued(), 1) << "refused: the cancelled call's token was not given back";
  next.Cancel();
  clock_.RunDue();
  EXPECT_EQ(next.result().status().code(), absl::StatusCode::kCancelled);

  // Neither cancelled call goes out when its turn would have come. StrictMock fails on a Send.
  clock_.Advance(absl::Seconds(5));
  EXPECT_EQ(fake_.sends(), 1);
}

TEST_F(RateLimiterTest, ACallCancelledBeforeItCameNeverGoesOutAndKeepsNoToken) {
  RateLimiter limiter(&inner_, &clock_, Limit(1, 1));
  Outcome cancelled(clock_);
  cancelled.Cancel();
  SendTo(limiter, Get(), cancelled);
  EXPECT_EQ(limiter.queued(), 0);
  clock_.RunDue();
  EXPECT_EQ(cancelled.result().status().code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(fake_.sends(), 0);
  // Its token came back: the next call goes at once.
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Answer(Http(200)));
  Outcome next(clock_);
  SendTo(limiter, Get(), next);
  clock_.RunDue();
  EXPECT_EQ(next.result()->status, 200);
  EXPECT_EQ(next.at(), t0_);
}

TEST_F(RateLimiterTest, CancelAfterTheTurnCameCancelsTheInnerCall) {
  RateLimiter limiter(&inner_, &clock_, Limit(10, 1));
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Hold());
  Outcome outcome(clock_);
  SendTo(limiter, Get(), outcome);
  clock_.RunDue();
  ASSERT_EQ(fake_.sends(), 1);
  outcome.Cancel();
  clock_.RunDue();
  EXPECT_EQ(outcome.result().status().code(), absl::StatusCode::kCancelled);
  EXPECT_TRUE(fake_.cancelled(1000)) << "the cancel must reach the request that went out";
}

TEST_F(RateLimiterTest, CancelAfterCompletionIsANoOp) {
  RateLimiter limiter(&inner_, &clock_, Limit(10, 1));
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Answer(Http(200)));
  Outcome outcome(clock_);
  SendTo(limiter, Get(), outcome);
  clock_.RunDue();
  ASSERT_TRUE(outcome.result().ok());
  outcome.Cancel();
  clock_.RunDue();
  EXPECT_EQ(outcome.calls(), 1);
  EXPECT_TRUE(outcome.result().ok());
}

// The call's turn has come (its timer was taken off the queue and is about to run) but the
// request has not gone out yet when the caller cancels: the queue can no longer cancel the timer.
// The cancel must still win: the request must not reach the upstream.
TEST_F(RateLimiterTest, CancelBetweenTurnAndSendIsNotLost) {
  TooLateToCancel timers(&clock_);
  RateLimiter limiter(&inner_, &timers, Limit(100, 10));
  Outcome outcome(clock_);
  SendTo(limiter, Get(), outcome);  // a token is free: due now
  outcome.Cancel();
  clock_.RunDue();

  absl::StatusOr<HttpResponse> result = outcome.result();
  EXPECT_EQ(result.status().code(), absl::StatusCode::kCancelled)
      << "the cancel was lost: the call went to the upstream and returned "
      << (result.ok() ? absl::StrCat("HTTP ", result->status) : result.status().ToString());
  EXPECT_EQ(fake_.sends(), 0) << "a cancelled call reached the upstream";
}

}  // namespace
}  // namespace pulumi_gateway
