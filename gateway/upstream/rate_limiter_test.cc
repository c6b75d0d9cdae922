// RateLimiter against a gmock'd inner UpstreamClient that completes calls on a thread of its own:
// the burst goes at once, then one call per 1/rate; a call whose turn comes after its deadline
// fails fast with RESOURCE_EXHAUSTED; cancelling a queued call answers CANCELLED and gives its
// reservation back; queued() counts the waiting calls. The test scaffolding (MockUpstream,
// Outcome, FakeInner) is kept in step with retrying_upstream_test.cc.
#include "gateway/upstream/rate_limiter.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gateway/http/http_types.h"
#include "gateway/upstream/timer_queue.h"
#include "gateway/upstream/upstream_client.h"
#include "gateway/upstream/upstream_test_support.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

using ::testing::_;
using ::testing::HasSubstr;
using ::testing::Invoke;
using ::testing::StrictMock;

using upstream_testing::FakeInner;
using upstream_testing::Get;
using upstream_testing::Http;
using upstream_testing::kWait;
using upstream_testing::MockUpstream;
using upstream_testing::Outcome;
using upstream_testing::SendTo;

RateLimiterOptions Limit(double rate, double burst) {
  RateLimiterOptions options;
  options.requests_per_second = rate;
  options.burst = burst;
  return options;
}

class RateLimiterTest : public ::testing::Test {
 protected:
  StrictMock<MockUpstream> inner_;
  FakeInner fake_;
  TimerQueue timers_;
};

TEST_F(RateLimiterTest, BurstGoesAtOnceThenOneCallPerIntervalAndQueuedCountsTheWaiting) {
  RateLimiter limiter(&inner_, &timers_, Limit(20, 5));  // 50 ms apart after 5
  EXPECT_CALL(inner_, Send(_, _)).Times(9).WillRepeatedly(fake_.Answer(Http(200)));
  std::vector<std::unique_ptr<Outcome>> outcomes;
  const absl::Time start = absl::Now();
  for (int i = 0; i < 9; ++i) {
    outcomes.push_back(std::make_unique<Outcome>());
    SendTo(limiter, Get(), *outcomes.back());
  }
  EXPECT_EQ(limiter.queued(), 4) << "5 go at once, 4 wait for a token";

  for (auto& outcome : outcomes) {
    absl::StatusOr<HttpResponse> result = outcome->Wait();
    ASSERT_TRUE(result.ok()) << result.status();
    EXPECT_EQ(result->status, 200);
  }
  const std::vector<absl::Time> sent = fake_.sent_at();
  ASSERT_EQ(sent.size(), 9u);
  for (int i = 0; i < 5; ++i) {
    EXPECT_LT(sent[i] - start, absl::Milliseconds(40)) << "burst call " << i << " waited";
  }
  // Call 5 + k (0-based) may leave no earlier than (k + 1) intervals after the start.
  for (int k = 0; k < 4; ++k) {
    EXPECT_GE(sent[5 + k] - start, absl::Milliseconds(50) * (k + 1) - absl::Milliseconds(1))
        << "call " << 5 + k << " went early";
    EXPECT_LT(sent[5 + k] - start, absl::Milliseconds(50) * (k + 1) + absl::Milliseconds(250))
        << "call " << 5 + k << " waited far too long";
  }
  EXPECT_EQ(limiter.queued(), 0);
}

TEST_F(RateLimiterTest, NeverSendsInsideSendEvenWithTokens) {
  RateLimiter limiter(&inner_, &timers_, Limit(100, 100));
  EXPECT_CALL(inner_, Send(_, _)).WillOnce(fake_.Answer(Http(200)));
  Outcome outcome;
  SendTo(limiter, Get(), outcome);
  ASSERT_TRUE(outcome.Wait().ok());  // Wait() checks done did not run inside Send
}

