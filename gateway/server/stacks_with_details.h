// ListStacksWithDetails: walks ListStacks page after page and, for each stack, calls
// GetLatestUpdate, at most min(max_parallelism, --batch_parallelism) upstream requests in flight
// (the page requests included), streaming one message per stack as its details arrive.
//
// Memory stays bounded: the next page is requested only once fewer than `parallelism` stacks of
// the pages already read wait for their GetLatestUpdate request, so the gateway holds at most one
// page plus about 2 × parallelism stacks. A 404 from GetLatestUpdate means "never updated" (no
// latest_update and no error); other failures become latest_update_error. A failed page ends the
// stream with the page's mapped error once every stack of the earlier pages was sent.
//
//   grpc::ServerWriteReactor<grpc::ByteBuffer>* r =
//       StacksWithDetails::Start(env, context, request, composite_route);
#ifndef GATEWAY_SERVER_STACKS_WITH_DETAILS_H_
#define GATEWAY_SERVER_STACKS_WITH_DETAILS_H_

#include <deque>
#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "gateway/route/route_table.h"
#include "gateway/server/call_environment.h"
#include "gateway/server/fan_out_stream.h"
#include "grpcpp/grpcpp.h"
#include "pulumi/service/v1/stacks.pb.h"

namespace pulumi_gateway {

class StacksWithDetails final : public FanOutStream {
 public:
  // `route` is the ListStacksWithDetails composite route (it calls ListStacks and
  // GetLatestUpdate).
  static grpc::ServerWriteReactor<grpc::ByteBuffer>* Start(const CallEnvironment& env,
                                                           grpc::CallbackServerContext* context,
                                                           const grpc::ByteBuffer* request,
                                                           const CompositeRoute& route);

 private:
  // The tag of page requests; stack requests use their slot (>= 0).
  static constexpr int64_t kPageTag = -1;

  StacksWithDetails(const CallEnvironment& env, grpc::CallbackServerContext* context,
                    const CompositeRoute& route);

  absl::Status Setup(const grpc::ByteBuffer& request);

  std::optional<Job> NextJob() override ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  bool Exhausted() override ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void OnAnswer(int64_t tag, absl::StatusOr<HttpResponse> result) override;
  void OnPage(absl::StatusOr<HttpResponse> result);
  void OnLatestUpdate(int64_t slot, absl::StatusOr<HttpResponse> result);

  const Route* const list_stacks_;
  const Route* const latest_update_;
  RouteMetrics* const list_metrics_;
  RouteMetrics* const latest_metrics_;

  // The ListStacks request of the next page (its continuation token set from the previous page).
  pulumi::service::v1::ListStacksRequest page_request_ ABSL_GUARDED_BY(mu_);
  bool page_in_flight_ ABSL_GUARDED_BY(mu_) = false;
  bool more_pages_ ABSL_GUARDED_BY(mu_) = true;
  bool page_failed_ ABSL_GUARDED_BY(mu_) = false;
  // Stacks read from pages whose GetLatestUpdate request has not started.
  std::deque<pulumi::service::v1::StackSummary> waiting_ ABSL_GUARDED_BY(mu_);
  // Stacks whose GetLatestUpdate request is in flight, by slot.
  absl::flat_hash_map<int64_t, pulumi::service::v1::StackSummary> asking_ ABSL_GUARDED_BY(mu_);
  int64_t next_slot_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_SERVER_STACKS_WITH_DETAILS_H_
