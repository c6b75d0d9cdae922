#include "gateway/observability/metrics.h"

#include <utility>

#include "absl/synchronization/mutex.h"
#include "prometheus/metric_family.h"

namespace pulumi_gateway {
namespace {

const prometheus::Histogram::BucketBoundaries& LatencyBuckets() {
  static const auto* buckets = new prometheus::Histogram::BucketBoundaries{
      0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};
  return *buckets;
}

const char* ClassLabel(int index) {
  static const char* kClasses[] = {"error", "1xx", "2xx", "3xx", "4xx", "5xx"};
  return kClasses[index];
}

// Scrape-time values: each entry reads its value when Prometheus asks.
class CallbackCollectable final : public prometheus::Collectable {
 public:
  struct Entry {
    std::string name;
    std::string help;
    prometheus::MetricType type;
    std::function<double()> read;
  };

  void Add(Entry entry) {
    absl::MutexLock lock(&mu_);
    entries_.push_back(std::move(entry));
  }

  std::vector<prometheus::MetricFamily> Collect() const override {
    absl::MutexLock lock(&mu_);
    std::vector<prometheus::MetricFamily> families;
    for (const Entry& entry : entries_) {
      prometheus::MetricFamily family;
      family.name = entry.name;
      family.help = entry.help;
      family.type = entry.type;
      prometheus::ClientMetric metric;
      if (entry.type == prometheus::MetricType::Counter) {
        metric.counter.value = entry.read();
      } else {
        metric.gauge.value = entry.read();
      }
      family.metric.push_back(std::move(metric));
      families.push_back(std::move(family));
    }
    return families;
  }

