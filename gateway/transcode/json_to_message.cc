#include "gateway/transcode/json_to_message.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "gateway/status/redact.h"
#include "gateway/transcode/json_reader.h"
#include "google/protobuf/struct.pb.h"

namespace pulumi_gateway {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;
using nlohmann::json;

constexpr int kMaxDepth = 100;

// Field lookup by JSON name (then proto name). protobuf 3.21 has no index by JSON name, so each
// thread keeps one per message type: few threads parse, and a lookup then takes no lock.
const FieldDescriptor* FindField(const Descriptor* descriptor, const std::string& key) {
  using Index = absl::flat_hash_map<std::string, const FieldDescriptor*>;
  thread_local absl::flat_hash_map<const Descriptor*, Index> indexes;
  auto [it, inserted] = indexes.try_emplace(descriptor);
  if (inserted) {
    for (int i = 0; i < descriptor->field_count(); ++i) {
      const FieldDescriptor* field = descriptor->field(i);
      it->second.emplace(field->name(), field);
    }
    for (int i = 0; i < descriptor->field_count(); ++i) {
      const FieldDescriptor* field = descriptor->field(i);
      it->second.insert_or_assign(field->json_name(), field);
    }
  }
  auto found = it->second.find(key);
  return found == it->second.end() ? nullptr : found->second;
}

class Parser {
 public:
  explicit Parser(ParseReport* report) : report_(report) {}

  absl::Status Object(const json& value, Message* message, const std::string& where, int depth) {
    if (depth > kMaxDepth) return Error(where, "nesting is too deep");
    const Descriptor* descriptor = message->GetDescriptor();
    if (IsWellKnown(descriptor)) return WellKnown(value, message, where, depth);
    if (!value.is_object())
      return Error(where, absl::StrCat("expected an object, got ", value.type_name()));
    for (auto it = value.begin(); it != value.end(); ++it) {
      const FieldDescriptor* field = FindField(descriptor, it.key());
      const std::string location = where.empty() ? it.key() : absl::StrCat(where, ".", it.key());
      if (field == nullptr) {
        Unknown(location);
        continue;
      }
      if (it->is_null() && !IsValueType(field)) continue;
      absl::Status status = Field(*it, message, field, location, depth);
      if (!status.ok()) return status;
    }
    return absl::OkStatus();
  }

 public:
  static bool IsWellKnown(const Descriptor* d) {
    return d == google::protobuf::Struct::descriptor() ||
           d == google::protobuf::Value::descriptor() ||
           d == google::protobuf::ListValue::descriptor();
  }

  static bool IsValueType(const FieldDescriptor* field) {
    return field->message_type() == google::protobuf::Value::descriptor();
  }

  // Locations hold the upstream's map keys and values its text: both are redacted and capped.
  static absl::Status Error(const std::string& where, absl::string_view why) {
    return absl::InvalidArgumentError(absl::StrCat(
        "field \"", where.empty() ? "(top level)" : RedactSecrets(where, 200), "\": ", why));
  }

  // A value as an error names it: scalars as JSON, containers by their type.
  static std::string Shown(const json& value) {
    if (value.is_object() || value.is_array()) return value.type_name();
    return RedactSecrets(value.dump(), 80);
  }

  // Declared public for the event-driven filler below, which reuses the conversions.
  void Unknown(const std::string& location) {
    ++report_->unknown_key_count;
    auto& keys = report_->unknown_keys;
    if (keys.size() >= ParseReport::kMaxUnknownKeys) return;
    // Keys are the upstream's text: they reach metrics-side logs, so they are redacted.
    std::string shown = RedactSecrets(location, 256);
    if (std::find(keys.begin(), keys.end(), shown) == keys.end()) keys.push_back(std::move(shown));
  }

