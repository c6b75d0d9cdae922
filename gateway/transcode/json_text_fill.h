// The text fast path: a message straight from JSON text, read by JsonReader with no DOM and no
// location strings. It takes most upstream answers; wherever its result could differ from the
// DOM path's (json_dom_fill.h) it gives up, and FillMessageFromJson (json_to_message.h), the one
// entry point callers use, then takes the DOM path.
//
//   ParseReport report;
//   if (!FillFromJsonText(text, &response, &report)) { /* the DOM path decides */ }
#ifndef GATEWAY_TRANSCODE_JSON_TEXT_FILL_H_
#define GATEWAY_TRANSCODE_JSON_TEXT_FILL_H_

#include "absl/strings/string_view.h"
#include "gateway/transcode/parse_report.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"

namespace pulumi_gateway {

// Fills `message` (cleared first, as is `report`) from `json`. Returns false (leaving `message`
// and `report` unspecified) whenever the DOM path's result could differ: text that is not JSON,
// a type that does not fit, a key, field or oneof met twice in one object, very deep nesting.
// When it returns true, JsonValueToMessage on the parsed text gives the same message and report.
bool FillFromJsonText(absl::string_view json, google::protobuf::Message* message,
                      ParseReport* report);

// As above for answers whose whole JSON value is `field` of `message` (an http rule's
// `response_body`), matching JsonValueToMessageField.
bool FillFieldFromJsonText(absl::string_view json, const google::protobuf::FieldDescriptor* field,
                           google::protobuf::Message* message, ParseReport* report);

}  // namespace pulumi_gateway

#endif  // GATEWAY_TRANSCODE_JSON_TEXT_FILL_H_
