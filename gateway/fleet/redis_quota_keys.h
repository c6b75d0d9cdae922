// The Redis names the shared quota store uses (internal to gateway/fleet). Keys carry the
// identity digest in a hash tag, so one identity's keys share a cluster slot.
#ifndef GATEWAY_FLEET_REDIS_QUOTA_KEYS_H_
#define GATEWAY_FLEET_REDIS_QUOTA_KEYS_H_

#include <optional>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "gateway/fleet/fleet_identity.h"

namespace pulumi_gateway::fleet_keys {

inline constexpr char kPauseChannel[] = "pgw:pauses";
inline constexpr char kWriteChannel[] = "pgw:writes";
inline constexpr char kReplicas[] = "pgw:replicas";

// The hex digest of a FleetIdentity name; nullopt for anything else (which never goes to Redis).
inline std::optional<std::string> HexOf(absl::string_view identity) {
  if (!absl::ConsumePrefix(&identity, kFleetIdentityPrefix) || identity.size() != 64) {
    return std::nullopt;
  }
  for (char c : identity) {
    if (!absl::ascii_isdigit(c) && (c < 'a' || c > 'f')) return std::nullopt;
  }
  return std::string(identity);
}

// "<identity>" → pgw:{hex}:b; "<identity>/bulk" → pgw:{hex}:bulk (a suffix of lower-case letters).
inline std::optional<std::string> BucketKey(absl::string_view bucket) {
  const size_t slash = bucket.find('/');
  std::optional<std::string> hex = HexOf(bucket.substr(0, slash));
  if (!hex.has_value()) return std::nullopt;
  if (slash == absl::string_view::npos) return absl::StrCat("pgw:{", *hex, "}:b");
  const absl::string_view suffix = bucket.substr(slash + 1);
  if (suffix.empty() || suffix.size() > 16 || suffix == "b" || suffix == "pause") {
    return std::nullopt;
  }
  for (char c : suffix) {
    if (c < 'a' || c > 'z') return std::nullopt;
  }
  return absl::StrCat("pgw:{", *hex, "}:", suffix);
}

inline std::string PauseKey(absl::string_view hex) { return absl::StrCat("pgw:{", hex, "}:pause"); }

// The identity of a bucket key ("<identity>/bulk" → "<identity>").
inline absl::string_view IdentityOfBucket(absl::string_view bucket) {
  return bucket.substr(0, bucket.find('/'));
}

}  // namespace pulumi_gateway::fleet_keys

#endif  // GATEWAY_FLEET_REDIS_QUOTA_KEYS_H_
