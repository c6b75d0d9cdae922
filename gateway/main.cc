// pulumi_gateway: serves the Pulumi Service REST API over gRPC. This file only wires: it reads
// flags and the environment, validates them into a GatewayConfig, builds the components and
// waits for SIGTERM/SIGINT to drain.
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gateway/auth/authenticator.h"
#include "gateway/auth/tenant_tokens.h"
#include "gateway/config/config.h"
#include "gateway/fleet/redis_quota_store.h"
#include "gateway/http/buffer_budget.h"
#include "gateway/http/memory_release.h"
#include "gateway/observability/logger.h"
#include "gateway/observability/metered_upstream.h"
#include "gateway/observability/metrics.h"
#include "gateway/route/route_table.h"
#include "gateway/route/service_registry.h"
#include "gateway/server/gateway_server.h"
#include "gateway/upstream/circuit_breaker.h"
#include "gateway/upstream/coalescing_upstream.h"
#include "gateway/upstream/curl_client.h"
#include "gateway/upstream/identity_throttle.h"
#include "gateway/upstream/quota_store.h"
#include "gateway/upstream/rate_limiter.h"
#include "gateway/upstream/response_cache.h"
#include "gateway/upstream/retrying_upstream.h"
#include "gateway/upstream/timer_queue.h"
#include "gateway/version.h"
#include "google/protobuf/descriptor.h"
#include "prometheus/exposer.h"

ABSL_FLAG(std::string, listen, "0.0.0.0:50051",
          "gRPC listen address host:port; port 0 picks a free port (printed as 'listening on "
          "HOST:PORT' on stderr).");
ABSL_FLAG(std::string, upstream, "https://api.pulumi.com",
          "Base URL of the Pulumi Service API (Pulumi Cloud or self-hosted).");
ABSL_FLAG(int, api_version, 8, "N in the upstream 'Accept: application/vnd.pulumi+N' header.");
ABSL_FLAG(std::string, auth_mode, "passthrough",
          "passthrough: forward the caller's 'authorization' metadata (token X or Bearer X); "
          "service: use the gateway's own token (--token_file or PULUMI_ACCESS_TOKEN).");
ABSL_FLAG(std::string, token_file, "",
          "File holding the service token for --auth_mode=service (read at start-up). Empty: "
          "the PULUMI_ACCESS_TOKEN environment variable.");
ABSL_FLAG(absl::Duration, default_timeout, absl::Seconds(30),
          "Upstream timeout for calls that arrive without a gRPC deadline.");
ABSL_FLAG(std::string, upstream_ca_file, "",
          "PEM file of CA certificates to trust for an https upstream. Empty: the system store.");
ABSL_FLAG(bool, upstream_insecure_skip_verify, false,
          "DANGEROUS: do not verify the upstream's TLS certificate. Logged as a warning at "
          "start-up.");
ABSL_FLAG(bool, upstream_http2_prior_knowledge, false,
          "Speak HTTP/2 without TLS (h2c) to an http:// upstream.");
ABSL_FLAG(int, upstream_max_connections, 64,
          "Most upstream connections open at once; further requests queue for one.");
ABSL_FLAG(int, upstream_max_http2_connections, 4,
          "Most upstream connections while the upstream speaks HTTP/2 (each multiplexes up to "
          "100 requests; more wait for a free stream); at most --upstream_max_connections.");
ABSL_FLAG(absl::Duration, upstream_connect_timeout, absl::Seconds(10),
          "Longest wait for an upstream TCP+TLS connection.");
ABSL_FLAG(int, retry_max_attempts, 3,
          "Most attempts per call (1 = no retries). Retried: connection failures (any verb), "
          "and for idempotent calls also broken connections and 429/502/503/504.");
ABSL_FLAG(absl::Duration, retry_initial_backoff, absl::Milliseconds(100),
          "Backoff cap before the first retry; doubles per retry (full jitter).");
ABSL_FLAG(absl::Duration, retry_max_backoff, absl::Seconds(5), "Largest backoff cap.");
ABSL_FLAG(double, retry_budget_ratio, 0.2,
          "Retries allowed per call on average (retry budget); bursts of up to 20 retries.");
ABSL_FLAG(int, breaker_failure_threshold, 20,
          "Consecutive upstream failures that open the circuit breaker (calls then fail fast "
          "with UNAVAILABLE); 0 disables the breaker.");
ABSL_FLAG(absl::Duration, breaker_open_duration, absl::Seconds(5),
          "How long the breaker stays open before one probe call.");
ABSL_FLAG(double, upstream_rate_limit, 0,
          "Outbound requests per second (token bucket); excess requests wait within their "
          "deadline. 0 disables.");
ABSL_FLAG(double, upstream_rate_burst, 10, "Requests the outbound limit lets through at once.");
ABSL_FLAG(double, identity_rate_limit, 0,
          "Upstream requests per second per access token (token bucket); excess requests wait "
          "within their deadline, interactive calls before bulk work. Set just under the "
          "upstream's per-token limit. 0 disables (429 pauses still apply).");
