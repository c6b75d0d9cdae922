// RetryingUpstream against a gmock'd inner UpstreamClient on a FakeClock (the fake answers at the
// current fake time, never inside Send, as every UpstreamClient must). Checks the attempts made,
// the result handed back, the retry budget, cancellation during backoff and during an attempt, and
// the deadline. Backoffs are random within their cap, so tests advance the clock by the cap.
#include "gateway/upstream/retrying_upstream.h"

#include <curl/curl.h>

#include <atomic>
#include <functional>
#include <memory>
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
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::Invoke;
using ::testing::StrictMock;

using upstream_testing::Context;
using upstream_testing::FakeInner;
using upstream_testing::Get;
using upstream_testing::Http;
using upstream_testing::MockUpstream;
using upstream_testing::Outcome;
using upstream_testing::SendTo;

HttpRequest Post() {
  HttpRequest request;
  request.method = "POST";
  request.path = "/api/stacks/acme-corp/payments-api";
  request.body = R"({"stackName":"dev2"})";
  request.has_body = true;
  return request;
}

CallContext PostContext() {
  CallContext context;
  context.route = "CreateStack";
  context.idempotent = false;
  return context;
}

// Backoff caps of 1 ms, then 2 ms: these tests are about which attempts happen.
RetryOptions Fast(int max_attempts = 3) {
  RetryOptions options;
  options.max_attempts = max_attempts;
  options.initial_backoff = absl::Milliseconds(1);
  options.max_backoff = absl::Milliseconds(2);
  return options;
}
// Longer than every backoff Fast() allows between all of a call's attempts.
constexpr absl::Duration kAllBackoffs = absl::Milliseconds(20);

class RetryingUpstreamTest : public ::testing::Test {
 protected:
  std::function<void(const CallContext&)> CountRetries() {
    return [this](const CallContext&) { ++retries_; };
  }
  // Sends `request` and lets every attempt and backoff run.
  absl::StatusOr<HttpResponse> Call(RetryingUpstream& retrying, HttpRequest request,
                                    CallContext context = Context()) {
    Outcome outcome(clock_);
    SendTo(retrying, std::move(request), outcome, std::move(context));
    clock_.Advance(kAllBackoffs);
    return outcome.result();
  }

  FakeClock clock_;
  const absl::Time t0_ = clock_.Now();
  StrictMock<MockUpstream> inner_;
  FakeInner fake_{&clock_};
  std::atomic<int> retries_{0};
};

TEST_F(RetryingUpstreamTest, RetriesTwo503sThenReturnsThe200) {
  RetryingUpstream retrying(&inner_, &clock_, Fast(), CountRetries());
  EXPECT_CALL(inner_, Send(_, _, _))
      .WillOnce(fake_.Answer(Http(503)))
      .WillOnce(fake_.Answer(Http(503)))
      .WillOnce(fake_.Answer(Http(200)));
  absl::StatusOr<HttpResponse> result = Call(retrying, Get());
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->body, R"({"orgName":"acme-corp"})");
  EXPECT_EQ(fake_.sends(), 3);
  EXPECT_EQ(retries_.load(), 2);
  // Each attempt is the same request, each within its backoff cap of the previous answer.
  const std::vector<absl::Time> sent = fake_.sent_at();
  EXPECT_EQ(sent[0], t0_);
  EXPECT_LE(sent[1] - sent[0], absl::Milliseconds(1));
  EXPECT_LE(sent[2] - sent[1], absl::Milliseconds(2));
  for (const HttpRequest& request : fake_.requests()) {
    EXPECT_EQ(request.method, "GET");
    EXPECT_EQ(request.path, "/api/stacks/acme-corp/payments-api/prod");
  }
}

TEST_F(RetryingUpstreamTest, GivesUpAfterMaxAttemptsWithTheLastResult) {
  RetryingUpstream retrying(&inner_, &clock_, Fast(3), CountRetries());
  EXPECT_CALL(inner_, Send(_, _, _))
      .WillOnce(fake_.Answer(Http(503)))
      .WillOnce(fake_.Answer(Http(502)))
      .WillOnce(fake_.Answer(Http(504)));
  absl::StatusOr<HttpResponse> result = Call(retrying, Get());
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->status, 504);
  EXPECT_EQ(retries_.load(), 2);
}

TEST_F(RetryingUpstreamTest, PostIsNotRetriedOn503) {
  RetryingUpstream retrying(&inner_, &clock_, Fast(), CountRetries());
  EXPECT_CALL(inner_, Send(Field(&HttpRequest::method, "POST"), _, _))
      .WillOnce(fake_.Answer(Http(503)));
  absl::StatusOr<HttpResponse> result = Call(retrying, Post(), PostContext());
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->status, 503);
  EXPECT_EQ(retries_.load(), 0);
}

