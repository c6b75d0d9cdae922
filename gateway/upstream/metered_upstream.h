// An UpstreamClient decorator that records every attempt in GatewayMetrics: status class,
// duration and timeouts per route, plus the requests in flight.
//
//   MeteredUpstream metered(&curl_client, &metrics, &Clock::Real());
//   metered.Send(std::move(request), context, std::move(done));  // context.route names the metrics
#ifndef GATEWAY_UPSTREAM_METERED_UPSTREAM_H_
#define GATEWAY_UPSTREAM_METERED_UPSTREAM_H_

#include <atomic>

#include "gateway/clock/clock.h"
#include "gateway/observability/metric_sink.h"
#include "gateway/observability/metrics.h"
#include "gateway/upstream/upstream_client.h"

namespace pulumi_gateway {

class MeteredUpstream final : public UpstreamClient {
 public:
  // `inner`, `metrics` and `clock` (which times the attempts) must outlive this object.
  MeteredUpstream(UpstreamClient* inner, GatewayMetrics* metrics, const Clock* clock);

  void Send(HttpRequest request, CallContext context, Callback done) override;

  int in_flight() const { return in_flight_.load(); }

  // pulumi_upstream_in_flight_requests.
  void ExportMetrics(MetricSink& sink) const;

 private:
  UpstreamClient* const inner_;
  GatewayMetrics* const metrics_;
  const Clock* const clock_;
  std::atomic<int> in_flight_{0};
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_UPSTREAM_METERED_UPSTREAM_H_
