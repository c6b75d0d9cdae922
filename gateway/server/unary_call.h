// One unary call through the gateway: gRPC request → auth → REST request → upstream → gRPC reply.
// The reactor returns to gRPC at once; the upstream client's completion finishes it, so no thread
// waits on the network. A unary composite (WhoAmI) is the same call on the one route it calls,
// with its answer reshaped into the composite's response.
//
// Memory: a plain JSON answer is encoded straight to the reply's wire bytes (no message tree;
// about twice the answer's size at the peak, the body and its encoding), answers over
// kDomFallbackBytes are never parsed into a DOM, the answer's share of the buffer budget is held
// until gRPC has sent the reply, and an allocation failure fails the call with
// RESOURCE_EXHAUSTED.
//
//   grpc::ServerUnaryReactor* r = UnaryCall::Start(env, context, request, response, route);
//   r = UnaryCall::StartComposite(env, context, request, response, who_am_i, *get_user, reshape);
#ifndef GATEWAY_SERVER_UNARY_CALL_H_
#define GATEWAY_SERVER_UNARY_CALL_H_

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "gateway/call/cancellation.h"
#include "gateway/http/http_types.h"
#include "gateway/route/route_table.h"
#include "gateway/server/call_environment.h"
#include "gateway/server/exchange.h"
#include "gateway/transcode/json_to_wire.h"
#include "grpcpp/grpcpp.h"

namespace pulumi_gateway {

class UnaryCall final : public grpc::ServerUnaryReactor {
 public:
  // Answers larger than this that the wire path cannot settle fail rather than being parsed
  // again into a DOM.
  static constexpr size_t kDomFallbackBytes = size_t{1} << 20;

  // Starts the call; gRPC owns the returned reactor until OnDone.
  static grpc::ServerUnaryReactor* Start(const CallEnvironment& env,
                                         grpc::CallbackServerContext* context,
                                         const grpc::ByteBuffer* request,
                                         grpc::ByteBuffer* response, const Route& route);

  // Turns the called route's response into the composite method's response.
  using Reshape = std::function<std::unique_ptr<google::protobuf::Message>(
      const google::protobuf::Message& called_response, const CallIdentity& identity)>;

  // A unary composite: one call of `called` (the caller's request fields copied by name into its
  // request), answered with `reshape` of its response. Metrics and the access log name
  // `composite`.
  static grpc::ServerUnaryReactor* StartComposite(const CallEnvironment& env,
                                                  grpc::CallbackServerContext* context,
                                                  const grpc::ByteBuffer* request,
                                                  grpc::ByteBuffer* response,
                                                  const CompositeRoute& composite,
                                                  const Route& called, Reshape reshape);

  void OnCancel() override;
  void OnDone() override;
  // gRPC runs OnDone and OnCancel on the thread that completes the call instead of handing them
  // to its executor thread (a wake-up and a context switch per call). Both only cancel the
  // call's token, count and free; the cancel callbacks the layers register take only their own
  // locks, and no layer calls back, and so reaches Finish, while holding one of those.
  bool InternalInlineable() override { return true; }

 private:
  UnaryCall(const CallEnvironment& env, grpc::CallbackServerContext* context,
            grpc::ByteBuffer* response, const google::protobuf::MethodDescriptor& method,
            const Route& route, Reshape reshape);

  void Run(const grpc::ByteBuffer* request);
  absl::Status BuildRequest(const grpc::ByteBuffer* request, HttpRequest* http);
  void OnUpstreamDone(absl::StatusOr<HttpResponse> result);
  // Fills the reply from the upstream's result, or returns the error to finish with.
  absl::Status Answer(absl::StatusOr<HttpResponse> result);
  // Whether the answer goes straight from JSON to the reply's wire bytes (json_to_wire.h).
  bool TakesWirePath(const absl::StatusOr<HttpResponse>& result) const;
  // INTERNAL for a large answer the wire path rejected, worded as TranslateResponse words it.
  absl::Status WireError(const HttpResponse& http, const WireResult& encoded) const;
  // Logs the call and finishes it. Must be the caller's last use of `this`.
  void Complete(const absl::Status& status, int upstream_status);
  // Drops one of the two references (Run's and gRPC's); the last one deletes the call.
  void Unref();

  const CallEnvironment& env_;
  grpc::CallbackServerContext* const context_;
  grpc::ByteBuffer* const response_;
  // The method called (metrics, log, request type): the route's, or a composite's.
  const google::protobuf::MethodDescriptor& method_;
  const Route& route_;
  // Null for a plain routed call.
  const Reshape reshape_;
  RouteMetrics* const metrics_;
  const absl::Time start_;
  CallIdentity identity_;
  bool counted_in_flight_ = false;
  // Upstream attempts (first try and retries), counted by the upstream stack.
  const std::shared_ptr<std::atomic<int>> attempts_ = std::make_shared<std::atomic<int>>(0);
  std::atomic<int> refs_{2};
  // Cancelled when gRPC cancels the call or it is done: the upstream request goes with it.
  CancellationSource cancel_;

  // Set while the upstream loop answers; read in OnDone, after gRPC has the reply.
  bool large_answer_ = false;
  std::shared_ptr<const BufferReservation> reply_reservation_;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_SERVER_UNARY_CALL_H_
