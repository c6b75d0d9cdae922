#include "gateway/server/exchange.h"

#include <memory>
#include <random>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "gateway/status/macros.h"
#include "gateway/status/upstream_error.h"
#include "gateway/transcode/request_translator.h"
#include "gateway/transcode/response_translator.h"
#include "grpc/grpc_security_constants.h"

namespace pulumi_gateway {
namespace {

std::string NewRequestId() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  const uint64_t high = random();
  return absl::StrCat(absl::Hex(high, absl::kZeroPad16), absl::Hex(random(), absl::kZeroPad16));
}

// A caller-supplied x-request-id is reused when it is short and plain, so one id follows the call.
bool IsUsableRequestId(absl::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  }
  return true;
}

std::optional<absl::string_view> Metadata(const grpc::CallbackServerContext& context,
                                          absl::string_view key) {
  const auto& metadata = context.client_metadata();
  auto it = metadata.find(grpc::string_ref(key.data(), key.size()));
  if (it == metadata.end()) return std::nullopt;
  return absl::string_view(it->second.data(), it->second.size());
}

// The names of the peer's client certificate, when the TLS handshake verified one (the listener
// requires and verifies client certificates when --tls_client_ca_file is set).
std::optional<PeerCertificate> VerifiedCertificate(const grpc::CallbackServerContext& context) {
  std::shared_ptr<const grpc::AuthContext> auth = context.auth_context();
  if (auth == nullptr || !auth->IsPeerAuthenticated()) return std::nullopt;
  auto values = [&auth](const char* name) {
    std::vector<std::string> out;
    for (const grpc::string_ref& value : auth->FindPropertyValues(name)) {
      out.emplace_back(value.data(), value.size());
    }
    return out;
  };
  PeerCertificate certificate;
  if (std::vector<std::string> spiffe = values(GRPC_PEER_SPIFFE_ID_PROPERTY_NAME);
      !spiffe.empty()) {
    certificate.spiffe_id = spiffe.front();
  }
  certificate.uris = values(GRPC_PEER_URI_PROPERTY_NAME);
  certificate.dns_names = values(GRPC_PEER_DNS_PROPERTY_NAME);
  certificate.subject_alt_names = values(GRPC_X509_SAN_PROPERTY_NAME);
  if (std::vector<std::string> cn = values(GRPC_X509_CN_PROPERTY_NAME); !cn.empty()) {
    certificate.common_name = cn.front();
  }
  return certificate;
}

}  // namespace

CallIdentity IdentifyCall(const CallEnvironment& env, const grpc::CallbackServerContext& context) {
  CallIdentity identity;
  std::optional<absl::string_view> caller_id = Metadata(context, "x-request-id");
  identity.request_id = caller_id.has_value() && IsUsableRequestId(*caller_id)
                            ? std::string(*caller_id)
                            : NewRequestId();
  const auto deadline = context.deadline();
  identity.deadline = deadline == std::chrono::system_clock::time_point::max()
                          ? env.Now() + env.options.default_timeout
                          : absl::FromChrono(deadline);
  return identity;
}

absl::StatusOr<Credential> ResolveCredential(const CallEnvironment& env,
                                             const grpc::CallbackServerContext& context) {
  CallerInfo caller;
  caller.authorization = Metadata(context, "authorization");
  const std::optional<CallerIdentityOptions>& identity = env.auth->caller_identity();
  std::string peer;
  if (identity.has_value() && identity->source == CallerIdentitySource::kHeader) {
    peer = context.peer();
    caller.peer = peer;
    caller.identity_header = Metadata(context, identity->header);
  } else if (identity.has_value()) {
    caller.certificate = VerifiedCertificate(context);
  }
  return env.auth->Resolve(caller);
}

