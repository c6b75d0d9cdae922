// pulumi_gateway: serves the Pulumi Service REST API over gRPC. The gateway itself is GatewayApp
// (gateway/app/); this is the process around it: flags into a configuration, signals, and the
// drain on SIGTERM or SIGINT. Invalid configuration exits with code 2 and a message naming the
// flag.
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "gateway/app/gateway_app.h"
#include "gateway/config/parse_config.h"
#include "gateway/flags.h"
#include "gateway/http/memory_release.h"

namespace {

[[noreturn]] void Die(absl::string_view message) {
  std::cerr << "pulumi_gateway: " << message << std::endl;
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  // Debian's Abseil checks every Mutex acquisition for lock-order cycles (about 6% of the CPU
  // per call); the gateway's lock order is fixed and tested, so skip the bookkeeping.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  absl::SetProgramUsageMessage(
      absl::StrCat("Serves the Pulumi Service REST API over gRPC.\nUsage: ", argv[0],
                   " [--listen=HOST:PORT] [--upstream=URL] [--auth_mode=passthrough|service] ..."));
  absl::ParseCommandLine(argc, argv);
  // Process-wide, before any thread starts: large answers' memory goes back to the system, and a
  // failed allocation is std::bad_alloc (a failed call), never an abort.
  pulumi_gateway::ConfigureAllocator();
  absl::StatusOr<pulumi_gateway::GatewayConfig> config =
      pulumi_gateway::ParseConfig(pulumi_gateway::ReadFlags());
  if (!config.ok()) Die(config.status().message());

  // Block the signals before any thread starts (threads inherit the mask), so only the sigwait
  // below sees them and a SIGTERM during start-up still drains instead of killing the process.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  absl::StatusOr<std::unique_ptr<pulumi_gateway::GatewayApp>> app =
      pulumi_gateway::GatewayApp::Start(*config);
  if (!app.ok()) Die(app.status().message());
  // One write per line: tests and scripts read these lines while the process runs.
  if (!(*app)->metrics_address().empty()) {
    std::cerr << absl::StrCat("metrics listening on ", (*app)->metrics_address(), "\n")
              << std::flush;
  }
  std::cerr << absl::StrCat("listening on ", (*app)->address(), "\n") << std::flush;

  int signal = 0;
  sigwait(&signals, &signal);
  (*app)->Drain(signal == SIGTERM ? "SIGTERM" : "SIGINT");
  return 0;
}
