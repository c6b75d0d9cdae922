// Fills a protobuf message from upstream JSON text, tolerating keys the message does not know.
// This is the one entry point: it takes the text fast path (json_text_fill.h) and falls back to
// the DOM path (json_dom_fill.h), which decides and words everything the fast path leaves to it.
//
//   ParseReport report;
//   absl::Status s = JsonToMessage(R"({"stacks":[],"newKey":1})", &response, &report);
//   // s.ok(); report.unknown_keys == {"newKey"}
//
//   // An http rule's response_body: the whole answer is one field's value.
//   JsonFill fill = FillMessageFromJson(body, items_field, &response, &report);
//   if (fill.not_json) ...
//
// Keys match a field's JSON name (or its proto name). JSON null leaves a field unset. Integers
// arrive as numbers or as decimal strings; strings accept numbers (the API is not consistent).
// google.protobuf.Struct / Value / ListValue take any JSON. Unknown keys are skipped and
// reported (with their dotted location) so schema drift can be counted.
#ifndef GATEWAY_TRANSCODE_JSON_TO_MESSAGE_H_
#define GATEWAY_TRANSCODE_JSON_TO_MESSAGE_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "gateway/transcode/parse_report.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"

namespace pulumi_gateway {

// The outcome of FillMessageFromJson, classified for callers that word their own errors.
struct JsonFill {
  // OK, or INVALID_ARGUMENT: "body is not valid JSON", or naming the field whose value does not
  // fit it (`field "stacks": expected an array, got object`).
  absl::Status status;
  // The text is not JSON at all.
  bool not_json = false;
  // When the whole message is filled (no field): the JSON type of the text's top level, as
  // nlohmann names it ("object", "array", "string"...).
  absl::string_view top_level = "object";
};

// Fills `message` (cleared first, as is `report`) from `json`, or, with a non-null `field` (a
// field of `message`'s type), fills that field from the whole of `json` as if it were
// {"<field's JSON name>": json}, so unknown keys are located under the field's name.
JsonFill FillMessageFromJson(absl::string_view json, const google::protobuf::FieldDescriptor* field,
                             google::protobuf::Message* message, ParseReport* report);

// FillMessageFromJson's status for the whole message: INVALID_ARGUMENT for text that is not JSON
// or for a value whose type does not fit its field (naming the field).
absl::Status JsonToMessage(absl::string_view json, google::protobuf::Message* message,
                           ParseReport* report);

}  // namespace pulumi_gateway

#endif  // GATEWAY_TRANSCODE_JSON_TO_MESSAGE_H_
