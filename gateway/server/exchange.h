// The two halves of one upstream exchange for a route, shared by unary calls and streams:
// a request message → the HttpRequest to send and its CallContext; the upstream's answer → the
// response message or the mapped error.
//
//   ASSIGN_OR_RETURN(HttpRequest http, PrepareUpstreamRequest(env, route, request, who));
//   upstream->Send(std::move(http), UpstreamContext(route, who, priority, cancel.token()), done);
//   absl::Status s = ReadUpstreamResponse(env, route, result, who.request_id, out.get(), m);
#ifndef GATEWAY_SERVER_EXCHANGE_H_
#define GATEWAY_SERVER_EXCHANGE_H_

#include <atomic>
#include <memory>
#include <optional>
#include <string>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "gateway/auth/authenticator.h"
#include "gateway/call/call_context.h"
#include "gateway/http/http_types.h"
#include "gateway/route/route_table.h"
#include "gateway/server/call_environment.h"
#include "google/protobuf/message.h"
#include "grpcpp/grpcpp.h"
#include "nlohmann/json.hpp"

namespace pulumi_gateway {

// Who a call is for and until when: the same for every upstream request the call makes.
struct CallIdentity {
  // The upstream Authorization header value ("token ...").
  std::string authorization;
  // Where the token came from, and (tenants) whose it is and who the caller was.
  CredentialSource source = CredentialSource::kCaller;
  std::string tenant;
  std::string caller;
  std::string request_id;
  absl::Time deadline;
  // Counts upstream attempts (for the access log); may be null.
  std::shared_ptr<std::atomic<int>> attempts;
};

// The request id (the caller's plain x-request-id, else a new one) and deadline (the call's,
// else now + default_timeout) of a call; `authorization` is left empty (see Authorize).
CallIdentity IdentifyCall(const CallEnvironment& env, const grpc::CallbackServerContext& context);

// The credential of the call per the auth mode (see Authenticator::Resolve): UNAUTHENTICATED
// when the caller's metadata is missing or malformed (passthrough) or the caller cannot be
// identified (tenants: no client certificate, identity header not from a trusted proxy),
// PERMISSION_DENIED when the identified caller has no tenant token.
absl::StatusOr<Credential> ResolveCredential(const CallEnvironment& env,
                                             const grpc::CallbackServerContext& context);

// ResolveCredential into `identity`: fills its `authorization`, `source`, `tenant` and `caller`.
absl::Status Authorize(const CallEnvironment& env, const grpc::CallbackServerContext& context,
                       CallIdentity* identity);

// A new message of `descriptor`'s generated type parsed from `bytes`; INVALID_ARGUMENT naming the
// type when the bytes do not parse (including strings that are not UTF-8).
absl::StatusOr<std::unique_ptr<google::protobuf::Message>> ParseRequest(
    const google::protobuf::Descriptor* descriptor, const grpc::ByteBuffer& bytes);

// The upstream request for `request` on `route`, with every header the upstream needs.
absl::StatusOr<HttpRequest> PrepareUpstreamRequest(const CallEnvironment& env, const Route& route,
                                                   const google::protobuf::Message& request,
                                                   const CallIdentity& identity);

// The context of an upstream request on `route` for the call `identity` describes: its deadline,
// attempts counter, the route's name and idempotency, `priority`, and the call's `cancellation`.
CallContext UpstreamContext(const Route& route, const CallIdentity& identity,
                            RequestPriority priority, CancellationToken cancellation);

// Fills `out` from a 2xx answer, or returns the mapped error (HTTP or transport); counts unknown
// JSON keys in `metrics` (may be null).
absl::Status ReadUpstreamResponse(const CallEnvironment& env, const Route& route,
                                  const absl::StatusOr<HttpResponse>& result,
                                  const std::string& request_id, google::protobuf::Message* out,
                                  RouteMetrics* metrics);

// Counts a call as started in the server metrics and returns its route's metrics (null when
// metrics are off); pass the result to RecordCallEnd.
RouteMetrics* RecordCallStart(const CallEnvironment& env,
                              const google::protobuf::MethodDescriptor& method);

// Records the end of a call: the access log line (request id, tenant and caller when set, method,
// code, duration, error and what `add_fields` adds) and the server metrics (when `metrics` is not
// null). `add_fields` runs only when the line is logged: below --log_level=info a call builds no
// JSON at its end.
void RecordCallEnd(const CallEnvironment& env, const google::protobuf::MethodDescriptor& method,
                   RouteMetrics* metrics, const CallIdentity& identity, absl::Time start,
                   const absl::Status& status,
                   absl::FunctionRef<void(nlohmann::json& fields)> add_fields);

}  // namespace pulumi_gateway

#endif  // GATEWAY_SERVER_EXCHANGE_H_
