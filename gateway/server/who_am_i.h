// WhoAmI: which Pulumi identity a call through the gateway acts as. One GetCurrentUser upstream
// request (`GET /api/user`, interactive priority) with the call's own credential, then the token
// kind is worked out from the answer and the credential's origin is added from the auth mode.
// The token itself never appears in the answer.
//
//   grpc::ServerUnaryReactor* r = WhoAmICall::Start(env, context, request, response, route);
#ifndef GATEWAY_SERVER_WHO_AM_I_H_
#define GATEWAY_SERVER_WHO_AM_I_H_

#include <atomic>
#include <memory>
#include <optional>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gateway/auth/authenticator.h"
#include "gateway/http/http_types.h"
#include "gateway/route/route_table.h"
#include "gateway/server/call_environment.h"
#include "gateway/server/exchange.h"
#include "grpcpp/grpcpp.h"
#include "pulumi/service/v1/users.pb.h"

namespace pulumi_gateway {

// Where the upstream credential of a call came from.
struct CredentialOrigin {
  pulumi::service::v1::CredentialSource source = pulumi::service::v1::CREDENTIAL_SOURCE_UNSPECIFIED;
  // The tenant whose token was used (CREDENTIAL_SOURCE_TENANT), else empty.
  std::string tenant;
  // The caller identity the gateway recognised (certificate or trusted header), else empty.
  std::string caller;
};

// The origin of a resolved credential (its token is left out).
CredentialOrigin OriginOf(const Credential& credential);

// The WhoAmI answer for GetCurrentUser's `user`:
//   token_info.team set → TEAM (organization from token_info, else the login);
//   token_info.organization set → ORGANIZATION;
//   no token_info and the login equals the login of one of its organizations → ORGANIZATION
//   (the API names the organization for organization tokens);
//   otherwise → PERSONAL, with user_login = the login.
pulumi::service::v1::WhoAmIResponse DescribeIdentity(
    const pulumi::service::v1::GetCurrentUserResponse& user, const CredentialOrigin& origin);

class WhoAmICall final : public grpc::ServerUnaryReactor {
 public:
  // Starts the call; gRPC owns the returned reactor until OnDone. `route` is the WhoAmI
  // composite route (it calls GetCurrentUser).
  static grpc::ServerUnaryReactor* Start(const CallEnvironment& env,
                                         grpc::CallbackServerContext* context,
                                         const grpc::ByteBuffer* request,
                                         grpc::ByteBuffer* response, const CompositeRoute& route);

  void OnCancel() override;
  void OnDone() override;

 private:
  WhoAmICall(const CallEnvironment& env, grpc::CallbackServerContext* context,
             grpc::ByteBuffer* response, const CompositeRoute& route);

  void Run(const grpc::ByteBuffer* request);
  absl::Status BuildRequest(const grpc::ByteBuffer* request, HttpRequest* http);
  void OnUpstreamDone(absl::StatusOr<HttpResponse> result);
  // Logs the call and finishes it. Must be the caller's last use of `this`.
  void Complete(const absl::Status& status);
  void Unref();

  const CallEnvironment& env_;
  grpc::CallbackServerContext* const context_;
  grpc::ByteBuffer* const response_;
  const CompositeRoute& route_;
  const Route* const current_user_;
  RouteMetrics* const metrics_;
  const absl::Time start_;
  CallIdentity identity_;
  CredentialOrigin origin_;
  bool counted_in_flight_ = false;
  const std::shared_ptr<std::atomic<int>> attempts_ = std::make_shared<std::atomic<int>>(0);
  std::atomic<int> refs_{2};

  absl::Mutex mu_;
  bool cancelled_ ABSL_GUARDED_BY(mu_) = false;
  std::optional<uint64_t> upstream_id_ ABSL_GUARDED_BY(mu_);
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_SERVER_WHO_AM_I_H_
