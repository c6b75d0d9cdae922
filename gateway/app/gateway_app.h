// The whole gateway as a library: Start builds every component from a GatewayConfig — the routes
// of every linked-in pulumi.service.v1 service, the buffer budget, the curl transport, the quota
// store (this replica's own, or the fleet's on Redis) and the upstream stack, auth (per-tenant
// tokens reloading in the background), metrics — and serves gRPC and /metrics until Drain. The
// binary (gateway/main.cc) is flags, signals and this; tests start it in-process.
//
//   absl::StatusOr<std::unique_ptr<GatewayApp>> app = GatewayApp::Start(config);
//   if (!app.ok()) return Die(app.status().message());  // names the flag at fault, if any
//   std::cerr << "listening on " << (*app)->address() << "\n";
//   ...
//   (*app)->Drain("SIGTERM");  // NOT_SERVING, drain delay, grace for calls in flight
#ifndef GATEWAY_APP_GATEWAY_APP_H_
#define GATEWAY_APP_GATEWAY_APP_H_

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "gateway/config/config.h"
#include "gateway/observability/logger.h"
#include "google/protobuf/descriptor.h"

namespace pulumi_gateway {

// What the gateway takes from its surroundings besides the configuration.
struct GatewayAppEnvironment {
  // Where the JSON log lines go (not owned; must outlive the app). Default stderr.
  FILE* log = stderr;
  // Services served next to the linked-in pulumi.service.v1 ones, routed from their own
  // google.api.http annotations; their generated code must be linked in. The binary serves none;
  // tests serve test-only protos this way (e.g. the forms of gateway/route/testdata/forms.proto).
  std::vector<const google::protobuf::ServiceDescriptor*> extra_services;
};

class GatewayApp final {
 public:
  // Starts a gateway serving `config` (as ParseConfig returns it). Errors name the
  // flag at fault where there is one: INVALID_ARGUMENT for a configuration that the routes or the
  // upstream client reject (--cache_ttl naming a route that is not a read) or that the quota
  // store refuses (its credentials or certificate, naming --quota_store_password_file or
  // --quota_store_ca_file; an unreachable store is no error: the gateway starts on its fair
  // share), FAILED_PRECONDITION or INVALID_ARGUMENT when tenant tokens cannot be loaded,
  // UNAVAILABLE when an address cannot be bound, INTERNAL when a route does not compile or no
  // service is linked in.
  static absl::StatusOr<std::unique_ptr<GatewayApp>> Start(const GatewayConfig& config,
                                                           GatewayAppEnvironment environment = {});

  // Stops at once (Drain with no delay and no grace) unless drained already.
  ~GatewayApp();
  GatewayApp(const GatewayApp&) = delete;
  GatewayApp& operator=(const GatewayApp&) = delete;

  // "host:port" of the gRPC listener, with the real port when 0 was asked for.
  const std::string& address() const;
  // "host:port" of /metrics, or empty when metrics are off.
  const std::string& metrics_address() const { return metrics_address_; }
  // gRPC calls in flight.
  int in_flight() const;
  Logger& logger();

  // Graceful stop: health turns NOT_SERVING while calls are still accepted for the configured
  // drain delay, the listener closes, calls in flight get the shutdown grace to finish, the rest
  // are cancelled. `reason` (e.g. "SIGTERM") goes in the log. Blocks; call once.
  void Drain(absl::string_view reason);

  // Everything a running gateway owns (gateway_app.cc).
  struct Parts;

 private:
  explicit GatewayApp(std::unique_ptr<Parts> parts);

  std::unique_ptr<Parts> parts_;
  std::string metrics_address_;
  bool drained_ = false;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_APP_GATEWAY_APP_H_
