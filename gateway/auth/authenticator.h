// Decides which Pulumi token an upstream call carries, and checks it is safe to put in a header.
//
//   Authenticator auth(AuthMode::kPassthrough);
//   absl::StatusOr<std::string> header = auth.UpstreamAuthorization("Bearer pul-...");
//   // *header == "token pul-..."
//
// passthrough: the caller's `authorization` metadata ("token X" or "Bearer X") is forwarded as
// "token X"; a missing or malformed value is UNAUTHENTICATED and no upstream call is made.
// service: the gateway's own token is used for every call, whatever the caller sent.
#ifndef GATEWAY_AUTH_AUTHENTICATOR_H_
#define GATEWAY_AUTH_AUTHENTICATOR_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace pulumi_gateway {

enum class AuthMode { kPassthrough, kService };

// Parses "passthrough" or "service"; INVALID_ARGUMENT otherwise.
absl::StatusOr<AuthMode> ParseAuthMode(absl::string_view text);

// Longest token accepted. Pulumi tokens are ~44 characters; the bound stops abuse, not users.
inline constexpr size_t kMaxTokenLength = 1024;

// OK when `token` is 1..kMaxTokenLength printable ASCII characters without spaces. The error
// (INVALID_ARGUMENT) never contains the token.
absl::Status ValidateToken(absl::string_view token);

// The token inside an authorization value "token X" or "Bearer X" (scheme case-insensitive).
// UNAUTHENTICATED, without echoing the value, for anything else.
absl::StatusOr<std::string> TokenFromAuthorization(absl::string_view value);

class Authenticator final {
 public:
  // passthrough mode.
  Authenticator() = default;
  // service mode with the gateway's own token (already validated).
  explicit Authenticator(std::string service_token);

  // The upstream `Authorization` header value for a call whose caller sent `caller_authorization`
  // (nullopt: no such metadata). UNAUTHENTICATED in passthrough mode when it is missing or
  // malformed.
  absl::StatusOr<std::string> UpstreamAuthorization(
      std::optional<absl::string_view> caller_authorization) const;

  AuthMode mode() const { return mode_; }

 private:
  AuthMode mode_ = AuthMode::kPassthrough;
  std::string service_header_;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_AUTH_AUTHENTICATOR_H_