TEST_F(RetryingUpstreamTest, PostIsNotRetriedWhenTheConnectionBrokeMidway) {
  RetryingUpstream retrying(&inner_, &clock_, Fast(), CountRetries());
  EXPECT_CALL(inner_, Send(_, _, _))
      .WillOnce(fake_.Answer(CurlResultToStatus(CURLE_RECV_ERROR, "Connection reset by peer")));
  absl::StatusOr<HttpResponse> result = Call(retrying, Post(), PostContext());
  EXPECT_EQ(result.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(result.status().message(), HasSubstr("Connection reset by peer"));
}

TEST_F(RetryingUpstreamTest, AnAnswerThatBrokeHttpIsRetriedOnceOnANewConnection) {
  RetryingUpstream retrying(&inner_, &clock_, Fast(5), CountRetries());
  EXPECT_CALL(inner_, Send(_, _, _))
      .Times(2)
      .WillRepeatedly(fake_.Answer(UpstreamProtocolError("two different Content-Length values")));
  absl::StatusOr<HttpResponse> result = Call(retrying, Get());
  EXPECT_EQ(result.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(result.status().message(), HasSubstr("two different Content-Length values"));
  EXPECT_EQ(retries_.load(), 1);
  ASSERT_EQ(fake_.contexts().size(), 2u);
  EXPECT_FALSE(fake_.contexts()[0].fresh_connection);
  EXPECT_TRUE(fake_.contexts()[1].fresh_connection);
}

TEST_F(RetryingUpstreamTest, PostIsNotRetriedAfterAnAnswerThatBrokeHttp) {
  RetryingUpstream retrying(&inner_, &clock_, Fast(), CountRetries());
  EXPECT_CALL(inner_, Send(_, _, _))
      .WillOnce(fake_.Answer(UpstreamProtocolError("status code 600 is outside 100-599")));
  absl::StatusOr<HttpResponse> result = Call(retrying, Post(), PostContext());
  EXPECT_EQ(result.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(retries_.load(), 0);
}

TEST_F(RetryingUpstreamTest, PostIsRetriedWhenItWasNeverSent) {
  RetryingUpstream retrying(&inner_, &clock_, Fast(), CountRetries());
  EXPECT_CALL(inner_, Send(_, _, _))
      .WillOnce(fake_.Answer(CurlResultToStatus(CURLE_COULDNT_CONNECT, "Connection refused")))
      .WillOnce(fake_.Answer(Http(200)));
  absl::StatusOr<HttpResponse> result = Call(retrying, Post(), PostContext());
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(retries_.load(), 1);
  EXPECT_EQ(fake_.requests().back().body, R"({"stackName":"dev2"})");
}

TEST_F(RetryingUpstreamTest, NonRetryableResultsReturnAfterOneAttempt) {
  RetryingUpstream retrying(&inner_, &clock_, Fast(), CountRetries());
  absl::Status breaker_open = absl::UnavailableError("circuit breaker open");
  breaker_open.SetPayload(kBreakerOpenPayload, absl::Cord("1"));
  const std::vector<absl::StatusOr<HttpResponse>> results = {
      Http(500), Http(404), Http(400), absl::DeadlineExceededError("upstream did not answer"),
      breaker_open};
  for (const auto& answer : results) {
    EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Answer(answer));
    Outcome outcome(clock_);
    SendTo(retrying, Get(), outcome);
    clock_.RunDue();
    absl::StatusOr<HttpResponse> result = outcome.result();
    EXPECT_EQ(result.ok(), answer.ok());
    if (answer.ok()) {
      EXPECT_EQ(result->status, answer->status);
    } else {
      EXPECT_EQ(result.status(), answer.status());
    }
    ::testing::Mock::VerifyAndClearExpectations(&inner_);
  }
  EXPECT_EQ(retries_.load(), 0);
}

TEST_F(RetryingUpstreamTest, ExhaustedBudgetStopsRetries) {
  RetryOptions options = Fast(3);
  options.budget_max_tokens = 1;  // one retry in the bank...
  options.budget_ratio = 0;       // ...and calls earn none
  RetryingUpstream retrying(&inner_, &clock_, options, CountRetries());
  EXPECT_CALL(inner_, Send(_, _, _)).WillRepeatedly(fake_.Answer(Http(503)));

  absl::StatusOr<HttpResponse> result = Call(retrying, Get());
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->status, 503);
  EXPECT_EQ(fake_.sends(), 2) << "the one token pays for one retry, not two";
  EXPECT_DOUBLE_EQ(retrying.budget().tokens(), 0);

  result = Call(retrying, Get());
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->status, 503);
  EXPECT_EQ(fake_.sends(), 3) << "no token left: no retry";
  EXPECT_EQ(retries_.load(), 1);
}

