#include "gateway/auth/authenticator.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace pulumi_gateway {

absl::StatusOr<AuthMode> ParseAuthMode(absl::string_view text) {
  if (text == "passthrough") return AuthMode::kPassthrough;
  if (text == "service") return AuthMode::kService;
  return absl::InvalidArgumentError(
      absl::StrCat("unknown auth mode \"", text, "\"; expected passthrough or service"));
}

absl::string_view AuthModeName(AuthMode mode) {
  return mode == AuthMode::kService ? "service" : "passthrough";
}

absl::string_view CredentialSourceName(CredentialSource source) {
  switch (source) {
    case CredentialSource::kCaller:
      return "caller";
    case CredentialSource::kService:
      return "service";
    case CredentialSource::kTenant:
      return "tenant";
  }
  return "unknown";
}

Authenticator::Authenticator(std::string service_token)
    : mode_(AuthMode::kService), service_header_(absl::StrCat("token ", service_token)) {}

Authenticator::Authenticator(CallerIdentityOptions identity, const TenantTokens* tenants)
    : mode_(AuthMode::kService), identity_(std::move(identity)), tenants_(tenants) {}

absl::StatusOr<Credential> Authenticator::Resolve(const CallerInfo& caller) const {
  Credential credential;
  if (tenants_ != nullptr) {
    absl::StatusOr<std::string> identity = IdentifyCaller(*identity_, caller);
    if (!identity.ok()) return identity.status();
    absl::StatusOr<TenantCredential> tenant = tenants_->current()->ForCaller(*identity);
    if (!tenant.ok()) return tenant.status();
    credential.authorization = std::move(tenant->authorization);
    credential.tenant = std::move(tenant->tenant);
    credential.caller = *std::move(identity);
    credential.source = CredentialSource::kTenant;
    return credential;
  }
  if (mode_ == AuthMode::kService) {
    credential.authorization = service_header_;
    credential.source = CredentialSource::kService;
    return credential;
  }
  if (!caller.authorization.has_value()) {
    return absl::UnauthenticatedError(
        "missing authorization metadata: send \"authorization: token <pulumi-access-token>\"");
  }
  absl::StatusOr<std::string> token = TokenFromAuthorization(*caller.authorization);
  if (!token.ok()) return token.status();
  credential.authorization = absl::StrCat("token ", *token);
  credential.source = CredentialSource::kCaller;
  return credential;
}

absl::StatusOr<std::string> Authenticator::UpstreamAuthorization(
    std::optional<absl::string_view> caller_authorization) const {
  CallerInfo caller;
  caller.authorization = caller_authorization;
  absl::StatusOr<Credential> credential = Resolve(caller);
  if (!credential.ok()) return credential.status();
  return std::move(credential->authorization);
}

}  // namespace pulumi_gateway
