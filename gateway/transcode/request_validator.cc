#include "gateway/transcode/request_validator.h"

#include <algorithm>
#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace pulumi_gateway {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// Map keys come from the caller: shown escaped and cut short.
constexpr size_t kMaxKeyInMessage = 64;

// Where the walk is, as a chain on the stack; rendered only when a check fails.
struct PathNode {
  const PathNode* parent = nullptr;
  const FieldDescriptor* field = nullptr;
  // An element of a repeated field (index >= 0), or a map value (entry != null).
  int index = -1;
  const Message* entry = nullptr;
};

std::string MapKey(const Message& entry) {
  const FieldDescriptor* key = entry.GetDescriptor()->map_key();
  const Reflection* r = entry.GetReflection();
  std::string text;
  switch (key->cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING:
      text = r->GetString(entry, key);
      break;
    case FieldDescriptor::CPPTYPE_BOOL:
      text = r->GetBool(entry, key) ? "true" : "false";
      break;
    case FieldDescriptor::CPPTYPE_INT32:
      text = absl::StrCat(r->GetInt32(entry, key));
      break;
    case FieldDescriptor::CPPTYPE_INT64:
      text = absl::StrCat(r->GetInt64(entry, key));
      break;
    case FieldDescriptor::CPPTYPE_UINT32:
      text = absl::StrCat(r->GetUInt32(entry, key));
      break;
    default:
      text = absl::StrCat(r->GetUInt64(entry, key));
      break;
  }
  if (text.size() > kMaxKeyInMessage) text = absl::StrCat(text.substr(0, kMaxKeyInMessage), "...");
  return absl::CHexEscape(text);
}

void Render(const PathNode* node, std::string* out) {
  if (node == nullptr) return;
  Render(node->parent, out);
  if (node->index >= 0) {
    absl::StrAppend(out, "[", node->index, "]");
  } else if (node->entry != nullptr) {
    absl::StrAppend(out, "[", MapKey(*node->entry), "]");
  } else {
    absl::StrAppend(out, out->empty() ? "" : ".", node->field->json_name());
  }
}

std::string PathOf(const PathNode& node) {
  std::string path;
  Render(&node, &path);
  return path;
}

absl::Status Required(const PathNode& node) {
  return absl::InvalidArgumentError(absl::StrCat("field \"", PathOf(node), "\" is required"));
}

absl::Status CheckAllowed(const FieldRule& rule, const std::string& value, const PathNode& node) {
  if (rule.allowed_values.empty() ||
      std::find(rule.allowed_values.begin(), rule.allowed_values.end(), value) !=
          rule.allowed_values.end()) {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "field \"", PathOf(node), "\" must be one of: ", absl::StrJoin(rule.allowed_values, ", ")));
}

absl::Status Check(const MessageRules& rules, const Message& message, const PathNode* parent);

// A repeated field's elements or a map's values.
absl::Status CheckElements(const FieldRule& rule, const Message& message, const PathNode& here) {
  const FieldDescriptor* field = rule.field;
  const Reflection* r = message.GetReflection();
  const int n = r->FieldSize(message, field);
  std::string scratch;
  for (int i = 0; i < n; ++i) {
    if (field->is_map()) {
      const Message& entry = r->GetRepeatedMessage(message, field, i);
      const FieldDescriptor* value = field->message_type()->map_value();
      const PathNode node{&here, field, -1, &entry};
      const Reflection* er = entry.GetReflection();
      if (rule.nested != nullptr) {
        absl::Status status = Check(*rule.nested, er->GetMessage(entry, value), &node);
        if (!status.ok()) return status;
      } else {
        absl::Status status =
            CheckAllowed(rule, er->GetStringReference(entry, value, &scratch), node);
        if (!status.ok()) return status;
      }
      continue;
    }
    const PathNode node{&here, field, i, nullptr};
    if (rule.nested != nullptr) {
      absl::Status status = Check(*rule.nested, r->GetRepeatedMessage(message, field, i), &node);
      if (!status.ok()) return status;
    } else {
      absl::Status status =
          CheckAllowed(rule, r->GetRepeatedStringReference(message, field, i, &scratch), node);
      if (!status.ok()) return status;
    }
  }
  return absl::OkStatus();
}

absl::Status Check(const MessageRules& rules, const Message& message, const PathNode* parent) {
  const Reflection* r = message.GetReflection();
  for (const FieldRule& rule : rules.fields) {
    const FieldDescriptor* field = rule.field;
    const PathNode here{parent, field, -1, nullptr};
    if (field->is_repeated()) {
      if (rule.required && r->FieldSize(message, field) == 0) return Required(here);
      if (rule.nested == nullptr && rule.allowed_values.empty()) continue;
      absl::Status status = CheckElements(rule, message, here);
      if (!status.ok()) return status;
    } else if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      if (!r->HasField(message, field)) {
        if (rule.required) return Required(here);
        continue;
      }
      if (rule.nested == nullptr) continue;
      absl::Status status = Check(*rule.nested, r->GetMessage(message, field), &here);
      if (!status.ok()) return status;
    } else if (field->cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
      std::string scratch;
      const std::string& value = r->GetStringReference(message, field, &scratch);
      if (value.empty() && rule.required) return Required(here);
      // Without presence an empty string is "not set"; a path segment is never unset.
      const bool set = field->has_presence() ? r->HasField(message, field) : !value.empty();
      if (!set && !rule.path_segment) continue;
      absl::Status status = CheckAllowed(rule, value, here);
      if (!status.ok()) return status;
    } else if (rule.required && !r->HasField(message, field)) {
      return Required(here);  // a number, bool or enum with presence
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateRequest(const RequestRules& rules, const Message& request) {
  return Check(rules.root(), request, nullptr);
}

}  // namespace pulumi_gateway
