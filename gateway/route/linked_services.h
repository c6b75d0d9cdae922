// The services a gateway build serves: every service of a proto package whose generated code is
// linked into the binary, found through the descriptors the generated code registers at start-up
// (no list of names to keep in step as the protos grow).
//
//   std::vector<const google::protobuf::ServiceDescriptor*> services =
//       LinkedServices("pulumi.service.v1");   // sorted by full name
#ifndef GATEWAY_ROUTE_LINKED_SERVICES_H_
#define GATEWAY_ROUTE_LINKED_SERVICES_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "google/protobuf/descriptor.h"

namespace pulumi_gateway {

// The proto package every service the gateway serves belongs to.
inline constexpr absl::string_view kServedPackage = "pulumi.service.v1";

// Every service declared in a linked-in .proto file of `package` (exactly that package, not
// sub-packages), sorted by full name. Empty when none is linked in.
std::vector<const google::protobuf::ServiceDescriptor*> LinkedServices(absl::string_view package);

}  // namespace pulumi_gateway

#endif  // GATEWAY_ROUTE_LINKED_SERVICES_H_
