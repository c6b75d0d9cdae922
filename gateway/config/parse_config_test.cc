// ParseConfig row by row: every error branch names its flag with the exact message the binary
// prints (exit code 2), and good values land in the components' option structs. The defaults of
// the flags are the components' own (DefaultFlagValues), so parsing them gives GatewayConfig{}.
#include "gateway/config/parse_config.h"

#include <curl/curl.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "gateway/config/config.h"
#include "gateway/config/flag_values.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// A file under the test's temporary directory holding `content`; returns its path.
std::string TempFile(const std::string& name, const std::string& content) {
  const std::string path = absl::StrCat(std::getenv("TEST_TMPDIR"), "/", name);
  std::ofstream(path) << content;
  return path;
}

// A tenant directory with one valid token.
std::string TenantDir() {
  const std::string dir = absl::StrCat(std::getenv("TEST_TMPDIR"), "/tenants");
  std::system(absl::StrCat("mkdir -p ", dir).c_str());
  std::ofstream(dir + "/payments") << "pul-test-payments-token\n";
  return dir;
}

constexpr char kPem[] = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

struct Row {
  std::string name;
  std::function<void(FlagValues&)> set;
  // The whole message, or (ending in "…") its beginning.
  std::string error;
};

void PrintTo(const Row& row, std::ostream* os) { *os << row.name; }

class ParseConfigErrorTest : public ::testing::TestWithParam<Row> {};

TEST_P(ParseConfigErrorTest, NamesTheFlagWithItsMessage) {
  FlagValues flags = DefaultFlagValues();
  GetParam().set(flags);
  absl::StatusOr<GatewayConfig> config = ParseConfig(flags);
  ASSERT_FALSE(config.ok()) << GetParam().name << " was accepted";
  EXPECT_EQ(config.status().code(), absl::StatusCode::kInvalidArgument);
  std::string expected = GetParam().error;
  if (absl::EndsWith(expected, "…")) {
    expected.resize(expected.size() - std::string("…").size());
    EXPECT_THAT(std::string(config.status().message()), ::testing::StartsWith(expected));
  } else {
    EXPECT_EQ(config.status().message(), expected);
  }
}

// Settings of a service-mode gateway with per-tenant tokens identified by a trusted header.
void HeaderTenants(FlagValues& f) {
  f.auth_mode = "service";
  f.tenant_tokens_dir = TenantDir();
  f.caller_identity = "header";
  f.trusted_proxies = "10.0.0.0/8";
}

// Settings of a TLS listener that asks for client certificates.
void MutualTls(FlagValues& f) {
  f.tls_cert_file = TempFile("cert.pem", kPem);
  f.tls_key_file = TempFile("key.pem", kPem);
  f.tls_client_ca_file = TempFile("ca.pem", kPem);
}

// Settings of a replica sharing a Redis quota store with its fleet.
void Fleet(FlagValues& f, const std::string& secret_file,
           const std::string& url = "redis://redis:6379") {
  f.quota_store = url;
  f.fleet_secret_file = secret_file;
}

