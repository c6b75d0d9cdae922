// IdentityThrottle against a gmock'd inner UpstreamClient on a FakeClock (the fake answers at the
// current fake time, or holds a call until told) and a LocalQuotaStore: a 429 pauses its identity
// for exactly Retry-After (seconds, HTTP-date) or the default pause; other identities go on; a
// call that cannot go before its deadline fails at once, never sent, with RetryInfo; waiting
// interactive calls go before waiting bulk ones and bulk gets exactly its share while interactive
// work runs; cancel and the queue cap answer at once; idle identities are forgotten. Rates are
// powers of two so that every turn falls on an exact time.
#include "gateway/upstream/identity_throttle.h"

#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "gateway/clock/fake_clock.h"
#include "gateway/http/http_types.h"
#include "gateway/status/curl_status.h"
#include "gateway/status/upstream_error.h"
#include "gateway/upstream/quota_store.h"
#include "gateway/upstream/upstream_client.h"
#include "gateway/upstream/upstream_test_support.h"
#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

using ::testing::_;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StrictMock;

using upstream_testing::Context;
using upstream_testing::FakeInner;
using upstream_testing::Get;
using upstream_testing::Http;
using upstream_testing::MockUpstream;
using upstream_testing::Outcome;
using upstream_testing::SendTo;

constexpr char kTokenA[] = "pul-test-alice-0001";
constexpr char kTokenB[] = "pul-test-bob-0002";

// A call of `token`'s identity: its request, whose path `tag` ends so tests can tell requests
// apart, and its context.
struct Request {
  HttpRequest http;
  CallContext context;
};
Request Call(const std::string& token, const std::string& tag,
             RequestPriority priority = RequestPriority::kInteractive,
             absl::Time deadline = absl::InfiniteFuture()) {
  Request request{Get(), Context(deadline, priority)};
  request.http.path = absl::StrCat("/api/stacks/acme-corp/payments-api/", tag);
  request.http.headers.emplace_back("Authorization", absl::StrCat("token ", token));
  return request;
}

std::optional<absl::Duration> RetryDelay(const absl::Status& status) {
  auto payload = status.GetPayload(kRetryInfoTypeUrl);
  if (!payload.has_value()) return std::nullopt;
  google::rpc::RetryInfo info;
  if (!info.ParseFromString(std::string(*payload))) return std::nullopt;
  return absl::Seconds(info.retry_delay().seconds()) +
         absl::Nanoseconds(info.retry_delay().nanos());
}

std::string Reason(const absl::Status& status) {
  auto payload = status.GetPayload(kErrorInfoTypeUrl);
  google::rpc::ErrorInfo info;
  if (!payload.has_value() || !info.ParseFromString(std::string(*payload))) return "";
  return info.reason();
}

// The status of a request refused without being sent: code, reason, marker, no token.
void ExpectNotSent(const absl::StatusOr<HttpResponse>& result, absl::StatusCode code,
                   const std::string& reason) {
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), code) << result.status();
  EXPECT_EQ(Reason(result.status()), reason);
  EXPECT_TRUE(result.status().GetPayload(kNotSentPayload).has_value());
  EXPECT_THAT(std::string(result.status().message()), Not(HasSubstr("pul-test")));
}

IdentityThrottleOptions Options(double rate = 0, double burst = 1) {
  IdentityThrottleOptions options;
  options.requests_per_second = rate;
  options.burst = burst;
  return options;
}

class IdentityThrottleTest : public ::testing::Test {
 protected:
  // Inner calls whose path ends in "held" stay open until fake_.Complete(); others answer 200.
  void HoldTaggedAnswerOthers() {
    EXPECT_CALL(inner_, Send(Field(&HttpRequest::path, HasSubstr("held")), _, _))
        .WillRepeatedly(fake_.Hold());
    EXPECT_CALL(inner_, Send(Field(&HttpRequest::path, Not(HasSubstr("held"))), _, _))
        .WillRepeatedly(fake_.Answer(Http(200)));
  }
  // The id FakeInner gave the `n`th request it saw (0-based).
  static uint64_t FakeId(int n) { return 1000 + n; }

