// An upstream answer's JSON text straight to the protobuf wire bytes of the response message:
// no DOM and no message tree, so a typed answer costs about its own size once more (the 1M-entry
// map of a 14 MB answer would otherwise become hundreds of MB of map entries). The unary path
// sends the bytes as the reply.
//
//   std::string wire;
//   ParseReport report;
//   WireResult r = JsonToWire(body, GetStackResponse::descriptor(), &wire, &report);
//   if (r.outcome == WireOutcome::kEncoded) ... send `wire` ...
//
// The rules are JsonToMessage's, field by field (strict types, null leaves a field unset, keys by
// JSON or proto name, opaque JSON as json_wire.h encodes it, the same nesting limit), and so are
// the unknown-key count and the listed locations (each distinct location once, in the order the
// DOM path visits them), so parsing the bytes gives the message and report JsonToMessage gives.
// Field order follows the text, and repeated scalars are not packed: the bytes differ from
// SerializeAsString's, the message they parse into does not.
//
// What only a DOM can settle is left to it (kUndecided): a field, or one oneof, named twice in one
// object (the DOM keeps one of them by its sorted key order), and a key repeated inside a map of
// messages.
#ifndef GATEWAY_TRANSCODE_JSON_TO_WIRE_H_
#define GATEWAY_TRANSCODE_JSON_TO_WIRE_H_

#include <string>

#include "absl/strings/string_view.h"
#include "gateway/transcode/json_to_message.h"
#include "google/protobuf/descriptor.h"

namespace pulumi_gateway {

enum class WireOutcome {
  kEncoded,    // `wire` holds the message; `report` the unknown keys
  kNotJson,    // the text is not one JSON value
  kMismatch,   // a value does not fit its field (the message says which, as JsonToMessage would)
  kUndecided,  // see above: only the DOM path can tell what the answer means
};

struct WireResult {
  WireOutcome outcome = WireOutcome::kEncoded;
  // For kNotJson, kMismatch and kUndecided: what and where, with upstream text redacted.
  std::string message;
};

// Encodes the JSON object `json` as a message of `type` (not itself an opaque JSON type) into
// `wire` (cleared first), filling `report` (cleared first). With `body_field` (a singular message
// field of `type`, the rule's `response_body`), `json` is that field's value, as JsonToMessage
// reads {"<field>": json}: locations start with the field's name.
WireResult JsonToWire(absl::string_view json, const google::protobuf::Descriptor* type,
                      std::string* wire, ParseReport* report,
                      const google::protobuf::FieldDescriptor* body_field = nullptr);

}  // namespace pulumi_gateway

#endif  // GATEWAY_TRANSCODE_JSON_TO_WIRE_H_
