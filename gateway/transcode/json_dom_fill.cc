#include "gateway/transcode/json_dom_fill.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "gateway/status/redact.h"
#include "gateway/transcode/json_reader.h"
#include "google/protobuf/struct.pb.h"

namespace pulumi_gateway {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;
using nlohmann::json;

constexpr int kMaxDepth = kMaxJsonDepth;

}  // namespace

// protobuf 3.21 has no index by JSON name, so each thread keeps one per message type: few threads
// parse, and a lookup then takes no lock.
const FieldDescriptor* FindJsonField(const Descriptor* descriptor, const std::string& key) {
  using Index = absl::flat_hash_map<std::string, const FieldDescriptor*>;
  thread_local absl::flat_hash_map<const Descriptor*, Index> indexes;
  auto [it, inserted] = indexes.try_emplace(descriptor);
  if (inserted) {
    for (int i = 0; i < descriptor->field_count(); ++i) {
      const FieldDescriptor* field = descriptor->field(i);
      it->second.emplace(field->name(), field);
    }
    for (int i = 0; i < descriptor->field_count(); ++i) {
      const FieldDescriptor* field = descriptor->field(i);
      it->second.insert_or_assign(field->json_name(), field);
    }
  }
  auto found = it->second.find(key);
  return found == it->second.end() ? nullptr : found->second;
}

absl::Status DomFiller::Object(const json& value, Message* message, const std::string& where,
                               int depth) {
  if (depth > kMaxDepth) return Error(where, "nesting is too deep");
  const Descriptor* descriptor = message->GetDescriptor();
  if (IsWellKnown(descriptor)) return WellKnown(value, message, where, depth);
  if (!value.is_object())
    return Error(where, absl::StrCat("expected an object, got ", value.type_name()));
  for (auto it = value.begin(); it != value.end(); ++it) {
    const FieldDescriptor* field = FindJsonField(descriptor, it.key());
    const std::string location = where.empty() ? it.key() : absl::StrCat(where, ".", it.key());
    if (field == nullptr) {
      Unknown(location);
      continue;
    }
    if (it->is_null() && !IsValueType(field)) continue;
    absl::Status status = Field(*it, message, field, location, depth);
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

bool DomFiller::IsWellKnown(const Descriptor* d) {
  return d == google::protobuf::Struct::descriptor() ||
         d == google::protobuf::Value::descriptor() ||
         d == google::protobuf::ListValue::descriptor();
}

bool DomFiller::IsValueType(const FieldDescriptor* field) {
  return field->message_type() == google::protobuf::Value::descriptor();
}

// Locations hold the upstream's map keys and values its text: both are redacted and capped.
absl::Status DomFiller::Error(const std::string& where, absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat(
      "field \"", where.empty() ? "(top level)" : RedactSecrets(where, 200), "\": ", why));
}

// A value as an error names it: scalars as JSON, containers by their type.
std::string DomFiller::Shown(const json& value) {
  if (value.is_object() || value.is_array()) return value.type_name();
  return RedactSecrets(value.dump(), 80);
}

void DomFiller::Unknown(const std::string& location) {
  ++report_->unknown_key_count;
  auto& keys = report_->unknown_keys;
  if (keys.size() >= ParseReport::kMaxUnknownKeys) return;
  // Keys are the upstream's text: they reach metrics-side logs, so they are redacted.
  std::string shown = RedactSecrets(location, 256);
  if (std::find(keys.begin(), keys.end(), shown) == keys.end()) keys.push_back(std::move(shown));
}

absl::Status DomFiller::Field(const json& value, Message* message, const FieldDescriptor* field,
                              const std::string& where, int depth) {
  const Reflection* reflection = message->GetReflection();
  if (field->is_map()) {
    if (!value.is_object())
      return Error(where, absl::StrCat("expected an object, got ", value.type_name()));
    const FieldDescriptor* key_field = field->message_type()->map_key();
    const FieldDescriptor* value_field = field->message_type()->map_value();
    for (auto it = value.begin(); it != value.end(); ++it) {
      Message* entry = reflection->AddMessage(message, field);
      absl::Status status = MapKey(it.key(), entry, key_field, where);
      if (!status.ok()) return status;
      if (it->is_null() && !IsValueType(value_field)) continue;
      status = Single(*it, entry, value_field, absl::StrCat(where, ".", it.key()), depth);
      if (!status.ok()) return status;
    }
    return absl::OkStatus();
  }
  if (field->is_repeated()) {
    if (!value.is_array())
      return Error(where, absl::StrCat("expected an array, got ", value.type_name()));
    for (const json& element : value) {
      absl::Status status = Repeated(element, message, field, where, depth);
      if (!status.ok()) return status;
    }
    return absl::OkStatus();
  }
  return Single(value, message, field, where, depth);
}

absl::Status DomFiller::Single(const json& value, Message* message, const FieldDescriptor* field,
                               const std::string& where, int depth) {
  if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
    return Object(value, message->GetReflection()->MutableMessage(message, field), where,
                  depth + 1);
  }
  return Scalar(value, message, field, where);
}

