// IdentityThrottle against a gmock'd inner UpstreamClient that answers on a thread of its own (or
// holds a call until told), with the real TimerQueue and a LocalQuotaStore: a 429 pauses its
// identity for Retry-After (seconds, HTTP-date) or the default pause; other identities go on; a
// call that cannot go before its deadline fails at once, never sent, with RetryInfo; waiting
// interactive calls go before waiting bulk ones and bulk gets its share while interactive work
// runs; cancel and the queue cap answer at once; idle identities are forgotten.
#include "gateway/upstream/identity_throttle.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gateway/http/http_types.h"
#include "gateway/status/curl_status.h"
#include "gateway/status/upstream_error.h"
#include "gateway/upstream/quota_store.h"
#include "gateway/upstream/timer_queue.h"
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

using upstream_testing::FakeInner;
using upstream_testing::Get;
using upstream_testing::Http;
using upstream_testing::MockUpstream;
using upstream_testing::Outcome;
using upstream_testing::SendTo;

constexpr char kTokenA[] = "pul-test-alice-0001";
constexpr char kTokenB[] = "pul-test-bob-0002";

// A request of `token`'s identity; `tag` ends its path so tests can tell requests apart.
HttpRequest Call(const std::string& token, const std::string& tag,
                 RequestPriority priority = RequestPriority::kInteractive,
                 absl::Time deadline = absl::InfiniteFuture()) {
  HttpRequest request = Get(deadline);
  request.path = absl::StrCat("/api/stacks/acme-corp/payments-api/", tag);
  request.headers.emplace_back("Authorization", absl::StrCat("token ", token));
  request.priority = priority;
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
    EXPECT_CALL(inner_, Send(Field(&HttpRequest::path, HasSubstr("held")), _))
        .WillRepeatedly(fake_.Hold());
    EXPECT_CALL(inner_, Send(Field(&HttpRequest::path, Not(HasSubstr("held"))), _))
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

  StrictMock<MockUpstream> inner_;
  FakeInner fake_;
  TimerQueue timers_;
  LocalQuotaStore quota_;
};

TEST_F(IdentityThrottleTest, A429WithRetryAfterSecondsHoldsTheIdentitysNextRequests) {
  IdentityThrottleOptions options = Options();
  options.default_pause = absl::Seconds(30);  // proves Retry-After was used
  IdentityThrottle throttle(&inner_, &timers_, &quota_, options);
  EXPECT_CALL(inner_, Send(_, _))
      .WillOnce(fake_.Answer(Http(429, {{"Retry-After", "1"}})))
      .WillRepeatedly(fake_.Answer(Http(200)));

  Outcome first;
  SendTo(throttle, Call(kTokenA, "first"), first);
  absl::StatusOr<HttpResponse> answer = first.Wait();
  ASSERT_TRUE(answer.ok()) << answer.status();
  EXPECT_EQ(answer->status, 429) << "the 429 itself goes back to its caller";
  EXPECT_EQ(throttle.stats().pauses_total, 1);
  EXPECT_EQ(throttle.stats().paused_identities, 1);

  Outcome second;
  SendTo(throttle,
         Call(kTokenA, "second", RequestPriority::kInteractive, absl::Now() + absl::Seconds(5)),
         second);
  EXPECT_EQ(throttle.stats().queued_interactive, 1);
  answer = second.Wait();
  ASSERT_TRUE(answer.ok()) << answer.status();
  EXPECT_EQ(answer->status, 200);
  const std::vector<absl::Time> sent = fake_.sent_at();
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_GE(sent[1] - sent[0], absl::Seconds(1)) << "sent during the pause";
  EXPECT_LT(sent[1] - sent[0], absl::Milliseconds(1500)) << "held past the pause";
  EXPECT_EQ(throttle.stats().queued_interactive, 0);
  EXPECT_EQ(throttle.stats().paused_identities, 0);
  EXPECT_EQ(throttle.tracked_identities(), 0) << "an idle identity is forgotten";
}

