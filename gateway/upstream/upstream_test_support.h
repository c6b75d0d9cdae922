// Test doubles for the UpstreamClient decorators' unit tests, all on one FakeClock so that a test
// decides when anything happens: a gmock'd inner client, a fake inner client that answers at the
// current fake time (or holds a call until told), and an Outcome that records where a decorator's
// `done` landed (result, fake time, count, and whether it ran inside Send).
//
//   FakeClock clock;
//   FakeInner fake(&clock);
//   CircuitBreaker breaker(&inner, &clock, options);
//   Outcome outcome(clock);
//   SendTo(breaker, Get(), outcome);
//   clock.RunDue();                    // the fake answers, the breaker passes it on
//   EXPECT_EQ(outcome.result()->status, 200);
#ifndef GATEWAY_UPSTREAM_UPSTREAM_TEST_SUPPORT_H_
#define GATEWAY_UPSTREAM_UPSTREAM_TEST_SUPPORT_H_

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
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
  MOCK_METHOD(uint64_t, Send, (HttpRequest request, Callback done), (override));
  MOCK_METHOD(void, Cancel, (uint64_t id), (override));
};

inline thread_local bool inside_send = false;

// Where a decorator's `done` lands: the result, when (on the fake clock), how often, and whether
// it ran inside Send.
class Outcome {
 public:
  explicit Outcome(const Clock& clock) : clock_(clock) {}

  UpstreamClient::Callback Callback() {
    return [this](absl::StatusOr<HttpResponse> result) {
      absl::MutexLock lock(&mu_);
      ++calls_;
      ran_inside_send_ = ran_inside_send_ || inside_send;
      result_ = std::move(result);
      at_ = clock_.Now();
    };
  }
  // The result; a test failure when `done` has not run, ran more than once or inside Send.
  absl::StatusOr<HttpResponse> result() {
    absl::MutexLock lock(&mu_);
    if (!result_.has_value()) {
      ADD_FAILURE() << "done has not run";
      return absl::UnknownError("test: no result");
    }
    EXPECT_EQ(calls_, 1) << "done must run exactly once";
    EXPECT_FALSE(ran_inside_send_) << "done must never run inside Send";
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
  absl::Mutex mu_;
  std::optional<absl::StatusOr<HttpResponse>> result_ ABSL_GUARDED_BY(mu_);
  absl::Time at_ ABSL_GUARDED_BY(mu_);
  int calls_ ABSL_GUARDED_BY(mu_) = 0;
  bool ran_inside_send_ ABSL_GUARDED_BY(mu_) = false;
};

inline uint64_t SendTo(UpstreamClient& client, HttpRequest request, Outcome& outcome) {
  inside_send = true;
  const uint64_t id = client.Send(std::move(request), outcome.Callback());
  inside_send = false;
  return id;
}

// Plays the inner client on the fake clock: answers at the current fake time (delivered the next
// time the clock runs what is due), or holds a call until told. Numbers its calls from 1000.
class FakeInner {
 public:
  explicit FakeInner(FakeClock* clock) : clock_(clock) {}

  // A Send action answering `result` at the current fake time.
  auto Answer(absl::StatusOr<HttpResponse> result) {
    return Invoke([this, result](HttpRequest request, UpstreamClient::Callback done) {
      return Reply(request, std::move(done), result);
    });
  }
  // What Answer does, for actions that pick the answer themselves.
  uint64_t Reply(const HttpRequest& request, UpstreamClient::Callback done,
                 absl::StatusOr<HttpResponse> result) {
    const uint64_t id = Record(request);
    clock_->Schedule(clock_->Now(),
                     [done = std::move(done), result]() mutable { std::move(done)(result); });
    return id;
  }
  // A Send action keeping the call open until Complete().
  auto Hold() {
    return Invoke([this](HttpRequest request, UpstreamClient::Callback done) {
      const uint64_t id = Record(request);
      absl::MutexLock lock(&mu_);
      held_.emplace(id, std::move(done));
      return id;
    });
  }
  // A Cancel action: the held call completes with CANCELLED, as a real client does.
  auto CancelHeld() {
    return Invoke([this](uint64_t id) { Complete(id, absl::CancelledError("call cancelled")); });
  }
  // Answers held call `id` at the current fake time.
  void Complete(uint64_t id, absl::StatusOr<HttpResponse> result) {
    UpstreamClient::Callback done;
    {
      absl::MutexLock lock(&mu_);
      auto it = held_.find(id);
      ASSERT_NE(it, held_.end()) << "no held call " << id;
      done = std::move(it->second);
      held_.erase(it);
    }
    clock_->Schedule(clock_->Now(),
                     [done = std::move(done), result]() mutable { std::move(done)(result); });
  }
  bool holds(uint64_t id) {
    absl::MutexLock lock(&mu_);
    return held_.contains(id);
  }
  std::vector<HttpRequest> requests() {
    absl::MutexLock lock(&mu_);
    return requests_;
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
  uint64_t Record(const HttpRequest& request) {
    absl::MutexLock lock(&mu_);
    requests_.push_back(request);
    sent_at_.push_back(clock_->Now());
    return next_id_++;
  }

  FakeClock* const clock_;
  absl::Mutex mu_;
  uint64_t next_id_ ABSL_GUARDED_BY(mu_) = 1000;
  std::vector<HttpRequest> requests_ ABSL_GUARDED_BY(mu_);
  std::vector<absl::Time> sent_at_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<uint64_t, UpstreamClient::Callback> held_ ABSL_GUARDED_BY(mu_);
};

inline absl::StatusOr<HttpResponse> Http(int status, HttpHeaders headers = {}) {
  HttpResponse response;
  response.status = status;
  response.headers = std::move(headers);
  response.body = status == 200 ? R"({"orgName":"acme-corp"})" : "";
  return response;
}

inline HttpRequest Get(absl::Time deadline = absl::InfiniteFuture()) {
  HttpRequest request;
  request.method = "GET";
  request.path = "/api/stacks/acme-corp/payments-api/prod";
  request.route = "GetStack";
  request.idempotent = true;
  request.deadline = deadline;
  return request;
}

}  // namespace pulumi_gateway::upstream_testing

#endif  // GATEWAY_UPSTREAM_UPSTREAM_TEST_SUPPORT_H_
