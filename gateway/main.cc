// pulumi_gateway: serves the Pulumi Service REST API over gRPC. This file only wires: it reads
// flags and the environment, validates them into a GatewayConfig, builds the components and
// waits for SIGTERM/SIGINT to drain.
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gateway/app/gateway_app.h"
#include "gateway/config/config.h"

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

namespace pulumi_gateway {
namespace {

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
  return config;
}

int Run(const GatewayConfig& config) {
  // Block the signals before any thread starts (threads inherit the mask), so only the sigwait
  // below sees them and a SIGTERM during start-up still drains instead of killing the process.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  absl::StatusOr<std::unique_ptr<GatewayApp>> app = GatewayApp::Start(config);
  if (!app.ok()) Die(app.status().message());
  // One write per line: tests and scripts read these lines while the process runs.
  if (!(*app)->metrics_address().empty()) {
    std::cerr << absl::StrCat("metrics listening on ", (*app)->metrics_address(), "\n")
              << std::flush;
  }
  std::cerr << absl::StrCat("listening on ", (*app)->address(), "\n") << std::flush;

  int signal = 0;
  sigwait(&signals, &signal);
  (*app)->Drain(signal == SIGTERM ? "SIGTERM" : "SIGINT");
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
  pulumi_gateway::GatewayConfig config = pulumi_gateway::ReadFlags();
  if (absl::Status s = pulumi_gateway::ValidateConfig(&config); !s.ok()) {
    pulumi_gateway::Die(s.message());
  }
  return pulumi_gateway::Run(config);
}
