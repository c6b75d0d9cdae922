// A server stream that walks a paginated route: one upstream page at a time, one item per
// message. The next page is requested only after every item of the previous one was written, so
// a slow reader holds at most one page in the gateway.
//
//   grpc::ServerWriteReactor<grpc::ByteBuffer>* r = ListStream::Start(env, context, request,
//   route);
#ifndef GATEWAY_SERVER_LIST_STREAM_H_
#define GATEWAY_SERVER_LIST_STREAM_H_

#include <atomic>
#include <memory>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "gateway/call/cancellation.h"
#include "gateway/route/route_table.h"
#include "gateway/server/call_environment.h"
#include "gateway/server/exchange.h"
#include "google/protobuf/message.h"
#include "grpcpp/grpcpp.h"

namespace pulumi_gateway {

// Copies every field of `from` into the field of the same name in `to` (StreamRoute guarantees
// they exist with the same type).
void CopyFieldsByName(const google::protobuf::Message& from, google::protobuf::Message* to);

// Serializes a stream response message holding `item` in `route.item_out`.
grpc::ByteBuffer StreamItem(const StreamRoute& route, const google::protobuf::Message& item);

class ListStream final : public grpc::ServerWriteReactor<grpc::ByteBuffer> {
 public:
  static grpc::ServerWriteReactor<grpc::ByteBuffer>* Start(const CallEnvironment& env,
                                                           grpc::CallbackServerContext* context,
                                                           const grpc::ByteBuffer* request,
                                                           const StreamRoute& route);

  void OnWriteDone(bool ok) override;
  void OnCancel() override;
  void OnDone() override;

 private:
  ListStream(const CallEnvironment& env, grpc::CallbackServerContext* context,
             const StreamRoute& route);

  void Run(const grpc::ByteBuffer* request);
  void FetchPage();
  void OnPage(absl::StatusOr<HttpResponse> result);
  // Writes the next item, or fetches the next page, or finishes.
  void Advance();
  void End(const absl::Status& status);
  void Unref();

  const CallEnvironment& env_;
  grpc::CallbackServerContext* const context_;
  const StreamRoute& route_;
  RouteMetrics* const metrics_;
  const absl::Time start_;
  CallIdentity identity_;
  bool has_deadline_ = false;
  std::unique_ptr<google::protobuf::Message> page_request_;
  std::unique_ptr<google::protobuf::Message> page_;
  int next_item_ = 0;
  int64_t items_sent_ = 0;
  grpc::ByteBuffer write_buffer_;
  std::atomic<int> refs_{2};

  // Cancelled when gRPC cancels the call or it is done: the page request goes with it.
  CancellationSource cancel_;

  absl::Mutex mu_;
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_SERVER_LIST_STREAM_H_
