#include "gateway/status/upstream_error.h"

#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "gateway/status/redact.h"
#include "gateway/status/retry_after.h"
#include "google/rpc/error_details.pb.h"
#include "nlohmann/json.hpp"

namespace pulumi_gateway {
namespace {

std::string StringMember(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

void AttachErrorInfo(absl::Status* status, absl::string_view reason, absl::string_view domain,
                     const std::vector<std::pair<std::string, std::string>>& metadata) {
  google::rpc::ErrorInfo info;
  info.set_reason(std::string(reason));
  info.set_domain(std::string(domain));
  for (const auto& [key, value] : metadata) {
    if (!value.empty()) (*info.mutable_metadata())[key] = value;
  }
  status->SetPayload(kErrorInfoTypeUrl, absl::Cord(info.SerializeAsString()));
}

absl::Status UpstreamHttpError(const HttpResponse& response, const UpstreamErrorContext& context) {
  std::string message;
  std::string reason = absl::StrCat("HTTP_", response.status);
  std::vector<std::pair<std::string, std::string>> metadata;

  nlohmann::json body = nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_object()) {
    message = StringMember(body, "message");
    metadata.emplace_back("documentation_url",
                          RedactSecrets(StringMember(body, "documentationUrl"), 256));
    auto errors = body.find("errors");
    if (errors != body.end() && errors->is_array() && !errors->empty() &&
        (*errors)[0].is_object()) {
      const nlohmann::json& first = (*errors)[0];
      std::string type = StringMember(first, "errorType");
      if (!type.empty()) reason = absl::AsciiStrToUpper(RedactSecrets(type, 64));
      metadata.emplace_back("resource", RedactSecrets(StringMember(first, "resource"), 128));
      metadata.emplace_back("attribute", RedactSecrets(StringMember(first, "attribute"), 128));
      std::string custom = StringMember(first, "customMessage");
      if (!custom.empty()) metadata.emplace_back("detail", RedactSecrets(custom, 256));
    }
  } else if (!body.is_discarded() || !response.body.empty()) {
    // Router-level errors come as plain text; its first line is the most useful part.
    absl::string_view text = response.body;
    text = text.substr(0, text.find('\n'));
    if (body.is_discarded()) message = std::string(absl::StripAsciiWhitespace(text));
  }
  message = RedactSecrets(message, 300);
  message = message.empty() ? absl::StrCat("upstream answered HTTP ", response.status)
                            : absl::StrCat(message, " (HTTP ", response.status, ")");

  absl::Status status(CodeForHttpStatus(response.status, context.conflict), message);
  std::string upstream_id(FindHeader(response.headers, "X-Pulumi-Request-ID"));
  metadata.emplace_back("http_status", absl::StrCat(response.status));
  metadata.emplace_back("request_id",
                        upstream_id.empty() ? context.request_id : RedactSecrets(upstream_id, 128));
  metadata.emplace_back("gateway_request_id", context.request_id);
  AttachErrorInfo(&status, reason, context.domain, metadata);

  if (response.status == 429 || response.status == 503) {
    std::optional<absl::Duration> wait =
        ParseRetryAfter(FindHeader(response.headers, "Retry-After"), context.now);
    if (wait.has_value()) {
      google::rpc::RetryInfo retry;
      const int64_t nanos = absl::ToInt64Nanoseconds(*wait);
      retry.mutable_retry_delay()->set_seconds(nanos / 1000000000);
      retry.mutable_retry_delay()->set_nanos(static_cast<int32_t>(nanos % 1000000000));
      status.SetPayload(kRetryInfoTypeUrl, absl::Cord(retry.SerializeAsString()));
    }
  }
  return status;
}

}  // namespace pulumi_gateway