  std::vector<std::string> SentTags() {
    std::vector<std::string> tags;
    for (const HttpRequest& r : fake_.requests())
      tags.push_back(r.path.substr(r.path.rfind('/') + 1));
    return tags;
  }

  // Sends `request` and runs what is due now.
  void Send(IdentityThrottle& throttle, Request request, Outcome& outcome) {
    SendOnly(throttle, std::move(request), outcome);
    clock_.RunDue();
  }
  // Sends `request` without running anything.
  void SendOnly(IdentityThrottle& throttle, Request request, Outcome& outcome) {
    SendTo(throttle, std::move(request.http), outcome, std::move(request.context));
  }

  FakeClock clock_;
  const absl::Time t0_ = clock_.Now();
  StrictMock<MockUpstream> inner_;
  FakeInner fake_{&clock_};
  LocalQuotaStore quota_;
};

TEST_F(IdentityThrottleTest, A429WithRetryAfterSecondsHoldsTheIdentitysNextRequestsExactly) {
  IdentityThrottleOptions options = Options();
  options.default_pause = absl::Seconds(30);  // proves Retry-After was used
  IdentityThrottle throttle(&inner_, &clock_, &quota_, options);
  EXPECT_CALL(inner_, Send(_, _, _))
      .WillOnce(fake_.Answer(Http(429, {{"Retry-After", "1"}})))
      .WillRepeatedly(fake_.Answer(Http(200)));

  Outcome first(clock_);
  Send(throttle, Call(kTokenA, "first"), first);
  absl::StatusOr<HttpResponse> answer = first.result();
  ASSERT_TRUE(answer.ok()) << answer.status();
  EXPECT_EQ(answer->status, 429) << "the 429 itself goes back to its caller";
  EXPECT_EQ(throttle.stats().pauses_total, 1);
  EXPECT_EQ(throttle.stats().paused_identities, 1);

  Outcome second(clock_);
  Send(throttle, Call(kTokenA, "second", RequestPriority::kInteractive, t0_ + absl::Seconds(5)),
       second);
  EXPECT_EQ(throttle.stats().queued_interactive, 1);
  clock_.AdvanceTo(t0_ + absl::Seconds(1) - absl::Nanoseconds(1));
  EXPECT_EQ(fake_.sends(), 1) << "sent during the pause";
  clock_.AdvanceTo(t0_ + absl::Seconds(1));
  answer = second.result();
  ASSERT_TRUE(answer.ok()) << answer.status();
  EXPECT_EQ(answer->status, 200);
  EXPECT_EQ(fake_.sent_at(), (std::vector<absl::Time>{t0_, t0_ + absl::Seconds(1)}));
  EXPECT_EQ(throttle.stats().queued_interactive, 0);
  EXPECT_EQ(throttle.stats().paused_identities, 0);
  EXPECT_EQ(throttle.tracked_identities(), 0) << "an idle identity is forgotten";
}

TEST_F(IdentityThrottleTest, PauseOutlastingTheDeadlineFailsAtOnceNeverSentWithRetryInfo) {
  IdentityThrottle throttle(&inner_, &clock_, &quota_, Options());
  // An HTTP-date three seconds ahead.
  const std::string date =
      absl::FormatTime("%a, %d %b %Y %H:%M:%S GMT", t0_ + absl::Seconds(3), absl::UTCTimeZone());
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Answer(Http(429, {{"Retry-After", date}})));

  Outcome first(clock_);
  Send(throttle, Call(kTokenA, "first"), first);
  ASSERT_EQ(first.result()->status, 429);

  clock_.Advance(absl::Milliseconds(500));
  Outcome second(clock_);
  Send(throttle,
       Call(kTokenA, "second", RequestPriority::kInteractive,
            clock_.Now() + absl::Milliseconds(500)),
       second);
  absl::StatusOr<HttpResponse> result = second.result();
  EXPECT_EQ(second.at(), t0_ + absl::Milliseconds(500)) << "did not fail at once";
  ExpectNotSent(result, absl::StatusCode::kResourceExhausted, "IDENTITY_PAUSED");
  EXPECT_THAT(std::string(result.status().message()),
              HasSubstr("rate-limited this access token (HTTP 429) and the gateway holds its "
                        "requests for another 2.5s"));
  EXPECT_EQ(RetryDelay(result.status()), absl::Milliseconds(2500));
  EXPECT_EQ(fake_.sends(), 1);
  EXPECT_EQ(throttle.stats().rejected_total, 1);
}

