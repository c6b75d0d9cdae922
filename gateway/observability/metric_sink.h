// Where a component exports the metrics it owns: values read from the component at each scrape.
// Each component declares its own names and help next to its code (ExportMetrics), so no central
// list of metric names exists; GatewayMetrics is the sink the gateway scrapes.
//
//   void CircuitBreaker::ExportMetrics(MetricSink& sink) const {
//     sink.AddGauge("pulumi_upstream_circuit_breaker_state", "Upstream circuit breaker: ...",
//                   [this] { return static_cast<double>(state()); });
//   }
#ifndef GATEWAY_OBSERVABILITY_METRIC_SINK_H_
#define GATEWAY_OBSERVABILITY_METRIC_SINK_H_

#include <functional>
#include <string>

namespace pulumi_gateway {

class MetricSink {
 public:
  virtual ~MetricSink() = default;

  // A value that only grows (a Prometheus counter), read by `read` at each scrape. `read` runs on
  // the scraping thread while the exporter lives: it must be cheap and thread-safe.
  virtual void AddCounter(std::string name, std::string help, std::function<double()> read) = 0;
  // A value that goes up and down (a Prometheus gauge), read the same way.
  virtual void AddGauge(std::string name, std::string help, std::function<double()> read) = 0;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_OBSERVABILITY_METRIC_SINK_H_
