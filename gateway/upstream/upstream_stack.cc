#include "gateway/upstream/upstream_stack.h"

namespace pulumi_gateway {

UpstreamStack::UpstreamStack(UpstreamClient* transport, TimerQueue* timers, QuotaStore* quota,
                             GatewayMetrics* metrics, const UpstreamStackOptions& options)
    : metered_(transport, metrics, &timers->clock()) {
  UpstreamClient* below = &metered_;
  if (options.rate_limit.enabled()) {
    limiter_ = std::make_unique<RateLimiter>(below, timers, options.rate_limit);
    below = limiter_.get();
  }
  throttle_ = std::make_unique<IdentityThrottle>(below, timers, quota, options.throttle);
  breaker_ = std::make_unique<CircuitBreaker>(throttle_.get(), timers, options.breaker);
  retrying_ = std::make_unique<RetryingUpstream>(
      breaker_.get(), timers, options.retry, [metrics](const CallContext& context) {
        if (RouteMetrics* route = metrics->Find(context.route)) metrics->UpstreamRetry(route);
      });
  top_ = retrying_.get();
  if (options.coalesce_reads) {
    coalescing_ = std::make_unique<CoalescingUpstream>(top_, timers);
    top_ = coalescing_.get();
  }
  if (options.cache.enabled()) {
    cache_ = std::make_unique<ResponseCache>(top_, timers, options.cache);
    top_ = cache_.get();
  }
}

void UpstreamStack::ExportMetrics(MetricSink& sink) const {
  metered_.ExportMetrics(sink);
  breaker_->ExportMetrics(sink);
  retrying_->ExportMetrics(sink);
  if (limiter_ != nullptr) limiter_->ExportMetrics(sink);
  throttle_->ExportMetrics(sink);
  if (coalescing_ != nullptr) coalescing_->ExportMetrics(sink);
  if (cache_ != nullptr) cache_->ExportMetrics(sink);
}

}  // namespace pulumi_gateway