TEST_F(IdentityThrottleTest, A429WithoutRetryAfterPausesForTheDefault) {
  IdentityThrottleOptions options = Options();
  options.default_pause = absl::Milliseconds(300);
  IdentityThrottle throttle(&inner_, &clock_, &quota_, options);
  EXPECT_CALL(inner_, Send(_, _, _))
      .WillOnce(fake_.Answer(Http(429)))
      .WillRepeatedly(fake_.Answer(Http(200)));

  Outcome first(clock_);
  Send(throttle, Call(kTokenA, "first"), first);
  ASSERT_EQ(first.result()->status, 429);
  Outcome second(clock_);
  Send(throttle, Call(kTokenA, "second"), second);
  clock_.Advance(absl::Seconds(1));
  ASSERT_EQ(second.result()->status, 200);
  EXPECT_EQ(fake_.sent_at(), (std::vector<absl::Time>{t0_, t0_ + absl::Milliseconds(300)}));
}

TEST_F(IdentityThrottleTest, APauseEndingJustBeforeTheDeadlineFailsAtOnceToo) {
  // The retry of a 429'd call typically has the deadline the pause ends at, give or take a few
  // milliseconds: it must not wait the whole pause only to expire as it is released.
  IdentityThrottleOptions options = Options();
  options.default_pause = absl::Milliseconds(500);
  IdentityThrottle throttle(&inner_, &clock_, &quota_, options);
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Answer(Http(429)));
  Outcome first(clock_);
  Send(throttle, Call(kTokenA, "first"), first);
  ASSERT_EQ(first.result()->status, 429);
  Outcome retry(clock_);
  Send(throttle,
       Call(kTokenA, "retry", RequestPriority::kInteractive, t0_ + absl::Milliseconds(520)), retry);
  ExpectNotSent(retry.result(), absl::StatusCode::kResourceExhausted, "IDENTITY_PAUSED");
  EXPECT_EQ(retry.at(), t0_) << "did not fail at once";
}

TEST_F(IdentityThrottleTest, MaxPauseZeroTurnsPausesOff) {
  IdentityThrottleOptions options = Options();
  options.max_pause = absl::ZeroDuration();
  IdentityThrottle throttle(&inner_, &clock_, &quota_, options);
  EXPECT_CALL(inner_, Send(_, _, _))
      .WillOnce(fake_.Answer(Http(429, {{"Retry-After", "30"}})))
      .WillOnce(fake_.Answer(Http(200)));
  Outcome first(clock_);
  Send(throttle, Call(kTokenA, "first"), first);
  ASSERT_EQ(first.result()->status, 429);
  Outcome second(clock_);
  Send(throttle, Call(kTokenA, "second"), second);
  ASSERT_EQ(second.result()->status, 200);
  EXPECT_EQ(second.at(), t0_);
  EXPECT_EQ(throttle.stats().pauses_total, 0);
}

TEST_F(IdentityThrottleTest, OtherIdentitiesAreNotPaused) {
  IdentityThrottle throttle(&inner_, &clock_, &quota_, Options());
  EXPECT_CALL(inner_, Send(_, _, _))
      .WillOnce(fake_.Answer(Http(429, {{"Retry-After", "5"}})))
      .WillRepeatedly(fake_.Answer(Http(200)));
  Outcome first(clock_);
  Send(throttle, Call(kTokenA, "a-first"), first);
  ASSERT_EQ(first.result()->status, 429);

  Outcome other(clock_);
  Send(throttle, Call(kTokenB, "b"), other);
  ASSERT_EQ(other.result()->status, 200);
  EXPECT_EQ(other.at(), t0_);

  Outcome same(clock_);
  Send(throttle, Call(kTokenA, "a-second", RequestPriority::kInteractive, t0_ + absl::Seconds(1)),
       same);
  ExpectNotSent(same.result(), absl::StatusCode::kResourceExhausted, "IDENTITY_PAUSED");
  EXPECT_EQ(SentTags(), (std::vector<std::string>{"a-first", "b"}));
}