TEST_F(RetryingUpstreamTest, CallsRefillTheBudget) {
  RetryOptions options = Fast(2);
  options.budget_max_tokens = 1;
  options.budget_ratio = 0.5;
  RetryingUpstream retrying(&inner_, &clock_, options, CountRetries());
  EXPECT_CALL(inner_, Send(_, _, _)).WillRepeatedly(fake_.Answer(Http(503)));
  // Call 1 spends the initial token; call 2 earns half a token (not enough); call 3 completes it.
  for (int call = 1; call <= 3; ++call) ASSERT_TRUE(Call(retrying, Get()).ok());
  EXPECT_EQ(retries_.load(), 2);
  EXPECT_EQ(fake_.sends(), 5);
}

TEST_F(RetryingUpstreamTest, RetryAfterSetsTheBackoffExactly) {
  RetryingUpstream retrying(&inner_, &clock_, Fast(), CountRetries());
  EXPECT_CALL(inner_, Send(_, _, _))
      .WillOnce(fake_.Answer(Http(503, {{"Retry-After", "1"}})))
      .WillOnce(fake_.Answer(Http(200)));
  Outcome outcome(clock_);
  SendTo(retrying, Get(), outcome);
  clock_.Advance(absl::Seconds(1) - absl::Nanoseconds(1));
  EXPECT_EQ(fake_.sends(), 1) << "resent before Retry-After";
  clock_.Advance(absl::Nanoseconds(1));
  EXPECT_EQ(fake_.sends(), 2);
  EXPECT_EQ(fake_.sent_at().back(), t0_ + absl::Seconds(1));
  EXPECT_EQ(outcome.result()->status, 200);
}

TEST_F(RetryingUpstreamTest, CancelDuringBackoffEndsTheCallAtOnceWithoutAnotherAttempt) {
  RetryingUpstream retrying(&inner_, &clock_, Fast(), CountRetries());
  // Retry-After pins the backoff at one second.
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Answer(Http(503, {{"Retry-After", "1"}})));
  Outcome outcome(clock_);
  SendTo(retrying, Get(), outcome);
  clock_.Advance(absl::Milliseconds(400));
  ASSERT_EQ(retries_.load(), 1) << "a retry is waiting";

  outcome.Cancel();
  clock_.RunDue();
  absl::StatusOr<HttpResponse> result = outcome.result();
  EXPECT_EQ(result.status().code(), absl::StatusCode::kCancelled);
  EXPECT_THAT(result.status().message(), HasSubstr("cancelled"));
  EXPECT_EQ(outcome.at(), t0_ + absl::Milliseconds(400)) << "not when cancelled";

  // The retry's time comes and goes: StrictMock fails on a second Send.
  clock_.Advance(absl::Seconds(2));
  EXPECT_EQ(fake_.sends(), 1);
  EXPECT_EQ(outcome.calls(), 1);
}

// The cancel comes after the answer was judged retryable but before the backoff timer exists (here
// from the retry hook): it finds no backoff to stop, and must still end the call at once.
TEST_F(RetryingUpstreamTest, CancelBetweenTheRetryDecisionAndTheBackoffEndsTheCallAtOnce) {
  Outcome outcome(clock_);
  RetryingUpstream retrying(&inner_, &clock_, Fast(), [&](const CallContext&) {
    ++retries_;
    outcome.Cancel();
  });
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Answer(Http(503, {{"Retry-After", "1"}})));
  SendTo(retrying, Get(), outcome);
  clock_.RunDue();
  ASSERT_EQ(retries_.load(), 1);
  EXPECT_EQ(outcome.result().status().code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(outcome.at(), t0_) << "waited for the backoff it should have stopped";
  clock_.Advance(absl::Seconds(2));
  EXPECT_EQ(fake_.sends(), 1);
}

TEST_F(RetryingUpstreamTest, CancelDuringAnAttemptCancelsTheInnerCall) {
  RetryingUpstream retrying(&inner_, &clock_, Fast(), CountRetries());
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Hold());
  Outcome outcome(clock_);
  SendTo(retrying, Get(), outcome);

  outcome.Cancel();
  clock_.Advance(kAllBackoffs);
  absl::StatusOr<HttpResponse> result = outcome.result();
  EXPECT_EQ(result.status().code(), absl::StatusCode::kCancelled);
  EXPECT_TRUE(fake_.cancelled(1000)) << "the cancel must reach the attempt in flight";
  EXPECT_EQ(retries_.load(), 0) << "a cancelled attempt is not retried";
}

