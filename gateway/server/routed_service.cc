#include "gateway/server/routed_service.h"

#include "grpcpp/impl/codegen/rpc_service_method.h"
#include "grpcpp/impl/codegen/server_callback_handlers.h"

namespace pulumi_gateway {

RoutedService::RoutedService(const google::protobuf::ServiceDescriptor* service,
                             const RouteTable& routes, Handlers handlers) {
  for (int i = 0; i < service->method_count(); ++i) {
    const std::string path =
        std::string("/") + service->full_name() + "/" + service->method(i)->name();
    if (const StreamRoute* stream = routes.FindStream(path)) {
      AddMethod(new grpc::internal::RpcServiceMethod(
          stream->grpc_path.c_str(), grpc::internal::RpcMethod::SERVER_STREAMING, nullptr));
      MarkMethodRawCallback(
          registered_,
          new grpc::internal::CallbackServerStreamingHandler<grpc::ByteBuffer, grpc::ByteBuffer>(
              [handler = handlers.stream, stream](grpc::CallbackServerContext* context,
                                                  const grpc::ByteBuffer* request) {
                return handler(context, request, *stream);
              }));
      ++registered_;
      continue;
    }
    if (const CompositeRoute* composite = routes.FindComposite(path)) {
      if (composite->method->server_streaming()) {
        AddMethod(new grpc::internal::RpcServiceMethod(
            composite->grpc_path.c_str(), grpc::internal::RpcMethod::SERVER_STREAMING, nullptr));
        MarkMethodRawCallback(
            registered_,
            new grpc::internal::CallbackServerStreamingHandler<grpc::ByteBuffer, grpc::ByteBuffer>(
                [handler = handlers.composite_stream, composite](
                    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request) {
                  return handler(context, request, *composite);
                }));
      } else {
        AddMethod(new grpc::internal::RpcServiceMethod(
            composite->grpc_path.c_str(), grpc::internal::RpcMethod::NORMAL_RPC, nullptr));
        MarkMethodRawCallback(
            registered_,
            new grpc::internal::CallbackUnaryHandler<grpc::ByteBuffer, grpc::ByteBuffer>(
                [handler = handlers.composite, composite](grpc::CallbackServerContext* context,
                                                          const grpc::ByteBuffer* request,
                                                          grpc::ByteBuffer* response) {
                  return handler(context, request, response, *composite);
                }));
      }
      ++registered_;
      continue;
    }
    const Route* route = routes.Find(path);
    if (route == nullptr) continue;
    AddMethod(new grpc::internal::RpcServiceMethod(route->grpc_path.c_str(),
                                                   grpc::internal::RpcMethod::NORMAL_RPC, nullptr));
    MarkMethodRawCallback(
        registered_, new grpc::internal::CallbackUnaryHandler<grpc::ByteBuffer, grpc::ByteBuffer>(
                         [handler = handlers.unary, route](grpc::CallbackServerContext* context,
                                                           const grpc::ByteBuffer* request,
                                                           grpc::ByteBuffer* response) {
                           return handler(context, request, response, *route);
                         }));
    ++registered_;
  }
}

}  // namespace pulumi_gateway