TEST_F(IdentityThrottleTest, PauseOutlastingTheDeadlineFailsAtOnceNeverSentWithRetryInfo) {
  IdentityThrottle throttle(&inner_, &timers_, &quota_, Options());
  // An HTTP-date three seconds ahead (whole seconds: the pause is 2 to 3 s).
  const std::string date = absl::FormatTime("%a, %d %b %Y %H:%M:%S GMT",
                                            absl::Now() + absl::Seconds(3), absl::UTCTimeZone());
  EXPECT_CALL(inner_, Send(_, _)).WillOnce(fake_.Answer(Http(429, {{"Retry-After", date}})));

  Outcome first;
  SendTo(throttle, Call(kTokenA, "first"), first);
  ASSERT_EQ(first.Wait()->status, 429);

  Outcome second;
  const absl::Time start = absl::Now();
  SendTo(throttle,
         Call(kTokenA, "second", RequestPriority::kInteractive, start + absl::Milliseconds(500)),
         second);
  absl::StatusOr<HttpResponse> result = second.Wait();
  EXPECT_LT(second.at() - start, absl::Milliseconds(200)) << "did not fail at once";
  ExpectNotSent(result, absl::StatusCode::kResourceExhausted, "IDENTITY_PAUSED");
  EXPECT_THAT(std::string(result.status().message()),
              HasSubstr("rate-limited this access token (HTTP 429)"));
  std::optional<absl::Duration> delay = RetryDelay(result.status());
  ASSERT_TRUE(delay.has_value());
  EXPECT_GT(*delay, absl::Seconds(1));
  EXPECT_LE(*delay, absl::Seconds(3));
  EXPECT_EQ(fake_.sends(), 1);
  EXPECT_EQ(throttle.stats().rejected_total, 1);
}

TEST_F(IdentityThrottleTest, A429WithoutRetryAfterPausesForTheDefault) {
  IdentityThrottleOptions options = Options();
  options.default_pause = absl::Milliseconds(300);
  IdentityThrottle throttle(&inner_, &timers_, &quota_, options);
  EXPECT_CALL(inner_, Send(_, _))
      .WillOnce(fake_.Answer(Http(429)))
      .WillRepeatedly(fake_.Answer(Http(200)));

  Outcome first;
  SendTo(throttle, Call(kTokenA, "first"), first);
  ASSERT_EQ(first.Wait()->status, 429);
  Outcome second;
  SendTo(throttle, Call(kTokenA, "second"), second);
  ASSERT_EQ(second.Wait()->status, 200);
  const std::vector<absl::Time> sent = fake_.sent_at();
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_GE(sent[1] - sent[0], absl::Milliseconds(300));
  EXPECT_LT(sent[1] - sent[0], absl::Milliseconds(800));
}

TEST_F(IdentityThrottleTest, APauseEndingJustBeforeTheDeadlineFailsAtOnceToo) {
  // The retry of a 429'd call typically has the deadline the pause ends at, give or take a few
  // milliseconds: it must not wait the whole pause only to expire as it is released.
  IdentityThrottleOptions options = Options();
  options.default_pause = absl::Milliseconds(500);
  IdentityThrottle throttle(&inner_, &timers_, &quota_, options);
  EXPECT_CALL(inner_, Send(_, _)).WillOnce(fake_.Answer(Http(429)));
  Outcome first;
  SendTo(throttle, Call(kTokenA, "first"), first);
  ASSERT_EQ(first.Wait()->status, 429);
  Outcome retry;
  const absl::Time start = absl::Now();
  SendTo(throttle,
         Call(kTokenA, "retry", RequestPriority::kInteractive, start + absl::Milliseconds(500)),
         retry);
  ExpectNotSent(retry.Wait(), absl::StatusCode::kResourceExhausted, "IDENTITY_PAUSED");
  EXPECT_LT(retry.at() - start, absl::Milliseconds(200)) << "did not fail at once";
}

TEST_F(IdentityThrottleTest, MaxPauseZeroTurnsPausesOff) {
  IdentityThrottleOptions options = Options();
  options.max_pause = absl::ZeroDuration();
  IdentityThrottle throttle(&inner_, &timers_, &quota_, options);
  EXPECT_CALL(inner_, Send(_, _))
      .WillOnce(fake_.Answer(Http(429, {{"Retry-After", "30"}})))
      .WillOnce(fake_.Answer(Http(200)));
  Outcome first;
  SendTo(throttle, Call(kTokenA, "first"), first);
  ASSERT_EQ(first.Wait()->status, 429);
  Outcome second;
  const absl::Time start = absl::Now();
  SendTo(throttle, Call(kTokenA, "second"), second);
  ASSERT_EQ(second.Wait()->status, 200);
  EXPECT_LT(second.at() - start, absl::Milliseconds(200));
  EXPECT_EQ(throttle.stats().pauses_total, 0);
}

