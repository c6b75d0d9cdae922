// One unary call through the gateway: gRPC request → auth → REST request → upstream → gRPC reply.
// The reactor returns to gRPC at once; the upstream client's completion finishes it, so no thread
// waits on the network.
//
//   grpc::ServerUnaryReactor* r = UnaryCall::Start(env, context, request, response, route);
#ifndef GATEWAY_SERVER_UNARY_CALL_H_
#define GATEWAY_SERVER_UNARY_CALL_H_

#include <atomic>
#include <memory>
#include <optional>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gateway/http/http_types.h"
#include "gateway/route/route_table.h"
#include "gateway/server/call_environment.h"
#include "gateway/server/exchange.h"
#include "grpcpp/grpcpp.h"

namespace pulumi_gateway {

class UnaryCall final : public grpc::ServerUnaryReactor {
 public:
  // Starts the call; gRPC owns the returned reactor until OnDone.
  static grpc::ServerUnaryReactor* Start(const CallEnvironment& env,
                                         grpc::CallbackServerContext* context,
                                         const grpc::ByteBuffer* request,
                                         grpc::ByteBuffer* response, const Route& route);

  void OnCancel() override;
  void OnDone() override;

 private:
  UnaryCall(const CallEnvironment& env, grpc::CallbackServerContext* context,
            grpc::ByteBuffer* response, const Route& route);

  void Run(const grpc::ByteBuffer* request);
  absl::Status BuildRequest(const grpc::ByteBuffer* request, HttpRequest* http);
  void OnUpstreamDone(absl::StatusOr<HttpResponse> result);
  // Logs the call and finishes it. Must be the caller's last use of `this`.
  void Complete(const absl::Status& status, int upstream_status);
  // Drops one of the two references (Run's and gRPC's); the last one deletes the call.
  void Unref();

  const CallEnvironment& env_;
  grpc::CallbackServerContext* const context_;
  grpc::ByteBuffer* const response_;
  const Route& route_;
  RouteMetrics* const metrics_;
  const absl::Time start_;
  CallIdentity identity_;
  bool counted_in_flight_ = false;
  // Upstream attempts (first try and retries), counted by the upstream stack.
  const std::shared_ptr<std::atomic<int>> attempts_ = std::make_shared<std::atomic<int>>(0);
  std::atomic<int> refs_{2};

  absl::Mutex mu_;
  bool cancelled_ ABSL_GUARDED_BY(mu_) = false;
  std::optional<uint64_t> upstream_id_ ABSL_GUARDED_BY(mu_);
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_SERVER_UNARY_CALL_H_