TEST_F(IdentityThrottleTest, WaitingInteractiveRequestsGoBeforeWaitingBulkOnes) {
  IdentityThrottle throttle(&inner_, &clock_, &quota_, Options(/*rate=*/16, /*burst=*/1));
  EXPECT_CALL(inner_, Send(_, _, _)).WillRepeatedly(fake_.Answer(Http(200)));
  const std::vector<std::pair<std::string, RequestPriority>> calls = {
      {"i0", RequestPriority::kInteractive}, {"b1", RequestPriority::kBulk},
      {"b2", RequestPriority::kBulk},        {"b3", RequestPriority::kBulk},
      {"i1", RequestPriority::kInteractive}, {"i2", RequestPriority::kInteractive}};
  std::vector<std::unique_ptr<Outcome>> outcomes;
  for (const auto& [tag, priority] : calls) {
    outcomes.push_back(std::make_unique<Outcome>(clock_));
    Send(throttle, Call(kTokenA, tag, priority), *outcomes.back());
  }
  EXPECT_EQ(throttle.stats().queued_bulk, 3);
  EXPECT_EQ(throttle.stats().queued_interactive, 2);
  clock_.Advance(absl::Seconds(1));
  for (auto& outcome : outcomes) ASSERT_TRUE(outcome->result().ok());
  EXPECT_EQ(SentTags(), (std::vector<std::string>{"i0", "i1", "i2", "b1", "b2", "b3"}));
  // One request per 1/16 s: the turns fall on exact times.
  const std::vector<absl::Time> sent = fake_.sent_at();
  for (size_t i = 0; i < sent.size(); ++i) {
    EXPECT_EQ(sent[i], t0_ + absl::Microseconds(62500) * static_cast<int64_t>(i)) << i;
  }
}

TEST_F(IdentityThrottleTest, BulkGetsExactlyItsShareOfTheRateWhileInteractiveWorkRuns) {
  IdentityThrottleOptions options = Options(/*rate=*/16, /*burst=*/1);
  options.bulk_share = 0.5;  // bulk: 8/s while interactive work runs, else 16/s
  IdentityThrottle throttle(&inner_, &clock_, &quota_, options);
  HoldTaggedAnswerOthers();
  constexpr int kBulk = 6;
  auto send_bulk = [&](const std::string& prefix) {
    std::vector<std::unique_ptr<Outcome>> outcomes;
    for (int i = 0; i < kBulk; ++i) {
      outcomes.push_back(std::make_unique<Outcome>(clock_));
      Send(throttle, Call(kTokenA, absl::StrCat(prefix, i), RequestPriority::kBulk),
           *outcomes.back());
    }
    clock_.Advance(absl::Seconds(2));
    for (auto& outcome : outcomes) EXPECT_TRUE(outcome->result().ok());
  };

  Outcome interactive(clock_);
  Send(throttle, Call(kTokenA, "held"), interactive);  // in flight until completed below
  ASSERT_EQ(fake_.sends(), 1);
  send_bulk("shared");
  std::vector<absl::Time> sent = fake_.sent_at();
  ASSERT_EQ(sent.size(), 1u + kBulk);
  // The interactive request took the only token at t0; the first bulk one waits for the next
  // (1/16 s), each later one for the bulk budget (1/8 s).
  EXPECT_EQ(sent[1], t0_ + absl::Microseconds(62500));
  for (int i = 2; i <= kBulk; ++i) EXPECT_EQ(sent[i] - sent[i - 1], absl::Milliseconds(125)) << i;
  fake_.Complete(FakeId(0), Http(200));
  clock_.RunDue();
  ASSERT_TRUE(interactive.result().ok());

  // Nothing in flight, both buckets full again: bulk alone gets the whole rate.
  send_bulk("alone");
  sent = fake_.sent_at();
  ASSERT_EQ(sent.size(), 1u + 2 * kBulk);
  for (int i = kBulk + 2; i <= 2 * kBulk; ++i) {
    EXPECT_EQ(sent[i] - sent[i - 1], absl::Microseconds(62500)) << i;
  }
}

