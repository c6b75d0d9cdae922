// The one table from an upstream HTTP status to a gRPC status code, following the HTTP mapping
// of google/rpc/code.proto read in the REST-upstream direction (404 is NOT_FOUND, not
// UNIMPLEMENTED; 429 is RESOURCE_EXHAUSTED; any 2xx is OK).
//
//   absl::StatusCode code = CodeForHttpStatus(409, ConflictMeaning::kAlreadyExists);
#ifndef GATEWAY_STATUS_HTTP_STATUS_MAP_H_
#define GATEWAY_STATUS_HTTP_STATUS_MAP_H_

#include "absl/status/status.h"

namespace pulumi_gateway {

// What a 409 Conflict means for the method being called.
enum class ConflictMeaning {
  kAborted,        // Another update is in progress: retry the whole operation later.
  kAlreadyExists,  // The method creates something that is already there.
};

absl::StatusCode CodeForHttpStatus(int http_status, ConflictMeaning conflict);

}  // namespace pulumi_gateway

#endif  // GATEWAY_STATUS_HTTP_STATUS_MAP_H_
