#include "gateway/server/composite.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "gateway/server/batch_get_stacks.h"
#include "gateway/server/stacks_with_details.h"
#include "gateway/server/who_am_i.h"

namespace pulumi_gateway {
namespace {

constexpr absl::string_view kBatchGetStacks = "pulumi.service.v1.StacksService.BatchGetStacks";
constexpr absl::string_view kListStacksWithDetails =
    "pulumi.service.v1.StacksService.ListStacksWithDetails";
constexpr absl::string_view kWhoAmI = "pulumi.service.v1.UsersService.WhoAmI";

std::string NoHandler(const CompositeRoute& route) {
  return absl::StrCat(route.method->full_name(), " has no handler in this gateway build");
}

class Unimplemented final : public grpc::ServerWriteReactor<grpc::ByteBuffer> {
 public:
  explicit Unimplemented(const std::string& message) {
    Finish(grpc::Status(grpc::StatusCode::UNIMPLEMENTED, message));
  }
  void OnDone() override { delete this; }
};

}  // namespace

grpc::ServerUnaryReactor* StartCompositeCall(const CallEnvironment& env,
                                             grpc::CallbackServerContext* context,
                                             const grpc::ByteBuffer* request,
                                             grpc::ByteBuffer* response,
                                             const CompositeRoute& route) {
  const std::string& method = route.method->full_name();
  if (method == kWhoAmI) return StartWhoAmI(env, context, request, response, route);
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(grpc::Status(grpc::StatusCode::UNIMPLEMENTED, NoHandler(route)));
  return reactor;
}

grpc::ServerWriteReactor<grpc::ByteBuffer>* StartCompositeStream(
    const CallEnvironment& env, grpc::CallbackServerContext* context,
    const grpc::ByteBuffer* request, const CompositeRoute& route) {
  const std::string& method = route.method->full_name();
  if (method == kBatchGetStacks) return BatchGetStacks::Start(env, context, request, route);
  if (method == kListStacksWithDetails) {
    return StacksWithDetails::Start(env, context, request, route);
  }
  return new Unimplemented(NoHandler(route));
}

}  // namespace pulumi_gateway