std::vector<Row> ErrorRows() {
  const std::string not_pem = TempFile("not.pem", "plain text");
  const std::string bad_token = TempFile("bad_token", "pul-test bad\n");
  const std::string bad_map = TempFile("bad_map.json", "[1, 2]");
  const std::string not_host_port = "is not host:port (port 0-65535)";
  const std::string secret = TempFile("fleet_secret", "fleet-secret-of-the-test\n");
  const std::string short_secret = TempFile("short_secret", " short\n");
  const std::string blank = TempFile("blank", " \n");
  std::vector<Row> rows = {
      // ---- listener
      {"ListenNotHostPort", [](FlagValues& f) { f.listen = "nonsense"; },
       "--listen: \"nonsense\" " + not_host_port},
      {"ListenNoHost", [](FlagValues& f) { f.listen = ":50051"; },
       "--listen: \":50051\" " + not_host_port},
      {"ListenPortTooHigh", [](FlagValues& f) { f.listen = "0.0.0.0:70000"; },
       "--listen: \"0.0.0.0:70000\" " + not_host_port},
      {"MaxRequestBytesTooSmall", [](FlagValues& f) { f.max_request_bytes = 1023; },
       "--max_request_bytes: must be between 1 KiB and 1 GiB"},
      {"MaxRequestBytesTooLarge", [](FlagValues& f) { f.max_request_bytes = (1 << 30) + 1; },
       "--max_request_bytes: must be between 1 KiB and 1 GiB"},
      {"CertWithoutKey", [](FlagValues& f) { f.tls_cert_file = "/x/cert.pem"; },
       "--tls_key_file: --tls_cert_file and --tls_key_file go together"},
      {"KeyWithoutCert", [](FlagValues& f) { f.tls_key_file = "/x/key.pem"; },
       "--tls_cert_file: --tls_cert_file and --tls_key_file go together"},
      {"ClientCaWithoutCert", [](FlagValues& f) { f.tls_client_ca_file = "/x/ca.pem"; },
       "--tls_client_ca_file: mutual TLS needs --tls_cert_file and --tls_key_file"},
      {"CertUnreadable",
       [](FlagValues& f) {
         f.tls_cert_file = "/nonexistent/cert.pem";
         f.tls_key_file = "/nonexistent/key.pem";
       },
       "--tls_cert_file: cannot read /nonexistent/cert.pem"},
      {"KeyNotPem",
       [not_pem](FlagValues& f) {
         f.tls_cert_file = TempFile("cert.pem", kPem);
         f.tls_key_file = not_pem;
       },
       "--tls_key_file: " + not_pem + " is not a PEM file"},
      // ---- observability
      {"MetricsListenNotHostPort", [](FlagValues& f) { f.metrics_listen = "9090"; },
       "--metrics_listen: \"9090\" " + not_host_port},
      {"UnknownLogLevel", [](FlagValues& f) { f.log_level = "loud"; },
       "--log_level: unknown log level \"loud\"; expected debug, info, warning or error"},
      {"UnknownMemoryFit", [](FlagValues& f) { f.memory_fit = "strict"; },
       "--memory_fit: \"strict\" is not one of warn, refuse or off"},
      // ---- upstream transport
      {"UpstreamScheme", [](FlagValues& f) { f.upstream = "ftp://x"; },
       "--upstream: \"ftp://x\" must start with http:// or https://"},
      {"UpstreamUserInfo", [](FlagValues& f) { f.upstream = "https://me@api.pulumi.com"; },
       "--upstream: expected a base URL like https://api.pulumi.com (no user info, query or "
       "fragment)"},
      {"UpstreamQuery", [](FlagValues& f) { f.upstream = "https://api.pulumi.com/?x=1"; },
       "--upstream: expected a base URL like …"},
      {"UpstreamNoHost", [](FlagValues& f) { f.upstream = "http://"; },
       "--upstream: expected a base URL like …"},
      {"ConnectTimeoutZero",
       [](FlagValues& f) { f.upstream_connect_timeout = absl::ZeroDuration(); },
       "--upstream_connect_timeout: must be positive"},
      {"CaFileUnreadable", [](FlagValues& f) { f.upstream_ca_file = "/nonexistent/ca.pem"; },
       "--upstream_ca_file: cannot read /nonexistent/ca.pem"},
      {"PriorKnowledgeOverHttps", [](FlagValues& f) { f.upstream_http2_prior_knowledge = true; },
       "--upstream_http2_prior_knowledge: only applies to http:// upstreams"},
      {"MaxConnectionsZero", [](FlagValues& f) { f.upstream_max_connections = 0; },
       "--upstream_max_connections: must be between 1 and 100000"},
      {"MaxConnectionsTooMany", [](FlagValues& f) { f.upstream_max_connections = 100001; },
       "--upstream_max_connections: must be between 1 and 100000"},
      {"Http2ConnectionsZero", [](FlagValues& f) { f.upstream_max_http2_connections = 0; },
       "--upstream_max_http2_connections: must be between 1 and --upstream_max_connections"},
      {"Http2ConnectionsAboveMax",
       [](FlagValues& f) {
         f.upstream_max_connections = 8;
         f.upstream_max_http2_connections = 9;
       },
       "--upstream_max_http2_connections: must be between 1 and --upstream_max_connections"},
      {"UpstreamLoopsNegative", [](FlagValues& f) { f.upstream_loops = -1; },
       "--upstream_loops: must be between 0 (one per CPU the process can use) and 256"},
      {"UpstreamLoopsTooMany", [](FlagValues& f) { f.upstream_loops = 257; },
       "--upstream_loops: must be between 0 (one per CPU the process can use) and 256"},
      {"UpstreamInlineWaitNegative",
       [](FlagValues& f) { f.upstream_inline_wait = absl::Milliseconds(-1); },
       "--upstream_inline_wait: must be between 0 (never) and 100ms"},
      {"UpstreamInlineWaitTooLong",
       [](FlagValues& f) { f.upstream_inline_wait = absl::Milliseconds(101); },
       "--upstream_inline_wait: must be between 0 (never) and 100ms"},
      {"UpstreamInlineSpinNegative",
       [](FlagValues& f) { f.upstream_inline_spin = absl::Microseconds(-1); },
       "--upstream_inline_spin: must be between 0 (never) and 1ms"},
      {"UpstreamInlineSpinTooLong",
       [](FlagValues& f) { f.upstream_inline_spin = absl::Microseconds(1001); },
       "--upstream_inline_spin: must be between 0 (never) and 1ms"},
      {"MaxResponseBytesTooSmall", [](FlagValues& f) { f.max_response_bytes = 1023; },
       "--max_response_bytes: must be between 1 KiB and 4 GiB"},
      {"MaxResponseBytesTooLarge",
       [](FlagValues& f) { f.max_response_bytes = (int64_t{1} << 32) + 1; },
       "--max_response_bytes: must be between 1 KiB and 4 GiB"},
      {"BufferBudgetBelowOneAnswer",
       [](FlagValues& f) { f.max_buffered_response_bytes = f.max_response_bytes - 1; },
       "--max_buffered_response_bytes: must be at least --max_response_bytes (one answer must "
       "fit) and at most 1 TiB"},
      {"BufferBudgetTooLarge",
       [](FlagValues& f) { f.max_buffered_response_bytes = (int64_t{1} << 40) + 1; },
       "--max_buffered_response_bytes: must be at least --max_response_bytes …"},
      // ---- calls
      {"ApiVersionZero", [](FlagValues& f) { f.api_version = 0; },
       "--api_version: must be between 1 and 99"},
      {"ApiVersionTooHigh", [](FlagValues& f) { f.api_version = 100; },
       "--api_version: must be between 1 and 99"},
      {"DefaultTimeoutZero", [](FlagValues& f) { f.default_timeout = absl::ZeroDuration(); },
       "--default_timeout: must be positive"},
      {"WatchPollTooShort", [](FlagValues& f) { f.watch_poll_interval = absl::Milliseconds(9); },
       "--watch_poll_interval: must be at least 10ms"},
      {"WatchMaxBelowPoll", [](FlagValues& f) { f.watch_max_interval = absl::Milliseconds(500); },
       "--watch_max_interval: must not be below --watch_poll_interval"},
      {"MaxInFlightZero", [](FlagValues& f) { f.max_in_flight = 0; },
       "--max_in_flight: must be at least 1"},
      {"BatchParallelismZero", [](FlagValues& f) { f.batch_parallelism = 0; },
       "--batch_parallelism: must be between 1 and 256"},
      {"BatchParallelismTooHigh", [](FlagValues& f) { f.batch_parallelism = 257; },
       "--batch_parallelism: must be between 1 and 256"},
      // ---- auth
      {"UnknownAuthMode", [](FlagValues& f) { f.auth_mode = "mtls"; },
       "--auth_mode: unknown auth mode \"mtls\"; expected passthrough or service"},
      {"ServiceWithoutToken", [](FlagValues& f) { f.auth_mode = "service"; },
       "--auth_mode: service mode needs --token_file or PULUMI_ACCESS_TOKEN in the environment"},
      {"TokenFileUnreadable",
       [](FlagValues& f) {
         f.auth_mode = "service";
         f.token_file = "/nonexistent/token";
       },
       "--token_file: cannot read /nonexistent/token"},
      {"TokenFileNotAToken",
       [bad_token](FlagValues& f) {
         f.auth_mode = "service";
         f.token_file = bad_token;
       },
       "--token_file: the token contains a character that is not printable ASCII (space, CR, LF, "
       "NUL, ...)"},
      {"EnvironmentTokenNotAToken",
       [](FlagValues& f) {
         f.auth_mode = "service";
         f.env_token = "pul-test with space";
       },
       "--auth_mode (PULUMI_ACCESS_TOKEN): the token contains a character that is not printable "
       "ASCII (space, CR, LF, NUL, ...)"},
      {"CallerIdentityWithoutTenants", [](FlagValues& f) { f.caller_identity = "mtls"; },
       "--caller_identity: only applies with --tenant_tokens_dir"},
      {"TenantMapWithoutTenants", [](FlagValues& f) { f.tenant_map = "/x/map.json"; },
       "--tenant_map: only applies with --tenant_tokens_dir"},
      {"TrustedProxiesWithoutTenants", [](FlagValues& f) { f.trusted_proxies = "10.0.0.0/8"; },
       "--trusted_proxies: only applies with --caller_identity=header"},
      {"TenantsInPassthrough",
       [](FlagValues& f) {
         HeaderTenants(f);
         f.auth_mode = "passthrough";
       },
       "--tenant_tokens_dir: needs --auth_mode=service"},
      {"TenantDirMissing",
       [](FlagValues& f) {
         HeaderTenants(f);
         f.tenant_tokens_dir = "/nonexistent/tenants";
       },
       "--tenant_tokens_dir: …"},
      {"TenantReloadTooOften",
       [](FlagValues& f) {
         HeaderTenants(f);
         f.tenant_reload_interval = absl::Milliseconds(99);
       },
       "--tenant_reload_interval: must be at least 100ms"},
      {"TenantMapNotAMap",
       [bad_map](FlagValues& f) {
         HeaderTenants(f);
         f.tenant_map = bad_map;
       },
       "--tenant_map: …"},
      {"CallerIdentityMissing",
       [](FlagValues& f) {
         HeaderTenants(f);
         f.caller_identity = "";
         f.trusted_proxies = "";
       },
       "--caller_identity: required with --tenant_tokens_dir: mtls or header"},
      {"CallerIdentityUnknown",
       [](FlagValues& f) {
         HeaderTenants(f);
         f.caller_identity = "oauth";
       },
       "--caller_identity: unknown caller identity source \"oauth\"; expected mtls or header"},
      {"MtlsWithoutClientCa",
       [](FlagValues& f) {
         HeaderTenants(f);
         f.caller_identity = "mtls";
         f.trusted_proxies = "";
       },
       "--caller_identity: mtls needs --tls_client_ca_file (callers present verified "
       "certificates)"},
      {"MtlsWithTrustedProxies",
       [](FlagValues& f) {
         HeaderTenants(f);
         MutualTls(f);
         f.caller_identity = "mtls";
       },
       "--trusted_proxies: only applies with --caller_identity=header"},
      {"CallerHeaderReserved",
       [](FlagValues& f) {
         HeaderTenants(f);
         f.caller_header = "authorization";
       },
       "--caller_header: \"authorization\" must be a lower-case metadata key (a-z, 0-9, '-', "
       "'_', '.'), not authorization, x-request-id, grpc-* or *-bin"},
      {"CallerHeaderUpperCase",
       [](FlagValues& f) {
         HeaderTenants(f);
         f.caller_header = "X-Caller";
       },
       "--caller_header: \"X-Caller\" must be a lower-case metadata key …"},
      {"HeaderWithoutProxies",
       [](FlagValues& f) {
         HeaderTenants(f);
         f.trusted_proxies = "";
       },
       "--trusted_proxies: required with --caller_identity=header: the proxies' addresses "
       "(CIDRs)"},
      {"HeaderWithBadProxy",
       [](FlagValues& f) {
         HeaderTenants(f);
         f.trusted_proxies = "10.0.0.0/99";
       },
       "--trusted_proxies: …"},
      {"HeaderWithOnlySeparators",
       [](FlagValues& f) {
         HeaderTenants(f);
         f.trusted_proxies = " , ";
       },
       "--trusted_proxies: required with --caller_identity=header"},
      // ---- the upstream layers
      {"RetryAttemptsZero", [](FlagValues& f) { f.retry_max_attempts = 0; },
       "--retry_max_attempts: must be between 1 and 10"},
      {"RetryAttemptsTooMany", [](FlagValues& f) { f.retry_max_attempts = 11; },
       "--retry_max_attempts: must be between 1 and 10"},
      {"RetryBackoffZero", [](FlagValues& f) { f.retry_initial_backoff = absl::ZeroDuration(); },
       "--retry_initial_backoff: must be positive and not above --retry_max_backoff"},
      {"RetryBackoffAboveMax", [](FlagValues& f) { f.retry_initial_backoff = absl::Seconds(6); },
       "--retry_initial_backoff: must be positive and not above --retry_max_backoff"},
      {"RetryBudgetNegative", [](FlagValues& f) { f.retry_budget_ratio = -0.1; },
       "--retry_budget_ratio: must be between 0 and 1"},
      {"RetryBudgetAboveOne", [](FlagValues& f) { f.retry_budget_ratio = 1.1; },
       "--retry_budget_ratio: must be between 0 and 1"},
      {"BreakerThresholdNegative", [](FlagValues& f) { f.breaker_failure_threshold = -1; },
       "--breaker_failure_threshold: must not be negative (0 disables)"},
      {"BreakerOpenZero", [](FlagValues& f) { f.breaker_open_duration = absl::ZeroDuration(); },
       "--breaker_open_duration: must be positive"},
      {"RateLimitNegative", [](FlagValues& f) { f.upstream_rate_limit = -1; },
       "--upstream_rate_limit: must not be negative (0 disables)"},
      {"RateBurstBelowOne", [](FlagValues& f) { f.upstream_rate_burst = 0.5; },
       "--upstream_rate_burst: must be at least 1"},
      {"IdentityRateNegative", [](FlagValues& f) { f.identity_rate_limit = -1; },
       "--identity_rate_limit: must not be negative (0 disables)"},
      {"IdentityRateNaN",
       [](FlagValues& f) { f.identity_rate_limit = std::numeric_limits<double>::quiet_NaN(); },
       "--identity_rate_limit: must not be negative (0 disables)"},
      {"IdentityBurstBelowOne", [](FlagValues& f) { f.identity_burst = 0; },
       "--identity_burst: must be at least 1"},
      {"BulkShareZero", [](FlagValues& f) { f.bulk_share = 0; },
       "--bulk_share: must be above 0 and at most 1"},
      {"BulkShareAboveOne", [](FlagValues& f) { f.bulk_share = 1.5; },
       "--bulk_share: must be above 0 and at most 1"},
      {"DefaultPauseNegative", [](FlagValues& f) { f.throttle_default_pause = -absl::Seconds(1); },
       "--throttle_default_pause: must not be negative (0: no pause)"},
      {"MaxPauseNegative", [](FlagValues& f) { f.throttle_max_pause = -absl::Seconds(1); },
       "--throttle_max_pause: must not be negative (0: 429s never pause)"},
      {"IdentityQueueZero", [](FlagValues& f) { f.identity_max_queued = 0; },
       "--identity_max_queued: must be at least 1"},
      {"CacheTtlEmptyItem", [](FlagValues& f) { f.cache_ttl = "GetStack=5s,,ListStacks=1s"; },
       "--cache_ttl: empty item in \"GetStack=5s,,ListStacks=1s\""},
      {"CacheTtlNoEquals", [](FlagValues& f) { f.cache_ttl = "GetStack"; },
       "--cache_ttl: \"GetStack\": expected ROUTE=DURATION, e.g. GetStack=5s"},
      {"CacheTtlBadRoute", [](FlagValues& f) { f.cache_ttl = "get-stack=5s"; },
       "--cache_ttl: \"get-stack=5s\": the route must be an RPC name or *"},
      {"CacheTtlBadDuration", [](FlagValues& f) { f.cache_ttl = "GetStack=soon"; },
       "--cache_ttl: \"GetStack=soon\": not a duration (e.g. 5s, 500ms)"},
      {"CacheTtlTooLong", [](FlagValues& f) { f.cache_ttl = "GetStack=2h"; },
       "--cache_ttl: \"GetStack=2h\": the TTL must be between 0s (off) and 1h"},
      {"CacheTtlNegative", [](FlagValues& f) { f.cache_ttl = "GetStack=-1s"; },
       "--cache_ttl: \"GetStack=-1s\": the TTL must be between 0s (off) and 1h"},
      {"CacheTtlRouteTwice", [](FlagValues& f) { f.cache_ttl = "GetStack=1s,GetStack=2s"; },
       "--cache_ttl: \"GetStack=2s\": GetStack is listed twice"},
      {"CacheTtlDefaultTwice", [](FlagValues& f) { f.cache_ttl = "*=1s, *=2s"; },
       "--cache_ttl: \"*=2s\": * is listed twice"},
      {"CacheTooSmall", [](FlagValues& f) { f.cache_max_bytes = (64 << 10) - 1; },
       "--cache_max_bytes: must be between 64 KiB and 16 GiB"},
      {"CacheTooLarge", [](FlagValues& f) { f.cache_max_bytes = (int64_t{16} << 30) + 1; },
       "--cache_max_bytes: must be between 64 KiB and 16 GiB"},
      // ---- the quota store
      {"QuotaStorePasswordWithoutStore",
       [](FlagValues& f) { f.quota_store_password_file = "/x/password"; },
       "--quota_store_password_file: needs --quota_store"},
      {"QuotaStoreCaWithoutStore", [](FlagValues& f) { f.quota_store_ca_file = "/x/ca.pem"; },
       "--quota_store_ca_file: needs --quota_store"},
      {"FleetSecretWithoutStore", [](FlagValues& f) { f.fleet_secret_file = "/x/secret"; },
       "--fleet_secret_file: needs --quota_store"},
      {"QuotaStoreScheme", [secret](FlagValues& f) { Fleet(f, secret, "http://redis:6379"); },
       "--quota_store: must start with redis:// or rediss:// (TLS)"},
      {"QuotaStorePasswordInUrl",
       [secret](FlagValues& f) { Fleet(f, secret, "redis://gateway:hunter2@redis:6379"); },
       "--quota_store: holds a password; put it in --quota_store_password_file instead (a URL "
       "shows in process listings)"},
      {"QuotaStoreUserWithoutPassword",
       [secret](FlagValues& f) { Fleet(f, secret, "redis://gateway@redis:6379"); },
       "--quota_store_password_file: the Redis user in --quota_store needs one"},
      {"QuotaStorePasswordUnreadable",
       [secret](FlagValues& f) {
         Fleet(f, secret);
         f.quota_store_password_file = "/nonexistent/password";
       },
       "--quota_store_password_file: cannot read /nonexistent/password"},
      {"QuotaStorePasswordEmpty",
       [secret, blank](FlagValues& f) {
         Fleet(f, secret);
         f.quota_store_password_file = blank;
       },
       "--quota_store_password_file: the file is empty"},
      {"QuotaStoreCaWithoutTls",
       [secret](FlagValues& f) {
         Fleet(f, secret);
         f.quota_store_ca_file = TempFile("redis_ca.pem", kPem);
       },
       "--quota_store_ca_file: only used with a rediss:// --quota_store"},
      {"QuotaStoreCaNotPem",
       [secret, not_pem](FlagValues& f) {
         Fleet(f, secret, "rediss://redis:6380");
         f.quota_store_ca_file = not_pem;
       },
       "--quota_store_ca_file: " + not_pem + " is not a PEM file"},
      {"QuotaStoreTimeoutTooShort",
       [secret](FlagValues& f) {
         Fleet(f, secret);
         f.quota_store_timeout = absl::Milliseconds(9);
       },
       "--quota_store_timeout: must be between 10ms and 10s"},
      {"QuotaStoreTimeoutTooLong",
       [secret](FlagValues& f) {
         Fleet(f, secret);
         f.quota_store_timeout = absl::Seconds(11);
       },
       "--quota_store_timeout: must be between 10ms and 10s"},
      {"FleetSizeNegative",
       [secret](FlagValues& f) {
         Fleet(f, secret);
         f.fleet_size = -1;
       },
       "--fleet_size: must be between 0 (from heartbeats) and 10000"},
      {"FleetSizeTooLarge",
       [secret](FlagValues& f) {
         Fleet(f, secret);
         f.fleet_size = 10001;
       },
       "--fleet_size: must be between 0 (from heartbeats) and 10000"},
      {"FleetSecretMissing", [](FlagValues& f) { f.quota_store = "redis://redis:6379"; },
       "--fleet_secret_file: required with --quota_store: the key of the token digests every "
       "replica writes to the store"},
      {"FleetSecretUnreadable", [](FlagValues& f) { Fleet(f, "/nonexistent/secret"); },
       "--fleet_secret_file: cannot read /nonexistent/secret"},
      {"FleetSecretTooShort", [short_secret](FlagValues& f) { Fleet(f, short_secret); },
       "--fleet_secret_file: the fleet secret must hold at least 16 bytes (e.g. `openssl rand -hex "
       "32`); it holds 5"},
      // ---- drain
      {"GraceNegative", [](FlagValues& f) { f.shutdown_grace = -absl::Seconds(1); },
       "--shutdown_grace: must not be negative"},
      {"DrainDelayNegative", [](FlagValues& f) { f.drain_delay = -absl::Seconds(1); },
       "--drain_delay: must not be negative"},
  };
  // Debian 12's libcurl (7.88) breaks reused h2c connections: the flag needs 8.0.0.
  if (curl_version_info(CURLVERSION_NOW)->version_num < 0x080000) {
    rows.push_back({"PriorKnowledgeNeedsCurl8",
                    [](FlagValues& f) {
                      f.upstream = "http://127.0.0.1:1";
                      f.upstream_http2_prior_knowledge = true;
                    },
                    "--upstream_http2_prior_knowledge: needs libcurl 8.0.0 or newer …"});
  }
  return rows;
}

