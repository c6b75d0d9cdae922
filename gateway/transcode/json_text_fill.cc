#include "gateway/transcode/json_text_fill.h"

#include <algorithm>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "absl/strings/numbers.h"
#include "gateway/transcode/json_dom_fill.h"
#include "gateway/transcode/json_reader.h"
#include "google/protobuf/struct.pb.h"
#include "nlohmann/json.hpp"

namespace pulumi_gateway {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using nlohmann::json;

// Fills a message straight from the JSON text (read by JsonReader, which checks it as strictly
// as nlohmann does): no DOM, no location strings. It gives up wherever the DOM path's result
// could differ: the DOM visits an object's keys in sorted order and keeps the last of duplicate
// keys, so a key, a field or a oneof met twice in one object gives up, as does any error (the DOM
// path then words it) and nesting deep enough to come near kMaxJsonDepth. Unknown keys are reported
// in the DOM's order: each occurrence is sorted by its path (keys, array indices) at the end.
class EventFiller {
 public:
  EventFiller(Message* root, ParseReport* report) : root_(root), dom_(report) {}

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
    for (const UnknownKey& key : unknown_) dom_.Unknown(key.location);
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
  // kMaxJsonDepth, so giving up beyond it never hides a difference. It also bounds the recursion.
  static constexpr size_t kMaxNesting = kMaxJsonDepth / 2 - 2;

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
    frame.field = FindJsonField(frame.message->GetDescriptor(), frame.keys.back());
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
        if (!dom_.MapKey(frame.keys.back(), entry, entry_type->map_key(), "").ok()) {
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
      return dom_.WellKnown(value, value_message, "", target.depth + 1).ok();
    }
    return dom_.Scalar(value, message, field, "").ok();
  }

  bool StartContainer(bool object) {
    if (open_ >= kMaxNesting) return false;
    if (open_ == 0) {
      if (!object || DomFiller::IsWellKnown(root_->GetDescriptor())) return false;
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
    if (DomFiller::IsWellKnown(field->message_type())) {
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
      if (!dom_.WellKnown(frame.dom, frame.message, "", frame.depth).ok()) return false;
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
  DomFiller dom_;
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

}  // namespace pulumi_gateway
