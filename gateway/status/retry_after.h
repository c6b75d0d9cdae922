// Parses an HTTP Retry-After value: delta-seconds ("120") or an HTTP-date
// ("Wed, 21 Oct 2026 07:28:00 GMT").
//
//   std::optional<absl::Duration> wait = ParseRetryAfter("2", absl::Now());  // 2s
#ifndef GATEWAY_STATUS_RETRY_AFTER_H_
#define GATEWAY_STATUS_RETRY_AFTER_H_

#include <optional>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace pulumi_gateway {

// The wait the value asks for, measured from `now` for dates (never negative), or nullopt when the
// value is empty or malformed.
std::optional<absl::Duration> ParseRetryAfter(absl::string_view value, absl::Time now);

}  // namespace pulumi_gateway

#endif  // GATEWAY_STATUS_RETRY_AFTER_H_