INSTANTIATE_TEST_SUITE_P(Rows, ParseConfigErrorTest, ::testing::ValuesIn(ErrorRows()),
                         [](const auto& info) { return info.param.name; });

TEST(ParseConfigTest, TheDefaultsParseIntoTheComponentsDefaults) {
  absl::StatusOr<GatewayConfig> config = ParseConfig(DefaultFlagValues());
  ASSERT_TRUE(config.ok()) << config.status();
  const GatewayConfig defaults;
  EXPECT_EQ(config->server.listen, "0.0.0.0:50051");
  EXPECT_EQ(config->server.max_request_bytes, defaults.server.max_request_bytes);
  EXPECT_FALSE(config->server.tls.enabled());
  EXPECT_EQ(config->upstream.base_url, "https://api.pulumi.com");
  EXPECT_EQ(config->upstream_host, "api.pulumi.com");
  EXPECT_EQ(config->upstream.max_connections, defaults.upstream.max_connections);
  EXPECT_EQ(config->upstream.max_http2_connections, defaults.upstream.max_http2_connections);
  EXPECT_EQ(config->upstream.loops, defaults.upstream.loops);
  EXPECT_EQ(config->upstream.inline_wait, defaults.upstream.inline_wait);
  EXPECT_EQ(config->upstream.inline_spin, defaults.upstream.inline_spin);
  EXPECT_EQ(config->upstream.max_response_bytes, defaults.upstream.max_response_bytes);
  EXPECT_EQ(config->upstream.connect_timeout, defaults.upstream.connect_timeout);
  EXPECT_EQ(config->stack.retry.max_attempts, RetryOptions{}.max_attempts);
  EXPECT_EQ(config->stack.retry.initial_backoff, RetryOptions{}.initial_backoff);
  EXPECT_EQ(config->stack.retry.max_backoff, RetryOptions{}.max_backoff);
  EXPECT_EQ(config->stack.retry.budget_ratio, RetryOptions{}.budget_ratio);
  EXPECT_EQ(config->stack.breaker.failure_threshold, CircuitBreakerOptions{}.failure_threshold);
  EXPECT_EQ(config->stack.breaker.open_duration, CircuitBreakerOptions{}.open_duration);
  EXPECT_FALSE(config->stack.rate_limit.enabled());
  EXPECT_EQ(config->stack.rate_limit.burst, RateLimiterOptions{}.burst);
  EXPECT_EQ(config->stack.throttle.requests_per_second, 0);
  EXPECT_EQ(config->stack.throttle.burst, IdentityThrottleOptions{}.burst);
  EXPECT_EQ(config->stack.throttle.bulk_share, IdentityThrottleOptions{}.bulk_share);
  EXPECT_EQ(config->stack.throttle.default_pause, IdentityThrottleOptions{}.default_pause);
  EXPECT_EQ(config->stack.throttle.max_pause, IdentityThrottleOptions{}.max_pause);
  EXPECT_EQ(config->stack.throttle.max_queued, IdentityThrottleOptions{}.max_queued);
  EXPECT_TRUE(config->stack.coalesce_reads);
  EXPECT_FALSE(config->stack.cache.enabled());
  EXPECT_EQ(config->stack.cache.max_bytes, ResponseCacheOptions{}.max_bytes);
  EXPECT_EQ(config->calls.api_version, CallOptions{}.api_version);
  EXPECT_EQ(config->calls.default_timeout, CallOptions{}.default_timeout);
  EXPECT_EQ(config->calls.max_in_flight, CallOptions{}.max_in_flight);
  EXPECT_EQ(config->calls.batch_parallelism, CallOptions{}.batch_parallelism);
  EXPECT_EQ(config->calls.watch_poll_interval, CallOptions{}.watch_poll_interval);
  EXPECT_EQ(config->calls.watch_max_interval, CallOptions{}.watch_max_interval);
  EXPECT_EQ(config->auth.mode, AuthMode::kPassthrough);
  EXPECT_FALSE(config->auth.uses_tenants());
  EXPECT_EQ(config->metrics_listen, "0.0.0.0:9090");
  EXPECT_EQ(config->log_level, LogLevel::kInfo);
  EXPECT_EQ(config->memory_fit, MemoryFit::kWarn);
  EXPECT_EQ(config->drain.delay, DrainOptions{}.delay);
  EXPECT_EQ(config->drain.grace, DrainOptions{}.grace);
  EXPECT_EQ(config->max_buffered_response_bytes, size_t{96} << 20);
  EXPECT_FALSE(config->quota_store.has_value()) << "each replica on its own";
  EXPECT_TRUE(config->warnings.empty());
}

