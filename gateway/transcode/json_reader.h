// A cursor over JSON text that checks it as strictly as nlohmann::json::parse (RFC 8259: UTF-8
// with the ranges of RFC 3629, escapes and surrogate pairs, no leading zeros, finite numbers)
// without building anything, for json_wire.cc.
//
//   JsonReader r(text);
//   r.SkipSpace();
//   absl::string_view key;
//   std::string scratch;
//   if (r.Consume('{') && r.String(&key, &scratch) && r.Colon() && r.Skip()) ...
#ifndef GATEWAY_TRANSCODE_JSON_READER_H_
#define GATEWAY_TRANSCODE_JSON_READER_H_

#include <cstdint>
#include <cstring>
#include <string>

#include "absl/container/inlined_vector.h"
#include "absl/strings/string_view.h"

namespace pulumi_gateway {

// The strict forms a JSON string may take for a numeric field, as the proto3 JSON mapping writes
// them (and as the request side turns them back into numbers): an integer is an optional '-'
// and decimal digits, nothing else (no '+', spaces or exponent) and in range; a floating-point
// value is a JSON number literal.
bool IntegerFromText(absl::string_view text, int64_t* out);
bool UnsignedFromText(absl::string_view text, uint64_t* out);
bool NumberFromText(absl::string_view text, double* out);

class JsonReader {
 public:
  explicit JsonReader(absl::string_view json)
      : p_(json.data()), begin_(json.data()), end_(json.data() + json.size()) {}

  const char* pos() const { return p_; }
  void set_pos(const char* p) { p_ = p; }
  // Bytes read so far (where an error is).
  size_t offset() const { return static_cast<size_t>(p_ - begin_); }
  bool AtEnd() const { return p_ == end_; }
  bool Peek(char c) const { return p_ < end_ && *p_ == c; }
  bool Consume(char c) {
    if (!Peek(c)) return false;
    ++p_;
    return true;
  }
  // A UTF-8 byte order mark, which nlohmann skips at the start.
  void SkipBom() {
    if (end_ - p_ >= 3 && std::memcmp(p_, "\xEF\xBB\xBF", 3) == 0) p_ += 3;
  }
  void SkipSpace() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }
  // ':' between spaces.
  bool Colon() {
    SkipSpace();
    if (!Consume(':')) return false;
    SkipSpace();
    return true;
  }

  // A string at the cursor, checked; `text` is its decoded value: a view of the JSON text, or of
  // `scratch` when it has escapes.
  bool String(absl::string_view* text, std::string* scratch);

  // A number at the cursor as nlohmann reads it and JsonToMessage turns it into a double:
  // integers as exact 64-bit integers first, anything else (or larger) as strtod reads it.
  bool Number(double* out);

  // `word` (true, false, null) at the cursor.
  bool Literal(absl::string_view word);

  // Checks one value of any depth and moves past it (no recursion: any nesting is fine).
  bool Skip();

  // The JSON type of the value at the cursor, named as nlohmann names it.
  const char* TypeName() const;

 private:
  bool Digits();
  bool Scalar(std::string* scratch);
  bool AfterValue(absl::InlinedVector<char, 32>* open);

  const char* p_;
  const char* begin_;
  const char* end_;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_TRANSCODE_JSON_READER_H_
