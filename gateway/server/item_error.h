// The per-item error of batch and composite RPCs: what a failed unary RPC would have put in its
// grpc::Status and google.rpc.ErrorInfo, as a message field, so one failed item does not fail
// the whole call.
//
//   absl::Status s = ReadUpstreamResponse(env, route, result, request_id, &out, metrics);
//   if (!s.ok()) *response.mutable_error() = ItemErrorFromStatus(s);
//   // code 5, message "... (HTTP 404)", http_status 404, reason "HTTP_404"
#ifndef GATEWAY_SERVER_ITEM_ERROR_H_
#define GATEWAY_SERVER_ITEM_ERROR_H_

#include "absl/status/status.h"
#include "pulumi/service/v1/common.pb.h"

namespace pulumi_gateway {

// `status` (not OK) as an ItemError: its code and message as ToGrpcStatus would send them, and
// the reason and `http_status` metadata of its ErrorInfo payload (empty / 0 without one, e.g. for
// transport failures).
pulumi::service::v1::ItemError ItemErrorFromStatus(const absl::Status& status);

}  // namespace pulumi_gateway

#endif  // GATEWAY_SERVER_ITEM_ERROR_H_
