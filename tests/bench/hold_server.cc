// The upstream for the "thousands of calls in flight" scenario: an HTTP/1.1 server that holds
// every request for --hold before answering with --body_file. It wraps the tested
// tests/support HeldUpstream (one epoll thread; a held request costs a few hundred bytes).
//
// nginx cannot delay a response without extra modules (echo_sleep, lua), and ghz and wrk are
// clients, so the benchmark needs this small server of its own.
//
//   hold_server --hold=2s --body_file=stacks-small.json
//   # stderr: listening on 127.0.0.1:PORT
//   # on SIGTERM/SIGINT, stdout: {"requests":5000,"peak_concurrency":5000,...}
#include <csignal>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "tests/support/held_upstream.h"

ABSL_FLAG(absl::Duration, hold, absl::Seconds(2), "How long each request is held.");
ABSL_FLAG(std::string, body_file, "", "Response body (served as application/json). Required.");

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "HTTP/1.1 server holding every request.\nUsage: hold_server --body_file=FILE [--hold=2s]");
  absl::ParseCommandLine(argc, argv);
  const std::string path = absl::GetFlag(FLAGS_body_file);
  std::ifstream in(path, std::ios::binary);
  if (path.empty() || !in) {
    std::cerr << "hold_server: --body_file: cannot read \"" << path << "\"" << std::endl;
    return 2;
  }
  std::stringstream body;
  body << in.rdbuf();

  // Block the stop signals before the server thread starts, so only sigwait below sees them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  pulumi_gateway::testing::HeldUpstream upstream(absl::GetFlag(FLAGS_hold), body.str());
  const std::string url = upstream.base_url();
  std::cerr << "listening on " << url.substr(url.find("//") + 2) << std::endl;

  int signal = 0;
  sigwait(&signals, &signal);
  std::cout << absl::StrFormat(R"({"requests":%d,"peak_concurrency":%d,"accepted_connections":%d,)"
                               R"("closed_connections":%d})",
                               upstream.requests(), upstream.peak_concurrency(),
                               upstream.accepted_connections(), upstream.closed_connections())
            << std::endl;
  return 0;
}
