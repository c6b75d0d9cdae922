#include "gateway/server/gateway_server.h"

#include <optional>

#include "absl/strings/str_cat.h"
#include "gateway/call/inline_completion.h"
#include "gateway/clock/clock.h"
#include "gateway/server/composite.h"
#include "gateway/server/list_stream.h"
#include "gateway/server/reflection_service.h"
#include "gateway/server/unary_call.h"
#include "grpcpp/health_check_service_interface.h"

namespace pulumi_gateway {

absl::StatusOr<std::unique_ptr<GatewayServer>> GatewayServer::Start(
    const GatewayServerOptions& options, const RouteTable* routes, CallEnvironment env) {
  std::unique_ptr<GatewayServer> server(new GatewayServer());
  server->env_ = std::move(env);
  server->env_.in_flight = &server->in_flight_;

  grpc::EnableDefaultHealthCheckService(true);
  grpc::ServerBuilder builder;
  std::shared_ptr<grpc::ServerCredentials> credentials = grpc::InsecureServerCredentials();
  if (options.tls.enabled()) {
    grpc::SslServerCredentialsOptions tls(
        options.tls.client_ca_pem.empty()
            ? GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE
            : GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
    tls.pem_root_certs = options.tls.client_ca_pem;
    tls.pem_key_cert_pairs.push_back({options.tls.key_pem, options.tls.cert_pem});
    credentials = grpc::SslServerCredentials(tls);
  }
  builder.AddListeningPort(options.listen, credentials, &server->port_);
  builder.SetMaxReceiveMessageSize(options.max_request_bytes);
  builder.SetMaxSendMessageSize(options.max_response_bytes);

  const CallEnvironment* call_env = &server->env_;
  UpdateWatchHub* hub = &server->watches_;
  for (const google::protobuf::ServiceDescriptor* descriptor : routes->services()) {
    RoutedService::Handlers handlers;
    handlers.unary = [call_env](grpc::CallbackServerContext* context,
                                const grpc::ByteBuffer* request, grpc::ByteBuffer* response,
                                const Route& route) {
      // A quick answer may be handled on this thread when the handler is done (see the scope),
      // while no other call is in progress: a busy server's threads take new calls instead.
      std::optional<InlineCompletionScope> inline_completion;
      if (call_env->in_flight->load() == 0) {
        inline_completion.emplace();
      }
      return UnaryCall::Start(*call_env, context, request, response, route);
    };
    handlers.stream = [call_env, hub](
                          grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
                          const StreamRoute& route) -> grpc::ServerWriteReactor<grpc::ByteBuffer>* {
      if (route.follow) return WatchStream::Start(*call_env, hub, context, request, route);
      return ListStream::Start(*call_env, context, request, route);
    };
    handlers.composite = [call_env](grpc::CallbackServerContext* context,
                                    const grpc::ByteBuffer* request, grpc::ByteBuffer* response,
                                    const CompositeRoute& route) {
      return StartCompositeCall(*call_env, context, request, response, route);
    };
    handlers.composite_stream = [call_env](grpc::CallbackServerContext* context,
                                           const grpc::ByteBuffer* request,
                                           const CompositeRoute& route) {
      return StartCompositeStream(*call_env, context, request, route);
    };
    auto service = std::make_unique<RoutedService>(descriptor, *routes, std::move(handlers));
    builder.RegisterService(service.get());
    server->service_names_.push_back(descriptor->full_name());
    server->services_.push_back(std::move(service));
  }
  std::vector<std::string> listed = server->service_names_;
  listed.push_back("grpc.health.v1.Health");
  server->reflection_ = std::make_unique<ReflectionServices>(std::move(listed));
  server->reflection_->RegisterWith(builder);

  server->server_ = builder.BuildAndStart();
  if (server->server_ == nullptr || server->port_ == 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", options.listen, " (address in use or not local?)"));
  }
  const size_t colon = options.listen.rfind(':');
  server->address_ = absl::StrCat(options.listen.substr(0, colon), ":", server->port_);
  server->SetServing(true);
  return server;
}

GatewayServer::~GatewayServer() {
  if (server_ != nullptr) Shutdown(absl::ZeroDuration());
}

void GatewayServer::ExportMetrics(MetricSink& sink) const {
  sink.AddGauge("pulumi_gateway_in_flight_calls", "gRPC calls in flight.",
                [this] { return in_flight(); });
  sink.AddGauge("pulumi_gateway_max_in_flight_calls",
                "The most gRPC calls in flight the gateway takes (--max_in_flight).",
                [max = env_.options.max_in_flight] { return max; });
}

void GatewayServer::SetServing(bool serving) {
  grpc::HealthCheckServiceInterface* health = server_->GetHealthCheckService();
  if (health == nullptr) return;
  health->SetServingStatus(serving);
  for (const std::string& name : service_names_) health->SetServingStatus(name, serving);
}

void GatewayServer::Shutdown(absl::Duration grace) {
  if (server_ == nullptr) return;
  SetServing(false);
  // gRPC's own deadline: on the real clock, whatever clock the calls read.
  server_->Shutdown(absl::ToChronoTime(Clock::Real().Now() + grace));
  server_->Wait();
  server_.reset();
}

}  // namespace pulumi_gateway
