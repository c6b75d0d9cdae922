// Test doubles for the UpstreamClient decorators' unit tests, all on one FakeClock so that a test
// decides when anything happens: a gmock'd inner client, a fake inner client that answers at the
// current fake time (or holds a call until told, honouring its cancellation as a real client
// does), and an Outcome that owns a call's cancellation and records where a decorator's `done`
// landed (result, fake time, count, and whether it ran inside Send or inside the Cancel).
//
//   FakeClock clock;
//   FakeInner fake(&clock);
//   CircuitBreaker breaker(&inner, &clock, options);
//   Outcome outcome(clock);
//   SendTo(breaker, Get(), outcome, Context(deadline));
//   clock.RunDue();                    // the fake answers, the breaker passes it on
//   EXPECT_EQ(outcome.result()->status, 200);
//   outcome.Cancel();                  // cancels the call's token
#ifndef GATEWAY_UPSTREAM_UPSTREAM_TEST_SUPPORT_H_
#define GATEWAY_UPSTREAM_UPSTREAM_TEST_SUPPORT_H_

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gateway/call/call_context.h"
#include "gateway/call/cancellation.h"
#include "gateway/clock/fake_clock.h"
#include "gateway/http/http_types.h"
#include "gateway/upstream/upstream_client.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pulumi_gateway::upstream_testing {

using ::testing::_;
using ::testing::Invoke;

class MockUpstream : public UpstreamClient {
 public:
  MOCK_METHOD(void, Send, (HttpRequest request, CallContext context, Callback done), (override));
};

inline thread_local bool inside_send = false;
inline thread_local bool inside_cancel = false;

// One call as its owner sees it: its cancellation, and where its `done` landed (the result, when
// on the fake clock, how often, and whether it ran inside Send or inside the Cancel).
class Outcome {
 public:
  explicit Outcome(const Clock& clock) : clock_(clock) {}

  CancellationToken token() const { return cancel_.token(); }
  // Cancels the call, as a gRPC call's cancel does.
  void Cancel() {
    inside_cancel = true;
    cancel_.Cancel();
    inside_cancel = false;
  }

  UpstreamClient::Callback Callback() {
    return [this](absl::StatusOr<HttpResponse> result) {
      absl::MutexLock lock(&mu_);
      ++calls_;
      ran_inside_send_ = ran_inside_send_ || inside_send;
      ran_inside_cancel_ = ran_inside_cancel_ || inside_cancel;
      result_ = std::move(result);
      at_ = clock_.Now();
    };
  }
  // The result; a test failure when `done` has not run, ran more than once, or ran inside Send
  // or inside the Cancel.
  absl::StatusOr<HttpResponse> result() {
    absl::MutexLock lock(&mu_);
    if (!result_.has_value()) {
      ADD_FAILURE() << "done has not run";
      return absl::UnknownError("test: no result");
    }
    EXPECT_EQ(calls_, 1) << "done must run exactly once";
    EXPECT_FALSE(ran_inside_send_) << "done must never run inside Send";
    EXPECT_FALSE(ran_inside_cancel_) << "done must never run inside the Cancel";
    return *result_;
  }
  bool done() {
    absl::MutexLock lock(&mu_);
    return result_.has_value();
  }
  // The fake time `done` ran at.
  absl::Time at() {
    absl::MutexLock lock(&mu_);
    return at_;
  }
  int calls() {
    absl::MutexLock lock(&mu_);
    return calls_;
  }

 private:
  const Clock& clock_;
  CancellationSource cancel_;
  absl::Mutex mu_;
  std::optional<absl::StatusOr<HttpResponse>> result_ ABSL_GUARDED_BY(mu_);
  absl::Time at_ ABSL_GUARDED_BY(mu_);
  int calls_ ABSL_GUARDED_BY(mu_) = 0;
  bool ran_inside_send_ ABSL_GUARDED_BY(mu_) = false;
  bool ran_inside_cancel_ ABSL_GUARDED_BY(mu_) = false;
};

// The context of a GetStack call (idempotent, interactive) with `deadline`.
inline CallContext Context(absl::Time deadline = absl::InfiniteFuture(),
                           RequestPriority priority = RequestPriority::kInteractive) {
  CallContext context;
  context.deadline = deadline;
  context.route = "GetStack";
  context.idempotent = true;
  context.priority = priority;
  return context;
}

// Sends `request` with `context`, cancelled through `outcome`, whose `done` it is.
inline void SendTo(UpstreamClient& client, HttpRequest request, Outcome& outcome,
                   CallContext context = Context()) {
  context.cancellation = outcome.token();
  inside_send = true;
  client.Send(std::move(request), std::move(context), outcome.Callback());
  inside_send = false;
}

