#include "gateway/route/route_table.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "gateway/status/macros.h"
#include "google/api/annotations.pb.h"
#include "google/api/http.pb.h"
#include "pulumi/gateway/v1/options.pb.h"

namespace pulumi_gateway {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::MethodDescriptor;

bool IsScalar(const FieldDescriptor* field) {
  return field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE;
}

absl::Status MethodError(const MethodDescriptor* method, absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat(method->full_name(), ": ", why));
}

absl::StatusOr<const FieldDescriptor*> FindTopLevelField(const MethodDescriptor* method,
                                                         const Descriptor* message,
                                                         absl::string_view name,
                                                         absl::string_view what) {
  const FieldDescriptor* field = message->FindFieldByName(std::string(name));
  if (field == nullptr) {
    return MethodError(
        method, absl::StrCat(what, " \"", name, "\" is not a field of ", message->full_name()));
  }
  return field;
}

}  // namespace

absl::StatusOr<Route> CompileRoute(const MethodDescriptor* method) {
  const google::protobuf::MethodOptions& options = method->options();
  if (!options.HasExtension(google::api::http)) {
    return absl::NotFoundError(absl::StrCat(method->full_name(), " has no google.api.http rule"));
  }
  const google::api::HttpRule& rule = options.GetExtension(google::api::http);
  if (rule.additional_bindings_size() > 0) {
    return MethodError(method, "additional_bindings are not supported");
  }

  Route route;
  route.method = method;
  route.grpc_path = absl::StrCat("/", method->service()->full_name(), "/", method->name());
  std::string pattern;
  switch (rule.pattern_case()) {
    case google::api::HttpRule::kGet:
      route.http_method = "GET";
      pattern = rule.get();
      break;
    case google::api::HttpRule::kPut:
      route.http_method = "PUT";
      pattern = rule.put();
      break;
    case google::api::HttpRule::kPost:
      route.http_method = "POST";
      pattern = rule.post();
      break;
    case google::api::HttpRule::kDelete:
      route.http_method = "DELETE";
      pattern = rule.delete_();
      break;
    case google::api::HttpRule::kPatch:
      route.http_method = "PATCH";
      pattern = rule.patch();
      break;
    case google::api::HttpRule::kCustom:
      // HEAD answers whether something exists; no other verb beyond the standard five is used.
      if (rule.custom().kind() != "HEAD") {
        return MethodError(method, absl::StrCat("custom kind \"", rule.custom().kind(),
                                                "\" is not supported; only HEAD is"));
      }
      route.http_method = "HEAD";
      pattern = rule.custom().path();
      break;
    default:
      return MethodError(method,
                         "the http rule needs one of get, put, post, delete, patch, custom HEAD");
  }

  const Descriptor* request = method->input_type();
  if (request->full_name() == "google.api.HttpBody") {
    // Would go out as JSON ({"contentType": ..., "data": base64}), never as the raw body meant.
    return MethodError(method, "google.api.HttpBody requests are not supported (only responses)");
  }
  absl::StatusOr<PathTemplate> path = PathTemplate::Compile(pattern, request);
  if (!path.ok()) return MethodError(method, path.status().message());
  route.path = *std::move(path);
  route.path_fields = route.path.BoundFields();

  if (rule.body() == "*") {
    route.body_kind = Route::BodyKind::kWholeRequest;
  } else if (!rule.body().empty()) {
    route.body_kind = Route::BodyKind::kField;
    ASSIGN_OR_RETURN(route.body_field, FindTopLevelField(method, request, rule.body(), "body"));
    if (std::count(route.path_fields.begin(), route.path_fields.end(), route.body_field) > 0) {
      return MethodError(method, "the body field is also bound to the path");
    }
  }
  if (route.body_kind != Route::BodyKind::kNone &&
      (route.http_method == "GET" || route.http_method == "DELETE" ||
       route.http_method == "HEAD")) {
    return MethodError(method, absl::StrCat(route.http_method, " must not have a body"));
  }

  if (route.body_kind != Route::BodyKind::kWholeRequest) {
    for (int i = 0; i < request->field_count(); ++i) {
      const FieldDescriptor* field = request->field(i);
      if (field == route.body_field ||
          std::count(route.path_fields.begin(), route.path_fields.end(), field) > 0) {
        continue;
      }
      if (!IsScalar(field) || field->is_map()) {
        return MethodError(method, absl::StrCat("field \"", field->name(),
                                                "\" would be a query parameter but is not a "
                                                "scalar; bind it to the path or the body"));
      }
      route.query_fields.push_back(field);
    }
  }

  const Descriptor* response = method->output_type();
  if (!rule.response_body().empty()) {
    ASSIGN_OR_RETURN(route.response_body_field,
                     FindTopLevelField(method, response, rule.response_body(), "response_body"));
  }

  namespace gw = ::pulumi::gateway::v1;
  for (const gw::FixedValue& value : options.GetRepeatedExtension(gw::body_value)) {
    if (route.body_kind == Route::BodyKind::kNone) {
      return MethodError(method, "body_value needs an http rule with a body");
    }
    if (route.body_field != nullptr &&
        (route.body_field->is_repeated() ||
         route.body_field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE)) {
      return MethodError(method, "body_value needs a JSON object body, not an array or a scalar");
    }
    route.body_values.emplace_back(value.name(), value.value());
  }
  for (const gw::FixedValue& value : options.GetRepeatedExtension(gw::query_value)) {
    route.query_values.emplace_back(value.name(), value.value());
  }
  route.conflict_is_already_exists =
      options.GetExtension(gw::on_conflict) == gw::CONFLICT_CODE_ALREADY_EXISTS;

  const std::string& raw_field = options.GetExtension(gw::raw_response_field);
  if (response->full_name() == "google.api.HttpBody") {
    // Any answer, JSON or not, as bytes with its Content-Type (text/markdown, tarballs...).
    route.raw_response_field = response->FindFieldByName("data");
    route.content_type_field = response->FindFieldByName("content_type");
    if (route.raw_response_field == nullptr || route.content_type_field == nullptr) {
      return MethodError(method, "google.api.HttpBody lacks its data or content_type field");
    }
  } else if (!raw_field.empty()) {
    ASSIGN_OR_RETURN(route.raw_response_field,
                     FindTopLevelField(method, response, raw_field, "raw_response_field"));
    if (route.raw_response_field->type() != FieldDescriptor::TYPE_BYTES ||
        route.raw_response_field->is_repeated()) {
      return MethodError(method, "raw_response_field must name a singular bytes field");
    }
    const FieldDescriptor* content_type = response->FindFieldByName("content_type");
    if (content_type != nullptr && content_type->type() == FieldDescriptor::TYPE_STRING &&
        !content_type->is_repeated()) {
      route.content_type_field = content_type;
    }
  }

  if (route.raw_response_field != nullptr && route.response_body_field != nullptr) {
    return MethodError(method,
                       "response_body cannot be combined with a raw body (raw_response_field or "
                       "google.api.HttpBody): the whole answer already goes to one field");
  }

  absl::StatusOr<std::shared_ptr<const RequestRules>> rules =
      CompileRequestRules(request, route.path_fields);
  if (!rules.ok()) return MethodError(method, rules.status().message());
  route.request_rules = *std::move(rules);

  const auto level = options.idempotency_level();
  route.idempotent = route.http_method == "GET" || route.http_method == "PUT" ||
                     route.http_method == "DELETE" || route.http_method == "HEAD" ||
                     level == google::protobuf::MethodOptions::IDEMPOTENT ||
                     level == google::protobuf::MethodOptions::NO_SIDE_EFFECTS;
  return route;
}

