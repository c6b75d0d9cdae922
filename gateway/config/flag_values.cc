#include "gateway/config/flag_values.h"

#include "gateway/config/config.h"
#include "gateway/config/parse_config.h"

namespace pulumi_gateway {
namespace {

FlagValues FromDefaults() {
  const GatewayConfig defaults;
  const UpstreamStackOptions& stack = defaults.stack;
  FlagValues flags;
  flags.listen = defaults.server.listen;
  flags.max_request_bytes = defaults.server.max_request_bytes;
  flags.upstream = defaults.upstream.base_url;
  flags.upstream_ca_file = defaults.upstream.ca_file;
  flags.upstream_insecure_skip_verify = defaults.upstream.insecure_skip_verify;
  flags.upstream_http2_prior_knowledge = defaults.upstream.http2_prior_knowledge;
  flags.upstream_max_connections = defaults.upstream.max_connections;
  flags.upstream_max_http2_connections = defaults.upstream.max_http2_connections;
  flags.upstream_loops = defaults.upstream.loops;
  flags.upstream_inline_wait = defaults.upstream.inline_wait;
  flags.upstream_inline_spin = defaults.upstream.inline_spin;
  flags.upstream_connect_timeout = defaults.upstream.connect_timeout;
  flags.max_response_bytes = static_cast<int64_t>(defaults.upstream.max_response_bytes);
  flags.max_buffered_response_bytes = static_cast<int64_t>(defaults.max_buffered_response_bytes);
  flags.retry_max_attempts = stack.retry.max_attempts;
  flags.retry_initial_backoff = stack.retry.initial_backoff;
  flags.retry_max_backoff = stack.retry.max_backoff;
  flags.retry_budget_ratio = stack.retry.budget_ratio;
  flags.breaker_failure_threshold = stack.breaker.failure_threshold;
  flags.breaker_open_duration = stack.breaker.open_duration;
  flags.upstream_rate_limit = stack.rate_limit.requests_per_second;
  flags.upstream_rate_burst = stack.rate_limit.burst;
  flags.identity_rate_limit = stack.throttle.requests_per_second;
  flags.identity_burst = stack.throttle.burst;
  flags.bulk_share = stack.throttle.bulk_share;
  flags.throttle_default_pause = stack.throttle.default_pause;
  flags.throttle_max_pause = stack.throttle.max_pause;
  flags.identity_max_queued = stack.throttle.max_queued;
  flags.coalesce_reads = stack.coalesce_reads;
  flags.cache_ttl = FormatCacheTtl(stack.cache);
  flags.cache_max_bytes = stack.cache.max_bytes;
  flags.api_version = defaults.calls.api_version;
  flags.default_timeout = defaults.calls.default_timeout;
  flags.max_in_flight = defaults.calls.max_in_flight;
  flags.batch_parallelism = defaults.calls.batch_parallelism;
  flags.watch_poll_interval = defaults.calls.watch_poll_interval;
  flags.watch_max_interval = defaults.calls.watch_max_interval;
  flags.auth_mode = std::string(AuthModeName(defaults.auth.mode));
  flags.tenant_tokens_dir = defaults.auth.tenants.tokens_dir;
  flags.tenant_map = defaults.auth.tenants.map_file;
  flags.tenant_reload_interval = defaults.auth.tenants.reload_interval;
  flags.caller_header = defaults.auth.caller_identity.header;
  flags.metrics_listen = defaults.metrics_listen;
  flags.log_level = std::string(LogLevelName(defaults.log_level));
  flags.memory_fit = std::string(MemoryFitName(defaults.memory_fit));
  flags.drain_delay = defaults.drain.delay;
  flags.shutdown_grace = defaults.drain.grace;
  // No quota store by default; its settings' defaults are the store's own.
  const RedisQuotaStoreOptions quota_store;
  flags.quota_store_timeout = quota_store.connection.io_timeout;
  flags.fleet_size = quota_store.fleet_size;
  // No default file: token_file, tls_*_file, the quota store's files, and with no tenants no
  // caller_identity and no trusted_proxies.
  return flags;
}

}  // namespace

const FlagValues& DefaultFlagValues() {
  static const FlagValues* const defaults = new FlagValues(FromDefaults());
  return *defaults;
}

}  // namespace pulumi_gateway