ABSL_FLAG(double, identity_burst, 10,
          "Requests one access token may send at once under --identity_rate_limit.");
ABSL_FLAG(double, bulk_share, 0.5,
          "Most of --identity_rate_limit that bulk work (list streams, batch and composite RPCs) "
          "may use while interactive calls with the same token wait or run; in (0, 1].");
ABSL_FLAG(absl::Duration, throttle_default_pause, absl::Seconds(5),
          "After an upstream 429 without Retry-After, how long requests with that token wait "
          "before going upstream again (Retry-After, when sent, wins). 0: no pause.");
ABSL_FLAG(absl::Duration, throttle_max_pause, absl::Minutes(5),
          "Longest pause after an upstream 429, whatever Retry-After asks. 0: a 429 never pauses "
          "the token's other requests.");
ABSL_FLAG(int, identity_max_queued, 1000,
          "Most requests of one access token waiting for its upstream budget; more get "
          "RESOURCE_EXHAUSTED at once.");
ABSL_FLAG(bool, coalesce_reads, true,
          "Identical concurrent reads (same token, GET path and query) share one upstream "
          "request.");
ABSL_FLAG(std::string, cache_ttl, "",
          "Serve 2xx reads from memory for a short time, per token: comma-separated RPC=TTL "
          "(e.g. GetStack=5s,ListStacks=2s; *=2s for every read RPC, RPC=0s to exclude one). "
          "The gateway's own writes invalidate their organization. Empty: no cache.");
ABSL_FLAG(int64_t, cache_max_bytes, int64_t{64} << 20,
          "Memory bound of the --cache_ttl cache (least recently used entries go first); "
          "responses over 1/8 of it are not cached.");
ABSL_FLAG(absl::Duration, watch_poll_interval, absl::Seconds(1),
          "WatchUpdateEvents: wait before polling again after a poll brought no new event.");
ABSL_FLAG(absl::Duration, watch_max_interval, absl::Seconds(10),
          "WatchUpdateEvents: the wait doubles while nothing is new, up to this.");
ABSL_FLAG(int64_t, max_request_bytes, 4 << 20,
          "Largest gRPC request accepted; larger ones get RESOURCE_EXHAUSTED.");
ABSL_FLAG(int64_t, max_response_bytes, 64 << 20,
          "Largest upstream response body accepted; larger ones get RESOURCE_EXHAUSTED.");
ABSL_FLAG(int64_t, max_buffered_response_bytes, int64_t{96} << 20,
          "Most upstream answer bytes the process holds at once (bodies, headers, replies being "
          "sent); a call that would exceed it gets RESOURCE_EXHAUSTED with RetryInfo. At least "
          "--max_response_bytes.");
ABSL_FLAG(int, batch_parallelism, 16,
          "BatchGetStacks and ListStacksWithDetails: most upstream requests in flight per call "
          "(1-256); a request's max_parallelism can only lower it.");
ABSL_FLAG(int, max_in_flight, 10000,
          "Most calls in flight at once; further calls get RESOURCE_EXHAUSTED at once.");
ABSL_FLAG(std::string, metrics_listen, "0.0.0.0:9090",
          "Prometheus /metrics listen address host:port; port 0 picks a free port (printed as "
          "'metrics listening on HOST:PORT'); empty disables metrics.");
ABSL_FLAG(std::string, log_level, "info", "Lowest level logged: debug, info, warning or error.");
ABSL_FLAG(absl::Duration, shutdown_grace, absl::Seconds(20),
          "On SIGTERM: how long in-flight calls may take to finish before they are cancelled.");
ABSL_FLAG(absl::Duration, drain_delay, absl::ZeroDuration(),
          "On SIGTERM: how long health reports NOT_SERVING while new calls are still accepted, "
          "before the listener closes (time for load balancers to notice).");
ABSL_FLAG(std::string, tls_cert_file, "",
          "PEM certificate chain for the gRPC listener; with --tls_key_file enables TLS.");
ABSL_FLAG(std::string, tls_key_file, "", "PEM private key for --tls_cert_file.");
ABSL_FLAG(std::string, tls_client_ca_file, "",
          "PEM CA bundle; when set, callers must present a client certificate it signed "
          "(mutual TLS). Needs --tls_cert_file.");
ABSL_FLAG(std::string, tenant_tokens_dir, "",
          "--auth_mode=service with per-tenant tokens: directory (e.g. a Kubernetes Secret mount) "
          "whose file <tenant> holds that tenant's Pulumi token; reloaded on change. Needs "
          "--caller_identity. Empty: the one service token.");
ABSL_FLAG(absl::Duration, tenant_reload_interval, absl::Seconds(10),
          "How often --tenant_tokens_dir and --tenant_map are checked for changes.");
ABSL_FLAG(std::string, tenant_map, "",
          "JSON file {\"<caller identity>\": \"<tenant>\"}, reloaded like the tokens. Empty: a "
          "caller's identity must be its tenant's name.");
