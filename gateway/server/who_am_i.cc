#include "gateway/server/who_am_i.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gateway/status/grpc_status.h"
#include "gateway/status/macros.h"

namespace pulumi_gateway {

namespace v1 = ::pulumi::service::v1;

CredentialOrigin OriginOf(const Credential& credential) {
  CredentialOrigin origin;
  switch (credential.source) {
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
  origin.tenant = credential.tenant;
  origin.caller = credential.caller;
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

grpc::ServerUnaryReactor* WhoAmICall::Start(const CallEnvironment& env,
                                            grpc::CallbackServerContext* context,
                                            const grpc::ByteBuffer* request,
                                            grpc::ByteBuffer* response,
                                            const CompositeRoute& route) {
  auto* call = new WhoAmICall(env, context, response, route);
  call->Run(request);
  return call;
}

WhoAmICall::WhoAmICall(const CallEnvironment& env, grpc::CallbackServerContext* context,
                       grpc::ByteBuffer* response, const CompositeRoute& route)
    : env_(env),
      context_(context),
      response_(response),
      route_(route),
      current_user_(route.Call("GetCurrentUser")),
      metrics_(RecordCallStart(env, *route.method)),
      start_(absl::Now()) {}

void WhoAmICall::Run(const grpc::ByteBuffer* request) {
  identity_ = IdentifyCall(env_, *context_);
  identity_.attempts = attempts_;
  context_->AddInitialMetadata("x-request-id", identity_.request_id);

  if (env_.in_flight != nullptr) {
    if (env_.in_flight->fetch_add(1) >= env_.max_in_flight) {
      env_.in_flight->fetch_sub(1);
      Complete(absl::ResourceExhaustedError(
          absl::StrCat("the gateway already has ", env_.max_in_flight,
                       " calls in flight (--max_in_flight); retry with backoff")));
      return Unref();
    }
    counted_in_flight_ = true;
  }

  HttpRequest http;
  absl::Status built = BuildRequest(request, &http);
  if (!built.ok()) {
    Complete(built);
    return Unref();
  }
  const uint64_t id = env_.upstream->Send(
      std::move(http),
      [this](absl::StatusOr<HttpResponse> result) { OnUpstreamDone(std::move(result)); });
  bool cancel;
  {
    absl::MutexLock lock(&mu_);
    upstream_id_ = id;
    cancel = cancelled_;
  }
  if (cancel) env_.upstream->Cancel(id);
  Unref();
}

absl::Status WhoAmICall::BuildRequest(const grpc::ByteBuffer* request, HttpRequest* http) {
  if (current_user_ == nullptr) {
    return absl::UnimplementedError("WhoAmI is not routed to GetCurrentUser in this build");
  }
  ASSIGN_OR_RETURN(std::unique_ptr<google::protobuf::Message> message,
                   ParseRequest(route_.method->input_type(), *request));
  ASSIGN_OR_RETURN(Credential credential, ResolveCredential(env_, *context_));
  identity_.authorization = std::move(credential.authorization);
  identity_.tenant = credential.tenant;
  origin_ = OriginOf(credential);
  ASSIGN_OR_RETURN(
      *http, PrepareUpstreamRequest(env_, *current_user_, v1::GetCurrentUserRequest(), identity_));
  return absl::OkStatus();
}

void WhoAmICall::OnUpstreamDone(absl::StatusOr<HttpResponse> result) {
  v1::GetCurrentUserResponse user;
  RouteMetrics* user_metrics =
      env_.metrics == nullptr ? nullptr : env_.metrics->Find(current_user_->method->name());
  absl::Status status =
      ReadUpstreamResponse(env_, *current_user_, result, identity_.request_id, &user, user_metrics);
  if (status.ok()) {
    std::string bytes;
    DescribeIdentity(user, origin_).SerializeToString(&bytes);
    grpc::Slice slice(std::move(bytes));
    *response_ = grpc::ByteBuffer(&slice, 1);
  }
  Complete(status);
}

void WhoAmICall::Complete(const absl::Status& status) {
  RecordCallEnd(env_, *route_.method, metrics_, identity_, start_, status,
                {{"attempts", attempts_->load()},
                 {"credential_source", v1::CredentialSource_Name(origin_.source)}});
  Finish(ToGrpcStatus(status));
}

void WhoAmICall::OnCancel() {
  std::optional<uint64_t> id;
  {
    absl::MutexLock lock(&mu_);
    cancelled_ = true;
    id = upstream_id_;
  }
  if (id.has_value()) env_.upstream->Cancel(*id);
}

void WhoAmICall::OnDone() {
  if (counted_in_flight_) env_.in_flight->fetch_sub(1);
  Unref();
}

void WhoAmICall::Unref() {
  if (refs_.fetch_sub(1) == 1) delete this;
}

}  // namespace pulumi_gateway