absl::StatusOr<StreamRoute> CompileStreamRoute(const MethodDescriptor* method,
                                               const RouteTable& table) {
  namespace gw = ::pulumi::gateway::v1;
  if (!method->options().HasExtension(gw::pagination)) {
    return absl::NotFoundError(absl::StrCat(method->full_name(), " has no pagination option"));
  }
  if (method->client_streaming() || !method->server_streaming()) {
    return MethodError(method, "pagination needs a server-streaming method");
  }
  const gw::Pagination& option = method->options().GetExtension(gw::pagination);
  StreamRoute stream;
  stream.method = method;
  stream.grpc_path = absl::StrCat("/", method->service()->full_name(), "/", method->name());
  stream.follow = option.follow();
  stream.page_route =
      table.Find(absl::StrCat("/", method->service()->full_name(), "/", option.method()));
  if (stream.page_route == nullptr) {
    return MethodError(method, absl::StrCat("pagination method \"", option.method(),
                                            "\" is not a routed unary RPC of the same service"));
  }
  const Descriptor* page_request = stream.page_route->method->input_type();
  const Descriptor* page_response = stream.page_route->method->output_type();
  const std::string request_token =
      option.request_token_field().empty() ? "continuation_token" : option.request_token_field();
  const std::string response_token =
      option.response_token_field().empty() ? "continuation_token" : option.response_token_field();
  ASSIGN_OR_RETURN(stream.request_token,
                   FindTopLevelField(method, page_request, request_token, "request token"));
  ASSIGN_OR_RETURN(stream.response_token,
                   FindTopLevelField(method, page_response, response_token, "response token"));
  ASSIGN_OR_RETURN(stream.items,
                   FindTopLevelField(method, page_response, option.items_field(), "items"));
  for (const FieldDescriptor* token : {stream.request_token, stream.response_token}) {
    if (token->type() != FieldDescriptor::TYPE_STRING || token->is_repeated()) {
      return MethodError(
          method, absl::StrCat("token field \"", token->name(), "\" must be a singular string"));
    }
  }
  if (!stream.items->is_repeated() || stream.items->is_map() ||
      stream.items->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) {
    return MethodError(method, "items_field must be a repeated message field");
  }
  const Descriptor* out = method->output_type();
  for (int i = 0; i < out->field_count(); ++i) {
    if (out->field(i)->message_type() == stream.items->message_type() &&
        !out->field(i)->is_repeated()) {
      stream.item_out = out->field(i);
    }
  }
  if (stream.item_out == nullptr) {
    return MethodError(method, absl::StrCat(out->full_name(), " needs a field of type ",
                                            stream.items->message_type()->full_name()));
  }
  const Descriptor* in = method->input_type();
  for (int i = 0; i < in->field_count(); ++i) {
    const FieldDescriptor* field = in->field(i);
    const FieldDescriptor* target = page_request->FindFieldByName(field->name());
    if (target == nullptr || target->type() != field->type() ||
        target->is_repeated() != field->is_repeated() ||
        target->message_type() != field->message_type()) {
      return MethodError(
          method, absl::StrCat("request field \"", field->name(),
                               "\" has no twin of the same type in ", page_request->full_name()));
    }
  }
  return stream;
}

