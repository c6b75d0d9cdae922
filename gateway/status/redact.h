// Removes secrets from text that may reach a client-facing message or a log line.
//
//   RedactSecrets("token pul-abc123 rejected")  // "token pul-[REDACTED] rejected"
#ifndef GATEWAY_STATUS_REDACT_H_
#define GATEWAY_STATUS_REDACT_H_

#include <string>

#include "absl/strings/string_view.h"

namespace pulumi_gateway {

// Replaces Pulumi access tokens with "pul-[REDACTED]": "pul-" and the token characters (letters,
// digits, '-', '_') after it, where "pul-" starts a word, or, in any letter case, inside a word
// when at least 16 token characters follow (an upstream's "req-pul-<40 hex>" request id). Text
// redacted before is left as it is. Turns control characters into spaces and bytes that are not
// UTF-8 into '?', and cuts the result to `max_bytes` on a character boundary (marking the cut
// with "..."). Every value the upstream sends that reaches a status, a detail or a log line
// passes through here.
std::string RedactSecrets(absl::string_view text, size_t max_bytes = 512);

}  // namespace pulumi_gateway

#endif  // GATEWAY_STATUS_REDACT_H_
