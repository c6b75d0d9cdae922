// Turns a successful (2xx) upstream response into the gRPC response message.
//
//   ParseReport report;
//   absl::Status s = TranslateResponse(*route, http_response, response.get(), &report);
//
// Any 2xx with an empty body (201, 202, 204...) leaves the message empty, including a
// `response_body` field. JSON fills the message, or the field named by the rule's `response_body`,
// whatever the answer's top level is (object, array, map, string, boolean, number). Routes with a
// raw_response_field, and google.api.HttpBody responses, take the body bytes as they are (JSON
// too) with the upstream Content-Type.
//
// Opaque JSON fields of the response message itself (singular google.protobuf.Struct / Value /
// ListValue, e.g. ExportStackResponse.deployment) are not built as message trees: their JSON is
// encoded straight to wire bytes (gateway/transcode/json_wire.h) and kept in the message's
// unknown fields under the field's number. Serialising the message gives the bytes the field
// would give, so a client sees the field set; code in the gateway that reads such a field must
// parse the serialised message first (`m->ParseFromString(m->SerializeAsString())`). A 64 MB stack
// export takes a fraction of the time and about its own size in memory this way, instead of a DOM
// and millions of small messages.
#ifndef GATEWAY_TRANSCODE_RESPONSE_TRANSLATOR_H_
#define GATEWAY_TRANSCODE_RESPONSE_TRANSLATOR_H_

#include "absl/status/status.h"
#include "gateway/http/http_types.h"
#include "gateway/route/route_table.h"
#include "gateway/transcode/json_to_message.h"
#include "google/protobuf/message.h"

namespace pulumi_gateway {

// Returns INTERNAL with a message naming the method and the problem when the body is not JSON or
// does not fit the response message. Unknown keys are not errors; they land in `report`.
absl::Status TranslateResponse(const Route& route, const HttpResponse& response,
                               google::protobuf::Message* out, ParseReport* report);

}  // namespace pulumi_gateway

#endif  // GATEWAY_TRANSCODE_RESPONSE_TRANSLATOR_H_
