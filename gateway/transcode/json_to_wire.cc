#include "gateway/transcode/json_to_wire.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "gateway/status/redact.h"
#include "gateway/transcode/json_reader.h"
#include "gateway/transcode/json_wire.h"
#include "gateway/transcode/wire_writer.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/wire_format_lite.h"
#include "nlohmann/json.hpp"

namespace pulumi_gateway {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::internal::WireFormatLite;

constexpr int kMaxDepth = 100;  // as json_to_message.cc

// Wire types.
constexpr uint32_t kVarint = 0;
constexpr uint32_t kFixed64 = 1;
constexpr uint32_t kLengthDelimited = 2;
constexpr uint32_t kFixed32 = 5;

bool IsOpaque(const Descriptor* type) { return IsOpaqueJsonType(type); }

bool IsValueType(const FieldDescriptor* field) {
  return field->message_type() == google::protobuf::Value::descriptor();
}

// Field lookup by JSON name, then proto name (as json_to_message.cc's index).
const FieldDescriptor* FindField(const Descriptor* descriptor, absl::string_view key) {
  using Index = absl::flat_hash_map<std::string, const FieldDescriptor*>;
  thread_local absl::flat_hash_map<const Descriptor*, Index> indexes;
  auto [it, inserted] = indexes.try_emplace(descriptor);
  if (inserted) {
    for (int i = 0; i < descriptor->field_count(); ++i) {
      it->second.emplace(descriptor->field(i)->name(), descriptor->field(i));
    }
    for (int i = 0; i < descriptor->field_count(); ++i) {
      it->second.insert_or_assign(descriptor->field(i)->json_name(), descriptor->field(i));
    }
  }
  auto found = it->second.find(key);
  return found == it->second.end() ? nullptr : found->second;
}

uint32_t WireType(const FieldDescriptor* field) {
  switch (field->type()) {
    case FieldDescriptor::TYPE_DOUBLE:
    case FieldDescriptor::TYPE_FIXED64:
    case FieldDescriptor::TYPE_SFIXED64:
      return kFixed64;
    case FieldDescriptor::TYPE_FLOAT:
    case FieldDescriptor::TYPE_FIXED32:
    case FieldDescriptor::TYPE_SFIXED32:
      return kFixed32;
    case FieldDescriptor::TYPE_STRING:
    case FieldDescriptor::TYPE_BYTES:
    case FieldDescriptor::TYPE_MESSAGE:
      return kLengthDelimited;
    default:
      return kVarint;
  }
}

// One JSON scalar as nlohmann types it (for the rules and the wording of errors).
struct Token {
  enum Kind { kString, kBool, kNull, kSigned, kUnsigned, kFloat, kObject, kArray } kind;
  absl::string_view text;  // kString: decoded
  bool b = false;
  int64_t s = 0;
  uint64_t u = 0;
  double d = 0;

  const char* TypeName() const {
    switch (kind) {
      case kString:
        return "string";
      case kBool:
        return "boolean";
      case kNull:
        return "null";
      case kObject:
        return "object";
      case kArray:
        return "array";
      default:
        return "number";
    }
  }
  // As JsonToMessage shows a value in an error: scalars as JSON, containers by type.
  std::string Shown() const {
    nlohmann::json value;
    switch (kind) {
      case kString:
        value = std::string(text);
        break;
      case kBool:
        value = b;
        break;
      case kNull:
        break;
      case kSigned:
        value = s;
        break;
      case kUnsigned:
        value = u;
        break;
      case kFloat:
        value = d;
        break;
      default:
        return TypeName();
    }
    return RedactSecrets(value.dump(), 80);
  }
};

// A step of the path to a value: an object key, or an array index.
struct Segment {
  bool is_index = false;
  int index = 0;
  std::string key;

