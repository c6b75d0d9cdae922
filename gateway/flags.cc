// The flags of pulumi_gateway. Each flag's default is the default of the component option it
// sets (DefaultFlagValues, gateway/config/flag_values.h); its value is checked by ParseConfig.
#include "gateway/flags.h"

#include <cstdint>
#include <cstdlib>
#include <string>

#include "absl/flags/flag.h"
#include "absl/time/time.h"

using pulumi_gateway::DefaultFlagValues;

ABSL_FLAG(std::string, listen, DefaultFlagValues().listen,
          "gRPC listen address host:port; port 0 picks a free port (printed as 'listening on "
          "HOST:PORT' on stderr).");
ABSL_FLAG(std::string, upstream, DefaultFlagValues().upstream,
          "Base URL of the Pulumi Service API (Pulumi Cloud or self-hosted).");
ABSL_FLAG(int, api_version, DefaultFlagValues().api_version,
          "N in the upstream 'Accept: application/vnd.pulumi+N' header.");
ABSL_FLAG(std::string, auth_mode, DefaultFlagValues().auth_mode,
          "passthrough: forward the caller's 'authorization' metadata (token X or Bearer X); "
          "service: use the gateway's own token (--token_file or PULUMI_ACCESS_TOKEN).");
ABSL_FLAG(std::string, token_file, DefaultFlagValues().token_file,
          "File holding the service token for --auth_mode=service (read at start-up). Empty: "
          "the PULUMI_ACCESS_TOKEN environment variable.");
ABSL_FLAG(absl::Duration, default_timeout, DefaultFlagValues().default_timeout,
          "Upstream timeout for calls that arrive without a gRPC deadline.");
ABSL_FLAG(std::string, upstream_ca_file, DefaultFlagValues().upstream_ca_file,
          "PEM file of CA certificates to trust for an https upstream. Empty: the system store.");
ABSL_FLAG(bool, upstream_insecure_skip_verify, DefaultFlagValues().upstream_insecure_skip_verify,
          "DANGEROUS: do not verify the upstream's TLS certificate. Logged as a warning at "
          "start-up.");
ABSL_FLAG(bool, upstream_http2_prior_knowledge, DefaultFlagValues().upstream_http2_prior_knowledge,
          "Speak HTTP/2 without TLS (h2c) to an http:// upstream.");
ABSL_FLAG(int, upstream_max_connections, DefaultFlagValues().upstream_max_connections,
          "Most upstream connections open at once; further requests queue for one.");
ABSL_FLAG(int, upstream_max_http2_connections, DefaultFlagValues().upstream_max_http2_connections,
          "Most upstream connections while the upstream speaks HTTP/2 (each multiplexes up to "
          "100 requests; more wait for a free stream); at most --upstream_max_connections.");
ABSL_FLAG(int, upstream_loops, DefaultFlagValues().upstream_loops,
          "Upstream event loops (threads driving libcurl), each with its share of the connection "
          "limits; calls go to the least loaded. 0: one per CPU the process can use (its affinity "
          "mask, lowered to its cgroup's CPU quota rounded up). At most the connection limits.");
ABSL_FLAG(absl::Duration, upstream_inline_wait, DefaultFlagValues().upstream_inline_wait,
          "How long the server thread that sent a call may wait for its answer itself when the "
          "upstream answers quicker than this, the gateway has no other call in progress and "
          "nothing else is in flight on its loop (one thread wake-up per call instead of two); "
          "0: never.");
ABSL_FLAG(absl::Duration, upstream_inline_spin, DefaultFlagValues().upstream_inline_spin,
          "How long that thread checks the connection in a busy loop before it sleeps on it, "
          "while answers lately came within twice this (no sleep and wake-up for a quick "
          "answer); 0: never. At most one thread at a time.");
ABSL_FLAG(absl::Duration, upstream_connect_timeout, DefaultFlagValues().upstream_connect_timeout,
          "Longest wait for an upstream TCP+TLS connection.");
