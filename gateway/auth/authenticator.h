// Decides which Pulumi token an upstream call carries, and where it came from.
//
//   Authenticator auth;                                          // passthrough
//   CallerInfo caller;
//   caller.authorization = "Bearer pul-...";
//   absl::StatusOr<Credential> c = auth.Resolve(caller);
//   // c->authorization == "token pul-...", c->source == CredentialSource::kCaller
//
// passthrough: the caller's `authorization` metadata ("token X" or "Bearer X") is forwarded as
// "token X"; a missing or malformed value is UNAUTHENTICATED and no upstream call is made.
// service: the gateway's own token is used for every call, whatever the caller sent.
// service with tenants: the caller is identified (client certificate or trusted header, see
// caller_identity.h) and its tenant's token is used (tenant_tokens.h); the caller's own
// `authorization` metadata is ignored.
#ifndef GATEWAY_AUTH_AUTHENTICATOR_H_
#define GATEWAY_AUTH_AUTHENTICATOR_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "gateway/auth/caller_identity.h"
#include "gateway/auth/tenant_tokens.h"
#include "gateway/auth/token.h"

namespace pulumi_gateway {

enum class AuthMode { kPassthrough, kService };

// Parses "passthrough" or "service"; INVALID_ARGUMENT otherwise.
absl::StatusOr<AuthMode> ParseAuthMode(absl::string_view text);
// "passthrough" or "service" (what ParseAuthMode reads).
absl::string_view AuthModeName(AuthMode mode);

// Where the upstream token of a call came from.
enum class CredentialSource {
  // The caller's own `authorization` metadata (passthrough).
  kCaller,
  // The gateway's single service token.
  kService,
  // The token of the caller's tenant.
  kTenant,
};

// "caller", "service" or "tenant" (for logs).
absl::string_view CredentialSourceName(CredentialSource source);

// The credential a call uses upstream. Only `authorization` is secret: never log or return it.
struct Credential {
  // The upstream Authorization header value ("token ...").
  std::string authorization;
  // The tenant whose token is used (kTenant); empty otherwise.
  std::string tenant;
  // The caller identity recognised from the certificate or trusted header (kTenant); empty
  // otherwise.
  std::string caller;
  CredentialSource source = CredentialSource::kCaller;
};

// How the gateway authenticates upstream (the --auth_mode, --token_file, --tenant_*,
// --caller_* and --trusted_proxies settings).
struct AuthOptions {
  // Default passthrough.
  AuthMode mode = AuthMode::kPassthrough;
  // Service mode without tenants: the gateway's own token (validated). Default none.
  std::string service_token;
  // Service mode with per-tenant tokens when `tenants.tokens_dir` is set (default: not set).
  TenantTokensOptions tenants;
  // With tenants: how callers are identified.
  CallerIdentityOptions caller_identity;

  bool uses_tenants() const { return !tenants.tokens_dir.empty(); }
};

class Authenticator final {
 public:
  // passthrough mode.
  Authenticator() = default;
  // service mode with the gateway's own token (already validated).
  explicit Authenticator(std::string service_token);
  // service mode with per-tenant tokens: callers are identified per `identity`, their tenant's
  // token comes from `tenants` (not owned; must outlive this).
  Authenticator(CallerIdentityOptions identity, const TenantTokens* tenants);

  // The credential for a call from `caller`. Passthrough: UNAUTHENTICATED when the caller's
  // authorization is missing or malformed. Tenants: UNAUTHENTICATED when the caller cannot be
  // identified (see IdentifyCaller), PERMISSION_DENIED naming the caller when it has no tenant
  // or its tenant no token. No error contains a token.
  absl::StatusOr<Credential> Resolve(const CallerInfo& caller) const;

  // Resolve(...).authorization for a caller known only by its `authorization` metadata (nullopt:
  // none). With tenants this is UNAUTHENTICATED: they need the caller's identity.
  absl::StatusOr<std::string> UpstreamAuthorization(
      std::optional<absl::string_view> caller_authorization) const;

  AuthMode mode() const { return mode_; }
  // Set in tenant mode: how callers are identified (the transport must fill CallerInfo's
  // certificate or peer and identity header accordingly).
  const std::optional<CallerIdentityOptions>& caller_identity() const { return identity_; }

 private:
  AuthMode mode_ = AuthMode::kPassthrough;
  std::string service_header_;
  std::optional<CallerIdentityOptions> identity_;
  const TenantTokens* tenants_ = nullptr;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_AUTH_AUTHENTICATOR_H_
