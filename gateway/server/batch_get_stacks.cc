#include "gateway/server/batch_get_stacks.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "gateway/server/exchange.h"
#include "gateway/server/item_error.h"
#include "gateway/status/macros.h"

namespace pulumi_gateway {

namespace v1 = ::pulumi::service::v1;

grpc::ServerWriteReactor<grpc::ByteBuffer>* BatchGetStacks::Start(
    const CallEnvironment& env, grpc::CallbackServerContext* context,
    const grpc::ByteBuffer* request, const CompositeRoute& route) {
  auto* stream = new BatchGetStacks(env, context, route);
  stream->Begin(stream->Setup(*request));
  return stream;
}

BatchGetStacks::BatchGetStacks(const CallEnvironment& env, grpc::CallbackServerContext* context,
                               const CompositeRoute& route)
    : FanOutStream(env, context, *route.method),
      get_stack_(route.Call("GetStack")),
      get_stack_metrics_(get_stack_ == nullptr ? nullptr : RouteMetricsOf(*get_stack_)) {}

absl::Status BatchGetStacks::Setup(const grpc::ByteBuffer& bytes) {
  if (get_stack_ == nullptr) {
    return absl::UnimplementedError("BatchGetStacks is not routed to GetStack in this build");
  }
  ASSIGN_OR_RETURN(std::unique_ptr<google::protobuf::Message> parsed,
                   ParseRequest(v1::BatchGetStacksRequest::descriptor(), bytes));
  request_.reset(
      google::protobuf::DynamicCastToGenerated<v1::BatchGetStacksRequest>(parsed.release()));
  const int count = request_->stacks_size();
  if (count == 0) return absl::InvalidArgumentError("stacks: name at least one stack");
  if (count > kMaxBatchEntries) {
    return absl::InvalidArgumentError(
        absl::StrCat("stacks: ", count, " entries; at most ", kMaxBatchEntries, " per call"));
  }
  ASSIGN_OR_RETURN(const int parallelism, EffectiveParallelism(request_->max_parallelism(),
                                                               env().options.batch_parallelism));
  set_parallelism(std::min(parallelism, count));
  RETURN_IF_ERROR(AuthorizeCall());
  // Every entry is checked before the first request, so a bad entry cannot leave a half-done
  // batch behind.
  for (int i = 0; i < count; ++i) {
    absl::StatusOr<HttpRequest> http =
        PrepareUpstreamRequest(env(), *get_stack_, request_->stacks(i), identity());
    if (!http.ok()) {
      return absl::Status(http.status().code(),
                          absl::StrCat("stacks[", i, "]: ", http.status().message()));
    }
  }
  return absl::OkStatus();
}

std::optional<FanOutStream::Job> BatchGetStacks::NextJob() {
  while (next_ < request_->stacks_size()) {
    const int index = next_++;
    absl::StatusOr<Job> job = PrepareJob(*get_stack_, request_->stacks(index), index);
    if (job.ok()) return *std::move(job);
    // Setup checked every entry; should the two ever disagree, the entry still gets its answer.
    v1::BatchGetStacksResponse response;
    response.set_index(index);
    *response.mutable_error() = ItemErrorFromStatus(job.status());
    EmitLocked(response, /*item_error=*/true);
  }
  return std::nullopt;
}

bool BatchGetStacks::Exhausted() { return next_ >= request_->stacks_size(); }

void BatchGetStacks::OnAnswer(int64_t tag, absl::StatusOr<HttpResponse> result) {
  v1::GetStackResponse stack;
  const absl::Status status = ReadUpstreamResponse(
      env(), *get_stack_, result, identity().request_id, &stack, get_stack_metrics_);
  v1::BatchGetStacksResponse response;
  response.set_index(static_cast<int32_t>(tag));
  if (status.ok()) {
    response.mutable_stack()->Swap(stack.mutable_stack());
  } else {
    *response.mutable_error() = ItemErrorFromStatus(status);
  }
  Emit(response, /*item_error=*/!status.ok());
}

}  // namespace pulumi_gateway