 private:
  absl::Status Field(const json& value, Message* message, const FieldDescriptor* field,
                     const std::string& where, int depth) {
    const Reflection* reflection = message->GetReflection();
    if (field->is_map()) {
      if (!value.is_object())
        return Error(where, absl::StrCat("expected an object, got ", value.type_name()));
      const FieldDescriptor* key_field = field->message_type()->map_key();
      const FieldDescriptor* value_field = field->message_type()->map_value();
      for (auto it = value.begin(); it != value.end(); ++it) {
        Message* entry = reflection->AddMessage(message, field);
        absl::Status status = MapKey(it.key(), entry, key_field, where);
        if (!status.ok()) return status;
        if (it->is_null() && !IsValueType(value_field)) continue;
        status = Single(*it, entry, value_field, absl::StrCat(where, ".", it.key()), depth);
        if (!status.ok()) return status;
      }
      return absl::OkStatus();
    }
    if (field->is_repeated()) {
      if (!value.is_array())
        return Error(where, absl::StrCat("expected an array, got ", value.type_name()));
      for (const json& element : value) {
        absl::Status status = Repeated(element, message, field, where, depth);
        if (!status.ok()) return status;
      }
      return absl::OkStatus();
    }
    return Single(value, message, field, where, depth);
  }

  absl::Status Single(const json& value, Message* message, const FieldDescriptor* field,
                      const std::string& where, int depth) {
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      return Object(value, message->GetReflection()->MutableMessage(message, field), where,
                    depth + 1);
    }
    return Scalar(value, message, field, where);
  }