ABSL_FLAG(std::string, caller_identity, "",
          "With --tenant_tokens_dir, how callers are identified: mtls (the verified client "
          "certificate's URI SAN, else DNS SAN, else CN; needs --tls_client_ca_file) or header "
          "(--caller_header, believed only from --trusted_proxies).");
ABSL_FLAG(std::string, caller_header, "x-caller-identity",
          "--caller_identity=header: the metadata key holding the caller's identity.");
ABSL_FLAG(std::string, trusted_proxies, "",
          "--caller_identity=header: comma-separated CIDRs (IPv4 or IPv6) of the proxies whose "
          "--caller_header is believed.");
ABSL_FLAG(std::string, quota_store, "",
          "The fleet's shared per-token quota store: redis://[USER@]HOST:PORT or rediss://... "
          "(TLS). Replicas then share each token's --identity_rate_limit and 429 pauses (set "
          "the limit for the whole fleet). Empty: each replica keeps its own.");
ABSL_FLAG(std::string, quota_store_password_file, "",
          "File holding the password (of the URL's user, or the default user) for "
          "--quota_store.");
ABSL_FLAG(std::string, quota_store_ca_file, "",
          "PEM CA bundle to verify a rediss:// --quota_store with. Empty: the system store.");
ABSL_FLAG(absl::Duration, quota_store_timeout, absl::Milliseconds(250),
          "Longest wait for one --quota_store command (connects get four times this); a slower "
          "store counts as unreachable.");
ABSL_FLAG(std::string, fleet_secret_file, "",
          "File holding the fleet secret (16+ bytes, the same on every replica): the key of the "
          "HMAC-SHA-256 token digests that name tokens in --quota_store. Required with it.");
ABSL_FLAG(int, fleet_size, 0,
          "Replicas sharing --quota_store, for the fair share each spends alone while the store "
          "is unreachable (1/N of the rate and burst). 0: the replicas seen by heartbeat.");

namespace pulumi_gateway {
namespace {

// Every upstream call passes through these layers, outermost first:
//   response cache (optional) → read coalescing (optional; a shared read is retried once for
//   everyone) → retries (budgeted, within the deadline) → circuit breaker → per-token throttle
//   (429 pauses, optional per-token rate) → outbound rate limit (optional) → metrics per attempt
//   → libcurl.
class UpstreamStack {
 public:
  // `fleet` (optional; must outlive the stack): the shared quota store, which then also carries
  // the cache's invalidations between replicas.
  UpstreamStack(const GatewayConfig& config, UpstreamClient* curl, GatewayMetrics* metrics,
                RedisQuotaStore* fleet = nullptr)
      : metered_(curl, metrics), fleet_(fleet) {
    QuotaStore* quota = fleet != nullptr ? static_cast<QuotaStore*>(fleet) : &quota_;
    UpstreamClient* below = &metered_;
    if (config.rate_limit.requests_per_second > 0) {
      limiter_ = std::make_unique<RateLimiter>(below, &timers_, config.rate_limit);
      below = limiter_.get();
    }
    throttle_ = std::make_unique<IdentityThrottle>(below, &timers_, quota, config.throttle);
    below = throttle_.get();
    breaker_ = std::make_unique<CircuitBreaker>(below, &timers_, config.breaker);
    retrying_ = std::make_unique<RetryingUpstream>(
        breaker_.get(), &timers_, config.retry, [metrics](const HttpRequest& request) {
          if (RouteMetrics* route = metrics->Find(request.route)) metrics->UpstreamRetry(route);
        });
    top_ = retrying_.get();
    if (config.coalesce_reads) {
      coalescing_ = std::make_unique<CoalescingUpstream>(top_, &timers_);
      top_ = coalescing_.get();
    }
    if (config.cache.enabled()) {
      ResponseCacheOptions cache_options = config.cache;
      if (fleet != nullptr) {
        cache_options.on_write = [fleet](const OrgScope& scope) { fleet->PublishWrite(scope); };
      }
      cache_ = std::make_unique<ResponseCache>(top_, &timers_, cache_options);
      top_ = cache_.get();
      if (fleet != nullptr) {
        fleet->set_on_remote_write(
            [cache = cache_.get()](const OrgScope& scope) { cache->Invalidate(scope); });
      }
    }
  }

  ~UpstreamStack() {
    if (fleet_ != nullptr) fleet_->set_on_remote_write(nullptr);
  }

  UpstreamClient* top() { return top_; }
  TimerQueue* timers() { return &timers_; }

