// The encoder's repeated fields and maps: arrays element by element (a null message element left
// out), map entries as key/value messages, and the map keys only the DOM can settle.
#include <string>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"
#include "gateway/transcode/json_to_wire_encoder.h"

namespace pulumi_gateway {
namespace json_to_wire_internal {

bool Encoder::FieldValue(const FieldDescriptor* field, int depth) {
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

bool Encoder::Element(const FieldDescriptor* field, int depth) {
  if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && r_.Peek('n') &&
      !IsValueType(field)) {
    return r_.Literal("null") || Syntax();  // a null message element is left out
  }
  return Single(field, depth, /*always=*/true);
}

bool Encoder::Map(const FieldDescriptor* field, int depth) {
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

bool Encoder::MapKey(const FieldDescriptor* key_field, const std::string& key) {
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

}  // namespace json_to_wire_internal
}  // namespace pulumi_gateway