  bool operator<(const Segment& other) const {
    if (is_index != other.is_index) return is_index;  // never at the same depth
    return is_index ? index < other.index : key < other.key;
  }
  bool operator==(const Segment& other) const {
    return is_index == other.is_index && index == other.index && key == other.key;
  }
};
using Path = std::vector<Segment>;

class Encoder {
 public:
  Encoder(JsonReader* reader, WireWriter* out, ParseReport* report)
      : r_(*reader), out_(*out), report_(report) {}

  WireResult Run(const Descriptor* root, const FieldDescriptor* body_field) {
    r_.SkipBom();
    r_.SkipSpace();
    if (body_field != nullptr) {
      path_.push_back(Segment{false, 0, body_field->json_name()});
      const bool ok =
          r_.Peek('n') ? (r_.Literal("null") || Syntax()) : Single(body_field, 0, false);
      if (!ok) return result_;
      path_.pop_back();
      r_.SkipSpace();
      if (!r_.AtEnd()) return NotJson();
      for (const auto& [path, location] : top_) report_->unknown_keys.push_back(location);
      return {};
    }
    if (!r_.Peek('{')) {
      const std::string type_name = r_.TypeName();
      if (!r_.Skip()) return NotJson();
      r_.SkipSpace();
      if (!r_.AtEnd()) return NotJson();
      return {WireOutcome::kMismatch,
              absl::StrCat("is a JSON ", type_name, ", expected an object")};
    }
    const bool ok = Message(root, 0);
    if (ok) {
      r_.SkipSpace();
      if (!r_.AtEnd()) return NotJson();
      for (const auto& [path, location] : top_) report_->unknown_keys.push_back(location);
      return {};
    }
    return result_;
  }

 private:
  // --- Failures ----------------------------------------------------------------------------

  WireResult NotJson() const {
    return {WireOutcome::kNotJson, absl::StrCat("syntax error at byte ", r_.offset())};
  }
  bool Syntax() {
    result_ = NotJson();
    return false;
  }
  bool Mismatch(absl::string_view why) {
    result_ = {
        WireOutcome::kMismatch,
        absl::StrCat("field \"", Where().empty() ? "(top level)" : RedactSecrets(Where(), 200),
                     "\": ", why)};
    return false;
  }
  bool Undecided(absl::string_view why) {
    result_ = {WireOutcome::kUndecided,
               absl::StrCat("field \"", RedactSecrets(Where(), 200), "\": ", why)};
    return false;
  }

  // The dotted keys to the current value, as JsonToMessage names locations.
  std::string Where() const {
    std::string where;
    for (const Segment& segment : path_) {
      if (segment.is_index) continue;
      if (!where.empty()) where.push_back('.');
      where += segment.key;
    }
    return where;
  }

  // --- Writing -----------------------------------------------------------------------------

  void Tag(const FieldDescriptor* field, uint32_t wire_type) {
    out_.Varint((static_cast<uint64_t>(field->number()) << 3) | wire_type);
  }
  void Varint(uint64_t value) { out_.Varint(value); }

  // --- Reading -----------------------------------------------------------------------------

  // The scalar (or the kind of container) at the cursor; a scalar is consumed.
  bool Read(Token* token) {
    if (r_.AtEnd()) return Syntax();
    switch (*r_.pos()) {
      case '{':
        token->kind = Token::kObject;
        return true;
      case '[':
        token->kind = Token::kArray;
        return true;
      case '"':
        token->kind = Token::kString;
        return r_.String(&token->text, &scratch_) || Syntax();
      case 't':
      case 'f':
        token->kind = Token::kBool;
        token->b = r_.Peek('t');
        return r_.Literal(token->b ? "true" : "false") || Syntax();
      case 'n':
        token->kind = Token::kNull;
        return r_.Literal("null") || Syntax();
      default:
        break;
    }
    const char* start = r_.pos();
    if (!r_.Number(&token->d)) return Syntax();
    const absl::string_view text(start, r_.pos() - start);
    token->kind = Token::kFloat;
    if (text.find_first_of(".eE") == absl::string_view::npos) {
      if (text[0] == '-') {
        if (absl::SimpleAtoi(text, &token->s)) token->kind = Token::kSigned;
      } else if (absl::SimpleAtoi(text, &token->u)) {
        token->kind = Token::kUnsigned;
      }
    }
    return true;
  }