  void ExportGauges(GatewayMetrics* metrics) {
    metrics->AddCallbackMetric("pulumi_upstream_in_flight_requests", "Upstream requests in flight.",
                               false, [this] { return metered_.in_flight(); });
    metrics->AddCallbackMetric(
        "pulumi_upstream_circuit_breaker_state",
        "Upstream circuit breaker: 0 closed, 1 open (failing fast), 2 half-open (probing).", false,
        [this] { return static_cast<double>(breaker_->state()); });
    metrics->AddCallbackMetric("pulumi_upstream_retry_budget_tokens",
                               "Retries the retry budget would allow right now.", false,
                               [this] { return retrying_->budget().tokens(); });
    if (limiter_ != nullptr) {
      metrics->AddCallbackMetric("pulumi_upstream_rate_limit_queued",
                                 "Requests waiting for the outbound rate limit.", false,
                                 [this] { return limiter_->queued(); });
    }
    metrics->AddCallbackMetric("pulumi_gateway_throttle_paused_identities",
                               "Access tokens whose requests wait after an upstream 429.", false,
                               [this] { return throttle_->stats().paused_identities; });
    metrics->AddCallbackMetric("pulumi_gateway_throttle_queued_interactive",
                               "Interactive requests waiting for their token's upstream budget.",
                               false, [this] { return throttle_->stats().queued_interactive; });
    metrics->AddCallbackMetric("pulumi_gateway_throttle_queued_bulk",
                               "Bulk requests waiting for their token's upstream budget.", false,
                               [this] { return throttle_->stats().queued_bulk; });
    metrics->AddCallbackMetric(
        "pulumi_gateway_throttle_pauses_total", "Pauses of an access token started by a 429.", true,
        [this] { return static_cast<double>(throttle_->stats().pauses_total); });
    metrics->AddCallbackMetric(
        "pulumi_gateway_throttle_rejected_total",
        "Requests failed unsent: their token's budget came too late or its queue was full.", true,
        [this] { return static_cast<double>(throttle_->stats().rejected_total); });
    if (fleet_ != nullptr) ExportFleetMetrics(metrics);
    if (coalescing_ != nullptr) {
      metrics->AddCallbackMetric(
          "pulumi_gateway_coalesced_requests_total",
          "Reads that joined an identical read in flight instead of sending their own.", true,
          [this] { return static_cast<double>(coalescing_->coalesced()); });
    }
    if (cache_ != nullptr) {
      struct CacheMetric {
        const char* name;
        const char* help;
        bool is_counter;
        int64_t ResponseCache::Stats::*value;
      };
      for (const CacheMetric& metric : {
               CacheMetric{"pulumi_gateway_cache_hits_total", "Reads answered from the cache.",
                           true, &ResponseCache::Stats::hits},
               CacheMetric{"pulumi_gateway_cache_misses_total",
                           "Reads of a cached route that went upstream.", true,
                           &ResponseCache::Stats::misses},
               CacheMetric{"pulumi_gateway_cache_evictions_total",
                           "Cache entries dropped to stay within --cache_max_bytes.", true,
                           &ResponseCache::Stats::evictions},
               CacheMetric{"pulumi_gateway_cache_invalidations_total",
                           "Cache entries dropped because a write may have changed them.", true,
                           &ResponseCache::Stats::invalidations},
               CacheMetric{"pulumi_gateway_cache_entries", "Responses held by the cache.", false,
                           &ResponseCache::Stats::entries},
               CacheMetric{"pulumi_gateway_cache_bytes", "Bytes held by the cache.", false,
                           &ResponseCache::Stats::bytes},
           }) {
        metrics->AddCallbackMetric(
            metric.name, metric.help, metric.is_counter,
            [this, value = metric.value] { return static_cast<double>(cache_->stats().*value); });
      }
    }
  }

