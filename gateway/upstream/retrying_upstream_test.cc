// RetryingUpstream against a gmock'd inner UpstreamClient that completes calls later, on a thread
// of its own (as every UpstreamClient must: never inside Send). Checks the attempts made, the
// result handed back, the retry budget, cancellation during backoff and during an attempt, and the
// deadline.
#include "gateway/upstream/retrying_upstream.h"

#include <curl/curl.h>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/cord.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gateway/http/http_types.h"
#include "gateway/status/curl_status.h"
#include "gateway/upstream/timer_queue.h"
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

using upstream_testing::FakeInner;
using upstream_testing::Get;
using upstream_testing::Http;
using upstream_testing::kWait;
using upstream_testing::MockUpstream;
using upstream_testing::Outcome;
using upstream_testing::SendTo;

HttpRequest Post(absl::Time deadline = absl::InfiniteFuture()) {
  HttpRequest request;
  request.method = "POST";
  request.path = "/api/stacks/acme-corp/payments-api";
  request.route = "CreateStack";
  request.body = R"({"stackName":"dev2"})";
  request.has_body = true;
  request.idempotent = false;
  request.deadline = deadline;
  return request;
}

// Tiny backoffs: these tests are about which attempts happen, not how long they wait.
RetryOptions Fast(int max_attempts = 3) {
  RetryOptions options;
  options.max_attempts = max_attempts;
  options.initial_backoff = absl::Milliseconds(1);
  options.max_backoff = absl::Milliseconds(2);
  return options;
}

class RetryingUpstreamTest : public ::testing::Test {
 protected:
  // Declared before the decorator's users so that it outlives every callback.
  StrictMock<MockUpstream> inner_;
  FakeInner fake_;
  TimerQueue timers_;
  std::atomic<int> retries_{0};
  std::function<void(const HttpRequest&)> CountRetries() {
    return [this](const HttpRequest&) { ++retries_; };
  }
};

TEST_F(RetryingUpstreamTest, RetriesTwo503sThenReturnsThe200) {
  RetryingUpstream retrying(&inner_, &timers_, Fast(), CountRetries());
  EXPECT_CALL(inner_, Send(_, _))
      .WillOnce(fake_.Answer(Http(503)))
      .WillOnce(fake_.Answer(Http(503)))
      .WillOnce(fake_.Answer(Http(200)));
  Outcome outcome;
  SendTo(retrying, Get(), outcome);

  absl::StatusOr<HttpResponse> result = outcome.Wait();
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->body, R"({"orgName":"acme-corp"})");
  EXPECT_EQ(fake_.sends(), 3);
  EXPECT_EQ(retries_.load(), 2);
  // Each attempt is the same request.
  for (const HttpRequest& sent : fake_.requests()) {
    EXPECT_EQ(sent.method, "GET");
    EXPECT_EQ(sent.path, "/api/stacks/acme-corp/payments-api/prod");
  }
}

TEST_F(RetryingUpstreamTest, GivesUpAfterMaxAttemptsWithTheLastResult) {
  RetryingUpstream retrying(&inner_, &timers_, Fast(3), CountRetries());
  EXPECT_CALL(inner_, Send(_, _))
      .WillOnce(fake_.Answer(Http(503)))
      .WillOnce(fake_.Answer(Http(502)))
      .WillOnce(fake_.Answer(Http(504)));
  Outcome outcome;
  SendTo(retrying, Get(), outcome);

  absl::StatusOr<HttpResponse> result = outcome.Wait();
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->status, 504);
  EXPECT_EQ(retries_.load(), 2);
}

TEST_F(RetryingUpstreamTest, PostIsNotRetriedOn503) {
  RetryingUpstream retrying(&inner_, &timers_, Fast(), CountRetries());
  EXPECT_CALL(inner_, Send(Field(&HttpRequest::method, "POST"), _))
      .WillOnce(fake_.Answer(Http(503)));
  Outcome outcome;
  SendTo(retrying, Post(), outcome);

  absl::StatusOr<HttpResponse> result = outcome.Wait();
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->status, 503);
  EXPECT_EQ(retries_.load(), 0);
}

