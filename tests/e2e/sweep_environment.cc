#include "tests/e2e/sweep_environment.h"

#include <cstdio>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "gateway/route/linked_services.h"
#include "tests/support/metrics.h"

namespace pulumi_gateway::e2e {

SweepEnvironment* SweepEnvironment::Install() {
  return static_cast<SweepEnvironment*>(::testing::AddGlobalTestEnvironment(new SweepEnvironment));
}

void SweepEnvironment::SetUp() {
  started_ = absl::Now();
  emulator::ServerOptions options;
  // Every connection the gateway keeps alive holds an emulator thread until it closes; writes
  // open new ones, so a small pool would make calls wait for idle connections to time out.
  options.threads = 128;
  emulator_ = testing::StartEmulator(options);
  ASSERT_NE(emulator_, nullptr);
  gateway_ = testing::TestGateway::Start(testing::UpstreamUrl(*emulator_), [](FlagValues& f) {
    f.metrics_listen = "127.0.0.1:0";
    f.log_level = "debug";
    // One upstream attempt per call: the emulator's counts are the gateway's requests.
    f.retry_max_attempts = 1;
    f.breaker_failure_threshold = 0;
  });
  ASSERT_NE(gateway_, nullptr);
  metrics_address_ = gateway_->metrics_address();
  channel_ = gateway_->channel();

  absl::StatusOr<RouteTable> table = RouteTable::Build(LinkedServices("pulumi.service.v1"));
  ASSERT_TRUE(table.ok()) << table.status();
  table_ = std::make_unique<RouteTable>(*std::move(table));
}

std::vector<std::string> SweepEnvironment::NewUnknownKeyLines(const std::string& method_full_name) {
  const std::string all = gateway_->LogText();
  std::vector<std::string> lines;
  const absl::string_view fresh = absl::string_view(all).substr(std::min(log_offset_, all.size()));
  for (absl::string_view line : absl::StrSplit(fresh, '\n')) {
    if (absl::StrContains(line, "\"unknown upstream keys\"") &&
        (method_full_name.empty() ||
         absl::StrContains(line, absl::StrCat("\"method\":\"", method_full_name, "\"")))) {
      lines.emplace_back(line);
    }
  }
  log_offset_ = all.size();
  return lines;
}

void SweepEnvironment::TearDown() {
  if (gateway_ != nullptr && table_ != nullptr) {
    // The authority on dropped keys: the gateway's own counter, per route, after every call.
    EXPECT_FALSE(metrics_address_.empty()) << "the gateway printed no metrics address";
    const std::string scraped = testing::ScrapeMetrics(metrics_address_);
    for (const auto& route : table_->routes()) {
      EXPECT_EQ(testing::SampleValue(
                    scraped, absl::StrCat("pulumi_upstream_unknown_json_keys_total{route=\"",
                                          route->method->name(), "\"}")),
                0)
          << route->method->full_name() << " dropped upstream keys";
    }
    std::printf(
        "rpc sweep: %d RPCs (%zu routes, %zu streams, %zu composites) in %d calls; %zu operations "
        "of the API description accepted by the emulator; %d answers compared key by key with "
        "the emulator's document; %d required-field cases; %.1f s\n",
        figures_.rpcs, table_->routes().size(), table_->stream_routes().size(),
        table_->composite_routes().size(), figures_.calls, figures_.operations_accepted.size(),
        figures_.answers_compared, figures_.required_cases,
        absl::ToDoubleSeconds(absl::Now() - started_));
  }
  gateway_.reset();
  if (emulator_ != nullptr) emulator_->Stop();
}

}  // namespace pulumi_gateway::e2e
