// The DOM fill path: a message from an already parsed nlohmann::json value. It decides every
// case and words every error; the text fast path (json_text_fill.h) gives up to it wherever the
// two could differ. Callers outside gateway/transcode use JsonToMessage / FillMessageFromJson
// (json_to_message.h), which take the fast path first.
//
//   ParseReport report;
//   absl::Status s = JsonValueToMessage(nlohmann::json::parse(text), &response, &report);
//   // INVALID_ARGUMENT: field "stacks": expected an array, got object
//
// Keys match a field's JSON name (or its proto name). JSON null leaves a field unset. Integers
// arrive as numbers or as decimal strings; floating-point fields take strict numeric strings too.
// google.protobuf.Struct / Value / ListValue take any JSON.
#ifndef GATEWAY_TRANSCODE_JSON_DOM_FILL_H_
#define GATEWAY_TRANSCODE_JSON_DOM_FILL_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "gateway/transcode/parse_report.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "nlohmann/json.hpp"

namespace pulumi_gateway {

// Nesting the DOM path accepts (each message level counts one, each Struct / Value level one).
inline constexpr int kMaxJsonDepth = 100;

// `descriptor`'s field whose JSON name (or else proto name) is `key`; nullptr if none.
const google::protobuf::FieldDescriptor* FindJsonField(
    const google::protobuf::Descriptor* descriptor, const std::string& key);

// Fills `message` (cleared first, as is `report`) from `json`, which must be an object (or any
// JSON for a Struct / Value / ListValue message). Returns INVALID_ARGUMENT naming the field for a
// value whose type does not fit it.
absl::Status JsonValueToMessage(const nlohmann::json& json, google::protobuf::Message* message,
                                ParseReport* report);

// As JsonValueToMessage on {"<field's JSON name>": json}, for answers whose whole JSON value is
// one field (an http rule's `response_body`): unknown keys are located under the field's name
// ("items.newKey") and errors name it (`field "items": expected an array, got object`).
absl::Status JsonValueToMessageField(nlohmann::json json,
                                     const google::protobuf::FieldDescriptor* field,
                                     google::protobuf::Message* message, ParseReport* report);

// One DOM walk, reporting unknown keys into a ParseReport. The text fast path reuses its scalar,
// map key and well-known conversions so both paths convert values the same way.
class DomFiller final {
 public:
  explicit DomFiller(ParseReport* report) : report_(report) {}

  // Fills `message` from `value` found at `where` (dotted keys; "" is the top level), `depth`
  // levels down. INVALID_ARGUMENT naming `where` when a value does not fit.
  absl::Status Object(const nlohmann::json& value, google::protobuf::Message* message,
                      const std::string& where, int depth);

  // A JSON scalar for a scalar field; appends when the field is repeated.
  absl::Status Scalar(const nlohmann::json& value, google::protobuf::Message* message,
                      const google::protobuf::FieldDescriptor* field, const std::string& where);

  // A map key (always a JSON string) for the entry's key field: a boolean key is "true" or
  // "false", any other key converts as a JSON string would.
  absl::Status MapKey(const std::string& key, google::protobuf::Message* entry,
                      const google::protobuf::FieldDescriptor* key_field, const std::string& where);

  // google.protobuf.Struct / Value / ListValue from any JSON.
  absl::Status WellKnown(const nlohmann::json& value, google::protobuf::Message* message,
                         const std::string& where, int depth);

  // Notes an unknown key at `location` in the report.
  void Unknown(const std::string& location);

  static bool IsWellKnown(const google::protobuf::Descriptor* d);
  // A google.protobuf.Value field, the one kind a JSON null sets.
  static bool IsValueType(const google::protobuf::FieldDescriptor* field);

 private:
  static absl::Status Error(const std::string& where, absl::string_view why);
  static std::string Shown(const nlohmann::json& value);

  absl::Status Field(const nlohmann::json& value, google::protobuf::Message* message,
                     const google::protobuf::FieldDescriptor* field, const std::string& where,
                     int depth);
  absl::Status Single(const nlohmann::json& value, google::protobuf::Message* message,
                      const google::protobuf::FieldDescriptor* field, const std::string& where,
                      int depth);
  absl::Status Repeated(const nlohmann::json& value, google::protobuf::Message* message,
                        const google::protobuf::FieldDescriptor* field, const std::string& where,
                        int depth);
  absl::Status Integer(const nlohmann::json& value, google::protobuf::Message* message,
                       const google::protobuf::FieldDescriptor* field, const std::string& where);

  ParseReport* report_;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_TRANSCODE_JSON_DOM_FILL_H_
