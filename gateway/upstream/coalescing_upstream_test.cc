// CoalescingUpstream against a gmock'd inner UpstreamClient on a FakeClock whose calls are held
// until the test completes them (upstream_test_support.h): how many requests go upstream for
// concurrent callers,
// what each caller gets, cancellation of one caller and of all, deadlines (a joiner's own, and the
// re-issue when the shared request's deadline passes), and what is never shared (other tokens,
// writes, reads across a write).
#include "gateway/upstream/coalescing_upstream.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "gateway/clock/fake_clock.h"
#include "gateway/http/http_types.h"
#include "gateway/upstream/upstream_test_support.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

using ::testing::_;
using ::testing::HasSubstr;
using ::testing::StrictMock;

using upstream_testing::FakeInner;
using upstream_testing::Http;
using upstream_testing::MockUpstream;
using upstream_testing::Outcome;
using upstream_testing::SendTo;

constexpr char kJdoe[] = "token pul-test-jdoe";
constexpr char kEve[] = "token pul-test-eve";
// FakeInner numbers its calls from 1000.
constexpr uint64_t kFirstInner = 1000;

// One caller's request and context.
struct Call {
  HttpRequest http;
  CallContext context;
};

void SendTo(UpstreamClient& client, Call call, Outcome& outcome) {
  upstream_testing::SendTo(client, std::move(call.http), outcome, std::move(call.context));
}

Call Read(const std::string& path = "/api/stacks/acme-corp/payments-api/prod",
          const std::string& token = kJdoe, absl::Time deadline = absl::InfiniteFuture(),
          const std::string& request_id = "r1") {
  Call call;
  call.http.method = "GET";
  call.http.path = path;
  call.http.headers = {{"Authorization", token}, {"X-Request-ID", request_id}};
  call.context = upstream_testing::Context(deadline);
  call.context.attempts = std::make_shared<std::atomic<int>>(0);
  return call;
}

Call Write(const std::string& path = "/api/stacks/acme-corp/payments-api/prod/tags") {
  Call call;
  call.http.method = "POST";
  call.http.path = path;
  call.http.body = R"({"name":"owner","value":"jdoe"})";
  call.http.has_body = true;
  call.http.headers = {{"Authorization", kJdoe}};
  call.context.route = "AddStackTag";
  return call;
}

absl::StatusOr<HttpResponse> Stack(const std::string& body) {
  HttpResponse response;
  response.status = 200;
  response.body = body;
  return response;
}

class CoalescingUpstreamTest : public ::testing::Test {
 protected:
  // Declared before the decorator so that they outlive every callback.
  FakeClock clock_;
  const absl::Time t0_ = clock_.Now();
  StrictMock<MockUpstream> inner_;
  FakeInner fake_{&clock_};
  CoalescingUpstream coalescing_{&inner_, &clock_};
};

TEST_F(CoalescingUpstreamTest, ConcurrentIdenticalReadsShareOneRequest) {
  constexpr int kCallers = 50;
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Hold());
  std::vector<std::unique_ptr<Outcome>> outcomes;
  for (int i = 0; i < kCallers; ++i) outcomes.push_back(std::make_unique<Outcome>(clock_));
  std::vector<Call> requests;
  for (int i = 0; i < kCallers; ++i) {
    requests.push_back(Read());
    SendTo(coalescing_, requests.back(), *outcomes[i]);
  }
  ASSERT_EQ(fake_.sends(), 1);
  EXPECT_EQ(coalescing_.coalesced(), kCallers - 1);
  // The shared request made two attempts (say, a retry below).
  *fake_.contexts()[0].attempts += 2;
  fake_.Complete(kFirstInner, Stack(R"({"stackName":"prod"})"));
  clock_.RunDue();

  for (int i = 0; i < kCallers; ++i) {
    absl::StatusOr<HttpResponse> result = outcomes[i]->result();
    ASSERT_TRUE(result.ok()) << result.status();
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(result->body, R"({"stackName":"prod"})");
    EXPECT_EQ(requests[i].context.attempts->load(), 2) << "caller " << i;
  }
  // The shared request was the first caller's, with a counter of its own.
  const HttpRequest sent = fake_.requests()[0];
  EXPECT_EQ(sent.path, "/api/stacks/acme-corp/payments-api/prod");
  EXPECT_EQ(FindHeader(sent.headers, "Authorization"), kJdoe);
  EXPECT_NE(fake_.contexts()[0].attempts, requests[0].context.attempts);
  EXPECT_NE(fake_.contexts()[0].cancellation.cancelled(), true);
}

