#include "gateway/transcode/message_to_json.h"

#include <string>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

namespace pulumi_gateway {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using nlohmann::json;

bool Is64Bit(const FieldDescriptor* field) {
  return field->cpp_type() == FieldDescriptor::CPPTYPE_INT64 ||
         field->cpp_type() == FieldDescriptor::CPPTYPE_UINT64;
}

void Unquote(const FieldDescriptor* field, json& value) {
  if (!value.is_string()) return;
  const std::string& text = value.get_ref<const std::string&>();
  if (field->cpp_type() == FieldDescriptor::CPPTYPE_INT64) {
    int64_t n;
    if (absl::SimpleAtoi(text, &n)) value = n;
  } else {
    uint64_t n;
    if (absl::SimpleAtoi(text, &n)) value = n;
  }
}

void UnquoteInt64(const Descriptor* descriptor, json& object);

// Fixes one field's JSON value: numbers for 64-bit integers, recursion into messages.
void FixValue(const FieldDescriptor* field, json& value) {
  if (Is64Bit(field)) {
    Unquote(field, value);
  } else if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
    UnquoteInt64(field->message_type(), value);
  }
}

void UnquoteInt64(const Descriptor* descriptor, json& object) {
  if (!object.is_object() || descriptor == google::protobuf::Struct::descriptor() ||
      descriptor == google::protobuf::Value::descriptor() ||
      descriptor == google::protobuf::ListValue::descriptor() ||
      descriptor->file()->package() == "google.protobuf") {
    return;
  }
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const FieldDescriptor* field = descriptor->field(i);
    auto it = object.find(field->json_name());
    if (it == object.end()) continue;
    if (field->is_map()) {
      const FieldDescriptor* map_value = field->message_type()->map_value();
      if (!it->is_object()) continue;
      for (auto& entry : it->items()) FixValue(map_value, entry.value());
    } else if (field->is_repeated()) {
      if (!it->is_array()) continue;
      for (json& element : *it) FixValue(field, element);
    } else {
      FixValue(field, *it);
    }
  }
}

}  // namespace

absl::StatusOr<json> MessageToJson(const google::protobuf::Message& message) {
  std::string text;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = false;
  // Fields without presence are sent even at their default (a stack permission of 0 means
  // "none"); proto3 `optional` fields are still omitted when unset.
  options.always_print_primitive_fields = true;
  auto status = google::protobuf::util::MessageToJsonString(message, &text, options);
  if (!status.ok()) {
    return absl::InternalError(absl::StrCat("cannot render ", message.GetDescriptor()->full_name(),
                                            " as JSON: ", status.message().as_string()));
  }
  json value = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) return absl::InternalError("protobuf printed invalid JSON");
  UnquoteInt64(message.GetDescriptor(), value);
  return value;
}

}  // namespace pulumi_gateway
