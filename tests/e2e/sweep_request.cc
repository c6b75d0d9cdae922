#include "tests/e2e/sweep_request.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "google/api/field_behavior.pb.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "pulumi/gateway/v1/options.pb.h"

namespace pulumi_gateway::e2e {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

constexpr int kMaxDepth = 8;

bool IsWellKnown(const Descriptor* type) { return type->file()->package() == "google.protobuf"; }

std::string PlainString(const FieldDescriptor* field) {
  const std::string allowed = FirstAllowedValue(field);
  if (!allowed.empty()) return allowed;
  const std::string name = absl::AsciiStrToLower(field->json_name());
  if (absl::StrContains(name, "url")) return "https://hooks.example/sweep";
  if (absl::StrContains(name, "email")) return "sweep@example.com";
  return "sweep";
}

void FillMessage(Message* message, int depth);

// Sets a singular field (or the value of a map entry) to the plain value of its type, or adds one
// such element (or map entry) to a repeated field.
void PutPlain(Message* message, const FieldDescriptor* field, int depth) {
  const Reflection* r = message->GetReflection();
  if (field->is_map()) {
    Message* entry = r->AddMessage(message, field);
    const FieldDescriptor* key = field->message_type()->map_key();
    if (key->cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
      entry->GetReflection()->SetString(entry, key, "sweep");
    }
    PutPlain(entry, field->message_type()->map_value(), depth);
    return;
  }
  if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
    Message* sub =
        field->is_repeated() ? r->AddMessage(message, field) : r->MutableMessage(message, field);
    if (sub->GetDescriptor() == google::protobuf::Value::descriptor()) {
      static_cast<google::protobuf::Value*>(sub)->mutable_struct_value();
    } else if (!IsWellKnown(sub->GetDescriptor())) {
      FillMessage(sub, depth + 1);
    }
    return;
  }
  // Scalars in text format, which sets a singular field and adds to a repeated one alike.
  std::string text;
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING:
      text = absl::StrCat(
          "\"",
          absl::CEscape(field->type() == FieldDescriptor::TYPE_BYTES ? "sweep"
                                                                     : PlainString(field)),
          "\"");
      break;
    case FieldDescriptor::CPPTYPE_BOOL:
      text = "false";
      break;
    case FieldDescriptor::CPPTYPE_ENUM:
      text = field->enum_type()->value(0)->name();
      break;
    default:
      text = "0";
  }
  if (!google::protobuf::TextFormat::ParseFieldValueFromString(text, field, message)) {
    ADD_FAILURE() << "cannot set " << field->full_name() << " to " << text;
  }
}

bool IsUnset(const Message& message, const FieldDescriptor* field) {
  const Reflection* r = message.GetReflection();
  if (field->is_repeated()) return r->FieldSize(message, field) == 0;
  if (field->has_presence()) return !r->HasField(message, field);
  if (field->cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
    return r->GetString(message, field).empty();
  }
  return false;  // numbers, bools and enums without presence: their default is a value
}

void FillMessage(Message* message, int depth) {
  if (depth > kMaxDepth) return;
  const Descriptor* type = message->GetDescriptor();
  const Reflection* r = message->GetReflection();
  for (int i = 0; i < type->field_count(); ++i) {
    const FieldDescriptor* field = type->field(i);
    if (IsRequired(field) && IsUnset(*message, field)) {
      PutPlain(message, field, depth);
      continue;
    }
    // Fill what is already set below this level too (fixtures set parents, not every leaf).
    if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (field->is_map()) {
      const FieldDescriptor* value = field->message_type()->map_value();
      if (value->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE ||
          IsWellKnown(value->message_type())) {
        continue;
      }
      for (int j = 0; j < r->FieldSize(*message, field); ++j) {
        Message* entry = r->MutableRepeatedMessage(message, field, j);
        FillMessage(entry->GetReflection()->MutableMessage(entry, value), depth + 1);
      }
    } else if (field->is_repeated()) {
      if (IsWellKnown(field->message_type())) continue;
      for (int j = 0; j < r->FieldSize(*message, field); ++j) {
        FillMessage(r->MutableRepeatedMessage(message, field, j), depth + 1);
      }
    } else if (r->HasField(*message, field) && !IsWellKnown(field->message_type())) {
      FillMessage(r->MutableMessage(message, field), depth + 1);
    }
  }
}

