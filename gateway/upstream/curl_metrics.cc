#include "gateway/upstream/curl_metrics.h"

namespace pulumi_gateway {

void ExportCurlMetrics(const CurlClient& client, MetricSink& sink) {
  sink.AddCounter("pulumi_upstream_connections_opened_total",
                  "Upstream connections opened (reuse keeps this low).",
                  [&client] { return static_cast<double>(client.connections_opened()); });
  sink.AddCounter("pulumi_upstream_stale_connections_total",
                  "Pooled upstream connections closed unused because they held unread bytes (the "
                  "request went out on a new connection).",
                  [&client] { return static_cast<double>(client.stale_connections_discarded()); });
}

}  // namespace pulumi_gateway