// Plays the inner client on the fake clock: answers at the current fake time (delivered the next
// time the clock runs what is due), or holds a call until told; a held call whose token is
// cancelled completes with CANCELLED, as a real client's does. Numbers its calls from 1000.
class FakeInner {
 public:
  explicit FakeInner(FakeClock* clock) : clock_(clock) {}

  // A Send action answering `result` at the current fake time.
  auto Answer(absl::StatusOr<HttpResponse> result) {
    return Invoke(
        [this, result](HttpRequest request, CallContext context, UpstreamClient::Callback done) {
          Reply(request, context, std::move(done), result);
        });
  }
  // What Answer does, for actions that pick the answer themselves.
  void Reply(const HttpRequest& request, const CallContext& context, UpstreamClient::Callback done,
             absl::StatusOr<HttpResponse> result) {
    Record(request, context);
    clock_->Schedule(clock_->Now(),
                     [done = std::move(done), result]() mutable { std::move(done)(result); });
  }
  // A Send action keeping the call open until Complete() or its cancellation.
  auto Hold() {
    return Invoke([this](HttpRequest request, CallContext context, UpstreamClient::Callback done) {
      const uint64_t id = Record(request, context);
      {
        absl::MutexLock lock(&mu_);
        held_[id].done = std::move(done);
      }
      CancelRegistration on_cancel = context.cancellation.OnCancel([this, id] {
        if (Finish(id, absl::CancelledError("call cancelled"))) {
          absl::MutexLock lock(&mu_);
          cancelled_.insert(id);
        }
      });
      absl::MutexLock lock(&mu_);
      if (auto it = held_.find(id); it != held_.end()) it->second.on_cancel = std::move(on_cancel);
    });
  }
  // Answers held call `id` at the current fake time.
  void Complete(uint64_t id, absl::StatusOr<HttpResponse> result) {
    EXPECT_TRUE(Finish(id, std::move(result))) << "no held call " << id;
  }
  bool holds(uint64_t id) {
    absl::MutexLock lock(&mu_);
    return held_.contains(id);
  }
  // Whether held call `id` ended by its cancellation.
  bool cancelled(uint64_t id) {
    absl::MutexLock lock(&mu_);
    return cancelled_.contains(id);
  }
  std::vector<HttpRequest> requests() {
    absl::MutexLock lock(&mu_);
    return requests_;
  }
  std::vector<CallContext> contexts() {
    absl::MutexLock lock(&mu_);
    return contexts_;
  }
  // The fake times the calls reached this client.
  std::vector<absl::Time> sent_at() {
    absl::MutexLock lock(&mu_);
    return sent_at_;
  }
  int sends() {
    absl::MutexLock lock(&mu_);
    return static_cast<int>(requests_.size());
  }

 private:
  struct Held {
    UpstreamClient::Callback done;
    CancelRegistration on_cancel;
  };

  uint64_t Record(const HttpRequest& request, const CallContext& context) {
    absl::MutexLock lock(&mu_);
    requests_.push_back(request);
    contexts_.push_back(context);
    sent_at_.push_back(clock_->Now());
    return next_id_++;
  }
  // Answers held call `id` at the current fake time; false when it is not held (any more).
  bool Finish(uint64_t id, absl::StatusOr<HttpResponse> result) {
    Held held;
    {
      absl::MutexLock lock(&mu_);
      auto it = held_.find(id);
      if (it == held_.end()) return false;
      held = std::move(it->second);
      held_.erase(it);
    }
    clock_->Schedule(clock_->Now(),
                     [done = std::move(held.done), result]() mutable { std::move(done)(result); });
    return true;
  }

  FakeClock* const clock_;
  absl::Mutex mu_;
  uint64_t next_id_ ABSL_GUARDED_BY(mu_) = 1000;
  std::vector<HttpRequest> requests_ ABSL_GUARDED_BY(mu_);
  std::vector<CallContext> contexts_ ABSL_GUARDED_BY(mu_);
  std::vector<absl::Time> sent_at_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<uint64_t, Held> held_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_set<uint64_t> cancelled_ ABSL_GUARDED_BY(mu_);
};

inline absl::StatusOr<HttpResponse> Http(int status, HttpHeaders headers = {}) {
  HttpResponse response;
  response.status = status;
  response.headers = std::move(headers);
  response.body = status == 200 ? R"({"orgName":"acme-corp"})" : "";
  return response;
}

inline HttpRequest Get() {
  HttpRequest request;
  request.method = "GET";
  request.path = "/api/stacks/acme-corp/payments-api/prod";
  return request;
}

}  // namespace pulumi_gateway::upstream_testing

#endif  // GATEWAY_UPSTREAM_UPSTREAM_TEST_SUPPORT_H_
