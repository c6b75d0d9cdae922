#include "tests/support/metrics.h"

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "httplib.h"

namespace pulumi_gateway::testing {

std::string ScrapeMetrics(const std::string& address) {
  const size_t colon = address.rfind(':');
  if (colon == std::string::npos) {
    ADD_FAILURE() << "no metrics address: \"" << address << "\"";
    return "";
  }
  httplib::Client client(address.substr(0, colon), std::stoi(address.substr(colon + 1)));
  httplib::Result result = client.Get("/metrics");
  if (!result || result->status != 200) {
    ADD_FAILURE() << "scrape of " << address << " failed";
    return "";
  }
  return result->body;
}

double SampleValue(absl::string_view metrics, absl::string_view series) {
  for (absl::string_view line : absl::StrSplit(metrics, '\n')) {
    double value = 0;
    if (absl::ConsumePrefix(&line, series) && absl::ConsumePrefix(&line, " ") &&
        absl::SimpleAtod(line, &value)) {
      return value;
    }
  }
  return -1;
}

double ScrapeSample(const std::string& address, absl::string_view series) {
  return SampleValue(ScrapeMetrics(address), series);
}

}  // namespace pulumi_gateway::testing