  absl::Status Repeated(const json& value, Message* message, const FieldDescriptor* field,
                        const std::string& where, int depth) {
    const Reflection* reflection = message->GetReflection();
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      if (value.is_null() && !IsValueType(field)) return absl::OkStatus();
      return Object(value, reflection->AddMessage(message, field), where, depth + 1);
    }
    return Scalar(value, message, field, where);
  }

 public:
  // A map key (always a JSON string) for the entry's key field: a boolean key is "true" or
  // "false", any other key converts as a JSON string would.
  absl::Status MapKey(const std::string& key, Message* entry, const FieldDescriptor* key_field,
                      const std::string& where) {
    if (key_field->cpp_type() == FieldDescriptor::CPPTYPE_BOOL) {
      if (key != "true" && key != "false") {
        return Error(where, absl::StrCat("expected a boolean, got ", Shown(json(key))));
      }
      entry->GetReflection()->SetBool(entry, key_field, key == "true");
      return absl::OkStatus();
    }
    return Scalar(json(key), entry, key_field, where);
  }

  // Converts a JSON scalar for a scalar field; appends when the field is repeated.
  absl::Status Scalar(const json& value, Message* message, const FieldDescriptor* field,
                      const std::string& where) {
    const Reflection* r = message->GetReflection();
    const bool repeated = field->is_repeated();
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING: {
        // Only a JSON string: a number or a boolean here means the answer does not fit.
        if (!value.is_string()) {
          return Error(where, absl::StrCat("expected a string, got ", value.type_name()));
        }
        std::string text = value.get<std::string>();
        if (field->type() == FieldDescriptor::TYPE_BYTES) {
          std::string decoded;
          if (!absl::Base64Unescape(text, &decoded) &&
              !absl::WebSafeBase64Unescape(text, &decoded)) {
            return Error(where, "expected base64 bytes");
          }
          text = std::move(decoded);
        }
        repeated ? r->AddString(message, field, std::move(text))
                 : r->SetString(message, field, std::move(text));
        return absl::OkStatus();
      }
      case FieldDescriptor::CPPTYPE_BOOL: {
        if (!value.is_boolean()) {
          return Error(where, absl::StrCat("expected a boolean, got ", value.type_name()));
        }
        const bool b = value.get<bool>();
        repeated ? r->AddBool(message, field, b) : r->SetBool(message, field, b);
        return absl::OkStatus();
      }
      case FieldDescriptor::CPPTYPE_DOUBLE:
      case FieldDescriptor::CPPTYPE_FLOAT: {
        double d;
        if (value.is_number()) {
          d = value.get<double>();
        } else if (!value.is_string() || !NumberFromText(value.get_ref<const std::string&>(), &d)) {
          return Error(where, absl::StrCat("expected a number, got ", value.type_name()));
        }
        if (field->cpp_type() == FieldDescriptor::CPPTYPE_DOUBLE) {
          repeated ? r->AddDouble(message, field, d) : r->SetDouble(message, field, d);
        } else {
          repeated ? r->AddFloat(message, field, static_cast<float>(d))
                   : r->SetFloat(message, field, static_cast<float>(d));
        }
        return absl::OkStatus();
      }
      case FieldDescriptor::CPPTYPE_INT32:
      case FieldDescriptor::CPPTYPE_INT64:
      case FieldDescriptor::CPPTYPE_UINT32:
      case FieldDescriptor::CPPTYPE_UINT64:
        return Integer(value, message, field, where);
      case FieldDescriptor::CPPTYPE_ENUM: {
        const google::protobuf::EnumValueDescriptor* e = nullptr;
        if (value.is_string()) {
          e = field->enum_type()->FindValueByName(value.get<std::string>());
        } else if (value.is_number_integer()) {
          e = field->enum_type()->FindValueByNumber(value.get<int>());
        }
        if (e == nullptr) return Error(where, absl::StrCat("unknown enum value ", Shown(value)));
        repeated ? r->AddEnum(message, field, e) : r->SetEnum(message, field, e);
        return absl::OkStatus();
      }
      case FieldDescriptor::CPPTYPE_MESSAGE:
        break;
    }
    return Error(where, "unsupported field type");
  }

 private:
  absl::Status Integer(const json& value, Message* message, const FieldDescriptor* field,
                       const std::string& where) {
    const Reflection* r = message->GetReflection();
    const bool repeated = field->is_repeated();
    const bool is_unsigned = field->cpp_type() == FieldDescriptor::CPPTYPE_UINT32 ||
                             field->cpp_type() == FieldDescriptor::CPPTYPE_UINT64;
    int64_t s = 0;
    uint64_t u = 0;
    bool ok = false;
    if (value.is_number_unsigned()) {
      u = value.get<uint64_t>();
      s = static_cast<int64_t>(u);
      ok = is_unsigned || u <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
    } else if (value.is_number_integer()) {
      s = value.get<int64_t>();
      u = static_cast<uint64_t>(s);
      ok = !is_unsigned || s >= 0;
    } else if (value.is_number_float()) {
      double d = value.get<double>();
      ok = std::trunc(d) == d && std::fabs(d) < 9.2e18 && (!is_unsigned || d >= 0);
      // Converting a double outside int64's range is undefined: only once it is known to fit.
      s = ok ? static_cast<int64_t>(d) : 0;
      u = static_cast<uint64_t>(s);
    } else if (value.is_string()) {
      const std::string& text = value.get_ref<const std::string&>();
      ok = is_unsigned ? UnsignedFromText(text, &u) : IntegerFromText(text, &s);
      if (is_unsigned)
        s = static_cast<int64_t>(u);
      else
        u = static_cast<uint64_t>(s);
    }
    if (!ok) return Error(where, absl::StrCat("expected an integer, got ", Shown(value)));
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_INT32:
        if (s < std::numeric_limits<int32_t>::min() || s > std::numeric_limits<int32_t>::max()) {
          return Error(where, "integer out of range");
        }
        repeated ? r->AddInt32(message, field, static_cast<int32_t>(s))
                 : r->SetInt32(message, field, static_cast<int32_t>(s));
        break;
      case FieldDescriptor::CPPTYPE_INT64:
        repeated ? r->AddInt64(message, field, s) : r->SetInt64(message, field, s);
        break;
      case FieldDescriptor::CPPTYPE_UINT32:
        if (u > std::numeric_limits<uint32_t>::max()) return Error(where, "integer out of range");
        repeated ? r->AddUInt32(message, field, static_cast<uint32_t>(u))
                 : r->SetUInt32(message, field, static_cast<uint32_t>(u));
        break;
      default:
        repeated ? r->AddUInt64(message, field, u) : r->SetUInt64(message, field, u);
        break;
    }
    return absl::OkStatus();
  }

 public:
  // google.protobuf.Struct / Value / ListValue from any JSON.
  absl::Status WellKnown(const json& value, Message* message, const std::string& where, int depth) {
    if (depth > kMaxDepth) return Error(where, "nesting is too deep");
    const Descriptor* d = message->GetDescriptor();
    if (d == google::protobuf::Struct::descriptor()) {
      if (!value.is_object())
        return Error(where, absl::StrCat("expected an object, got ", value.type_name()));
      auto* s = static_cast<google::protobuf::Struct*>(message);
      for (auto it = value.begin(); it != value.end(); ++it) {
        absl::Status status = WellKnown(*it, &(*s->mutable_fields())[it.key()], where, depth + 1);
        if (!status.ok()) return status;
      }
      return absl::OkStatus();
    }
    if (d == google::protobuf::ListValue::descriptor()) {
      if (!value.is_array())
        return Error(where, absl::StrCat("expected an array, got ", value.type_name()));
      auto* list = static_cast<google::protobuf::ListValue*>(message);
      for (const json& element : value) {
        absl::Status status = WellKnown(element, list->add_values(), where, depth + 1);
        if (!status.ok()) return status;
      }
      return absl::OkStatus();
    }
    auto* v = static_cast<google::protobuf::Value*>(message);
    switch (value.type()) {
      case json::value_t::null:
        v->set_null_value(google::protobuf::NULL_VALUE);
        return absl::OkStatus();
      case json::value_t::boolean:
        v->set_bool_value(value.get<bool>());
        return absl::OkStatus();
      case json::value_t::number_integer:
      case json::value_t::number_unsigned:
      case json::value_t::number_float:
        v->set_number_value(value.get<double>());
        return absl::OkStatus();
      case json::value_t::string:
        v->set_string_value(value.get<std::string>());
        return absl::OkStatus();
      case json::value_t::object:
        return WellKnown(value, v->mutable_struct_value(), where, depth + 1);
      case json::value_t::array:
        return WellKnown(value, v->mutable_list_value(), where, depth + 1);
      default:
        return Error(where, "unsupported JSON value");
    }
  }

  ParseReport* report_;
};