TEST_F(IdentityThrottleTest, OtherIdentitiesAreNotPaused) {
  IdentityThrottle throttle(&inner_, &timers_, &quota_, Options());
  EXPECT_CALL(inner_, Send(_, _))
      .WillOnce(fake_.Answer(Http(429, {{"Retry-After", "5"}})))
      .WillRepeatedly(fake_.Answer(Http(200)));
  Outcome first;
  SendTo(throttle, Call(kTokenA, "a-first"), first);
  ASSERT_EQ(first.Wait()->status, 429);

  Outcome other;
  const absl::Time start = absl::Now();
  SendTo(throttle, Call(kTokenB, "b"), other);
  ASSERT_EQ(other.Wait()->status, 200);
  EXPECT_LT(other.at() - start, absl::Milliseconds(200));

  Outcome same;
  SendTo(throttle,
         Call(kTokenA, "a-second", RequestPriority::kInteractive, absl::Now() + absl::Seconds(1)),
         same);
  ExpectNotSent(same.Wait(), absl::StatusCode::kResourceExhausted, "IDENTITY_PAUSED");
  EXPECT_EQ(SentTags(), (std::vector<std::string>{"a-first", "b"}));
}

TEST_F(IdentityThrottleTest, WaitingInteractiveRequestsGoBeforeWaitingBulkOnes) {
  IdentityThrottle throttle(&inner_, &timers_, &quota_, Options(/*rate=*/20, /*burst=*/1));
  EXPECT_CALL(inner_, Send(_, _)).WillRepeatedly(fake_.Answer(Http(200)));
  const std::vector<std::pair<std::string, RequestPriority>> calls = {
      {"i0", RequestPriority::kInteractive}, {"b1", RequestPriority::kBulk},
      {"b2", RequestPriority::kBulk},        {"b3", RequestPriority::kBulk},
      {"i1", RequestPriority::kInteractive}, {"i2", RequestPriority::kInteractive}};
  std::vector<std::unique_ptr<Outcome>> outcomes;
  for (const auto& [tag, priority] : calls) {
    outcomes.push_back(std::make_unique<Outcome>());
    SendTo(throttle, Call(kTokenA, tag, priority), *outcomes.back());
  }
  EXPECT_EQ(throttle.stats().queued_bulk, 3);
  EXPECT_EQ(throttle.stats().queued_interactive, 2);
  for (auto& outcome : outcomes) ASSERT_TRUE(outcome->Wait().ok());
  EXPECT_EQ(SentTags(), (std::vector<std::string>{"i0", "i1", "i2", "b1", "b2", "b3"}));
}

TEST_F(IdentityThrottleTest, BulkGetsAtMostItsShareOfTheRateWhileInteractiveWorkRuns) {
  IdentityThrottleOptions options = Options(/*rate=*/20, /*burst=*/1);
  options.bulk_share = 0.5;  // bulk: 10/s while interactive work runs, else 20/s
  IdentityThrottle throttle(&inner_, &timers_, &quota_, options);
  HoldTaggedAnswerOthers();
  constexpr int kBulk = 6;
  auto send_bulk = [&](const std::string& prefix) {
    std::vector<std::unique_ptr<Outcome>> outcomes;
    for (int i = 0; i < kBulk; ++i) {
      outcomes.push_back(std::make_unique<Outcome>());
      SendTo(throttle, Call(kTokenA, absl::StrCat(prefix, i), RequestPriority::kBulk),
             *outcomes.back());
    }
    for (auto& outcome : outcomes) EXPECT_TRUE(outcome->Wait().ok());
  };

  Outcome interactive;
  SendTo(throttle, Call(kTokenA, "held"), interactive);  // in flight until completed below
  ASSERT_TRUE(fake_.WaitForSends(1));
  send_bulk("shared");
  std::vector<absl::Time> sent = fake_.sent_at();
  ASSERT_EQ(sent.size(), 1u + kBulk);
  const absl::Duration shared_span = sent[kBulk] - sent[1];
  fake_.Complete(FakeId(0), Http(200));
  ASSERT_TRUE(interactive.Wait().ok());

  absl::SleepFor(absl::Milliseconds(200));  // let both buckets refill; nothing is in flight
  send_bulk("alone");
  sent = fake_.sent_at();
  ASSERT_EQ(sent.size(), 1u + 2 * kBulk);
  const absl::Duration alone_span = sent[2 * kBulk] - sent[kBulk + 1];
  // 5 gaps of 100 ms (10/s) against 5 gaps of 50 ms (20/s).
  EXPECT_GE(shared_span, absl::Milliseconds(450)) << "bulk took more than its share";
  EXPECT_GE(alone_span, absl::Milliseconds(200));
  EXPECT_LT(alone_span, absl::Milliseconds(400)) << "bulk alone was held to its share";
}

