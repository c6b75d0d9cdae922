// A grpc::Service for one proto service whose routed methods are all served by one raw callback
// handler (its paginated server-streaming methods by one stream handler, and its composite methods
// by one composite handler of each kind). This is the only file
// that touches gRPC's internal registration API; registering the service this way (rather than as a
// CallbackGenericService) keeps it visible to server reflection, and methods without a route stay
// unregistered so gRPC answers UNIMPLEMENTED.
//
//   RoutedService::Handlers handlers;
//   handlers.unary = [&](ctx, request, response, route) { return StartCall(...); };
//   ...
//   RoutedService service(descriptor, table, handlers);
//   builder.RegisterService(&service);
#ifndef GATEWAY_SERVER_ROUTED_SERVICE_H_
#define GATEWAY_SERVER_ROUTED_SERVICE_H_

#include <functional>

#include "gateway/route/route_table.h"
#include "google/protobuf/descriptor.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/impl/codegen/service_type.h"

namespace pulumi_gateway {

class RoutedService final : public grpc::Service {
 public:
  using Handler = std::function<grpc::ServerUnaryReactor*(
      grpc::CallbackServerContext*, const grpc::ByteBuffer*, grpc::ByteBuffer*, const Route&)>;
  using StreamHandler = std::function<grpc::ServerWriteReactor<grpc::ByteBuffer>*(
      grpc::CallbackServerContext*, const grpc::ByteBuffer*, const StreamRoute&)>;
  using CompositeHandler =
      std::function<grpc::ServerUnaryReactor*(grpc::CallbackServerContext*, const grpc::ByteBuffer*,
                                              grpc::ByteBuffer*, const CompositeRoute&)>;
  using CompositeStreamHandler = std::function<grpc::ServerWriteReactor<grpc::ByteBuffer>*(
      grpc::CallbackServerContext*, const grpc::ByteBuffer*, const CompositeRoute&)>;

  struct Handlers {
    Handler unary;
    StreamHandler stream;
    CompositeHandler composite;
    CompositeStreamHandler composite_stream;
  };

  // `routes` must outlive the service: its route paths name the registered methods.
  RoutedService(const google::protobuf::ServiceDescriptor* service, const RouteTable& routes,
                Handlers handlers);

  // Methods registered (those with a route).
  int registered_methods() const { return registered_; }

 private:
  int registered_ = 0;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_SERVER_ROUTED_SERVICE_H_
