// Opaque JSON (google.protobuf.Struct / Value / ListValue fields) straight from the upstream's
// text to the protobuf wire format: no JSON DOM and no tree of messages. A stack's state export
// (tens of MB, millions of values) then costs one pass over the text and one output buffer of
// about its size, instead of a DOM and a Struct tree of millions of small heap nodes.
//
//   OpaqueFieldSplit split;
//   JsonSplitResult r = SplitOpaqueFields(body, ExportStackResponse::descriptor(), &split);
//   // split.encoded: {deployment, the Struct's wire bytes}; split.others: {"version":3}
//
// The text is checked as strictly as nlohmann::json::parse checks it (RFC 8259: UTF-8, escapes,
// finite numbers, nothing after the value), and values become Struct / Value / ListValue exactly
// as JsonToMessage makes them (numbers as doubles, nesting limit, duplicate keys: the last wins),
// so parsing the bytes gives the message JsonToMessage would build. Map entries keep their JSON
// order.
#ifndef GATEWAY_TRANSCODE_JSON_WIRE_H_
#define GATEWAY_TRANSCODE_JSON_WIRE_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/descriptor.h"

namespace pulumi_gateway {

// google.protobuf.Struct, Value or ListValue: the types that hold any JSON.
bool IsOpaqueJsonType(const google::protobuf::Descriptor* type);

// The fields of `descriptor` SplitOpaqueFields encodes: singular, outside any oneof, of an opaque
// JSON type. Empty for most messages.
std::vector<const google::protobuf::FieldDescriptor*> OpaqueFields(
    const google::protobuf::Descriptor* descriptor);

struct OpaqueFieldSplit {
  // The members that were not encoded, as a JSON object of their original text.
  std::string others;
  // Each encoded field with its message's wire bytes (no tag or length); at most one per field.
  std::vector<std::pair<const google::protobuf::FieldDescriptor*, std::string>> encoded;
};

enum class JsonSplitError {
  kNone,
  kNotJson,   // the text is not one JSON object
  kMismatch,  // an opaque field's value does not fit it (e.g. a string for a Struct)
};

struct JsonSplitResult {
  JsonSplitError error = JsonSplitError::kNone;
  // For kMismatch, worded as JsonToMessage words it: field "deployment": expected an object, got
  // string. For kNotJson, where the text breaks.
  std::string message;
};

// Splits the JSON object `json` for a message of type `descriptor`: a member whose key names one
// of OpaqueFields(descriptor) (by JSON or proto name, as JsonToMessage matches keys) is encoded,
// every other member is kept as text for a JSON parser. JSON null for a Struct or ListValue
// field leaves the field out, as JsonToMessage does. A syntax error anywhere wins over a
// mismatch.
JsonSplitResult SplitOpaqueFields(absl::string_view json,
                                  const google::protobuf::Descriptor* descriptor,
                                  OpaqueFieldSplit* split);

class JsonReader;
class WireWriter;

// The opaque JSON value at `reader`'s cursor, as a message of opaque `type` (no tag or length)
// appended to `out`; `depth` is the nesting JsonToMessage gives that message. kNone with the
// cursor after the value, else kNotJson, or kMismatch with `why` (e.g. "nesting is too deep").
// The caller checks that a Struct gets an object and a ListValue an array.
JsonSplitError EncodeOpaqueValue(JsonReader& reader, const google::protobuf::Descriptor* type,
                                 int depth, WireWriter& out, std::string* why);

// The wire bytes of the message of opaque JSON type `type` holding the JSON value `json`.
// INVALID_ARGUMENT when the text is not JSON or does not fit the type.
absl::StatusOr<std::string> EncodeOpaqueJson(absl::string_view json,
                                             const google::protobuf::Descriptor* type);

}  // namespace pulumi_gateway

#endif  // GATEWAY_TRANSCODE_JSON_WIRE_H_
