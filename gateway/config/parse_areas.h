// The per-area parsers ParseConfig runs in turn, each filling its part of the GatewayConfig from
// the flags of its area and naming the flag of the first bad value. Internal to gateway/config.
#ifndef GATEWAY_CONFIG_PARSE_AREAS_H_
#define GATEWAY_CONFIG_PARSE_AREAS_H_

#include <cstddef>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "gateway/config/config.h"
#include "gateway/config/flag_values.h"

namespace pulumi_gateway::config_internal {

// INVALID_ARGUMENT "--<flag>: <why>".
absl::Status FlagError(absl::string_view flag, absl::string_view why);
// The contents of `path`; "--<flag>: cannot read <path>" otherwise.
absl::StatusOr<std::string> ReadFlagFile(absl::string_view flag, const std::string& path);

// --listen, --max_request_bytes and the listener's TLS files.
absl::Status ParseListener(const FlagValues& flags, GatewayServerOptions* server);
// --metrics_listen, --log_level, --memory_fit.
absl::Status ParseObservability(const FlagValues& flags, GatewayConfig* config);
// --upstream and the transport's --upstream_* flags, --max_response_bytes, the proxy of the
// environment; fills the host, the proxy's variable and the buffer budget's limit
// (--max_buffered_response_bytes).
absl::Status ParseUpstream(const FlagValues& flags, CurlClientOptions* upstream,
                           std::string* upstream_host, std::string* upstream_proxy_variable,
                           size_t* max_buffered_response_bytes);
// --api_version, --default_timeout, --watch_*, --max_in_flight, --batch_parallelism.
absl::Status ParseCalls(const FlagValues& flags, CallOptions* calls);
// --auth_mode, the service token, and the tenant flags.
absl::Status ParseAuth(const FlagValues& flags, GatewayConfig* config);
// The layers' flags: --retry_*, --breaker_*, --upstream_rate_*, --identity_*, --bulk_share,
// --throttle_*, --coalesce_reads, --cache_ttl, --cache_max_bytes.
absl::Status ParseStack(const FlagValues& flags, UpstreamStackOptions* stack);
// --quota_store and its flags (--quota_store_*, --fleet_secret_file, --fleet_size): the shared
// store's options with its secrets read, or none without --quota_store.
absl::Status ParseQuotaStore(const FlagValues& flags,
                             std::optional<RedisQuotaStoreOptions>* quota_store);
// --shutdown_grace, --drain_delay.
absl::Status ParseDrain(const FlagValues& flags, DrainOptions* drain);

}  // namespace pulumi_gateway::config_internal

#endif  // GATEWAY_CONFIG_PARSE_AREAS_H_
