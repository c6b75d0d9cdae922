// What a request message must satisfy before any upstream call, compiled once per route from
// field options: `(google.api.field_behavior) = REQUIRED` and `(pulumi.gateway.v1.allowed_values)`.
//
//   absl::StatusOr<std::shared_ptr<const RequestRules>> rules =
//       CompileRequestRules(method->input_type(), route.path_fields);
//   // null when no field of the request (at any depth) carries either option
//   if (*rules != nullptr) RETURN_IF_ERROR(ValidateRequest(**rules, request));  // transcode/
//
// The rules mirror the request's shape but keep only what needs checking: a message type appears
// only if it, or a message type below it, has a rule, so a route whose request has none costs
// nothing per call, and one that has some walks only the fields leading to them. Recursive
// message types are fine (the rules of a type are built once and shared).
//
// The rule for "required" (proto3 cannot tell every unset field from its default):
//   - strings and bytes: not empty;
//   - repeated and map fields: at least one element;
//   - message fields, and scalars with presence (`optional`, oneof members): set;
//   - numbers, bools and enums without presence: never checked. 0 and false are values the API
//     may want; declare such a field `optional` to have it checked.
// Allowed values apply to string fields: a singular field (an empty value counts as not set and is
// not checked, unless the field is a path segment), each element of a repeated field, and each
// value of a map<K, string>.
#ifndef GATEWAY_ROUTE_REQUEST_RULES_H_
#define GATEWAY_ROUTE_REQUEST_RULES_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "google/protobuf/descriptor.h"

namespace pulumi_gateway {

struct MessageRules;

struct FieldRule {
  const google::protobuf::FieldDescriptor* field = nullptr;
  // field_behavior REQUIRED, on a field the rule above can check.
  bool required = false;
  // The only values a string field (element, map value) may take; empty: any.
  std::vector<std::string> allowed_values;
  // A path segment: an empty value is checked against allowed_values too (it selects the route).
  bool path_segment = false;
  // For message fields (singular, repeated elements, map values): the rules of that message type,
  // or null when it has none.
  const MessageRules* nested = nullptr;
};

struct MessageRules {
  // Only the fields with a rule or with nested rules, in declaration order.
  std::vector<FieldRule> fields;
};

// The rules of one request type. Owns every MessageRules reachable from root().
class RequestRules final {
 public:
  const MessageRules& root() const { return *root_; }

 private:
  friend class RequestRulesBuilder;
  const MessageRules* root_ = nullptr;
  std::vector<std::unique_ptr<MessageRules>> owned_;
};

// Compiles the rules of `request` and of every message type reachable from it (google.protobuf
// types aside). Returns null when there is nothing to check, and INVALID_ARGUMENT naming the field
// when allowed_values sits on a field that is not a string (or a map with string values).
// `path_fields` are the top-level fields bound to the route's path.
absl::StatusOr<std::shared_ptr<const RequestRules>> CompileRequestRules(
    const google::protobuf::Descriptor* request,
    const std::vector<const google::protobuf::FieldDescriptor*>& path_fields);

}  // namespace pulumi_gateway

#endif  // GATEWAY_ROUTE_REQUEST_RULES_H_
