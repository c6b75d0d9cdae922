// The quota store's area: --quota_store (a Redis URL; empty: every replica keeps its own budget),
// its credentials and CA (files read here), its timeout, and the fleet's secret and size.
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "gateway/config/parse_areas.h"
#include "gateway/fleet/fleet_identity.h"
#include "gateway/fleet/redis_connection.h"

namespace pulumi_gateway::config_internal {
namespace {

// Without --quota_store its other flags would silently do nothing: refuse them.
absl::Status NoStoreFlags(const FlagValues& flags) {
  for (auto [flag, value] :
       {std::make_pair("quota_store_password_file", &flags.quota_store_password_file),
        std::make_pair("quota_store_ca_file", &flags.quota_store_ca_file),
        std::make_pair("fleet_secret_file", &flags.fleet_secret_file)}) {
    if (!value->empty()) return FlagError(flag, "needs --quota_store");
  }
  return absl::OkStatus();
}

// The password for `endpoint`, from --quota_store_password_file (trimmed).
absl::StatusOr<std::string> ReadPassword(const FlagValues& flags, const RedisEndpoint& endpoint) {
  if (flags.quota_store_password_file.empty()) {
    if (!endpoint.user.empty()) {
      return FlagError("quota_store_password_file", "the Redis user in --quota_store needs one");
    }
    return std::string();
  }
  absl::StatusOr<std::string> text =
      ReadFlagFile("quota_store_password_file", flags.quota_store_password_file);
  if (!text.ok()) return text.status();
  std::string password(absl::StripAsciiWhitespace(*text));
  if (password.empty()) return FlagError("quota_store_password_file", "the file is empty");
  return password;
}

absl::Status CheckCaFile(const FlagValues& flags, const RedisEndpoint& endpoint) {
  if (flags.quota_store_ca_file.empty()) return absl::OkStatus();
  if (!endpoint.tls) {
    return FlagError("quota_store_ca_file", "only used with a rediss:// --quota_store");
  }
  absl::StatusOr<std::string> text = ReadFlagFile("quota_store_ca_file", flags.quota_store_ca_file);
  if (!text.ok()) return text.status();
  if (text->find("-----BEGIN") == std::string::npos) {
    return FlagError("quota_store_ca_file",
                     absl::StrCat(flags.quota_store_ca_file, " is not a PEM file"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> ReadFleetSecret(const FlagValues& flags) {
  if (flags.fleet_secret_file.empty()) {
    return FlagError("fleet_secret_file",
                     "required with --quota_store: the key of the token digests every replica "
                     "writes to the store");
  }
  absl::StatusOr<std::string> text = ReadFlagFile("fleet_secret_file", flags.fleet_secret_file);
  if (!text.ok()) return text.status();
  std::string secret(absl::StripAsciiWhitespace(*text));
  if (absl::Status s = FleetIdentity::Create(secret).status(); !s.ok()) {
    return FlagError("fleet_secret_file", s.message());
  }
  return secret;
}

}  // namespace

absl::Status ParseQuotaStore(const FlagValues& flags,
                             std::optional<RedisQuotaStoreOptions>* quota_store) {
  quota_store->reset();
  if (flags.quota_store.empty()) return NoStoreFlags(flags);
  RedisQuotaStoreOptions options;
  absl::StatusOr<RedisEndpoint> endpoint = ParseRedisUrl(flags.quota_store);
  if (!endpoint.ok()) return FlagError("quota_store", endpoint.status().message());
  options.connection.endpoint = *std::move(endpoint);
  absl::StatusOr<std::string> password = ReadPassword(flags, options.connection.endpoint);
  if (!password.ok()) return password.status();
  options.connection.password = *std::move(password);
  if (absl::Status s = CheckCaFile(flags, options.connection.endpoint); !s.ok()) return s;
  options.connection.ca_file = flags.quota_store_ca_file;
  if (flags.quota_store_timeout < absl::Milliseconds(10) ||
      flags.quota_store_timeout > absl::Seconds(10)) {
    return FlagError("quota_store_timeout", "must be between 10ms and 10s");
  }
  options.connection.io_timeout = flags.quota_store_timeout;
  // A connect is a TCP handshake, maybe TLS, and AUTH: several round trips.
  options.connection.connect_timeout = 4 * flags.quota_store_timeout;
  if (flags.fleet_size < 0 || flags.fleet_size > 10000) {
    return FlagError("fleet_size", "must be between 0 (from heartbeats) and 10000");
  }
  options.fleet_size = flags.fleet_size;
  absl::StatusOr<std::string> secret = ReadFleetSecret(flags);
  if (!secret.ok()) return secret.status();
  options.fleet_secret = *std::move(secret);
  *quota_store = std::move(options);
  return absl::OkStatus();
}

}  // namespace pulumi_gateway::config_internal