TEST_F(CoalescingUpstreamTest, ReadsAfterTheAnswerSendAgain) {
  EXPECT_CALL(inner_, Send(_, _, _)).Times(2).WillRepeatedly(fake_.Answer(Http(200)));
  Outcome first(clock_);
  SendTo(coalescing_, Read(), first);
  clock_.RunDue();
  ASSERT_TRUE(first.result().ok());
  Outcome second(clock_);
  SendTo(coalescing_, Read(), second);
  clock_.RunDue();
  ASSERT_TRUE(second.result().ok());
  EXPECT_EQ(fake_.sends(), 2) << "coalescing is not a cache";
  EXPECT_EQ(coalescing_.coalesced(), 0);
}

TEST_F(CoalescingUpstreamTest, ErrorsReachEveryCaller) {
  EXPECT_CALL(inner_, Send(_, _, _)).Times(2).WillRepeatedly(fake_.Hold());
  std::vector<std::unique_ptr<Outcome>> failed;
  for (int i = 0; i < 3; ++i) failed.push_back(std::make_unique<Outcome>(clock_));
  for (auto& outcome : failed) SendTo(coalescing_, Read(), *outcome);
  fake_.Complete(kFirstInner, absl::UnavailableError("upstream connection reset"));
  clock_.RunDue();
  for (auto& outcome : failed) {
    absl::StatusOr<HttpResponse> result = outcome->result();
    EXPECT_EQ(result.status().code(), absl::StatusCode::kUnavailable);
    EXPECT_THAT(result.status().message(), HasSubstr("connection reset"));
  }

  std::vector<std::unique_ptr<Outcome>> refused;
  for (int i = 0; i < 3; ++i) refused.push_back(std::make_unique<Outcome>(clock_));
  for (auto& outcome : refused) SendTo(coalescing_, Read(), *outcome);
  fake_.Complete(kFirstInner + 1, Http(503));
  clock_.RunDue();
  for (auto& outcome : refused) {
    absl::StatusOr<HttpResponse> result = outcome->result();
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->status, 503);
  }
}

TEST_F(CoalescingUpstreamTest, CancelEndsOnlyThatCaller) {
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Hold());
  Outcome a(clock_), b(clock_), c(clock_);
  SendTo(coalescing_, Read(), a);
  SendTo(coalescing_, Read(), b);
  SendTo(coalescing_, Read(), c);

  b.Cancel();
  clock_.RunDue();
  absl::StatusOr<HttpResponse> cancelled = b.result();
  EXPECT_EQ(cancelled.status().code(), absl::StatusCode::kCancelled);
  EXPECT_FALSE(a.done());
  EXPECT_FALSE(c.done());
  b.Cancel();  // again: a no-op
  clock_.RunDue();

  fake_.Complete(kFirstInner, Http(200));  // the inner request was never cancelled
  clock_.RunDue();
  EXPECT_EQ(a.result()->status, 200);
  EXPECT_EQ(c.result()->status, 200);
  EXPECT_EQ(b.calls(), 1);
}

TEST_F(CoalescingUpstreamTest, TheSharedRequestIsCancelledWhenNoCallerIsLeft) {
  EXPECT_CALL(inner_, Send(_, _, _)).Times(2).WillRepeatedly(fake_.Hold());
  Outcome a(clock_), b(clock_);
  SendTo(coalescing_, Read(), a);
  SendTo(coalescing_, Read(), b);
  a.Cancel();  // the first caller, whose request it is: b still waits on it
  clock_.RunDue();
  EXPECT_EQ(a.result().status().code(), absl::StatusCode::kCancelled);
  EXPECT_FALSE(b.done());
  EXPECT_FALSE(fake_.cancelled(kFirstInner));
  b.Cancel();
  clock_.RunDue();
  EXPECT_EQ(b.result().status().code(), absl::StatusCode::kCancelled);
  EXPECT_TRUE(fake_.cancelled(kFirstInner)) << "nobody is left to read the shared request";

  // The abandoned request takes no joiners: a new caller sends its own.
  Outcome d(clock_);
  SendTo(coalescing_, Read(), d);
  EXPECT_EQ(fake_.sends(), 2);
  fake_.Complete(kFirstInner + 1, Http(200));
  clock_.RunDue();
  EXPECT_EQ(d.result()->status, 200);
}

