// The gateway's configuration: the components' own option structs, filled once at start-up by
// ParseConfig (parse_config.h) from the flags' values (flag_values.h) and handed to GatewayApp.
// Each setting has one source: its component's option struct states its default, the flag's
// default is read from there (DefaultFlagValues), and ParseConfig checks the value given.
//
//   absl::StatusOr<GatewayConfig> config = ParseConfig(ReadFlags());
//   // "--api_version: must be between 1 and 99" on a bad value
//   config->stack.retry.max_attempts;   // RetryOptions, as RetryingUpstream takes it
#ifndef GATEWAY_CONFIG_CONFIG_H_
#define GATEWAY_CONFIG_CONFIG_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/time/time.h"
#include "gateway/auth/authenticator.h"
#include "gateway/fleet/redis_quota_store.h"
#include "gateway/host/memory_fit.h"
#include "gateway/observability/logger.h"
#include "gateway/server/call_environment.h"
#include "gateway/server/gateway_server.h"
#include "gateway/upstream/curl_client.h"
#include "gateway/upstream/response_cache.h"
#include "gateway/upstream/upstream_stack.h"

namespace pulumi_gateway {

// How a gateway stops on SIGTERM (--drain_delay, --shutdown_grace).
struct DrainOptions {
  // How long health reports NOT_SERVING while calls are still accepted. Default 0.
  absl::Duration delay = absl::ZeroDuration();
  // How long calls in flight get to finish before they are cancelled. Default 20s.
  absl::Duration grace = absl::Seconds(20);
};

// Where a gateway serves unless told otherwise; the components' own defaults suit embedding
// (an ephemeral port on 127.0.0.1, no upstream).
inline GatewayServerOptions DefaultListener() {
  GatewayServerOptions options;
  options.listen = "0.0.0.0:50051";
  return options;
}
inline CurlClientOptions DefaultUpstream() {
  CurlClientOptions options;
  options.base_url = "https://api.pulumi.com";
  return options;
}

struct GatewayConfig {
  // The gRPC listener: --listen, --max_request_bytes, --tls_cert_file, --tls_key_file,
  // --tls_client_ca_file (their contents).
  GatewayServerOptions server = DefaultListener();
  // The upstream transport: --upstream, --upstream_ca_file, --upstream_insecure_skip_verify,
  // --upstream_http2_prior_knowledge, --upstream_max_connections,
  // --upstream_max_http2_connections, --upstream_loops, --upstream_inline_wait,
  // --upstream_inline_spin, --upstream_connect_timeout, --max_response_bytes, and its proxy from
  // the environment (kProxyVariables). Its buffer budget is the app's, of
  // `max_buffered_response_bytes`.
  CurlClientOptions upstream = DefaultUpstream();
  // Most upstream answer bytes the process holds at once (--max_buffered_response_bytes): the
  // limit of the BufferBudget every answer takes from. Default 96 MiB.
  size_t max_buffered_response_bytes = size_t{96} << 20;
  // The host of upstream.base_url, for the domain of upstream errors (filled by ParseConfig).
  std::string upstream_host;
  // The environment variable upstream.proxy came from, empty for none (filled by ParseConfig).
  // The start-up log names it; the value may hold credentials.
  std::string upstream_proxy_variable;
  // The layers every upstream call passes through: --retry_*, --breaker_*, --upstream_rate_*,
  // --identity_*, --bulk_share, --throttle_*, --coalesce_reads, --cache_ttl, --cache_max_bytes.
  UpstreamStackOptions stack;
  // What every call applies: --api_version, --default_timeout, --max_in_flight,
  // --batch_parallelism, --watch_poll_interval, --watch_max_interval.
  CallOptions calls;
  // The fleet's shared per-token quota store on Redis (docs/fleet-quota.md): --quota_store, the
  // contents of --quota_store_password_file and --fleet_secret_file, --quota_store_ca_file,
  // --quota_store_timeout (connects get four times it), --fleet_size. Unset (default): each
  // replica keeps its own budget (LocalQuotaStore).
  std::optional<RedisQuotaStoreOptions> quota_store;
  // Upstream credentials: --auth_mode, --token_file (or PULUMI_ACCESS_TOKEN), --tenant_*,
  // --caller_identity, --caller_header, --trusted_proxies.
  AuthOptions auth;
  // Prometheus /metrics address (--metrics_listen); empty: no metrics. Default "0.0.0.0:9090".
  std::string metrics_listen = "0.0.0.0:9090";
  // Lowest level logged (--log_level). Default info.
  LogLevel log_level = LogLevel::kInfo;
  // What start-up does when the memory the settings allow is past the cgroup's memory limit
  // (--memory_fit; gateway/host/memory_fit.h). Default: a warning.
  MemoryFit memory_fit = MemoryFit::kWarn;
  // --drain_delay, --shutdown_grace.
  DrainOptions drain;
  // Settings given but not used (e.g. --token_file with --tenant_tokens_dir), logged as warnings
  // at start-up.
  std::vector<std::string> warnings;
};

// Checks that every route `cache` names is one of `read_routes` (the RPCs sent as GET):
// INVALID_ARGUMENT naming --cache_ttl and the route otherwise.
absl::Status ValidateCacheRoutes(const ResponseCacheOptions& cache,
                                 const absl::flat_hash_set<std::string>& read_routes);

}  // namespace pulumi_gateway

#endif  // GATEWAY_CONFIG_CONFIG_H_
