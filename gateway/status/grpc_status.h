// Converts an absl::Status from the gateway's modules into the grpc::Status sent to the caller.
// google.rpc detail payloads (ErrorInfo, RetryInfo) become a google.rpc.Status in
// grpc-status-details-bin, where every gRPC client library can decode them. Other payloads (the
// gateway's internal markers) are dropped.
//
//   reactor->Finish(ToGrpcStatus(status));
#ifndef GATEWAY_STATUS_GRPC_STATUS_H_
#define GATEWAY_STATUS_GRPC_STATUS_H_

#include "absl/status/status.h"
#include "grpcpp/support/status.h"

namespace pulumi_gateway {

grpc::Status ToGrpcStatus(const absl::Status& status);

}  // namespace pulumi_gateway

#endif  // GATEWAY_STATUS_GRPC_STATUS_H_
