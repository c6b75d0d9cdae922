#include "gateway/route/request_rules.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "google/api/field_behavior.pb.h"
#include "pulumi/gateway/v1/options.pb.h"

namespace pulumi_gateway {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;

namespace {

// The message type of a field's values (singular, repeated elements or map values), or null.
const Descriptor* ValueType(const FieldDescriptor* field) {
  const FieldDescriptor* value = field->is_map() ? field->message_type()->map_value() : field;
  if (value->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) return nullptr;
  // Struct, Value, Any, timestamps...: free-form or foreign, nothing of ours to check inside.
  if (value->message_type()->file()->package() == "google.protobuf") return nullptr;
  return value->message_type();
}

bool IsRequired(const FieldDescriptor* field) {
  const google::protobuf::FieldOptions& options = field->options();
  for (int i = 0, n = options.ExtensionSize(google::api::field_behavior); i < n; ++i) {
    if (options.GetExtension(google::api::field_behavior, i) == google::api::REQUIRED) return true;
  }
  return false;
}

// Whether "required" can be told from the value (see the header): not for proto3 numbers, bools
// and enums without presence, whose default is also a value.
bool CanCheckRequired(const FieldDescriptor* field) {
  return field->is_repeated() || field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE ||
         field->cpp_type() == FieldDescriptor::CPPTYPE_STRING || field->has_presence();
}

}  // namespace

// Builds the rules of one request type in three passes: collect every reachable message type with
// the rules its own fields carry; mark the types that have a rule or reach one (a fixed point, so
// recursive types settle); then link the marked types' rules.
class RequestRulesBuilder {
 public:
  absl::StatusOr<std::shared_ptr<const RequestRules>> Build(
      const Descriptor* request, const std::vector<const FieldDescriptor*>& path_fields) {
    absl::Status collected = Collect(request);
    if (!collected.ok()) return collected;
    Mark();
    if (!types_[request].marked) return std::shared_ptr<const RequestRules>();

    auto rules = std::make_shared<RequestRules>();
    for (const Descriptor* type : order_) {
      TypeInfo& info = types_[type];
      if (!info.marked) continue;
      rules->owned_.push_back(std::make_unique<MessageRules>());
      info.rules = rules->owned_.back().get();
    }
    for (const Descriptor* type : order_) {
      const TypeInfo& info = types_[type];
      if (info.marked) *info.rules = Link(info);
    }
    // The request itself gets its own copy: only at the top level are fields path segments, and
    // a recursive request type may also occur below itself.
    MessageRules root = Link(types_[request]);
    for (FieldRule& rule : root.fields) {
      rule.path_segment =
          std::find(path_fields.begin(), path_fields.end(), rule.field) != path_fields.end();
    }
    rules->owned_.push_back(std::make_unique<MessageRules>(std::move(root)));
    rules->root_ = rules->owned_.back().get();
    return std::shared_ptr<const RequestRules>(std::move(rules));
  }

 private:
  struct TypeInfo {
    // Every field in declaration order, with its own rule (no nested part yet).
    std::vector<FieldRule> fields;
    bool marked = false;
    MessageRules* rules = nullptr;
  };

  absl::Status Collect(const Descriptor* request) {
    std::vector<const Descriptor*> pending = {request};
    while (!pending.empty()) {
      const Descriptor* type = pending.back();
      pending.pop_back();
      if (types_.contains(type)) continue;
      TypeInfo& info = types_[type];
      order_.push_back(type);
      for (int i = 0; i < type->field_count(); ++i) {
        const FieldDescriptor* field = type->field(i);
        FieldRule rule;
        rule.field = field;
        rule.required = IsRequired(field) && CanCheckRequired(field);
        namespace gw = ::pulumi::gateway::v1;
        const int allowed = field->options().ExtensionSize(gw::allowed_values);
        if (allowed > 0) {
          const FieldDescriptor* value =
              field->is_map() ? field->message_type()->map_value() : field;
          if (value->type() != FieldDescriptor::TYPE_STRING) {
            return absl::InvalidArgumentError(
                absl::StrCat("allowed_values on ", field->full_name(),
                             " needs a string field (singular, repeated, or a map's values)"));
          }
          for (int j = 0; j < allowed; ++j) {
            rule.allowed_values.push_back(field->options().GetExtension(gw::allowed_values, j));
          }
        }
        info.fields.push_back(std::move(rule));
        if (const Descriptor* below = ValueType(field)) pending.push_back(below);
      }
    }
    return absl::OkStatus();
  }

  static bool HasOwnRule(const FieldRule& rule) {
    return rule.required || !rule.allowed_values.empty();
  }

  void Mark() {
    for (bool changed = true; changed;) {
      changed = false;
      for (const Descriptor* type : order_) {
        TypeInfo& info = types_[type];
        if (info.marked) continue;
        for (const FieldRule& rule : info.fields) {
          const Descriptor* below = ValueType(rule.field);
          if (HasOwnRule(rule) || (below != nullptr && types_.at(below).marked)) {
            info.marked = changed = true;
            break;
          }
        }
      }
    }
  }

  MessageRules Link(const TypeInfo& info) {
    MessageRules rules;
    for (const FieldRule& own : info.fields) {
      const Descriptor* below = ValueType(own.field);
      const MessageRules* nested = below != nullptr ? types_.at(below).rules : nullptr;
      if (!HasOwnRule(own) && nested == nullptr) continue;
      rules.fields.push_back(own);
      rules.fields.back().nested = nested;
    }
    return rules;
  }

  absl::flat_hash_map<const Descriptor*, TypeInfo> types_;
  std::vector<const Descriptor*> order_;
};

absl::StatusOr<std::shared_ptr<const RequestRules>> CompileRequestRules(
    const Descriptor* request, const std::vector<const FieldDescriptor*>& path_fields) {
  return RequestRulesBuilder().Build(request, path_fields);
}

}  // namespace pulumi_gateway
