// Calls any gRPC method by its path with serialized protobuf messages, unary or server-streaming,
// for suites that reach every RPC from the descriptors rather than through generated stubs.
//
//   RawCall call = CallUnary(*channel, "/pulumi.service.v1.StacksService/GetStack", request,
//                            {{"authorization", "token pul-test-..."}}, absl::Seconds(10));
//   call.status.ok(); call.messages.size() == 1;  // the response bytes
//
// The streaming half uses gRPC's internal reader factory (what generated stubs call), kept to
// raw_rpc.cc so nothing else depends on it.
#ifndef TESTS_E2E_RAW_RPC_H_
#define TESTS_E2E_RAW_RPC_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/time/time.h"
#include "google/protobuf/message.h"
#include "grpcpp/grpcpp.h"

namespace pulumi_gateway::e2e {

using RawMetadata = std::vector<std::pair<std::string, std::string>>;

struct RawCall {
  grpc::Status status;
  // Every response message received, serialized (a unary call has one when it succeeded).
  std::vector<std::string> messages;
};

// One unary call of `grpc_path` ("/package.Service/Method").
RawCall CallUnary(grpc::Channel& channel, const std::string& grpc_path,
                  const google::protobuf::Message& request, const RawMetadata& metadata,
                  absl::Duration deadline);

// One server-streaming call; reads every message until the stream ends.
RawCall CallServerStream(grpc::Channel& channel, const std::string& grpc_path,
                         const google::protobuf::Message& request, const RawMetadata& metadata,
                         absl::Duration deadline);

}  // namespace pulumi_gateway::e2e

#endif  // TESTS_E2E_RAW_RPC_H_
