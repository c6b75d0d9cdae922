#include "gateway/status/redact.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

// True when `text` is well-formed UTF-8 (no truncated or stray continuation bytes).
bool IsValidUtf8(const std::string& text) {
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    int extra = 0;
    if (c < 0x80) {
      extra = 0;
    } else if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
    } else {
      return false;
    }
    if (i + extra >= text.size() && extra > 0) return false;  // Truncated sequence.
    for (int k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += extra + 1;
  }
  return true;
}

TEST(RedactSecretsTest, Table) {
  struct Case {
    std::string in;
    std::string out;
  };
  const std::vector<Case> cases = {
      {"", ""},
      {"nothing to hide", "nothing to hide"},
      {"pul-abc123", "pul-[REDACTED]"},
      {"token pul-abc123 rejected", "token pul-[REDACTED] rejected"},
      {"Authorization: token pul-0a1B2c_3-d4.", "Authorization: token pul-[REDACTED]."},
      {"pul-a,pul-b", "pul-[REDACTED],pul-[REDACTED]"},
      {"(pul-x)", "(pul-[REDACTED])"},
      {"\"pul-x\"", "\"pul-[REDACTED]\""},
      {"pul-", "pul-[REDACTED]"},
      // Inside a longer word it is not a token prefix.
      {"xpul-abc", "xpul-abc"},
      {"my-pul-abc", "my-pul-abc"},
      {"PUL-abc", "PUL-abc"},
      // Token-shaped runs inside a word, in any case, are redacted.
      {"req-pul-0123456789abcdef0123", "req-pul-[REDACTED]"},
      {"xPUL-0123456789ABCDEF0123 ok", "xPUL-[REDACTED] ok"},
      {"Pul-0123456789abcdef0123", "Pul-[REDACTED]"},
      {"id_pul-0123456789abcde", "id_pul-0123456789abcde"},  // 15 characters: not a token
      // Redacting twice changes nothing.
      {"token pul-[REDACTED] rejected", "token pul-[REDACTED] rejected"},
      {"req-pul-[REDACTED]", "req-pul-[REDACTED]"},
      // Control characters become spaces: no header or log-line injection.
      {"a\r\nb", "a  b"},
      {"a\tb\x7F"
       "c",
       "a b c"},
      {std::string("a\0b", 3), "a b"},
      // Non-ASCII text is kept.
      {"St\xC3\xA4"
       "ck",
       "St\xC3\xA4"
       "ck"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(RedactSecrets(c.in), c.out);
  }
}

TEST(RedactSecretsTest, CutsToMaxBytesAndMarksTheCut) {
  EXPECT_EQ(RedactSecrets("abcdefgh", 8), "abcdefgh");
  EXPECT_EQ(RedactSecrets("abcdefghi", 8), "abcdefgh...");
  EXPECT_EQ(RedactSecrets(std::string(1000, 'x')).size(), 512u + 3u);
  // The cut happens after redaction, so it can never expose part of a token.
  EXPECT_EQ(RedactSecrets("pul-0123456789", 6), "pul-[R...");
}

// Messages end up in google.rpc.Status.message and ErrorInfo metadata, proto3 `string` fields
// that must be valid UTF-8 or the whole status detail fails to parse in every client.
TEST(RedactSecretsTest, CutNeverSplitsAUtf8Character) {
  std::string umlauts = "x";
  for (int i = 0; i < 20; ++i) umlauts += "\xC3\xA4";    // "ä", 2 bytes each; 41 bytes in all.
  const std::string euros = "\xE2\x82\xAC\xE2\x82\xAC";  // "€€", 3 bytes each.
  for (const std::string& text : {umlauts, euros}) {
    SCOPED_TRACE(text);
    std::vector<size_t> broken_at;  // The caps that produced invalid UTF-8.
    for (size_t max = 1; max < text.size(); ++max) {
      const std::string out = RedactSecrets(text, max);
      if (!IsValidUtf8(out)) broken_at.push_back(max);
      EXPECT_LE(out.size(), max + 3);
    }
    EXPECT_THAT(broken_at, ::testing::IsEmpty());
  }
}

}  // namespace
}  // namespace pulumi_gateway
