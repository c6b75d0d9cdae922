// The encoder's walk: the top-level value, each object as a message of its type (field lookup,
// fields set twice, unknown keys and where they are), nested and opaque messages, and the
// wording of its failures.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/hash/hash.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "gateway/status/redact.h"
#include "gateway/transcode/json_to_wire_encoder.h"
#include "gateway/transcode/json_wire.h"
#include "google/protobuf/struct.pb.h"

namespace pulumi_gateway {
namespace json_to_wire_internal {

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

WireResult Encoder::Run(const Descriptor* root, const FieldDescriptor* body_field) {
  r_.SkipBom();
  r_.SkipSpace();
  if (body_field != nullptr) {
    path_.push_back(Segment{false, 0, body_field->json_name()});
    const bool ok = r_.Peek('n') ? (r_.Literal("null") || Syntax()) : Single(body_field, 0, false);
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
    return {WireOutcome::kMismatch, absl::StrCat("is a JSON ", type_name, ", expected an object")};
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

WireResult Encoder::NotJson() const {
  return {WireOutcome::kNotJson, absl::StrCat("syntax error at byte ", r_.offset())};
}

bool Encoder::Mismatch(absl::string_view why) {
  result_ = {WireOutcome::kMismatch,
             absl::StrCat("field \"", Where().empty() ? "(top level)" : RedactSecrets(Where(), 200),
                          "\": ", why)};
  return false;
}

bool Encoder::Undecided(absl::string_view why) {
  result_ = {WireOutcome::kUndecided,
             absl::StrCat("field \"", RedactSecrets(Where(), 200), "\": ", why)};
  return false;
}

std::string Encoder::Where() const {
  std::string where;
  for (const Segment& segment : path_) {
    if (segment.is_index) continue;
    if (!where.empty()) where.push_back('.');
    where += segment.key;
  }
  return where;
}

bool Encoder::Read(Token* token) {
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

bool Encoder::Message(const Descriptor* type, int depth) {
  if (depth > kMaxDepth) return Mismatch("nesting is too deep");
  if (!r_.Consume('{')) return Syntax();
  // Inline for objects of up to 16 fields: no allocation per object.
  absl::InlinedVector<const FieldDescriptor*, 16> seen;
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

bool Encoder::Single(const FieldDescriptor* field, int depth, bool always) {
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

void Encoder::Unknown() {
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

bool Encoder::Less(const Path& a, const Path& b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
}

}  // namespace json_to_wire_internal
}  // namespace pulumi_gateway
