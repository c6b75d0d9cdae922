// GatewayMetrics as the MetricSink components export to: counters and gauges keep their type,
// name and help, and are read at each collection, not when added.
#include "gateway/observability/metrics.h"

#include <vector>

#include "gmock/gmock.h"
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

}  // namespace
}  // namespace pulumi_gateway
