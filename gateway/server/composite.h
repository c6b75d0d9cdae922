// Entry points for RPCs the gateway assembles from other routes (pulumi.gateway.v1.composite):
// each composite method has one handler, chosen by its full method name here —
// BatchGetStacks (batch_get_stacks.h), ListStacksWithDetails (stacks_with_details.h) and WhoAmI
// (who_am_i.h).
//
//   grpc::ServerWriteReactor<grpc::ByteBuffer>* r =
//       StartCompositeStream(env, context, request, composite_route);
#ifndef GATEWAY_SERVER_COMPOSITE_H_
#define GATEWAY_SERVER_COMPOSITE_H_

#include "gateway/route/route_table.h"
#include "gateway/server/call_environment.h"
#include "grpcpp/grpcpp.h"

namespace pulumi_gateway {

// A unary composite call (WhoAmI). A method without a handler answers UNIMPLEMENTED.
grpc::ServerUnaryReactor* StartCompositeCall(const CallEnvironment& env,
                                             grpc::CallbackServerContext* context,
                                             const grpc::ByteBuffer* request,
                                             grpc::ByteBuffer* response,
                                             const CompositeRoute& route);

// A server-streaming composite call (BatchGetStacks, ListStacksWithDetails). A method without a
// handler answers UNIMPLEMENTED.
grpc::ServerWriteReactor<grpc::ByteBuffer>* StartCompositeStream(
    const CallEnvironment& env, grpc::CallbackServerContext* context,
    const grpc::ByteBuffer* request, const CompositeRoute& route);

}  // namespace pulumi_gateway

#endif  // GATEWAY_SERVER_COMPOSITE_H_
