#include "gateway/auth/token.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace pulumi_gateway {

absl::Status ValidateToken(absl::string_view token) {
  if (token.empty()) return absl::InvalidArgumentError("the token is empty");
  if (token.size() > kMaxTokenLength) {
    return absl::InvalidArgumentError(
        absl::StrCat("the token is longer than ", kMaxTokenLength, " characters"));
  }
  for (char c : token) {
    if (c <= 0x20 || c >= 0x7F) {
      return absl::InvalidArgumentError(
          "the token contains a character that is not printable ASCII (space, CR, LF, NUL, ...)");
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> TokenFromAuthorization(absl::string_view value) {
  value = absl::StripAsciiWhitespace(value);
  absl::string_view token;
  for (absl::string_view scheme : {"token ", "bearer "}) {
    if (absl::StartsWithIgnoreCase(value, scheme)) {
      token = absl::StripLeadingAsciiWhitespace(value.substr(scheme.size()));
      break;
    }
  }
  if (token.empty()) {
    return absl::UnauthenticatedError(
        "authorization metadata must be \"token <pulumi-access-token>\" or \"Bearer "
        "<pulumi-access-token>\"");
  }
  absl::Status valid = ValidateToken(token);
  if (!valid.ok()) {
    return absl::UnauthenticatedError(absl::StrCat("invalid access token: ", valid.message()));
  }
  return std::string(token);
}

}  // namespace pulumi_gateway
