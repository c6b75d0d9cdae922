// The gateway's flags as given on the command line, before ParseConfig checks them and turns them
// into a GatewayConfig. Only the binary's flag definitions (gateway/flags.cc) fill one; tests of
// the parser build them by hand.
//
//   FlagValues flags = DefaultFlagValues();
//   flags.api_version = 100;
//   ParseConfig(flags);  // INVALID_ARGUMENT "--api_version: must be between 1 and 99"
#ifndef GATEWAY_CONFIG_FLAG_VALUES_H_
#define GATEWAY_CONFIG_FLAG_VALUES_H_

#include <cstdint>
#include <map>
#include <string>

#include "absl/time/time.h"

namespace pulumi_gateway {

// One field per flag, named and typed as the flag.
struct FlagValues {
  std::string listen;
  std::string upstream;
  int api_version = 0;
  std::string auth_mode;
  std::string token_file;
  absl::Duration default_timeout;
  std::string upstream_ca_file;
  bool upstream_insecure_skip_verify = false;
  bool upstream_http2_prior_knowledge = false;
  int upstream_max_connections = 0;
  int upstream_max_http2_connections = 0;
  int upstream_loops = 0;
  absl::Duration upstream_inline_wait;
  absl::Duration upstream_inline_spin;
  absl::Duration upstream_connect_timeout;
  int retry_max_attempts = 0;
  absl::Duration retry_initial_backoff;
  absl::Duration retry_max_backoff;
  double retry_budget_ratio = 0;
  int breaker_failure_threshold = 0;
  absl::Duration breaker_open_duration;
  double upstream_rate_limit = 0;
  double upstream_rate_burst = 0;
  double identity_rate_limit = 0;
  double identity_burst = 0;
  double bulk_share = 0;
  absl::Duration throttle_default_pause;
  absl::Duration throttle_max_pause;
  int identity_max_queued = 0;
  bool coalesce_reads = false;
  std::string cache_ttl;
  int64_t cache_max_bytes = 0;
  absl::Duration watch_poll_interval;
  absl::Duration watch_max_interval;
  int64_t max_request_bytes = 0;
  int64_t max_response_bytes = 0;
  int64_t max_buffered_response_bytes = 0;
  int batch_parallelism = 0;
  int max_in_flight = 0;
  std::string metrics_listen;
  std::string log_level;
  std::string memory_fit;
  absl::Duration shutdown_grace;
  absl::Duration drain_delay;
  std::string tls_cert_file;
  std::string tls_key_file;
  std::string tls_client_ca_file;
  std::string tenant_tokens_dir;
  absl::Duration tenant_reload_interval;
  std::string tenant_map;
  std::string caller_identity;
  std::string caller_header;
  std::string trusted_proxies;
  std::string quota_store;
  std::string quota_store_password_file;
  std::string quota_store_ca_file;
  absl::Duration quota_store_timeout;
  std::string fleet_secret_file;
  int fleet_size = 0;

  // Not a flag: PULUMI_ACCESS_TOKEN from the environment, the service token without --token_file.
  std::string env_token;
  // Not flags: the proxy variables of the environment (kProxyVariables) that are set and not
  // empty, by name; ParseConfig picks the upstream's proxy from them.
  std::map<std::string, std::string> env_proxy;
};

// The environment variables the upstream's proxy comes from, read once at start (libcurl would
// read them for every request).
inline constexpr const char* kProxyVariables[] = {
    "http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY"};

// Every flag at its default, read from the option struct of the component the flag sets
// (GatewayConfig{}); flags naming files default to none. The flag definitions take their
// defaults from here, so no default is written twice.
const FlagValues& DefaultFlagValues();

}  // namespace pulumi_gateway

#endif  // GATEWAY_CONFIG_FLAG_VALUES_H_