const Route* CompositeRoute::Call(absl::string_view name) const {
  for (const Route* route : calls) {
    if (route->method->name() == name) return route;
  }
  return nullptr;
}

absl::StatusOr<CompositeRoute> CompileCompositeRoute(const MethodDescriptor* method,
                                                     const RouteTable& table) {
  namespace gw = ::pulumi::gateway::v1;
  if (!method->options().HasExtension(gw::composite)) {
    return absl::NotFoundError(absl::StrCat(method->full_name(), " has no composite option"));
  }
  if (method->client_streaming()) {
    return MethodError(method, "a composite RPC cannot be client-streaming");
  }
  const gw::Composite& option = method->options().GetExtension(gw::composite);
  if (option.calls().empty()) return MethodError(method, "composite option names no calls");
  CompositeRoute composite;
  composite.method = method;
  composite.grpc_path = absl::StrCat("/", method->service()->full_name(), "/", method->name());
  for (const std::string& name : option.calls()) {
    // "Method" (same service) or "Service.Method" (same package).
    const size_t dot = name.find('.');
    const Route* route = table.Find(
        dot == std::string::npos ? absl::StrCat("/", method->service()->full_name(), "/", name)
                                 : absl::StrCat("/", method->file()->package(), ".",
                                                name.substr(0, dot), "/", name.substr(dot + 1)));
    if (route == nullptr) {
      return MethodError(method, absl::StrCat("composite call \"", name,
                                              "\" is not a routed unary RPC of this package"));
    }
    composite.calls.push_back(route);
  }
  return composite;
}

absl::StatusOr<RouteTable> RouteTable::Build(
    const std::vector<const google::protobuf::ServiceDescriptor*>& services) {
  RouteTable table;
  table.services_ = services;
  for (const google::protobuf::ServiceDescriptor* service : services) {
    for (int i = 0; i < service->method_count(); ++i) {
      const MethodDescriptor* method = service->method(i);
      if (method->client_streaming() || method->server_streaming()) continue;
      absl::StatusOr<Route> route = CompileRoute(method);
      if (absl::IsNotFound(route.status())) continue;
      if (!route.ok()) return route.status();
      auto owned = std::make_unique<Route>(*std::move(route));
      table.by_path_[owned->grpc_path] = owned.get();
      table.routes_.push_back(std::move(owned));
    }
  }
  for (const google::protobuf::ServiceDescriptor* service : services) {
    for (int i = 0; i < service->method_count(); ++i) {
      const MethodDescriptor* method = service->method(i);
      if (!method->server_streaming()) continue;
      absl::StatusOr<StreamRoute> stream = CompileStreamRoute(method, table);
      if (absl::IsNotFound(stream.status())) continue;
      if (!stream.ok()) return stream.status();
      auto owned = std::make_unique<StreamRoute>(*std::move(stream));
      table.streams_by_path_[owned->grpc_path] = owned.get();
      table.streams_.push_back(std::move(owned));
    }
  }
  for (const google::protobuf::ServiceDescriptor* service : services) {
    for (int i = 0; i < service->method_count(); ++i) {
      absl::StatusOr<CompositeRoute> composite = CompileCompositeRoute(service->method(i), table);
      if (absl::IsNotFound(composite.status())) continue;
      if (!composite.ok()) return composite.status();
      auto owned = std::make_unique<CompositeRoute>(*std::move(composite));
      table.composites_by_path_[owned->grpc_path] = owned.get();
      table.composites_.push_back(std::move(owned));
    }
  }
  return table;
}

const CompositeRoute* RouteTable::FindComposite(absl::string_view grpc_path) const {
  auto it = composites_by_path_.find(grpc_path);
  return it == composites_by_path_.end() ? nullptr : it->second;
}

const StreamRoute* RouteTable::FindStream(absl::string_view grpc_path) const {
  auto it = streams_by_path_.find(grpc_path);
  return it == streams_by_path_.end() ? nullptr : it->second;
}

const Route* RouteTable::Find(absl::string_view grpc_path) const {
  auto it = by_path_.find(grpc_path);
  return it == by_path_.end() ? nullptr : it->second;
}

}  // namespace pulumi_gateway
