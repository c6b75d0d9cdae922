#include "gateway/server/unary_call.h"

#include <memory>
#include <random>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gateway/status/grpc_status.h"
#include "gateway/status/http_status_map.h"
#include "gateway/status/macros.h"
#include "gateway/status/upstream_error.h"
#include "gateway/transcode/request_translator.h"
#include "gateway/transcode/response_translator.h"
#include "google/protobuf/message.h"

namespace pulumi_gateway {
namespace {

std::string NewRequestId() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  return absl::StrFormat("%016x%016x", random(), random());
}

// A caller-supplied x-request-id is reused when it is short and plain, so one id follows the call.
bool IsUsableRequestId(absl::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  }
  return true;
}

std::optional<absl::string_view> Metadata(const grpc::CallbackServerContext* context,
                                          absl::string_view key) {
  const auto& metadata = context->client_metadata();
  auto it = metadata.find(grpc::string_ref(key.data(), key.size()));
  if (it == metadata.end()) return std::nullopt;
  return absl::string_view(it->second.data(), it->second.size());
}

}  // namespace

grpc::ServerUnaryReactor* UnaryCall::Start(const CallEnvironment& env,
                                           grpc::CallbackServerContext* context,
                                           const grpc::ByteBuffer* request,
                                           grpc::ByteBuffer* response, const Route& route) {
  auto* call = new UnaryCall(env, context, response, route);
  call->Run(request);
  return call;
}

UnaryCall::UnaryCall(const CallEnvironment& env, grpc::CallbackServerContext* context,
                     grpc::ByteBuffer* response, const Route& route)
    : env_(env),
      context_(context),
      response_(response),
      route_(route),
      metrics_(env.metrics != nullptr ? env.metrics->Find(route.method->name()) : nullptr),
      start_(absl::Now()) {
  if (metrics_ != nullptr) env_.metrics->CallStarted(metrics_);
}

void UnaryCall::Run(const grpc::ByteBuffer* request) {
  std::optional<absl::string_view> caller_id = Metadata(context_, "x-request-id");
  request_id_ = caller_id.has_value() && IsUsableRequestId(*caller_id) ? std::string(*caller_id)
                                                                       : NewRequestId();
  context_->AddInitialMetadata("x-request-id", request_id_);

  if (env_.in_flight != nullptr) {
    if (env_.in_flight->fetch_add(1) >= env_.max_in_flight) {
      env_.in_flight->fetch_sub(1);
      Complete(absl::ResourceExhaustedError(
                   absl::StrCat("the gateway already has ", env_.max_in_flight,
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
  sent_upstream_ = true;
  const uint64_t id = env_.upstream->Send(
      std::move(http),
      [this](absl::StatusOr<HttpResponse> result) { OnUpstreamDone(std::move(result)); });
  bool cancel;
  {
    absl::MutexLock lock(&mu_);
    upstream_id_ = id;
    cancel = cancelled_;
  }
  if (cancel) env_.upstream->Cancel(id);
  Unref();
}

absl::Status UnaryCall::BuildRequest(const grpc::ByteBuffer* request, HttpRequest* http) {
  const google::protobuf::Message* prototype =
      google::protobuf::MessageFactory::generated_factory()->GetPrototype(
          route_.method->input_type());
  std::unique_ptr<google::protobuf::Message> message(prototype->New());
  grpc::Slice slice;
  if (!request->DumpToSingleSlice(&slice).ok() ||
      !message->ParseFromArray(slice.begin(), static_cast<int>(slice.size()))) {
    return absl::InvalidArgumentError(
        absl::StrCat("request is not a valid ", route_.method->input_type()->full_name()));
  }
  ASSIGN_OR_RETURN(std::string authorization,
                   env_.auth->UpstreamAuthorization(Metadata(context_, "authorization")));
  RETURN_IF_ERROR(TranslateRequest(route_, *message, http));

  http->route = route_.method->name();
  http->idempotent = route_.idempotent;
  http->attempts = attempts_;
  http->headers.reserve(6);
  http->headers.emplace_back("Authorization", std::move(authorization));
  http->headers.emplace_back("Accept", env_.accept);
  http->headers.emplace_back("User-Agent", env_.user_agent);
  http->headers.emplace_back("X-Request-ID", request_id_);
  if (http->has_body) http->headers.emplace_back("Content-Type", "application/json");

  const auto deadline = context_->deadline();
  http->deadline = deadline == std::chrono::system_clock::time_point::max()
                       ? start_ + env_.default_timeout
                       : absl::FromChrono(deadline);
  return absl::OkStatus();
}

void UnaryCall::OnUpstreamDone(absl::StatusOr<HttpResponse> result) {
  if (!result.ok()) return Complete(result.status(), 0);
  const HttpResponse& http = *result;
  if (http.status < 200 || http.status >= 300) {
    UpstreamErrorContext error_context;
    error_context.conflict = route_.conflict_is_already_exists ? ConflictMeaning::kAlreadyExists
                                                               : ConflictMeaning::kAborted;
    error_context.domain = env_.error_domain;
    error_context.request_id = request_id_;
    return Complete(UpstreamHttpError(http, error_context), http.status);
  }
  const google::protobuf::Message* prototype =
      google::protobuf::MessageFactory::generated_factory()->GetPrototype(
          route_.method->output_type());
  std::unique_ptr<google::protobuf::Message> message(prototype->New());
  ParseReport report;
  absl::Status parsed = TranslateResponse(route_, http, message.get(), &report);
  if (metrics_ != nullptr) env_.metrics->UnknownKeys(metrics_, report.unknown_key_count);
  if (parsed.ok()) {
    if (report.unknown_key_count > 0 && env_.logger->Enabled(LogLevel::kDebug)) {
      env_.logger->Log(LogLevel::kDebug, "unknown upstream keys",
                       {{"request_id", request_id_},
                        {"method", route_.method->full_name()},
                        {"keys", report.unknown_keys}});
    }
    std::string bytes;
    message->SerializeToString(&bytes);
    grpc::Slice slice(std::move(bytes));
    *response_ = grpc::ByteBuffer(&slice, 1);
  }
  Complete(parsed, http.status);
}

void UnaryCall::Complete(const absl::Status& status, int upstream_status) {
  if (env_.logger->Enabled(LogLevel::kInfo)) {
    nlohmann::json fields = {
        {"request_id", request_id_},
        {"method", route_.method->full_name()},
        {"code", absl::StatusCodeToString(status.code())},
        {"duration_ms", absl::ToDoubleMilliseconds(absl::Now() - start_)},
        {"attempts", attempts_->load()},
    };
    if (upstream_status != 0) fields["upstream_status"] = upstream_status;
    if (!status.ok()) fields["error"] = std::string(status.message());
    env_.logger->Log(LogLevel::kInfo, "access", std::move(fields));
  }
  if (metrics_ != nullptr) env_.metrics->CallHandled(metrics_, status.code(), absl::Now() - start_);
  Finish(ToGrpcStatus(status));
}

void UnaryCall::OnCancel() {
  std::optional<uint64_t> id;
  {
    absl::MutexLock lock(&mu_);
    cancelled_ = true;
    id = upstream_id_;
  }
  if (id.has_value()) env_.upstream->Cancel(*id);
}

void UnaryCall::OnDone() {
  if (counted_in_flight_) env_.in_flight->fetch_sub(1);
  Unref();
}

void UnaryCall::Unref() {
  if (refs_.fetch_sub(1) == 1) delete this;
}

}  // namespace pulumi_gateway