// Fills a message straight from the JSON text (read by JsonReader, which checks it as strictly
// as nlohmann does): no DOM, no location strings. It gives up wherever the DOM path's result
// could differ: the DOM visits an object's keys in sorted order and keeps the last of duplicate
// keys, so a key, a field or a oneof met twice in one object gives up, as does any error (the DOM
// path then words it) and nesting deep enough to come near kMaxDepth. Unknown keys are reported
// in the DOM's order: each occurrence is sorted by its path (keys, array indices) at the end.
class EventFiller {
 public:
  EventFiller(Message* root, ParseReport* report) : root_(root), parser_(report) {}

  // Reads the whole text; false when it gives up. With `top_field`, the text is that field's value
  // (any JSON value), read as the DOM path reads {"<its JSON name>": text}.
  bool Read(absl::string_view text, const FieldDescriptor* top_field = nullptr) {
    JsonReader reader(text);
    reader.SkipBom();
    reader.SkipSpace();
    if (top_field != nullptr) OpenTopField(top_field);
    if (!Value(reader)) return false;
    if (top_field != nullptr) --open_;
    reader.SkipSpace();
    if (!reader.AtEnd()) return false;
    std::stable_sort(unknown_.begin(), unknown_.end(),
                     [](const UnknownKey& a, const UnknownKey& b) { return a.path < b.path; });
    for (const UnknownKey& key : unknown_) parser_.Unknown(key.location);
    return true;
  }