TEST(ParseConfigTest, TheFlagDefaultsAreTheComponentsOwn) {
  const FlagValues& flags = DefaultFlagValues();
  EXPECT_EQ(flags.listen, "0.0.0.0:50051");
  EXPECT_EQ(flags.upstream, "https://api.pulumi.com");
  EXPECT_EQ(flags.auth_mode, "passthrough");
  EXPECT_EQ(flags.log_level, "info");
  EXPECT_EQ(flags.memory_fit, "warn");
  EXPECT_EQ(flags.cache_ttl, "");
  EXPECT_EQ(flags.caller_header, "x-caller-identity");
  EXPECT_EQ(flags.tenant_reload_interval, absl::Seconds(10));
  EXPECT_EQ(flags.max_response_bytes, int64_t{64} << 20);
  EXPECT_EQ(flags.max_buffered_response_bytes, int64_t{96} << 20);
  EXPECT_EQ(flags.quota_store, "");
  EXPECT_EQ(flags.quota_store_timeout, RedisConnectionOptions{}.io_timeout);
  EXPECT_EQ(flags.fleet_size, RedisQuotaStoreOptions{}.fleet_size);
  EXPECT_TRUE(flags.fleet_secret_file.empty());
  EXPECT_EQ(flags.upstream_rate_limit, 0);
  EXPECT_EQ(flags.upstream_loops, 0);  // one per CPU the process can use
  EXPECT_EQ(flags.upstream_inline_wait, absl::Milliseconds(1));
  EXPECT_EQ(flags.upstream_inline_spin, absl::Microseconds(100));
  EXPECT_EQ(flags.upstream_rate_burst, 10);
  EXPECT_EQ(flags.shutdown_grace, absl::Seconds(20));
  EXPECT_EQ(flags.drain_delay, absl::ZeroDuration());
  EXPECT_TRUE(flags.token_file.empty());
  EXPECT_TRUE(flags.tls_cert_file.empty());
}

