// RetryPolicy and RetryBudget, row by row: which results may be retried for which requests,
// the full-jitter backoff bounds per attempt, Retry-After (seconds and HTTP-date) within
// max_retry_after and the deadline, and the budget's bound on retries per call.
#include "gateway/upstream/retry_policy.h"

#include <curl/curl.h>

#include <algorithm>
#include <optional>
#include <ostream>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/cord.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gateway/http/http_types.h"
#include "gateway/status/curl_status.h"
#include "gateway/upstream/upstream_client.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

using ::testing::Optional;

// A fixed "now" so that HTTP-dates are exact: Wed, 21 Oct 2026 07:28:00 GMT.
const absl::Time kNow =
    absl::FromCivil(absl::CivilSecond(2026, 10, 21, 7, 28, 0), absl::UTCTimeZone());

absl::StatusOr<HttpResponse> Http(int status, HttpHeaders headers = {}) {
  HttpResponse response;
  response.status = status;
  response.headers = std::move(headers);
  return response;
}

absl::Status NotSent() {
  // The real table: a refused connection never carried the request.
  return CurlResultToStatus(CURLE_COULDNT_CONNECT, "Failed to connect to 127.0.0.1 port 1");
}

absl::Status Broken() {
  // The real table: a connection that broke mid-exchange may have delivered the request.
  return CurlResultToStatus(CURLE_RECV_ERROR, "Connection reset by peer");
}

absl::Status BreakerOpen() {
  absl::Status status = absl::UnavailableError("circuit breaker open");
  status.SetPayload(kBreakerOpenPayload, absl::Cord("1"));
  return status;
}

// The context of a call (a GET when idempotent, else a POST).
CallContext Request(bool idempotent, absl::Time deadline = absl::InfiniteFuture()) {
  CallContext context;
  context.idempotent = idempotent;
  context.deadline = deadline;
  context.route = idempotent ? "GetStack" : "CreateStack";
  return context;
}

// ---- IsRetryable ------------------------------------------------------------------------------

struct RetryableRow {
  std::string name;
  absl::StatusOr<HttpResponse> result;
  bool idempotent_retried;
  bool non_idempotent_retried;
};

void PrintTo(const RetryableRow& row, std::ostream* os) { *os << row.name; }

class IsRetryableTest : public ::testing::TestWithParam<RetryableRow> {};

TEST_P(IsRetryableTest, MatchesTheTable) {
  const RetryableRow& row = GetParam();
  EXPECT_EQ(RetryPolicy::IsRetryable(row.result, /*idempotent=*/true), row.idempotent_retried)
      << row.name << " (idempotent)";
  EXPECT_EQ(RetryPolicy::IsRetryable(row.result, /*idempotent=*/false), row.non_idempotent_retried)
      << row.name << " (not idempotent)";
}

std::vector<RetryableRow> RetryableRows() {
  absl::Status both = NotSent();
  both.SetPayload(kBreakerOpenPayload, absl::Cord("1"));
  return {
      // The upstream received these: only requests safe to repeat go again.
      {"Http429", Http(429), true, false},
      {"Http502", Http(502), true, false},
      {"Http503", Http(503), true, false},
      {"Http504", Http(504), true, false},
      {"Http429WithRetryAfter", Http(429, {{"Retry-After", "1"}}), true, false},
      // Never: the answer will not change, or it is a success.
      {"Http200", Http(200), false, false},
      {"Http204", Http(204), false, false},
      {"Http400", Http(400), false, false},
      {"Http401", Http(401), false, false},
      {"Http404", Http(404), false, false},
      {"Http409", Http(409), false, false},
      {"Http500", Http(500), false, false},
      {"Http501", Http(501), false, false},
      // Transport: never sent → safe for any verb; broken mid-way → idempotent only.
      {"UnavailableNotSent", NotSent(), true, true},
      {"UnavailableBroken", Broken(), true, false},
      {"UnavailableNoPayload", absl::UnavailableError("upstream connection failed"), true, false},
      {"UnavailableBreakerOpen", BreakerOpen(), false, false},
      {"UnavailableBreakerOpenAndNotSent", both, false, false},
      {"DeadlineExceeded", CurlResultToStatus(CURLE_OPERATION_TIMEDOUT, ""), false, false},
      {"Cancelled", absl::CancelledError("call cancelled"), false, false},
      {"ResourceExhaustedTooLarge", CurlResultToStatus(CURLE_FILESIZE_EXCEEDED, ""), false, false},
      {"Internal", absl::InternalError("upstream transfer failed"), false, false},
      // A not-sent payload on another code does not make it retryable.
      {"NotSentPayloadOnDeadline",
       [] {
         absl::Status s = absl::DeadlineExceededError("timeout");
         s.SetPayload(kNotSentPayload, absl::Cord("1"));
         return s;
       }(),
       false, false},
  };
}