// Whether the gateway can tell a REQUIRED field unset (gateway/route/request_rules.h).
bool Checkable(const FieldDescriptor* field) {
  if (field->is_repeated()) return false;
  return field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE ||
         field->cpp_type() == FieldDescriptor::CPPTYPE_STRING || field->has_presence();
}

std::string MapKeyText(const Message& entry) {
  const FieldDescriptor* key = entry.GetDescriptor()->map_key();
  if (key->cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
    return entry.GetReflection()->GetString(entry, key);
  }
  return "?";
}

// Walks the set fields of `message`, calling `visit(steps, json_path)` for each REQUIRED field that
// `want` accepts and is set, and descending into set messages, elements and map values.
template <typename Want, typename Visit>
void Walk(const Message& message, std::vector<RequiredField::Step>& steps,
          const std::string& json_path, int depth, const Want& want, const Visit& visit) {
  if (depth > kMaxDepth) return;
  const Descriptor* type = message.GetDescriptor();
  if (IsWellKnown(type)) return;
  const Reflection* r = message.GetReflection();
  for (int i = 0; i < type->field_count(); ++i) {
    const FieldDescriptor* field = type->field(i);
    const std::string path =
        json_path.empty() ? field->json_name() : absl::StrCat(json_path, ".", field->json_name());
    steps.push_back({field, -1});
    if (IsRequired(field) && want(field) && !IsUnset(message, field)) visit(steps, path);
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      if (field->is_map()) {
        const FieldDescriptor* value = field->message_type()->map_value();
        if (value->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
          for (int j = 0; j < r->FieldSize(message, field); ++j) {
            const Message& entry = r->GetRepeatedMessage(message, field, j);
            steps.back().index = j;
            steps.push_back({value, -1});
            Walk(entry.GetReflection()->GetMessage(entry, value), steps,
                 absl::StrCat(path, "[", MapKeyText(entry), "]"), depth + 1, want, visit);
            steps.pop_back();
          }
        }
      } else if (field->is_repeated()) {
        for (int j = 0; j < r->FieldSize(message, field); ++j) {
          steps.back().index = j;
          Walk(r->GetRepeatedMessage(message, field, j), steps, absl::StrCat(path, "[", j, "]"),
               depth + 1, want, visit);
        }
      } else if (r->HasField(message, field)) {
        Walk(r->GetMessage(message, field), steps, path, depth + 1, want, visit);
      }
    }
    steps.pop_back();
  }
}

}  // namespace

std::unique_ptr<Message> NewMessage(const Descriptor* type) {
  return std::unique_ptr<Message>(
      google::protobuf::MessageFactory::generated_factory()->GetPrototype(type)->New());
}

bool IsRequired(const FieldDescriptor* field) {
  const google::protobuf::FieldOptions& options = field->options();
  for (int i = 0; i < options.ExtensionSize(google::api::field_behavior); ++i) {
    if (options.GetExtension(google::api::field_behavior, i) == google::api::REQUIRED) return true;
  }
  return false;
}

std::vector<std::string> AllowedValues(const FieldDescriptor* field) {
  std::vector<std::string> values;
  const google::protobuf::FieldOptions& options = field->options();
  for (int i = 0; i < options.ExtensionSize(pulumi::gateway::v1::allowed_values); ++i) {
    values.push_back(options.GetExtension(pulumi::gateway::v1::allowed_values, i));
  }
  return values;
}

std::string FirstAllowedValue(const FieldDescriptor* field) {
  std::vector<std::string> values = AllowedValues(field);
  return values.empty() ? "" : values.front();
}

void FillPath(const std::vector<const FieldDescriptor*>& path_fields, const SweepValues& values,
              Message* request) {
  const Reflection* r = request->GetReflection();
  for (const FieldDescriptor* field : path_fields) {
    std::string value;
    for (const auto& [name, text] : values) {
      if (absl::EqualsIgnoreCase(name, field->json_name())) value = text;
    }
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING:
        r->SetString(request, field, value.empty() ? PlainString(field) : value);
        break;
      case FieldDescriptor::CPPTYPE_INT64: {
        int64_t n = 1;
        if (!value.empty() && !absl::SimpleAtoi(value, &n)) n = 1;
        r->SetInt64(request, field, n);
        break;
      }
      case FieldDescriptor::CPPTYPE_INT32: {
        int32_t n = 1;
        if (!value.empty() && !absl::SimpleAtoi(value, &n)) n = 1;
        r->SetInt32(request, field, n);
        break;
      }
      default:
        PutPlain(request, field, 0);
        break;
    }
  }
}

