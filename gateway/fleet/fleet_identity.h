// Names an upstream identity for the fleet's shared store: HMAC-SHA-256 of the access token under
// a secret every replica reads from a file. A party that can read the store (its operators, a
// backup, a replica of it) sees only these digests; without the secret it cannot tell which token
// one belongs to, not even by hashing candidate tokens, as it could with an unkeyed digest.
//
//   absl::StatusOr<FleetIdentity> ids = FleetIdentity::Create(secret_file_contents);
//   ids->Of("token pul-test-abc");  // "hmac256:<64 hex>"; same for "Bearer pul-test-abc"
#ifndef GATEWAY_FLEET_FLEET_IDENTITY_H_
#define GATEWAY_FLEET_FLEET_IDENTITY_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace pulumi_gateway {

inline constexpr absl::string_view kFleetIdentityPrefix = "hmac256:";

class FleetIdentity final {
 public:
  // Minimum secret length, in bytes after trimming surrounding whitespace.
  static constexpr size_t kMinSecretBytes = 16;

  // INVALID_ARGUMENT when `secret` (trailing newline and spaces trimmed) is shorter than
  // kMinSecretBytes. The message never holds the secret.
  static absl::StatusOr<FleetIdentity> Create(absl::string_view secret);

  // "hmac256:<64 lower-case hex>" of the token in `authorization` (scheme ignored); "" when the
  // header holds no token.
  std::string Of(absl::string_view authorization) const;

 private:
  explicit FleetIdentity(std::string secret) : secret_(std::move(secret)) {}
  std::string secret_;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_FLEET_FLEET_IDENTITY_H_
