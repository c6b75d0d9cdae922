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
  sink.AddCounter("pulumi_upstream_inline_completions_total",
                  "Upstream answers handled by the server thread that sent the call, without a "
                  "hand-off to an upstream loop (--upstream_inline_wait).",
                  [&client] { return static_cast<double>(client.inline_completions()); });
  sink.AddCounter("pulumi_upstream_inline_spin_hits_total",
                  "Of those, answers the thread caught while still busy-polling the connection, "
                  "before it would have slept (--upstream_inline_spin).",
                  [&client] { return static_cast<double>(client.inline_spin_hits()); });
}

}  // namespace pulumi_gateway