TEST(ParseConfigTest, ValuesLandInTheComponentsOptions) {
  FlagValues flags = DefaultFlagValues();
  flags.listen = "127.0.0.1:0";
  flags.upstream = "http://[::1]:8080/prefix";
  flags.api_version = 9;
  flags.retry_max_attempts = 5;
  flags.breaker_failure_threshold = 0;
  flags.upstream_rate_limit = 25;
  flags.upstream_rate_burst = 4;
  flags.identity_rate_limit = 18;
  flags.bulk_share = 0.25;
  flags.coalesce_reads = false;
  flags.cache_ttl = " GetStack=5s , *=2s,ListStacks=0s";
  flags.cache_max_bytes = 1 << 20;
  flags.watch_poll_interval = absl::Milliseconds(10);
  flags.metrics_listen = "";
  flags.log_level = "debug";
  flags.memory_fit = "refuse";
  flags.drain_delay = absl::Seconds(3);
  flags.upstream_loops = 3;
  flags.upstream_inline_wait = absl::ZeroDuration();
  flags.upstream_inline_spin = absl::Microseconds(250);
  absl::StatusOr<GatewayConfig> config = ParseConfig(flags);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->server.listen, "127.0.0.1:0");
  EXPECT_EQ(config->upstream.base_url, "http://[::1]:8080/prefix");
  EXPECT_EQ(config->upstream_host, "[::1]");
  EXPECT_EQ(config->calls.api_version, 9);
  EXPECT_EQ(config->stack.retry.max_attempts, 5);
  EXPECT_EQ(config->stack.breaker.failure_threshold, 0);
  EXPECT_TRUE(config->stack.rate_limit.enabled());
  EXPECT_EQ(config->stack.rate_limit.requests_per_second, 25);
  EXPECT_EQ(config->stack.rate_limit.burst, 4);
  EXPECT_EQ(config->stack.throttle.requests_per_second, 18);
  EXPECT_EQ(config->stack.throttle.bulk_share, 0.25);
  EXPECT_FALSE(config->stack.coalesce_reads);
  EXPECT_EQ(config->stack.cache.ttl_by_route.at("GetStack"), absl::Seconds(5));
  EXPECT_EQ(config->stack.cache.ttl_by_route.at("ListStacks"), absl::ZeroDuration());
  EXPECT_EQ(config->stack.cache.default_ttl, absl::Seconds(2));
  EXPECT_EQ(config->stack.cache.max_bytes, 1 << 20);
  EXPECT_EQ(config->calls.watch_poll_interval, absl::Milliseconds(10));
  EXPECT_EQ(config->metrics_listen, "");
  EXPECT_EQ(config->log_level, LogLevel::kDebug);
  EXPECT_EQ(config->memory_fit, MemoryFit::kRefuse);
  EXPECT_EQ(config->drain.delay, absl::Seconds(3));
  EXPECT_EQ(config->upstream.loops, 3);
  EXPECT_EQ(config->upstream.inline_wait, absl::ZeroDuration());
  EXPECT_EQ(config->upstream.inline_spin, absl::Microseconds(250));
  EXPECT_EQ(FormatCacheTtl(config->stack.cache), "GetStack=5s,ListStacks=0,*=2s");
}

