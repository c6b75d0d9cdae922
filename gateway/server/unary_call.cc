#include "gateway/server/unary_call.h"

#include <memory>
#include <new>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gateway/http/memory_release.h"
#include "gateway/server/list_stream.h"
#include "gateway/status/grpc_status.h"
#include "gateway/status/macros.h"
#include "gateway/status/redact.h"
#include "gateway/status/upstream_error.h"
#include "gateway/transcode/json_wire.h"
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
  absl::Status status;
  // An allocation that fails while the answer is read fails this call, never the process (this
  // runs on the upstream loop, where an escaping exception would end everything).
  try {
    status = Answer(std::move(result));
  } catch (const std::bad_alloc&) {
    *response_ = grpc::ByteBuffer();
    status = absl::ResourceExhaustedError(
        "the gateway ran out of memory for this upstream answer; retry later");
    AttachErrorInfo(&status, "OUT_OF_MEMORY", "pulumi-gateway", {});
    AttachRetryInfo(&status, absl::Seconds(1));
  }
  Complete(status, upstream_status);
}

bool UnaryCall::TakesWirePath(const absl::StatusOr<HttpResponse>& result) const {
  // Plain JSON answers of the project's own messages; composites, raw bodies and answers that
  // fill one field keep the message path.
  const google::protobuf::FieldDescriptor* body = route_.response_body_field;
  const bool body_fits =
      body == nullptr || (body->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE &&
                          !body->is_repeated() && !IsOpaqueJsonType(body->message_type()) &&
                          absl::StartsWith(body->message_type()->full_name(), "pulumi."));
  return result.ok() && result->status >= 200 && result->status < 300 && reshape_ == nullptr &&
         route_.raw_response_field == nullptr && body_fits &&
         absl::StartsWith(route_.method->output_type()->full_name(), "pulumi.") &&
         !absl::StripAsciiWhitespace(result->body).empty();
}

absl::Status UnaryCall::Answer(absl::StatusOr<HttpResponse> result) {
  if (result.ok()) {
    large_answer_ = result->body.size() >= kLargeAnswerBytes;
    // The answer's share of the buffer budget covers the reply until gRPC is done with it.
    reply_reservation_ = result->reservation;
  }
  // Unknown upstream keys count against the route that returned them.
  RouteMetrics* route_metrics = reshape_ == nullptr || env_.metrics == nullptr
                                    ? metrics_
                                    : env_.metrics->Find(route_.method->name());
  if (TakesWirePath(result)) {
    std::string wire;
    ParseReport report;
    const WireResult encoded = JsonToWire(result->body, route_.method->output_type(), &wire,
                                          &report, route_.response_body_field);
    if (encoded.outcome == WireOutcome::kEncoded) {
      result = absl::StatusOr<HttpResponse>();  // the body is not needed any more
      if (route_metrics != nullptr)
        env_.metrics->UnknownKeys(route_metrics, report.unknown_key_count);
      if (report.unknown_key_count > 0 && env_.logger->Enabled(LogLevel::kDebug)) {
        env_.logger->Log(LogLevel::kDebug, "unknown upstream keys",
                         {{"request_id", identity_.request_id},
                          {"method", route_.method->full_name()},
                          {"keys", report.unknown_keys}});
      }
      // The encoded bytes are the reply: handed to gRPC as they are, no copy.
      auto* bytes = new std::string(std::move(wire));
      grpc::Slice slice(
          bytes->data(), bytes->size(), [](void* p) { delete static_cast<std::string*>(p); },
          bytes);
      *response_ = grpc::ByteBuffer(&slice, 1);
      return absl::OkStatus();
    }
    // A large answer the wire path rejects is not parsed again into a DOM (tens of times its
    // size): its error says what the wire path found.
    if (result->body.size() > kDomFallbackBytes) return WireError(*result, encoded);
  }
  std::unique_ptr<google::protobuf::Message> message(
      google::protobuf::MessageFactory::generated_factory()
          ->GetPrototype(route_.method->output_type())
          ->New());
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
  return status;
}

absl::Status UnaryCall::WireError(const HttpResponse& http, const WireResult& encoded) const {
  std::string why;
  switch (encoded.outcome) {
    case WireOutcome::kNotJson:
      why = absl::StrCat("is not valid JSON (HTTP ", http.status, ", Content-Type \"",
                         RedactSecrets(FindHeader(http.headers, "Content-Type"), 64), "\", ",
                         http.body.size(), " bytes)");
      break;
    case WireOutcome::kUndecided:
      why = absl::StrCat("does not match the API: ", encoded.message,
                         " (an answer this large is not settled by a second parse)");
      break;
    default:
      why = absl::StartsWith(encoded.message, "is a JSON")
                ? encoded.message
                : absl::StrCat("does not match the API: ", encoded.message);
      break;
  }
  return absl::InternalError(absl::StrCat("upstream response to ", route_.method->name(), " (",
                                          route_.http_method, " ", route_.path.pattern(), ") ",
                                          why));
}

void UnaryCall::Complete(const absl::Status& status, int upstream_status) {
  RecordCallEnd(env_, method_, metrics_, identity_, start_, status, [&](nlohmann::json& fields) {
    fields["attempts"] = attempts_->load();
    if (upstream_status != 0) fields["upstream_status"] = upstream_status;
  });
  Finish(ToGrpcStatus(status));
}

void UnaryCall::OnCancel() { cancel_.Cancel(); }

void UnaryCall::OnDone() {
  // Finished: nothing of this call may stay behind in the upstream layers.
  cancel_.Cancel();
  if (counted_in_flight_) env_.in_flight->fetch_sub(1);
  // gRPC is done with the reply: its budget goes back, and after a large answer the freed
  // memory goes back to the system.
  reply_reservation_.reset();
  if (large_answer_) ReleaseFreeMemorySoon();
  Unref();
}

void UnaryCall::Unref() {
  if (refs_.fetch_sub(1) == 1) delete this;
}

}  // namespace pulumi_gateway
