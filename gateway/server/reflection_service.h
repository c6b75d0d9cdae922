// gRPC server reflection (grpc.reflection.v1, and v1alpha, which older clients such as grpcurl
// before 1.9 and Postman still ask for) on gRPC's callback API: a reflection stream takes no
// thread of its own, so the gateway runs without the synchronous thread pool that gRPC's own
// reflection plugin brings along. Answers come from the descriptors linked into the binary
// (protobuf's generated pool), the same ones the routes are built from.
//
//   ReflectionServices reflection({"pulumi.service.v1.StacksService", "grpc.health.v1.Health"});
//   reflection.RegisterWith(builder);  // before builder.BuildAndStart(); outlives the server
//
// Per stream, each file goes out once: a file's answer carries the file and those of its imports
// not sent on that stream yet (a file asked for by name is always sent).
#ifndef GATEWAY_SERVER_REFLECTION_SERVICE_H_
#define GATEWAY_SERVER_REFLECTION_SERVICE_H_

#include <memory>
#include <string>
#include <vector>

#include "grpcpp/grpcpp.h"

namespace pulumi_gateway {

class ReflectionServices final {
 public:
  // `services`: the names list_services answers with, besides the two reflection services.
  explicit ReflectionServices(std::vector<std::string> services);
  ~ReflectionServices();

  // Registers both versions with `builder`.
  void RegisterWith(grpc::ServerBuilder& builder);

  // The names list_services answers with (the given ones, then the reflection services').
  const std::vector<std::string>& services() const { return services_; }

 private:
  std::vector<std::string> services_;
  std::unique_ptr<grpc::Service> v1_;
  std::unique_ptr<grpc::Service> v1alpha_;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_SERVER_REFLECTION_SERVICE_H_
