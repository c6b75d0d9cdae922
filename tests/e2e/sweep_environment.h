// The generated suite's environment: one emulator (in-process, so the suite reads its operation
// counters, request log and store directly) and one gateway (in-process too, through
// tests/support:harness, with metrics and debug logs on) for the whole test binary, plus the route
// table the gateway builds from the same descriptors.
//
//   SweepEnvironment* sweep = SweepEnvironment::Install();  // at namespace scope, once
//   sweep->emulator().store().Reset();
//   RawCall call = CallUnary(sweep->channel(), route.grpc_path, request, auth, deadline);
//   sweep->NewUnknownKeyLines(route.method->full_name());  // the keys the gateway dropped
//
// At the end it checks the gateway's own unknown-key counter of every route and prints the
// suite's figures.
#ifndef TESTS_E2E_SWEEP_ENVIRONMENT_H_
#define TESTS_E2E_SWEEP_ENVIRONMENT_H_

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "emulator/server.h"
#include "gateway/route/route_table.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "tests/support/harness.h"

namespace pulumi_gateway::e2e {

class SweepEnvironment final : public ::testing::Environment {
 public:
  // Registers the environment with gtest (it starts before the first test and stops after the
  // last one) and returns it.
  static SweepEnvironment* Install();

  void SetUp() override;
  // Fails for every route whose pulumi_upstream_unknown_json_keys_total is not 0, then prints the
  // figures and stops the gateway and the emulator.
  void TearDown() override;

  emulator::Server& emulator() { return *emulator_; }
  grpc::Channel& channel() { return *channel_; }
  const RouteTable& table() const { return *table_; }

  // The gateway's debug lines about unknown upstream keys logged since the last call, for the
  // method `method_full_name` (every method when empty).
  std::vector<std::string> NewUnknownKeyLines(const std::string& method_full_name);

  // The suite's figures, printed at the end.
  struct Figures {
    int rpcs = 0;
    int calls = 0;
    int required_cases = 0;
    int answers_compared = 0;
    std::set<std::string> operations_accepted;
  };
  Figures& figures() { return figures_; }

 private:
  std::unique_ptr<emulator::Server> emulator_;
  std::unique_ptr<testing::TestGateway> gateway_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<RouteTable> table_;
  std::string metrics_address_;
  size_t log_offset_ = 0;
  absl::Time started_;
  Figures figures_;
};

}  // namespace pulumi_gateway::e2e

#endif  // TESTS_E2E_SWEEP_ENVIRONMENT_H_