TEST_F(RateLimiterTest, CallWhoseTurnIsPastItsDeadlineFailsFast) {
  RateLimiter limiter(&inner_, &timers_, Limit(1, 1));
  EXPECT_CALL(inner_, Send(_, _)).WillOnce(fake_.Answer(Http(200)));
  Outcome first;
  SendTo(limiter, Get(), first);
  ASSERT_TRUE(first.Wait().ok());

  // The next token is ~1 s away; this call has 200 ms.
  Outcome late;
  const absl::Time start = absl::Now();
  SendTo(limiter, Get(start + absl::Milliseconds(200)), late);
  absl::StatusOr<HttpResponse> result = late.Wait();
  EXPECT_EQ(result.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(result.status().message(),
              HasSubstr("outbound rate limit (--upstream_rate_limit=1/s)"));
  EXPECT_THAT(result.status().message(), HasSubstr("past its deadline"));
  EXPECT_LT(late.at() - start, absl::Milliseconds(100)) << "must not wait to fail";
  EXPECT_EQ(limiter.queued(), 0);
  // StrictMock: the refused call never reached the inner client.
}

TEST_F(RateLimiterTest, CancelWhileQueuedAnswersCancelledAndGivesTheTokenBack) {
  RateLimiter limiter(&inner_, &timers_, Limit(1, 1));
  EXPECT_CALL(inner_, Send(_, _)).WillOnce(fake_.Answer(Http(200)));
  Outcome first;
  SendTo(limiter, Get(), first);
  ASSERT_TRUE(first.Wait().ok());

  Outcome queued;
  const uint64_t id = SendTo(limiter, Get(), queued);  // its turn: in ~1 s
  EXPECT_EQ(limiter.queued(), 1);
  const absl::Time cancelled_at = absl::Now();
  limiter.Cancel(id);
  absl::StatusOr<HttpResponse> result = queued.Wait();
  EXPECT_EQ(result.status().code(), absl::StatusCode::kCancelled);
  EXPECT_THAT(result.status().message(), HasSubstr("waiting for its turn"));
  EXPECT_LT(queued.at() - cancelled_at, absl::Milliseconds(100));
  EXPECT_EQ(limiter.queued(), 0);

  // The reservation came back: a call with 1.5 s left fits the next turn (~1 s away). Had the
  // token been kept, its turn would be ~2 s away and it would be refused at once.
  Outcome next;
  const uint64_t next_id = SendTo(limiter, Get(absl::Now() + absl::Milliseconds(1500)), next);
  EXPECT_EQ(limiter.queued(), 1) << "refused: the cancelled call's token was not given back";
  limiter.Cancel(next_id);
  EXPECT_EQ(next.Wait().status().code(), absl::StatusCode::kCancelled);

  // Both timers were due around +1 s on this queue; once a marker due after them has run they
  // would have sent. StrictMock fails on a second Send.
  absl::Notification marker;
  timers_.Schedule(absl::Now() + absl::Milliseconds(1100), [&] { marker.Notify(); });
  ASSERT_TRUE(marker.WaitForNotificationWithTimeout(kWait));
  EXPECT_EQ(fake_.sends(), 1);
}

TEST_F(RateLimiterTest, CancelAfterTheTurnCameCancelsTheInnerCall) {
  RateLimiter limiter(&inner_, &timers_, Limit(10, 1));
  EXPECT_CALL(inner_, Send(_, _)).WillOnce(fake_.Hold());
  EXPECT_CALL(inner_, Cancel(1000)).WillOnce(fake_.CancelHeld());
  Outcome outcome;
  const uint64_t id = SendTo(limiter, Get(), outcome);
  ASSERT_TRUE(fake_.WaitForSends(1));
  limiter.Cancel(id);
  EXPECT_EQ(outcome.Wait().status().code(), absl::StatusCode::kCancelled);
}

TEST_F(RateLimiterTest, CancelAfterCompletionIsANoOp) {
  RateLimiter limiter(&inner_, &timers_, Limit(10, 1));
  EXPECT_CALL(inner_, Send(_, _)).WillOnce(fake_.Answer(Http(200)));
  Outcome outcome;
  const uint64_t id = SendTo(limiter, Get(), outcome);
  ASSERT_TRUE(outcome.Wait().ok());
  limiter.Cancel(id);  // StrictMock: no inner Cancel
  EXPECT_EQ(outcome.calls(), 1);
}

// The limiter's timers share a TimerQueue with the rest of the stack, which runs every due
// callback of a batch in turn. Here the call's turn has come (its timer was taken off the queue
// with another due callback that is still running) but the request has not gone out yet when
// the caller cancels. The cancel must still win: the request must not reach the upstream.
TEST_F(RateLimiterTest, CancelBetweenTurnAndSendIsNotLost) {
  RateLimiter limiter(&inner_, &timers_, Limit(100, 10));
  EXPECT_CALL(inner_, Send(_, _)).WillRepeatedly(fake_.Answer(Http(200)));

  absl::Notification a_running, release_a, b_running, release_b;
  // A occupies the timer thread while B and the limiter's timer both come due...
  timers_.Schedule(absl::Now(), [&] {
    a_running.Notify();
    release_a.WaitForNotification();
  });
  ASSERT_TRUE(a_running.WaitForNotificationWithTimeout(kWait));
  timers_.Schedule(absl::Now(), [&] {
    b_running.Notify();
    release_b.WaitForNotification();
  });
  Outcome outcome;
  const uint64_t id = SendTo(limiter, Get(), outcome);  // a token is free: due now, after B
  // ...so that both are taken off the queue together; B runs first and holds the thread.
  release_a.Notify();
  ASSERT_TRUE(b_running.WaitForNotificationWithTimeout(kWait));

  limiter.Cancel(id);
  release_b.Notify();

  absl::StatusOr<HttpResponse> result = outcome.Wait();
  EXPECT_EQ(result.status().code(), absl::StatusCode::kCancelled)
      << "the cancel was lost: the call went to the upstream and returned "
      << (result.ok() ? absl::StrCat("HTTP ", result->status) : result.status().ToString());
  EXPECT_EQ(fake_.sends(), 0) << "a cancelled call reached the upstream";
}

}  // namespace
}  // namespace pulumi_gateway
