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
#include "gateway/fleet/redis_quota_store.h"
#include "gateway/host/cgroup.h"
#include "gateway/host/memory_fit.h"
#include "gateway/http/buffer_budget.h"
#include "gateway/http/memory_release.h"
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
// it. ~Parts takes them down in an order that lets nothing call into a part already gone.
struct GatewayApp::Parts {
  GatewayConfig config;
  std::unique_ptr<Logger> logger;
  TimerThread timers;
  std::unique_ptr<RouteTable> routes;
  GatewayMetrics metrics;
  // Every upstream answer byte held in the process, replies being sent and cached answers
  // included, counts against it.
  std::unique_ptr<BufferBudget> buffer_budget;
  std::unique_ptr<CurlClient> curl;
  // This replica's own (LocalQuotaStore), or the fleet's (then `fleet` is it too).
  std::unique_ptr<QuotaStore> quota;
  RedisQuotaStore* fleet = nullptr;
  std::unique_ptr<UpstreamStack> stack;
  std::unique_ptr<TenantTokens> tenants;
  Authenticator auth;
  std::unique_ptr<GatewayServer> server;
  std::unique_ptr<prometheus::Exposer> exposer;

  // Also when Start fails half-way.
  ~Parts();
};

namespace {

absl::StatusOr<std::unique_ptr<RouteTable>> BuildRoutes(
    const std::vector<const google::protobuf::ServiceDescriptor*>& extra_services) {
  std::vector<const google::protobuf::ServiceDescriptor*> services = LinkedServices(kServedPackage);
  if (services.empty()) {
    return absl::InternalError(
        absl::StrCat("no service of package ", kServedPackage, " is linked in"));
  }
  services.insert(services.end(), extra_services.begin(), extra_services.end());
  absl::StatusOr<RouteTable> routes = RouteTable::Build(services);
  if (!routes.ok()) {
    return absl::InternalError(absl::StrCat("invalid route: ", routes.status().message()));
  }
  return std::make_unique<RouteTable>(*std::move(routes));
}

// The fleet's shared store of --quota_store, or this replica's own. Credentials or a certificate
// the store refuses are configuration errors naming the flag; an unreachable store is an outage:
// the gateway starts on its fair share and shares once the store answers.
absl::Status StartQuotaStore(GatewayApp::Parts& parts) {
  if (!parts.config.quota_store.has_value()) {
    parts.quota = std::make_unique<LocalQuotaStore>();
    return absl::OkStatus();
  }
  RedisQuotaStoreOptions options = *parts.config.quota_store;
  options.logger = parts.logger.get();
  // The throttle's pauses are on the timers' clock.
  options.clock = &parts.timers.clock();
  const absl::Status probe = RedisQuotaStore::Probe(options.connection);
  if (absl::IsPermissionDenied(probe)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--quota_store_password_file: ", probe.message()));
  }
  if (absl::IsFailedPrecondition(probe)) {
    return absl::InvalidArgumentError(absl::StrCat("--quota_store_ca_file: ", probe.message()));
  }
  absl::StatusOr<std::unique_ptr<RedisQuotaStore>> store = RedisQuotaStore::Create(options);
  if (!store.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("--quota_store: ", store.status().message()));
  }
  if (probe.ok()) (*store)->AwaitShared(options.connection.connect_timeout);
  parts.fleet = store->get();
  parts.quota = *std::move(store);
  return absl::OkStatus();
}

// The upstream layers over the transport; with a fleet's store, the cache's writes reach the
// other replicas' caches and theirs reach this one's.
void StartStack(GatewayApp::Parts& parts) {
  UpstreamStackOptions options = parts.config.stack;
  RedisQuotaStore* fleet = parts.fleet;
  if (fleet != nullptr) {
    options.cache.on_write = [fleet](const OrgScope& scope) { fleet->PublishWrite(scope); };
  }
  parts.stack = std::make_unique<UpstreamStack>(parts.curl.get(), &parts.timers, parts.quota.get(),
                                                &parts.metrics, options);
  if (fleet != nullptr && parts.stack->cache() != nullptr) {
    fleet->set_on_remote_write(
        [cache = parts.stack->cache()](const OrgScope& scope) { cache->Invalidate(scope); });
  }
}