TEST_F(IdentityThrottleTest, CancelOfAWaitingRequestAnswersCancelledAtOnce) {
  IdentityThrottle throttle(&inner_, &clock_, &quota_, Options(/*rate=*/1, /*burst=*/1));
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Answer(Http(200)));
  Outcome first(clock_);
  Send(throttle, Call(kTokenA, "first"), first);
  Outcome waiting(clock_);
  SendOnly(throttle, Call(kTokenA, "waiting"), waiting);
  EXPECT_EQ(throttle.stats().queued_interactive, 1);
  clock_.Advance(absl::Milliseconds(100));
  waiting.Cancel();
  clock_.RunDue();
  absl::StatusOr<HttpResponse> result = waiting.result();
  EXPECT_EQ(waiting.at(), t0_ + absl::Milliseconds(100));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), absl::StatusCode::kCancelled);
  ASSERT_TRUE(first.result().ok());
  EXPECT_EQ(throttle.stats().queued_interactive, 0);
  clock_.Advance(absl::Seconds(2));
  EXPECT_EQ(fake_.sends(), 1);
  waiting.Cancel();  // already finished: a no-op
  clock_.RunDue();
  EXPECT_EQ(waiting.calls(), 1);
}

TEST_F(IdentityThrottleTest, CancelDuringAPauseAnswersCancelledAndSendsNothing) {
  IdentityThrottle throttle(&inner_, &clock_, &quota_, Options());
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Answer(Http(429, {{"Retry-After", "5"}})));
  Outcome first(clock_);
  Send(throttle, Call(kTokenA, "first"), first);
  ASSERT_EQ(first.result()->status, 429);
  Outcome waiting(clock_);
  SendOnly(throttle, Call(kTokenA, "waiting"), waiting);
  waiting.Cancel();
  clock_.RunDue();
  EXPECT_EQ(waiting.result().status().code(), absl::StatusCode::kCancelled);
  clock_.Advance(absl::Seconds(10));
  EXPECT_EQ(fake_.sends(), 1);
  EXPECT_EQ(throttle.tracked_identities(), 0);
}

TEST_F(IdentityThrottleTest, ACallCancelledBeforeItCameNeverWaitsNorGoesOut) {
  IdentityThrottle throttle(&inner_, &clock_, &quota_, Options(/*rate=*/1, /*burst=*/1));
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Answer(Http(200)));
  Outcome first(clock_);
  Send(throttle, Call(kTokenA, "first"), first);
  Outcome cancelled(clock_);
  cancelled.Cancel();
  Send(throttle, Call(kTokenA, "cancelled"), cancelled);
  EXPECT_EQ(cancelled.result().status().code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(throttle.stats().queued_interactive, 0);
  clock_.Advance(absl::Seconds(2));
  EXPECT_EQ(fake_.sends(), 1);
  EXPECT_EQ(throttle.tracked_identities(), 0);
}

