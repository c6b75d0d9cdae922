// Turns a gRPC request message into the upstream HTTP request its route describes.
//
//   HttpRequest http;
//   RETURN_IF_ERROR(TranslateRequest(*route, request, &http));
//   // http.method "DELETE", http.path "/api/stacks/acme/payments-api/prod?force=true"
//
// Path fields are percent-encoded per segment; the other fields become query parameters by JSON
// name (repeated fields repeat the key; unset or default-valued fields are omitted) unless the
// rule names a body, which is rendered as JSON with the upstream's keys and int64 as numbers (a
// body field's own JSON value, object, array or scalar, is the whole body).
// Headers, deadline and auth are the caller's business.
#ifndef GATEWAY_TRANSCODE_REQUEST_TRANSLATOR_H_
#define GATEWAY_TRANSCODE_REQUEST_TRANSLATOR_H_

#include "absl/status/status.h"
#include "gateway/http/http_types.h"
#include "gateway/route/route_table.h"
#include "google/protobuf/message.h"

namespace pulumi_gateway {

// Longest path + query the gateway sends: HTTP servers commonly refuse longer request lines.
inline constexpr size_t kMaxUrlPathBytes = 8192;

// Fills method, path (with query) and body of `out`. Returns INVALID_ARGUMENT naming the field
// when a required field is unset or empty, a field holds a value its allowed_values do not list
// (request_validator.h), a path field is empty or unsafe, or the URL would exceed
// kMaxUrlPathBytes.
absl::Status TranslateRequest(const Route& route, const google::protobuf::Message& request,
                              HttpRequest* out);

}  // namespace pulumi_gateway

#endif  // GATEWAY_TRANSCODE_REQUEST_TRANSLATOR_H_
