#include "gateway/upstream/metered_upstream.h"

#include <utility>

namespace pulumi_gateway {

MeteredUpstream::MeteredUpstream(UpstreamClient* inner, GatewayMetrics* metrics, const Clock* clock)
    : inner_(inner), metrics_(metrics), clock_(clock) {}

void MeteredUpstream::Send(HttpRequest request, CallContext context, Callback done) {
  RouteMetrics* route = metrics_->Find(context.route);
  const absl::Time start = clock_->Now();
  ++in_flight_;
  if (context.attempts != nullptr) ++*context.attempts;
  inner_->Send(
      std::move(request), std::move(context),
      [this, route, start, done = std::move(done)](absl::StatusOr<HttpResponse> result) mutable {
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

void MeteredUpstream::ExportMetrics(MetricSink& sink) const {
  sink.AddGauge("pulumi_upstream_in_flight_requests", "Upstream requests in flight.",
                [this] { return in_flight(); });
}

}  // namespace pulumi_gateway
