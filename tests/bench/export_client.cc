// Measures large ExportStack answers end to end without decoding them: calls
// StacksService/ExportStack --calls times in a row through a generic stub and reports, per call,
// the time from sending the request to holding the last byte of the reply.
//
// ghz decodes every reply into a dynamic Go message; for a 64 MB google.protobuf.Struct that
// costs the client several seconds, more than the gateway itself spends, so ghz would measure
// the client. This tool receives the reply as raw bytes.
//
//   export_client --target=127.0.0.1:PORT --calls=3
//   # stdout: {"calls":3,"codes":{"OK":3},"bytes":[...],"latency_ns":[...]}
#include <chrono>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "pulumi/service/v1/stacks.pb.h"

ABSL_FLAG(std::string, target, "", "Gateway address host:port. Required.");
ABSL_FLAG(int, calls, 1, "Calls, one after the other.");
ABSL_FLAG(std::string, org, "acme-corp", "org_name of the request.");
ABSL_FLAG(std::string, project, "payments-api", "project_name of the request.");
ABSL_FLAG(std::string, stack, "prod", "stack_name of the request.");
ABSL_FLAG(std::string, authorization, "token pul-bench", "authorization metadata.");
ABSL_FLAG(absl::Duration, timeout, absl::Minutes(5), "Deadline of each call.");

namespace pulumi_gateway::bench {
namespace {

constexpr char kMethod[] = "/pulumi.service.v1.StacksService/ExportStack";

const char* CodeName(grpc::StatusCode code) {
  static const char* const kNames[] = {
      "OK",       "Canceled",       "Unknown",          "InvalidArgument",   "DeadlineExceeded",
      "NotFound", "AlreadyExists",  "PermissionDenied", "ResourceExhausted", "FailedPrecondition",
      "Aborted",  "OutOfRange",     "Unimplemented",    "Internal",          "Unavailable",
      "DataLoss", "Unauthenticated"};
  const int index = static_cast<int>(code);
  return index >= 0 && index < 17 ? kNames[index] : "Unknown";
}

int Run() {
  const std::string target = absl::GetFlag(FLAGS_target);
  if (target.empty()) {
    std::cerr << "export_client: --target is required" << std::endl;
    return 2;
  }
  pulumi::service::v1::ExportStackRequest request;
  request.set_org_name(absl::GetFlag(FLAGS_org));
  request.set_project_name(absl::GetFlag(FLAGS_project));
  request.set_stack_name(absl::GetFlag(FLAGS_stack));
  grpc::Slice request_slice(request.SerializeAsString());
  const grpc::ByteBuffer request_bytes(&request_slice, 1);

  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(-1);
  grpc::GenericStub stub(
      grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(), args));
  grpc::CompletionQueue queue;

  std::map<std::string, int> codes;
  std::vector<size_t> bytes;
  std::vector<int64_t> latencies;
  for (int i = 0; i < absl::GetFlag(FLAGS_calls); ++i) {
    grpc::ClientContext context;
    context.AddMetadata("authorization", absl::GetFlag(FLAGS_authorization));
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::GetFlag(FLAGS_timeout)));
    grpc::ByteBuffer response;
    grpc::Status status;
    const auto start = std::chrono::steady_clock::now();
    auto call = stub.PrepareUnaryCall(&context, kMethod, request_bytes, &queue);
    call->StartCall();
    call->Finish(&response, &status, &response);
    void* tag = nullptr;
    bool ok = false;
    if (!queue.Next(&tag, &ok) || tag != &response) {
      std::cerr << "export_client: completion queue failed" << std::endl;
      return 1;
    }
    latencies.push_back(std::chrono::duration_cast<std::chrono::nanoseconds>(
                            std::chrono::steady_clock::now() - start)
                            .count());
    bytes.push_back(status.ok() ? response.Length() : 0);
    ++codes[CodeName(status.error_code())];
    if (!status.ok()) std::cerr << "export_client: " << status.error_message() << std::endl;
  }
  queue.Shutdown();
  void* tag = nullptr;
  bool ok = false;
  while (queue.Next(&tag, &ok)) {
  }

  std::vector<std::string> code_fields;
  for (const auto& [code, count] : codes) {
    code_fields.push_back("\"" + code + "\":" + std::to_string(count));
  }
  std::cout << "{\"calls\":" << latencies.size() << ",\"codes\":{"
            << absl::StrJoin(code_fields, ",") << "},\"bytes\":[" << absl::StrJoin(bytes, ",")
            << "],\"latency_ns\":[" << absl::StrJoin(latencies, ",") << "]}" << std::endl;
  return 0;
}

}  // namespace
}  // namespace pulumi_gateway::bench

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Times ExportStack calls without decoding the reply.\nUsage: export_client "
      "--target=HOST:PORT [--calls=N]");
  absl::ParseCommandLine(argc, argv);
  return pulumi_gateway::bench::Run();
}
