// What the fault suites share besides the harness (tests/support/harness.h: the emulator and the
// gateway in the test's process): the gateway in front of an emulator port (or of a port that
// refuses connections), and a gRPC client that times its calls.
//
//   auto emulator = StartEmulator();
//   auto gateway = StartGateway(emulator->port(), [](FlagValues& f) {
//     f.retry_initial_backoff = absl::Milliseconds(20);
//   });
//   GatewayClient client(gateway->address());
//   RpcResult r = client.GetStack({"acme-corp", "payments-api", "prod"}, absl::Seconds(5));
//   emulator->requests().Count("GET", "/api/stacks/acme-corp/payments-api/prod");
#ifndef TESTS_FAULTS_FAULT_ENV_H_
#define TESTS_FAULTS_FAULT_ENV_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "emulator/server.h"
#include "grpcpp/grpcpp.h"
#include "pulumi/service/v1/stacks.grpc.pb.h"
#include "tests/support/harness.h"

namespace pulumi_gateway::testing {

// jdoe's demo token (emulator/README.md): admin of acme-corp.
inline constexpr char kDemoToken[] = "pul-demo-jdoe-7f3a9c2e41b85d60f1e2a3b4c5d6e7f8";

// A gateway in passthrough mode in front of http://127.0.0.1:`upstream_port`, reads not coalesced
// (these suites count upstream requests per call), with `adjust`'s settings. Fails the test (and
// returns null) when it cannot start.
std::unique_ptr<TestGateway> StartGateway(int upstream_port, const AdjustFlags& adjust);

// A TCP port bound on 127.0.0.1 but not listening: connections to it are refused at once, and no
// other process can take it while this object lives.
class RefusingPort final {
 public:
  RefusingPort();
  ~RefusingPort();
  RefusingPort(const RefusingPort&) = delete;
  RefusingPort& operator=(const RefusingPort&) = delete;
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

struct StackName {
  std::string org;
  std::string project;
  std::string stack;
};

struct RpcResult {
  grpc::Status status;
  // From just before the call started to its completion, as the client saw it.
  absl::Duration elapsed;
};

// Typed unary calls to the gateway with jdoe's token, one deadline per call. An `x-request-id`
// given here is used by the gateway for the call (and its access log line).
class GatewayClient {
 public:
  explicit GatewayClient(const std::string& address);

  RpcResult GetStack(const StackName& stack, absl::Duration timeout,
                     const std::string& request_id = "");
  RpcResult CreateStack(const StackName& stack, absl::Duration timeout,
                        const std::string& request_id = "");
  // Starts `n` GetStack calls at once (callback API, no thread per call) and waits for all.
  std::vector<RpcResult> GetStackConcurrently(const StackName& stack, int n,
                                              absl::Duration timeout);

 private:
  std::unique_ptr<pulumi::service::v1::StacksService::Stub> stub_;
};

// The "attempts" field of the gateway's access log line for `request_id` (needs
// --log_level=info), waiting up to `timeout` for the line; nullopt when it does not show up.
std::optional<int> LoggedAttempts(const TestGateway& gateway, const std::string& request_id,
                                  absl::Duration timeout = absl::Seconds(2));

}  // namespace pulumi_gateway::testing

#endif  // TESTS_FAULTS_FAULT_ENV_H_
