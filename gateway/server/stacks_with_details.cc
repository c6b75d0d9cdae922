#include "gateway/server/stacks_with_details.h"

#include <memory>
#include <utility>

#include "gateway/server/exchange.h"
#include "gateway/server/item_error.h"
#include "gateway/status/macros.h"
#include "pulumi/service/v1/updates.pb.h"

namespace pulumi_gateway {

namespace v1 = ::pulumi::service::v1;

grpc::ServerWriteReactor<grpc::ByteBuffer>* StacksWithDetails::Start(
    const CallEnvironment& env, grpc::CallbackServerContext* context,
    const grpc::ByteBuffer* request, const CompositeRoute& route) {
  auto* stream = new StacksWithDetails(env, context, route);
  stream->Begin(stream->Setup(*request));
  return stream;
}

StacksWithDetails::StacksWithDetails(const CallEnvironment& env,
                                     grpc::CallbackServerContext* context,
                                     const CompositeRoute& route)
    : FanOutStream(env, context, *route.method),
      list_stacks_(route.Call("ListStacks")),
      latest_update_(route.Call("GetLatestUpdate")),
      list_metrics_(list_stacks_ == nullptr ? nullptr : RouteMetricsOf(*list_stacks_)),
      latest_metrics_(latest_update_ == nullptr ? nullptr : RouteMetricsOf(*latest_update_)) {}

absl::Status StacksWithDetails::Setup(const grpc::ByteBuffer& bytes) {
  if (list_stacks_ == nullptr || latest_update_ == nullptr) {
    return absl::UnimplementedError(
        "ListStacksWithDetails is not routed to ListStacks and GetLatestUpdate in this build");
  }
  ASSIGN_OR_RETURN(std::unique_ptr<google::protobuf::Message> parsed,
                   ParseRequest(v1::ListStacksWithDetailsRequest::descriptor(), bytes));
  const auto& request =
      *google::protobuf::DynamicCastToGenerated<v1::ListStacksWithDetailsRequest>(parsed.get());
  ASSIGN_OR_RETURN(const int parallelism, EffectiveParallelism(request.max_parallelism(),
                                                               env().options.batch_parallelism));
  set_parallelism(parallelism);
  RETURN_IF_ERROR(AuthorizeCall());
  absl::MutexLock lock(&mu_);
  if (request.has_organization()) page_request_.set_organization(request.organization());
  if (request.has_project()) page_request_.set_project(request.project());
  if (request.has_tag_name()) page_request_.set_tag_name(request.tag_name());
  if (request.has_tag_value()) page_request_.set_tag_value(request.tag_value());
  if (request.has_max_results()) page_request_.set_max_results(request.max_results());
  return absl::OkStatus();
}

std::optional<FanOutStream::Job> StacksWithDetails::NextJob() {
  // The next page is asked for while the stacks at hand still keep every slot busy, and not
  // before: at most one page is held.
  if (more_pages_ && !page_in_flight_ && !page_failed_ &&
      static_cast<int>(waiting_.size()) < parallelism()) {
    absl::StatusOr<Job> job = PrepareJob(*list_stacks_, page_request_, kPageTag);
    if (job.ok()) {
      page_in_flight_ = true;
      return *std::move(job);
    }
    page_failed_ = true;
    SetEndStatusLocked(job.status());
  }
  while (!waiting_.empty()) {
    v1::StackSummary stack = std::move(waiting_.front());
    waiting_.pop_front();
    v1::GetLatestUpdateRequest request;
    request.set_org_name(stack.org_name());
    request.set_project_name(stack.project_name());
    request.set_stack_name(stack.stack_name());
    const int64_t slot = next_slot_;
    absl::StatusOr<Job> job = PrepareJob(*latest_update_, request, slot);
    if (job.ok()) {
      ++next_slot_;
      asking_.emplace(slot, std::move(stack));
      return *std::move(job);
    }
    // A listed stack whose names cannot form a path (an upstream oddity): reported, not fatal.
    v1::ListStacksWithDetailsResponse response;
    *response.mutable_stack() = std::move(stack);
    *response.mutable_latest_update_error() = ItemErrorFromStatus(job.status());
    EmitLocked(response, /*item_error=*/true);
  }
  return std::nullopt;
}

bool StacksWithDetails::Exhausted() {
  return waiting_.empty() && !page_in_flight_ && (!more_pages_ || page_failed_);
}

void StacksWithDetails::OnAnswer(int64_t tag, absl::StatusOr<HttpResponse> result) {
  if (tag == kPageTag) return OnPage(std::move(result));
  OnLatestUpdate(tag, std::move(result));
}

void StacksWithDetails::OnPage(absl::StatusOr<HttpResponse> result) {
  v1::ListStacksResponse page;
  const absl::Status status = ReadUpstreamResponse(env(), *list_stacks_, result,
                                                   identity().request_id, &page, list_metrics_);
  absl::MutexLock lock(&mu_);
  page_in_flight_ = false;
  if (!status.ok()) {
    page_failed_ = true;
    SetEndStatusLocked(status);
    return;
  }
  for (v1::StackSummary& stack : *page.mutable_stacks()) waiting_.push_back(std::move(stack));
  if (page.continuation_token().empty()) {
    more_pages_ = false;
  } else {
    page_request_.set_continuation_token(page.continuation_token());
  }
}

void StacksWithDetails::OnLatestUpdate(int64_t slot, absl::StatusOr<HttpResponse> result) {
  v1::ListStacksWithDetailsResponse response;
  {
    absl::MutexLock lock(&mu_);
    auto it = asking_.find(slot);
    *response.mutable_stack() = std::move(it->second);
    asking_.erase(it);
  }
  // The API answers 404 for a stack that was never updated: that is a fact, not an error.
  const bool never_updated = result.ok() && result->status == 404;
  v1::GetLatestUpdateResponse latest;
  const absl::Status status = ReadUpstreamResponse(env(), *latest_update_, result,
                                                   identity().request_id, &latest, latest_metrics_);
  if (status.ok()) {
    response.mutable_latest_update()->Swap(latest.mutable_update());
  } else if (!never_updated) {
    *response.mutable_latest_update_error() = ItemErrorFromStatus(status);
  }
  Emit(response, /*item_error=*/!status.ok() && !never_updated);
}

}  // namespace pulumi_gateway