  // --- Messages ----------------------------------------------------------------------------

  // The object at the cursor as a message of `type` (its fields appended to the output).
  bool Message(const Descriptor* type, int depth) {
    if (depth > kMaxDepth) return Mismatch("nesting is too deep");
    if (!r_.Consume('{')) return Syntax();
    std::vector<const FieldDescriptor*> seen;
    absl::flat_hash_set<uint64_t> unknown_seen;
    r_.SkipSpace();
    if (r_.Consume('}')) return true;
    while (true) {
      absl::string_view key;
      if (!r_.Peek('"') || !r_.String(&key, &scratch_)) return Syntax();
      path_.push_back(Segment{false, 0, std::string(key)});
      if (!r_.Colon()) return Syntax();
      const FieldDescriptor* field = FindField(type, path_.back().key);
      if (field == nullptr) {
        // Counted once per object, as the DOM keeps one of repeated keys; 64-bit hashes stand
        // for the keys (a collision would only undercount a metric).
        if (unknown_seen.insert(absl::HashOf(path_.back().key)).second) Unknown();
        if (!r_.Skip()) return Syntax();
      } else {
        for (const FieldDescriptor* other : seen) {
          if (other == field || (other->containing_oneof() != nullptr &&
                                 other->containing_oneof() == field->containing_oneof())) {
            return Undecided("set twice in one object");
          }
        }
        seen.push_back(field);
        if (r_.Peek('n') && !IsValueType(field)) {
          if (!r_.Literal("null")) return Syntax();  // null leaves the field unset
        } else if (!FieldValue(field, depth)) {
          return false;
        }
      }
      path_.pop_back();
      r_.SkipSpace();
      if (r_.Consume('}')) return true;
      if (!r_.Consume(',')) return Syntax();
      r_.SkipSpace();
    }
  }

  bool FieldValue(const FieldDescriptor* field, int depth) {
    if (field->is_map()) return Map(field, depth);
    if (field->is_repeated()) {
      if (!r_.Peek('[')) {
        Token token;
        return Read(&token) && Mismatch(absl::StrCat("expected an array, got ", token.TypeName()));
      }
      r_.Consume('[');
      r_.SkipSpace();
      if (r_.Consume(']')) return true;
      path_.push_back(Segment{true, 0, {}});
      while (true) {
        if (!Element(field, depth)) return false;
        r_.SkipSpace();
        if (r_.Consume(']')) break;
        if (!r_.Consume(',')) return Syntax();
        r_.SkipSpace();
        ++path_.back().index;
      }
      path_.pop_back();
      return true;
    }
    return Single(field, depth, /*always=*/false);
  }

  bool Element(const FieldDescriptor* field, int depth) {
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && r_.Peek('n') &&
        !IsValueType(field)) {
      return r_.Literal("null") || Syntax();  // a null message element is left out
    }
    return Single(field, depth, /*always=*/true);
  }

