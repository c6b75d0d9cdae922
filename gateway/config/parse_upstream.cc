// The upstream's areas: the transport (--upstream*, --max_response_bytes, the buffer budget's
// --max_buffered_response_bytes, the proxy of the environment) and the layers of the stack
// (retries, breaker, rate limits, per-token throttle, coalescing, cache).
#include <curl/curl.h>

#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gateway/config/parse_areas.h"
#include "gateway/config/parse_config.h"

namespace pulumi_gateway {
namespace config_internal {
namespace {

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

// The first of `names` among the environment's proxy variables (set and not empty), or null.
const std::pair<const std::string, std::string>* FirstSet(
    const FlagValues& flags, std::initializer_list<absl::string_view> names) {
  for (absl::string_view name : names) {
    auto set = flags.env_proxy.find(std::string(name));
    if (set != flags.env_proxy.end()) return &*set;
  }
  return nullptr;
}

// The upstream's proxy, picked from the environment's variables the way libcurl picks it for each
// request: <scheme>_proxy, then HTTPS_PROXY for https (never HTTP_PROXY, which a CGI request's
// "Proxy:" header can set), then all_proxy and ALL_PROXY; no_proxy, then NO_PROXY, lists the hosts
// reached directly. No message quotes a value: a proxy's URL may hold credentials.
absl::Status ParseProxy(const FlagValues& flags, CurlClientOptions* upstream,
                        std::string* variable) {
  const auto* proxy =
      absl::StartsWith(flags.upstream, "https://")
          ? FirstSet(flags, {"https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
          : FirstSet(flags, {"http_proxy", "all_proxy", "ALL_PROXY"});
  *variable = proxy != nullptr ? proxy->first : "";
  upstream->proxy = proxy != nullptr ? proxy->second : "";
  if (const size_t end = upstream->proxy.find("://"); end != std::string::npos) {
    // libcurl's proxy schemes ("socks" is SOCKS4).
    static constexpr absl::string_view kSchemes[] = {"http",    "https",  "socks",  "socks4",
                                                     "socks4a", "socks5", "socks5h"};
    const std::string scheme = absl::AsciiStrToLower(upstream->proxy.substr(0, end));
    if (std::find(std::begin(kSchemes), std::end(kSchemes), scheme) == std::end(kSchemes)) {
      return FlagError(absl::StrCat("upstream (", *variable, " in the environment)"),
                       "the proxy's scheme is not one of http://, https://, socks://, "
                       "socks4://, socks4a://, socks5:// or socks5h://");
    }
  }
  const auto* no_proxy = FirstSet(flags, {"no_proxy", "NO_PROXY"});
  upstream->no_proxy = no_proxy != nullptr ? no_proxy->second : "";
  return absl::OkStatus();
}

absl::Status ParseRetry(const FlagValues& flags, RetryOptions* retry) {
  if (flags.retry_max_attempts < 1 || flags.retry_max_attempts > 10) {
    return FlagError("retry_max_attempts", "must be between 1 and 10");
  }
  if (flags.retry_initial_backoff <= absl::ZeroDuration() ||
      flags.retry_max_backoff < flags.retry_initial_backoff) {
    return FlagError("retry_initial_backoff", "must be positive and not above --retry_max_backoff");
  }
  if (flags.retry_budget_ratio < 0 || flags.retry_budget_ratio > 1) {
    return FlagError("retry_budget_ratio", "must be between 0 and 1");
  }
  retry->max_attempts = flags.retry_max_attempts;
  retry->initial_backoff = flags.retry_initial_backoff;
  retry->max_backoff = flags.retry_max_backoff;
  retry->budget_ratio = flags.retry_budget_ratio;
  return absl::OkStatus();
}

absl::Status ParseBreaker(const FlagValues& flags, CircuitBreakerOptions* breaker) {
  if (flags.breaker_failure_threshold < 0) {
    return FlagError("breaker_failure_threshold", "must not be negative (0 disables)");
  }
  if (flags.breaker_open_duration <= absl::ZeroDuration()) {
    return FlagError("breaker_open_duration", "must be positive");
  }
  breaker->failure_threshold = flags.breaker_failure_threshold;
  breaker->open_duration = flags.breaker_open_duration;
  return absl::OkStatus();
}

absl::Status ParseOutboundRate(const FlagValues& flags, RateLimiterOptions* rate) {
  if (flags.upstream_rate_limit < 0) {
    return FlagError("upstream_rate_limit", "must not be negative (0 disables)");
  }
  if (flags.upstream_rate_burst < 1) return FlagError("upstream_rate_burst", "must be at least 1");
  rate->requests_per_second = flags.upstream_rate_limit;
  rate->burst = flags.upstream_rate_burst;
  return absl::OkStatus();
}

absl::Status ParseThrottle(const FlagValues& flags, IdentityThrottleOptions* throttle) {
  if (!(flags.identity_rate_limit >= 0)) {
    return FlagError("identity_rate_limit", "must not be negative (0 disables)");
  }
  if (!(flags.identity_burst >= 1)) return FlagError("identity_burst", "must be at least 1");
  if (!(flags.bulk_share > 0 && flags.bulk_share <= 1)) {
    return FlagError("bulk_share", "must be above 0 and at most 1");
  }
  if (flags.throttle_default_pause < absl::ZeroDuration()) {
    return FlagError("throttle_default_pause", "must not be negative (0: no pause)");
  }
  if (flags.throttle_max_pause < absl::ZeroDuration()) {
    return FlagError("throttle_max_pause", "must not be negative (0: 429s never pause)");
  }
  if (flags.identity_max_queued < 1) {
    return FlagError("identity_max_queued", "must be at least 1");
  }
  throttle->requests_per_second = flags.identity_rate_limit;
  throttle->burst = flags.identity_burst;
  throttle->bulk_share = flags.bulk_share;
  throttle->default_pause = flags.throttle_default_pause;
  throttle->max_pause = flags.throttle_max_pause;
  throttle->max_queued = flags.identity_max_queued;
  return absl::OkStatus();
}

absl::Status ParseCache(const FlagValues& flags, ResponseCacheOptions* cache) {
  *cache = ResponseCacheOptions{};
  if (absl::Status s = ParseCacheTtl(flags.cache_ttl, cache); !s.ok()) return s;
  if (flags.cache_max_bytes < (int64_t{64} << 10) || flags.cache_max_bytes > (int64_t{16} << 30)) {
    return FlagError("cache_max_bytes", "must be between 64 KiB and 16 GiB");
  }
  cache->max_bytes = flags.cache_max_bytes;
  return absl::OkStatus();
}

bool IsRpcName(absl::string_view name) {
  if (name.empty() || !absl::ascii_isalpha(static_cast<unsigned char>(name.front()))) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

}  // namespace

absl::Status ParseUpstream(const FlagValues& flags, CurlClientOptions* upstream,
                           std::string* upstream_host, std::string* upstream_proxy_variable,
                           size_t* max_buffered_response_bytes) {
  absl::StatusOr<std::string> host = UpstreamHost(flags.upstream);
  if (!host.ok()) return host.status();
  upstream->base_url = flags.upstream;
  *upstream_host = *std::move(host);
  if (absl::Status s = ParseProxy(flags, upstream, upstream_proxy_variable); !s.ok()) return s;
  if (flags.upstream_connect_timeout <= absl::ZeroDuration()) {
    return FlagError("upstream_connect_timeout", "must be positive");
  }
  upstream->connect_timeout = flags.upstream_connect_timeout;
  if (!flags.upstream_ca_file.empty()) {
    absl::StatusOr<std::string> readable = ReadFlagFile("upstream_ca_file", flags.upstream_ca_file);
    if (!readable.ok()) return readable.status();
  }
  upstream->ca_file = flags.upstream_ca_file;
  upstream->insecure_skip_verify = flags.upstream_insecure_skip_verify;
  if (flags.upstream_http2_prior_knowledge && absl::StartsWith(flags.upstream, "https://")) {
    return FlagError("upstream_http2_prior_knowledge", "only applies to http:// upstreams");
  }
  // libcurl before 8.0.0 breaks reused h2c connections ("Error in the HTTP2 framing layer").
  if (flags.upstream_http2_prior_knowledge &&
      curl_version_info(CURLVERSION_NOW)->version_num < 0x080000) {
    return FlagError("upstream_http2_prior_knowledge",
                     absl::StrCat("needs libcurl 8.0.0 or newer (this one is ",
                                  curl_version_info(CURLVERSION_NOW)->version,
                                  "); use an https upstream for HTTP/2"));
  }
  upstream->http2_prior_knowledge = flags.upstream_http2_prior_knowledge;
  if (flags.upstream_max_connections < 1 || flags.upstream_max_connections > 100000) {
    return FlagError("upstream_max_connections", "must be between 1 and 100000");
  }
  if (flags.upstream_max_http2_connections < 1 ||
      flags.upstream_max_http2_connections > flags.upstream_max_connections) {
    return FlagError("upstream_max_http2_connections",
                     "must be between 1 and --upstream_max_connections");
  }
  upstream->max_connections = flags.upstream_max_connections;
  upstream->max_http2_connections = flags.upstream_max_http2_connections;
  if (flags.upstream_loops < 0 || flags.upstream_loops > 256) {
    return FlagError("upstream_loops",
                     "must be between 0 (one per CPU the process can use) and 256");
  }
  upstream->loops = flags.upstream_loops;
  if (flags.upstream_inline_wait < absl::ZeroDuration() ||
      flags.upstream_inline_wait > absl::Milliseconds(100)) {
    return FlagError("upstream_inline_wait", "must be between 0 (never) and 100ms");
  }
  upstream->inline_wait = flags.upstream_inline_wait;
  if (flags.upstream_inline_spin < absl::ZeroDuration() ||
      flags.upstream_inline_spin > absl::Milliseconds(1)) {
    return FlagError("upstream_inline_spin", "must be between 0 (never) and 1ms");
  }
  upstream->inline_spin = flags.upstream_inline_spin;
  if (flags.max_response_bytes < 1024 || flags.max_response_bytes > (int64_t{1} << 32)) {
    return FlagError("max_response_bytes", "must be between 1 KiB and 4 GiB");
  }
  upstream->max_response_bytes = static_cast<size_t>(flags.max_response_bytes);
  if (flags.max_buffered_response_bytes < flags.max_response_bytes ||
      flags.max_buffered_response_bytes > (int64_t{1} << 40)) {
    return FlagError("max_buffered_response_bytes",
                     "must be at least --max_response_bytes (one answer must fit) and at most "
                     "1 TiB");
  }
  *max_buffered_response_bytes = static_cast<size_t>(flags.max_buffered_response_bytes);
  return absl::OkStatus();
}

absl::Status ParseStack(const FlagValues& flags, UpstreamStackOptions* stack) {
  if (absl::Status s = ParseRetry(flags, &stack->retry); !s.ok()) return s;
  if (absl::Status s = ParseBreaker(flags, &stack->breaker); !s.ok()) return s;
  if (absl::Status s = ParseOutboundRate(flags, &stack->rate_limit); !s.ok()) return s;
  if (absl::Status s = ParseThrottle(flags, &stack->throttle); !s.ok()) return s;
  stack->coalesce_reads = flags.coalesce_reads;
  return ParseCache(flags, &stack->cache);
}

}  // namespace config_internal

absl::Status ParseCacheTtl(absl::string_view value, ResponseCacheOptions* cache) {
  using config_internal::FlagError;
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
    if (route != "*" && !config_internal::IsRpcName(route)) {
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

std::string FormatCacheTtl(const ResponseCacheOptions& cache) {
  std::vector<std::string> items;
  for (const auto& [route, ttl] : cache.ttl_by_route) {
    items.push_back(absl::StrCat(route, "=", absl::FormatDuration(ttl)));
  }
  std::sort(items.begin(), items.end());
  if (cache.default_ttl > absl::ZeroDuration()) {
    items.push_back(absl::StrCat("*=", absl::FormatDuration(cache.default_ttl)));
  }
  return absl::StrJoin(items, ",");
}

}  // namespace pulumi_gateway