TEST(ParseConfigTest, TheBufferBudgetMayHoldExactlyOneAnswer) {
  FlagValues flags = DefaultFlagValues();
  flags.max_response_bytes = 1 << 20;
  flags.max_buffered_response_bytes = 1 << 20;
  absl::StatusOr<GatewayConfig> config = ParseConfig(flags);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->upstream.max_response_bytes, size_t{1} << 20);
  EXPECT_EQ(config->max_buffered_response_bytes, size_t{1} << 20);
  EXPECT_EQ(config->upstream.budget, nullptr) << "the budget itself is the app's";
}

TEST(ParseConfigTest, TheQuotaStoreSettingsLandInItsOptionsWithTheFilesRead) {
  FlagValues flags = DefaultFlagValues();
  flags.quota_store = "rediss://gateway@redis.internal:6390";
  flags.quota_store_password_file = TempFile("redis_password", "  pul-test-not-a-token\n");
  flags.quota_store_ca_file = TempFile("redis_ca.pem", kPem);
  flags.quota_store_timeout = absl::Milliseconds(100);
  flags.fleet_secret_file = TempFile("fleet_secret", "\tfleet-secret-of-the-test \n");
  flags.fleet_size = 3;
  absl::StatusOr<GatewayConfig> config = ParseConfig(flags);
  ASSERT_TRUE(config.ok()) << config.status();
  ASSERT_TRUE(config->quota_store.has_value());
  const RedisQuotaStoreOptions& store = *config->quota_store;
  EXPECT_EQ(store.connection.endpoint.host, "redis.internal");
  EXPECT_EQ(store.connection.endpoint.port, 6390);
  EXPECT_TRUE(store.connection.endpoint.tls);
  EXPECT_EQ(store.connection.endpoint.user, "gateway");
  EXPECT_EQ(store.connection.password, "pul-test-not-a-token") << "trimmed";
  EXPECT_EQ(store.connection.ca_file, flags.quota_store_ca_file);
  EXPECT_EQ(store.connection.io_timeout, absl::Milliseconds(100));
  EXPECT_EQ(store.connection.connect_timeout, absl::Milliseconds(400)) << "four round trips";
  EXPECT_EQ(store.fleet_secret, "fleet-secret-of-the-test") << "trimmed";
  EXPECT_EQ(store.fleet_size, 3);
  EXPECT_EQ(store.logger, nullptr) << "the app's to set";
}