  bool Map(const FieldDescriptor* field, int depth) {
    if (!r_.Peek('{')) {
      Token token;
      return Read(&token) && Mismatch(absl::StrCat("expected an object, got ", token.TypeName()));
    }
    const FieldDescriptor* key_field = field->message_type()->map_key();
    const FieldDescriptor* value_field = field->message_type()->map_value();
    // A repeated key replaces the earlier entry when the bytes are parsed, as in the DOM; for
    // message values the DOM would also never see the earlier value's unknown keys.
    const bool track_keys = value_field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE &&
                            !IsOpaque(value_field->message_type());
    absl::flat_hash_set<uint64_t> keys;
    r_.Consume('{');
    r_.SkipSpace();
    if (r_.Consume('}')) return true;
    while (true) {
      absl::string_view key;
      if (!r_.Peek('"') || !r_.String(&key, &scratch_)) return Syntax();
      std::string key_text(key);
      if (!r_.Colon()) return Syntax();
      if (track_keys && !keys.insert(absl::HashOf(key_text)).second) {
        return Undecided("a map key appears twice");
      }
      Tag(field, kLengthDelimited);
      out_.Open();
      if (!MapKey(key_field, key_text)) return false;
      path_.push_back(Segment{false, 0, std::move(key_text)});
      if (r_.Peek('n') && !IsValueType(value_field)) {
        if (!r_.Literal("null")) return Syntax();
      } else if (!Single(value_field, depth, /*always=*/true)) {
        return false;
      }
      path_.pop_back();
      out_.Close();
      r_.SkipSpace();
      if (r_.Consume('}')) return true;
      if (!r_.Consume(',')) return Syntax();
      r_.SkipSpace();
    }
  }

  bool MapKey(const FieldDescriptor* key_field, const std::string& key) {
    Token token;
    token.kind = Token::kString;
    token.text = key;
    if (key_field->cpp_type() == FieldDescriptor::CPPTYPE_BOOL) {
      if (key != "true" && key != "false") {
        return Mismatch(absl::StrCat("expected a boolean, got ", token.Shown()));
      }
      token.kind = Token::kBool;
      token.b = key == "true";
    }
    return Scalar(key_field, token, /*always=*/true);
  }