absl::Status Authorize(const CallEnvironment& env, const grpc::CallbackServerContext& context,
                       CallIdentity* identity) {
  absl::StatusOr<Credential> credential = ResolveCredential(env, context);
  if (!credential.ok()) return credential.status();
  identity->authorization = std::move(credential->authorization);
  identity->source = credential->source;
  identity->tenant = std::move(credential->tenant);
  identity->caller = std::move(credential->caller);
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<google::protobuf::Message>> ParseRequest(
    const google::protobuf::Descriptor* descriptor, const grpc::ByteBuffer& bytes) {
  std::unique_ptr<google::protobuf::Message> message(
      google::protobuf::MessageFactory::generated_factory()->GetPrototype(descriptor)->New());
  grpc::Slice slice;
  if (!bytes.DumpToSingleSlice(&slice).ok() ||
      !message->ParseFromArray(slice.begin(), static_cast<int>(slice.size()))) {
    return absl::InvalidArgumentError(
        absl::StrCat("request is not a valid ", descriptor->full_name()));
  }
  return message;
}

absl::StatusOr<HttpRequest> PrepareUpstreamRequest(const CallEnvironment& env, const Route& route,
                                                   const google::protobuf::Message& request,
                                                   const CallIdentity& identity) {
  HttpRequest http;
  RETURN_IF_ERROR(TranslateRequest(route, request, &http));
  http.headers.reserve(5);
  http.headers.emplace_back("Authorization", identity.authorization);
  http.headers.emplace_back("Accept", env.accept);
  http.headers.emplace_back("User-Agent", env.user_agent);
  http.headers.emplace_back("X-Request-ID", identity.request_id);
  if (http.has_body) http.headers.emplace_back("Content-Type", "application/json");
  return http;
}

CallContext UpstreamContext(const Route& route, const CallIdentity& identity,
                            RequestPriority priority, CancellationToken cancellation) {
  CallContext context;
  context.deadline = identity.deadline;
  context.route = route.method->name();
  context.priority = priority;
  context.idempotent = route.idempotent;
  context.attempts = identity.attempts;
  context.cancellation = std::move(cancellation);
  return context;
}

absl::Status ReadUpstreamResponse(const CallEnvironment& env, const Route& route,
                                  const absl::StatusOr<HttpResponse>& result,
                                  const std::string& request_id, google::protobuf::Message* out,
                                  RouteMetrics* metrics) {
  if (!result.ok()) return result.status();
  const HttpResponse& http = *result;
  if (http.status < 200 || http.status >= 300) {
    UpstreamErrorContext context;
    context.conflict = route.conflict_is_already_exists ? ConflictMeaning::kAlreadyExists
                                                        : ConflictMeaning::kAborted;
    context.domain = env.error_domain;
    context.request_id = request_id;
    context.now = env.Now();  // HTTP-date Retry-After values are read on the call's clock
    return UpstreamHttpError(http, context);
  }
  ParseReport report;
  absl::Status parsed = TranslateResponse(route, http, out, &report);
  if (metrics != nullptr) env.metrics->UnknownKeys(metrics, report.unknown_key_count);
  if (report.unknown_key_count > 0 && env.logger->Enabled(LogLevel::kDebug)) {
    env.logger->Log(LogLevel::kDebug, "unknown upstream keys",
                    {{"request_id", request_id},
                     {"method", route.method->full_name()},
                     {"keys", report.unknown_keys}});
  }
  return parsed;
}

RouteMetrics* RecordCallStart(const CallEnvironment& env,
                              const google::protobuf::MethodDescriptor& method) {
  if (env.metrics == nullptr) return nullptr;
  RouteMetrics* metrics = env.metrics->Find(method.name());
  if (metrics != nullptr) env.metrics->CallStarted(metrics);
  return metrics;
}

void RecordCallEnd(const CallEnvironment& env, const google::protobuf::MethodDescriptor& method,
                   RouteMetrics* metrics, const CallIdentity& identity, absl::Time start,
                   const absl::Status& status,
                   absl::FunctionRef<void(nlohmann::json& fields)> add_fields) {
  const absl::Duration elapsed = env.Now() - start;
  if (env.logger->Enabled(LogLevel::kInfo)) {
    nlohmann::json fields = nlohmann::json::object();
    add_fields(fields);
    fields["request_id"] = identity.request_id;
    if (!identity.tenant.empty()) fields["tenant"] = identity.tenant;
    if (!identity.caller.empty()) fields["caller"] = identity.caller;
    fields["method"] = method.full_name();
    fields["code"] = absl::StatusCodeToString(status.code());
    fields["duration_ms"] = absl::ToDoubleMilliseconds(elapsed);
    if (!status.ok()) fields["error"] = std::string(status.message());
    env.logger->Log(LogLevel::kInfo, "access", std::move(fields));
  }
  if (metrics != nullptr) env.metrics->CallHandled(metrics, status.code(), elapsed);
}

}  // namespace pulumi_gateway
