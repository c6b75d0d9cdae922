#include "gateway/config/config.h"

#include <curl/curl.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <tuple>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gateway/auth/ip_range.h"
#include "gateway/auth/tenant_tokens.h"
#include "gateway/fleet/fleet_identity.h"

namespace pulumi_gateway {
namespace {

absl::Status FlagError(absl::string_view flag, absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("--", flag, ": ", why));
}

absl::StatusOr<std::string> ReadFlagFile(absl::string_view flag, const std::string& path) {
  std::ifstream in(path);
  if (!in) return FlagError(flag, absl::StrCat("cannot read ", path));
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

absl::Status ValidateQuotaStore(GatewayConfig* config) {
  if (config->quota_store.empty()) {
    for (auto [flag, value] :
         {std::make_pair("quota_store_password_file", &config->quota_store_password_file),
          std::make_pair("quota_store_ca_file", &config->quota_store_ca_file),
          std::make_pair("fleet_secret_file", &config->fleet_secret_file)}) {
      if (!value->empty()) return FlagError(flag, "needs --quota_store");
    }
    return absl::OkStatus();
  }
  absl::StatusOr<RedisEndpoint> endpoint = ParseRedisUrl(config->quota_store);
  if (!endpoint.ok()) return FlagError("quota_store", endpoint.status().message());
  config->parsed_quota_store = *std::move(endpoint);
  if (!config->quota_store_password_file.empty()) {
    absl::StatusOr<std::string> text =
        ReadFlagFile("quota_store_password_file", config->quota_store_password_file);
    if (!text.ok()) return text.status();
    config->quota_store_password = std::string(absl::StripAsciiWhitespace(*text));
    if (config->quota_store_password.empty()) {
      return FlagError("quota_store_password_file", "the file is empty");
    }
  } else if (!config->parsed_quota_store.user.empty()) {
    return FlagError("quota_store_password_file", "the Redis user in --quota_store needs one");
  }
  if (!config->quota_store_ca_file.empty()) {
    if (!config->parsed_quota_store.tls) {
      return FlagError("quota_store_ca_file", "only used with a rediss:// --quota_store");
    }
    absl::StatusOr<std::string> text =
        ReadFlagFile("quota_store_ca_file", config->quota_store_ca_file);
    if (!text.ok()) return text.status();
    if (text->find("-----BEGIN") == std::string::npos) {
      return FlagError("quota_store_ca_file",
                       absl::StrCat(config->quota_store_ca_file, " is not a PEM file"));
    }
  }
  if (config->quota_store_timeout < absl::Milliseconds(10) ||
      config->quota_store_timeout > absl::Seconds(10)) {
    return FlagError("quota_store_timeout", "must be between 10ms and 10s");
  }
  if (config->fleet_size < 0 || config->fleet_size > 10000) {
    return FlagError("fleet_size", "must be between 0 (from heartbeats) and 10000");
  }
  if (config->fleet_secret_file.empty()) {
    return FlagError("fleet_secret_file",
                     "required with --quota_store: the key of the token digests every replica "
                     "writes to the store");
  }
  absl::StatusOr<std::string> secret = ReadFlagFile("fleet_secret_file", config->fleet_secret_file);
  if (!secret.ok()) return secret.status();
  config->fleet_secret = std::string(absl::StripAsciiWhitespace(*secret));
  if (absl::Status s = FleetIdentity::Create(config->fleet_secret).status(); !s.ok()) {
    return FlagError("fleet_secret_file", s.message());
  }
  return absl::OkStatus();
}

absl::Status CheckHostPort(absl::string_view flag, absl::string_view value) {
  const size_t colon = value.rfind(':');
  int port = -1;
  if (colon == absl::string_view::npos || colon == 0 ||
      !absl::SimpleAtoi(value.substr(colon + 1), &port) || port < 0 || port > 65535) {
    return FlagError(flag, absl::StrCat("\"", value, "\" is not host:port (port 0-65535)"));
  }
  return absl::OkStatus();
}

// Scheme://host[:port][/prefix]; returns the host.
absl::StatusOr<std::string> UpstreamHost(absl::string_view url) {
  absl::string_view rest;
  if (absl::StartsWith(url, "https://")) {
    rest = url.substr(8);
  } else if (absl::StartsWith(url, "http://")) {
    rest = url.substr(7);
  } else {
    return FlagError("upstream", absl::StrCat("\"", url, "\" must start with http:// or https://"));
  }
  absl::string_view authority = rest.substr(0, rest.find('/'));
  if (authority.empty() || authority.find('@') != absl::string_view::npos ||
      rest.find_first_of("?#") != absl::string_view::npos) {
    return FlagError("upstream",
                     "expected a base URL like https://api.pulumi.com (no user info, "
                     "query or fragment)");
  }
  if (authority.front() == '[') return std::string(authority.substr(0, authority.find(']') + 1));
  return std::string(authority.substr(0, authority.find(':')));
}

// A metadata key gRPC passes through unchanged and that no other meaning claims.
bool IsPlainMetadataKey(absl::string_view key) {
  if (key.empty() || absl::StartsWith(key, "grpc-") || absl::EndsWith(key, "-bin") ||
      key == "authorization" || key == "x-request-id") {
    return false;
  }
  for (char c : key) {
    if (!absl::ascii_islower(static_cast<unsigned char>(c)) &&
        !absl::ascii_isdigit(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') {
      return false;
    }
  }
  return true;
}

// --tenant_tokens_dir and the flags that only mean something with it.
absl::Status ValidateTenantFlags(GatewayConfig* config) {
  if (config->tenant_tokens_dir.empty()) {
    if (!config->caller_identity.empty()) {
      return FlagError("caller_identity", "only applies with --tenant_tokens_dir");
    }
    if (!config->tenant_map.empty()) {
      return FlagError("tenant_map", "only applies with --tenant_tokens_dir");
    }
    if (!config->trusted_proxies.empty()) {
      return FlagError("trusted_proxies", "only applies with --caller_identity=header");
    }
    return absl::OkStatus();
  }
  if (config->parsed_auth_mode != AuthMode::kService) {
    return FlagError("tenant_tokens_dir", "needs --auth_mode=service");
  }
  if (absl::StatusOr<TenantDirectory> dir = ReadTenantDirectory(config->tenant_tokens_dir);
      !dir.ok()) {
    return FlagError("tenant_tokens_dir", dir.status().message());
  }
  if (config->tenant_reload_interval < absl::Milliseconds(100)) {
    return FlagError("tenant_reload_interval", "must be at least 100ms");
  }
  if (!config->tenant_map.empty()) {
    if (absl::StatusOr<TenantMap> map = ReadTenantMapFile(config->tenant_map); !map.ok()) {
      return FlagError("tenant_map", map.status().message());
    }
  }
  if (config->caller_identity.empty()) {
    return FlagError("caller_identity", "required with --tenant_tokens_dir: mtls or header");
  }
  absl::StatusOr<CallerIdentitySource> source = ParseCallerIdentitySource(config->caller_identity);
  if (!source.ok()) return FlagError("caller_identity", source.status().message());
  CallerIdentityOptions& identity = config->parsed_caller_identity;
  identity.source = *source;
  if (identity.source == CallerIdentitySource::kMtls) {
    if (config->tls_client_ca_file.empty()) {
      return FlagError("caller_identity",
                       "mtls needs --tls_client_ca_file (callers present verified certificates)");
    }
    if (!config->trusted_proxies.empty()) {
      return FlagError("trusted_proxies", "only applies with --caller_identity=header");
    }
    return absl::OkStatus();
  }
  if (!IsPlainMetadataKey(config->caller_header)) {
    return FlagError("caller_header",
                     absl::StrCat("\"", config->caller_header,
                                  "\" must be a lower-case metadata key (a-z, 0-9, '-', '_', '.'), "
                                  "not authorization, x-request-id, grpc-* or *-bin"));
  }
  identity.header = config->caller_header;
  if (config->trusted_proxies.empty()) {
    return FlagError("trusted_proxies",
                     "required with --caller_identity=header: the proxies' addresses (CIDRs)");
  }
  absl::StatusOr<std::vector<IpRange>> proxies = ParseIpRanges(config->trusted_proxies);
  if (!proxies.ok()) return FlagError("trusted_proxies", proxies.status().message());
  if (proxies->empty()) {
    return FlagError("trusted_proxies", "required with --caller_identity=header");
  }
  identity.trusted_proxies = *std::move(proxies);
  return absl::OkStatus();
}

bool IsRpcName(absl::string_view name) {
  if (name.empty() || !absl::ascii_isalpha(static_cast<unsigned char>(name.front()))) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

// --cache_ttl: ROUTE=DURATION items separated by commas; ROUTE "*" is every read route not
// listed, a zero duration turns a route off.
absl::Status ParseCacheTtl(absl::string_view value, ResponseCacheOptions* cache) {
  if (value.empty()) return absl::OkStatus();
  bool has_default = false;
  for (absl::string_view item : absl::StrSplit(value, ',')) {
    item = absl::StripAsciiWhitespace(item);
    if (item.empty()) return FlagError("cache_ttl", absl::StrCat("empty item in \"", value, "\""));
    const size_t equals = item.find('=');
    if (equals == absl::string_view::npos) {
      return FlagError("cache_ttl",
                       absl::StrCat("\"", item, "\": expected ROUTE=DURATION, e.g. GetStack=5s"));
    }
    const absl::string_view route = absl::StripAsciiWhitespace(item.substr(0, equals));
    if (route != "*" && !IsRpcName(route)) {
      return FlagError("cache_ttl",
                       absl::StrCat("\"", item, "\": the route must be an RPC name or *"));
    }
    absl::Duration ttl;
    if (!absl::ParseDuration(absl::StripAsciiWhitespace(item.substr(equals + 1)), &ttl)) {
      return FlagError("cache_ttl",
                       absl::StrCat("\"", item, "\": not a duration (e.g. 5s, 500ms)"));
    }
    if (ttl < absl::ZeroDuration() || ttl > absl::Hours(1)) {
      return FlagError("cache_ttl",
                       absl::StrCat("\"", item, "\": the TTL must be between 0s (off) and 1h"));
    }
    if (route == "*" ? has_default : cache->ttl_by_route.contains(route)) {
      return FlagError("cache_ttl", absl::StrCat("\"", item, "\": ", route, " is listed twice"));
    }
    if (route == "*") {
      has_default = true;
      cache->default_ttl = ttl;
    } else {
      cache->ttl_by_route.emplace(route, ttl);
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateConfig(GatewayConfig* config) {
  if (absl::Status s = CheckHostPort("listen", config->listen); !s.ok()) return s;
  if (!config->metrics_listen.empty()) {
    if (absl::Status s = CheckHostPort("metrics_listen", config->metrics_listen); !s.ok()) return s;
  }
  absl::StatusOr<std::string> host = UpstreamHost(config->upstream);
  if (!host.ok()) return host.status();
  config->upstream_host = *host;
  if (config->api_version < 1 || config->api_version > 99) {
    return FlagError("api_version", "must be between 1 and 99");
  }
  absl::StatusOr<AuthMode> mode = ParseAuthMode(config->auth_mode);
  if (!mode.ok()) return FlagError("auth_mode", mode.status().message());
  config->parsed_auth_mode = *mode;
  absl::StatusOr<LogLevel> level = ParseLogLevel(config->log_level);
  if (!level.ok()) return FlagError("log_level", level.status().message());
  config->parsed_log_level = *level;

  // With per-tenant tokens there is no single service token to read.
  if (config->parsed_auth_mode == AuthMode::kService && config->tenant_tokens_dir.empty()) {
    std::string token = config->env_token;
    if (!config->token_file.empty()) {
      absl::StatusOr<std::string> text = ReadFlagFile("token_file", config->token_file);
      if (!text.ok()) return text.status();
      token = *std::move(text);
    } else if (token.empty()) {
      return FlagError("auth_mode",
                       "service mode needs --token_file or PULUMI_ACCESS_TOKEN in the environment");
    }
    token = std::string(absl::StripAsciiWhitespace(token));
    if (absl::Status s = ValidateToken(token); !s.ok()) {
      return FlagError(
          config->token_file.empty() ? "auth_mode (PULUMI_ACCESS_TOKEN)" : "token_file",
          s.message());
    }
    config->service_token = std::move(token);
  }
  if (absl::Status s = ValidateTenantFlags(config); !s.ok()) return s;

  if (config->default_timeout <= absl::ZeroDuration()) {
    return FlagError("default_timeout", "must be positive");
  }
  if (config->upstream_connect_timeout <= absl::ZeroDuration()) {
    return FlagError("upstream_connect_timeout", "must be positive");
  }
  if (!config->upstream_ca_file.empty() && !std::ifstream(config->upstream_ca_file)) {
    return FlagError("upstream_ca_file", absl::StrCat("cannot read ", config->upstream_ca_file));
  }
  if (config->upstream_http2_prior_knowledge && absl::StartsWith(config->upstream, "https://")) {
    return FlagError("upstream_http2_prior_knowledge", "only applies to http:// upstreams");
  }
  // libcurl before 8.0.0 breaks reused h2c connections ("Error in the HTTP2 framing layer").
  if (config->upstream_http2_prior_knowledge &&
      curl_version_info(CURLVERSION_NOW)->version_num < 0x080000) {
    return FlagError("upstream_http2_prior_knowledge",
                     absl::StrCat("needs libcurl 8.0.0 or newer (this one is ",
                                  curl_version_info(CURLVERSION_NOW)->version,
                                  "); use an https upstream for HTTP/2"));
  }
  if (config->upstream_max_connections < 1 || config->upstream_max_connections > 100000) {
    return FlagError("upstream_max_connections", "must be between 1 and 100000");
  }
  if (config->upstream_max_http2_connections < 1 ||
      config->upstream_max_http2_connections > config->upstream_max_connections) {
    return FlagError("upstream_max_http2_connections",
                     "must be between 1 and --upstream_max_connections");
  }
  if (config->max_request_bytes < 1024 || config->max_request_bytes > (1 << 30)) {
    return FlagError("max_request_bytes", "must be between 1 KiB and 1 GiB");
  }
  if (config->max_response_bytes < 1024 || config->max_response_bytes > (int64_t{1} << 32)) {
    return FlagError("max_response_bytes", "must be between 1 KiB and 4 GiB");
  }
  if (config->max_buffered_response_bytes < config->max_response_bytes ||
      config->max_buffered_response_bytes > (int64_t{1} << 40)) {
    return FlagError("max_buffered_response_bytes",
                     "must be at least --max_response_bytes (one answer must fit) and at most "
                     "1 TiB");
  }
  if (config->retry.max_attempts < 1 || config->retry.max_attempts > 10) {
    return FlagError("retry_max_attempts", "must be between 1 and 10");
  }
  if (config->retry.initial_backoff <= absl::ZeroDuration() ||
      config->retry.max_backoff < config->retry.initial_backoff) {
    return FlagError("retry_initial_backoff", "must be positive and not above --retry_max_backoff");
  }
  if (config->retry.budget_ratio < 0 || config->retry.budget_ratio > 1) {
    return FlagError("retry_budget_ratio", "must be between 0 and 1");
  }
  if (config->breaker.failure_threshold < 0) {
    return FlagError("breaker_failure_threshold", "must not be negative (0 disables)");
  }
  if (config->breaker.open_duration <= absl::ZeroDuration()) {
    return FlagError("breaker_open_duration", "must be positive");
  }
  if (config->rate_limit.requests_per_second < 0) {
    return FlagError("upstream_rate_limit", "must not be negative (0 disables)");
  }
  if (config->rate_limit.burst < 1) return FlagError("upstream_rate_burst", "must be at least 1");
  if (!(config->throttle.requests_per_second >= 0)) {
    return FlagError("identity_rate_limit", "must not be negative (0 disables)");
  }
  if (!(config->throttle.burst >= 1)) return FlagError("identity_burst", "must be at least 1");
  if (!(config->throttle.bulk_share > 0 && config->throttle.bulk_share <= 1)) {
    return FlagError("bulk_share", "must be above 0 and at most 1");
  }
  if (config->throttle.default_pause < absl::ZeroDuration()) {
    return FlagError("throttle_default_pause", "must not be negative (0: no pause)");
  }
  if (config->throttle.max_pause < absl::ZeroDuration()) {
    return FlagError("throttle_max_pause", "must not be negative (0: 429s never pause)");
  }
  if (config->throttle.max_queued < 1) {
    return FlagError("identity_max_queued", "must be at least 1");
  }
  config->cache = ResponseCacheOptions{};
  if (absl::Status s = ParseCacheTtl(config->cache_ttl, &config->cache); !s.ok()) return s;
  if (config->cache_max_bytes < (int64_t{64} << 10) ||
      config->cache_max_bytes > (int64_t{16} << 30)) {
    return FlagError("cache_max_bytes", "must be between 64 KiB and 16 GiB");
  }
  config->cache.max_bytes = config->cache_max_bytes;
  if (config->watch_poll_interval < absl::Milliseconds(10)) {
    return FlagError("watch_poll_interval", "must be at least 10ms");
  }
  if (config->watch_max_interval < config->watch_poll_interval) {
    return FlagError("watch_max_interval", "must not be below --watch_poll_interval");
  }
  if (config->max_in_flight < 1) return FlagError("max_in_flight", "must be at least 1");
  if (config->batch_parallelism < 1 || config->batch_parallelism > 256) {
    return FlagError("batch_parallelism", "must be between 1 and 256");
  }
  if (config->shutdown_grace < absl::ZeroDuration()) {
    return FlagError("shutdown_grace", "must not be negative");
  }
  if (config->drain_delay < absl::ZeroDuration()) {
    return FlagError("drain_delay", "must not be negative");
  }
  if (config->tls_cert_file.empty() != config->tls_key_file.empty()) {
    return FlagError(config->tls_cert_file.empty() ? "tls_cert_file" : "tls_key_file",
                     "--tls_cert_file and --tls_key_file go together");
  }
  if (!config->tls_client_ca_file.empty() && config->tls_cert_file.empty()) {
    return FlagError("tls_client_ca_file", "mutual TLS needs --tls_cert_file and --tls_key_file");
  }
  for (auto [flag, path, pem] :
       {std::make_tuple("tls_cert_file", &config->tls_cert_file, &config->tls_cert_pem),
        std::make_tuple("tls_key_file", &config->tls_key_file, &config->tls_key_pem),
        std::make_tuple("tls_client_ca_file", &config->tls_client_ca_file,
                        &config->tls_client_ca_pem)}) {
    if (path->empty()) continue;
    absl::StatusOr<std::string> text = ReadFlagFile(flag, *path);
    if (!text.ok()) return text.status();
    if (text->find("-----BEGIN") == std::string::npos) {
      return FlagError(flag, absl::StrCat(*path, " is not a PEM file"));
    }
    *pem = *std::move(text);
  }
  return ValidateQuotaStore(config);
}

absl::Status ValidateCacheRoutes(const GatewayConfig& config,
                                 const absl::flat_hash_set<std::string>& read_routes) {
  std::vector<std::string> routes;
  for (const auto& [route, ttl] : config.cache.ttl_by_route) routes.push_back(route);
  std::sort(routes.begin(), routes.end());
  for (const std::string& route : routes) {
    if (!read_routes.contains(route)) {
      return FlagError("cache_ttl", absl::StrCat("\"", route,
                                                 "\" is not an RPC the gateway sends as GET "
                                                 "(only reads are cached)"));
    }
  }
  return absl::OkStatus();
}

}  // namespace pulumi_gateway