INSTANTIATE_TEST_SUITE_P(Rows, IsRetryableTest, ::testing::ValuesIn(RetryableRows()),
                         [](const auto& info) { return info.param.name; });

// ---- NextDelay --------------------------------------------------------------------------------

RetryOptions Options(int max_attempts = 3, absl::Duration initial = absl::Milliseconds(100),
                     absl::Duration max = absl::Seconds(5)) {
  RetryOptions options;
  options.max_attempts = max_attempts;
  options.initial_backoff = initial;
  options.max_backoff = max;
  return options;
}

TEST(NextDelayTest, StopsWhenAttemptsAreUsedUp) {
  const RetryPolicy policy(Options(3));
  std::mt19937_64 random(1);
  const CallContext request = Request(true);
  EXPECT_TRUE(policy.NextDelay(Http(503), request, 1, kNow, &random).has_value());
  EXPECT_TRUE(policy.NextDelay(Http(503), request, 2, kNow, &random).has_value());
  EXPECT_EQ(policy.NextDelay(Http(503), request, 3, kNow, &random), std::nullopt);
  EXPECT_EQ(policy.NextDelay(Http(503), request, 4, kNow, &random), std::nullopt);
}

TEST(NextDelayTest, OneAttemptDisablesRetries) {
  const RetryPolicy policy(Options(1));
  std::mt19937_64 random(1);
  EXPECT_EQ(policy.NextDelay(Http(503), Request(true), 1, kNow, &random), std::nullopt);
  EXPECT_EQ(policy.NextDelay(NotSent(), Request(false), 1, kNow, &random), std::nullopt);
}

TEST(NextDelayTest, NotRetryableGivesUpWithAttemptsLeft) {
  const RetryPolicy policy(Options(10));
  std::mt19937_64 random(1);
  EXPECT_EQ(policy.NextDelay(Http(503), Request(false), 1, kNow, &random), std::nullopt);
  EXPECT_EQ(policy.NextDelay(Http(500), Request(true), 1, kNow, &random), std::nullopt);
  EXPECT_EQ(policy.NextDelay(BreakerOpen(), Request(true), 1, kNow, &random), std::nullopt);
  EXPECT_EQ(policy.NextDelay(Http(200), Request(true), 1, kNow, &random), std::nullopt);
}

TEST(NextDelayTest, ConnectFailureOfAPostIsRetried) {
  const RetryPolicy policy(Options(3));
  std::mt19937_64 random(1);
  EXPECT_TRUE(policy.NextDelay(NotSent(), Request(false), 1, kNow, &random).has_value());
  EXPECT_EQ(policy.NextDelay(Broken(), Request(false), 1, kNow, &random), std::nullopt);
}

// Full jitter: the delay before retry n is uniform in [0, min(max, initial * 2^(n-1))]. Sampled
// with a fixed seed: every delay is within the cap, and the spread reaches both ends (so the cap
// really doubles, and the delay really starts at zero).
TEST(NextDelayTest, FullJitterStaysUnderACapThatDoublesUpToMaxBackoff) {
  const RetryPolicy policy(Options(20, absl::Milliseconds(100), absl::Milliseconds(1500)));
  std::mt19937_64 random(20260421);
  const CallContext request = Request(true);
  const absl::Duration expected_caps[] = {absl::Milliseconds(100),  absl::Milliseconds(200),
                                          absl::Milliseconds(400),  absl::Milliseconds(800),
                                          absl::Milliseconds(1500), absl::Milliseconds(1500),
                                          absl::Milliseconds(1500)};
  for (int attempt = 1; attempt <= 7; ++attempt) {
    const absl::Duration cap = expected_caps[attempt - 1];
    absl::Duration lowest = absl::InfiniteDuration();
    absl::Duration highest = absl::ZeroDuration();
    absl::Duration sum = absl::ZeroDuration();
    constexpr int kSamples = 2000;
    for (int i = 0; i < kSamples; ++i) {
      std::optional<absl::Duration> delay =
          policy.NextDelay(Http(503), request, attempt, kNow, &random);
      ASSERT_TRUE(delay.has_value()) << "attempt " << attempt;
      ASSERT_GE(*delay, absl::ZeroDuration()) << "attempt " << attempt;
      ASSERT_LE(*delay, cap) << "attempt " << attempt;
      lowest = std::min(lowest, *delay);
      highest = std::max(highest, *delay);
      sum += *delay;
    }
    EXPECT_GE(highest, cap * 0.95) << "attempt " << attempt << ": cap not reached";
    EXPECT_LE(lowest, cap * 0.05) << "attempt " << attempt << ": not full jitter";
    // Uniform: the mean is about half the cap.
    EXPECT_NEAR(absl::FDivDuration(sum / kSamples, cap), 0.5, 0.05) << "attempt " << attempt;
  }
}