ABSL_FLAG(int, retry_max_attempts, DefaultFlagValues().retry_max_attempts,
          "Most attempts per call (1 = no retries). Retried: connection failures (any verb), "
          "and for idempotent calls also broken connections and 429/502/503/504.");
ABSL_FLAG(absl::Duration, retry_initial_backoff, DefaultFlagValues().retry_initial_backoff,
          "Backoff cap before the first retry; doubles per retry (full jitter).");
ABSL_FLAG(absl::Duration, retry_max_backoff, DefaultFlagValues().retry_max_backoff,
          "Largest backoff cap.");
ABSL_FLAG(double, retry_budget_ratio, DefaultFlagValues().retry_budget_ratio,
          "Retries allowed per call on average (retry budget); bursts of up to 20 retries.");
ABSL_FLAG(int, breaker_failure_threshold, DefaultFlagValues().breaker_failure_threshold,
          "Consecutive upstream failures that open the circuit breaker (calls then fail fast "
          "with UNAVAILABLE); 0 disables the breaker.");
ABSL_FLAG(absl::Duration, breaker_open_duration, DefaultFlagValues().breaker_open_duration,
          "How long the breaker stays open before one probe call.");
ABSL_FLAG(double, upstream_rate_limit, DefaultFlagValues().upstream_rate_limit,
          "Outbound requests per second (token bucket); excess requests wait within their "
          "deadline. 0 disables.");
ABSL_FLAG(double, upstream_rate_burst, DefaultFlagValues().upstream_rate_burst,
          "Requests the outbound limit lets through at once.");
ABSL_FLAG(double, identity_rate_limit, DefaultFlagValues().identity_rate_limit,
          "Upstream requests per second per access token (token bucket); excess requests wait "
          "within their deadline, interactive calls before bulk work. Set just under the "
          "upstream's per-token limit. 0 disables (429 pauses still apply).");
ABSL_FLAG(double, identity_burst, DefaultFlagValues().identity_burst,
          "Requests one access token may send at once under --identity_rate_limit.");
ABSL_FLAG(double, bulk_share, DefaultFlagValues().bulk_share,
          "Most of --identity_rate_limit that bulk work (list streams, batch and composite RPCs) "
          "may use while interactive calls with the same token wait or run; in (0, 1].");
ABSL_FLAG(absl::Duration, throttle_default_pause, DefaultFlagValues().throttle_default_pause,
          "After an upstream 429 without Retry-After, how long requests with that token wait "
          "before going upstream again (Retry-After, when sent, wins). 0: no pause.");
ABSL_FLAG(absl::Duration, throttle_max_pause, DefaultFlagValues().throttle_max_pause,
          "Longest pause after an upstream 429, whatever Retry-After asks. 0: a 429 never pauses "
          "the token's other requests.");
ABSL_FLAG(int, identity_max_queued, DefaultFlagValues().identity_max_queued,
          "Most requests of one access token waiting for its upstream budget; more get "
          "RESOURCE_EXHAUSTED at once.");
ABSL_FLAG(bool, coalesce_reads, DefaultFlagValues().coalesce_reads,
          "Identical concurrent reads (same token, GET path and query) share one upstream "
          "request.");
ABSL_FLAG(std::string, cache_ttl, DefaultFlagValues().cache_ttl,
          "Serve 2xx reads from memory for a short time, per token: comma-separated RPC=TTL "
          "(e.g. GetStack=5s,ListStacks=2s; *=2s for every read RPC, RPC=0s to exclude one). "
          "The gateway's own writes invalidate their organization. Empty: no cache.");
ABSL_FLAG(int64_t, cache_max_bytes, DefaultFlagValues().cache_max_bytes,
          "Memory bound of the --cache_ttl cache (least recently used entries go first); "
          "responses over 1/8 of it are not cached.");
ABSL_FLAG(absl::Duration, watch_poll_interval, DefaultFlagValues().watch_poll_interval,
          "WatchUpdateEvents: wait before polling again after a poll brought no new event.");
