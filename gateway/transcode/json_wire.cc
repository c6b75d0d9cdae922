#include "gateway/transcode/json_wire.h"

#include "absl/strings/str_cat.h"
#include "gateway/transcode/json_reader.h"
#include "gateway/transcode/wire_writer.h"
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

enum class Failure { kNone, kSyntax, kMismatch };

// Encodes opaque JSON values read from a JsonReader: Struct, ListValue and Value as
// JsonToMessage builds them from the same JSON.
class Encoder {
 public:
  Encoder(JsonReader* reader, WireWriter* out) : r_(reader), out_(out) {}

  // One value of kind `kind` at the cursor; `depth` as JsonToMessage counts it. For kMismatch,
  // what is wrong.
  Failure Encode(Opaque kind, int depth, std::string* why) {
    why_ = why;
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

 private:
  Failure TooDeep() {
    *why_ = "nesting is too deep";
    return Failure::kMismatch;
  }

  // Struct: an object; each member a map entry {key, Value}.
  Failure StructBody(int depth) {
    if (depth > kMaxDepth) return TooDeep();
    if (!r_->Consume('{')) return Failure::kSyntax;
    r_->SkipSpace();
    if (r_->Consume('}')) return Failure::kNone;
    absl::string_view key;
    while (true) {
      if (!r_->String(&key, &key_scratch_) || !r_->Colon()) return Failure::kSyntax;
      out_->Byte(kStructFields);
      out_->Open();
      out_->LengthDelimited(kEntryKey, key.data(), key.size());
      out_->Byte(kEntryValue);
      out_->Open();
      if (Failure f = ValueBody(depth + 1); f != Failure::kNone) return f;
      out_->Close();
      out_->Close();
      r_->SkipSpace();
      if (r_->Consume('}')) return Failure::kNone;
      if (!r_->Consume(',')) return Failure::kSyntax;
      r_->SkipSpace();
    }
  }

  // ListValue: an array; each element a Value.
  Failure ListBody(int depth) {
    if (depth > kMaxDepth) return TooDeep();
    if (!r_->Consume('[')) return Failure::kSyntax;
    r_->SkipSpace();
    if (r_->Consume(']')) return Failure::kNone;
    while (true) {
      out_->Byte(kListValues);
      out_->Open();
      if (Failure f = ValueBody(depth + 1); f != Failure::kNone) return f;
      out_->Close();
      r_->SkipSpace();
      if (r_->Consume(']')) return Failure::kNone;
      if (!r_->Consume(',')) return Failure::kSyntax;
      r_->SkipSpace();
    }
  }

  // Value: the oneof member for the JSON type.
  Failure ValueBody(int depth) {
    if (depth > kMaxDepth) return TooDeep();
    if (r_->AtEnd()) return Failure::kSyntax;
    switch (*r_->pos()) {
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
        if (!r_->String(&text, &value_scratch_)) return Failure::kSyntax;
        out_->LengthDelimited(kStringValue, text.data(), text.size());
        return Failure::kNone;
      }
      case 't':
      case 'f': {
        const bool value = r_->Peek('t');
        if (!r_->Literal(value ? "true" : "false")) return Failure::kSyntax;
        char* w = out_->Take(2);
        w[0] = kBoolValue;
        w[1] = value ? 1 : 0;
        return Failure::kNone;
      }
      case 'n': {
        if (!r_->Literal("null")) return Failure::kSyntax;
        char* w = out_->Take(2);
        w[0] = kNullValue;
        w[1] = 0;
        return Failure::kNone;
      }
      default: {
        double number;
        if (!r_->Number(&number)) return Failure::kSyntax;
        out_->Double(kNumberValue, number);
        return Failure::kNone;
      }
    }
  }

  JsonReader* r_;
  WireWriter* out_;
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
  auto not_json = [&](const JsonReader& r) {
    result.error = JsonSplitError::kNotJson;
    result.message = absl::StrCat("syntax error at byte ", r.offset());
    return result;
  };
  JsonReader r(json);
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
          const Failure failure = Encoder(&r, &out).Encode(kind, 1, &why);
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

JsonSplitError EncodeOpaqueValue(JsonReader& reader, const Descriptor* type, int depth,
                                 WireWriter& out, std::string* why) {
  switch (Encoder(&reader, &out).Encode(KindOf(type), depth, why)) {
    case Failure::kNone:
      return JsonSplitError::kNone;
    case Failure::kMismatch:
      return JsonSplitError::kMismatch;
    case Failure::kSyntax:
      break;
  }
  return JsonSplitError::kNotJson;
}

absl::StatusOr<std::string> EncodeOpaqueJson(absl::string_view json, const Descriptor* type) {
  if (!IsOpaqueJsonType(type)) {
    return absl::InvalidArgumentError(absl::StrCat(type->full_name(), " is not an opaque type"));
  }
  JsonReader r(json);
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
  const Failure failure = Encoder(&r, &out).Encode(kind, 1, &why);
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
