// BatchGetStacks: one GetStack upstream request per entry, at most min(max_parallelism,
// --batch_parallelism) in flight, each result streamed as it arrives with its entry's index.
// Every entry is checked (the same way a unary GetStack checks its request) before any upstream
// request: one invalid entry fails the whole call with INVALID_ARGUMENT naming its index, as the
// proto contract says. After that every entry gets exactly one message: the stack, or the
// ItemError GetStack would have failed with.
//
//   grpc::ServerWriteReactor<grpc::ByteBuffer>* r =
//       BatchGetStacks::Start(env, context, request, composite_route);
#ifndef GATEWAY_SERVER_BATCH_GET_STACKS_H_
#define GATEWAY_SERVER_BATCH_GET_STACKS_H_

#include <memory>
#include <optional>

#include "gateway/route/route_table.h"
#include "gateway/server/call_environment.h"
#include "gateway/server/fan_out_stream.h"
#include "grpcpp/grpcpp.h"
#include "pulumi/service/v1/stacks.pb.h"

namespace pulumi_gateway {

// Most entries in one BatchGetStacks request.
inline constexpr int kMaxBatchEntries = 10000;

class BatchGetStacks final : public FanOutStream {
 public:
  // `route` is the BatchGetStacks composite route (it calls GetStack).
  static grpc::ServerWriteReactor<grpc::ByteBuffer>* Start(const CallEnvironment& env,
                                                           grpc::CallbackServerContext* context,
                                                           const grpc::ByteBuffer* request,
                                                           const CompositeRoute& route);

 private:
  BatchGetStacks(const CallEnvironment& env, grpc::CallbackServerContext* context,
                 const CompositeRoute& route);

  // Parses and checks the request; INVALID_ARGUMENT or UNAUTHENTICATED before any request.
  absl::Status Setup(const grpc::ByteBuffer& request);

  std::optional<Job> NextJob() override ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  bool Exhausted() override ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void OnAnswer(int64_t tag, absl::StatusOr<HttpResponse> result) override;

  const Route* const get_stack_;
  RouteMetrics* const get_stack_metrics_;
  std::unique_ptr<pulumi::service::v1::BatchGetStacksRequest> request_;
  int next_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_SERVER_BATCH_GET_STACKS_H_
