#include "gateway/app/gateway_app.h"

#include <exception>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gateway/auth/authenticator.h"
#include "gateway/auth/tenant_tokens.h"
#include "gateway/clock/timer_thread.h"
#include "gateway/observability/metrics.h"
#include "gateway/route/linked_services.h"
#include "gateway/route/route_table.h"
#include "gateway/server/gateway_server.h"
#include "gateway/upstream/curl_client.h"
#include "gateway/upstream/curl_metrics.h"
#include "gateway/upstream/quota_store.h"
#include "gateway/upstream/upstream_stack.h"
#include "gateway/version.h"
#include "prometheus/exposer.h"

namespace pulumi_gateway {

// Everything a running gateway owns, in the order it is built: each part may use the ones before
// it. ~GatewayApp takes them down in an order that lets nothing call into a part already gone.
struct GatewayApp::Parts {
  GatewayConfig config;
  std::unique_ptr<Logger> logger;
  TimerThread timers;
  std::unique_ptr<RouteTable> routes;
  GatewayMetrics metrics;
  LocalQuotaStore quota;
  std::unique_ptr<UpstreamStack> stack;
  std::unique_ptr<CurlClient> curl;
  std::unique_ptr<TenantTokens> tenants;
  Authenticator auth;
  std::unique_ptr<GatewayServer> server;
  std::unique_ptr<prometheus::Exposer> exposer;
};

namespace {

absl::StatusOr<std::unique_ptr<RouteTable>> BuildRoutes() {
  std::vector<const google::protobuf::ServiceDescriptor*> services =
      LinkedServices(kServedPackage);
  if (services.empty()) {
    return absl::InternalError(
        absl::StrCat("no service of package ", kServedPackage, " is linked in"));
  }
  absl::StatusOr<RouteTable> routes = RouteTable::Build(services);
  if (!routes.ok()) {
    return absl::InternalError(absl::StrCat("invalid route: ", routes.status().message()));
  }
  return std::make_unique<RouteTable>(*std::move(routes));
}

CurlClientOptions TransportOptions(const GatewayConfig& config) {
  CurlClientOptions options;
  options.base_url = config.upstream;
  options.ca_file = config.upstream_ca_file;
  options.insecure_skip_verify = config.upstream_insecure_skip_verify;
  options.http2_prior_knowledge = config.upstream_http2_prior_knowledge;
  options.max_connections = config.upstream_max_connections;
  options.max_http2_connections = config.upstream_max_http2_connections;
  options.max_response_bytes = static_cast<size_t>(config.max_response_bytes);
  options.connect_timeout = config.upstream_connect_timeout;
  return options;
}

UpstreamStackOptions StackOptions(const GatewayConfig& config) {
  UpstreamStackOptions options;
  options.retry = config.retry;
  options.breaker = config.breaker;
  options.rate_limit = config.rate_limit;
  options.throttle = config.throttle;
  options.coalesce_reads = config.coalesce_reads;
  options.cache = config.cache;
  return options;
}

GatewayServerOptions ServerOptions(const GatewayConfig& config) {
  GatewayServerOptions options;
  options.listen = config.listen;
  options.max_request_bytes = static_cast<int>(config.max_request_bytes);
  if (!config.tls_cert_pem.empty()) {
    grpc::SslServerCredentialsOptions tls(
        config.tls_client_ca_pem.empty()
            ? GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE
            : GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
    tls.pem_root_certs = config.tls_client_ca_pem;
    tls.pem_key_cert_pairs.push_back({config.tls_key_pem, config.tls_cert_pem});
    options.credentials = grpc::SslServerCredentials(tls);
  }
  return options;
}

// Loads the per-tenant tokens (re-read every --tenant_reload_interval) when configured.
absl::Status StartAuth(GatewayApp::Parts& parts) {
  const GatewayConfig& config = parts.config;
  if (config.tenant_tokens_dir.empty()) {
    if (config.parsed_auth_mode == AuthMode::kService) parts.auth = Authenticator(config.service_token);
    return absl::OkStatus();
  }
  TenantTokensOptions options;
  options.tokens_dir = config.tenant_tokens_dir;
  options.map_file = config.tenant_map;
  options.reload_interval = config.tenant_reload_interval;
  options.logger = parts.logger.get();
  absl::StatusOr<std::unique_ptr<TenantTokens>> loaded = TenantTokens::Load(options);
  if (!loaded.ok()) return loaded.status();
  parts.tenants = *std::move(loaded);
  parts.tenants->StartReloading();
  if (!config.token_file.empty()) {
    parts.logger->Log(LogLevel::kWarning, "--token_file is not used with --tenant_tokens_dir");
  }
  parts.logger->Log(LogLevel::kInfo, "tenant tokens loaded",
                    {{"tenants", parts.tenants->tenant_count()},
                     {"caller_identity", config.caller_identity},
                     {"tenant_map", !config.tenant_map.empty()}});
  parts.auth = Authenticator(config.parsed_caller_identity, parts.tenants.get());
  return absl::OkStatus();
}

absl::Status StartMetrics(GatewayApp::Parts& parts, std::string* address) {
  const std::string& listen = parts.config.metrics_listen;
  if (listen.empty()) return absl::OkStatus();
  try {
    // One civetweb worker: scrapes are rare, and threads count against the gateway's budget.
    parts.exposer = std::make_unique<prometheus::Exposer>(listen, /*num_threads=*/1);
  } catch (const std::exception& e) {
    return absl::UnavailableError(
        absl::StrCat("--metrics_listen: cannot listen on ", listen, ": ", e.what()));
  }
  parts.exposer->RegisterCollectable(parts.metrics.registry());
  parts.exposer->RegisterCollectable(parts.metrics.callbacks());
  *address = absl::StrCat(listen.substr(0, listen.rfind(':')), ":",
                          parts.exposer->GetListeningPorts().front());
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::unique_ptr<GatewayApp>> GatewayApp::Start(const GatewayConfig& config,
                                                               GatewayAppEnvironment environment) {
  auto parts = std::make_unique<Parts>();
  parts->config = config;
  parts->logger = std::make_unique<Logger>(config.parsed_log_level, environment.log);
  Logger& logger = *parts->logger;

  absl::StatusOr<std::unique_ptr<RouteTable>> routes = BuildRoutes();
  if (!routes.ok()) return routes.status();
  parts->routes = *std::move(routes);
  absl::flat_hash_set<std::string> read_routes;
  for (const auto& route : parts->routes->routes()) {
    if (route->http_method == "GET") read_routes.insert(route->method->name());
  }
  if (absl::Status s = ValidateCacheRoutes(config, read_routes); !s.ok()) return s;
  for (const auto& route : parts->routes->routes()) parts->metrics.AddRoute(route->method);
  for (const auto& stream : parts->routes->stream_routes()) parts->metrics.AddRoute(stream->method);
  for (const auto& composite : parts->routes->composite_routes()) {
    parts->metrics.AddRoute(composite->method);
  }

  absl::StatusOr<std::unique_ptr<CurlClient>> curl = CurlClient::Create(TransportOptions(config));
  if (!curl.ok()) return curl.status();
  parts->curl = *std::move(curl);
  if (config.upstream_insecure_skip_verify) {
    logger.Log(LogLevel::kWarning,
               "upstream TLS verification is OFF (--upstream_insecure_skip_verify): anyone on "
               "the network path can read and change traffic, including tokens");
  }
  parts->stack = std::make_unique<UpstreamStack>(parts->curl.get(), &parts->timers, &parts->quota,
                                                 &parts->metrics, StackOptions(config));
  if (absl::Status s = StartAuth(*parts); !s.ok()) return s;

  CallEnvironment env;
  env.upstream = parts->stack->top();
  env.metrics = &parts->metrics;
  env.auth = &parts->auth;
  env.logger = &logger;
  env.accept = absl::StrCat("application/vnd.pulumi+", config.api_version);
  env.user_agent = absl::StrCat(kProductName, "/", kVersion);
  env.error_domain = config.upstream_host;
  env.default_timeout = config.default_timeout;
  env.max_in_flight = config.max_in_flight;
  env.batch_parallelism = config.batch_parallelism;
  env.timers = &parts->timers;
  env.watch_poll_interval = config.watch_poll_interval;
  env.watch_max_interval = config.watch_max_interval;
  absl::StatusOr<std::unique_ptr<GatewayServer>> server =
      GatewayServer::Start(ServerOptions(config), parts->routes.get(), env);
  if (!server.ok()) return server.status();
  parts->server = *std::move(server);

  parts->server->ExportMetrics(parts->metrics);
  parts->stack->ExportMetrics(parts->metrics);
  if (parts->tenants != nullptr) parts->tenants->ExportMetrics(parts->metrics);
  ExportCurlMetrics(*parts->curl, parts->metrics);
  std::string metrics_address;
  if (absl::Status s = StartMetrics(*parts, &metrics_address); !s.ok()) return s;

  logger.Log(LogLevel::kInfo, "started",
             {{"version", kVersion},
              {"listen", parts->server->address()},
              {"upstream", config.upstream},
              {"auth_mode", config.auth_mode},
              {"routes", parts->routes->routes().size()},
              {"streams", parts->routes->stream_routes().size()}});
  std::unique_ptr<GatewayApp> app(new GatewayApp(std::move(parts)));
  app->metrics_address_ = std::move(metrics_address);
  return app;
}

GatewayApp::GatewayApp(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}

GatewayApp::~GatewayApp() {
  Parts& parts = *parts_;
  // Nothing scrapes the components any more; then no call is left: every call's cancellation
  // has fired, so no layer starts new work.
  parts.exposer.reset();
  parts.server.reset();
  // No timer fires any more; then transfers still in flight complete (through the layers, which
  // are still there) and the loop stops; then the layers, then what they use.
  parts.timers.Stop();
  parts.curl.reset();
  parts.stack.reset();
  parts.tenants.reset();
}

const std::string& GatewayApp::address() const { return parts_->server->address(); }

int GatewayApp::in_flight() const { return parts_->server->in_flight(); }

Logger& GatewayApp::logger() { return *parts_->logger; }

void GatewayApp::Drain(absl::string_view reason) {
  if (drained_) return;
  drained_ = true;
  const GatewayConfig& config = parts_->config;
  GatewayServer& server = *parts_->server;
  parts_->logger->Log(LogLevel::kInfo, "draining",
                      {{"signal", std::string(reason)},
                       {"in_flight", server.in_flight()},
                       {"drain_delay_seconds", absl::ToDoubleSeconds(config.drain_delay)},
                       {"grace_seconds", absl::ToDoubleSeconds(config.shutdown_grace)}});
  server.SetServing(false);
  // Load balancers notice NOT_SERVING while calls are still accepted.
  absl::SleepFor(config.drain_delay);
  server.Shutdown(config.shutdown_grace);
  parts_->logger->Log(LogLevel::kInfo, "stopped", {{"in_flight", server.in_flight()}});
}

}  // namespace pulumi_gateway
