#include "gateway/server/who_am_i.h"

#include <memory>

#include "gateway/server/unary_call.h"

namespace pulumi_gateway {

namespace v1 = ::pulumi::service::v1;

CredentialOrigin OriginOf(const CallIdentity& identity) {
  CredentialOrigin origin;
  switch (identity.source) {
    case CredentialSource::kCaller:
      origin.source = v1::CREDENTIAL_SOURCE_CALLER;
      break;
    case CredentialSource::kService:
      origin.source = v1::CREDENTIAL_SOURCE_SERVICE;
      break;
    case CredentialSource::kTenant:
      origin.source = v1::CREDENTIAL_SOURCE_TENANT;
      break;
  }
  origin.tenant = identity.tenant;
  origin.caller = identity.caller;
  return origin;
}

v1::WhoAmIResponse DescribeIdentity(const v1::GetCurrentUserResponse& user,
                                    const CredentialOrigin& origin) {
  v1::WhoAmIResponse out;
  out.set_name(user.name().empty() ? user.github_login() : user.name());
  out.set_token_name(user.token_info().name());
  bool login_is_an_organization = false;
  for (const v1::UserInfo& organization : user.organizations()) {
    out.add_organizations(organization.github_login());
    if (organization.github_login() == user.github_login()) login_is_an_organization = true;
  }
  const v1::TokenInfo& token = user.token_info();
  if (!token.team().empty()) {
    out.set_token_kind(v1::TOKEN_KIND_TEAM);
    out.set_organization(token.organization().empty() ? user.github_login() : token.organization());
    out.set_team(token.team());
  } else if (!token.organization().empty()) {
    out.set_token_kind(v1::TOKEN_KIND_ORGANIZATION);
    out.set_organization(token.organization());
  } else if (!user.has_token_info() && login_is_an_organization) {
    // Without tokenInfo the API names the organization itself for an organization token.
    out.set_token_kind(v1::TOKEN_KIND_ORGANIZATION);
    out.set_organization(user.github_login());
  } else {
    out.set_token_kind(v1::TOKEN_KIND_PERSONAL);
    out.set_user_login(user.github_login());
  }
  out.set_credential_source(origin.source);
  out.set_tenant(origin.tenant);
  out.set_caller(origin.caller);
  return out;
}

grpc::ServerUnaryReactor* StartWhoAmI(const CallEnvironment& env,
                                      grpc::CallbackServerContext* context,
                                      const grpc::ByteBuffer* request, grpc::ByteBuffer* response,
                                      const CompositeRoute& route) {
  const Route* current_user = route.Call("GetCurrentUser");
  if (current_user == nullptr) {
    grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
    reactor->Finish(grpc::Status(grpc::StatusCode::UNIMPLEMENTED,
                                 "WhoAmI is not routed to GetCurrentUser in this build"));
    return reactor;
  }
  return UnaryCall::StartComposite(
      env, context, request, response, route, *current_user,
      [](const google::protobuf::Message& user, const CallIdentity& identity) {
        return std::make_unique<v1::WhoAmIResponse>(DescribeIdentity(
            static_cast<const v1::GetCurrentUserResponse&>(user), OriginOf(identity)));
      });
}

}  // namespace pulumi_gateway
