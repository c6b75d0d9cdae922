// The gRPC server of the gateway: every routed method of the given services, plus
// grpc.health.v1 and server reflection (v1 and v1alpha, see reflection_service.h), on one
// listening address. Every service is on gRPC's callback API: no thread per call or stream.
//
//   GatewayServerOptions options;
//   options.listen = "127.0.0.1:0";
//   absl::StatusOr<std::unique_ptr<GatewayServer>> server =
//       GatewayServer::Start(options, &routes, env);
//   std::cerr << "listening on " << (*server)->address();
//   (*server)->Shutdown(absl::Seconds(20));
#ifndef GATEWAY_SERVER_GATEWAY_SERVER_H_
#define GATEWAY_SERVER_GATEWAY_SERVER_H_

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "gateway/observability/metric_sink.h"
#include "gateway/route/route_table.h"
#include "gateway/server/call_environment.h"
#include "gateway/server/reflection_service.h"
#include "gateway/server/routed_service.h"
#include "gateway/server/update_watch.h"
#include "grpcpp/grpcpp.h"

namespace pulumi_gateway {

// TLS for the gRPC listener, as PEM text. Default (all empty): plaintext.
struct ListenerTls {
  // Certificate chain and private key; both or neither.
  std::string cert_pem;
  std::string key_pem;
  // CA bundle: when set, callers must present a client certificate it signed (mutual TLS).
  std::string client_ca_pem;

  bool enabled() const { return !cert_pem.empty(); }
};

struct GatewayServerOptions {
  // host:port to listen on; port 0 picks a free port. Default "127.0.0.1:0".
  std::string listen = "127.0.0.1:0";
  // Default: plaintext.
  ListenerTls tls;
  // Largest request message accepted; larger ones fail with RESOURCE_EXHAUSTED. Default 4 MiB.
  int max_request_bytes = 4 << 20;
  // Largest response message sent. Default 256 MiB.
  int max_response_bytes = 256 << 20;
};

class GatewayServer final {
 public:
  // Registers the services of `routes` and starts listening. `routes` and the pointers in `env`
  // must outlive the server. UNAVAILABLE when the address cannot be bound.
  static absl::StatusOr<std::unique_ptr<GatewayServer>> Start(const GatewayServerOptions& options,
                                                              const RouteTable* routes,
                                                              CallEnvironment env);
  ~GatewayServer();

  // The bound port and "host:port" (with the real port when 0 was asked for).
  int port() const { return port_; }
  const std::string& address() const { return address_; }

  // Calls currently in flight.
  int in_flight() const { return in_flight_.load(); }
  // Update watches (shared poll loops) running.
  int watches() const { return watches_.size(); }

  // pulumi_gateway_in_flight_calls and its limit, pulumi_gateway_max_in_flight_calls.
  void ExportMetrics(MetricSink& sink) const;

  // Health (grpc.health.v1, overall and per service) SERVING or NOT_SERVING.
  void SetServing(bool serving);

  // Stops accepting calls, lets in-flight calls finish for up to `grace`, then cancels the rest.
  void Shutdown(absl::Duration grace);

 private:
  GatewayServer() = default;

  std::atomic<int> in_flight_{0};
  CallEnvironment env_;
  UpdateWatchHub watches_;
  std::vector<std::unique_ptr<RoutedService>> services_;
  std::vector<std::string> service_names_;
  std::unique_ptr<ReflectionServices> reflection_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
  std::string address_;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_SERVER_GATEWAY_SERVER_H_
