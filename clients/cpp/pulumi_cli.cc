// pulumi_cli: calls any RPC of the Pulumi gRPC gateway by name and prints the JSON answer.
//
//   pulumi_cli --address=localhost:50051 --token="$PULUMI_ACCESS_TOKEN"
//       ListStacks '{"organization": "acme-corp"}'
//   pulumi_cli StreamMembers '{"orgName": "acme-corp"}'   # a stream: one JSON line per message
//   pulumi_cli --list                      # every RPC of every service of the API
//
// Errors print the gRPC code, message and decoded details on stderr; the exit code is 1.
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "clients/cpp/pulumi_client.h"
#include "google/protobuf/descriptor.h"

ABSL_FLAG(std::string, address, "localhost:50051", "Gateway address host:port.");
ABSL_FLAG(std::string, token, "",
          "Pulumi access token sent as authorization metadata. Empty: PULUMI_ACCESS_TOKEN.");
ABSL_FLAG(absl::Duration, timeout, absl::Seconds(30), "Deadline of the call.");
ABSL_FLAG(bool, tls, false, "Connect with TLS.");
ABSL_FLAG(std::string, ca_file, "", "PEM CA bundle for --tls; empty: system roots.");
ABSL_FLAG(std::string, cert_file, "", "Client certificate (PEM) for mutual TLS.");
ABSL_FLAG(std::string, key_file, "", "Client key (PEM) for mutual TLS.");
ABSL_FLAG(bool, list, false, "List every RPC with its request fields, then exit.");

namespace {

// Every RPC of every service of the API linked into this binary.
void ListMethods() {
  for (const google::protobuf::ServiceDescriptor* service :
       pulumi_client::PulumiClient::Services()) {
    for (int i = 0; i < service->method_count(); ++i) {
      const auto* method = service->method(i);
      std::string fields;
      for (int f = 0; f < method->input_type()->field_count(); ++f) {
        absl::StrAppend(&fields, f == 0 ? "" : ", ", method->input_type()->field(f)->json_name());
      }
      std::cout << service->name() << "/" << method->name() << "  {" << fields << "}"
                << (method->server_streaming() ? "  (stream)" : "") << "\n";
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Calls an RPC of the Pulumi gRPC gateway and prints the JSON response.\n"
      "Usage: pulumi_cli [flags] METHOD ['{\"json\": \"request\"}']\n"
      "       pulumi_cli --list");
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  if (absl::GetFlag(FLAGS_list)) {
    ListMethods();
    return 0;
  }
  if (args.size() < 2 || args.size() > 3) {
    std::cerr << absl::ProgramUsageMessage() << std::endl;
    return 2;
  }
  pulumi_client::ClientOptions options;
  options.address = absl::GetFlag(FLAGS_address);
  options.token = absl::GetFlag(FLAGS_token);
  if (options.token.empty()) {
    if (const char* env = std::getenv("PULUMI_ACCESS_TOKEN")) options.token = env;
  }
  options.default_deadline = absl::GetFlag(FLAGS_timeout);
  options.tls = absl::GetFlag(FLAGS_tls);
  options.ca_file = absl::GetFlag(FLAGS_ca_file);
  options.cert_file = absl::GetFlag(FLAGS_cert_file);
  options.key_file = absl::GetFlag(FLAGS_key_file);
  auto client = pulumi_client::PulumiClient::Connect(options);
  if (!client.ok()) {
    std::cerr << "pulumi_cli: " << client.status().message() << std::endl;
    return 2;
  }
  absl::StatusOr<std::string> response =
      (*client)->CallJson(args[1], args.size() == 3 ? args[2] : "");
  if (!response.ok()) {
    std::cerr << "pulumi_cli: " << absl::StatusCodeToString(response.status().code()) << ": "
              << response.status().message() << std::endl;
    return 1;
  }
  std::cout << *response << std::endl;
  return 0;
}
