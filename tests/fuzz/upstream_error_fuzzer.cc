// Fuzzes error-body parsing: the first two bytes pick the HTTP status, the rest is the body (and a
// Retry-After value). The resulting gRPC status always carries details that parse, with UTF-8
// text, so every client can decode them.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "gateway/status/grpc_status.h"
#include "gateway/status/upstream_error.h"
#include "google/rpc/status.pb.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  pulumi_gateway::HttpResponse response;
  response.status = 300 + (data[0] << 8 | data[1]) % 300;
  response.body.assign(reinterpret_cast<const char*>(data + 2), size - 2);
  response.headers.push_back({"Retry-After", response.body.substr(0, 40)});
  response.headers.push_back({"X-Pulumi-Request-ID", response.body.substr(0, 20)});
  pulumi_gateway::UpstreamErrorContext context;
  context.domain = "api.pulumi.com";
  context.request_id = "fuzz";
  absl::Status status = pulumi_gateway::UpstreamHttpError(response, context);
  if (status.ok()) std::abort();
  grpc::Status wire = pulumi_gateway::ToGrpcStatus(status);
  google::rpc::Status details;
  if (!details.ParseFromString(wire.error_details())) std::abort();
  return 0;
}
