// An UpstreamClient decorator that resends failed attempts according to a RetryPolicy, within
// the request's deadline and a shared RetryBudget, waiting on a TimerQueue (never a thread).
//
//   RetryingUpstream retrying(&inner, &timers, RetryOptions{}, on_retry);
//   retrying.Send(std::move(request), std::move(done));  // done sees the last attempt's result
#ifndef GATEWAY_UPSTREAM_RETRYING_UPSTREAM_H_
#define GATEWAY_UPSTREAM_RETRYING_UPSTREAM_H_

#include <functional>
#include <memory>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "gateway/clock/timer_queue.h"
#include "gateway/upstream/retry_policy.h"
#include "gateway/upstream/upstream_client.h"

namespace pulumi_gateway {

class RetryingUpstream final : public UpstreamClient {
 public:
  // `inner` and `timers` must outlive this object. `on_retry` (may be empty) runs before each
  // resend, for metrics.
  RetryingUpstream(UpstreamClient* inner, TimerQueue* timers, RetryOptions options,
                   std::function<void(const HttpRequest&)> on_retry = nullptr);
  ~RetryingUpstream() override;

  uint64_t Send(HttpRequest request, Callback done) override;
  void Cancel(uint64_t id) override;

  const RetryBudget& budget() const { return budget_; }

 private:
  struct Call;
  void Attempt(std::shared_ptr<Call> call);
  void OnAttemptDone(std::shared_ptr<Call> call, absl::StatusOr<HttpResponse> result);
  void Finish(const std::shared_ptr<Call>& call, absl::StatusOr<HttpResponse> result);

  UpstreamClient* const inner_;
  TimerQueue* const timers_;
  const RetryPolicy policy_;
  const std::function<void(const HttpRequest&)> on_retry_;
  RetryBudget budget_;

  absl::Mutex mu_;
  uint64_t next_id_ ABSL_GUARDED_BY(mu_) = 1;
  absl::flat_hash_map<uint64_t, std::shared_ptr<Call>> calls_ ABSL_GUARDED_BY(mu_);
  std::mt19937_64 random_ ABSL_GUARDED_BY(mu_){std::random_device{}()};
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_UPSTREAM_RETRYING_UPSTREAM_H_
