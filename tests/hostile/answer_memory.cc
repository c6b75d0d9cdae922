// Measures what one large typed answer costs the gateway: the process's peak resident memory
// while it reads a GetStack answer whose `tags` map is huge (the shape that costs the most per
// byte), and its resident memory once the call is over. Prints one line per case.
//
//   bazel build -c opt //gateway:pulumi_gateway //tests/hostile:answer_memory
//   bazel-bin/tests/hostile/answer_memory --gateway=bazel-bin/gateway/pulumi_gateway
//
// Each case runs in a fresh gateway process, so its peak (VmHWM) belongs to that answer alone.
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "grpcpp/grpcpp.h"
#include "pulumi/service/v1/stacks.grpc.pb.h"
#include "tests/hostile/hostile_cases.h"
#include "tests/hostile/raw_upstream.h"
#include "tests/support/child_process.h"

ABSL_FLAG(std::string, gateway, "bazel-bin/gateway/pulumi_gateway", "The gateway binary.");

namespace pulumi_gateway::testing {
namespace {

namespace v1 = ::pulumi::service::v1;

// A stack whose `tags` map has `entries` entries (about 14 bytes of JSON each).
std::string StackWithTags(int entries) {
  std::string json = R"({"orgName":"acme","projectName":"p","stackName":"big","tags":{)";
  json.reserve(static_cast<size_t>(entries) * 20 + 100);
  for (int i = 0; i < entries; ++i) {
    if (i > 0) json += ',';
    absl::StrAppend(&json, "\"k", i, "\":\"x\"");
  }
  return json + "}}";
}

void Measure(const std::string& binary, int entries) {
  const std::string answer = HttpAnswer(200, StackWithTags(entries));
  const double body_mb = static_cast<double>(answer.size()) / 1e6;
  RawUpstream upstream([&answer](RawConnection& c) {
    while (std::optional<RawRequest> request = c.ReadRequest(absl::Seconds(120))) {
      if (!c.Write(answer)) return;
    }
  });
  ChildProcess gateway(binary,
                       {"--listen=127.0.0.1:0", "--metrics_listen=", "--log_level=info",
                        "--upstream=" + upstream.base_url()},
                       {"PULUMI_ACCESS_TOKEN="});
  absl::StatusOr<std::string> address = gateway.WaitListening(absl::Seconds(30));
  if (!address.ok()) {
    std::cerr << address.status() << "\n";
    return;
  }
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(-1);
  auto stub = v1::StacksService::NewStub(
      grpc::CreateCustomChannel(*address, grpc::InsecureChannelCredentials(), args));
  const int64_t idle = ProcStatusValue(gateway.pid(), "VmRSS:");
  v1::GetStackRequest request;
  request.set_org_name("acme");
  request.set_project_name("p");
  request.set_stack_name("big");
  grpc::ClientContext context;
  context.AddMetadata("authorization", "token pul-test-measure");
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(120)));
  v1::GetStackResponse response;
  const absl::Time start = absl::Now();
  const grpc::Status status = stub->GetStack(&context, request, &response);
  const absl::Duration took = absl::Now() - start;
  const int64_t peak = ProcStatusValue(gateway.pid(), "VmHWM:");
  // Memory goes back asynchronously (a release after large answers, within a second or so):
  // wait until it has not moved for half a second, for 5 s at most.
  int64_t after = ProcStatusValue(gateway.pid(), "VmRSS:");
  for (int i = 0, unchanged = 0; i < 100 && unchanged < 10; ++i) {
    absl::SleepFor(absl::Milliseconds(50));
    const int64_t now = ProcStatusValue(gateway.pid(), "VmRSS:");
    unchanged = now == after ? unchanged + 1 : 0;
    after = now;
  }
  // The gateway's own time for the call, from its access line.
  std::string gateway_ms = "?";
  for (absl::string_view line : absl::StrSplit(gateway.Stderr(), '\n')) {
    const size_t at = line.find("\"duration_ms\":");
    if (at != absl::string_view::npos && absl::StrContains(line, "\"access\"")) {
      gateway_ms = std::string(line.substr(at + 14, line.find_first_of(",}", at) - at - 14));
    }
  }
  const double peak_mb = static_cast<double>(peak) / 1024;
  const double growth_mb = static_cast<double>(peak - idle) / 1024;
  std::cout << absl::StrFormat(
      "%d-entry tags map, %.1f MB answer: %s (%zu tags) in %d ms (gateway %s ms); RSS idle %.1f "
      "MiB, peak %.1f "
      "MiB (+%.1f MiB = %.1f x the answer), after %.1f MiB\n",
      entries, body_mb, status.ok() ? "OK" : status.error_message(),
      static_cast<size_t>(response.stack().tags().size()),
      static_cast<int>(absl::ToInt64Milliseconds(took)), gateway_ms,
      static_cast<double>(idle) / 1024, peak_mb, growth_mb, growth_mb * 1024 * 1024 / 1e6 / body_mb,
      static_cast<double>(after) / 1024);
}

}  // namespace
}  // namespace pulumi_gateway::testing

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const std::string binary = absl::GetFlag(FLAGS_gateway);
  // The issue's two answers: 14 MB with a 1M-entry map, and about 60 MB.
  pulumi_gateway::testing::Measure(binary, 1000000);
  pulumi_gateway::testing::Measure(binary, 4000000);
  return 0;
}
