// The encoder behind JsonToWire (json_to_wire.h), shared by the files that implement it and by
// nothing else: the walk over messages (json_to_wire_message.cc), repeated fields and maps
// (json_to_wire_repeated.cc) and the scalar field kinds (json_to_wire_scalars.cc).
//
//   JsonReader reader(json);
//   WireWriter out(&wire, WireWriter::Expected(json.size()));
//   WireResult result = Encoder(&reader, &out, &report).Run(type, body_field);
#ifndef GATEWAY_TRANSCODE_JSON_TO_WIRE_ENCODER_H_
#define GATEWAY_TRANSCODE_JSON_TO_WIRE_ENCODER_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/strings/string_view.h"
#include "gateway/status/redact.h"
#include "gateway/transcode/json_reader.h"
#include "gateway/transcode/json_to_message.h"
#include "gateway/transcode/json_to_wire.h"
#include "gateway/transcode/json_wire.h"
#include "gateway/transcode/wire_writer.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/struct.pb.h"
#include "nlohmann/json.hpp"

namespace pulumi_gateway {
namespace json_to_wire_internal {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;

constexpr int kMaxDepth = 100;  // as json_to_message.cc

// Wire types.
constexpr uint32_t kVarint = 0;
constexpr uint32_t kFixed64 = 1;
constexpr uint32_t kLengthDelimited = 2;
constexpr uint32_t kFixed32 = 5;

inline bool IsOpaque(const Descriptor* type) { return IsOpaqueJsonType(type); }

inline bool IsValueType(const FieldDescriptor* field) {
  return field->message_type() == google::protobuf::Value::descriptor();
}

// Field lookup by JSON name, then proto name (as json_to_message.cc's index).
const FieldDescriptor* FindField(const Descriptor* descriptor, absl::string_view key);

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
// Inline up to a usual nesting depth: no allocation per conversion.
using Path = absl::InlinedVector<Segment, 8>;

class Encoder {
 public:
  Encoder(JsonReader* reader, WireWriter* out, ParseReport* report)
      : r_(*reader), out_(*out), report_(report) {}

  WireResult Run(const Descriptor* root, const FieldDescriptor* body_field);

 private:
  // --- Failures ----------------------------------------------------------------------------

  WireResult NotJson() const;
  bool Syntax() {
    result_ = NotJson();
    return false;
  }
  bool Mismatch(absl::string_view why);
  bool Undecided(absl::string_view why);

  // The dotted keys to the current value, as JsonToMessage names locations.
  std::string Where() const;

  // --- Writing -----------------------------------------------------------------------------

  void Tag(const FieldDescriptor* field, uint32_t wire_type) {
    out_.Varint((static_cast<uint64_t>(field->number()) << 3) | wire_type);
  }
  void Varint(uint64_t value) { out_.Varint(value); }

  // --- Reading -----------------------------------------------------------------------------

  // The scalar (or the kind of container) at the cursor; a scalar is consumed.
  bool Read(Token* token);

  // --- Messages (json_to_wire_message.cc) ----------------------------------------------------

  // The object at the cursor as a message of `type` (its fields appended to the output).
  bool Message(const Descriptor* type, int depth);
  // A singular value of `field` (a message field's value, a repeated element or a map value);
  // `always`: written even when it is the default (elements, map entries).
  bool Single(const FieldDescriptor* field, int depth, bool always);

  // --- Repeated fields and maps (json_to_wire_repeated.cc) -----------------------------------

  bool FieldValue(const FieldDescriptor* field, int depth);
  bool Element(const FieldDescriptor* field, int depth);
  bool Map(const FieldDescriptor* field, int depth);
  bool MapKey(const FieldDescriptor* key_field, const std::string& key);

  // --- Scalars (json_to_wire_scalars.cc) -----------------------------------------------------

  bool Scalar(const FieldDescriptor* field, const Token& token, bool always);
  bool Integer(const FieldDescriptor* field, const Token& token, bool always);
  // An integer-like value (bits of `v`) in `field`'s encoding.
  bool Write(const FieldDescriptor* field, uint64_t v, bool always);

  // --- Unknown keys --------------------------------------------------------------------------

  // The key at the end of path_ is unknown: counted, and its location kept if it is among the
  // first kMaxUnknownKeys distinct locations in the DOM's order (sorted keys, array order).
  void Unknown();

  static bool Less(const Path& a, const Path& b);

  JsonReader& r_;
  WireWriter& out_;
  ParseReport* report_;
  WireResult result_;
  Path path_;
  std::vector<std::pair<Path, std::string>> top_;
  std::string scratch_;
};

}  // namespace json_to_wire_internal
}  // namespace pulumi_gateway

#endif  // GATEWAY_TRANSCODE_JSON_TO_WIRE_ENCODER_H_