 private:
  enum class Kind { kMessage, kRepeated, kMap, kSkip, kWellKnown };
  // One open JSON object or array. Frames are reused, keeping their vectors' capacity.
  struct Frame {
    Kind kind = Kind::kSkip;
    // kMessage: the message; kRepeated, kMap: the message owning `field`; kWellKnown: the
    // Struct, Value or ListValue to fill from `dom` once it is complete.
    Message* message = nullptr;
    // kMessage: the field the latest key names (nullptr: unknown key); kRepeated, kMap: theirs.
    const FieldDescriptor* field = nullptr;
    int depth = 0;                               // as the DOM path counts it, for WellKnown
    int index = -1;                              // kRepeated: the element being read
    std::vector<std::string> keys;               // kMessage, kMap: keys met so far
    std::vector<const FieldDescriptor*> fields;  // kMessage: fields met so far
    json dom;                                    // kWellKnown: the value read so far
    std::vector<json*> open;                     // kWellKnown: containers open in `dom`
    std::string dom_key;                         // kWellKnown: the latest key
  };
  // Path segments compare as the DOM visits them: object keys sorted, array elements in order.
  using Segment = std::variant<int, std::string>;
  struct UnknownKey {
    std::vector<Segment> path;
    std::string location;
  };
  // Where the next value goes: a field of a message, one element of a repeated field, or a map
  // entry's value (the entry added with its key). nullptr `message`: skip the value.
  struct Target {
    Message* message = nullptr;
    const FieldDescriptor* field = nullptr;
    bool element = false;
    int depth = 0;  // the depth the DOM path gives a message value here
  };

  // JSON nesting that keeps the DOM path's depth (at most 2 per level, inside a Struct) below
  // kMaxDepth, so giving up beyond it never hides a difference. It also bounds the recursion.
  static constexpr size_t kMaxNesting = kMaxDepth / 2 - 2;

  // --- Reading ---------------------------------------------------------------------------------

  bool Value(JsonReader& r) {
    if (r.Consume('{')) {
      if (!StartContainer(/*object=*/true)) return false;
      r.SkipSpace();
      if (!r.Consume('}')) {
        do {
          r.SkipSpace();
          absl::string_view key;
          if (!r.Peek('"') || !r.String(&key, &scratch_) || !Key(key) || !r.Colon() || !Value(r)) {
            return false;
          }
          r.SkipSpace();
        } while (r.Consume(','));
        if (!r.Consume('}')) return false;
      }
      return EndContainer();
    }
    if (r.Consume('[')) {
      if (!StartContainer(/*object=*/false)) return false;
      r.SkipSpace();
      if (!r.Consume(']')) {
        do {
          r.SkipSpace();
          if (!Value(r)) return false;
          r.SkipSpace();
        } while (r.Consume(','));
        if (!r.Consume(']')) return false;
      }
      return EndContainer();
    }
    if (r.Peek('"')) {
      absl::string_view text;
      return r.String(&text, &scratch_) && Scalar(json(std::string(text)));
    }
    if (r.Literal("true")) return Scalar(json(true));
    if (r.Literal("false")) return Scalar(json(false));
    if (r.Literal("null")) return Scalar(json(nullptr));
    // A number, typed as nlohmann types it: integers as signed (negative) or unsigned 64-bit
    // when they fit, anything else as a double.
    const char* start = r.pos();
    double d;
    if (!r.Number(&d)) return false;
    const absl::string_view token(start, r.pos() - start);
    if (token.find_first_of(".eE") == absl::string_view::npos) {
      if (token[0] == '-') {
        if (int64_t s; absl::SimpleAtoi(token, &s)) return Scalar(json(s));
      } else if (uint64_t u; absl::SimpleAtoi(token, &u)) {
        return Scalar(json(u));
      }
    }
    return Scalar(json(d));
  }

  // --- Frames ----------------------------------------------------------------------------------

  // The root message's frame, as if its one key naming `field` had just been read.
  void OpenTopField(const FieldDescriptor* field) {
    Frame& root = Push(Kind::kMessage, root_, field, 0);
    root.keys.push_back(field->json_name());
    root.fields.push_back(field);
  }

  Frame& Top() { return frames_[open_ - 1]; }

  Frame& Push(Kind kind, Message* message, const FieldDescriptor* field, int depth) {
    if (open_ == frames_.size()) frames_.emplace_back();
    Frame& frame = frames_[open_++];
    frame.kind = kind;
    frame.message = message;
    frame.field = field;
    frame.depth = depth;
    frame.index = -1;
    frame.keys.clear();
    frame.fields.clear();
    frame.open.clear();
    return frame;
  }