ABSL_FLAG(absl::Duration, watch_max_interval, DefaultFlagValues().watch_max_interval,
          "WatchUpdateEvents: the wait doubles while nothing is new, up to this.");
ABSL_FLAG(int64_t, max_request_bytes, DefaultFlagValues().max_request_bytes,
          "Largest gRPC request accepted; larger ones get RESOURCE_EXHAUSTED.");
ABSL_FLAG(int64_t, max_response_bytes, DefaultFlagValues().max_response_bytes,
          "Largest upstream response body accepted; larger ones get RESOURCE_EXHAUSTED.");
ABSL_FLAG(int64_t, max_buffered_response_bytes, DefaultFlagValues().max_buffered_response_bytes,
          "Most upstream answer bytes the process holds at once (bodies, headers, replies being "
          "sent); a call that would exceed it gets RESOURCE_EXHAUSTED with RetryInfo. At least "
          "--max_response_bytes.");
ABSL_FLAG(int, batch_parallelism, DefaultFlagValues().batch_parallelism,
          "BatchGetStacks and ListStacksWithDetails: most upstream requests in flight per call "
          "(1-256); a request's max_parallelism can only lower it.");
ABSL_FLAG(int, max_in_flight, DefaultFlagValues().max_in_flight,
          "Most calls in flight at once; further calls get RESOURCE_EXHAUSTED at once.");
ABSL_FLAG(std::string, metrics_listen, DefaultFlagValues().metrics_listen,
          "Prometheus /metrics listen address host:port; port 0 picks a free port (printed as "
          "'metrics listening on HOST:PORT'); empty disables metrics.");
ABSL_FLAG(std::string, log_level, DefaultFlagValues().log_level,
          "Lowest level logged: debug, info, warning or error.");
ABSL_FLAG(std::string, memory_fit, DefaultFlagValues().memory_fit,
          "At start, when the memory these settings allow (idle + --max_buffered_response_bytes "
          "+ --max_response_bytes + --cache_max_bytes + about 36 KiB per --max_in_flight call) "
          "is past the cgroup's memory limit: warn (log what to lower), refuse (do not start) "
          "or off.");
ABSL_FLAG(absl::Duration, shutdown_grace, DefaultFlagValues().shutdown_grace,
          "On SIGTERM: how long in-flight calls may take to finish before they are cancelled.");
ABSL_FLAG(absl::Duration, drain_delay, DefaultFlagValues().drain_delay,
          "On SIGTERM: how long health reports NOT_SERVING while new calls are still accepted, "
          "before the listener closes (time for load balancers to notice).");
ABSL_FLAG(std::string, tls_cert_file, DefaultFlagValues().tls_cert_file,
          "PEM certificate chain for the gRPC listener; with --tls_key_file enables TLS.");
ABSL_FLAG(std::string, tls_key_file, DefaultFlagValues().tls_key_file,
          "PEM private key for --tls_cert_file.");
ABSL_FLAG(std::string, tls_client_ca_file, DefaultFlagValues().tls_client_ca_file,
          "PEM CA bundle; when set, callers must present a client certificate it signed "
          "(mutual TLS). Needs --tls_cert_file.");
ABSL_FLAG(std::string, tenant_tokens_dir, DefaultFlagValues().tenant_tokens_dir,
          "--auth_mode=service with per-tenant tokens: directory (e.g. a Kubernetes Secret mount) "
          "whose file <tenant> holds that tenant's Pulumi token; reloaded on change. Needs "
          "--caller_identity. Empty: the one service token.");
ABSL_FLAG(absl::Duration, tenant_reload_interval, DefaultFlagValues().tenant_reload_interval,
          "How often --tenant_tokens_dir and --tenant_map are checked for changes.");
ABSL_FLAG(std::string, tenant_map, DefaultFlagValues().tenant_map,
          "JSON file {\"<caller identity>\": \"<tenant>\"}, reloaded like the tokens. Empty: a "
          "caller's identity must be its tenant's name.");
