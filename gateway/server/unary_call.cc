#include "gateway/server/unary_call.h"

#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "gateway/server/list_stream.h"
#include "gateway/status/grpc_status.h"
#include "gateway/status/macros.h"
#include "google/protobuf/message.h"

namespace pulumi_gateway {

grpc::ServerUnaryReactor* UnaryCall::Start(const CallEnvironment& env,
                                           grpc::CallbackServerContext* context,
                                           const grpc::ByteBuffer* request,
                                           grpc::ByteBuffer* response, const Route& route) {
  auto* call = new UnaryCall(env, context, response, *route.method, route, nullptr);
  call->Run(request);
  return call;
}

grpc::ServerUnaryReactor* UnaryCall::StartComposite(const CallEnvironment& env,
                                                    grpc::CallbackServerContext* context,
                                                    const grpc::ByteBuffer* request,
                                                    grpc::ByteBuffer* response,
                                                    const CompositeRoute& composite,
                                                    const Route& called, Reshape reshape) {
  auto* call = new UnaryCall(env, context, response, *composite.method, called, std::move(reshape));
  call->Run(request);
  return call;
}

UnaryCall::UnaryCall(const CallEnvironment& env, grpc::CallbackServerContext* context,
                     grpc::ByteBuffer* response, const google::protobuf::MethodDescriptor& method,
                     const Route& route, Reshape reshape)
    : env_(env),
      context_(context),
      response_(response),
      method_(method),
      route_(route),
      reshape_(std::move(reshape)),
      metrics_(RecordCallStart(env, method)),
      start_(env.Now()) {}

void UnaryCall::Run(const grpc::ByteBuffer* request) {
  identity_ = IdentifyCall(env_, *context_);
  identity_.attempts = attempts_;
  context_->AddInitialMetadata("x-request-id", identity_.request_id);

  if (env_.in_flight != nullptr) {
    if (env_.in_flight->fetch_add(1) >= env_.options.max_in_flight) {
      env_.in_flight->fetch_sub(1);
      Complete(absl::ResourceExhaustedError(
                   absl::StrCat("the gateway already has ", env_.options.max_in_flight,
                                " calls in flight (--max_in_flight); retry with backoff")),
               0);
      return Unref();
    }
    counted_in_flight_ = true;
  }

  HttpRequest http;
  absl::Status built = BuildRequest(request, &http);
  if (!built.ok()) {
    Complete(built, 0);
    return Unref();
  }
  // A cancel that came already reaches the request through the token.
  env_.upstream->Send(
      std::move(http),
      UpstreamContext(route_, identity_, RequestPriority::kInteractive, cancel_.token()),
      [this](absl::StatusOr<HttpResponse> result) { OnUpstreamDone(std::move(result)); });
  Unref();
}

absl::Status UnaryCall::BuildRequest(const grpc::ByteBuffer* request, HttpRequest* http) {
  ASSIGN_OR_RETURN(std::unique_ptr<google::protobuf::Message> message,
                   ParseRequest(method_.input_type(), *request));
  if (&method_ != route_.method) {
    std::unique_ptr<google::protobuf::Message> called(
        google::protobuf::MessageFactory::generated_factory()
            ->GetPrototype(route_.method->input_type())
            ->New());
    CopyFieldsByName(*message, called.get());
    message = std::move(called);
  }
  RETURN_IF_ERROR(Authorize(env_, *context_, &identity_));
  ASSIGN_OR_RETURN(*http, PrepareUpstreamRequest(env_, route_, *message, identity_));
  return absl::OkStatus();
}

void UnaryCall::OnUpstreamDone(absl::StatusOr<HttpResponse> result) {
  const int upstream_status = result.ok() ? result->status : 0;
  std::unique_ptr<google::protobuf::Message> message(
      google::protobuf::MessageFactory::generated_factory()
          ->GetPrototype(route_.method->output_type())
          ->New());
  // Unknown upstream keys count against the route that returned them.
  RouteMetrics* route_metrics = reshape_ == nullptr || env_.metrics == nullptr
                                    ? metrics_
                                    : env_.metrics->Find(route_.method->name());
  absl::Status status = ReadUpstreamResponse(env_, route_, result, identity_.request_id,
                                             message.get(), route_metrics);
  // The upstream body is not needed any more: free it before the reply is built, so a large
  // answer (a stack export) is not held three times at once.
  result = absl::StatusOr<HttpResponse>();
  if (status.ok()) {
    if (reshape_ != nullptr) message = reshape_(*message, identity_);
    // Serialised straight into the slice gRPC sends, without an intermediate string.
    grpc::Slice slice(message->ByteSizeLong());
    message->SerializeWithCachedSizesToArray(const_cast<uint8_t*>(slice.begin()));
    message.reset();
    *response_ = grpc::ByteBuffer(&slice, 1);
  }
  Complete(status, upstream_status);
}

void UnaryCall::Complete(const absl::Status& status, int upstream_status) {
  nlohmann::json fields = {{"attempts", attempts_->load()}};
  if (upstream_status != 0) fields["upstream_status"] = upstream_status;
  RecordCallEnd(env_, method_, metrics_, identity_, start_, status, std::move(fields));
  Finish(ToGrpcStatus(status));
}

void UnaryCall::OnCancel() { cancel_.Cancel(); }

void UnaryCall::OnDone() {
  // Finished: nothing of this call may stay behind in the upstream layers.
  cancel_.Cancel();
  if (counted_in_flight_) env_.in_flight->fetch_sub(1);
  Unref();
}

void UnaryCall::Unref() {
  if (refs_.fetch_sub(1) == 1) delete this;
}

}  // namespace pulumi_gateway
