// The metrics of the curl client, exported next to it (the client's own files stay about the
// transfer loop).
//
//   ExportCurlMetrics(*curl, metrics);  // pulumi_upstream_connections_opened_total
#ifndef GATEWAY_UPSTREAM_CURL_METRICS_H_
#define GATEWAY_UPSTREAM_CURL_METRICS_H_

#include "gateway/observability/metric_sink.h"
#include "gateway/upstream/curl_client.h"

namespace pulumi_gateway {

// pulumi_upstream_connections_opened_total, pulumi_upstream_stale_connections_total,
// pulumi_upstream_inline_completions_total and pulumi_upstream_inline_spin_hits_total. `client`
// must outlive the sink's scrapes.
void ExportCurlMetrics(const CurlClient& client, MetricSink& sink);

}  // namespace pulumi_gateway

#endif  // GATEWAY_UPSTREAM_CURL_METRICS_H_