  // A singular value of `field` (a message field's value, a repeated element or a map value);
  // `always`: written even when it is the default (elements, map entries).
  bool Single(const FieldDescriptor* field, int depth, bool always) {
    if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) {
      Token token;
      return Read(&token) && Scalar(field, token, always);
    }
    const Descriptor* type = field->message_type();
    if (IsOpaque(type)) {
      const bool is_struct = type == google::protobuf::Struct::descriptor();
      const bool is_list = type == google::protobuf::ListValue::descriptor();
      if ((is_struct && !r_.Peek('{')) || (is_list && !r_.Peek('['))) {
        Token token;
        return Read(&token) && Mismatch(absl::StrCat("expected an ", is_struct ? "object" : "array",
                                                     ", got ", token.TypeName()));
      }
      Tag(field, kLengthDelimited);
      out_.Open();
      std::string why;
      switch (EncodeOpaqueValue(r_, type, depth + 1, out_, &why)) {
        case JsonSplitError::kNone:
          break;
        case JsonSplitError::kMismatch:
          return Mismatch(why);
        case JsonSplitError::kNotJson:
          return Syntax();
      }
      out_.Close();
      return true;
    }
    if (!r_.Peek('{')) {
      Token token;
      return Read(&token) && Mismatch(absl::StrCat("expected an object, got ", token.TypeName()));
    }
    Tag(field, kLengthDelimited);
    out_.Open();
    if (!Message(type, depth + 1)) return false;
    out_.Close();
    return true;
  }

  // --- Scalars -------------------------------------------------------------------------------

  bool Scalar(const FieldDescriptor* field, const Token& token, bool always) {
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING: {
        if (token.kind != Token::kString) {
          return Mismatch(absl::StrCat("expected a string, got ", token.TypeName()));
        }
        absl::string_view bytes = token.text;
        std::string decoded;
        if (field->type() == FieldDescriptor::TYPE_BYTES) {
          if (!absl::Base64Unescape(bytes, &decoded) &&
              !absl::WebSafeBase64Unescape(bytes, &decoded)) {
            return Mismatch("expected base64 bytes");
          }
          bytes = decoded;
        }
        if (bytes.empty() && !always && !field->has_presence()) return true;
        Tag(field, kLengthDelimited);
        Varint(bytes.size());
        if (!bytes.empty()) std::memcpy(out_.Take(bytes.size()), bytes.data(), bytes.size());
        return true;
      }
      case FieldDescriptor::CPPTYPE_BOOL:
        if (token.kind != Token::kBool) {
          return Mismatch(absl::StrCat("expected a boolean, got ", token.TypeName()));
        }
        return Write(field, static_cast<uint64_t>(token.b), always);
      case FieldDescriptor::CPPTYPE_DOUBLE:
      case FieldDescriptor::CPPTYPE_FLOAT: {
        double d = token.d;
        if (token.kind == Token::kSigned) {
          d = static_cast<double>(token.s);
        } else if (token.kind == Token::kUnsigned) {
          d = static_cast<double>(token.u);
        } else if (token.kind == Token::kString) {
          if (!NumberFromText(token.text, &d)) {
            return Mismatch(absl::StrCat("expected a number, got ", token.TypeName()));
          }
        } else if (token.kind != Token::kFloat) {
          return Mismatch(absl::StrCat("expected a number, got ", token.TypeName()));
        }
        if (field->cpp_type() == FieldDescriptor::CPPTYPE_DOUBLE) {
          const uint64_t bits = WireFormatLite::EncodeDouble(d);
          if (bits == 0 && !always && !field->has_presence()) return true;
          Tag(field, kFixed64);
          out_.Fixed64(bits);
        } else {
          const uint32_t bits = WireFormatLite::EncodeFloat(static_cast<float>(d));
          if (bits == 0 && !always && !field->has_presence()) return true;
          Tag(field, kFixed32);
          out_.Fixed32(bits);
        }
        return true;
      }
      case FieldDescriptor::CPPTYPE_ENUM: {
        const google::protobuf::EnumValueDescriptor* e = nullptr;
        if (token.kind == Token::kString) {
          e = field->enum_type()->FindValueByName(std::string(token.text));
        } else if (token.kind == Token::kSigned || token.kind == Token::kUnsigned) {
          // As nlohmann's get<int>() reads it.
          const int n =
              token.kind == Token::kSigned ? static_cast<int>(token.s) : static_cast<int>(token.u);
          e = field->enum_type()->FindValueByNumber(n);
        }
        if (e == nullptr) return Mismatch(absl::StrCat("unknown enum value ", token.Shown()));
        return Write(field, static_cast<uint64_t>(static_cast<int64_t>(e->number())), always);
      }
      case FieldDescriptor::CPPTYPE_MESSAGE:
        break;
      default:
        return Integer(field, token, always);
    }
    return Mismatch("unsupported field type");
  }

  bool Integer(const FieldDescriptor* field, const Token& token, bool always) {
    const bool is_unsigned = field->cpp_type() == FieldDescriptor::CPPTYPE_UINT32 ||
                             field->cpp_type() == FieldDescriptor::CPPTYPE_UINT64;
    int64_t s = 0;
    uint64_t u = 0;
    bool ok = false;
    switch (token.kind) {
      case Token::kUnsigned:
        u = token.u;
        s = static_cast<int64_t>(u);
        ok = is_unsigned || u <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
        break;
      case Token::kSigned:
        s = token.s;
        u = static_cast<uint64_t>(s);
        ok = !is_unsigned || s >= 0;
        break;
      case Token::kFloat:
        ok = std::trunc(token.d) == token.d && std::fabs(token.d) < 9.2e18 &&
             (!is_unsigned || token.d >= 0);
        s = static_cast<int64_t>(token.d);
        u = static_cast<uint64_t>(s);
        break;
      case Token::kString:
        ok = is_unsigned ? UnsignedFromText(token.text, &u) : IntegerFromText(token.text, &s);
        if (is_unsigned) {
          s = static_cast<int64_t>(u);
        } else {
          u = static_cast<uint64_t>(s);
        }
        break;
      default:
        break;
    }
    if (!ok) return Mismatch(absl::StrCat("expected an integer, got ", token.Shown()));
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_INT32:
        if (s < std::numeric_limits<int32_t>::min() || s > std::numeric_limits<int32_t>::max()) {
          return Mismatch("integer out of range");
        }
        u = static_cast<uint64_t>(s);
        break;
      case FieldDescriptor::CPPTYPE_UINT32:
        if (u > std::numeric_limits<uint32_t>::max()) return Mismatch("integer out of range");
        break;
      case FieldDescriptor::CPPTYPE_INT64:
        u = static_cast<uint64_t>(s);
        break;
      default:
        break;
    }
    return Write(field, u, always);
  }

  // An integer-like value (bits of `v`) in `field`'s encoding.
  bool Write(const FieldDescriptor* field, uint64_t v, bool always) {
    if (v == 0 && !always && !field->has_presence()) return true;
    switch (field->type()) {
      case FieldDescriptor::TYPE_SINT32: {
        const int32_t n = static_cast<int32_t>(v);
        Tag(field, kVarint);
        Varint(static_cast<uint32_t>((static_cast<uint32_t>(n) << 1) ^
                                     static_cast<uint32_t>(n >> 31)));
        return true;
      }
      case FieldDescriptor::TYPE_SINT64: {
        const int64_t n = static_cast<int64_t>(v);
        Tag(field, kVarint);
        Varint((static_cast<uint64_t>(n) << 1) ^ static_cast<uint64_t>(n >> 63));
        return true;
      }
      case FieldDescriptor::TYPE_FIXED32:
      case FieldDescriptor::TYPE_SFIXED32: {
        Tag(field, kFixed32);
        out_.Fixed32(static_cast<uint32_t>(v));
        return true;
      }
      case FieldDescriptor::TYPE_FIXED64:
      case FieldDescriptor::TYPE_SFIXED64:
        Tag(field, kFixed64);
        out_.Fixed64(v);
        return true;
      default:
        Tag(field, WireType(field));
        Varint(v);
        return true;
    }
  }

  // --- Unknown keys --------------------------------------------------------------------------

  // The key at the end of path_ is unknown: counted, and its location kept if it is among the
  // first kMaxUnknownKeys distinct locations in the DOM's order (sorted keys, array order).
  void Unknown() {
    ++report_->unknown_key_count;
    constexpr size_t kMax = ParseReport::kMaxUnknownKeys;
    if (top_.size() == kMax && !Less(path_, top_.back().first)) return;
    std::string location = RedactSecrets(Where(), 256);
    auto same = std::find_if(top_.begin(), top_.end(),
                             [&](const auto& entry) { return entry.second == location; });
    if (same != top_.end()) {
      if (!Less(path_, same->first)) return;
      same->first = path_;
    } else if (top_.size() < kMax) {
      top_.emplace_back(path_, std::move(location));
    } else {
      top_.back() = {path_, std::move(location)};
    }
    std::sort(top_.begin(), top_.end(),
              [](const auto& a, const auto& b) { return Less(a.first, b.first); });
  }

  static bool Less(const Path& a, const Path& b) {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
  }

  JsonReader& r_;
  WireWriter& out_;
  ParseReport* report_;
  WireResult result_;
  Path path_;
  std::vector<std::pair<Path, std::string>> top_;
  std::string scratch_;
};