TEST_F(RetryingUpstreamTest, PostIsNotRetriedWhenTheConnectionBrokeMidway) {
  RetryingUpstream retrying(&inner_, &timers_, Fast(), CountRetries());
  EXPECT_CALL(inner_, Send(_, _))
      .WillOnce(fake_.Answer(CurlResultToStatus(CURLE_RECV_ERROR, "Connection reset by peer")));
  Outcome outcome;
  SendTo(retrying, Post(), outcome);

  absl::StatusOr<HttpResponse> result = outcome.Wait();
  EXPECT_EQ(result.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(result.status().message(), HasSubstr("Connection reset by peer"));
}

TEST_F(RetryingUpstreamTest, AnAnswerThatBrokeHttpIsRetriedOnceOnANewConnection) {
  RetryingUpstream retrying(&inner_, &timers_, Fast(5), CountRetries());
  EXPECT_CALL(inner_, Send(_, _))
      .Times(2)
      .WillRepeatedly(fake_.Answer(UpstreamProtocolError("two different Content-Length values")));
  Outcome outcome;
  SendTo(retrying, Get(), outcome);

  absl::StatusOr<HttpResponse> result = outcome.Wait();
  EXPECT_EQ(result.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(result.status().message(), HasSubstr("two different Content-Length values"));
  EXPECT_EQ(retries_.load(), 1);
  ASSERT_EQ(fake_.requests().size(), 2u);
  EXPECT_FALSE(fake_.requests()[0].fresh_connection);
  EXPECT_TRUE(fake_.requests()[1].fresh_connection);
}

TEST_F(RetryingUpstreamTest, PostIsNotRetriedAfterAnAnswerThatBrokeHttp) {
  RetryingUpstream retrying(&inner_, &timers_, Fast(), CountRetries());
  EXPECT_CALL(inner_, Send(_, _))
      .WillOnce(fake_.Answer(UpstreamProtocolError("status code 600 is outside 100-599")));
  Outcome outcome;
  SendTo(retrying, Post(), outcome);
  EXPECT_EQ(outcome.Wait().status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(retries_.load(), 0);
}

TEST_F(RetryingUpstreamTest, PostIsRetriedWhenItWasNeverSent) {
  RetryingUpstream retrying(&inner_, &timers_, Fast(), CountRetries());
  EXPECT_CALL(inner_, Send(_, _))
      .WillOnce(fake_.Answer(CurlResultToStatus(CURLE_COULDNT_CONNECT, "Connection refused")))
      .WillOnce(fake_.Answer(Http(200)));
  Outcome outcome;
  SendTo(retrying, Post(), outcome);

  absl::StatusOr<HttpResponse> result = outcome.Wait();
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(retries_.load(), 1);
  EXPECT_EQ(fake_.requests().back().body, R"({"stackName":"dev2"})");
}

TEST_F(RetryingUpstreamTest, NonRetryableResultsReturnAfterOneAttempt) {
  RetryingUpstream retrying(&inner_, &timers_, Fast(), CountRetries());
  absl::Status breaker_open = absl::UnavailableError("circuit breaker open");
  breaker_open.SetPayload(kBreakerOpenPayload, absl::Cord("1"));
  const std::vector<absl::StatusOr<HttpResponse>> results = {
      Http(500), Http(404), Http(400), absl::DeadlineExceededError("upstream did not answer"),
      breaker_open};
  for (const auto& answer : results) {
    EXPECT_CALL(inner_, Send(_, _)).WillOnce(fake_.Answer(answer));
    Outcome outcome;
    SendTo(retrying, Get(), outcome);
    absl::StatusOr<HttpResponse> result = outcome.Wait();
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
  RetryingUpstream retrying(&inner_, &timers_, options, CountRetries());
  EXPECT_CALL(inner_, Send(_, _)).WillRepeatedly(fake_.Answer(Http(503)));

  Outcome first;
  SendTo(retrying, Get(), first);
  absl::StatusOr<HttpResponse> result = first.Wait();
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->status, 503);
  EXPECT_EQ(fake_.sends(), 2) << "the one token pays for one retry, not two";
  EXPECT_DOUBLE_EQ(retrying.budget().tokens(), 0);

  Outcome second;
  SendTo(retrying, Get(), second);
  result = second.Wait();
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->status, 503);
  EXPECT_EQ(fake_.sends(), 3) << "no token left: no retry";
  EXPECT_EQ(retries_.load(), 1);
}

TEST_F(RetryingUpstreamTest, CallsRefillTheBudget) {
  RetryOptions options = Fast(2);
  options.budget_max_tokens = 1;
  options.budget_ratio = 0.5;
  RetryingUpstream retrying(&inner_, &timers_, options, CountRetries());
  EXPECT_CALL(inner_, Send(_, _)).WillRepeatedly(fake_.Answer(Http(503)));
  // Call 1 spends the initial token; call 2 earns half a token (not enough); call 3 completes it.
  for (int call = 1; call <= 3; ++call) {
    Outcome outcome;
    SendTo(retrying, Get(), outcome);
    ASSERT_TRUE(outcome.Wait().ok());
  }
  EXPECT_EQ(retries_.load(), 2);
  EXPECT_EQ(fake_.sends(), 5);
}

TEST_F(RetryingUpstreamTest, CancelDuringBackoffEndsTheCallPromptlyWithoutAnotherAttempt) {
  absl::Notification retry_scheduled;
  RetryingUpstream retrying(&inner_, &timers_, Fast(),
                            [&](const HttpRequest&) { retry_scheduled.Notify(); });
  // Retry-After pins the backoff at (at least) one second.
  EXPECT_CALL(inner_, Send(_, _)).WillOnce(fake_.Answer(Http(503, {{"Retry-After", "1"}})));
  Outcome outcome;
  const uint64_t id = SendTo(retrying, Get(), outcome);
  ASSERT_TRUE(retry_scheduled.WaitForNotificationWithTimeout(kWait));

  const absl::Time cancelled_at = absl::Now();
  retrying.Cancel(id);
  absl::StatusOr<HttpResponse> result = outcome.Wait();
  EXPECT_EQ(result.status().code(), absl::StatusCode::kCancelled);
  EXPECT_THAT(result.status().message(), HasSubstr("cancelled"));
  EXPECT_LT(outcome.at() - cancelled_at, absl::Milliseconds(200)) << "not prompt";

  // The retry was due in ~1 s on the same timer queue: once a marker due after it has run, the
  // retry would have run too. StrictMock fails on a second Send.
  absl::Notification marker;
  timers_.Schedule(absl::Now() + absl::Milliseconds(1100), [&] { marker.Notify(); });
  ASSERT_TRUE(marker.WaitForNotificationWithTimeout(kWait));
  EXPECT_EQ(fake_.sends(), 1);
  EXPECT_EQ(outcome.calls(), 1);
}

TEST_F(RetryingUpstreamTest, CancelDuringAnAttemptCancelsTheInnerCall) {
  RetryingUpstream retrying(&inner_, &timers_, Fast(), CountRetries());
  EXPECT_CALL(inner_, Send(_, _)).WillOnce(fake_.Hold());
  EXPECT_CALL(inner_, Cancel(1000)).WillOnce(fake_.CancelHeld());
  Outcome outcome;
  const uint64_t id = SendTo(retrying, Get(), outcome);

  retrying.Cancel(id);
  absl::StatusOr<HttpResponse> result = outcome.Wait();
  EXPECT_EQ(result.status().code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(retries_.load(), 0) << "a cancelled attempt is not retried";
}

TEST_F(RetryingUpstreamTest, CancelAfterCompletionIsANoOp) {
  RetryingUpstream retrying(&inner_, &timers_, Fast(), CountRetries());
  EXPECT_CALL(inner_, Send(_, _)).WillOnce(fake_.Answer(Http(200)));
  Outcome outcome;
  const uint64_t id = SendTo(retrying, Get(), outcome);
  ASSERT_TRUE(outcome.Wait().ok());
  retrying.Cancel(id);  // StrictMock: no inner Cancel
  retrying.Cancel(id + 12345);
  EXPECT_EQ(outcome.calls(), 1);
}

TEST_F(RetryingUpstreamTest, RetryAfterPastTheDeadlineReturnsTheAnswerAtOnce) {
  RetryingUpstream retrying(&inner_, &timers_, Fast(), CountRetries());
  const absl::Time deadline = absl::Now() + absl::Milliseconds(500);
  EXPECT_CALL(inner_, Send(Field(&HttpRequest::deadline, deadline), _))
      .WillOnce(fake_.Answer(Http(429, {{"Retry-After", "2"}})));
  Outcome outcome;
  const absl::Time start = absl::Now();
  SendTo(retrying, Get(deadline), outcome);

  absl::StatusOr<HttpResponse> result = outcome.Wait();
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->status, 429);
  EXPECT_EQ(FindHeader(result->headers, "Retry-After"), "2");
  EXPECT_LT(outcome.at() - start, absl::Milliseconds(400)) << "should not wait for nothing";
  EXPECT_EQ(retries_.load(), 0);
}

TEST_F(RetryingUpstreamTest, NoAttemptStartsAfterTheDeadline) {
  RetryOptions options;
  options.max_attempts = 100;
  options.initial_backoff = absl::Milliseconds(60);
  options.max_backoff = absl::Milliseconds(60);
  RetryingUpstream retrying(&inner_, &timers_, options, CountRetries());
  const absl::Time deadline = absl::Now() + absl::Milliseconds(300);
  EXPECT_CALL(inner_, Send(Field(&HttpRequest::deadline, deadline), _))
      .WillRepeatedly(fake_.Answer(Http(503)));
  Outcome outcome;
  SendTo(retrying, Get(deadline), outcome);

  absl::StatusOr<HttpResponse> result = outcome.Wait();
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->status, 503);
  const std::vector<absl::Time> sent = fake_.sent_at();
  EXPECT_GE(sent.size(), 2u) << "there was time for retries";
  EXPECT_LT(sent.size(), 100u);
  for (absl::Time at : sent) EXPECT_LT(at, deadline);
  EXPECT_LT(outcome.at(), deadline + absl::Milliseconds(100))
      << "the last answer comes back around the deadline, not after another backoff";
}

TEST_F(RetryingUpstreamTest, InterleavedCallsAreIndependent) {
  RetryingUpstream retrying(&inner_, &timers_, Fast(), CountRetries());
  // GETs: 503 then 200. POSTs: 503 only.
  EXPECT_CALL(inner_, Send(Field(&HttpRequest::method, "GET"), _))
      .Times(20)
      .WillRepeatedly(Invoke([this, n = std::make_shared<std::atomic<int>>(0)](
                                 HttpRequest request, UpstreamClient::Callback done) {
        // Odd attempts fail, even ones succeed: every GET needs exactly one retry.
        const bool fail = (n->fetch_add(1) % 2) == 0;
        return fake_.Reply(request, std::move(done), fail ? Http(503) : Http(200));
      }));
  EXPECT_CALL(inner_, Send(Field(&HttpRequest::method, "POST"), _))
      .Times(5)
      .WillRepeatedly(fake_.Answer(Http(503)));
  // Sequential GETs so that the odd/even pairing is per call; POSTs interleaved.
  for (int i = 0; i < 10; ++i) {
    Outcome get;
    SendTo(retrying, Get(), get);
    Outcome post;
    if (i % 2 == 0) SendTo(retrying, Post(), post);
    absl::StatusOr<HttpResponse> got = get.Wait();
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(got->status, 200);
    if (i % 2 == 0) {
      absl::StatusOr<HttpResponse> posted = post.Wait();
      ASSERT_TRUE(posted.ok());
      EXPECT_EQ(posted->status, 503);
    }
  }
  EXPECT_EQ(retries_.load(), 10);
}

}  // namespace
}  // namespace pulumi_gateway
