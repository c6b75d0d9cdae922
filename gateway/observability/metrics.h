// Prometheus metrics of the gateway, registered at start-up for every route (a route's upstream
// series on its first call) and scraped from --metrics_listen at /metrics.
//
// Server side (go-grpc-prometheus names): grpc_server_started_total,
// grpc_server_handled_total{grpc_code}, grpc_server_handling_seconds (histogram), all labelled
// grpc_service, grpc_method, grpc_type. Upstream side, per route (the RPC name):
// pulumi_upstream_requests_total{route,status_class}, pulumi_upstream_request_duration_seconds,
// pulumi_upstream_retries_total, pulumi_upstream_timeouts_total,
// pulumi_upstream_unknown_json_keys_total (schema drift). Values other components own (calls and
// upstream requests in flight, connections opened, circuit-breaker state, ...) are read at scrape
// time: each component adds its own through the MetricSink interface (metric_sink.h).
//
//   GatewayMetrics metrics;
//   RouteMetrics* m = metrics.AddRoute(route.method);   // at start-up, once per route
//   metrics.CallStarted(m); ... metrics.CallHandled(m, code, elapsed);
#ifndef GATEWAY_OBSERVABILITY_METRICS_H_
#define GATEWAY_OBSERVABILITY_METRICS_H_

#include <array>
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gateway/observability/metric_sink.h"
#include "google/protobuf/descriptor.h"
#include "prometheus/collectable.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/gauge.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"

namespace pulumi_gateway {

// The upstream side of one route, created together on its first upstream attempt: a route never
// called costs no memory for them (most of the API's routes, in most deployments), and once
// called, every series of the route is there from zero (rate() and increase() see the first
// retry or timeout).
struct UpstreamRouteMetrics {
  // pulumi_upstream_requests_total by class: 1xx..5xx at [1..5], transport error at [0].
  std::array<prometheus::Counter*, 6> by_class{};
  prometheus::Histogram* duration = nullptr;
  prometheus::Counter* retries = nullptr;
  prometheus::Counter* timeouts = nullptr;
};

// The metric children of one route. Those made at start-up (the server side, and the schema-drift
// counter an alert waits on) and those made on first use (see above) are then only atomics to a
// call.
struct RouteMetrics {
  std::string route;
  prometheus::Counter* started = nullptr;
  prometheus::Histogram* handling = nullptr;
  // grpc_server_handled_total by code, created on first use.
  std::array<std::atomic<prometheus::Counter*>, 17> handled{};
  std::atomic<UpstreamRouteMetrics*> upstream{nullptr};
  prometheus::Counter* unknown_keys = nullptr;
  std::vector<std::string> labels;  // grpc_service, grpc_method, grpc_type values
};

class GatewayMetrics final : public MetricSink {
 public:
  GatewayMetrics();

  // Creates the children of `method`'s route (label `route` = the method name). Start-up only.
  RouteMetrics* AddRoute(const google::protobuf::MethodDescriptor* method);
  // The route registered under `route`, or null. Safe to call concurrently after start-up.
  RouteMetrics* Find(absl::string_view route) const;

  void CallStarted(RouteMetrics* route);
  void CallHandled(RouteMetrics* route, absl::StatusCode code, absl::Duration elapsed);
  // One upstream attempt: `http_status` 0 for a transport failure; `timed_out` for timeouts.
  void UpstreamAttempt(RouteMetrics* route, int http_status, bool timed_out,
                       absl::Duration elapsed);
  void UpstreamRetry(RouteMetrics* route);
  void UnknownKeys(RouteMetrics* route, int count);

  // MetricSink: values other components own, read at each scrape.
  void AddCounter(std::string name, std::string help, std::function<double()> read) override;
  void AddGauge(std::string name, std::string help, std::function<double()> read) override;

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }
  std::shared_ptr<prometheus::Collectable> callbacks() const { return callbacks_; }

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  std::shared_ptr<prometheus::Collectable> callbacks_;
  prometheus::Family<prometheus::Counter>& started_;
  prometheus::Family<prometheus::Counter>& handled_;
  prometheus::Family<prometheus::Histogram>& handling_;
  prometheus::Family<prometheus::Counter>& upstream_requests_;
  prometheus::Family<prometheus::Histogram>& upstream_duration_;
  prometheus::Family<prometheus::Counter>& retries_;
  prometheus::Family<prometheus::Counter>& timeouts_;
  prometheus::Family<prometheus::Counter>& unknown_keys_;
  // `route`'s upstream children, created on the first call.
  UpstreamRouteMetrics& Upstream(RouteMetrics* route);

  std::vector<std::unique_ptr<RouteMetrics>> routes_;
  absl::flat_hash_map<std::string, RouteMetrics*> by_name_;
  absl::Mutex upstream_mu_;
  std::vector<std::unique_ptr<UpstreamRouteMetrics>> upstream_ ABSL_GUARDED_BY(upstream_mu_);
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_OBSERVABILITY_METRICS_H_