// The proxy variables of the environment, picked as libcurl picks them for each request.
struct ProxyCase {
  std::string upstream;
  std::map<std::string, std::string> environment;
  std::string proxy;
  std::string variable;
  std::string no_proxy;
};

TEST(ParseConfigTest, TheUpstreamsProxyComesFromTheEnvironmentAsLibcurlPicksIt) {
  const std::string https = "https://api.pulumi.com";
  const std::string http = "http://127.0.0.1:8080";
  const std::vector<ProxyCase> cases = {
      {https, {}, "", "", ""},
      {https,
       {{"https_proxy", "http://a:3128"}, {"HTTPS_PROXY", "http://b:3128"}},
       "http://a:3128",
       "https_proxy",
       ""},
      {https,
       {{"HTTPS_PROXY", "http://b:3128"}, {"all_proxy", "socks5h://c:1080"}},
       "http://b:3128",
       "HTTPS_PROXY",
       ""},
      {https, {{"http_proxy", "http://a:3128"}}, "", "", ""},
      {https,
       {{"all_proxy", "socks5h://c:1080"}, {"ALL_PROXY", "http://d:3128"}},
       "socks5h://c:1080",
       "all_proxy",
       ""},
      {https, {{"ALL_PROXY", "http://d:3128"}}, "http://d:3128", "ALL_PROXY", ""},
      {http,
       {{"http_proxy", "proxy.internal:3128"}, {"https_proxy", "http://b:3128"}},
       "proxy.internal:3128",
       "http_proxy",
       ""},
      // HTTP_PROXY is never read (a CGI request's "Proxy:" header can set it).
      {http, {{"HTTP_PROXY", "http://b:3128"}}, "", "", ""},
      {http,
       {{"HTTP_PROXY", "http://b:3128"}, {"ALL_PROXY", "http://d:3128"}},
       "http://d:3128",
       "ALL_PROXY",
       ""},
      {https,
       {{"https_proxy", "HTTPS://a:3128"}, {"no_proxy", ".internal,localhost"}, {"NO_PROXY", "*"}},
       "HTTPS://a:3128",
       "https_proxy",
       ".internal,localhost"},
      {https, {{"NO_PROXY", "*"}}, "", "", "*"},
      {https, {{"all_proxy", "socks://c:1080"}}, "socks://c:1080", "all_proxy", ""},
  };
  for (const ProxyCase& c : cases) {
    FlagValues flags = DefaultFlagValues();
    flags.upstream = c.upstream;
    for (const auto& [name, value] : c.environment) {
      // flags.cc keeps only kProxyVariables; HTTP_PROXY is not one of them.
      if (name != "HTTP_PROXY") flags.env_proxy[name] = value;
    }
    SCOPED_TRACE(c.upstream + " " + absl::StrJoin(c.environment, " ", absl::PairFormatter("=")));
    absl::StatusOr<GatewayConfig> config = ParseConfig(flags);
    ASSERT_TRUE(config.ok()) << config.status();
    EXPECT_EQ(config->upstream.proxy, c.proxy);
    EXPECT_EQ(config->upstream_proxy_variable, c.variable);
    EXPECT_EQ(config->upstream.no_proxy, c.no_proxy);
  }
}

