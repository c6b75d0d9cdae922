// An UpstreamClient decorator that stops sending to an upstream that keeps failing: after
// `failure_threshold` consecutive failures (connection errors, timeouts, 502/503/504) calls fail
// fast with UNAVAILABLE for `open_duration`; then one probe goes through, and its success closes
// the breaker again. Calls never pile up behind a dead upstream, and recovery needs no operator.
//
//   CircuitBreaker breaker(&inner, &timers, {.failure_threshold = 20});
//   breaker.state();  // kClosed, kOpen or kHalfOpen (also exported as a gauge)
#ifndef GATEWAY_UPSTREAM_CIRCUIT_BREAKER_H_
#define GATEWAY_UPSTREAM_CIRCUIT_BREAKER_H_

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gateway/clock/timer_queue.h"
#include "gateway/observability/metric_sink.h"
#include "gateway/upstream/upstream_client.h"

namespace pulumi_gateway {

struct CircuitBreakerOptions {
  // Consecutive failures that open the breaker. 0 disables it. Default 20.
  int failure_threshold = 20;
  // How long it stays open before a probe. Default 5 s.
  absl::Duration open_duration = absl::Seconds(5);
};

class CircuitBreaker final : public UpstreamClient {
 public:
  enum class State { kClosed = 0, kOpen = 1, kHalfOpen = 2 };

  // `inner` and `timers` (used to fail fast without calling back inside Send) must outlive this.
  CircuitBreaker(UpstreamClient* inner, TimerQueue* timers, CircuitBreakerOptions options);

  // Refused calls keep no state here: a cancel of one changes nothing (its `done` runs with the
  // refusal); forwarded calls are the inner client's to cancel.
  void Send(HttpRequest request, CallContext context, Callback done) override;

  State state() const;

  // pulumi_upstream_circuit_breaker_state.
  void ExportMetrics(MetricSink& sink) const;

 private:
  static bool IsFailure(const absl::StatusOr<HttpResponse>& result);
  void Record(bool failure, bool probe);

  UpstreamClient* const inner_;
  TimerQueue* const timers_;
  const CircuitBreakerOptions options_;

  mutable absl::Mutex mu_;
  State state_ ABSL_GUARDED_BY(mu_) = State::kClosed;
  int consecutive_failures_ ABSL_GUARDED_BY(mu_) = 0;
  absl::Time opened_at_ ABSL_GUARDED_BY(mu_);
  bool probe_in_flight_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_UPSTREAM_CIRCUIT_BREAKER_H_
