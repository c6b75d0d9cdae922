#include "gateway/fleet/fleet_identity.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "gateway/upstream/quota_store.h"
#include "openssl/evp.h"
#include "openssl/hmac.h"

namespace pulumi_gateway {

absl::StatusOr<FleetIdentity> FleetIdentity::Create(absl::string_view secret) {
  secret = absl::StripAsciiWhitespace(secret);
  if (secret.size() < kMinSecretBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("the fleet secret must hold at least ", kMinSecretBytes,
                     " bytes (e.g. `openssl rand -hex 32`); it holds ", secret.size()));
  }
  return FleetIdentity(std::string(secret));
}

std::string FleetIdentity::Of(absl::string_view authorization) const {
  const absl::string_view token = AuthorizationToken(authorization);
  if (token.empty()) return "";
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret_.data(), static_cast<int>(secret_.size()),
       reinterpret_cast<const unsigned char*>(token.data()), token.size(), digest, &length);
  return absl::StrCat(kFleetIdentityPrefix, absl::BytesToHexString(absl::string_view(
                                                reinterpret_cast<const char*>(digest), length)));
}

}  // namespace pulumi_gateway