ABSL_FLAG(std::string, caller_identity, DefaultFlagValues().caller_identity,
          "With --tenant_tokens_dir, how callers are identified: mtls (the verified client "
          "certificate's URI SAN, else DNS SAN, else CN; needs --tls_client_ca_file) or header "
          "(--caller_header, believed only from --trusted_proxies).");
ABSL_FLAG(std::string, caller_header, DefaultFlagValues().caller_header,
          "--caller_identity=header: the metadata key holding the caller's identity.");
ABSL_FLAG(std::string, trusted_proxies, DefaultFlagValues().trusted_proxies,
          "--caller_identity=header: comma-separated CIDRs (IPv4 or IPv6) of the proxies whose "
          "--caller_header is believed.");
ABSL_FLAG(std::string, quota_store, DefaultFlagValues().quota_store,
          "The fleet's shared per-token quota store: redis://[USER@]HOST:PORT or rediss://... "
          "(TLS). Replicas then share each token's --identity_rate_limit and 429 pauses (set "
          "the limit for the whole fleet). Empty: each replica keeps its own.");
ABSL_FLAG(std::string, quota_store_password_file, DefaultFlagValues().quota_store_password_file,
          "File holding the password (of the URL's user, or the default user) for "
          "--quota_store.");
ABSL_FLAG(std::string, quota_store_ca_file, DefaultFlagValues().quota_store_ca_file,
          "PEM CA bundle to verify a rediss:// --quota_store with. Empty: the system store.");
ABSL_FLAG(absl::Duration, quota_store_timeout, DefaultFlagValues().quota_store_timeout,
          "Longest wait for one --quota_store command (connects get four times this); a slower "
          "store counts as unreachable.");
ABSL_FLAG(std::string, fleet_secret_file, DefaultFlagValues().fleet_secret_file,
          "File holding the fleet secret (16+ bytes, the same on every replica): the key of the "
          "HMAC-SHA-256 token digests that name tokens in --quota_store. Required with it.");
ABSL_FLAG(int, fleet_size, DefaultFlagValues().fleet_size,
          "Replicas sharing --quota_store, for the fair share each spends alone while the store "
          "is unreachable (1/N of the rate and burst). 0: the replicas seen by heartbeat.");