// Loads the per-tenant tokens (re-read every --tenant_reload_interval) when configured.
absl::Status StartAuth(GatewayApp::Parts& parts) {
  const AuthOptions& auth = parts.config.auth;
  if (!auth.uses_tenants()) {
    if (auth.mode == AuthMode::kService) parts.auth = Authenticator(auth.service_token);
    return absl::OkStatus();
  }
  TenantTokensOptions options = auth.tenants;
  options.logger = parts.logger.get();
  absl::StatusOr<std::unique_ptr<TenantTokens>> loaded = TenantTokens::Load(options);
  if (!loaded.ok()) return loaded.status();
  parts.tenants = *std::move(loaded);
  parts.tenants->StartReloading();
  parts.logger->Log(
      LogLevel::kInfo, "tenant tokens loaded",
      {{"tenants", parts.tenants->tenant_count()},
       {"caller_identity", std::string(CallerIdentitySourceName(auth.caller_identity.source))},
       {"tenant_map", !auth.tenants.map_file.empty()}});
  parts.auth = Authenticator(auth.caller_identity, parts.tenants.get());
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

// The settings that bound the process's memory (gateway/host/memory_fit.h).
MemorySizing SizingOf(const GatewayConfig& config) {
  MemorySizing sizing;
  sizing.answer_budget = config.max_buffered_response_bytes;
  sizing.largest_answer = config.upstream.max_response_bytes;
  if (config.stack.cache.enabled()) {
    sizing.cache = static_cast<uint64_t>(config.stack.cache.max_bytes);
  }
  sizing.calls = static_cast<uint64_t>(config.calls.max_in_flight);
  return sizing;
}

// --memory_fit (`fit`): what `sizing` allows against the cgroup's memory limit `limit` (none:
// nothing to check). FAILED_PRECONDITION under "refuse"; a warning under "warn".
absl::Status CheckMemoryFit(MemoryFit fit, const MemorySizing& sizing,
                            std::optional<uint64_t> limit, Logger& logger) {
  if (fit == MemoryFit::kOff || !limit.has_value()) return absl::OkStatus();
  const std::string problem = MemoryFitProblem(sizing, *limit);
  if (problem.empty()) return absl::OkStatus();
  if (fit == MemoryFit::kRefuse) {
    return absl::FailedPreconditionError(
        absl::StrCat(problem, " (--memory_fit=refuse; --memory_fit=warn starts anyway)"));
  }
  logger.Log(LogLevel::kWarning, problem);
  return absl::OkStatus();
}

// --memory_fit's two sides as gauges, so an alert can catch a pod started under "warn" whose
// settings outgrow its limit; without a limit, no limit series.
void ExportMemoryFit(const MemorySizing& sizing, std::optional<uint64_t> limit, MetricSink& sink) {
  sink.AddGauge("pulumi_gateway_memory_peak_bytes",
                "The memory the settings let the gateway reach (--memory_fit's estimate).",
                [peak = sizing.Peak()] { return static_cast<double>(peak); });
  if (!limit.has_value()) return;
  sink.AddGauge("pulumi_gateway_memory_limit_bytes", "The memory limit of the gateway's cgroup.",
                [limit = *limit] { return static_cast<double>(limit); });
}

}  // namespace

GatewayApp::Parts::~Parts() {
  // Nothing scrapes the components any more; then no call is left: every call's cancellation
  // has fired, so no layer starts new work.
  exposer.reset();
  server.reset();
  // No timer fires any more; then transfers still in flight complete (through the layers, which
  // are still there) and the loop stops; then the fleet's invalidations stop reaching the cache
  // (waiting for one under way), then the layers, then what they use: the quota store (its I/O
  // threads stop), and last the budget that the cache's answers still held.
  timers.Stop();
  curl.reset();
  if (fleet != nullptr) fleet->set_on_remote_write(nullptr);
  stack.reset();
  quota.reset();
  tenants.reset();
  buffer_budget.reset();
}

