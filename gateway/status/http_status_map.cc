#include "gateway/status/http_status_map.h"

namespace pulumi_gateway {

absl::StatusCode CodeForHttpStatus(int http_status, ConflictMeaning conflict) {
  if (http_status >= 200 && http_status < 300) return absl::StatusCode::kOk;
  switch (http_status) {
    case 400:
    case 413:
    case 422:
      return absl::StatusCode::kInvalidArgument;
    case 401:
      return absl::StatusCode::kUnauthenticated;
    case 402:
    case 403:
      return absl::StatusCode::kPermissionDenied;
    case 404:
    case 410:
      return absl::StatusCode::kNotFound;
    case 405:
    case 501:
      return absl::StatusCode::kUnimplemented;
    case 408:
    case 504:
      return absl::StatusCode::kDeadlineExceeded;
    case 409:
      return conflict == ConflictMeaning::kAlreadyExists ? absl::StatusCode::kAlreadyExists
                                                         : absl::StatusCode::kAborted;
    case 412:
      return absl::StatusCode::kFailedPrecondition;
    case 429:
      return absl::StatusCode::kResourceExhausted;
    case 499:
      return absl::StatusCode::kCancelled;
    case 500:
      return absl::StatusCode::kInternal;
    case 502:
    case 503:
      return absl::StatusCode::kUnavailable;
    default:
      break;
  }
  if (http_status >= 400 && http_status < 500) return absl::StatusCode::kFailedPrecondition;
  if (http_status >= 500 && http_status < 600) return absl::StatusCode::kInternal;
  // A redirect is never followed: the gateway's --upstream (or a proxy before it) is wrong, and
  // no retry by the caller changes that.
  if (http_status >= 300 && http_status < 400) return absl::StatusCode::kInternal;
  return absl::StatusCode::kUnknown;  // 1xx as a final answer: the client never hands one over.
}

}  // namespace pulumi_gateway