TEST_F(CoalescingUpstreamTest, AJoinerAlreadyCancelledLeavesAtOnceAndTheOthersGoOn) {
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Hold());
  Outcome first(clock_), cancelled(clock_);
  SendTo(coalescing_, Read(), first);
  cancelled.Cancel();
  SendTo(coalescing_, Read(), cancelled);
  clock_.RunDue();
  EXPECT_EQ(cancelled.result().status().code(), absl::StatusCode::kCancelled);
  EXPECT_FALSE(first.done());
  EXPECT_FALSE(fake_.cancelled(kFirstInner));
  fake_.Complete(kFirstInner, Http(200));
  clock_.RunDue();
  EXPECT_EQ(first.result()->status, 200);
}

TEST_F(CoalescingUpstreamTest, AJoinerWithAnEarlierDeadlineEndsAtItsOwnDeadline) {
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Hold());
  Outcome patient(clock_), hurried(clock_);
  SendTo(coalescing_, Read(), patient);
  const absl::Time deadline = t0_ + absl::Milliseconds(100);
  SendTo(coalescing_, Read("/api/stacks/acme-corp/payments-api/prod", kJdoe, deadline), hurried);

  clock_.AdvanceTo(deadline - absl::Nanoseconds(1));
  EXPECT_FALSE(hurried.done());
  clock_.AdvanceTo(deadline);
  absl::StatusOr<HttpResponse> late = hurried.result();
  EXPECT_EQ(late.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_THAT(late.status().message(), HasSubstr("deadline passed"));
  EXPECT_EQ(hurried.at(), deadline);
  EXPECT_FALSE(patient.done());
  fake_.Complete(kFirstInner, Http(200));
  clock_.RunDue();
  EXPECT_EQ(patient.result()->status, 200);
}

TEST_F(CoalescingUpstreamTest, DeadlineOfTheSharedRequestReissuesForCallersWithTimeLeft) {
  EXPECT_CALL(inner_, Send(_, _, _)).Times(2).WillRepeatedly(fake_.Hold());
  const absl::Time soon = t0_ + absl::Milliseconds(100);
  const absl::Time later = t0_ + absl::Seconds(30);
  const std::string path = "/api/stacks/acme-corp/payments-api/prod";
  Outcome first(clock_), second(clock_), third(clock_);
  SendTo(coalescing_, Read(path, kJdoe, soon, "first"), first);
  SendTo(coalescing_, Read(path, kJdoe, later, "second"), second);
  SendTo(coalescing_, Read(path, kJdoe, later + absl::Seconds(1), "third"), third);
  ASSERT_EQ(fake_.sends(), 1);

  // The shared request (the first caller's) runs out of the first caller's time.
  clock_.AdvanceTo(soon);
  fake_.Complete(kFirstInner, absl::DeadlineExceededError("upstream did not answer in time"));
  clock_.RunDue();
  EXPECT_EQ(first.result().status().code(), absl::StatusCode::kDeadlineExceeded);
  ASSERT_EQ(fake_.sends(), 2);
  EXPECT_FALSE(second.done());
  EXPECT_FALSE(third.done());
  // One new request for both, as the next caller's, with the latest deadline.
  const HttpRequest again = fake_.requests()[1];
  EXPECT_EQ(FindHeader(again.headers, "X-Request-ID"), "second");
  EXPECT_EQ(fake_.contexts()[1].deadline, later + absl::Seconds(1));

  fake_.Complete(kFirstInner + 1, Http(200));
  clock_.RunDue();
  EXPECT_EQ(second.result()->status, 200);
  EXPECT_EQ(third.result()->status, 200);
  EXPECT_EQ(fake_.sends(), 2);
}