TEST_F(RetryingUpstreamTest, CancelAfterCompletionIsANoOp) {
  RetryingUpstream retrying(&inner_, &clock_, Fast(), CountRetries());
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Answer(Http(200)));
  Outcome outcome(clock_);
  SendTo(retrying, Get(), outcome);
  clock_.RunDue();
  ASSERT_TRUE(outcome.result().ok());
  outcome.Cancel();
  clock_.RunDue();
  EXPECT_EQ(outcome.calls(), 1);
  EXPECT_TRUE(outcome.result().ok());
}

TEST_F(RetryingUpstreamTest, RetryAfterPastTheDeadlineReturnsTheAnswerAtOnce) {
  RetryingUpstream retrying(&inner_, &clock_, Fast(), CountRetries());
  const absl::Time deadline = t0_ + absl::Milliseconds(500);
  EXPECT_CALL(inner_, Send(_, Field(&CallContext::deadline, deadline), _))
      .WillOnce(fake_.Answer(Http(429, {{"Retry-After", "2"}})));
  Outcome outcome(clock_);
  SendTo(retrying, Get(), outcome, Context(deadline));
  clock_.RunDue();

  absl::StatusOr<HttpResponse> result = outcome.result();
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->status, 429);
  EXPECT_EQ(FindHeader(result->headers, "Retry-After"), "2");
  EXPECT_EQ(outcome.at(), t0_) << "should not wait for nothing";
  EXPECT_EQ(retries_.load(), 0);
}

TEST_F(RetryingUpstreamTest, NoAttemptStartsAfterTheDeadline) {
  RetryOptions options;
  options.max_attempts = 100;
  options.initial_backoff = absl::Milliseconds(60);
  options.max_backoff = absl::Milliseconds(60);
  RetryingUpstream retrying(&inner_, &clock_, options, CountRetries());
  const absl::Time deadline = t0_ + absl::Milliseconds(300);
  EXPECT_CALL(inner_, Send(_, Field(&CallContext::deadline, deadline), _))
      .WillRepeatedly(fake_.Answer(Http(503)));
  Outcome outcome(clock_);
  SendTo(retrying, Get(), outcome, Context(deadline));
  clock_.Advance(absl::Seconds(1));

  absl::StatusOr<HttpResponse> result = outcome.result();
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->status, 503);
  // Attempts at most 60 ms apart stop once the next could start past the deadline: not before
  // 240 ms, so at least five attempts.
  const std::vector<absl::Time> sent = fake_.sent_at();
  EXPECT_GE(sent.size(), 5u);
  EXPECT_LT(sent.size(), 100u);
  for (absl::Time at : sent) EXPECT_LT(at, deadline);
  EXPECT_EQ(outcome.at(), sent.back()) << "the last answer comes back at once, not after a backoff";
}

TEST_F(RetryingUpstreamTest, InterleavedCallsAreIndependent) {
  RetryingUpstream retrying(&inner_, &clock_, Fast(), CountRetries());
  // GETs: 503 then 200. POSTs: 503 only.
  EXPECT_CALL(inner_, Send(Field(&HttpRequest::method, "GET"), _, _))
      .Times(20)
      .WillRepeatedly(
          Invoke([this, n = std::make_shared<std::atomic<int>>(0)](
                     HttpRequest request, CallContext context, UpstreamClient::Callback done) {
            // Odd attempts fail, even ones succeed: every GET needs exactly one retry.
            const bool fail = (n->fetch_add(1) % 2) == 0;
            fake_.Reply(request, context, std::move(done), fail ? Http(503) : Http(200));
          }));
  EXPECT_CALL(inner_, Send(Field(&HttpRequest::method, "POST"), _, _))
      .Times(5)
      .WillRepeatedly(fake_.Answer(Http(503)));
  // Sequential GETs so that the odd/even pairing is per call; POSTs interleaved.
  for (int i = 0; i < 10; ++i) {
    Outcome get(clock_);
    SendTo(retrying, Get(), get);
    Outcome post(clock_);
    if (i % 2 == 0) SendTo(retrying, Post(), post, PostContext());
    clock_.Advance(kAllBackoffs);
    absl::StatusOr<HttpResponse> got = get.result();
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(got->status, 200);
    if (i % 2 == 0) {
      absl::StatusOr<HttpResponse> posted = post.result();
      ASSERT_TRUE(posted.ok());
      EXPECT_EQ(posted->status, 503);
    }
  }
  EXPECT_EQ(retries_.load(), 10);
}

}  // namespace
}  // namespace pulumi_gateway
