// Pulumi access tokens as the gateway handles them: checked before they go into a header, taken
// out of a caller's `authorization` metadata, never echoed in an error.
//
//   absl::Status ok = ValidateToken(token);                         // INVALID_ARGUMENT if unsafe
//   absl::StatusOr<std::string> t = TokenFromAuthorization("Bearer pul-...");  // "pul-..."
#ifndef GATEWAY_AUTH_TOKEN_H_
#define GATEWAY_AUTH_TOKEN_H_

#include <cstddef>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace pulumi_gateway {

// Longest token accepted. Pulumi tokens are ~44 characters; the bound stops abuse, not users.
inline constexpr size_t kMaxTokenLength = 1024;

// OK when `token` is 1..kMaxTokenLength printable ASCII characters without spaces. The error
// (INVALID_ARGUMENT) never contains the token.
absl::Status ValidateToken(absl::string_view token);

// The token inside an authorization value "token X" or "Bearer X" (scheme case-insensitive).
// UNAUTHENTICATED, without echoing the value, for anything else.
absl::StatusOr<std::string> TokenFromAuthorization(absl::string_view value);

}  // namespace pulumi_gateway

#endif  // GATEWAY_AUTH_TOKEN_H_