namespace pulumi_gateway {

FlagValues ReadFlags() {
  FlagValues flags;
  flags.listen = absl::GetFlag(FLAGS_listen);
  flags.upstream = absl::GetFlag(FLAGS_upstream);
  flags.api_version = absl::GetFlag(FLAGS_api_version);
  flags.auth_mode = absl::GetFlag(FLAGS_auth_mode);
  flags.token_file = absl::GetFlag(FLAGS_token_file);
  flags.default_timeout = absl::GetFlag(FLAGS_default_timeout);
  flags.upstream_ca_file = absl::GetFlag(FLAGS_upstream_ca_file);
  flags.upstream_insecure_skip_verify = absl::GetFlag(FLAGS_upstream_insecure_skip_verify);
  flags.upstream_http2_prior_knowledge = absl::GetFlag(FLAGS_upstream_http2_prior_knowledge);
  flags.upstream_max_connections = absl::GetFlag(FLAGS_upstream_max_connections);
  flags.upstream_max_http2_connections = absl::GetFlag(FLAGS_upstream_max_http2_connections);
  flags.upstream_loops = absl::GetFlag(FLAGS_upstream_loops);
  flags.upstream_inline_wait = absl::GetFlag(FLAGS_upstream_inline_wait);
  flags.upstream_inline_spin = absl::GetFlag(FLAGS_upstream_inline_spin);
  flags.upstream_connect_timeout = absl::GetFlag(FLAGS_upstream_connect_timeout);
  flags.retry_max_attempts = absl::GetFlag(FLAGS_retry_max_attempts);
  flags.retry_initial_backoff = absl::GetFlag(FLAGS_retry_initial_backoff);
  flags.retry_max_backoff = absl::GetFlag(FLAGS_retry_max_backoff);
  flags.retry_budget_ratio = absl::GetFlag(FLAGS_retry_budget_ratio);
  flags.breaker_failure_threshold = absl::GetFlag(FLAGS_breaker_failure_threshold);
  flags.breaker_open_duration = absl::GetFlag(FLAGS_breaker_open_duration);
  flags.upstream_rate_limit = absl::GetFlag(FLAGS_upstream_rate_limit);
  flags.upstream_rate_burst = absl::GetFlag(FLAGS_upstream_rate_burst);
  flags.identity_rate_limit = absl::GetFlag(FLAGS_identity_rate_limit);
  flags.identity_burst = absl::GetFlag(FLAGS_identity_burst);
  flags.bulk_share = absl::GetFlag(FLAGS_bulk_share);
  flags.throttle_default_pause = absl::GetFlag(FLAGS_throttle_default_pause);
  flags.throttle_max_pause = absl::GetFlag(FLAGS_throttle_max_pause);
  flags.identity_max_queued = absl::GetFlag(FLAGS_identity_max_queued);
  flags.coalesce_reads = absl::GetFlag(FLAGS_coalesce_reads);
  flags.cache_ttl = absl::GetFlag(FLAGS_cache_ttl);
  flags.cache_max_bytes = absl::GetFlag(FLAGS_cache_max_bytes);
  flags.watch_poll_interval = absl::GetFlag(FLAGS_watch_poll_interval);
  flags.watch_max_interval = absl::GetFlag(FLAGS_watch_max_interval);
  flags.max_request_bytes = absl::GetFlag(FLAGS_max_request_bytes);
  flags.max_response_bytes = absl::GetFlag(FLAGS_max_response_bytes);
  flags.max_buffered_response_bytes = absl::GetFlag(FLAGS_max_buffered_response_bytes);
  flags.batch_parallelism = absl::GetFlag(FLAGS_batch_parallelism);
  flags.max_in_flight = absl::GetFlag(FLAGS_max_in_flight);
  flags.metrics_listen = absl::GetFlag(FLAGS_metrics_listen);
  flags.log_level = absl::GetFlag(FLAGS_log_level);
  flags.memory_fit = absl::GetFlag(FLAGS_memory_fit);
  flags.shutdown_grace = absl::GetFlag(FLAGS_shutdown_grace);
  flags.drain_delay = absl::GetFlag(FLAGS_drain_delay);
  flags.tls_cert_file = absl::GetFlag(FLAGS_tls_cert_file);
  flags.tls_key_file = absl::GetFlag(FLAGS_tls_key_file);
  flags.tls_client_ca_file = absl::GetFlag(FLAGS_tls_client_ca_file);
  flags.tenant_tokens_dir = absl::GetFlag(FLAGS_tenant_tokens_dir);
  flags.tenant_reload_interval = absl::GetFlag(FLAGS_tenant_reload_interval);
  flags.tenant_map = absl::GetFlag(FLAGS_tenant_map);
  flags.caller_identity = absl::GetFlag(FLAGS_caller_identity);
  flags.caller_header = absl::GetFlag(FLAGS_caller_header);
  flags.trusted_proxies = absl::GetFlag(FLAGS_trusted_proxies);
  flags.quota_store = absl::GetFlag(FLAGS_quota_store);
  flags.quota_store_password_file = absl::GetFlag(FLAGS_quota_store_password_file);
  flags.quota_store_ca_file = absl::GetFlag(FLAGS_quota_store_ca_file);
  flags.quota_store_timeout = absl::GetFlag(FLAGS_quota_store_timeout);
  flags.fleet_secret_file = absl::GetFlag(FLAGS_fleet_secret_file);
  flags.fleet_size = absl::GetFlag(FLAGS_fleet_size);
  if (const char* token = std::getenv("PULUMI_ACCESS_TOKEN")) flags.env_token = token;
  for (const char* name : kProxyVariables) {
    const char* value = std::getenv(name);
    if (value != nullptr && *value != '\0') flags.env_proxy[name] = value;
  }
  return flags;
}

}  // namespace pulumi_gateway
