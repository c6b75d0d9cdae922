#include "gateway/transcode/json_reader.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <cmath>
#include <cstdint>
#include <cstdlib>

#include "absl/strings/numbers.h"

namespace pulumi_gateway {
namespace {

// Bytes a string may hold as they are: printable ASCII other than '"' and '\'.
struct PlainTable {
  bool plain[256] = {};
  constexpr PlainTable() {
    for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
  }
};
constexpr PlainTable kPlain;

// The first byte at or after `p` that is not plain string text.
const char* SkipPlain(const char* p, const char* end) {
#if defined(__SSE2__)
  // 16 bytes at a time: quote, backslash, control (<= 0x1F) or non-ASCII (high bit) stop.
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i control = _mm_set1_epi8(0x1F);
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i stop =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                     _mm_cmpeq_epi8(_mm_max_epu8(v, control), control));
    const int mask = _mm_movemask_epi8(stop) | _mm_movemask_epi8(v);
    if (mask != 0) return p + __builtin_ctz(mask);
    p += 16;
  }
#endif
  while (p < end && kPlain.plain[static_cast<unsigned char>(*p)]) ++p;
  return p;
}

// Length of the well-formed UTF-8 sequence at `p` (RFC 3629, the ranges nlohmann accepts), or 0.
int Utf8Length(const unsigned char* p, const unsigned char* end) {
  auto in = [&](int i, unsigned char lo, unsigned char hi) {
    return p + i < end && p[i] >= lo && p[i] <= hi;
  };
  const unsigned char c = p[0];
  if (c >= 0xC2 && c <= 0xDF) return in(1, 0x80, 0xBF) ? 2 : 0;
  if (c == 0xE0) return in(1, 0xA0, 0xBF) && in(2, 0x80, 0xBF) ? 3 : 0;
  if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
    return in(1, 0x80, 0xBF) && in(2, 0x80, 0xBF) ? 3 : 0;
  }
  if (c == 0xED) return in(1, 0x80, 0x9F) && in(2, 0x80, 0xBF) ? 3 : 0;
  if (c == 0xF0) return in(1, 0x90, 0xBF) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3) {
    return in(1, 0x80, 0xBF) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
  }
  if (c == 0xF4) return in(1, 0x80, 0x8F) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
  return 0;
}

bool Hex4(const char* p, const char* end, uint32_t* out) {
  if (end - p < 4) return false;
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) {
    const char c = p[i];
    v <<= 4;
    if (c >= '0' && c <= '9') {
      v |= c - '0';
    } else if (c >= 'a' && c <= 'f') {
      v |= c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      v |= c - 'A' + 10;
    } else {
      return false;
    }
  }
  *out = v;
  return true;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes the escapes of a string's raw text (already checked for UTF-8 and control bytes).
// False for a bad escape or a lone surrogate.
bool Unescape(const char* p, const char* end, std::string* out) {
  out->clear();
  while (p < end) {
    const char* run = p;
    while (p < end && *p != '\\') ++p;
    out->append(run, p - run);
    if (p == end) break;
    if (++p == end) return false;
    switch (*p++) {
      case '"':
        out->push_back('"');
        break;
      case '\\':
        out->push_back('\\');
        break;
      case '/':
        out->push_back('/');
        break;
      case 'b':
        out->push_back('\b');
        break;
      case 'f':
        out->push_back('\f');
        break;
      case 'n':
        out->push_back('\n');
        break;
      case 'r':
        out->push_back('\r');
        break;
      case 't':
        out->push_back('\t');
        break;
      case 'u': {
        uint32_t cp;
        if (!Hex4(p, end, &cp)) return false;
        p += 4;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return false;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          uint32_t low;
          if (end - p < 6 || p[0] != '\\' || p[1] != 'u' || !Hex4(p + 2, end, &low) ||
              low < 0xDC00 || low > 0xDFFF) {
            return false;
          }
          p += 6;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        AppendUtf8(cp, out);
        break;
      }
      default:
        return false;
    }
  }
  return true;
}

