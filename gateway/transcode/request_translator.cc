#include "gateway/transcode/request_translator.h"

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gateway/status/macros.h"
#include "gateway/transcode/message_to_json.h"
#include "gateway/transcode/request_validator.h"

namespace pulumi_gateway {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;
using nlohmann::json;

std::string ScalarText(const Message& m, const FieldDescriptor* f, int index) {
  const Reflection* r = m.GetReflection();
  const bool rep = index >= 0;
  switch (f->cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING:
      return rep ? r->GetRepeatedString(m, f, index) : r->GetString(m, f);
    case FieldDescriptor::CPPTYPE_BOOL:
      return (rep ? r->GetRepeatedBool(m, f, index) : r->GetBool(m, f)) ? "true" : "false";
    case FieldDescriptor::CPPTYPE_INT32:
      return absl::StrCat(rep ? r->GetRepeatedInt32(m, f, index) : r->GetInt32(m, f));
    case FieldDescriptor::CPPTYPE_INT64:
      return absl::StrCat(rep ? r->GetRepeatedInt64(m, f, index) : r->GetInt64(m, f));
    case FieldDescriptor::CPPTYPE_UINT32:
      return absl::StrCat(rep ? r->GetRepeatedUInt32(m, f, index) : r->GetUInt32(m, f));
    case FieldDescriptor::CPPTYPE_UINT64:
      return absl::StrCat(rep ? r->GetRepeatedUInt64(m, f, index) : r->GetUInt64(m, f));
    case FieldDescriptor::CPPTYPE_DOUBLE:
      return absl::StrCat(rep ? r->GetRepeatedDouble(m, f, index) : r->GetDouble(m, f));
    case FieldDescriptor::CPPTYPE_FLOAT:
      return absl::StrCat(rep ? r->GetRepeatedFloat(m, f, index) : r->GetFloat(m, f));
    case FieldDescriptor::CPPTYPE_ENUM:
      return (rep ? r->GetRepeatedEnum(m, f, index) : r->GetEnum(m, f))->name();
    case FieldDescriptor::CPPTYPE_MESSAGE:
      break;
  }
  return "";
}

// Proto3 fields without presence count as set when they differ from their default.
bool IsSet(const Message& m, const FieldDescriptor* f) {
  const Reflection* r = m.GetReflection();
  if (f->is_repeated()) return r->FieldSize(m, f) > 0;
  return r->HasField(m, f);
}

void AppendQuery(std::string* path, bool* first, absl::string_view key, absl::string_view value) {
  absl::StrAppend(path, *first ? "?" : "&", PercentEncode(key), "=", PercentEncode(value));
  *first = false;
}

absl::StatusOr<json> BodyJson(const Route& route, const Message& request) {
  if (route.body_kind == Route::BodyKind::kWholeRequest) {
    ASSIGN_OR_RETURN(json whole, MessageToJson(request));
    for (const FieldDescriptor* field : route.path_fields) whole.erase(field->json_name());
    return whole;
  }
  const FieldDescriptor* body = route.body_field;
  const Reflection* r = request.GetReflection();
  if (body->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && !body->is_repeated()) {
    return MessageToJson(r->GetMessage(request, body));
  }
  // A map or repeated field: render the request holding only that field, then take its value.
  std::unique_ptr<Message> copy(request.New());
  copy->CopyFrom(request);
  const auto* descriptor = copy->GetDescriptor();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    if (descriptor->field(i) != body) r->ClearField(copy.get(), descriptor->field(i));
  }
  ASSIGN_OR_RETURN(json whole, MessageToJson(*copy));
  auto it = whole.find(body->json_name());
  if (it != whole.end()) return *it;
  if (body->is_map()) return json::object();
  if (body->is_repeated()) return json::array();
  return json(nullptr);
}

}  // namespace

absl::Status TranslateRequest(const Route& route, const Message& request, HttpRequest* out) {
  // Before anything else: a request that breaks a rule never reaches the upstream, and the caller
  // learns which field is wrong rather than what the path or body would have become.
  if (route.request_rules != nullptr) {
    RETURN_IF_ERROR(ValidateRequest(*route.request_rules, request));
  }
  ASSIGN_OR_RETURN(out->path, route.path.Expand(request));
  out->method = route.http_method;

  bool first = true;
  for (const FieldDescriptor* field : route.query_fields) {
    if (!IsSet(request, field)) continue;
    if (field->is_repeated()) {
      const int n = request.GetReflection()->FieldSize(request, field);
      for (int i = 0; i < n; ++i) {
        AppendQuery(&out->path, &first, field->json_name(), ScalarText(request, field, i));
      }
    } else {
      AppendQuery(&out->path, &first, field->json_name(), ScalarText(request, field, -1));
    }
  }
  for (const auto& [name, value] : route.query_values) AppendQuery(&out->path, &first, name, value);
  if (out->path.size() > kMaxUrlPathBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("the request would need a URL of ", out->path.size(), " bytes (limit ",
                     kMaxUrlPathBytes, "); shorten the path fields or send fewer query values"));
  }

  out->has_body = route.body_kind != Route::BodyKind::kNone;
  out->body.clear();
  if (out->has_body) {
    ASSIGN_OR_RETURN(json body, BodyJson(route, request));
    if (!route.body_values.empty()) {
      if (!body.is_object()) body = json::object();
      for (const auto& [name, value] : route.body_values) body[name] = value;
    }
    out->body = body.dump();
  }
  return absl::OkStatus();
}

}  // namespace pulumi_gateway
