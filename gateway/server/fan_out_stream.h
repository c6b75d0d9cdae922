// The engine of the composite streaming RPCs (BatchGetStacks, ListStacksWithDetails): a server
// stream that makes many upstream requests, at most `parallelism` at a time, and writes one
// message per answer in completion order. A subclass says which request comes next (NextJob)
// and turns each answer into messages (OnAnswer → Emit); this class does the rest: auth and
// request id, bulk priority and deadlines, flow control, cancellation, the access log and metrics.
//
// Flow control: at most one gRPC write is in flight, and no new upstream request starts while
// `parallelism` messages already wait to be written, so a slow reader holds back the upstream
// work instead of making the gateway buffer it (at most about 2 × parallelism messages wait).
// Cancellation, a deadline or a failed write cancels the call's token, and with it every upstream
// request in flight; the call then ends once their callbacks have run.
//
//   class MyStream final : public FanOutStream {
//     std::optional<Job> NextJob() override { ... PrepareJob(route, request, tag) ... }
//     bool Exhausted() override { return next_ == size_; }
//     void OnAnswer(int64_t tag, absl::StatusOr<HttpResponse> r) override { Emit(...); }
//   };
#ifndef GATEWAY_SERVER_FAN_OUT_STREAM_H_
#define GATEWAY_SERVER_FAN_OUT_STREAM_H_

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gateway/call/cancellation.h"
#include "gateway/http/http_types.h"
#include "gateway/route/route_table.h"
#include "gateway/server/call_environment.h"
#include "gateway/server/exchange.h"
#include "google/protobuf/message.h"
#include "grpcpp/grpcpp.h"

namespace pulumi_gateway {

// The parallelism of a call that asked for `requested` (0 = the gateway's bound) on a gateway
// whose bound is `gateway_bound`: the smaller of the two. INVALID_ARGUMENT naming
// max_parallelism when `requested` is negative.
absl::StatusOr<int> EffectiveParallelism(int requested, int gateway_bound);

class FanOutStream : public grpc::ServerWriteReactor<grpc::ByteBuffer> {
 public:
  void OnWriteDone(bool ok) final;
  void OnCancel() final;
  void OnDone() final;

 protected:
  // One upstream request to start on `route`; `tag` comes back with its answer in OnAnswer.
  struct Job {
    HttpRequest request;
    const Route* route = nullptr;
    int64_t tag = 0;
  };

  // `method` names the call in the access log and metrics.
  FanOutStream(const CallEnvironment& env, grpc::CallbackServerContext* context,
               const google::protobuf::MethodDescriptor& method);
  virtual ~FanOutStream() = default;

  // Sets the upstream credential (authorization, tenant) of the call; the request id and
  // deadline are set by the constructor. UNAUTHENTICATED / PERMISSION_DENIED as Authorize
  // reports them.
  absl::Status AuthorizeCall();

  // Ends setup: with an error the call finishes with it (no upstream request was made); with OK
  // the first requests start. Call exactly once, at the end of the subclass's Start.
  void Begin(const absl::Status& setup);

  // Then called with `mu_` held, whenever one more request may start: the next request, or
  // nullopt when none is ready now (e.g. waiting for a page) or ever (then Exhausted is true).
  virtual std::optional<Job> NextJob() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) = 0;
  // Called with `mu_` held: true once NextJob will never return a request again.
  virtual bool Exhausted() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) = 0;
  // Called without `mu_`, on an upstream thread, with the answer of the request tagged `tag`
  // (CANCELLED after a cancellation). Reports results with Emit and may change the subclass's
  // state under `mu_`.
  virtual void OnAnswer(int64_t tag, absl::StatusOr<HttpResponse> result) = 0;

  // Queues `message` for the caller; `item_error` counts it in the access log's item_errors.
  // Dropped once the call is cancelled.
  void Emit(const google::protobuf::Message& message, bool item_error) ABSL_LOCKS_EXCLUDED(mu_);
  void EmitLocked(const google::protobuf::Message& message, bool item_error)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // The call will end with `status` (the first one set wins) once the work under way is written.
  void SetEndStatusLocked(const absl::Status& status) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  // Requests in flight at once (from 1).
  void set_parallelism(int parallelism) { parallelism_ = parallelism < 1 ? 1 : parallelism; }
  int parallelism() const { return parallelism_; }

  // The job for `request` on `route`, with every header (its context, made when it starts, has
  // bulk priority and the call's deadline, else now + the default timeout).
  absl::StatusOr<Job> PrepareJob(const Route& route, const google::protobuf::Message& request,
                                 int64_t tag);

  const CallEnvironment& env() const { return env_; }
  const CallIdentity& identity() const { return identity_; }
  // The metrics of `route` for unknown upstream keys (null when metrics are off).
  RouteMetrics* RouteMetricsOf(const Route& route) const;

  absl::Mutex mu_;

 private:
  void Pump();
  void OnUpstream(int64_t tag, absl::StatusOr<HttpResponse> result);
  absl::Status FinalStatus() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void Unref();

  const CallEnvironment& env_;
  grpc::CallbackServerContext* const context_;
  const google::protobuf::MethodDescriptor& method_;
  RouteMetrics* const metrics_;
  const absl::Time start_;
  CallIdentity identity_;
  bool has_deadline_ = false;
  int parallelism_ = 1;
  const std::shared_ptr<std::atomic<int>> attempts_ = std::make_shared<std::atomic<int>>(0);
  // Begin's, gRPC's (dropped in OnDone) and one per upstream request in flight.
  std::atomic<int> refs_{2};
  // Cancelled on the call's cancel, a failed write or the end: every request in flight goes.
  CancellationSource cancel_;
  // The message being written (gRPC reads it until OnWriteDone).
  grpc::ByteBuffer write_buffer_;

  int in_flight_ ABSL_GUARDED_BY(mu_) = 0;
  // Messages waiting to be written, each with whether it reports an item error.
  std::deque<std::pair<grpc::ByteBuffer, bool>> ready_ ABSL_GUARDED_BY(mu_);
  bool writing_ ABSL_GUARDED_BY(mu_) = false;
  bool writing_item_error_ ABSL_GUARDED_BY(mu_) = false;
  bool cancelled_ ABSL_GUARDED_BY(mu_) = false;
  bool write_failed_ ABSL_GUARDED_BY(mu_) = false;
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
  absl::Status end_status_ ABSL_GUARDED_BY(mu_);
  // Messages written, and how many of them report an item error (for the access log).
  int64_t items_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t item_errors_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t upstream_requests_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_SERVER_FAN_OUT_STREAM_H_
