// WhoAmI: which Pulumi identity a call through the gateway acts as. One GetCurrentUser upstream
// request (`GET /api/user`, interactive priority) with the call's own credential, then the token
// kind is worked out from the answer and the credential's origin is added from the auth mode.
// The token itself never appears in the answer.
//
//   grpc::ServerUnaryReactor* r = StartWhoAmI(env, context, request, response, route);
#ifndef GATEWAY_SERVER_WHO_AM_I_H_
#define GATEWAY_SERVER_WHO_AM_I_H_

#include <string>

#include "gateway/auth/authenticator.h"
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

// The origin of a call's credential (its token is left out).
CredentialOrigin OriginOf(const CallIdentity& identity);

// The WhoAmI answer for GetCurrentUser's `user`:
//   token_info.team set → TEAM (organization from token_info, else the login);
//   token_info.organization set → ORGANIZATION;
//   no token_info and the login equals the login of one of its organizations → ORGANIZATION
//   (the API names the organization for organization tokens);
//   otherwise → PERSONAL, with user_login = the login.
pulumi::service::v1::WhoAmIResponse DescribeIdentity(
    const pulumi::service::v1::GetCurrentUserResponse& user, const CredentialOrigin& origin);

// Starts a WhoAmI call: UnaryCall on the composite's GetCurrentUser route, its answer reshaped by
// DescribeIdentity with the call's credential origin.
grpc::ServerUnaryReactor* StartWhoAmI(const CallEnvironment& env,
                                      grpc::CallbackServerContext* context,
                                      const grpc::ByteBuffer* request, grpc::ByteBuffer* response,
                                      const CompositeRoute& route);

}  // namespace pulumi_gateway

#endif  // GATEWAY_SERVER_WHO_AM_I_H_
