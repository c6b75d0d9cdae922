// Services a binary serves besides the built-in Pulumi ones. A library linked into the binary
// registers a service by its full name while static objects are constructed; main serves every
// registered service next to its own list. The production binary links no such library; a test
// binary links a test-only one, so tests reach the real gateway with protos the product does not
// ship, without a flag that production would have to refuse.
//
//   // in a test-only cc_library with alwayslink = True:
//   const bool kRegistered = pulumi_gateway::RegisterService("pkg.v1.TestService");
//
//   // in main:
//   for (const std::string& name : pulumi_gateway::RegisteredServices()) { ... }
//
// The built-in services are found, not listed: LinkedServices("pulumi.service.v1") gives every
// service of that package whose generated code is linked into the binary, so a service the proto
// generator adds is served as soon as it is built in.
#ifndef GATEWAY_ROUTE_SERVICE_REGISTRY_H_
#define GATEWAY_ROUTE_SERVICE_REGISTRY_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "google/protobuf/descriptor.h"

namespace pulumi_gateway {

// Adds a service (e.g. "pkg.v1.FooService") to serve. Returns true, for use as an initializer.
// Thread-safe.
bool RegisterService(absl::string_view full_name);

// The registered services, in registration order, each once.
std::vector<std::string> RegisteredServices();

// Every service declared in a linked-in generated file of `package` (e.g. "pulumi.service.v1"),
// sorted by full name. Empty when no such file is linked in.
std::vector<const google::protobuf::ServiceDescriptor*> LinkedServices(absl::string_view package);

}  // namespace pulumi_gateway

#endif  // GATEWAY_ROUTE_SERVICE_REGISTRY_H_
