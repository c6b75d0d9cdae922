// The layers every upstream call passes through, assembled in one readable place, outermost
// first:
//
//   response cache (optional) → read coalescing (optional; a shared read is retried once for
//   everyone) → retries (budgeted, within the deadline) → circuit breaker → per-token throttle
//   (429 pauses, optional per-token rate) → outbound rate limit (optional) → metrics per attempt
//   → the transport (libcurl)
//
//   UpstreamStack stack(curl.get(), &timers, &quota, &metrics, options);
//   stack.top()->Send(std::move(request), std::move(context), std::move(done));
//   stack.ExportMetrics(metrics);
#ifndef GATEWAY_UPSTREAM_UPSTREAM_STACK_H_
#define GATEWAY_UPSTREAM_UPSTREAM_STACK_H_

#include <memory>

#include "gateway/clock/timer_queue.h"
#include "gateway/observability/metric_sink.h"
#include "gateway/observability/metrics.h"
#include "gateway/upstream/circuit_breaker.h"
#include "gateway/upstream/coalescing_upstream.h"
#include "gateway/upstream/identity_throttle.h"
#include "gateway/upstream/metered_upstream.h"
#include "gateway/upstream/quota_store.h"
#include "gateway/upstream/rate_limiter.h"
#include "gateway/upstream/response_cache.h"
#include "gateway/upstream/retry_policy.h"
#include "gateway/upstream/retrying_upstream.h"
#include "gateway/upstream/upstream_client.h"

namespace pulumi_gateway {

struct UpstreamStackOptions {
  RetryOptions retry;
  CircuitBreakerOptions breaker;
  // Off by default (requests_per_second 0).
  RateLimiterOptions rate_limit;
  // 429 pauses always; a per-token rate when requests_per_second > 0.
  IdentityThrottleOptions throttle;
  // Identical concurrent reads share one request. Default on.
  bool coalesce_reads = true;
  // Off unless a route has a TTL (ResponseCacheOptions::enabled).
  ResponseCacheOptions cache;
};

class UpstreamStack final {
 public:
  // `transport`, `timers`, `quota` (this replica's own store or a fleet's shared one) and
  // `metrics` must outlive the stack, which must outlive the calls sent through it.
  UpstreamStack(UpstreamClient* transport, TimerQueue* timers, QuotaStore* quota,
                GatewayMetrics* metrics, const UpstreamStackOptions& options);

  // Where calls enter.
  UpstreamClient* top() { return top_; }
  // The response cache, or null when no route is cached (for invalidations from elsewhere).
  ResponseCache* cache() { return cache_.get(); }

  // The metrics of every layer installed.
  void ExportMetrics(MetricSink& sink) const;

 private:
  MeteredUpstream metered_;
  std::unique_ptr<RateLimiter> limiter_;
  std::unique_ptr<IdentityThrottle> throttle_;
  std::unique_ptr<CircuitBreaker> breaker_;
  std::unique_ptr<RetryingUpstream> retrying_;
  std::unique_ptr<CoalescingUpstream> coalescing_;
  std::unique_ptr<ResponseCache> cache_;
  UpstreamClient* top_ = nullptr;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_UPSTREAM_UPSTREAM_STACK_H_
