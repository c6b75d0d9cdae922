// pulumi_emulator: a local fake of the Pulumi Service REST API (see emulator/README.md).
//
//   bazel run //emulator:pulumi_emulator -- --listen=127.0.0.1:0
//   # stderr: listening on 127.0.0.1:41237
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "emulator/api_description.h"
#include "emulator/demo_seed.h"
#include "emulator/seed.h"
#include "emulator/server.h"

ABSL_FLAG(std::string, data, "",
          "Seed JSON file. Empty = the bundled demo data (emulator/data/demo.json, compiled in).");
ABSL_FLAG(std::string, listen, "127.0.0.1:8080",
          "host:port to listen on ([v6addr]:port for IPv6). Port 0 picks a free port.");
ABSL_FLAG(bool, admin, true,
          "Serve the /_emulator admin API (faults, request log, stats, rate limit, reset).");
ABSL_FLAG(double, rate_limit_rps, 0,
          "Per-token rate limit in requests/second; 0 = off. Excess requests get 429 with "
          "Retry-After. PUT /_emulator/rate-limit changes it at run time; POST /_emulator/reset "
          "restores this value.");
ABSL_FLAG(int, threads, 16, "HTTP worker threads.");
ABSL_FLAG(bool, conformance, true,
          "Answer every operation of the API description that no stateful route serves: the "
          "request is validated against the description (400 naming what is wrong) and answered "
          "with a deterministic, schema-complete document. Off: such paths answer 404.");
ABSL_FLAG(std::string, api_description, "",
          "OpenAPI description (JSON) driving the conformance mode and request validation. Empty "
          "= the compiled-in copy of third_party/pulumi-openapi/spec.json.");

namespace {

bool SplitHostPort(const std::string& listen, std::string* host, int* port) {
  size_t colon = listen.rfind(':');
  if (colon == std::string::npos) return false;
  *host = listen.substr(0, colon);
  if (host->size() >= 2 && host->front() == '[' && host->back() == ']') {
    *host = host->substr(1, host->size() - 2);
  }
  return !host->empty() && absl::SimpleAtoi(listen.substr(colon + 1), port) && *port >= 0 &&
         *port <= 65535;
}

int Fail(const std::string& message) {
  std::fprintf(stderr, "pulumi_emulator: %s\n", message.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);

  emulator::ServerOptions options;
  if (!SplitHostPort(absl::GetFlag(FLAGS_listen), &options.host, &options.port)) {
    return Fail(
        absl::StrCat("--listen must be host:port, got '", absl::GetFlag(FLAGS_listen), "'"));
  }
  options.enable_admin = absl::GetFlag(FLAGS_admin);
  options.rate_limit_rps = absl::GetFlag(FLAGS_rate_limit_rps);
  options.threads = absl::GetFlag(FLAGS_threads);
  options.conformance = absl::GetFlag(FLAGS_conformance);
  const std::string description = absl::GetFlag(FLAGS_api_description);
  if (!description.empty()) {
    std::ifstream in(description);
    if (!in) return Fail(absl::StrCat("cannot read --api_description ", description));
    std::stringstream text;
    text << in.rdbuf();
    absl::StatusOr<std::shared_ptr<const emulator::ApiDescription>> api =
        emulator::ApiDescription::Parse(text.str());
    if (!api.ok()) return Fail(absl::StrCat(description, ": ", api.status().message()));
    options.api_description = *std::move(api);
  }

  const std::string data = absl::GetFlag(FLAGS_data);
  absl::StatusOr<emulator::Json> seed =
      data.empty() ? emulator::DemoSeed() : emulator::LoadSeedFile(data);
  if (!seed.ok()) return Fail(std::string(seed.status().message()));

  // Block the stop signals before any thread starts so only sigwait() below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  absl::StatusOr<std::unique_ptr<emulator::Server>> server =
      emulator::Server::Create(*std::move(seed), options);
  if (!server.ok()) return Fail(std::string(server.status().message()));
  absl::Status started = (*server)->Start();
  if (!started.ok()) return Fail(std::string(started.message()));

  const std::string& host = (*server)->host();
  std::fprintf(
      stderr, "listening on %s:%d\n",
      host.find(':') != std::string::npos ? absl::StrCat("[", host, "]").c_str() : host.c_str(),
      (*server)->port());
  std::fflush(stderr);

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  (*server)->Stop();
  return 0;
}
