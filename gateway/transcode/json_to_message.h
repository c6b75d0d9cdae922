// Fills a protobuf message from upstream JSON, tolerating keys the message does not know.
//
//   ParseReport report;
//   absl::Status s = JsonToMessage(R"({"stacks":[],"newKey":1})", &response, &report);
//   // s.ok(); report.unknown_keys == {"newKey"}
//
// Keys match a field's JSON name (or its proto name). JSON null leaves a field unset. Integers
// arrive as numbers or as decimal strings; strings accept numbers (the API is not consistent).
// google.protobuf.Struct / Value / ListValue take any JSON. Unknown keys are skipped and
// reported (with their dotted location) so schema drift can be counted.
#ifndef GATEWAY_TRANSCODE_JSON_TO_MESSAGE_H_
#define GATEWAY_TRANSCODE_JSON_TO_MESSAGE_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"
#include "nlohmann/json.hpp"

namespace pulumi_gateway {

struct ParseReport {
  // Locations of keys the message has no field for, e.g. "stacks.links.edit". Each distinct
  // location is listed once, at most kMaxUnknownKeys of them.
  std::vector<std::string> unknown_keys;
  // Total unknown keys seen, counting repeats.
  int unknown_key_count = 0;
  static constexpr size_t kMaxUnknownKeys = 32;
};

// Parses `json` text into `message` (which is cleared first, as is `report`). Returns
// INVALID_ARGUMENT for text that is not JSON or for a value whose type does not fit its field
// (naming the field).
absl::Status JsonToMessage(absl::string_view json, google::protobuf::Message* message,
                           ParseReport* report);

// The fast path of JsonToMessage: fills `message` straight from the JSON text, with no DOM.
// Returns false (leaving `message` and `report` unspecified) whenever the DOM path's
// result could differ: text that is not JSON, a type that does not fit, a key, field or oneof
// met twice in one object, very deep nesting. JsonToMessage then takes the DOM path.
bool FillFromJsonText(absl::string_view json, google::protobuf::Message* message,
                      ParseReport* report);

// As above for an already parsed JSON value; `json` must be an object.
absl::Status JsonValueToMessage(const nlohmann::json& json, google::protobuf::Message* message,
                                ParseReport* report);

// For answers whose whole JSON value (object, array, string, number...) is one field of the
// message (an http rule's `response_body`): as the functions above would fill `message` from
// {"<field's JSON name>": json}, so unknown keys are located under the field's name
// ("items.newKey"). `field` must be a field of `message`'s type. FillFieldFromJsonText gives up
// (returns false) where FillFromJsonText would; JsonValueToMessageField then decides and words
// the errors (`field "items": expected an array, got object`).
bool FillFieldFromJsonText(absl::string_view json, const google::protobuf::FieldDescriptor* field,
                           google::protobuf::Message* message, ParseReport* report);
absl::Status JsonValueToMessageField(nlohmann::json json,
                                     const google::protobuf::FieldDescriptor* field,
                                     google::protobuf::Message* message, ParseReport* report);

}  // namespace pulumi_gateway

#endif  // GATEWAY_TRANSCODE_JSON_TO_MESSAGE_H_