absl::Status DomFiller::Repeated(const json& value, Message* message, const FieldDescriptor* field,
                                 const std::string& where, int depth) {
  const Reflection* reflection = message->GetReflection();
  if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
    if (value.is_null() && !IsValueType(field)) return absl::OkStatus();
    return Object(value, reflection->AddMessage(message, field), where, depth + 1);
  }
  return Scalar(value, message, field, where);
}

absl::Status DomFiller::MapKey(const std::string& key, Message* entry,
                               const FieldDescriptor* key_field, const std::string& where) {
  if (key_field->cpp_type() == FieldDescriptor::CPPTYPE_BOOL) {
    if (key != "true" && key != "false") {
      return Error(where, absl::StrCat("expected a boolean, got ", Shown(json(key))));
    }
    entry->GetReflection()->SetBool(entry, key_field, key == "true");
    return absl::OkStatus();
  }
  return Scalar(json(key), entry, key_field, where);
}

absl::Status DomFiller::Scalar(const json& value, Message* message, const FieldDescriptor* field,
                               const std::string& where) {
  const Reflection* r = message->GetReflection();
  const bool repeated = field->is_repeated();
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING: {
      // Only a JSON string: a number or a boolean here means the answer does not fit.
      if (!value.is_string()) {
        return Error(where, absl::StrCat("expected a string, got ", value.type_name()));
      }
      std::string text = value.get<std::string>();
      if (field->type() == FieldDescriptor::TYPE_BYTES) {
        std::string decoded;
        if (!absl::Base64Unescape(text, &decoded) && !absl::WebSafeBase64Unescape(text, &decoded)) {
          return Error(where, "expected base64 bytes");
        }
        text = std::move(decoded);
      }
      repeated ? r->AddString(message, field, std::move(text))
               : r->SetString(message, field, std::move(text));
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_BOOL: {
      if (!value.is_boolean()) {
        return Error(where, absl::StrCat("expected a boolean, got ", value.type_name()));
      }
      const bool b = value.get<bool>();
      repeated ? r->AddBool(message, field, b) : r->SetBool(message, field, b);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_DOUBLE:
    case FieldDescriptor::CPPTYPE_FLOAT: {
      double d;
      if (value.is_number()) {
        d = value.get<double>();
      } else if (!value.is_string() || !NumberFromText(value.get_ref<const std::string&>(), &d)) {
        return Error(where, absl::StrCat("expected a number, got ", value.type_name()));
      }
      if (field->cpp_type() == FieldDescriptor::CPPTYPE_DOUBLE) {
        repeated ? r->AddDouble(message, field, d) : r->SetDouble(message, field, d);
      } else {
        repeated ? r->AddFloat(message, field, static_cast<float>(d))
                 : r->SetFloat(message, field, static_cast<float>(d));
      }
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_INT32:
    case FieldDescriptor::CPPTYPE_INT64:
    case FieldDescriptor::CPPTYPE_UINT32:
    case FieldDescriptor::CPPTYPE_UINT64:
      return Integer(value, message, field, where);
    case FieldDescriptor::CPPTYPE_ENUM: {
      const google::protobuf::EnumValueDescriptor* e = nullptr;
      if (value.is_string()) {
        e = field->enum_type()->FindValueByName(value.get<std::string>());
      } else if (value.is_number_integer()) {
        e = field->enum_type()->FindValueByNumber(value.get<int>());
      }
      if (e == nullptr) return Error(where, absl::StrCat("unknown enum value ", Shown(value)));
      repeated ? r->AddEnum(message, field, e) : r->SetEnum(message, field, e);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_MESSAGE:
      break;
  }
  return Error(where, "unsupported field type");
}

absl::Status DomFiller::Integer(const json& value, Message* message, const FieldDescriptor* field,
                                const std::string& where) {
  const Reflection* r = message->GetReflection();
  const bool repeated = field->is_repeated();
  const bool is_unsigned = field->cpp_type() == FieldDescriptor::CPPTYPE_UINT32 ||
                           field->cpp_type() == FieldDescriptor::CPPTYPE_UINT64;
  int64_t s = 0;
  uint64_t u = 0;
  bool ok = false;
  if (value.is_number_unsigned()) {
    u = value.get<uint64_t>();
    s = static_cast<int64_t>(u);
    ok = is_unsigned || u <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
  } else if (value.is_number_integer()) {
    s = value.get<int64_t>();
    u = static_cast<uint64_t>(s);
    ok = !is_unsigned || s >= 0;
  } else if (value.is_number_float()) {
    double d = value.get<double>();
    ok = std::trunc(d) == d && std::fabs(d) < 9.2e18 && (!is_unsigned || d >= 0);
    // Converting a double outside int64's range is undefined: only once it is known to fit.
    s = ok ? static_cast<int64_t>(d) : 0;
    u = static_cast<uint64_t>(s);
  } else if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    ok = is_unsigned ? UnsignedFromText(text, &u) : IntegerFromText(text, &s);
    if (is_unsigned)
      s = static_cast<int64_t>(u);
    else
      u = static_cast<uint64_t>(s);
  }
  if (!ok) return Error(where, absl::StrCat("expected an integer, got ", Shown(value)));
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
      if (s < std::numeric_limits<int32_t>::min() || s > std::numeric_limits<int32_t>::max()) {
        return Error(where, "integer out of range");
      }
      repeated ? r->AddInt32(message, field, static_cast<int32_t>(s))
               : r->SetInt32(message, field, static_cast<int32_t>(s));
      break;
    case FieldDescriptor::CPPTYPE_INT64:
      repeated ? r->AddInt64(message, field, s) : r->SetInt64(message, field, s);
      break;
    case FieldDescriptor::CPPTYPE_UINT32:
      if (u > std::numeric_limits<uint32_t>::max()) return Error(where, "integer out of range");
      repeated ? r->AddUInt32(message, field, static_cast<uint32_t>(u))
               : r->SetUInt32(message, field, static_cast<uint32_t>(u));
      break;
    default:
      repeated ? r->AddUInt64(message, field, u) : r->SetUInt64(message, field, u);
      break;
  }
  return absl::OkStatus();
}

absl::Status DomFiller::WellKnown(const json& value, Message* message, const std::string& where,
                                  int depth) {
  if (depth > kMaxDepth) return Error(where, "nesting is too deep");
  const Descriptor* d = message->GetDescriptor();
  if (d == google::protobuf::Struct::descriptor()) {
    if (!value.is_object())
      return Error(where, absl::StrCat("expected an object, got ", value.type_name()));
    auto* s = static_cast<google::protobuf::Struct*>(message);
    for (auto it = value.begin(); it != value.end(); ++it) {
      absl::Status status = WellKnown(*it, &(*s->mutable_fields())[it.key()], where, depth + 1);
      if (!status.ok()) return status;
    }
    return absl::OkStatus();
  }
  if (d == google::protobuf::ListValue::descriptor()) {
    if (!value.is_array())
      return Error(where, absl::StrCat("expected an array, got ", value.type_name()));
    auto* list = static_cast<google::protobuf::ListValue*>(message);
    for (const json& element : value) {
      absl::Status status = WellKnown(element, list->add_values(), where, depth + 1);
      if (!status.ok()) return status;
    }
    return absl::OkStatus();
  }
  auto* v = static_cast<google::protobuf::Value*>(message);
  switch (value.type()) {
    case json::value_t::null:
      v->set_null_value(google::protobuf::NULL_VALUE);
      return absl::OkStatus();
    case json::value_t::boolean:
      v->set_bool_value(value.get<bool>());
      return absl::OkStatus();
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      v->set_number_value(value.get<double>());
      return absl::OkStatus();
    case json::value_t::string:
      v->set_string_value(value.get<std::string>());
      return absl::OkStatus();
    case json::value_t::object:
      return WellKnown(value, v->mutable_struct_value(), where, depth + 1);
    case json::value_t::array:
      return WellKnown(value, v->mutable_list_value(), where, depth + 1);
    default:
      return Error(where, "unsupported JSON value");
  }
}

absl::Status JsonValueToMessage(const json& value, Message* message, ParseReport* report) {
  message->Clear();
  *report = ParseReport();
  return DomFiller(report).Object(value, message, "", 0);
}

absl::Status JsonValueToMessageField(json value, const FieldDescriptor* field, Message* message,
                                     ParseReport* report) {
  json wrapped = json::object();
  wrapped[field->json_name()] = std::move(value);
  return JsonValueToMessage(wrapped, message, report);
}

}  // namespace pulumi_gateway
