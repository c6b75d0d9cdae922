#include "gateway/status/redact.h"

#include "absl/strings/ascii.h"

namespace pulumi_gateway {
namespace {

bool IsTokenChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

}  // namespace

std::string RedactSecrets(absl::string_view text, size_t max_bytes) {
  std::string out;
  out.reserve(std::min(text.size(), max_bytes) + 16);
  for (size_t i = 0; i < text.size();) {
    if (text.substr(i, 4) == "pul-" && (i == 0 || !IsTokenChar(text[i - 1]))) {
      out.append("pul-[REDACTED]");
      i += 4;
      while (i < text.size() && IsTokenChar(text[i])) ++i;
      continue;
    }
    unsigned char c = static_cast<unsigned char>(text[i]);
    out.push_back(c < 0x20 || c == 0x7F ? ' ' : text[i]);
    ++i;
  }
  if (out.size() > max_bytes) {
    out.resize(max_bytes);
    out.append("...");
  }
  return out;
}

}  // namespace pulumi_gateway
