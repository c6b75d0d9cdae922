#include "gateway/http/http_types.h"

#include "absl/strings/match.h"

namespace pulumi_gateway {

absl::string_view FindHeader(const HttpHeaders& headers, absl::string_view name) {
  for (const auto& [key, value] : headers) {
    if (absl::EqualsIgnoreCase(key, name)) return value;
  }
  return {};
}

}  // namespace pulumi_gateway
