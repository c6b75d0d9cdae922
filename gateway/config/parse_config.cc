#include "gateway/config/parse_config.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>
#include <tuple>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "gateway/config/parse_areas.h"

namespace pulumi_gateway {
namespace config_internal {
namespace {

absl::Status CheckHostPort(absl::string_view flag, absl::string_view value) {
  const size_t colon = value.rfind(':');
  int port = -1;
  if (colon == absl::string_view::npos || colon == 0 ||
      !absl::SimpleAtoi(value.substr(colon + 1), &port) || port < 0 || port > 65535) {
    return FlagError(flag, absl::StrCat("\"", value, "\" is not host:port (port 0-65535)"));
  }
  return absl::OkStatus();
}

}  // namespace

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

absl::Status ParseListener(const FlagValues& flags, GatewayServerOptions* server) {
  if (absl::Status s = CheckHostPort("listen", flags.listen); !s.ok()) return s;
  server->listen = flags.listen;
  if (flags.max_request_bytes < 1024 || flags.max_request_bytes > (1 << 30)) {
    return FlagError("max_request_bytes", "must be between 1 KiB and 1 GiB");
  }
  server->max_request_bytes = static_cast<int>(flags.max_request_bytes);
  if (flags.tls_cert_file.empty() != flags.tls_key_file.empty()) {
    return FlagError(flags.tls_cert_file.empty() ? "tls_cert_file" : "tls_key_file",
                     "--tls_cert_file and --tls_key_file go together");
  }
  if (!flags.tls_client_ca_file.empty() && flags.tls_cert_file.empty()) {
    return FlagError("tls_client_ca_file", "mutual TLS needs --tls_cert_file and --tls_key_file");
  }
  for (auto [flag, path, pem] :
       {std::make_tuple("tls_cert_file", &flags.tls_cert_file, &server->tls.cert_pem),
        std::make_tuple("tls_key_file", &flags.tls_key_file, &server->tls.key_pem),
        std::make_tuple("tls_client_ca_file", &flags.tls_client_ca_file,
                        &server->tls.client_ca_pem)}) {
    if (path->empty()) continue;
    absl::StatusOr<std::string> text = ReadFlagFile(flag, *path);
    if (!text.ok()) return text.status();
    if (text->find("-----BEGIN") == std::string::npos) {
      return FlagError(flag, absl::StrCat(*path, " is not a PEM file"));
    }
    *pem = *std::move(text);
  }
  return absl::OkStatus();
}

absl::Status ParseObservability(const FlagValues& flags, GatewayConfig* config) {
  if (!flags.metrics_listen.empty()) {
    if (absl::Status s = CheckHostPort("metrics_listen", flags.metrics_listen); !s.ok()) return s;
  }
  config->metrics_listen = flags.metrics_listen;
  absl::StatusOr<LogLevel> level = ParseLogLevel(flags.log_level);
  if (!level.ok()) return FlagError("log_level", level.status().message());
  config->log_level = *level;
  absl::StatusOr<MemoryFit> fit = ParseMemoryFit(flags.memory_fit);
  if (!fit.ok()) return FlagError("memory_fit", fit.status().message());
  config->memory_fit = *fit;
  return absl::OkStatus();
}

absl::Status ParseCalls(const FlagValues& flags, CallOptions* calls) {
  if (flags.api_version < 1 || flags.api_version > 99) {
    return FlagError("api_version", "must be between 1 and 99");
  }
  calls->api_version = flags.api_version;
  if (flags.default_timeout <= absl::ZeroDuration()) {
    return FlagError("default_timeout", "must be positive");
  }
  calls->default_timeout = flags.default_timeout;
  if (flags.watch_poll_interval < absl::Milliseconds(10)) {
    return FlagError("watch_poll_interval", "must be at least 10ms");
  }
  if (flags.watch_max_interval < flags.watch_poll_interval) {
    return FlagError("watch_max_interval", "must not be below --watch_poll_interval");
  }
  calls->watch_poll_interval = flags.watch_poll_interval;
  calls->watch_max_interval = flags.watch_max_interval;
  if (flags.max_in_flight < 1) return FlagError("max_in_flight", "must be at least 1");
  calls->max_in_flight = flags.max_in_flight;
  if (flags.batch_parallelism < 1 || flags.batch_parallelism > 256) {
    return FlagError("batch_parallelism", "must be between 1 and 256");
  }
  calls->batch_parallelism = flags.batch_parallelism;
  return absl::OkStatus();
}

absl::Status ParseDrain(const FlagValues& flags, DrainOptions* drain) {
  if (flags.shutdown_grace < absl::ZeroDuration()) {
    return FlagError("shutdown_grace", "must not be negative");
  }
  if (flags.drain_delay < absl::ZeroDuration()) {
    return FlagError("drain_delay", "must not be negative");
  }
  drain->grace = flags.shutdown_grace;
  drain->delay = flags.drain_delay;
  return absl::OkStatus();
}

}  // namespace config_internal

absl::StatusOr<GatewayConfig> ParseConfig(const FlagValues& flags) {
  GatewayConfig config;
  // Area after area; the first bad value stops the parse.
  const std::function<absl::Status()> areas[] = {
      [&] { return config_internal::ParseListener(flags, &config.server); },
      [&] { return config_internal::ParseObservability(flags, &config); },
      [&] {
        return config_internal::ParseUpstream(flags, &config.upstream, &config.upstream_host,
                                              &config.upstream_proxy_variable,
                                              &config.max_buffered_response_bytes);
      },
      [&] { return config_internal::ParseCalls(flags, &config.calls); },
      [&] { return config_internal::ParseAuth(flags, &config); },
      [&] { return config_internal::ParseStack(flags, &config.stack); },
      [&] { return config_internal::ParseQuotaStore(flags, &config.quota_store); },
      [&] { return config_internal::ParseDrain(flags, &config.drain); },
  };
  for (const auto& parse : areas) {
    if (absl::Status status = parse(); !status.ok()) return status;
  }
  return config;
}

absl::Status ValidateCacheRoutes(const ResponseCacheOptions& cache,
                                 const absl::flat_hash_set<std::string>& read_routes) {
  std::vector<std::string> routes;
  for (const auto& [route, ttl] : cache.ttl_by_route) routes.push_back(route);
  std::sort(routes.begin(), routes.end());
  for (const std::string& route : routes) {
    if (!read_routes.contains(route)) {
      return config_internal::FlagError(
          "cache_ttl",
          absl::StrCat("\"", route,
                       "\" is not an RPC the gateway sends as GET (only reads are cached)"));
    }
  }
  return absl::OkStatus();
}

}  // namespace pulumi_gateway