TEST_F(IdentityThrottleTest, RequestsBeyondTheQueueCapFailAtOnce) {
  IdentityThrottleOptions options = Options(/*rate=*/1, /*burst=*/1);
  options.max_queued = 2;
  IdentityThrottle throttle(&inner_, &clock_, &quota_, options);
  EXPECT_CALL(inner_, Send(_, _, _)).WillRepeatedly(fake_.Answer(Http(200)));
  Outcome first(clock_);
  Send(throttle, Call(kTokenA, "first"), first);
  Outcome q1(clock_);
  Outcome q2(clock_);
  Outcome over(clock_);
  SendOnly(throttle, Call(kTokenA, "q1"), q1);
  SendOnly(throttle, Call(kTokenA, "q2"), q2);
  Send(throttle, Call(kTokenA, "over"), over);
  absl::StatusOr<HttpResponse> result = over.result();
  ExpectNotSent(result, absl::StatusCode::kResourceExhausted, "IDENTITY_QUEUE_FULL");
  EXPECT_THAT(std::string(result.status().message()), HasSubstr("--identity_max_queued"));
  EXPECT_EQ(over.at(), t0_);
  EXPECT_EQ(throttle.stats().rejected_total, 1);
  // Another identity has a queue of its own.
  Outcome other(clock_);
  Send(throttle, Call(kTokenB, "other"), other);
  ASSERT_TRUE(other.result().ok());
  EXPECT_EQ(throttle.stats().queued_interactive, 2);
  q1.Cancel();
  q2.Cancel();
  clock_.RunDue();
  EXPECT_EQ(q1.result().status().code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(q2.result().status().code(), absl::StatusCode::kCancelled);
  ASSERT_TRUE(first.result().ok());
}

TEST_F(IdentityThrottleTest, RateLimitPastTheDeadlineFailsAtOnceWithTheWait) {
  IdentityThrottle throttle(&inner_, &clock_, &quota_, Options(/*rate=*/1, /*burst=*/1));
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Answer(Http(200)));
  Outcome first(clock_);
  Send(throttle, Call(kTokenA, "first"), first);
  clock_.Advance(absl::Milliseconds(250));
  Outcome second(clock_);
  Send(throttle,
       Call(kTokenA, "second", RequestPriority::kInteractive,
            clock_.Now() + absl::Milliseconds(300)),
       second);
  absl::StatusOr<HttpResponse> result = second.result();
  ExpectNotSent(result, absl::StatusCode::kResourceExhausted, "IDENTITY_RATE_LIMITED");
  EXPECT_THAT(std::string(result.status().message()),
              HasSubstr("this access token's upstream rate limit (--identity_rate_limit=1/s) "
                        "would hold this call at least 800ms"));
  EXPECT_EQ(RetryDelay(result.status()), absl::Milliseconds(750));
  EXPECT_EQ(second.at(), t0_ + absl::Milliseconds(250));
  ASSERT_TRUE(first.result().ok());
}

