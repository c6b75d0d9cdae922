// The immutable table of routes, built once at start-up from the `google.api.http` rules and the
// project's `pulumi.gateway.v1` options of every method of the served services.
//
//   absl::StatusOr<RouteTable> table = RouteTable::Build({StacksService::descriptor()});
//   const Route* route = table->Find("/pulumi.service.v1.StacksService/GetStack");
//
// Build fails (and main stops) on any rule that does not compile: an unknown field, a body field
// that does not exist, a query parameter that is not a scalar, a custom verb other than HEAD. A
// unary method without an http rule gets no route and answers UNIMPLEMENTED.
//
// What a rule may say:
//   - get, put, post, delete, patch, and custom {kind: "HEAD"}; GET, DELETE and HEAD take no body.
//   - body: "*" (the request's fields, less the path's) or "<field>": a message, repeated, map or
//     scalar field whose JSON value is the whole body.
//   - response_body: "<field>": a message, repeated, map or scalar field that receives the whole
//     JSON answer (arrays, maps, strings, booleans, numbers at the top level).
//   - A response of type google.api.HttpBody (or a raw_response_field) takes any answer as bytes,
//     with the upstream Content-Type.
//   - Request fields marked (google.api.field_behavior) = REQUIRED or carrying allowed_values, at
//     any depth, are checked before any upstream call (see request_rules.h).
#ifndef GATEWAY_ROUTE_ROUTE_TABLE_H_
#define GATEWAY_ROUTE_ROUTE_TABLE_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "gateway/route/path_template.h"
#include "gateway/route/request_rules.h"
#include "google/protobuf/descriptor.h"

namespace pulumi_gateway {

struct Route {
  enum class BodyKind { kNone, kWholeRequest, kField };

  const google::protobuf::MethodDescriptor* method = nullptr;
  // "/package.Service/Method", as gRPC names the call.
  std::string grpc_path;
  // "GET", "POST", "PUT", "PATCH", "DELETE" or "HEAD".
  std::string http_method;
  PathTemplate path;
  BodyKind body_kind = BodyKind::kNone;
  // The request field that is the body when body_kind is kField (any kind of field: its JSON value,
  // object, array or scalar, is the body).
  const google::protobuf::FieldDescriptor* body_field = nullptr;
  // Top-level request fields sent as query parameters (by JSON name).
  std::vector<const google::protobuf::FieldDescriptor*> query_fields;
  // Fields bound to the path; excluded from a whole-request body.
  std::vector<const google::protobuf::FieldDescriptor*> path_fields;
  // The response field the upstream JSON body fills (message, repeated, map or scalar: the answer's
  // top level may be any JSON value); null: the whole response message.
  const google::protobuf::FieldDescriptor* response_body_field = nullptr;
  // For non-JSON routes (raw_response_field, or a google.api.HttpBody response): the bytes field
  // receiving the raw body, and an optional string field for the upstream Content-Type.
  const google::protobuf::FieldDescriptor* raw_response_field = nullptr;
  const google::protobuf::FieldDescriptor* content_type_field = nullptr;
  // Constant JSON body members and query parameters added to every request.
  std::vector<std::pair<std::string, std::string>> body_values;
  std::vector<std::pair<std::string, std::string>> query_values;
  // Required fields and allowed values of the request, at any depth; null when there are none (the
  // common case: nothing to check per call).
  std::shared_ptr<const RequestRules> request_rules;
  // 409 means ALREADY_EXISTS (create methods) instead of ABORTED.
  bool conflict_is_already_exists = false;
  // Safe to retry: GET, PUT, DELETE, or a method marked idempotent/no-side-effects.
  bool idempotent = false;
};

// A server-streaming RPC that walks a paginated unary route (pulumi.gateway.v1.pagination).
struct StreamRoute {
  const google::protobuf::MethodDescriptor* method = nullptr;
  std::string grpc_path;
  // The unary route called page after page.
  const Route* page_route = nullptr;
  // Continuation token fields of the page request and response.
  const google::protobuf::FieldDescriptor* request_token = nullptr;
  const google::protobuf::FieldDescriptor* response_token = nullptr;
  // The repeated field of the page response whose items are streamed.
  const google::protobuf::FieldDescriptor* items = nullptr;
  // The field of the stream's response message that receives one item.
  const google::protobuf::FieldDescriptor* item_out = nullptr;
  // Keep polling until the upstream returns no token (live resources).
  bool follow = false;
};

// An RPC the gateway assembles from other routes (pulumi.gateway.v1.composite): batch reads,
// lists joined with details, WhoAmI. Each has its own handler; the route names what it calls.
struct CompositeRoute {
  const google::protobuf::MethodDescriptor* method = nullptr;
  std::string grpc_path;
  // The routes of the option's `calls`, in the order given.
  std::vector<const Route*> calls;

  // The called route of the unary RPC whose method name is `name` (e.g. "GetLatestUpdate"), or
  // null.
  const Route* Call(absl::string_view name) const;
};

class RouteTable final {
 public:
  // Builds routes for every method of `services`. Returns INVALID_ARGUMENT naming the method and
  // the problem when a rule does not compile.
  static absl::StatusOr<RouteTable> Build(
      const std::vector<const google::protobuf::ServiceDescriptor*>& services);

  // The route for a gRPC path ("/pkg.Service/Method"), or null when the method has no http rule.
  const Route* Find(absl::string_view grpc_path) const;
  // The streaming route for a gRPC path, or null.
  const StreamRoute* FindStream(absl::string_view grpc_path) const;
  // The composite route for a gRPC path, or null.
  const CompositeRoute* FindComposite(absl::string_view grpc_path) const;

  // Every service the table was built from (registered even when some methods lack a route).
  const std::vector<const google::protobuf::ServiceDescriptor*>& services() const {
    return services_;
  }
  const std::vector<std::unique_ptr<Route>>& routes() const { return routes_; }
  const std::vector<std::unique_ptr<StreamRoute>>& stream_routes() const { return streams_; }
  const std::vector<std::unique_ptr<CompositeRoute>>& composite_routes() const {
    return composites_;
  }

 private:
  std::vector<const google::protobuf::ServiceDescriptor*> services_;
  std::vector<std::unique_ptr<Route>> routes_;
  absl::flat_hash_map<std::string, const Route*> by_path_;
  std::vector<std::unique_ptr<StreamRoute>> streams_;
  absl::flat_hash_map<std::string, const StreamRoute*> streams_by_path_;
  std::vector<std::unique_ptr<CompositeRoute>> composites_;
  absl::flat_hash_map<std::string, const CompositeRoute*> composites_by_path_;
};

// Compiles the route of one method. Exposed for tests; returns NOT_FOUND when the method has no
// http rule.
absl::StatusOr<Route> CompileRoute(const google::protobuf::MethodDescriptor* method);

// Compiles a server-streaming method's pagination option against the table's unary routes.
// NOT_FOUND when the method has no pagination option; INVALID_ARGUMENT when it does not compile
// (unknown method or field, a stream request field the page request lacks or types differently).
absl::StatusOr<StreamRoute> CompileStreamRoute(const google::protobuf::MethodDescriptor* method,
                                               const RouteTable& table);

// Compiles a method's composite option against the table's unary routes. NOT_FOUND when the
// method has none; INVALID_ARGUMENT when it names no call, or a call that is not a routed unary RPC
// of the same package.
absl::StatusOr<CompositeRoute> CompileCompositeRoute(
    const google::protobuf::MethodDescriptor* method, const RouteTable& table);

}  // namespace pulumi_gateway

#endif  // GATEWAY_ROUTE_ROUTE_TABLE_H_