// Whether the object at `r`'s cursor, read as a message of `type`, names a field (or a oneof)
// twice in one object, or repeats a map key, anywhere inside: then the DOM keeps one of the
// values by its own order, and a mismatch in the other may not count.
bool HasDuplicates(JsonReader& r, const Descriptor* type, int depth) {
  if (depth > kMaxDepth || !r.Consume('{')) return false;
  std::vector<const FieldDescriptor*> seen;
  std::string scratch;
  auto value = [&](const FieldDescriptor* field, bool element) -> bool {
    // Descends into what can hold a message; everything else is skipped.
    r.SkipSpace();
    if (field->is_map() && !element) {
      if (!r.Peek('{')) return r.Skip() && false;
      const FieldDescriptor* value_field = field->message_type()->map_value();
      const bool messages = value_field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE &&
                            !IsOpaque(value_field->message_type());
      absl::flat_hash_set<uint64_t> keys;
      r.Consume('{');
      r.SkipSpace();
      if (r.Consume('}')) return false;
      while (true) {
        absl::string_view key;
        if (!r.String(&key, &scratch) || !r.Colon()) return false;
        if (!keys.insert(absl::HashOf(key)).second) return true;
        if (messages && r.Peek('{')) {
          if (HasDuplicates(r, value_field->message_type(), depth + 1)) return true;
        } else if (!r.Skip()) {
          return false;
        }
        r.SkipSpace();
        if (r.Consume('}') || !r.Consume(',')) return false;
        r.SkipSpace();
      }
    }
    if (field->is_repeated() && !element) {
      if (!r.Peek('[')) return r.Skip() && false;
      r.Consume('[');
      r.SkipSpace();
      if (r.Consume(']')) return false;
      while (true) {
        if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE &&
            !IsOpaque(field->message_type()) && r.Peek('{')) {
          if (HasDuplicates(r, field->message_type(), depth + 1)) return true;
        } else if (!r.Skip()) {
          return false;
        }
        r.SkipSpace();
        if (r.Consume(']') || !r.Consume(',')) return false;
        r.SkipSpace();
      }
    }
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && !IsOpaque(field->message_type()) &&
        r.Peek('{')) {
      return HasDuplicates(r, field->message_type(), depth + 1);
    }
    return r.Skip() && false;
  };
  r.SkipSpace();
  if (r.Consume('}')) return false;
  while (true) {
    absl::string_view key;
    if (!r.String(&key, &scratch) || !r.Colon()) return false;
    const FieldDescriptor* field = FindField(type, key);
    if (field == nullptr) {
      if (!r.Skip()) return false;
    } else {
      for (const FieldDescriptor* other : seen) {
        if (other == field || (other->containing_oneof() != nullptr &&
                               other->containing_oneof() == field->containing_oneof())) {
          return true;
        }
      }
      seen.push_back(field);
      if (value(field, false)) return true;
    }
    r.SkipSpace();
    if (r.Consume('}') || !r.Consume(',')) return false;
    r.SkipSpace();
  }
}

}  // namespace

