// The auth area: --auth_mode, the service token (--token_file or PULUMI_ACCESS_TOKEN), and the
// per-tenant flags (--tenant_*, --caller_identity, --caller_header, --trusted_proxies).
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gateway/auth/ip_range.h"
#include "gateway/auth/tenant_tokens.h"
#include "gateway/auth/token.h"
#include "gateway/config/parse_areas.h"

namespace pulumi_gateway::config_internal {
namespace {

// A metadata key gRPC passes through unchanged and that no other meaning claims.
bool IsPlainMetadataKey(absl::string_view key) {
  if (key.empty() || absl::StartsWith(key, "grpc-") || absl::EndsWith(key, "-bin") ||
      key == "authorization" || key == "x-request-id") {
    return false;
  }
  for (char c : key) {
    if (!absl::ascii_islower(static_cast<unsigned char>(c)) &&
        !absl::ascii_isdigit(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') {
      return false;
    }
  }
  return true;
}

// The one service token (service mode without tenants), from --token_file or the environment.
absl::StatusOr<std::string> ServiceToken(const FlagValues& flags) {
  std::string token = flags.env_token;
  if (!flags.token_file.empty()) {
    absl::StatusOr<std::string> text = ReadFlagFile("token_file", flags.token_file);
    if (!text.ok()) return text.status();
    token = *std::move(text);
  } else if (token.empty()) {
    return FlagError("auth_mode",
                     "service mode needs --token_file or PULUMI_ACCESS_TOKEN in the environment");
  }
  token = std::string(absl::StripAsciiWhitespace(token));
  if (absl::Status s = ValidateToken(token); !s.ok()) {
    return FlagError(flags.token_file.empty() ? "auth_mode (PULUMI_ACCESS_TOKEN)" : "token_file",
                     s.message());
  }
  return token;
}

// How callers are identified with tenants: --caller_identity and its mode's flags.
absl::Status ParseCallerIdentity(const FlagValues& flags, CallerIdentityOptions* identity) {
  if (flags.caller_identity.empty()) {
    return FlagError("caller_identity", "required with --tenant_tokens_dir: mtls or header");
  }
  absl::StatusOr<CallerIdentitySource> source = ParseCallerIdentitySource(flags.caller_identity);
  if (!source.ok()) return FlagError("caller_identity", source.status().message());
  identity->source = *source;
  if (identity->source == CallerIdentitySource::kMtls) {
    if (flags.tls_client_ca_file.empty()) {
      return FlagError("caller_identity",
                       "mtls needs --tls_client_ca_file (callers present verified certificates)");
    }
    if (!flags.trusted_proxies.empty()) {
      return FlagError("trusted_proxies", "only applies with --caller_identity=header");
    }
    return absl::OkStatus();
  }
  if (!IsPlainMetadataKey(flags.caller_header)) {
    return FlagError("caller_header",
                     absl::StrCat("\"", flags.caller_header,
                                  "\" must be a lower-case metadata key (a-z, 0-9, '-', '_', '.'), "
                                  "not authorization, x-request-id, grpc-* or *-bin"));
  }
  identity->header = flags.caller_header;
  if (flags.trusted_proxies.empty()) {
    return FlagError("trusted_proxies",
                     "required with --caller_identity=header: the proxies' addresses (CIDRs)");
  }
  absl::StatusOr<std::vector<IpRange>> proxies = ParseIpRanges(flags.trusted_proxies);
  if (!proxies.ok()) return FlagError("trusted_proxies", proxies.status().message());
  if (proxies->empty()) {
    return FlagError("trusted_proxies", "required with --caller_identity=header");
  }
  identity->trusted_proxies = *std::move(proxies);
  return absl::OkStatus();
}

// --tenant_tokens_dir and the flags that only mean something with it.
absl::Status ParseTenants(const FlagValues& flags, AuthOptions* auth) {
  if (flags.tenant_tokens_dir.empty()) {
    if (!flags.caller_identity.empty()) {
      return FlagError("caller_identity", "only applies with --tenant_tokens_dir");
    }
    if (!flags.tenant_map.empty()) {
      return FlagError("tenant_map", "only applies with --tenant_tokens_dir");
    }
    if (!flags.trusted_proxies.empty()) {
      return FlagError("trusted_proxies", "only applies with --caller_identity=header");
    }
    return absl::OkStatus();
  }
  if (auth->mode != AuthMode::kService) {
    return FlagError("tenant_tokens_dir", "needs --auth_mode=service");
  }
  if (absl::StatusOr<TenantDirectory> dir = ReadTenantDirectory(flags.tenant_tokens_dir);
      !dir.ok()) {
    return FlagError("tenant_tokens_dir", dir.status().message());
  }
  if (flags.tenant_reload_interval < absl::Milliseconds(100)) {
    return FlagError("tenant_reload_interval", "must be at least 100ms");
  }
  if (!flags.tenant_map.empty()) {
    if (absl::StatusOr<TenantMap> map = ReadTenantMapFile(flags.tenant_map); !map.ok()) {
      return FlagError("tenant_map", map.status().message());
    }
  }
  if (absl::Status s = ParseCallerIdentity(flags, &auth->caller_identity); !s.ok()) return s;
  auth->tenants.tokens_dir = flags.tenant_tokens_dir;
  auth->tenants.map_file = flags.tenant_map;
  auth->tenants.reload_interval = flags.tenant_reload_interval;
  return absl::OkStatus();
}

}  // namespace

absl::Status ParseAuth(const FlagValues& flags, GatewayConfig* config) {
  AuthOptions& auth = config->auth;
  absl::StatusOr<AuthMode> mode = ParseAuthMode(flags.auth_mode);
  if (!mode.ok()) return FlagError("auth_mode", mode.status().message());
  auth.mode = *mode;
  // With per-tenant tokens there is no single service token to read.
  if (auth.mode == AuthMode::kService && flags.tenant_tokens_dir.empty()) {
    absl::StatusOr<std::string> token = ServiceToken(flags);
    if (!token.ok()) return token.status();
    auth.service_token = *std::move(token);
  }
  if (absl::Status s = ParseTenants(flags, &auth); !s.ok()) return s;
  if (auth.uses_tenants() && !flags.token_file.empty()) {
    config->warnings.push_back("--token_file is not used with --tenant_tokens_dir");
  }
  return absl::OkStatus();
}

}  // namespace pulumi_gateway::config_internal
