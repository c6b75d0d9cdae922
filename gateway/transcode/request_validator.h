// Checks a request message against its route's rules (required fields, allowed values; see
// gateway/route/request_rules.h) before any upstream call.
//
//   if (route.request_rules != nullptr) {
//     RETURN_IF_ERROR(ValidateRequest(*route.request_rules, request));
//   }
//   // INVALID_ARGUMENT: field "team.name" is required
//   // INVALID_ARGUMENT: field "members[2].role" must be one of: admin, member
//
// Only the fields the rules keep are visited, and nothing is allocated unless a check fails.
// Field paths use the JSON names, as callers and the upstream see them: `a.b` for a nested field,
// `a[2]` for an element, `a[key]` for a map value.
#ifndef GATEWAY_TRANSCODE_REQUEST_VALIDATOR_H_
#define GATEWAY_TRANSCODE_REQUEST_VALIDATOR_H_

#include "absl/status/status.h"
#include "gateway/route/request_rules.h"
#include "google/protobuf/message.h"

namespace pulumi_gateway {

// OK, or INVALID_ARGUMENT naming the first field (in declaration order, depth first) that is
// required and unset or empty, or that holds a value its allowed_values do not list.
absl::Status ValidateRequest(const RequestRules& rules, const google::protobuf::Message& request);

}  // namespace pulumi_gateway

#endif  // GATEWAY_TRANSCODE_REQUEST_VALIDATOR_H_
