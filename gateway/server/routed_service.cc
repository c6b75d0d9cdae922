#include "gateway/server/routed_service.h"

#include "grpcpp/impl/codegen/rpc_service_method.h"
#include "grpcpp/impl/codegen/server_callback_handlers.h"

namespace pulumi_gateway {

RoutedService::RoutedService(const google::protobuf::ServiceDescriptor* service,
                             const RouteTable& routes, Handler handler) {
  for (int i = 0; i < service->method_count(); ++i) {
    const Route* route =
        routes.Find(std::string("/") + service->full_name() + "/" + service->method(i)->name());
    if (route == nullptr) continue;
    AddMethod(new grpc::internal::RpcServiceMethod(route->grpc_path.c_str(),
                                                   grpc::internal::RpcMethod::NORMAL_RPC, nullptr));
    MarkMethodRawCallback(
        registered_,
        new grpc::internal::CallbackUnaryHandler<grpc::ByteBuffer, grpc::ByteBuffer>(
            [handler, route](grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
                             grpc::ByteBuffer* response) {
              return handler(context, request, response, *route);
            }));
    ++registered_;
  }
}

}  // namespace pulumi_gateway