 private:
  void ExportFleetMetrics(GatewayMetrics* metrics) {
    RedisQuotaStore* fleet = fleet_;
    metrics->AddCallbackMetric(
        "pulumi_gateway_quota_store_degraded",
        "1 while the shared quota store is unreachable and this replica spends its fair share "
        "alone; 0 while the fleet shares the budget.",
        false, [fleet] { return fleet->stats().degraded ? 1.0 : 0.0; });
    metrics->AddCallbackMetric("pulumi_gateway_quota_store_fleet_size",
                               "Replicas sharing the quota store, as this replica counts them.",
                               false, [fleet] { return fleet->stats().fleet_size; });
    struct FleetMetric {
      const char* name;
      const char* help;
      int64_t RedisQuotaStore::Stats::*value;
    };
    for (const FleetMetric& metric : {
             FleetMetric{"pulumi_gateway_quota_store_calls_total",
                         "Commands sent to the shared quota store.",
                         &RedisQuotaStore::Stats::calls},
             FleetMetric{"pulumi_gateway_quota_store_errors_total",
                         "Quota store commands and connections that failed or timed out.",
                         &RedisQuotaStore::Stats::call_errors},
             FleetMetric{"pulumi_gateway_quota_store_leases_total",
                         "Token leases the quota store answered.", &RedisQuotaStore::Stats::leases},
             FleetMetric{"pulumi_gateway_quota_store_leased_tokens_total",
                         "Tokens those leases granted.", &RedisQuotaStore::Stats::leased_tokens},
             FleetMetric{"pulumi_gateway_quota_store_expired_tokens_total",
                         "Leased tokens dropped unspent (budget lost, never overshoot).",
                         &RedisQuotaStore::Stats::expired_tokens},
             FleetMetric{"pulumi_gateway_quota_store_pauses_published_total",
                         "429 pauses this replica shared with the fleet.",
                         &RedisQuotaStore::Stats::pauses_published},
             FleetMetric{"pulumi_gateway_quota_store_pauses_received_total",
                         "429 pauses announced through the store (this replica's included).",
                         &RedisQuotaStore::Stats::pauses_received},
             FleetMetric{"pulumi_gateway_quota_store_invalidations_published_total",
                         "Cache invalidations of this replica's writes sent to the fleet.",
                         &RedisQuotaStore::Stats::invalidations_published},
             FleetMetric{"pulumi_gateway_quota_store_invalidations_received_total",
                         "Cache invalidations received from other replicas' writes.",
                         &RedisQuotaStore::Stats::invalidations_received},
             FleetMetric{"pulumi_gateway_quota_store_reconnects_total",
                         "Times shared mode resumed after the store was unreachable.",
                         &RedisQuotaStore::Stats::reconnects},
         }) {
      metrics->AddCallbackMetric(metric.name, metric.help, true, [fleet, value = metric.value] {
        return static_cast<double>(fleet->stats().*value);
      });
    }
    metrics->AddCallbackMetric("pulumi_gateway_quota_store_call_seconds_total",
                               "Time spent waiting for the quota store (its I/O threads only); "
                               "divided by the calls: the mean latency.",
                               true, [fleet] { return fleet->stats().call_seconds; });
  }

