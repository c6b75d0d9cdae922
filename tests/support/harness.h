// What the integration, fault and end-to-end suites start: a gateway (GatewayApp) and the
// emulator (emulator::Server), both in the test's own process, on ephemeral ports of 127.0.0.1.
// The gateway is configured the way the binary is — flag values through ParseConfig — so a test
// states settings by flag name; its JSON log goes to a file the test can read.
//
//   std::unique_ptr<emulator::Server> emulator = StartEmulator();
//   std::unique_ptr<TestGateway> gateway =
//       TestGateway::Start(UpstreamUrl(*emulator), [](FlagValues& f) {
//         f.retry_initial_backoff = absl::Milliseconds(20);
//       });
//   auto stub = pulumi::service::v1::StacksService::NewStub(gateway->channel());
//   std::optional<nlohmann::json> line = gateway->AccessLine("request-1");  // {"attempts": 2, ...}
//
// Suites that need a process of their own (signals, flags, exit codes, threads or memory of the
// binary as shipped) start the binary with StartGatewayBinary instead.
#ifndef TESTS_SUPPORT_HARNESS_H_
#define TESTS_SUPPORT_HARNESS_H_

#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "emulator/server.h"
#include "gateway/app/gateway_app.h"
#include "gateway/config/flag_values.h"
#include "google/protobuf/descriptor.h"
#include "grpcpp/grpcpp.h"
#include "nlohmann/json.hpp"
#include "tests/support/child_process.h"

namespace pulumi_gateway::testing {

// Edits the flag values a test gateway starts with, as a command line would.
using AdjustFlags = std::function<void(FlagValues&)>;

// Services a test gateway serves next to the Pulumi ones (GatewayAppEnvironment::extra_services),
// e.g. a test-only proto's: {route::testdata::OrgRequest::descriptor()->file()->service(0)}.
using ExtraServices = std::vector<const google::protobuf::ServiceDescriptor*>;

// The binary's defaults, except: listen on 127.0.0.1:0, no /metrics, log level warning, no
// PULUMI_ACCESS_TOKEN (passthrough must not fall back to one), and `upstream_url`.
FlagValues TestFlags(const std::string& upstream_url);

class TestGateway final {
 public:
  // Starts a gateway in front of `upstream_url` with TestFlags edited by `adjust`; a test
  // failure (and null) when the flags do not parse or the gateway cannot start.
  // `extra_services` are served too.
  static std::unique_ptr<TestGateway> Start(const std::string& upstream_url,
                                            const AdjustFlags& adjust = nullptr,
                                            const ExtraServices& extra_services = {});
  // The same, returning why it could not start: ParseConfig's or GatewayApp::Start's error.
  static absl::StatusOr<std::unique_ptr<TestGateway>> TryStart(
      const std::string& upstream_url, const AdjustFlags& adjust = nullptr,
      const ExtraServices& extra_services = {});

  ~TestGateway();
  TestGateway(const TestGateway&) = delete;
  TestGateway& operator=(const TestGateway&) = delete;

  // "127.0.0.1:<port>" of gRPC and (when --metrics_listen was set) of /metrics.
  const std::string& address() const { return app_->address(); }
  const std::string& metrics_address() const { return app_->metrics_address(); }
  // A plaintext channel to the gateway.
  std::shared_ptr<grpc::Channel> channel() const;
  GatewayApp& app() { return *app_; }

  // Everything logged so far, and its JSON lines parsed.
  std::string LogText() const;
  std::vector<nlohmann::json> LogLines() const;
  // The access lines logged so far, of `method` ("pulumi.service.v1.StacksService.GetStack")
  // when given.
  std::vector<nlohmann::json> AccessLog(absl::string_view method = "") const;
  // The access line of the call with `request_id`, waited for up to `timeout` (it is written
  // just before the reply, which the caller may see first); nullopt when it does not come.
  std::optional<nlohmann::json> AccessLine(const std::string& request_id,
                                           absl::Duration timeout = absl::Seconds(5)) const;

 private:
  TestGateway(std::string log_path, FILE* log) : log_path_(std::move(log_path)), log_(log) {}

  std::string log_path_;
  FILE* log_;
  std::unique_ptr<GatewayApp> app_;
};

// The gateway binary as shipped (a runfile of the test: data = ["//gateway:pulumi_gateway"]), with
// --listen=127.0.0.1:0 --metrics_listen= --log_level=warning and then `flags` (later flags win),
// without PULUMI_ACCESS_TOKEN; a test failure when it does not print "listening on" in time (the
// process is returned anyway, its stderr readable).
std::unique_ptr<ChildProcess> StartGatewayBinary(std::vector<std::string> flags);

// The emulator on 127.0.0.1:<free port> (options.port is ignored) with the demo seed, or
// `seed`; a test failure (and null) when it cannot start.
std::unique_ptr<emulator::Server> StartEmulator(emulator::ServerOptions options = {},
                                                std::optional<emulator::Json> seed = std::nullopt);

// "http://127.0.0.1:<port>" of a started emulator.
std::string UpstreamUrl(const emulator::Server& emulator);

}  // namespace pulumi_gateway::testing

#endif  // TESTS_SUPPORT_HARNESS_H_
