// The services of the gateway's API and the pagination of their list RPCs, found in the
// descriptors linked into the binary: nothing here names a service or an RPC, so a service or list
// the proto generator adds is covered once its generated code is built in.
//
//   for (const auto* service : pulumi_client::ApiServices()) std::cout << service->name() << "\n";
//   absl::StatusOr<PageSpec> spec = pulumi_client::FindPageSpec(
//       v1::ListStacksRequest::descriptor(), v1::ListStacksResponse::descriptor());
//   // spec->items: the `stacks` field; spec->follow: false
#ifndef CLIENTS_CPP_PAGING_H_
#define CLIENTS_CPP_PAGING_H_

#include <vector>

#include "absl/status/statusor.h"
#include "google/protobuf/descriptor.h"

namespace pulumi_client {

// The package of the API's services.
inline constexpr char kApiPackage[] = "pulumi.service.v1";

// Every service of kApiPackage whose generated code is linked in, sorted by full name.
std::vector<const google::protobuf::ServiceDescriptor*> ApiServices();

// The unary or server-streaming method of the API whose request is `request` (each RPC has its
// own request message), or nullptr.
const google::protobuf::MethodDescriptor* MethodOfRequest(
    const google::protobuf::Descriptor* request);

// How a list RPC's pages are walked.
struct PageSpec {
  // The request field asking for a page and the answer field naming the next one (empty on the
  // last page): `continuation_token` on both sides.
  const google::protobuf::FieldDescriptor* request_token = nullptr;
  const google::protobuf::FieldDescriptor* response_token = nullptr;
  // The answer's one repeated field (maps aside), else its one repeated message field; nullptr
  // when it has neither (then only whole pages are visited).
  const google::protobuf::FieldDescriptor* items = nullptr;
  // The list is live (an update's events): while the resource runs the same token comes back
  // with no items, and the walk polls again instead of ending. True when a server stream of the
  // service walks this RPC with the gateway option `pagination.follow` set.
  bool follow = false;
};

// The pagination of the RPC taking `request` and answering `response`. INVALID_ARGUMENT naming
// the RPC when it is not a list with a continuation token (its request and its answer must both
// have a singular string field `continuation_token`).
absl::StatusOr<PageSpec> FindPageSpec(const google::protobuf::Descriptor* request,
                                      const google::protobuf::Descriptor* response);

}  // namespace pulumi_client

#endif  // CLIENTS_CPP_PAGING_H_