 private:
  mutable absl::Mutex mu_;
  std::vector<Entry> entries_;
};

}  // namespace

GatewayMetrics::GatewayMetrics()
    : registry_(std::make_shared<prometheus::Registry>()),
      callbacks_(std::make_shared<CallbackCollectable>()),
      started_(prometheus::BuildCounter()
                   .Name("grpc_server_started_total")
                   .Help("RPCs started on the server.")
                   .Register(*registry_)),
      handled_(prometheus::BuildCounter()
                   .Name("grpc_server_handled_total")
                   .Help("RPCs completed on the server, by gRPC code.")
                   .Register(*registry_)),
      handling_(prometheus::BuildHistogram()
                    .Name("grpc_server_handling_seconds")
                    .Help("Time from the start of an RPC to its status, in seconds.")
                    .Register(*registry_)),
      upstream_requests_(prometheus::BuildCounter()
                             .Name("pulumi_upstream_requests_total")
                             .Help("Upstream HTTP attempts by route and status class (error: "
                                   "no HTTP status, e.g. connect failure or timeout).")
                             .Register(*registry_)),
      upstream_duration_(prometheus::BuildHistogram()
                             .Name("pulumi_upstream_request_duration_seconds")
                             .Help("Duration of upstream HTTP attempts, in seconds.")
                             .Register(*registry_)),
      retries_(prometheus::BuildCounter()
                   .Name("pulumi_upstream_retries_total")
                   .Help("Upstream attempts that were retries of an earlier attempt.")
                   .Register(*registry_)),
      timeouts_(prometheus::BuildCounter()
                    .Name("pulumi_upstream_timeouts_total")
                    .Help("Upstream attempts abandoned because the deadline passed.")
                    .Register(*registry_)),
      unknown_keys_(prometheus::BuildCounter()
                        .Name("pulumi_upstream_unknown_json_keys_total")
                        .Help("JSON keys in upstream responses that the protos do not know: "
                              "the upstream API grew (schema drift).")
                        .Register(*registry_)) {}

RouteMetrics* GatewayMetrics::AddRoute(const google::protobuf::MethodDescriptor* method) {
  auto metrics = std::make_unique<RouteMetrics>();
  metrics->route = method->name();
  const std::string type = method->server_streaming() ? "server_stream" : "unary";
  metrics->labels = {method->service()->full_name(), method->name(), type};
  const std::map<std::string, std::string> server_labels = {{"grpc_service", metrics->labels[0]},
                                                            {"grpc_method", metrics->labels[1]},
                                                            {"grpc_type", metrics->labels[2]}};
  metrics->started = &started_.Add(server_labels);
  metrics->handling = &handling_.Add(server_labels, LatencyBuckets());
  metrics->unknown_keys = &unknown_keys_.Add({{"route", metrics->route}});
  RouteMetrics* raw = metrics.get();
  by_name_[metrics->route] = raw;
  routes_.push_back(std::move(metrics));
  return raw;
}

RouteMetrics* GatewayMetrics::Find(absl::string_view route) const {
  auto it = by_name_.find(route);
  return it == by_name_.end() ? nullptr : it->second;
}

void GatewayMetrics::CallStarted(RouteMetrics* route) { route->started->Increment(); }

void GatewayMetrics::CallHandled(RouteMetrics* route, absl::StatusCode code,
                                 absl::Duration elapsed) {
  const int index = static_cast<int>(code);
  if (index < 0 || index >= static_cast<int>(route->handled.size())) return;
  prometheus::Counter* counter = route->handled[index].load(std::memory_order_acquire);
  if (counter == nullptr) {
    // Family::Add returns the same child for the same labels, so a race only repeats a lookup.
    counter = &handled_.Add({{"grpc_service", route->labels[0]},
                             {"grpc_method", route->labels[1]},
                             {"grpc_type", route->labels[2]},
                             {"grpc_code", absl::StatusCodeToString(code)}});
    route->handled[index].store(counter, std::memory_order_release);
  }
  counter->Increment();
  route->handling->Observe(absl::ToDoubleSeconds(elapsed));
}

UpstreamRouteMetrics& GatewayMetrics::Upstream(RouteMetrics* route) {
  if (UpstreamRouteMetrics* made = route->upstream.load(std::memory_order_acquire)) return *made;
  absl::MutexLock lock(&upstream_mu_);
  if (UpstreamRouteMetrics* made = route->upstream.load(std::memory_order_acquire)) return *made;
  auto made = std::make_unique<UpstreamRouteMetrics>();
  for (int i = 0; i < 6; ++i) {
    made->by_class[i] =
        &upstream_requests_.Add({{"route", route->route}, {"status_class", ClassLabel(i)}});
  }
  made->duration = &upstream_duration_.Add({{"route", route->route}}, LatencyBuckets());
  made->retries = &retries_.Add({{"route", route->route}});
  made->timeouts = &timeouts_.Add({{"route", route->route}});
  route->upstream.store(made.get(), std::memory_order_release);
  upstream_.push_back(std::move(made));
  return *upstream_.back();
}

void GatewayMetrics::UpstreamAttempt(RouteMetrics* route, int http_status, bool timed_out,
                                     absl::Duration elapsed) {
  UpstreamRouteMetrics& upstream = Upstream(route);
  const int index = http_status >= 100 && http_status < 600 ? http_status / 100 : 0;
  upstream.by_class[index]->Increment();
  upstream.duration->Observe(absl::ToDoubleSeconds(elapsed));
  if (timed_out) upstream.timeouts->Increment();
}

void GatewayMetrics::UpstreamRetry(RouteMetrics* route) { Upstream(route).retries->Increment(); }

void GatewayMetrics::UnknownKeys(RouteMetrics* route, int count) {
  if (count > 0) route->unknown_keys->Increment(count);
}

void GatewayMetrics::AddCounter(std::string name, std::string help, std::function<double()> read) {
  static_cast<CallbackCollectable*>(callbacks_.get())
      ->Add({std::move(name), std::move(help), prometheus::MetricType::Counter, std::move(read)});
}

void GatewayMetrics::AddGauge(std::string name, std::string help, std::function<double()> read) {
  static_cast<CallbackCollectable*>(callbacks_.get())
      ->Add({std::move(name), std::move(help), prometheus::MetricType::Gauge, std::move(read)});
}

}  // namespace pulumi_gateway
