// JsonToWire: runs the encoder over the text and settles what it could not (text that is not
// JSON anywhere wins over a mismatch; a mismatch next to a duplicated field is left to the DOM).
#include "gateway/transcode/json_to_wire.h"

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"
#include "gateway/transcode/json_reader.h"
#include "gateway/transcode/json_to_wire_encoder.h"
#include "gateway/transcode/wire_writer.h"

namespace pulumi_gateway {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using json_to_wire_internal::Encoder;
using json_to_wire_internal::FindField;
using json_to_wire_internal::IsOpaque;
using json_to_wire_internal::kMaxDepth;

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