TEST(ParseConfigTest, AProxyOfAnUnknownSchemeIsRefusedWithoutQuotingIt) {
  FlagValues flags = DefaultFlagValues();
  flags.env_proxy["https_proxy"] = "ftp://user:pul-secret@proxy:21";
  absl::StatusOr<GatewayConfig> config = ParseConfig(flags);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(config.status().message(),
              HasSubstr("--upstream (https_proxy in the environment): the proxy's scheme"));
  EXPECT_THAT(config.status().message(), Not(HasSubstr("secret")));
  EXPECT_THAT(config.status().message(), Not(HasSubstr("ftp")));
}

TEST(ParseConfigTest, ServiceTokenFromTheFileOrTheEnvironmentTrimmed) {
  FlagValues flags = DefaultFlagValues();
  flags.auth_mode = "service";
  flags.env_token = "pul-test-from-environment";
  absl::StatusOr<GatewayConfig> config = ParseConfig(flags);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->auth.mode, AuthMode::kService);
  EXPECT_EQ(config->auth.service_token, "pul-test-from-environment");

  flags.token_file = TempFile("token", "  pul-test-from-file\n");
  config = ParseConfig(flags);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->auth.service_token, "pul-test-from-file") << "the file wins, trimmed";
}

TEST(ParseConfigTest, AnInvalidTokenIsNeverQuoted) {
  FlagValues flags = DefaultFlagValues();
  flags.auth_mode = "service";
  flags.token_file = TempFile("secret_token", "pul-test-secret value\n");
  absl::StatusOr<GatewayConfig> config = ParseConfig(flags);
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(std::string(config.status().message()), Not(HasSubstr("secret")));
}

TEST(ParseConfigTest, TenantsIdentifiedByATrustedHeader) {
  FlagValues flags = DefaultFlagValues();
  HeaderTenants(flags);
  flags.caller_header = "x-workload";
  flags.trusted_proxies = "10.0.0.0/8, ::1/128";
  flags.tenant_map = TempFile("map.json", R"({"spiffe://corp/payments": "payments"})");
  flags.tenant_reload_interval = absl::Seconds(2);
  flags.token_file = TempFile("unused_token", "pul-test-unused");
  absl::StatusOr<GatewayConfig> config = ParseConfig(flags);
  ASSERT_TRUE(config.ok()) << config.status();
  const AuthOptions& auth = config->auth;
  EXPECT_TRUE(auth.uses_tenants());
  EXPECT_EQ(auth.tenants.tokens_dir, flags.tenant_tokens_dir);
  EXPECT_EQ(auth.tenants.map_file, flags.tenant_map);
  EXPECT_EQ(auth.tenants.reload_interval, absl::Seconds(2));
  EXPECT_EQ(auth.caller_identity.source, CallerIdentitySource::kHeader);
  EXPECT_EQ(auth.caller_identity.header, "x-workload");
  EXPECT_EQ(auth.caller_identity.trusted_proxies.size(), 2u);
  EXPECT_TRUE(auth.service_token.empty()) << "tenants, not one service token";
  EXPECT_THAT(config->warnings,
              ::testing::ElementsAre("--token_file is not used with --tenant_tokens_dir"));
}

TEST(ParseConfigTest, MutualTlsReadsThePems) {
  FlagValues flags = DefaultFlagValues();
  HeaderTenants(flags);
  MutualTls(flags);
  flags.caller_identity = "mtls";
  flags.trusted_proxies = "";
  absl::StatusOr<GatewayConfig> config = ParseConfig(flags);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_TRUE(config->server.tls.enabled());
  EXPECT_EQ(config->server.tls.cert_pem, kPem);
  EXPECT_EQ(config->server.tls.key_pem, kPem);
  EXPECT_EQ(config->server.tls.client_ca_pem, kPem);
  EXPECT_EQ(config->auth.caller_identity.source, CallerIdentitySource::kMtls);
}

TEST(ParseConfigTest, CacheRoutesMustBeReads) {
  ResponseCacheOptions cache;
  ASSERT_TRUE(ParseCacheTtl("GetStack=5s,CreateStack=1s,AddStackTag=1s", &cache).ok());
  absl::Status status = ValidateCacheRoutes(cache, {"GetStack", "ListStacks"});
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(),
            "--cache_ttl: \"AddStackTag\" is not an RPC the gateway sends as GET (only reads are "
            "cached)")
      << "the first in name order";
  ResponseCacheOptions reads;
  ASSERT_TRUE(ParseCacheTtl("GetStack=5s,*=1s", &reads).ok());
  EXPECT_TRUE(ValidateCacheRoutes(reads, {"GetStack", "ListStacks"}).ok());
}

TEST(ParseConfigTest, FormatCacheTtlReadsBackTheSameTtls) {
  EXPECT_EQ(FormatCacheTtl(ResponseCacheOptions{}), "");
  ResponseCacheOptions cache;
  ASSERT_TRUE(ParseCacheTtl("ListStacks=500ms,*=2s,GetStack=1m", &cache).ok());
  const std::string text = FormatCacheTtl(cache);
  EXPECT_EQ(text, "GetStack=1m,ListStacks=500ms,*=2s");
  ResponseCacheOptions again;
  ASSERT_TRUE(ParseCacheTtl(text, &again).ok());
  EXPECT_EQ(again.ttl_by_route, cache.ttl_by_route);
  EXPECT_EQ(again.default_ttl, cache.default_ttl);
}

}  // namespace
}  // namespace pulumi_gateway