  // The unknown key just read: its path for the DOM's order, and its location in dotted keys as
  // the DOM path words it (array indices left out).
  UnknownKey CurrentKey() const {
    UnknownKey key;
    for (size_t i = 0; i < open_; ++i) {
      const Frame& frame = frames_[i];
      if (frame.kind == Kind::kRepeated) {
        key.path.emplace_back(frame.index);
      } else if (!frame.keys.empty()) {
        key.path.emplace_back(frame.keys.back());
        if (!key.location.empty()) key.location += '.';
        key.location += frame.keys.back();
      }
    }
    return key;
  }

  // --- Events ----------------------------------------------------------------------------------

  bool Key(absl::string_view key) {
    Frame& frame = Top();
    if (frame.kind == Kind::kSkip) return true;
    if (frame.kind == Kind::kWellKnown) {
      frame.dom_key.assign(key.data(), key.size());
      return true;
    }
    // Keys met twice (or, for a message, two keys naming one field or oneof): the DOM path
    // keeps only one of them, so it decides.
    if (std::find(frame.keys.begin(), frame.keys.end(), key) != frame.keys.end()) return false;
    frame.keys.emplace_back(key);
    if (frame.kind == Kind::kMap) return true;
    frame.field = FindField(frame.message->GetDescriptor(), frame.keys.back());
    if (frame.field == nullptr) {
      unknown_.push_back(CurrentKey());
      return true;
    }
    for (const FieldDescriptor* seen : frame.fields) {
      if (seen == frame.field || (seen->containing_oneof() != nullptr &&
                                  seen->containing_oneof() == frame.field->containing_oneof())) {
        return false;
      }
    }
    frame.fields.push_back(frame.field);
    return true;
  }

  // Returns false when the value cannot go anywhere the DOM path would accept.
  bool NextTarget(Target* target) {
    Frame& frame = Top();
    switch (frame.kind) {
      case Kind::kMessage:
        if (frame.field != nullptr)
          *target = Target{frame.message, frame.field, false, frame.depth};
        return true;
      case Kind::kRepeated:
        ++frame.index;
        *target = Target{frame.message, frame.field, true, frame.depth};
        return true;
      case Kind::kMap: {
        const Descriptor* entry_type = frame.field->message_type();
        Message* entry = frame.message->GetReflection()->AddMessage(frame.message, frame.field);
        if (!parser_.MapKey(frame.keys.back(), entry, entry_type->map_key(), "").ok()) {
          return false;
        }
        *target = Target{entry, entry_type->map_value(), false, frame.depth};
        return true;
      }
      default:
        return true;
    }
  }

