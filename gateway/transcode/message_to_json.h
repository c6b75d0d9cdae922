// Renders a protobuf message as the upstream's JSON: JSON names as keys, and 64-bit integers as
// JSON numbers (proto3's JSON printer quotes them; the Pulumi API's Go server rejects that).
//
//   absl::StatusOr<nlohmann::json> body = MessageToJson(request_without_path_fields);
//   // {"stackName": "dev", "state": {"version": 3}}
//
// Fields without presence are always rendered (empty strings, zeros, [] and {} included);
// unset `optional` and message fields are omitted. Struct / Value / ListValue render as the JSON
// they hold.
#ifndef GATEWAY_TRANSCODE_MESSAGE_TO_JSON_H_
#define GATEWAY_TRANSCODE_MESSAGE_TO_JSON_H_

#include "absl/status/statusor.h"
#include "google/protobuf/message.h"
#include "nlohmann/json.hpp"

namespace pulumi_gateway {

// Returns INTERNAL if the protobuf JSON printer fails (which only happens for invalid messages).
absl::StatusOr<nlohmann::json> MessageToJson(const google::protobuf::Message& message);

}  // namespace pulumi_gateway

#endif  // GATEWAY_TRANSCODE_MESSAGE_TO_JSON_H_
