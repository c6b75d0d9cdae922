// Removes secrets from text that may reach a client-facing message or a log line.
//
//   RedactSecrets("token pul-abc123 rejected")  // "token pul-[REDACTED] rejected"
#ifndef GATEWAY_STATUS_REDACT_H_
#define GATEWAY_STATUS_REDACT_H_

#include <string>

#include "absl/strings/string_view.h"

namespace pulumi_gateway {

// Replaces Pulumi access tokens ("pul-" followed by token characters) with "pul-[REDACTED]",
// turns control characters into spaces and bytes that are not UTF-8 into '?', and cuts the
// result to `max_bytes` on a character boundary (marking the cut with "...").
std::string RedactSecrets(absl::string_view text, size_t max_bytes = 512);

}  // namespace pulumi_gateway

#endif  // GATEWAY_STATUS_REDACT_H_
