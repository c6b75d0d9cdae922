// An UpstreamClient decorator that keeps outbound requests under a rate (token bucket): a burst
// goes out at once, the rest wait their turn on a timer — within their deadline — instead of
// meeting the upstream's 429s. A request whose turn would come after its deadline fails at once
// with RESOURCE_EXHAUSTED; one cancelled while it waits gives its turn back.
//
//   RateLimiter limiter(&inner, &timers, {.requests_per_second = 10, .burst = 20});
#ifndef GATEWAY_UPSTREAM_RATE_LIMITER_H_
#define GATEWAY_UPSTREAM_RATE_LIMITER_H_

#include <memory>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gateway/clock/timer_queue.h"
#include "gateway/observability/metric_sink.h"
#include "gateway/upstream/token_bucket.h"
#include "gateway/upstream/upstream_client.h"

namespace pulumi_gateway {

struct RateLimiterOptions {
  // Sustained rate. Default 0: no limit (the layer is not installed); the limiter itself needs
  // a rate above 0.
  double requests_per_second = 0;
  // Requests that may go at once after a quiet period. Default 10.
  double burst = 10;

  bool enabled() const { return requests_per_second > 0; }
};

class RateLimiter final : public UpstreamClient {
 public:
  // `inner` and `timers` (its clock refills the bucket) must outlive this object.
  RateLimiter(UpstreamClient* inner, TimerQueue* timers, RateLimiterOptions options);

  void Send(HttpRequest request, CallContext context, Callback done) override;

  // Requests waiting for their turn.
  int queued() const;

  // pulumi_upstream_rate_limit_queued.
  void ExportMetrics(MetricSink& sink) const;

 private:
  struct Waiting;
  // Its turn came: sends it, unless it was withdrawn.
  void Release(const std::shared_ptr<Waiting>& waiting);
  // Cancelled while waiting: gives the reservation back and answers CANCELLED.
  void Withdraw(const std::shared_ptr<Waiting>& waiting);

  UpstreamClient* const inner_;
  TimerQueue* const timers_;
  const RateLimiterOptions options_;

  mutable absl::Mutex mu_;
  // Tokens may go negative: each queued request holds a reservation.
  TokenBucket bucket_ ABSL_GUARDED_BY(mu_);
  int queued_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_UPSTREAM_RATE_LIMITER_H_
