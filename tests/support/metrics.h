// Reading a gateway's Prometheus /metrics in tests: one scrape, then samples by their exact
// series (metric name and labels as exposed).
//
//   const std::string text = ScrapeMetrics(gateway->metrics_address());
//   EXPECT_EQ(SampleValue(text, "pulumi_gateway_cache_hits_total"), 2);
//   EXPECT_EQ(ScrapeSample(address, R"(pulumi_upstream_retries_total{route="GetStack"})"), 0);
#ifndef TESTS_SUPPORT_METRICS_H_
#define TESTS_SUPPORT_METRICS_H_

#include <string>

#include "absl/strings/string_view.h"

namespace pulumi_gateway::testing {

// The text of GET /metrics on `address` ("127.0.0.1:<port>"); a test failure and "" when the
// scrape fails or does not answer 200.
std::string ScrapeMetrics(const std::string& address);

// The value of the sample `series` in a scrape's text, or -1 when it is not there.
double SampleValue(absl::string_view metrics, absl::string_view series);

// SampleValue of a fresh scrape of `address`.
double ScrapeSample(const std::string& address, absl::string_view series);

}  // namespace pulumi_gateway::testing

#endif  // TESTS_SUPPORT_METRICS_H_
