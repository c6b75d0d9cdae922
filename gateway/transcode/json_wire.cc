#include "gateway/transcode/json_wire.h"

#include <sys/mman.h>
#include <unistd.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>

#include "absl/container/inlined_vector.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/struct.pb.h"

namespace pulumi_gateway {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;

// As json_to_message.cc: each Struct, Value and ListValue level counts one.
constexpr int kMaxDepth = 100;

// Wire tags (field number << 3 | wire type) of the three messages.
constexpr char kStructFields = 0x0A;  // Struct.fields = 1, a map entry
constexpr char kEntryKey = 0x0A;      // map entry key = 1
constexpr char kEntryValue = 0x12;    // map entry value = 2
constexpr char kNullValue = 0x08;     // Value.null_value = 1 (varint)
constexpr char kNumberValue = 0x11;   // Value.number_value = 2 (64-bit)
constexpr char kStringValue = 0x1A;   // Value.string_value = 3
constexpr char kBoolValue = 0x20;     // Value.bool_value = 4 (varint)
constexpr char kStructValue = 0x2A;   // Value.struct_value = 5
constexpr char kListValue = 0x32;     // Value.list_value = 6
constexpr char kListValues = 0x0A;    // ListValue.values = 1

enum class Opaque { kStruct, kValue, kList };

Opaque KindOf(const Descriptor* type) {
  if (type == google::protobuf::Struct::descriptor()) return Opaque::kStruct;
  if (type == google::protobuf::ListValue::descriptor()) return Opaque::kList;
  return Opaque::kValue;
}

size_t VarintSize(uint32_t v) {
  size_t n = 1;
  while (v >= 0x80) {
    v >>= 7;
    ++n;
  }
  return n;
}

char* WriteVarint(uint64_t v, char* p) {
  while (v >= 0x80) {
    *p++ = static_cast<char>(v | 0x80);
    v >>= 7;
  }
  *p++ = static_cast<char>(v);
  return p;
}

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

// Asks for transparent huge pages under a large buffer about to be written: one fault per 2 MiB
// instead of per 4 KiB (which costs more than the encoding on some VMs). A hint; errors are fine.
void AdviseHugePages(char* data, size_t size) {
  constexpr size_t kWorthIt = 8 << 20;
  if (size < kWorthIt) return;
  const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  const uintptr_t begin = (reinterpret_cast<uintptr_t>(data) + page - 1) & ~(page - 1);
  const uintptr_t end = (reinterpret_cast<uintptr_t>(data) + size) & ~(page - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
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

// The growing output of one encoding. Nested messages are length-prefixed, and a length is known
// only once the message is written: each gets one byte, filled in when it closes if the length
// fits (under 128, most of them); longer ones are noted and their varints inserted by one
// backward pass at the end, which moves every byte at most once.
class WireWriter {
 public:
  // Wire bytes are about as many as JSON bytes (a little more for numbers and nesting).
  static size_t Expected(size_t json_bytes) { return json_bytes / 8 * 9 + 64; }

  explicit WireWriter(std::string* out, size_t expected) : out_(out) {
    out_->clear();
    out_->reserve(expected);
    AdviseHugePages(out_->data(), out_->capacity());
  }

  char* Take(size_t n) {
    if (size_ + n > out_->size()) Grow(n);
    char* p = &(*out_)[size_];
    size_ += n;
    return p;
  }
  void Byte(char c) { *Take(1) = c; }
  void Bytes(const char* p, size_t n) {
    if (n > 0) std::memcpy(Take(n), p, n);
  }
  void LengthDelimited(char tag, const char* p, size_t n) {
    const size_t most = 1 + 5 + n;
    char* const start = Take(most);
    char* w = start;
    *w++ = tag;
    w = WriteVarint(n, w);
    if (n > 0) std::memcpy(w, p, n);
    size_ -= most - static_cast<size_t>(w + n - start);
  }
  void Double(double d) {
    char* w = Take(9);
    *w = kNumberValue;
    std::memcpy(w + 1, &d, 8);  // little-endian, as the wire format
  }

  // A nested message starts: its length goes here.
  void Open() {
    records_.push_back({static_cast<uint32_t>(size_), 0});
    open_.push_back({size_ + 1, extra_, records_.size() - 1});
    Byte(0);
  }
  void Close() {
    const Frame frame = open_.back();
    open_.pop_back();
    const uint64_t length = size_ - frame.start + (extra_ - frame.extra);
    if (length < 0x80) {
      // Every message inside was shorter and dropped its note, so this one's is the last.
      (*out_)[records_[frame.record].at] = static_cast<char>(length);
      records_.pop_back();
      return;
    }
    records_[frame.record].length = static_cast<uint32_t>(length);
    extra_ += VarintSize(static_cast<uint32_t>(length)) - 1;
  }

  // Inserts the long lengths; false when the output outgrew the 4 GiB the notes can address.
  bool Finish() {
    if (size_ + extra_ > std::numeric_limits<uint32_t>::max()) return false;
    size_t src_end = size_;
    size_t dst_end = size_ + extra_;
    out_->resize(dst_end);
    char* data = out_->data();
    for (auto it = records_.rbegin(); it != records_.rend(); ++it) {
      const size_t after = it->at + 1;
      const size_t moved = src_end - after;
      std::memmove(data + dst_end - moved, data + after, moved);
      dst_end -= moved;
      char varint[5];
      const size_t n = WriteVarint(it->length, varint) - varint;
      std::memcpy(data + dst_end - n, varint, n);
      dst_end -= n;
      src_end = it->at;
    }
    return true;
  }

 private:
  struct Record {
    uint32_t at;      // offset of the one length byte
    uint32_t length;  // the message's final length (0 while open)
  };
  struct Frame {
    size_t start;   // first byte after the length byte
    size_t extra;   // extra_ when the message opened
    size_t record;  // its note in records_
  };

  void Grow(size_t n) {
    // Within the reserved capacity, grow in steps: resize writes zeros, and pages never written
    // then stay out of RSS.
    size_t target = size_ + n;
    const size_t capacity = out_->capacity();
    if (target <= capacity) {
      target = std::min(capacity, std::max(target, out_->size() + (1 << 20)));
    }
    out_->resize(target);
    if (out_->capacity() != capacity) AdviseHugePages(out_->data(), out_->capacity());
  }

  std::string* out_;
  size_t size_ = 0;
  size_t extra_ = 0;  // bytes the long lengths will add
  std::vector<Record> records_;
  absl::InlinedVector<Frame, 64> open_;
};

enum class Failure { kNone, kSyntax, kMismatch };

// A cursor over JSON text: checks it, and encodes opaque values into a WireWriter.
class Reader {
 public:
  Reader(absl::string_view json)
      : p_(json.data()), begin_(json.data()), end_(json.data() + json.size()) {}

  const char* pos() const { return p_; }
  void set_pos(const char* p) { p_ = p; }
  bool AtEnd() const { return p_ == end_; }
  bool Peek(char c) const { return p_ < end_ && *p_ == c; }
  bool Consume(char c) {
    if (!Peek(c)) return false;
    ++p_;
    return true;
  }
  void SkipBom() {
    if (end_ - p_ >= 3 && std::memcmp(p_, "\xEF\xBB\xBF", 3) == 0) p_ += 3;
  }
  void SkipSpace() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }
  size_t offset() const { return static_cast<size_t>(p_ - begin_); }

  // A string at the cursor: its raw text (between the quotes) is checked, and decoded into
  // `scratch` when it has escapes. Sets `text` to the decoded string.
  bool String(absl::string_view* text, std::string* scratch) {
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

  // A number at the cursor, as nlohmann reads it and JsonToMessage turns it into a double:
  // integers exactly as 64-bit integers first, anything else (or too large) by strtod rules.
  bool Number(double* out) {
    const char* start = p_;
    Consume('-');
    if (Consume('0')) {
      if (p_ < end_ && IsDigit(*p_)) return false;
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

  bool Literal(absl::string_view word) {
    if (static_cast<size_t>(end_ - p_) < word.size() ||
        std::memcmp(p_, word.data(), word.size()) != 0) {
      return false;
    }
    p_ += word.size();
    return true;
  }

  // Checks one value of any depth and moves past it (no recursion: any nesting is fine).
  bool Skip() {
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

  // Encodes one opaque value of kind `kind` at the cursor; `depth` as JsonToMessage counts it.
  Failure Encode(Opaque kind, int depth, WireWriter* out, std::string* why) {
    why_ = why;
    out_ = out;
    switch (kind) {
      case Opaque::kStruct:
        return StructBody(depth);
      case Opaque::kList:
        return ListBody(depth);
      case Opaque::kValue:
        return ValueBody(depth);
    }
    return Failure::kSyntax;
  }

  // JSON type name of the value at the cursor, as nlohmann names it.
  const char* TypeName() const {
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

 private:
  static bool IsDigit(char c) { return c >= '0' && c <= '9'; }
  bool Digits() {
    const char* start = p_;
    while (p_ < end_ && IsDigit(*p_)) ++p_;
    return p_ != start;
  }
  bool Colon() {
    SkipSpace();
    if (!Consume(':')) return false;
    SkipSpace();
    return true;
  }
  bool Scalar(std::string* scratch) {
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
  bool AfterValue(absl::InlinedVector<char, 32>* open) {
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

  Failure TooDeep() {
    *why_ = "nesting is too deep";
    return Failure::kMismatch;
  }

  // Struct: an object; each member a map entry {key, Value}.
  Failure StructBody(int depth) {
    if (depth > kMaxDepth) return TooDeep();
    if (!Consume('{')) return Failure::kSyntax;
    SkipSpace();
    if (Consume('}')) return Failure::kNone;
    absl::string_view key;
    while (true) {
      if (!String(&key, &key_scratch_) || !Colon()) return Failure::kSyntax;
      out_->Byte(kStructFields);
      out_->Open();
      out_->LengthDelimited(kEntryKey, key.data(), key.size());
      out_->Byte(kEntryValue);
      out_->Open();
      if (Failure f = ValueBody(depth + 1); f != Failure::kNone) return f;
      out_->Close();
      out_->Close();
      SkipSpace();
      if (Consume('}')) return Failure::kNone;
      if (!Consume(',')) return Failure::kSyntax;
      SkipSpace();
    }
  }

  // ListValue: an array; each element a Value.
  Failure ListBody(int depth) {
    if (depth > kMaxDepth) return TooDeep();
    if (!Consume('[')) return Failure::kSyntax;
    SkipSpace();
    if (Consume(']')) return Failure::kNone;
    while (true) {
      out_->Byte(kListValues);
      out_->Open();
      if (Failure f = ValueBody(depth + 1); f != Failure::kNone) return f;
      out_->Close();
      SkipSpace();
      if (Consume(']')) return Failure::kNone;
      if (!Consume(',')) return Failure::kSyntax;
      SkipSpace();
    }
  }

  // Value: the oneof member for the JSON type.
  Failure ValueBody(int depth) {
    if (depth > kMaxDepth) return TooDeep();
    if (p_ == end_) return Failure::kSyntax;
    switch (*p_) {
      case '{': {
        out_->Byte(kStructValue);
        out_->Open();
        if (Failure f = StructBody(depth + 1); f != Failure::kNone) return f;
        out_->Close();
        return Failure::kNone;
      }
      case '[': {
        out_->Byte(kListValue);
        out_->Open();
        if (Failure f = ListBody(depth + 1); f != Failure::kNone) return f;
        out_->Close();
        return Failure::kNone;
      }
      case '"': {
        absl::string_view text;
        if (!String(&text, &value_scratch_)) return Failure::kSyntax;
        out_->LengthDelimited(kStringValue, text.data(), text.size());
        return Failure::kNone;
      }
      case 't':
      case 'f': {
        const bool value = *p_ == 't';
        if (!Literal(value ? "true" : "false")) return Failure::kSyntax;
        char* w = out_->Take(2);
        w[0] = kBoolValue;
        w[1] = value ? 1 : 0;
        return Failure::kNone;
      }
      case 'n': {
        if (!Literal("null")) return Failure::kSyntax;
        char* w = out_->Take(2);
        w[0] = kNullValue;
        w[1] = 0;
        return Failure::kNone;
      }
      default: {
        double number;
        if (!Number(&number)) return Failure::kSyntax;
        out_->Double(number);
        return Failure::kNone;
      }
    }
  }

  const char* p_;
  const char* begin_;
  const char* end_;
  WireWriter* out_ = nullptr;
  std::string* why_ = nullptr;
  std::string key_scratch_;
  std::string value_scratch_;
};

// The field `key` names among `fields`: the JSON name first, then the proto name (as
// json_to_message.cc's index orders them).
const FieldDescriptor* FindOpaque(const std::vector<const FieldDescriptor*>& fields,
                                  absl::string_view key) {
  for (const FieldDescriptor* f : fields) {
    if (f->json_name() == key) return f;
  }
  for (const FieldDescriptor* f : fields) {
    if (f->name() == key) return f;
  }
  return nullptr;
}

}  // namespace

bool IsOpaqueJsonType(const Descriptor* type) {
  return type == google::protobuf::Struct::descriptor() ||
         type == google::protobuf::Value::descriptor() ||
         type == google::protobuf::ListValue::descriptor();
}

std::vector<const FieldDescriptor*> OpaqueFields(const Descriptor* descriptor) {
  std::vector<const FieldDescriptor*> fields;
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const FieldDescriptor* f = descriptor->field(i);
    if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && !f->is_repeated() &&
        f->containing_oneof() == nullptr && IsOpaqueJsonType(f->message_type())) {
      fields.push_back(f);
    }
  }
  return fields;
}

JsonSplitResult SplitOpaqueFields(absl::string_view json, const Descriptor* descriptor,
                                  OpaqueFieldSplit* split) {
  split->others.clear();
  split->encoded.clear();
  const std::vector<const FieldDescriptor*> fields = OpaqueFields(descriptor);
  JsonSplitResult result;
  auto not_json = [&](const Reader& r) {
    result.error = JsonSplitError::kNotJson;
    result.message = absl::StrCat("syntax error at byte ", r.offset());
    return result;
  };
  Reader r(json);
  r.SkipBom();
  r.SkipSpace();
  if (!r.Consume('{')) return not_json(r);
  split->others = "{";
  std::string mismatch;
  std::string key_scratch;
  r.SkipSpace();
  if (!r.Consume('}')) {
    while (true) {
      const char* key_start = r.pos();
      absl::string_view key;
      if (!r.String(&key, &key_scratch)) return not_json(r);
      const char* key_end = r.pos();
      r.SkipSpace();
      if (!r.Consume(':')) return not_json(r);
      r.SkipSpace();
      const char* value_start = r.pos();
      const FieldDescriptor* field = FindOpaque(fields, key);
      if (field == nullptr) {
        if (!r.Skip()) return not_json(r);
        if (split->others.size() > 1) split->others.push_back(',');
        absl::StrAppend(&split->others, absl::string_view(key_start, key_end - key_start), ":",
                        absl::string_view(value_start, r.pos() - value_start));
      } else {
        // A repeated key: the last value wins.
        for (auto it = split->encoded.begin(); it != split->encoded.end(); ++it) {
          if (it->first == field) {
            split->encoded.erase(it);
            break;
          }
        }
        const Opaque kind = KindOf(field->message_type());
        const std::string where(key);
        if (kind != Opaque::kValue && r.Peek('n')) {
          if (!r.Literal("null")) return not_json(r);  // null leaves the field unset
        } else if (kind == Opaque::kStruct && !r.Peek('{')) {
          if (mismatch.empty()) {
            mismatch =
                absl::StrCat("field \"", where, "\": expected an object, got ", r.TypeName());
          }
          if (!r.Skip()) return not_json(r);
        } else if (kind == Opaque::kList && !r.Peek('[')) {
          if (mismatch.empty()) {
            mismatch = absl::StrCat("field \"", where, "\": expected an array, got ", r.TypeName());
          }
          if (!r.Skip()) return not_json(r);
        } else {
          std::string bytes;
          // Pages reserved but never written stay out of RSS.
          WireWriter out(&bytes, WireWriter::Expected(json.size() - (value_start - json.data())));
          std::string why;
          const Failure failure = r.Encode(kind, 1, &out, &why);
          if (failure == Failure::kSyntax) return not_json(r);
          if (failure == Failure::kMismatch) {
            if (mismatch.empty()) mismatch = absl::StrCat("field \"", where, "\": ", why);
            r.set_pos(value_start);
            if (!r.Skip()) return not_json(r);
          } else if (!out.Finish()) {
            if (mismatch.empty()) mismatch = absl::StrCat("field \"", where, "\": too large");
          } else {
            split->encoded.emplace_back(field, std::move(bytes));
          }
        }
      }
      r.SkipSpace();
      if (r.Consume('}')) break;
      if (!r.Consume(',')) return not_json(r);
      r.SkipSpace();
    }
  }
  r.SkipSpace();
  if (!r.AtEnd()) return not_json(r);
  split->others.push_back('}');
  if (!mismatch.empty()) {
    result.error = JsonSplitError::kMismatch;
    result.message = std::move(mismatch);
  }
  return result;
}

absl::StatusOr<std::string> EncodeOpaqueJson(absl::string_view json, const Descriptor* type) {
  if (!IsOpaqueJsonType(type)) {
    return absl::InvalidArgumentError(absl::StrCat(type->full_name(), " is not an opaque type"));
  }
  Reader r(json);
  r.SkipBom();
  r.SkipSpace();
  const Opaque kind = KindOf(type);
  if ((kind == Opaque::kStruct && !r.Peek('{')) || (kind == Opaque::kList && !r.Peek('['))) {
    return absl::InvalidArgumentError(absl::StrCat(
        "expected an ", kind == Opaque::kStruct ? "object" : "array", ", got ", r.TypeName()));
  }
  std::string bytes;
  WireWriter out(&bytes, WireWriter::Expected(json.size()));
  std::string why;
  const char* start = r.pos();
  const Failure failure = r.Encode(kind, 1, &out, &why);
  // A syntax error anywhere wins over a mismatch, as when a DOM is parsed first.
  if (failure == Failure::kMismatch) r.set_pos(start);
  const bool json_ok = failure != Failure::kSyntax && (failure == Failure::kNone || r.Skip());
  r.SkipSpace();
  if (!json_ok || !r.AtEnd()) {
    return absl::InvalidArgumentError(absl::StrCat("not valid JSON at byte ", r.offset()));
  }
  if (failure == Failure::kMismatch) return absl::InvalidArgumentError(why);
  if (!out.Finish()) return absl::InvalidArgumentError("too large");
  return bytes;
}

}  // namespace pulumi_gateway