absl::StatusOr<std::unique_ptr<GatewayApp>> GatewayApp::Start(const GatewayConfig& config,
                                                              GatewayAppEnvironment environment) {
  auto parts = std::make_unique<Parts>();
  parts->config = config;
  parts->logger = std::make_unique<Logger>(config.log_level, environment.log);
  Logger& logger = *parts->logger;
  for (const std::string& warning : config.warnings) logger.Log(LogLevel::kWarning, warning);
  const MemorySizing memory = SizingOf(config);
  const std::optional<uint64_t> memory_limit = ReadCgroupMemoryLimit("");
  if (absl::Status s = CheckMemoryFit(config.memory_fit, memory, memory_limit, logger); !s.ok()) {
    return s;
  }

  absl::StatusOr<std::unique_ptr<RouteTable>> routes = BuildRoutes(environment.extra_services);
  if (!routes.ok()) return routes.status();
  parts->routes = *std::move(routes);
  absl::flat_hash_set<std::string> read_routes;
  for (const auto& route : parts->routes->routes()) {
    if (route->http_method == "GET") read_routes.insert(route->method->name());
  }
  if (absl::Status s = ValidateCacheRoutes(config.stack.cache, read_routes); !s.ok()) return s;
  for (const auto& route : parts->routes->routes()) parts->metrics.AddRoute(route->method);
  for (const auto& stream : parts->routes->stream_routes()) parts->metrics.AddRoute(stream->method);
  for (const auto& composite : parts->routes->composite_routes()) {
    parts->metrics.AddRoute(composite->method);
  }

  parts->buffer_budget = std::make_unique<BufferBudget>(config.max_buffered_response_bytes);
  CurlClientOptions upstream = config.upstream;
  upstream.budget = parts->buffer_budget.get();
  upstream.clock = &parts->timers.clock();
  absl::StatusOr<std::unique_ptr<CurlClient>> curl = CurlClient::Create(upstream);
  if (!curl.ok()) return curl.status();
  parts->curl = *std::move(curl);
  if (config.upstream.insecure_skip_verify) {
    logger.Log(LogLevel::kWarning,
               "upstream TLS verification is OFF (--upstream_insecure_skip_verify): anyone on "
               "the network path can read and change traffic, including tokens");
  }
  if (absl::Status s = StartQuotaStore(*parts); !s.ok()) return s;
  StartStack(*parts);
  if (absl::Status s = StartAuth(*parts); !s.ok()) return s;

  CallEnvironment env;
  env.upstream = parts->stack->top();
  env.metrics = &parts->metrics;
  env.auth = &parts->auth;
  env.logger = &logger;
  env.options = config.calls;
  env.accept = absl::StrCat("application/vnd.pulumi+", config.calls.api_version);
  env.user_agent = absl::StrCat(kProductName, "/", kVersion);
  env.error_domain = config.upstream_host;
  env.timers = &parts->timers;
  absl::StatusOr<std::unique_ptr<GatewayServer>> server =
      GatewayServer::Start(config.server, parts->routes.get(), env);
  if (!server.ok()) return server.status();
  parts->server = *std::move(server);

  parts->server->ExportMetrics(parts->metrics);
  parts->stack->ExportMetrics(parts->metrics);
  if (parts->tenants != nullptr) parts->tenants->ExportMetrics(parts->metrics);
  ExportCurlMetrics(*parts->curl, parts->metrics);
  parts->buffer_budget->ExportMetrics(parts->metrics);
  ExportMemoryFit(memory, memory_limit, parts->metrics);
  if (parts->fleet != nullptr) parts->fleet->ExportMetrics(parts->metrics);
  std::string metrics_address;
  if (absl::Status s = StartMetrics(*parts, &metrics_address); !s.ok()) return s;

  logger.Log(
      LogLevel::kInfo, "started",
      {{"version", kVersion},
       {"allocator", AllocatorName()},
       {"listen", parts->server->address()},
       {"upstream", config.upstream.base_url},
       {"upstream_loops", parts->curl->loops()},
       {"memory_limit",
        memory_limit.has_value() ? nlohmann::json(*memory_limit) : nlohmann::json("none")},
       {"memory_peak", memory.Peak()},
       {"upstream_proxy", config.upstream_proxy_variable.empty() ? std::string("none")
                                                                 : config.upstream_proxy_variable},
       {"auth_mode", std::string(AuthModeName(config.auth.mode))},
       {"quota_store", config.quota_store.has_value()
                           ? config.quota_store->connection.endpoint.ToString()
                           : std::string("local")},
       {"routes", parts->routes->routes().size()},
       {"streams", parts->routes->stream_routes().size()}});
  std::unique_ptr<GatewayApp> app(new GatewayApp(std::move(parts)));
  app->metrics_address_ = std::move(metrics_address);
  return app;
}

GatewayApp::GatewayApp(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}

GatewayApp::~GatewayApp() = default;

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
                       {"drain_delay_seconds", absl::ToDoubleSeconds(config.drain.delay)},
                       {"grace_seconds", absl::ToDoubleSeconds(config.drain.grace)}});
  server.SetServing(false);
  // Load balancers notice NOT_SERVING while calls are still accepted.
  absl::SleepFor(config.drain.delay);
  server.Shutdown(config.drain.grace);
  parts_->logger->Log(LogLevel::kInfo, "stopped", {{"in_flight", server.in_flight()}});
}

}  // namespace pulumi_gateway