TEST(NextDelayTest, SameSeedSameDelays) {
  const RetryPolicy policy(Options(5));
  std::mt19937_64 a(7);
  std::mt19937_64 b(7);
  for (int attempt = 1; attempt < 5; ++attempt) {
    EXPECT_EQ(policy.NextDelay(Http(503), Request(true), attempt, kNow, &a),
              policy.NextDelay(Http(503), Request(true), attempt, kNow, &b));
  }
}

TEST(NextDelayTest, RetryAfterSecondsIsHonoured) {
  const RetryPolicy policy(Options(3));
  std::mt19937_64 random(3);
  for (const int status : {429, 503}) {
    std::optional<absl::Duration> delay =
        policy.NextDelay(Http(status, {{"Retry-After", "2"}}), Request(true), 1, kNow, &random);
    ASSERT_TRUE(delay.has_value()) << status;
    EXPECT_GE(*delay, absl::Seconds(2)) << status;
    // Jitter (≤ 100 ms here) never adds to an explicit wait.
    EXPECT_EQ(*delay, absl::Seconds(2)) << status;
  }
}

TEST(NextDelayTest, RetryAfterHeaderNameIsCaseInsensitive) {
  const RetryPolicy policy(Options(3));
  std::mt19937_64 random(3);
  EXPECT_THAT(policy.NextDelay(Http(429, {{"retry-after", "3"}}), Request(true), 1, kNow, &random),
              Optional(absl::Seconds(3)));
}

TEST(NextDelayTest, RetryAfterHttpDateIsHonoured) {
  const RetryPolicy policy(Options(3));
  std::mt19937_64 random(3);
  std::optional<absl::Duration> delay =
      policy.NextDelay(Http(503, {{"Retry-After", "Wed, 21 Oct 2026 07:28:07 GMT"}}), Request(true),
                       1, kNow, &random);
  ASSERT_TRUE(delay.has_value());
  EXPECT_GE(*delay, absl::Seconds(7));
  EXPECT_LE(*delay, absl::Seconds(7) + absl::Milliseconds(100));
}

TEST(NextDelayTest, RetryAfterDateInThePastFallsBackToTheBackoff) {
  const RetryPolicy policy(Options(3));
  std::mt19937_64 random(3);
  std::optional<absl::Duration> delay =
      policy.NextDelay(Http(503, {{"Retry-After", "Wed, 21 Oct 2026 07:00:00 GMT"}}), Request(true),
                       1, kNow, &random);
  ASSERT_TRUE(delay.has_value());
  EXPECT_LE(*delay, absl::Milliseconds(100));
}

TEST(NextDelayTest, MalformedRetryAfterFallsBackToTheBackoff) {
  const RetryPolicy policy(Options(3));
  std::mt19937_64 random(3);
  std::optional<absl::Duration> delay =
      policy.NextDelay(Http(503, {{"Retry-After", "soon"}}), Request(true), 1, kNow, &random);
  ASSERT_TRUE(delay.has_value());
  EXPECT_LE(*delay, absl::Milliseconds(100));
}

TEST(NextDelayTest, RetryAfterBeyondMaxRetryAfterGivesUp) {
  RetryOptions options = Options(3);
  options.max_retry_after = absl::Seconds(30);
  const RetryPolicy policy(options);
  std::mt19937_64 random(3);
  EXPECT_EQ(policy.NextDelay(Http(429, {{"Retry-After", "31"}}), Request(true), 1, kNow, &random),
            std::nullopt);
  EXPECT_EQ(policy.NextDelay(Http(503, {{"Retry-After", "Wed, 21 Oct 2026 08:28:00 GMT"}}),
                             Request(true), 1, kNow, &random),
            std::nullopt);
  // Exactly the maximum is still waited for.
  EXPECT_THAT(policy.NextDelay(Http(429, {{"Retry-After", "30"}}), Request(true), 1, kNow, &random),
              Optional(absl::Seconds(30)));
}

