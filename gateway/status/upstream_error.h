// Builds the gRPC-facing error for a non-2xx upstream answer: the mapped code, the upstream's
// message, and google.rpc.ErrorInfo / RetryInfo details carried as absl::Status payloads (see
// grpc_status.h, which turns them into grpc-status-details-bin).
//
//   absl::Status s = UpstreamHttpError(response, {.conflict = ConflictMeaning::kAborted,
//                                                 .domain = "api.pulumi.com",
//                                                 .request_id = "7f3a..."});
//   // s.code() == kNotFound, s.message() == "Stack 'x' not found (HTTP 404)"
#ifndef GATEWAY_STATUS_UPSTREAM_ERROR_H_
#define GATEWAY_STATUS_UPSTREAM_ERROR_H_

#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "gateway/http/http_types.h"
#include "gateway/status/http_status_map.h"

namespace pulumi_gateway {

inline constexpr char kErrorInfoTypeUrl[] = "type.googleapis.com/google.rpc.ErrorInfo";
inline constexpr char kRetryInfoTypeUrl[] = "type.googleapis.com/google.rpc.RetryInfo";

struct UpstreamErrorContext {
  ConflictMeaning conflict = ConflictMeaning::kAborted;
  // ErrorInfo.domain: the upstream host.
  std::string domain;
  // The gateway's id for this call (sent upstream as X-Request-ID).
  std::string request_id;
  absl::Time now = absl::Now();
};

// The longest delay a RetryInfo detail carries (5 minutes): a Retry-After asking for more (a
// day, a date years ahead) is capped, so callers get a wait they can act on.
absl::Duration MaxRetryDelay();

// The error for `response` (status >= 300). The message is the upstream error body's `message`
// (or its text, for non-JSON bodies), redacted and capped, followed by "(HTTP <status>)".
// ErrorInfo: reason (upstream errorType in upper case, else "HTTP_<status>"), metadata http_status,
// request_id (X-Pulumi-Request-ID, else the gateway's), gateway_request_id, documentation_url and
// the first error's resource/attribute when present. RetryInfo from Retry-After on 429 and 503,
// capped at MaxRetryDelay(). A 3xx (never followed) says where it pointed (query and fragment
// left out) in the message and in metadata `location`. Every value taken from the upstream is
// redacted (RedactSecrets).
absl::Status UpstreamHttpError(const HttpResponse& response, const UpstreamErrorContext& context);

// Attaches google.rpc.ErrorInfo to `status` (payload `kErrorInfoTypeUrl`) with the given reason
// and metadata (empty values left out); reason, domain and values are redacted.
void AttachErrorInfo(absl::Status* status, absl::string_view reason, absl::string_view domain,
                     const std::vector<std::pair<std::string, std::string>>& metadata);

// Attaches google.rpc.RetryInfo (payload `kRetryInfoTypeUrl`) with `delay`, capped to
// [0, MaxRetryDelay()].
void AttachRetryInfo(absl::Status* status, absl::Duration delay);

}  // namespace pulumi_gateway

#endif  // GATEWAY_STATUS_UPSTREAM_ERROR_H_
