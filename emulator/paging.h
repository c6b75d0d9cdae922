// Opaque continuation tokens for the token-paged lists (/user/stacks, members, audit logs).
//
// A token is URL-safe base64 of "<scope>:<position>"; a token minted for one list is rejected by
// another, so clients cannot mix them up. Engine events use plain decimal indexes instead (the
// service's tokens there look like "18"), see store_updates.cc.
//
//   std::string t = EncodeToken("stacks", "acme-corp\x1fpayments-api\x1fprod");
//   absl::StatusOr<std::string> pos = DecodeToken("stacks", t);  // the position back
#ifndef EMULATOR_PAGING_H_
#define EMULATOR_PAGING_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace emulator {

std::string EncodeToken(absl::string_view scope, absl::string_view position);

// The position encoded in `token`. InvalidArgument "Bad Request: Invalid continuation token"
// when it is not base64, or was minted for another scope.
absl::StatusOr<std::string> DecodeToken(absl::string_view scope, absl::string_view token);

// Page size from an optional `maxResults` value: empty -> `default_size`; must be 1..1000.
absl::StatusOr<int64_t> PageSize(absl::string_view max_results, int64_t default_size);

}  // namespace emulator

#endif  // EMULATOR_PAGING_H_
