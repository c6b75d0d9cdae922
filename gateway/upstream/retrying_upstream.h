// An UpstreamClient decorator that resends failed attempts according to a RetryPolicy, within
// the call's deadline and a shared RetryBudget, waiting on a TimerQueue (never a thread). A
// cancel during a backoff ends the call at once; one during an attempt reaches the attempt.
//
//   RetryingUpstream retrying(&inner, &timers, RetryOptions{}, on_retry);
//   retrying.Send(std::move(request), context, std::move(done));  // done: the last attempt's
#ifndef GATEWAY_UPSTREAM_RETRYING_UPSTREAM_H_
#define GATEWAY_UPSTREAM_RETRYING_UPSTREAM_H_

#include <functional>
#include <memory>
#include <random>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "gateway/clock/timer_queue.h"
#include "gateway/observability/metric_sink.h"
#include "gateway/upstream/retry_policy.h"
#include "gateway/upstream/upstream_client.h"

namespace pulumi_gateway {

class RetryingUpstream final : public UpstreamClient {
 public:
  // `inner` and `timers` must outlive this object. `on_retry` (may be empty) runs before each
  // resend, with the call's context, for metrics.
  RetryingUpstream(UpstreamClient* inner, TimerQueue* timers, RetryOptions options,
                   std::function<void(const CallContext&)> on_retry = nullptr);
  ~RetryingUpstream() override;

  void Send(HttpRequest request, CallContext context, Callback done) override;

  const RetryBudget& budget() const { return budget_; }

  // pulumi_upstream_retry_budget_tokens.
  void ExportMetrics(MetricSink& sink) const;

 private:
  struct Call;
  void Attempt(const std::shared_ptr<Call>& call);
  void OnAttemptDone(const std::shared_ptr<Call>& call, absl::StatusOr<HttpResponse> result);
  // Cancelled during a backoff: ends the call without another attempt.
  void Withdraw(const std::shared_ptr<Call>& call);
  void Finish(const std::shared_ptr<Call>& call, absl::StatusOr<HttpResponse> result);

  UpstreamClient* const inner_;
  TimerQueue* const timers_;
  const RetryPolicy policy_;
  const std::function<void(const CallContext&)> on_retry_;
  RetryBudget budget_;

  absl::Mutex random_mu_;
  std::mt19937_64 random_ ABSL_GUARDED_BY(random_mu_){std::random_device{}()};
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_UPSTREAM_RETRYING_UPSTREAM_H_
