// The one table from a libcurl transfer result to a gRPC-facing status, classified before it is
// reported: timeout, cancelled, network (connect, DNS, TLS, reset), too large, internal.
//
//   absl::Status s = CurlResultToStatus(CURLE_COULDNT_CONNECT, "");  // UNAVAILABLE
#ifndef GATEWAY_STATUS_CURL_STATUS_H_
#define GATEWAY_STATUS_CURL_STATUS_H_

#include <curl/curl.h>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace pulumi_gateway {

enum class TransportFailure {
  kTimeout,    // DEADLINE_EXCEEDED
  kCancelled,  // CANCELLED
  kConnect,    // UNAVAILABLE: no connection (DNS, refused, TLS handshake); the request never left
  kNetwork,    // UNAVAILABLE: the connection broke; an idempotent call may be retried
  kProtocol,   // UNAVAILABLE: the answer broke HTTP (framing, encoding); one retry, new connection
  kTooLarge,   // RESOURCE_EXHAUSTED
  kInternal,   // INTERNAL: a gateway bug or misconfiguration
};

TransportFailure ClassifyCurlResult(CURLcode code);

// Payload set on statuses of requests that certainly never reached the upstream (safe to retry
// whatever the verb). Internal: ToGrpcStatus forwards only google.rpc payloads.
inline constexpr char kNotSentPayload[] = "pulumi-gateway/not-sent";

// Payload set on statuses of answers that broke HTTP itself (malformed status line or framing,
// conflicting lengths, an unasked protocol switch, a corrupt encoding). The connection they came
// on is not trusted: an idempotent call gets one retry, on a new connection.
inline constexpr char kProtocolErrorPayload[] = "pulumi-gateway/protocol-error";

// UNAVAILABLE "upstream broke HTTP: <what>" with kProtocolErrorPayload; `what` is redacted.
absl::Status UpstreamProtocolError(absl::string_view what);

// The status for a failed transfer. `detail` is curl's error buffer (no URL or headers in it);
// it is redacted and appended to the message.
absl::Status CurlResultToStatus(CURLcode code, absl::string_view detail);

}  // namespace pulumi_gateway

#endif  // GATEWAY_STATUS_CURL_STATUS_H_
