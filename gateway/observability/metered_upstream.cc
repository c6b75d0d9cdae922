#include "gateway/observability/metered_upstream.h"

#include <utility>

namespace pulumi_gateway {

MeteredUpstream::MeteredUpstream(UpstreamClient* inner, GatewayMetrics* metrics, const Clock* clock)
    : inner_(inner), metrics_(metrics), clock_(clock) {}

uint64_t MeteredUpstream::Send(HttpRequest request, Callback done) {
  RouteMetrics* route = metrics_->Find(request.route);
  const absl::Time start = clock_->Now();
  ++in_flight_;
  if (request.attempts != nullptr) ++*request.attempts;
  return inner_->Send(std::move(request), [this, route, start, done = std::move(done)](
                                              absl::StatusOr<HttpResponse> result) mutable {
    --in_flight_;
    if (route != nullptr) {
      const bool timed_out =
          !result.ok() && result.status().code() == absl::StatusCode::kDeadlineExceeded;
      metrics_->UpstreamAttempt(route, result.ok() ? result->status : 0, timed_out,
                                clock_->Now() - start);
    }
    std::move(done)(std::move(result));
  });
}

void MeteredUpstream::Cancel(uint64_t id) { inner_->Cancel(id); }

}  // namespace pulumi_gateway
