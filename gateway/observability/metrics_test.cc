// GatewayMetrics as the MetricSink components export to: counters and gauges keep their type,
// name and help, and are read at each collection, not when added. A route's series: the server
// side and the schema-drift counter from start-up, the upstream side from its first attempt.
#include "gateway/observability/metrics.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "grpc/health/v1/health.pb.h"
#include "gtest/gtest.h"
#include "prometheus/metric_family.h"

namespace pulumi_gateway {
namespace {

TEST(GatewayMetricsTest, CountersAndGaugesAreReadAtEachCollection) {
  GatewayMetrics metrics;
  double served = 1;
  double queued = 7;
  MetricSink& sink = metrics;
  sink.AddCounter("test_served_total", "Served.", [&] { return served; });
  sink.AddGauge("test_queued", "Queued.", [&] { return queued; });
  served = 5;
  queued = 2;

  std::vector<prometheus::MetricFamily> families = metrics.callbacks()->Collect();
  ASSERT_EQ(families.size(), 2u);
  EXPECT_EQ(families[0].name, "test_served_total");
  EXPECT_EQ(families[0].help, "Served.");
  EXPECT_EQ(families[0].type, prometheus::MetricType::Counter);
  EXPECT_EQ(families[0].metric.at(0).counter.value, 5);
  EXPECT_EQ(families[1].name, "test_queued");
  EXPECT_EQ(families[1].type, prometheus::MetricType::Gauge);
  EXPECT_EQ(families[1].metric.at(0).gauge.value, 2);
}

// The samples of family `name` as "labels=value" strings (labels in order, comma-separated).
std::vector<std::string> Samples(const GatewayMetrics& metrics, const std::string& name) {
  std::vector<std::string> samples;
  for (const prometheus::MetricFamily& family : metrics.registry()->Collect()) {
    if (family.name != name) continue;
    for (const prometheus::ClientMetric& metric : family.metric) {
      std::string text;
      for (const prometheus::ClientMetric::Label& label : metric.label) {
        text += label.name + "=" + label.value + ",";
      }
      const double value = family.type == prometheus::MetricType::Histogram
                               ? static_cast<double>(metric.histogram.sample_count)
                               : metric.counter.value;
      samples.push_back(text + "=" + std::to_string(static_cast<int>(value)));
    }
  }
  return samples;
}

TEST(GatewayMetricsTest, ARoutesUpstreamSeriesAppearTogetherOnItsFirstAttempt) {
  GatewayMetrics metrics;
  const google::protobuf::ServiceDescriptor* health =
      grpc::health::v1::HealthCheckRequest::descriptor()->file()->FindServiceByName("Health");
  ASSERT_NE(health, nullptr);
  RouteMetrics* check = metrics.AddRoute(health->FindMethodByName("Check"));
  RouteMetrics* watch = metrics.AddRoute(health->FindMethodByName("Watch"));
  ASSERT_EQ(metrics.Find("Check"), check);

  // Before any call: the server side and the drift counter of both routes, nothing upstream.
  EXPECT_EQ(Samples(metrics, "grpc_server_started_total").size(), 2u);
  EXPECT_THAT(Samples(metrics, "pulumi_upstream_unknown_json_keys_total"),
              ::testing::UnorderedElementsAre("route=Check,=0", "route=Watch,=0"));
  EXPECT_THAT(Samples(metrics, "pulumi_upstream_requests_total"), ::testing::IsEmpty());
  EXPECT_THAT(Samples(metrics, "pulumi_upstream_retries_total"), ::testing::IsEmpty());

  metrics.UpstreamAttempt(check, 503, /*timed_out=*/false, absl::Milliseconds(3));
  metrics.UpstreamRetry(check);
  metrics.UpstreamAttempt(check, 0, /*timed_out=*/true, absl::Seconds(1));
  // Every upstream series of Check, from zero; still none of Watch.
  EXPECT_THAT(Samples(metrics, "pulumi_upstream_requests_total"),
              ::testing::UnorderedElementsAre(
                  "route=Check,status_class=error,=1", "route=Check,status_class=1xx,=0",
                  "route=Check,status_class=2xx,=0", "route=Check,status_class=3xx,=0",
                  "route=Check,status_class=4xx,=0", "route=Check,status_class=5xx,=1"));
  EXPECT_THAT(Samples(metrics, "pulumi_upstream_retries_total"),
              ::testing::ElementsAre("route=Check,=1"));
  EXPECT_THAT(Samples(metrics, "pulumi_upstream_timeouts_total"),
              ::testing::ElementsAre("route=Check,=1"));
  EXPECT_THAT(Samples(metrics, "pulumi_upstream_request_duration_seconds"),
              ::testing::ElementsAre("route=Check,=2"));

  // A retry may be a route's first upstream event too.
  metrics.UpstreamRetry(watch);
  EXPECT_THAT(Samples(metrics, "pulumi_upstream_retries_total"),
              ::testing::UnorderedElementsAre("route=Check,=1", "route=Watch,=1"));
  EXPECT_EQ(Samples(metrics, "pulumi_upstream_requests_total").size(), 12u);
}

}  // namespace
}  // namespace pulumi_gateway