TEST(NextDelayTest, NoRetryWhenTheWaitEndsAtOrPastTheDeadline) {
  const RetryPolicy policy(Options(3));
  std::mt19937_64 random(3);
  const auto retry_after_1s = Http(503, {{"Retry-After", "1"}});
  EXPECT_EQ(policy.NextDelay(retry_after_1s, Request(true, kNow + absl::Milliseconds(500)), 1, kNow,
                             &random),
            std::nullopt);
  EXPECT_EQ(
      policy.NextDelay(retry_after_1s, Request(true, kNow + absl::Seconds(1)), 1, kNow, &random),
      std::nullopt)
      << "a wait ending exactly at the deadline leaves no time for the attempt";
  EXPECT_THAT(policy.NextDelay(retry_after_1s, Request(true, kNow + absl::Milliseconds(1500)), 1,
                               kNow, &random),
              Optional(absl::Seconds(1)));
  // Deadline already passed: never.
  EXPECT_EQ(policy.NextDelay(Http(503), Request(true, kNow), 1, kNow, &random), std::nullopt);
  EXPECT_EQ(policy.NextDelay(NotSent(), Request(false, kNow - absl::Seconds(1)), 1, kNow, &random),
            std::nullopt);
}

TEST(NextDelayTest, JitteredDelaysNeverCrossTheDeadline) {
  const RetryPolicy policy(Options(3, absl::Milliseconds(100)));
  std::mt19937_64 random(11);
  const CallContext request = Request(true, kNow + absl::Milliseconds(40));
  int retried = 0;
  int gave_up = 0;
  for (int i = 0; i < 1000; ++i) {
    std::optional<absl::Duration> delay = policy.NextDelay(Http(503), request, 1, kNow, &random);
    if (delay.has_value()) {
      ++retried;
      EXPECT_LT(kNow + *delay, request.deadline);
    } else {
      ++gave_up;
    }
  }
  // Uniform over [0, 100 ms] against 40 ms left: both outcomes happen.
  EXPECT_GT(retried, 300);
  EXPECT_GT(gave_up, 300);
}

// ---- RetryBudget ------------------------------------------------------------------------------

RetryOptions BudgetOptions(double ratio, double max_tokens) {
  RetryOptions options;
  options.budget_ratio = ratio;
  options.budget_max_tokens = max_tokens;
  return options;
}

TEST(RetryBudgetTest, StartsFullAndRefusesWhenEmpty) {
  RetryBudget budget(BudgetOptions(0.2, 20));
  EXPECT_DOUBLE_EQ(budget.tokens(), 20);
  for (int i = 0; i < 20; ++i) EXPECT_TRUE(budget.TryWithdraw()) << i;
  EXPECT_FALSE(budget.TryWithdraw());
  EXPECT_DOUBLE_EQ(budget.tokens(), 0);
}

TEST(RetryBudgetTest, EachCallEarnsRatioOfARetry) {
  RetryBudget budget(BudgetOptions(0.25, 20));
  for (int i = 0; i < 20; ++i) ASSERT_TRUE(budget.TryWithdraw());
  for (int i = 0; i < 3; ++i) {
    budget.Deposit();
    EXPECT_FALSE(budget.TryWithdraw()) << "after " << i + 1 << " calls";
  }
  budget.Deposit();
  EXPECT_TRUE(budget.TryWithdraw()) << "four calls at 0.25 earn one retry";
  EXPECT_FALSE(budget.TryWithdraw());
}

TEST(RetryBudgetTest, DepositsStopAtTheMaximum) {
  RetryBudget budget(BudgetOptions(0.5, 3));
  for (int i = 0; i < 100; ++i) budget.Deposit();
  EXPECT_DOUBLE_EQ(budget.tokens(), 3);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(budget.TryWithdraw());
  EXPECT_FALSE(budget.TryWithdraw());
}

TEST(RetryBudgetTest, ZeroRatioNeverRefills) {
  RetryBudget budget(BudgetOptions(0, 2));
  EXPECT_TRUE(budget.TryWithdraw());
  EXPECT_TRUE(budget.TryWithdraw());
  for (int i = 0; i < 1000; ++i) budget.Deposit();
  EXPECT_FALSE(budget.TryWithdraw());
}

// An outage where every call wants every retry it can get: retries stay at the initial burst plus
// about `ratio` per call, instead of (max_attempts - 1) per call.
TEST(RetryBudgetTest, BoundsRetriesToAboutRatioOfCallsDuringAnOutage) {
  for (const double ratio : {0.1, 0.2, 0.5}) {
    RetryBudget budget(BudgetOptions(ratio, 20));
    constexpr int kCalls = 1000;
    int retries = 0;
    for (int call = 0; call < kCalls; ++call) {
      budget.Deposit();
      for (int retry = 0; retry < 2; ++retry) retries += budget.TryWithdraw() ? 1 : 0;
    }
    const double bound = 20 + kCalls * ratio;
    EXPECT_LE(retries, bound) << "ratio " << ratio;
    EXPECT_GE(retries, bound - 2) << "ratio " << ratio << ": the budget is stingier than its ratio";
  }
}

}  // namespace
}  // namespace pulumi_gateway