void FillRequired(Message* message) { FillMessage(message, 0); }

namespace {

// A message type is not set again below itself: recursive types end.
bool OnBranch(const std::vector<const Descriptor*>& branch, const Descriptor* type) {
  return std::find(branch.begin(), branch.end(), type) != branch.end();
}

void FillMessages(Message* message, std::vector<const Descriptor*>& branch) {
  const Descriptor* type = message->GetDescriptor();
  if (branch.size() > kMaxDepth || IsWellKnown(type) || OnBranch(branch, type)) return;
  branch.push_back(type);
  FillMessage(message, kMaxDepth);  // this level's REQUIRED fields only
  const Reflection* r = message->GetReflection();
  for (int i = 0; i < type->field_count(); ++i) {
    const FieldDescriptor* field = type->field(i);
    if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (field->is_map()) {
      const FieldDescriptor* value = field->message_type()->map_value();
      if (value->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE ||
          IsWellKnown(value->message_type())) {
        continue;
      }
      if (r->FieldSize(*message, field) == 0 && !OnBranch(branch, value->message_type())) {
        PutPlain(message, field, kMaxDepth);
      }
      for (int j = 0; j < r->FieldSize(*message, field); ++j) {
        Message* entry = r->MutableRepeatedMessage(message, field, j);
        FillMessages(entry->GetReflection()->MutableMessage(entry, value), branch);
      }
    } else if (field->is_repeated()) {
      if (IsWellKnown(field->message_type())) continue;
      if (r->FieldSize(*message, field) == 0 && !OnBranch(branch, field->message_type())) {
        r->AddMessage(message, field);
      }
      for (int j = 0; j < r->FieldSize(*message, field); ++j) {
        FillMessages(r->MutableRepeatedMessage(message, field, j), branch);
      }
    } else if (!IsWellKnown(field->message_type())) {
      if (!r->HasField(*message, field) && OnBranch(branch, field->message_type())) continue;
      FillMessages(r->MutableMessage(message, field), branch);
    }
  }
  branch.pop_back();
}

}  // namespace

void FillEveryMessage(Message* message) {
  std::vector<const Descriptor*> branch;
  FillMessages(message, branch);
}

absl::Status MergeJson(const std::string& json, Message* message) {
  std::unique_ptr<Message> parsed(message->New());
  auto status = google::protobuf::util::JsonStringToMessage(json, parsed.get());
  if (!status.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "fixture for ", message->GetDescriptor()->full_name(), ": ", status.message().as_string()));
  }
  message->MergeFrom(*parsed);
  return absl::OkStatus();
}

std::vector<RequiredField> RequiredFields(const Message& request,
                                          const std::vector<const FieldDescriptor*>& path_fields) {
  std::vector<RequiredField> out;
  std::vector<RequiredField::Step> steps;
  auto want = [&](const FieldDescriptor* field) {
    if (Checkable(field)) return true;
    // An integer path field: 0 cannot be a path segment.
    return std::find(path_fields.begin(), path_fields.end(), field) != path_fields.end();
  };
  Walk(request, steps, "", 0, want,
       [&](const std::vector<RequiredField::Step>& at, const std::string& path) {
         out.push_back({path, at});
       });
  return out;
}

std::unique_ptr<Message> Without(const Message& request, const RequiredField& field) {
  std::unique_ptr<Message> copy(request.New());
  copy->CopyFrom(request);
  Message* at = copy.get();
  for (size_t i = 0; i + 1 < field.steps.size(); ++i) {
    const RequiredField::Step& step = field.steps[i];
    const Reflection* r = at->GetReflection();
    // A list element, or a map entry (whose value field is the next step), or a message field.
    at = step.field->is_repeated() ? r->MutableRepeatedMessage(at, step.field, step.index)
                                   : r->MutableMessage(at, step.field);
  }
  at->GetReflection()->ClearField(at, field.steps.back().field);
  return copy;
}

}  // namespace pulumi_gateway::e2e