TEST_F(CoalescingUpstreamTest, AnEarlyDeadlineErrorIsNotReissued) {
  // DEADLINE_EXCEEDED long before the shared request's deadline is the upstream's answer.
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Hold());
  const absl::Time later = t0_ + absl::Seconds(30);
  const std::string path = "/api/stacks/acme-corp/payments-api/prod";
  Outcome first(clock_), second(clock_);
  SendTo(coalescing_, Read(path, kJdoe, later), first);
  SendTo(coalescing_, Read(path, kJdoe, later + absl::Seconds(1)), second);
  fake_.Complete(kFirstInner, absl::DeadlineExceededError("upstream did not answer in time"));
  clock_.RunDue();
  EXPECT_EQ(first.result().status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_EQ(second.result().status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_EQ(fake_.sends(), 1);
}

TEST_F(CoalescingUpstreamTest, TokensAndPathsNeverShare) {
  EXPECT_CALL(inner_, Send(_, _, _)).Times(3).WillRepeatedly(fake_.Hold());
  Outcome jdoe(clock_), eve(clock_), other_stack(clock_);
  SendTo(coalescing_, Read("/api/stacks/acme-corp/payments-api/prod", kJdoe), jdoe);
  SendTo(coalescing_, Read("/api/stacks/acme-corp/payments-api/prod", kEve), eve);
  SendTo(coalescing_, Read("/api/stacks/acme-corp/payments-api/dev", kJdoe), other_stack);
  EXPECT_EQ(fake_.sends(), 3);
  EXPECT_EQ(coalescing_.coalesced(), 0);
  fake_.Complete(kFirstInner + 1, Http(403));
  clock_.RunDue();
  fake_.Complete(kFirstInner, Stack(R"({"stackName":"prod"})"));
  clock_.RunDue();
  fake_.Complete(kFirstInner + 2, Stack(R"({"stackName":"dev"})"));
  clock_.RunDue();
  EXPECT_EQ(jdoe.result()->body, R"({"stackName":"prod"})");
  EXPECT_EQ(eve.result()->status, 403);
  EXPECT_EQ(other_stack.result()->body, R"({"stackName":"dev"})");
}

TEST_F(CoalescingUpstreamTest, WritesPassStraightThrough) {
  EXPECT_CALL(inner_, Send(_, _, _)).Times(2).WillRepeatedly(fake_.Hold());
  Outcome first(clock_), second(clock_);
  SendTo(coalescing_, Write(), first);
  SendTo(coalescing_, Write(), second);
  EXPECT_EQ(fake_.sends(), 2) << "identical writes are two writes";
  EXPECT_EQ(fake_.requests()[0].body, R"({"name":"owner","value":"jdoe"})");
  second.Cancel();
  clock_.RunDue();
  EXPECT_EQ(second.result().status().code(), absl::StatusCode::kCancelled);
  EXPECT_TRUE(fake_.cancelled(kFirstInner + 1)) << "a write's cancel goes straight through";
  fake_.Complete(kFirstInner, Http(204));
  clock_.RunDue();
  EXPECT_EQ(first.result()->status, 204);
}

TEST_F(CoalescingUpstreamTest, AWriteStopsReadsOfItsOrgFromJoiningEarlierRequests) {
  EXPECT_CALL(inner_, Send(_, _, _)).Times(5).WillRepeatedly(fake_.Hold());
  const std::string acme = "/api/stacks/acme-corp/payments-api/prod";
  const std::string globex = "/api/stacks/globex/inventory/prod";
  Outcome acme_before(clock_), globex_before(clock_), write(clock_), acme_after(clock_),
      globex_after(clock_), acme_after_write(clock_);
  SendTo(coalescing_, Read(acme), acme_before);      // inner 1000
  SendTo(coalescing_, Read(globex), globex_before);  // inner 1001
  SendTo(coalescing_, Write(), write);               // inner 1002: tags of an acme-corp stack
  SendTo(coalescing_, Read(acme), acme_after);       // inner 1003: may not see the old state
  SendTo(coalescing_, Read(globex), globex_after);   // joins 1001: another org
  EXPECT_EQ(fake_.sends(), 4);
  EXPECT_EQ(coalescing_.coalesced(), 1);

  // The write completes while acme_after's request is still out: later reads send again.
  fake_.Complete(kFirstInner + 2, Http(204));
  clock_.RunDue();
  EXPECT_EQ(write.result()->status, 204);
  SendTo(coalescing_, Read(acme), acme_after_write);  // inner 1004
  EXPECT_EQ(fake_.sends(), 5);

  fake_.Complete(kFirstInner, Stack("old"));
  clock_.RunDue();
  fake_.Complete(kFirstInner + 1, Stack("globex"));
  clock_.RunDue();
  fake_.Complete(kFirstInner + 3, Stack("during"));
  clock_.RunDue();
  fake_.Complete(kFirstInner + 4, Stack("new"));
  clock_.RunDue();
  EXPECT_EQ(acme_before.result()->body, "old");
  EXPECT_EQ(acme_after.result()->body, "during");
  EXPECT_EQ(acme_after_write.result()->body, "new");
  EXPECT_EQ(globex_before.result()->body, "globex");
  EXPECT_EQ(globex_after.result()->body, "globex");
}

}  // namespace
}  // namespace pulumi_gateway