  bool Scalar(json value) {
    if (open_ == 0) return false;  // the top level must be an object
    Frame& frame = Top();
    if (frame.kind == Kind::kSkip) return true;
    if (frame.kind == Kind::kWellKnown) return AddToDom(std::move(value), /*container=*/false);
    Target target;
    if (!NextTarget(&target)) return false;
    if (target.message == nullptr) return true;  // an unknown key's value
    const FieldDescriptor* field = target.field;
    const bool value_type = field->message_type() == google::protobuf::Value::descriptor();
    if (value.is_null() && !value_type) {
      // The DOM path skips null fields and null message elements; a null scalar element is an
      // error it words.
      return !target.element || field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE;
    }
    if (!target.element && field->is_repeated()) return false;  // wanted an array or object
    Message* message = target.message;
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      if (!value_type) return false;  // wanted an object
      Message* value_message = target.element
                                   ? message->GetReflection()->AddMessage(message, field)
                                   : message->GetReflection()->MutableMessage(message, field);
      return parser_.WellKnown(value, value_message, "", target.depth + 1).ok();
    }
    return parser_.Scalar(value, message, field, "").ok();
  }

  bool StartContainer(bool object) {
    if (open_ >= kMaxNesting) return false;
    if (open_ == 0) {
      if (!object || Parser::IsWellKnown(root_->GetDescriptor())) return false;
      Push(Kind::kMessage, root_, nullptr, 0);
      return true;
    }
    Frame& frame = Top();
    if (frame.kind == Kind::kSkip) {
      Push(Kind::kSkip, nullptr, nullptr, 0);
      return true;
    }
    if (frame.kind == Kind::kWellKnown) {
      return AddToDom(object ? json::object() : json::array(), /*container=*/true);
    }
    Target target;
    if (!NextTarget(&target)) return false;
    if (target.message == nullptr) {
      Push(Kind::kSkip, nullptr, nullptr, 0);
      return true;
    }
    const FieldDescriptor* field = target.field;
    Message* message = target.message;
    if (!target.element && field->is_map()) {
      if (!object) return false;
      Push(Kind::kMap, message, field, target.depth);
      return true;
    }
    if (!target.element && field->is_repeated()) {
      if (object) return false;
      Push(Kind::kRepeated, message, field, target.depth);
      return true;
    }
    if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) return false;
    const google::protobuf::Reflection* reflection = message->GetReflection();
    Message* value = target.element ? reflection->AddMessage(message, field)
                                    : reflection->MutableMessage(message, field);
    if (Parser::IsWellKnown(field->message_type())) {
      Frame& well_known = Push(Kind::kWellKnown, value, nullptr, target.depth + 1);
      well_known.dom = object ? json::object() : json::array();
      well_known.open.push_back(&well_known.dom);
      return true;
    }
    if (!object) return false;
    Push(Kind::kMessage, value, nullptr, target.depth + 1);
    return true;
  }

  bool EndContainer() {
    Frame& frame = Top();
    if (frame.kind == Kind::kWellKnown) {
      if (frame.open.size() > 1) {
        frame.open.pop_back();
        return true;
      }
      if (!parser_.WellKnown(frame.dom, frame.message, "", frame.depth).ok()) return false;
      frame.dom = nullptr;
    }
    --open_;
    return true;
  }

  // Adds a value (or opens a container) inside a kWellKnown frame's DOM.
  bool AddToDom(json value, bool container) {
    Frame& frame = Top();
    if (frame.open.size() + open_ > kMaxNesting) return false;
    json* parent = frame.open.back();
    json* added;
    if (parent->is_object()) {
      added = &((*parent)[frame.dom_key] = std::move(value));
    } else {
      parent->push_back(std::move(value));
      added = &parent->back();
    }
    if (container) frame.open.push_back(added);
    return true;
  }

  Message* const root_;
  Parser parser_;
  // frames_[0, open_) are the open containers, outermost first.
  std::vector<Frame> frames_;
  size_t open_ = 0;
  std::vector<UnknownKey> unknown_;
  std::string scratch_;
};

}  // namespace

bool FillFromJsonText(absl::string_view text, Message* message, ParseReport* report) {
  message->Clear();
  *report = ParseReport();
  return EventFiller(message, report).Read(text);
}

bool FillFieldFromJsonText(absl::string_view text, const FieldDescriptor* field, Message* message,
                           ParseReport* report) {
  message->Clear();
  *report = ParseReport();
  return EventFiller(message, report).Read(text, field);
}

absl::Status JsonValueToMessageField(json value, const FieldDescriptor* field, Message* message,
                                     ParseReport* report) {
  json wrapped = json::object();
  wrapped[field->json_name()] = std::move(value);
  return JsonValueToMessage(wrapped, message, report);
}

absl::Status JsonValueToMessage(const json& value, Message* message, ParseReport* report) {
  message->Clear();
  *report = ParseReport();
  return Parser(report).Object(value, message, "", 0);
}

absl::Status JsonToMessage(absl::string_view text, Message* message, ParseReport* report) {
  if (FillFromJsonText(text, message, report)) return absl::OkStatus();
  json value = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) return absl::InvalidArgumentError("body is not valid JSON");
  return JsonValueToMessage(value, message, report);
}

}  // namespace pulumi_gateway