TEST_F(IdentityThrottleTest, CancelOfAWaitingRequestAnswersCancelledAtOnce) {
  IdentityThrottle throttle(&inner_, &timers_, &quota_, Options(/*rate=*/1, /*burst=*/1));
  EXPECT_CALL(inner_, Send(_, _)).WillOnce(fake_.Answer(Http(200)));
  Outcome first;
  SendTo(throttle, Call(kTokenA, "first"), first);
  Outcome waiting;
  const uint64_t id = SendTo(throttle, Call(kTokenA, "waiting"), waiting);
  EXPECT_EQ(throttle.stats().queued_interactive, 1);
  const absl::Time cancelled_at = absl::Now();
  throttle.Cancel(id);
  absl::StatusOr<HttpResponse> result = waiting.Wait();
  EXPECT_LT(waiting.at() - cancelled_at, absl::Milliseconds(100));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), absl::StatusCode::kCancelled);
  ASSERT_TRUE(first.Wait().ok());
  EXPECT_EQ(throttle.stats().queued_interactive, 0);
  EXPECT_EQ(fake_.sends(), 1);
  throttle.Cancel(id);  // already finished: a no-op
  EXPECT_EQ(waiting.calls(), 1);
}

TEST_F(IdentityThrottleTest, CancelDuringAPauseAnswersCancelledAndSendsNothing) {
  IdentityThrottle throttle(&inner_, &timers_, &quota_, Options());
  EXPECT_CALL(inner_, Send(_, _)).WillOnce(fake_.Answer(Http(429, {{"Retry-After", "5"}})));
  Outcome first;
  SendTo(throttle, Call(kTokenA, "first"), first);
  ASSERT_EQ(first.Wait()->status, 429);
  Outcome waiting;
  const uint64_t id = SendTo(throttle, Call(kTokenA, "waiting"), waiting);
  throttle.Cancel(id);
  EXPECT_EQ(waiting.Wait().status().code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(fake_.sends(), 1);
  EXPECT_EQ(throttle.tracked_identities(), 0);
}

TEST_F(IdentityThrottleTest, RequestsBeyondTheQueueCapFailAtOnce) {
  IdentityThrottleOptions options = Options(/*rate=*/1, /*burst=*/1);
  options.max_queued = 2;
  IdentityThrottle throttle(&inner_, &timers_, &quota_, options);
  EXPECT_CALL(inner_, Send(_, _)).WillRepeatedly(fake_.Answer(Http(200)));
  Outcome first;
  SendTo(throttle, Call(kTokenA, "first"), first);
  Outcome q1;
  Outcome q2;
  Outcome over;
  const uint64_t id1 = SendTo(throttle, Call(kTokenA, "q1"), q1);
  const uint64_t id2 = SendTo(throttle, Call(kTokenA, "q2"), q2);
  SendTo(throttle, Call(kTokenA, "over"), over);
  absl::StatusOr<HttpResponse> result = over.Wait();
  ExpectNotSent(result, absl::StatusCode::kResourceExhausted, "IDENTITY_QUEUE_FULL");
  EXPECT_THAT(std::string(result.status().message()), HasSubstr("--identity_max_queued"));
  EXPECT_EQ(throttle.stats().rejected_total, 1);
  // Another identity has a queue of its own.
  Outcome other;
  SendTo(throttle, Call(kTokenB, "other"), other);
  ASSERT_TRUE(other.Wait().ok());
  EXPECT_EQ(throttle.stats().queued_interactive, 2);
  throttle.Cancel(id1);
  throttle.Cancel(id2);
  EXPECT_EQ(q1.Wait().status().code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(q2.Wait().status().code(), absl::StatusCode::kCancelled);
  ASSERT_TRUE(first.Wait().ok());
}

TEST_F(IdentityThrottleTest, RateLimitPastTheDeadlineFailsAtOnceWithTheWait) {
  IdentityThrottle throttle(&inner_, &timers_, &quota_, Options(/*rate=*/1, /*burst=*/1));
  EXPECT_CALL(inner_, Send(_, _)).WillOnce(fake_.Answer(Http(200)));
  Outcome first;
  SendTo(throttle, Call(kTokenA, "first"), first);
  Outcome second;
  SendTo(
      throttle,
      Call(kTokenA, "second", RequestPriority::kInteractive, absl::Now() + absl::Milliseconds(300)),
      second);
  absl::StatusOr<HttpResponse> result = second.Wait();
  ExpectNotSent(result, absl::StatusCode::kResourceExhausted, "IDENTITY_RATE_LIMITED");
  EXPECT_THAT(std::string(result.status().message()), HasSubstr("--identity_rate_limit=1/s"));
  std::optional<absl::Duration> delay = RetryDelay(result.status());
  ASSERT_TRUE(delay.has_value());
  EXPECT_GT(*delay, absl::Milliseconds(900));
  EXPECT_LE(*delay, absl::Seconds(1));
  ASSERT_TRUE(first.Wait().ok());
}

TEST_F(IdentityThrottleTest, ANewPauseFailsWaitingRequestsThatCannotOutlastIt) {
  IdentityThrottle throttle(&inner_, &timers_, &quota_, Options(/*rate=*/1, /*burst=*/1));
  HoldTaggedAnswerOthers();
  Outcome held;
  SendTo(throttle, Call(kTokenA, "held"), held);
  ASSERT_TRUE(fake_.WaitForSends(1));
  Outcome short_deadline;
  Outcome long_deadline;
  SendTo(throttle,
         Call(kTokenA, "short", RequestPriority::kInteractive, absl::Now() + absl::Seconds(3)),
         short_deadline);
  const uint64_t long_id = SendTo(
      throttle, Call(kTokenA, "long", RequestPriority::kBulk, absl::Now() + absl::Seconds(30)),
      long_deadline);
  const absl::Time answered_at = absl::Now();
  fake_.Complete(FakeId(0), Http(429, {{"Retry-After", "5"}}));
  ASSERT_EQ(held.Wait()->status, 429);
  ExpectNotSent(short_deadline.Wait(), absl::StatusCode::kResourceExhausted, "IDENTITY_PAUSED");
  EXPECT_LT(short_deadline.at() - answered_at, absl::Milliseconds(500))
      << "failed at its deadline instead of when the pause began";
  EXPECT_FALSE(long_deadline.done()) << "a request that outlasts the pause keeps waiting";
  throttle.Cancel(long_id);
  EXPECT_EQ(long_deadline.Wait().status().code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(fake_.sends(), 1);
}

TEST_F(IdentityThrottleTest, AWaitingRequestWhoseDeadlinePassesFailsNeverSent) {
  // b waits for the next token (1 s); i, interactive, arrives and takes it; b's deadline (1.5 s)
  // passes before the token after that (2 s).
  IdentityThrottle throttle(&inner_, &timers_, &quota_, Options(/*rate=*/1, /*burst=*/1));
  EXPECT_CALL(inner_, Send(_, _)).WillRepeatedly(fake_.Answer(Http(200)));
  Outcome first;
  SendTo(throttle, Call(kTokenA, "first"), first);
  Outcome bulk;
  const absl::Time deadline = absl::Now() + absl::Milliseconds(1500);
  SendTo(throttle, Call(kTokenA, "b", RequestPriority::kBulk, deadline), bulk);
  Outcome interactive;
  SendTo(throttle, Call(kTokenA, "i"), interactive);
  ExpectNotSent(bulk.Wait(), absl::StatusCode::kDeadlineExceeded, "IDENTITY_WAIT_EXPIRED");
  EXPECT_GE(bulk.at(), deadline);
  ASSERT_TRUE(interactive.Wait().ok());
  EXPECT_EQ(SentTags(), (std::vector<std::string>{"first", "i"}));
  EXPECT_EQ(throttle.tracked_identities(), 0);
}

TEST_F(IdentityThrottleTest, CancelOfASentRequestReachesTheInnerClient) {
  IdentityThrottle throttle(&inner_, &timers_, &quota_, Options());
  EXPECT_CALL(inner_, Send(_, _)).WillOnce(fake_.Hold());
  EXPECT_CALL(inner_, Cancel(FakeId(0))).WillOnce(fake_.CancelHeld());
  Outcome sent;
  const uint64_t id = SendTo(throttle, Call(kTokenA, "held"), sent);
  ASSERT_TRUE(fake_.WaitForSends(1));
  throttle.Cancel(id);
  EXPECT_EQ(sent.Wait().status().code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(throttle.tracked_identities(), 0);
}

}  // namespace
}  // namespace pulumi_gateway