bool DecimalDigits(absl::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

bool IntegerFromText(absl::string_view text, int64_t* out) {
  absl::string_view digits = text;
  if (!digits.empty() && digits[0] == '-') digits.remove_prefix(1);
  return DecimalDigits(digits) && absl::SimpleAtoi(text, out);
}

bool UnsignedFromText(absl::string_view text, uint64_t* out) {
  return DecimalDigits(text) && absl::SimpleAtoi(text, out);
}

bool NumberFromText(absl::string_view text, double* out) {
  JsonReader reader(text);
  return reader.Number(out) && reader.AtEnd();
}

bool JsonReader::String(absl::string_view* text, std::string* scratch) {
  if (!Consume('"')) return false;
  const char* start = p_;
  bool escaped = false;
  while (true) {
    p_ = SkipPlain(p_, end_);
    if (p_ == end_) return false;
    const unsigned char c = static_cast<unsigned char>(*p_);
    if (c == '"') break;
    if (c == '\\') {
      if (end_ - p_ < 2) return false;
      escaped = true;
      p_ += 2;
    } else if (c < 0x20) {
      return false;
    } else {
      const int n = Utf8Length(reinterpret_cast<const unsigned char*>(p_),
                               reinterpret_cast<const unsigned char*>(end_));
      if (n == 0) return false;
      p_ += n;
    }
  }
  const char* stop = p_++;
  if (!escaped) {
    *text = absl::string_view(start, stop - start);
    return true;
  }
  if (!Unescape(start, stop, scratch)) return false;
  *text = *scratch;
  return true;
}

bool JsonReader::Number(double* out) {
  const char* start = p_;
  Consume('-');
  if (Consume('0')) {
    if (p_ < end_ && (*p_ >= '0' && *p_ <= '9')) return false;
  } else if (!Digits()) {
    return false;
  }
  bool integer = true;
  if (Consume('.')) {
    integer = false;
    if (!Digits()) return false;
  }
  if (Consume('e') || Consume('E')) {
    integer = false;
    if (!Consume('+')) Consume('-');
    if (!Digits()) return false;
  }
  const absl::string_view token(start, p_ - start);
  if (integer) {
    if (token[0] == '-') {
      int64_t s;
      if (absl::SimpleAtoi(token, &s)) {
        *out = static_cast<double>(s);
        return true;
      }
    } else {
      uint64_t u;
      if (absl::SimpleAtoi(token, &u)) {
        *out = static_cast<double>(u);
        return true;
      }
    }
  }
  // strtod, as nlohmann uses (the process keeps the "C" locale), on a terminated copy.
  char small[64];
  std::string large;
  const char* text = small;
  if (token.size() < sizeof(small)) {
    std::memcpy(small, token.data(), token.size());
    small[token.size()] = '\0';
  } else {
    large = std::string(token);
    text = large.c_str();
  }
  *out = std::strtod(text, nullptr);
  return std::isfinite(*out);  // nlohmann rejects overflow ("number overflow")
}

bool JsonReader::Literal(absl::string_view word) {
  if (static_cast<size_t>(end_ - p_) < word.size() ||
      std::memcmp(p_, word.data(), word.size()) != 0) {
    return false;
  }
  p_ += word.size();
  return true;
}

bool JsonReader::Skip() {
  absl::InlinedVector<char, 32> open;
  std::string scratch;
  absl::string_view ignored;
  while (true) {
    SkipSpace();
    // A value.
    if (Consume('{')) {
      SkipSpace();
      if (Consume('}')) {
        if (!AfterValue(&open)) return false;
      } else {
        open.push_back('{');
        if (!String(&ignored, &scratch) || !Colon()) return false;
        continue;
      }
    } else if (Consume('[')) {
      SkipSpace();
      if (Consume(']')) {
        if (!AfterValue(&open)) return false;
      } else {
        open.push_back('[');
        continue;
      }
    } else if (!Scalar(&scratch)) {
      return false;
    } else if (!AfterValue(&open)) {
      return false;
    }
    if (open.empty()) return true;
  }
}

const char* JsonReader::TypeName() const {
  if (p_ == end_) return "discarded";
  switch (*p_) {
    case '{':
      return "object";
    case '[':
      return "array";
    case '"':
      return "string";
    case 't':
    case 'f':
      return "boolean";
    case 'n':
      return "null";
    default:
      return "number";
  }
}

bool JsonReader::Digits() {
  const char* start = p_;
  while (p_ < end_ && (*p_ >= '0' && *p_ <= '9')) ++p_;
  return p_ != start;
}

bool JsonReader::Scalar(std::string* scratch) {
  if (p_ == end_) return false;
  absl::string_view text;
  double number;
  switch (*p_) {
    case '"':
      return String(&text, scratch);
    case 't':
      return Literal("true");
    case 'f':
      return Literal("false");
    case 'n':
      return Literal("null");
    default:
      return Number(&number);
  }
}

// After a value inside `open` containers: closes what ends here, stops before the next value
// (after its key, in an object). True with `open` empty when the outermost value ended.
bool JsonReader::AfterValue(absl::InlinedVector<char, 32>* open) {
  std::string scratch;
  absl::string_view ignored;
  while (!open->empty()) {
    SkipSpace();
    if (Consume(',')) {
      if (open->back() == '{') {
        SkipSpace();
        return String(&ignored, &scratch) && Colon();
      }
      return true;
    }
    if (!Consume(open->back() == '{' ? '}' : ']')) return false;
    open->pop_back();
  }
  return true;
}

}  // namespace pulumi_gateway
