// The gateway's configuration: every flag's value, validated once at start-up into an immutable
// struct. Only main reads flags and the environment; it fills a GatewayConfig and calls
// ValidateConfig, which names the offending flag in its error.
//
//   GatewayConfig config;
//   config.upstream = absl::GetFlag(FLAGS_upstream);
//   ...
//   absl::Status s = ValidateConfig(&config);  // "--api_version: must be between 1 and 99"
#ifndef GATEWAY_CONFIG_CONFIG_H_
#define GATEWAY_CONFIG_CONFIG_H_

#include <cstdint>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/time/time.h"
#include "gateway/auth/authenticator.h"
#include "gateway/auth/caller_identity.h"
#include "gateway/fleet/redis_connection.h"
#include "gateway/observability/logger.h"
#include "gateway/upstream/circuit_breaker.h"
#include "gateway/upstream/identity_throttle.h"
#include "gateway/upstream/rate_limiter.h"
#include "gateway/upstream/response_cache.h"
#include "gateway/upstream/retry_policy.h"

namespace pulumi_gateway {

struct GatewayConfig {
  // Flag values as given (see main.cc for defaults and help).
  std::string listen;
  std::string upstream;
  int api_version = 8;
  std::string auth_mode = "passthrough";
  std::string token_file;
  // PULUMI_ACCESS_TOKEN from the environment, used when token_file is empty.
  std::string env_token;
  absl::Duration default_timeout = absl::Seconds(30);
  std::string upstream_ca_file;
  bool upstream_insecure_skip_verify = false;
  bool upstream_http2_prior_knowledge = false;
  int upstream_max_connections = 64;
  int upstream_max_http2_connections = 4;
  absl::Duration upstream_connect_timeout = absl::Seconds(10);
  RetryOptions retry;
  CircuitBreakerOptions breaker;
  // requests_per_second 0: no outbound limit.
  RateLimiterOptions rate_limit{.requests_per_second = 0, .burst = 10};
  // Per upstream identity: 429 pauses, optional token bucket (requests_per_second 0: off), bulk
  // share, queue cap.
  IdentityThrottleOptions throttle;
  // --cache_ttl as given ("GetStack=5s,ListStacks=2s", "*=2s"); empty: no response cache.
  std::string cache_ttl;
  int64_t cache_max_bytes = int64_t{64} << 20;
  bool coalesce_reads = true;
  absl::Duration watch_poll_interval = absl::Seconds(1);
  absl::Duration watch_max_interval = absl::Seconds(10);
  int64_t max_request_bytes = 4 << 20;
  int64_t max_response_bytes = 64 << 20;
  int64_t max_buffered_response_bytes = int64_t{96} << 20;
  int max_in_flight = 10000;
  int batch_parallelism = 16;
  std::string metrics_listen;
  std::string log_level = "info";
  absl::Duration shutdown_grace = absl::Seconds(20);
  absl::Duration drain_delay = absl::ZeroDuration();
  std::string tls_cert_file;
  std::string tls_key_file;
  std::string tls_client_ca_file;
  // Per-tenant tokens in service mode (empty tenant_tokens_dir: the one service token).
  std::string tenant_tokens_dir;
  absl::Duration tenant_reload_interval = absl::Seconds(10);
  std::string tenant_map;
  std::string caller_identity;
  std::string caller_header = "x-caller-identity";
  std::string trusted_proxies;
  // The fleet's shared quota store (docs/fleet-quota.md). Empty quota_store: each replica keeps
  // its own budget.
  std::string quota_store;
  std::string quota_store_password_file;
  std::string quota_store_ca_file;
  absl::Duration quota_store_timeout = absl::Milliseconds(250);
  std::string fleet_secret_file;
  int fleet_size = 0;

  // Filled by ValidateConfig.
  AuthMode parsed_auth_mode = AuthMode::kPassthrough;
  LogLevel parsed_log_level = LogLevel::kInfo;
  // The service token (auth_mode=service), read from token_file or env_token.
  std::string service_token;
  // The upstream host, for error details.
  std::string upstream_host;
  // Contents of the TLS files (empty: plaintext listener / no client certificates).
  std::string tls_cert_pem;
  std::string tls_key_pem;
  std::string tls_client_ca_pem;
  // The response cache: TTLs parsed from cache_ttl, bound from cache_max_bytes.
  ResponseCacheOptions cache;
  // How callers are identified when tenant_tokens_dir is set.
  CallerIdentityOptions parsed_caller_identity;
  // The quota store's endpoint and secrets (read from their files, surrounding whitespace
  // trimmed), when quota_store is set.
  RedisEndpoint parsed_quota_store;
  std::string quota_store_password;
  std::string fleet_secret;
};

// Checks every value and fills the parsed fields. INVALID_ARGUMENT naming the flag ("--listen:
// ...") for the first bad value; the service token's content never appears in a message.
absl::Status ValidateConfig(GatewayConfig* config);

// Checks that every route --cache_ttl names is one of `read_routes` (the RPCs sent as GET):
// INVALID_ARGUMENT naming the flag and the route otherwise.
absl::Status ValidateCacheRoutes(const GatewayConfig& config,
                                 const absl::flat_hash_set<std::string>& read_routes);

}  // namespace pulumi_gateway

#endif  // GATEWAY_CONFIG_CONFIG_H_