  RedisQuotaStore* const fleet_;
  TimerQueue timers_;
  MeteredUpstream metered_;
  std::unique_ptr<RateLimiter> limiter_;
  LocalQuotaStore quota_;
  std::unique_ptr<IdentityThrottle> throttle_;
  std::unique_ptr<CircuitBreaker> breaker_;
  std::unique_ptr<RetryingUpstream> retrying_;
  std::unique_ptr<CoalescingUpstream> coalescing_;
  std::unique_ptr<ResponseCache> cache_;
  UpstreamClient* top_ = nullptr;
};

[[noreturn]] void Die(absl::string_view message) {
  std::cerr << "pulumi_gateway: " << message << std::endl;
  std::exit(2);
}

GatewayConfig ReadFlags() {
  GatewayConfig config;
  config.listen = absl::GetFlag(FLAGS_listen);
  config.upstream = absl::GetFlag(FLAGS_upstream);
  config.api_version = absl::GetFlag(FLAGS_api_version);
  config.auth_mode = absl::GetFlag(FLAGS_auth_mode);
  config.token_file = absl::GetFlag(FLAGS_token_file);
  if (const char* token = std::getenv("PULUMI_ACCESS_TOKEN")) config.env_token = token;
  config.default_timeout = absl::GetFlag(FLAGS_default_timeout);
  config.upstream_ca_file = absl::GetFlag(FLAGS_upstream_ca_file);
  config.upstream_insecure_skip_verify = absl::GetFlag(FLAGS_upstream_insecure_skip_verify);
  config.upstream_http2_prior_knowledge = absl::GetFlag(FLAGS_upstream_http2_prior_knowledge);
  config.upstream_max_connections = absl::GetFlag(FLAGS_upstream_max_connections);
  config.upstream_max_http2_connections = absl::GetFlag(FLAGS_upstream_max_http2_connections);
  config.upstream_connect_timeout = absl::GetFlag(FLAGS_upstream_connect_timeout);
  config.retry.max_attempts = absl::GetFlag(FLAGS_retry_max_attempts);
  config.retry.initial_backoff = absl::GetFlag(FLAGS_retry_initial_backoff);
  config.retry.max_backoff = absl::GetFlag(FLAGS_retry_max_backoff);
  config.retry.budget_ratio = absl::GetFlag(FLAGS_retry_budget_ratio);
  config.breaker.failure_threshold = absl::GetFlag(FLAGS_breaker_failure_threshold);
  config.breaker.open_duration = absl::GetFlag(FLAGS_breaker_open_duration);
  config.rate_limit.requests_per_second = absl::GetFlag(FLAGS_upstream_rate_limit);
  config.rate_limit.burst = absl::GetFlag(FLAGS_upstream_rate_burst);
  config.throttle.requests_per_second = absl::GetFlag(FLAGS_identity_rate_limit);
  config.throttle.burst = absl::GetFlag(FLAGS_identity_burst);
  config.throttle.bulk_share = absl::GetFlag(FLAGS_bulk_share);
  config.throttle.default_pause = absl::GetFlag(FLAGS_throttle_default_pause);
  config.throttle.max_pause = absl::GetFlag(FLAGS_throttle_max_pause);
  config.throttle.max_queued = absl::GetFlag(FLAGS_identity_max_queued);
  config.coalesce_reads = absl::GetFlag(FLAGS_coalesce_reads);
  config.cache_ttl = absl::GetFlag(FLAGS_cache_ttl);
  config.cache_max_bytes = absl::GetFlag(FLAGS_cache_max_bytes);
  config.watch_poll_interval = absl::GetFlag(FLAGS_watch_poll_interval);
  config.watch_max_interval = absl::GetFlag(FLAGS_watch_max_interval);
  config.max_request_bytes = absl::GetFlag(FLAGS_max_request_bytes);
  config.max_response_bytes = absl::GetFlag(FLAGS_max_response_bytes);
  config.max_buffered_response_bytes = absl::GetFlag(FLAGS_max_buffered_response_bytes);
  config.max_in_flight = absl::GetFlag(FLAGS_max_in_flight);
  config.batch_parallelism = absl::GetFlag(FLAGS_batch_parallelism);
  config.metrics_listen = absl::GetFlag(FLAGS_metrics_listen);
  config.log_level = absl::GetFlag(FLAGS_log_level);
  config.shutdown_grace = absl::GetFlag(FLAGS_shutdown_grace);
  config.drain_delay = absl::GetFlag(FLAGS_drain_delay);
  config.tls_cert_file = absl::GetFlag(FLAGS_tls_cert_file);
  config.tls_key_file = absl::GetFlag(FLAGS_tls_key_file);
  config.tls_client_ca_file = absl::GetFlag(FLAGS_tls_client_ca_file);
  config.tenant_tokens_dir = absl::GetFlag(FLAGS_tenant_tokens_dir);
  config.tenant_reload_interval = absl::GetFlag(FLAGS_tenant_reload_interval);
  config.tenant_map = absl::GetFlag(FLAGS_tenant_map);
  config.caller_identity = absl::GetFlag(FLAGS_caller_identity);
  config.caller_header = absl::GetFlag(FLAGS_caller_header);
  config.trusted_proxies = absl::GetFlag(FLAGS_trusted_proxies);
  config.quota_store = absl::GetFlag(FLAGS_quota_store);
  config.quota_store_password_file = absl::GetFlag(FLAGS_quota_store_password_file);
  config.quota_store_ca_file = absl::GetFlag(FLAGS_quota_store_ca_file);
  config.quota_store_timeout = absl::GetFlag(FLAGS_quota_store_timeout);
  config.fleet_secret_file = absl::GetFlag(FLAGS_fleet_secret_file);
  config.fleet_size = absl::GetFlag(FLAGS_fleet_size);
  return config;
}

// The shared quota store of --quota_store, or nullptr. Credentials or a certificate the store
// refuses are configuration errors (exit 2, naming the flag); an unreachable store is an outage:
// the gateway starts on its fair share and shares once the store answers.
std::unique_ptr<RedisQuotaStore> StartQuotaStore(const GatewayConfig& config, Logger* logger) {
  if (config.quota_store.empty()) return nullptr;
  RedisQuotaStoreOptions options;
  options.connection.endpoint = config.parsed_quota_store;
  options.connection.password = config.quota_store_password;
  options.connection.ca_file = config.quota_store_ca_file;
  options.connection.io_timeout = config.quota_store_timeout;
  options.connection.connect_timeout = 4 * config.quota_store_timeout;
  options.fleet_secret = config.fleet_secret;
  options.fleet_size = config.fleet_size;
  options.logger = logger;
  const absl::Status probe = RedisQuotaStore::Probe(options.connection);
  if (absl::IsPermissionDenied(probe)) {
    Die(absl::StrCat("--quota_store_password_file: ", probe.message()));
  }
  if (absl::IsFailedPrecondition(probe)) {
    Die(absl::StrCat("--quota_store_ca_file: ", probe.message()));
  }
  absl::StatusOr<std::unique_ptr<RedisQuotaStore>> store = RedisQuotaStore::Create(options);
  if (!store.ok()) Die(absl::StrCat("--quota_store: ", store.status().message()));
  if (probe.ok()) (*store)->AwaitShared(options.connection.connect_timeout);
  return *std::move(store);
}

int Run(GatewayConfig config) {
  // Block the signals before any thread starts (threads inherit the mask), so only the sigwait
  // below sees them and a SIGTERM during start-up still drains instead of killing the process.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  Logger logger(config.parsed_log_level);

  // Every Pulumi API service built in, then any a library linked into this binary registered
  // (test binaries).
  std::vector<const google::protobuf::ServiceDescriptor*> services =
      LinkedServices("pulumi.service.v1");
  if (services.empty()) Die("no pulumi.service.v1 service is linked in");
  for (const std::string& name : RegisteredServices()) {
    const auto* service =
        google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(name);
    if (service == nullptr) Die(absl::StrCat("service ", name, " is not linked in"));
    services.push_back(service);
  }
  absl::StatusOr<RouteTable> routes = RouteTable::Build(services);
  if (!routes.ok()) Die(absl::StrCat("invalid route: ", routes.status().message()));
  absl::flat_hash_set<std::string> read_routes;
  for (const auto& route : routes->routes()) {
    if (route->http_method == "GET") read_routes.insert(route->method->name());
  }
  if (absl::Status s = ValidateCacheRoutes(config, read_routes); !s.ok()) Die(s.message());

  CurlClientOptions upstream_options;
  upstream_options.base_url = config.upstream;
  upstream_options.ca_file = config.upstream_ca_file;
  upstream_options.insecure_skip_verify = config.upstream_insecure_skip_verify;
  upstream_options.http2_prior_knowledge = config.upstream_http2_prior_knowledge;
  upstream_options.max_connections = config.upstream_max_connections;
  upstream_options.max_http2_connections = config.upstream_max_http2_connections;
  upstream_options.max_response_bytes = static_cast<size_t>(config.max_response_bytes);
  BufferBudget buffer_budget(static_cast<size_t>(config.max_buffered_response_bytes));
  upstream_options.budget = &buffer_budget;
  upstream_options.connect_timeout = config.upstream_connect_timeout;
  absl::StatusOr<std::unique_ptr<CurlClient>> upstream = CurlClient::Create(upstream_options);
  if (!upstream.ok()) Die(upstream.status().message());
  if (config.upstream_insecure_skip_verify) {
    logger.Log(LogLevel::kWarning,
               "upstream TLS verification is OFF (--upstream_insecure_skip_verify): anyone on "
               "the network path can read and change traffic, including tokens");
  }

  GatewayMetrics metrics;
  for (const auto& route : routes->routes()) metrics.AddRoute(route->method);
  for (const auto& stream : routes->stream_routes()) metrics.AddRoute(stream->method);
  for (const auto& composite : routes->composite_routes()) metrics.AddRoute(composite->method);
  std::unique_ptr<RedisQuotaStore> fleet = StartQuotaStore(config, &logger);
  UpstreamStack stack(config, upstream->get(), &metrics, fleet.get());

  // Per-tenant tokens: loaded now, then re-read every --tenant_reload_interval.
  std::unique_ptr<TenantTokens> tenants;
  if (!config.tenant_tokens_dir.empty()) {
    TenantTokensOptions tenant_options;
    tenant_options.tokens_dir = config.tenant_tokens_dir;
    tenant_options.map_file = config.tenant_map;
    tenant_options.reload_interval = config.tenant_reload_interval;
    tenant_options.logger = &logger;
    absl::StatusOr<std::unique_ptr<TenantTokens>> loaded = TenantTokens::Load(tenant_options);
    if (!loaded.ok()) Die(loaded.status().message());
    tenants = *std::move(loaded);
    tenants->StartReloading();
    if (!config.token_file.empty()) {
      logger.Log(LogLevel::kWarning, "--token_file is not used with --tenant_tokens_dir");
    }
    logger.Log(LogLevel::kInfo, "tenant tokens loaded",
               {{"tenants", tenants->tenant_count()},
                {"caller_identity", config.caller_identity},
                {"tenant_map", !config.tenant_map.empty()}});
  }
  Authenticator auth;  // passthrough
  if (tenants != nullptr) {
    auth = Authenticator(config.parsed_caller_identity, tenants.get());
  } else if (config.parsed_auth_mode == AuthMode::kService) {
    auth = Authenticator(config.service_token);
  }
  CallEnvironment env;
  env.upstream = stack.top();
  env.metrics = &metrics;
  env.auth = &auth;
  env.logger = &logger;
  env.accept = absl::StrCat("application/vnd.pulumi+", config.api_version);
  env.user_agent = absl::StrCat(kProductName, "/", kVersion);
  env.error_domain = config.upstream_host;
  env.default_timeout = config.default_timeout;
  env.max_in_flight = config.max_in_flight;
  env.batch_parallelism = config.batch_parallelism;
  env.timers = stack.timers();
  env.watch_poll_interval = config.watch_poll_interval;
  env.watch_max_interval = config.watch_max_interval;

  GatewayServerOptions server_options;
  server_options.listen = config.listen;
  server_options.max_request_bytes = static_cast<int>(config.max_request_bytes);
  if (!config.tls_cert_pem.empty()) {
    grpc::SslServerCredentialsOptions tls(
        config.tls_client_ca_pem.empty()
            ? GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE
            : GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
    tls.pem_root_certs = config.tls_client_ca_pem;
    tls.pem_key_cert_pairs.push_back({config.tls_key_pem, config.tls_cert_pem});
    server_options.credentials = grpc::SslServerCredentials(tls);
  }
  absl::StatusOr<std::unique_ptr<GatewayServer>> server =
      GatewayServer::Start(server_options, &*routes, env);
  if (!server.ok()) Die(server.status().message());

  GatewayServer* gateway = server->get();
  CurlClient* curl = upstream->get();
  metrics.AddCallbackMetric("pulumi_gateway_in_flight_calls", "gRPC calls in flight.", false,
                            [gateway] { return gateway->in_flight(); });
  stack.ExportGauges(&metrics);
  if (TenantTokens* tenant_tokens = tenants.get()) {
    metrics.AddCallbackMetric(
        "pulumi_gateway_tenants", "Tenants with a valid token (--tenant_tokens_dir).", false,
        [tenant_tokens] { return static_cast<double>(tenant_tokens->tenant_count()); });
    metrics.AddCallbackMetric(
        "pulumi_gateway_tenant_reloads_total",
        "Reloads of --tenant_tokens_dir/--tenant_map that changed the tenants in use.", true,
        [tenant_tokens] { return static_cast<double>(tenant_tokens->reloads()); });
    metrics.AddCallbackMetric(
        "pulumi_gateway_tenant_reload_failures_total",
        "Reloads that could not read --tenant_tokens_dir or --tenant_map (the last good set "
        "stays in use).",
        true, [tenant_tokens] { return static_cast<double>(tenant_tokens->reload_failures()); });
  }
  metrics.AddCallbackMetric("pulumi_gateway_buffered_response_bytes",
                            "Upstream answer bytes held now, within --max_buffered_response_bytes.",
                            false,
                            [&buffer_budget] { return static_cast<double>(buffer_budget.used()); });
  metrics.AddCallbackMetric(
      "pulumi_gateway_buffer_budget_refusals_total",
      "Upstream calls failed because --max_buffered_response_bytes was reached.", true,
      [&buffer_budget] { return static_cast<double>(buffer_budget.refusals()); });
  metrics.AddCallbackMetric(
      "pulumi_upstream_stale_connections_total",
      "Pooled upstream connections closed unused because they held unread "
      "bytes (the request went out on a new connection).",
      true, [curl] { return static_cast<double>(curl->stale_connections_discarded()); });
  metrics.AddCallbackMetric("pulumi_upstream_connections_opened_total",
                            "Upstream connections opened (reuse keeps this low).", true,
                            [curl] { return static_cast<double>(curl->connections_opened()); });
  std::unique_ptr<prometheus::Exposer> exposer;
  if (!config.metrics_listen.empty()) {
    try {
      // One civetweb worker: scrapes are rare, and threads count against the gateway's budget.
      exposer = std::make_unique<prometheus::Exposer>(config.metrics_listen, /*num_threads=*/1);
    } catch (const std::exception& e) {
      Die(absl::StrCat("--metrics_listen: cannot listen on ", config.metrics_listen, ": ",
                       e.what()));
    }
    exposer->RegisterCollectable(metrics.registry());
    exposer->RegisterCollectable(metrics.callbacks());
    const std::string host = config.metrics_listen.substr(0, config.metrics_listen.rfind(':'));
    // One write per line: tests and scripts read these lines while the process runs.
    std::cerr << absl::StrCat("metrics listening on ", host, ":",
                              exposer->GetListeningPorts().front(), "\n")
              << std::flush;
  }

  std::cerr << absl::StrCat("listening on ", (*server)->address(), "\n") << std::flush;
  logger.Log(LogLevel::kInfo, "started",
             {{"version", kVersion},
              {"listen", (*server)->address()},
              {"upstream", config.upstream},
              {"auth_mode", config.auth_mode},
              {"routes", routes->routes().size()},
              {"streams", routes->stream_routes().size()}});

  int signal = 0;
  sigwait(&signals, &signal);
  logger.Log(LogLevel::kInfo, "draining",
             {{"signal", signal == SIGTERM ? "SIGTERM" : "SIGINT"},
              {"in_flight", (*server)->in_flight()},
              {"drain_delay_seconds", absl::ToDoubleSeconds(config.drain_delay)},
              {"grace_seconds", absl::ToDoubleSeconds(config.shutdown_grace)}});
  (*server)->SetServing(false);
  absl::SleepFor(config.drain_delay);
  (*server)->Shutdown(config.shutdown_grace);
  logger.Log(LogLevel::kInfo, "stopped", {{"in_flight", (*server)->in_flight()}});
  return 0;
}

}  // namespace
}  // namespace pulumi_gateway

int main(int argc, char** argv) {
  // Debian's Abseil checks every Mutex acquisition for lock-order cycles (about 6% of the CPU
  // per call); the gateway's lock order is fixed and tested, so skip the bookkeeping.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  absl::SetProgramUsageMessage(
      absl::StrCat("Serves the Pulumi Service REST API over gRPC.\nUsage: ", argv[0],
                   " [--listen=HOST:PORT] [--upstream=URL] [--auth_mode=passthrough|service] ..."));
  absl::ParseCommandLine(argc, argv);
  pulumi_gateway::TuneAllocatorForLargeBuffers();
  pulumi_gateway::GatewayConfig config = pulumi_gateway::ReadFlags();
  if (absl::Status s = pulumi_gateway::ValidateConfig(&config); !s.ok()) {
    pulumi_gateway::Die(s.message());
  }
  return pulumi_gateway::Run(std::move(config));
}
