#include "gateway/upstream/curl_metrics.h"

namespace pulumi_gateway {

void ExportCurlMetrics(const CurlClient& client, MetricSink& sink) {
  sink.AddCounter("pulumi_upstream_connections_opened_total",
                  "Upstream connections opened (reuse keeps this low).",
                  [&client] { return static_cast<double>(client.connections_opened()); });
}

}  // namespace pulumi_gateway