TEST_F(IdentityThrottleTest, ANewPauseFailsWaitingRequestsThatCannotOutlastIt) {
  IdentityThrottle throttle(&inner_, &clock_, &quota_, Options(/*rate=*/1, /*burst=*/1));
  HoldTaggedAnswerOthers();
  Outcome held(clock_);
  Send(throttle, Call(kTokenA, "held"), held);
  ASSERT_EQ(fake_.sends(), 1);
  Outcome short_deadline(clock_);
  Outcome long_deadline(clock_);
  Send(throttle, Call(kTokenA, "short", RequestPriority::kInteractive, t0_ + absl::Seconds(3)),
       short_deadline);
  SendOnly(throttle, Call(kTokenA, "long", RequestPriority::kBulk, t0_ + absl::Seconds(30)),
           long_deadline);
  clock_.Advance(absl::Milliseconds(200));
  fake_.Complete(FakeId(0), Http(429, {{"Retry-After", "5"}}));
  clock_.RunDue();
  ASSERT_EQ(held.result()->status, 429);
  ExpectNotSent(short_deadline.result(), absl::StatusCode::kResourceExhausted, "IDENTITY_PAUSED");
  EXPECT_EQ(short_deadline.at(), t0_ + absl::Milliseconds(200))
      << "failed at its deadline instead of when the pause began";
  EXPECT_FALSE(long_deadline.done()) << "a request that outlasts the pause keeps waiting";
  long_deadline.Cancel();
  clock_.RunDue();
  EXPECT_EQ(long_deadline.result().status().code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(fake_.sends(), 1);
}

TEST_F(IdentityThrottleTest, AWaitingRequestWhoseDeadlinePassesFailsNeverSentAtItsDeadline) {
  // b waits for the next token (1 s); i, interactive, arrives and takes it; b's deadline (1.5 s)
  // passes before the token after that (2 s).
  IdentityThrottle throttle(&inner_, &clock_, &quota_, Options(/*rate=*/1, /*burst=*/1));
  EXPECT_CALL(inner_, Send(_, _, _)).WillRepeatedly(fake_.Answer(Http(200)));
  Outcome first(clock_);
  Send(throttle, Call(kTokenA, "first"), first);
  Outcome bulk(clock_);
  const absl::Time deadline = t0_ + absl::Milliseconds(1500);
  Send(throttle, Call(kTokenA, "b", RequestPriority::kBulk, deadline), bulk);
  Outcome interactive(clock_);
  Send(throttle, Call(kTokenA, "i"), interactive);
  clock_.AdvanceTo(deadline - absl::Nanoseconds(1));
  EXPECT_FALSE(bulk.done());
  clock_.AdvanceTo(deadline);
  ExpectNotSent(bulk.result(), absl::StatusCode::kDeadlineExceeded, "IDENTITY_WAIT_EXPIRED");
  EXPECT_EQ(bulk.at(), deadline);
  ASSERT_TRUE(interactive.result().ok());
  EXPECT_EQ(interactive.at(), t0_ + absl::Seconds(1));
  EXPECT_EQ(SentTags(), (std::vector<std::string>{"first", "i"}));
  EXPECT_EQ(throttle.tracked_identities(), 0);
}

TEST_F(IdentityThrottleTest, CancelOfASentRequestReachesTheInnerClient) {
  IdentityThrottle throttle(&inner_, &clock_, &quota_, Options());
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Hold());
  Outcome sent(clock_);
  SendOnly(throttle, Call(kTokenA, "held"), sent);
  ASSERT_EQ(fake_.sends(), 1);
  sent.Cancel();
  clock_.RunDue();
  EXPECT_EQ(sent.result().status().code(), absl::StatusCode::kCancelled);
  EXPECT_TRUE(fake_.cancelled(FakeId(0)));
  EXPECT_EQ(throttle.tracked_identities(), 0);
}

// The inner client's Send does the request's own upstream work (libcurl's, on the calling thread):
// the throttle's lock, which every call of every identity takes, is not held through it, neither
// for a call that goes at once nor for one a wake-up releases. Each inner Send here has another
// thread take that lock (through tracked_identities) and waits for it.
TEST_F(IdentityThrottleTest, TheInnerClientsSendRunsWithoutTheThrottlesLock) {
  IdentityThrottle throttle(&inner_, &clock_, &quota_, Options(/*rate=*/1, /*burst=*/1));
  std::vector<bool> lock_was_free;
  std::vector<std::thread> probes;
  EXPECT_CALL(inner_, Send(_, _, _))
      .Times(2)
      .WillRepeatedly([&](HttpRequest request, CallContext context, UpstreamClient::Callback done) {
        auto taken = std::make_shared<absl::Notification>();
        probes.emplace_back([&throttle, taken] {
          throttle.tracked_identities();
          taken->Notify();
        });
        lock_was_free.push_back(taken->WaitForNotificationWithTimeout(absl::Seconds(5)));
        fake_.Reply(request, context, std::move(done), Http(200));
      });
  Outcome first(clock_), second(clock_);
  Send(throttle, Call(kTokenA, "first"), first);    // a token is there: goes at once
  Send(throttle, Call(kTokenA, "second"), second);  // waits a second for the next one
  EXPECT_EQ(fake_.sends(), 1);
  clock_.Advance(absl::Seconds(1));
  for (std::thread& probe : probes) probe.join();
  EXPECT_EQ(lock_was_free, (std::vector<bool>{true, true}));
  EXPECT_TRUE(first.result().ok());
  EXPECT_TRUE(second.result().ok());
}

}  // namespace
}  // namespace pulumi_gateway
