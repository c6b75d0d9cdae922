#include "emulator/paging.h"

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace emulator {

std::string EncodeToken(absl::string_view scope, absl::string_view position) {
  return absl::WebSafeBase64Escape(absl::StrCat(scope, ":", position));
}

absl::StatusOr<std::string> DecodeToken(absl::string_view scope, absl::string_view token) {
  std::string raw;
  std::string prefix = absl::StrCat(scope, ":");
  if (!absl::WebSafeBase64Unescape(token, &raw) || !absl::StartsWith(raw, prefix)) {
    return absl::InvalidArgumentError("Bad Request: Invalid continuation token");
  }
  return raw.substr(prefix.size());
}

absl::StatusOr<int64_t> PageSize(absl::string_view max_results, int64_t default_size) {
  if (max_results.empty()) return default_size;
  int64_t n = 0;
  if (!absl::SimpleAtoi(max_results, &n) || n < 1 || n > 1000) {
    return absl::InvalidArgumentError("Bad Request: invalid query parameter 'maxResults'");
  }
  return n;
}

}  // namespace emulator
