#include "tests/e2e/raw_rpc.h"

#include <memory>

#include "absl/time/clock.h"
#include "grpcpp/impl/client_unary_call.h"
#include "grpcpp/impl/rpc_method.h"
#include "grpcpp/support/sync_stream.h"

namespace pulumi_gateway::e2e {
namespace {

grpc::ByteBuffer Serialize(const google::protobuf::Message& message) {
  std::string bytes;
  message.SerializeToString(&bytes);
  grpc::Slice slice(bytes);
  return grpc::ByteBuffer(&slice, 1);
}

std::string Flatten(const grpc::ByteBuffer& buffer) {
  grpc::Slice single;
  if (!buffer.DumpToSingleSlice(&single).ok()) return "";
  return std::string(reinterpret_cast<const char*>(single.begin()), single.size());
}

void Prepare(grpc::ClientContext& context, const RawMetadata& metadata, absl::Duration deadline) {
  for (const auto& [key, value] : metadata) context.AddMetadata(key, value);
  context.set_deadline(absl::ToChronoTime(absl::Now() + deadline));
}

}  // namespace

RawCall CallUnary(grpc::Channel& channel, const std::string& grpc_path,
                  const google::protobuf::Message& request, const RawMetadata& metadata,
                  absl::Duration deadline) {
  grpc::ClientContext context;
  Prepare(context, metadata, deadline);
  const grpc::internal::RpcMethod method(grpc_path.c_str(), grpc::internal::RpcMethod::NORMAL_RPC);
  grpc::ByteBuffer response;
  RawCall call;
  call.status = grpc::internal::BlockingUnaryCall<grpc::ByteBuffer, grpc::ByteBuffer,
                                                  grpc::ByteBuffer, grpc::ByteBuffer>(
      &channel, method, &context, Serialize(request), &response);
  if (call.status.ok()) call.messages.push_back(Flatten(response));
  return call;
}

RawCall CallServerStream(grpc::Channel& channel, const std::string& grpc_path,
                         const google::protobuf::Message& request, const RawMetadata& metadata,
                         absl::Duration deadline) {
  grpc::ClientContext context;
  Prepare(context, metadata, deadline);
  const grpc::internal::RpcMethod method(grpc_path.c_str(),
                                         grpc::internal::RpcMethod::SERVER_STREAMING);
  std::unique_ptr<grpc::ClientReader<grpc::ByteBuffer>> reader(
      grpc::internal::ClientReaderFactory<grpc::ByteBuffer>::Create(&channel, method, &context,
                                                                    Serialize(request)));
  RawCall call;
  grpc::ByteBuffer message;
  while (reader->Read(&message)) call.messages.push_back(Flatten(message));
  call.status = reader->Finish();
  return call;
}

}  // namespace pulumi_gateway::e2e
