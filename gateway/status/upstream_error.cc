#include "gateway/status/upstream_error.h"

#include <algorithm>
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

// A redirect's target without its query or fragment (which may carry secrets), for the message.
std::string RedirectTarget(absl::string_view location) {
  location = location.substr(0, location.find_first_of("?#"));
  return RedactSecrets(location, 200);
}

}  // namespace

absl::Duration MaxRetryDelay() { return absl::Minutes(5); }

void AttachErrorInfo(absl::Status* status, absl::string_view reason, absl::string_view domain,
                     const std::vector<std::pair<std::string, std::string>>& metadata) {
  google::rpc::ErrorInfo info;
  // Redacted here once more, so no caller of this can put an upstream secret in a detail.
  info.set_reason(RedactSecrets(reason, 128));
  info.set_domain(RedactSecrets(domain, 256));
  for (const auto& [key, value] : metadata) {
    if (!value.empty()) (*info.mutable_metadata())[key] = RedactSecrets(value, 512);
  }
  status->SetPayload(kErrorInfoTypeUrl, absl::Cord(info.SerializeAsString()));
}

void AttachRetryInfo(absl::Status* status, absl::Duration delay) {
  delay = std::clamp(delay, absl::ZeroDuration(), MaxRetryDelay());
  google::rpc::RetryInfo retry;
  const int64_t nanos = absl::ToInt64Nanoseconds(delay);
  retry.mutable_retry_delay()->set_seconds(nanos / 1000000000);
  retry.mutable_retry_delay()->set_nanos(static_cast<int32_t>(nanos % 1000000000));
  status->SetPayload(kRetryInfoTypeUrl, absl::Cord(retry.SerializeAsString()));
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
  const bool redirect = response.status >= 300 && response.status < 400;
  if (redirect) {
    // Never followed: the upstream (or a proxy before it) sent the gateway elsewhere, which
    // only a change of --upstream can fix.
    const std::string target = RedirectTarget(FindHeader(response.headers, "Location"));
    message =
        absl::StrCat("upstream redirected", target.empty() ? "" : absl::StrCat(" to ", target),
                     "; the gateway follows no redirects (check --upstream)");
    metadata.emplace_back("location", target);
  }
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
    if (wait.has_value()) AttachRetryInfo(&status, *wait);
  }
  return status;
}

}  // namespace pulumi_gateway