WireResult JsonToWire(absl::string_view json, const Descriptor* type, std::string* wire,
                      ParseReport* report, const FieldDescriptor* body_field) {
  *report = ParseReport();
  JsonReader reader(json);
  WireWriter out(wire, WireWriter::Expected(json.size()));
  WireResult result = Encoder(&reader, &out, report).Run(type, body_field);
  if (result.outcome == WireOutcome::kMismatch || result.outcome == WireOutcome::kUndecided) {
    // Text that is not JSON anywhere wins over a mismatch, as when a DOM is parsed first.
    JsonReader check(json);
    check.SkipBom();
    check.SkipSpace();
    const bool json_ok = check.Skip() && (check.SkipSpace(), check.AtEnd());
    if (!json_ok) {
      result = {WireOutcome::kNotJson, absl::StrCat("syntax error at byte ", check.offset())};
    } else if (result.outcome == WireOutcome::kMismatch) {
      JsonReader again(json);
      again.SkipBom();
      again.SkipSpace();
      const bool duplicates =
          body_field == nullptr
              ? HasDuplicates(again, type, 0)
              : again.Peek('{') && HasDuplicates(again, body_field->message_type(), 1);
      if (duplicates) {
        result.outcome = WireOutcome::kUndecided;  // the DOM may keep the well-typed value
      }
    }
  }
  if (result.outcome != WireOutcome::kEncoded) {
    wire->clear();
    *report = ParseReport();
    return result;
  }
  if (!out.Finish()) return {WireOutcome::kMismatch, "field \"(top level)\": too large"};
  return result;
}

}  // namespace pulumi_gateway
