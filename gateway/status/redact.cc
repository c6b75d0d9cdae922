#include "gateway/status/redact.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace pulumi_gateway {
namespace {

bool IsTokenChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

// Length of the well-formed UTF-8 sequence starting at text[i], or 0 if it is not one.
size_t Utf8Length(absl::string_view text, size_t i) {
  const unsigned char lead = static_cast<unsigned char>(text[i]);
  size_t length;
  unsigned char min_second = 0x80;
  unsigned char max_second = 0xBF;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) min_second = 0xA0;
    if (lead == 0xED) max_second = 0x9F;  // no UTF-16 surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) min_second = 0x90;
    if (lead == 0xF4) max_second = 0x8F;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    const unsigned char c = static_cast<unsigned char>(text[i + k]);
    const unsigned char lo = k == 1 ? min_second : 0x80;
    const unsigned char hi = k == 1 ? max_second : 0xBF;
    if (c < lo || c > hi) return 0;
  }
  return length;
}

constexpr absl::string_view kRedacted = "[REDACTED]";
// A token-shaped run inside a longer word ("req-pul-0a1b...") is redacted when at least this many
// token characters follow its "pul-": Pulumi tokens carry 40.
constexpr size_t kEmbeddedTokenChars = 16;

size_t TokenCharsAt(absl::string_view text, size_t i) {
  size_t n = 0;
  while (i + n < text.size() && IsTokenChar(text[i + n])) ++n;
  return n;
}

// Whether a token to redact starts at text[i]: "pul-" at the start of a word, or any case of it
// followed by a long run of token characters anywhere. An earlier redaction is left as it is.
bool TokenStartsAt(absl::string_view text, size_t i) {
  absl::string_view prefix = text.substr(i, 4);
  if (prefix.size() < 4 || !absl::EqualsIgnoreCase(prefix, "pul-")) return false;
  if (absl::StartsWith(text.substr(i + 4), kRedacted)) return false;
  if (prefix == "pul-" && (i == 0 || !IsTokenChar(text[i - 1]))) return true;
  return TokenCharsAt(text, i + 4) >= kEmbeddedTokenChars;
}

}  // namespace

std::string RedactSecrets(absl::string_view text, size_t max_bytes) {
  std::string out;
  out.reserve(std::min(text.size(), max_bytes) + 16);
  for (size_t i = 0; i < text.size();) {
    if (TokenStartsAt(text, i)) {
      out.append(text.data() + i, 4);
      out.append(kRedacted.data(), kRedacted.size());
      i += 4 + TokenCharsAt(text, i + 4);
      continue;
    }
    const size_t length = Utf8Length(text, i);
    if (length == 0) {
      out.push_back('?');  // not UTF-8: proto string fields (and so gRPC details) need UTF-8
      ++i;
    } else if (length == 1) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      out.push_back(c < 0x20 || c == 0x7F ? ' ' : text[i]);
      ++i;
    } else {
      out.append(text.data() + i, length);
      i += length;
    }
    if (out.size() > max_bytes) break;
  }
  if (out.size() > max_bytes) {
    // Cut on a character boundary: back up over continuation bytes.
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
    out.append("...");
  }
  return out;
}

}  // namespace pulumi_gateway
