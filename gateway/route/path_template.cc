#include "gateway/route/path_template.h"

#include <set>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/reflection.h"

namespace pulumi_gateway {
namespace {

using google::protobuf::FieldDescriptor;

bool IsLiteralChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' ||
         c == '~';
}

bool IsPathFieldType(const FieldDescriptor* field) {
  if (field->is_repeated()) return false;
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING:
      return field->type() == FieldDescriptor::TYPE_STRING;
    case FieldDescriptor::CPPTYPE_INT32:
    case FieldDescriptor::CPPTYPE_INT64:
    case FieldDescriptor::CPPTYPE_UINT32:
    case FieldDescriptor::CPPTYPE_UINT64:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string PercentEncode(absl::string_view value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (IsLiteralChar(c)) {
      out.push_back(c);
    } else {
      unsigned char byte = static_cast<unsigned char>(c);
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0xF]);
    }
  }
  return out;
}

absl::StatusOr<PathTemplate> PathTemplate::Compile(absl::string_view pattern,
                                                   const google::protobuf::Descriptor* request) {
  auto error = [&](absl::string_view why) {
    return absl::InvalidArgumentError(absl::StrCat("path template \"", pattern, "\": ", why));
  };
  if (pattern.empty() || pattern[0] != '/') return error("must start with '/'");
  if (pattern.size() > 1 && pattern.back() == '/') return error("must not end with '/'");

  PathTemplate compiled;
  compiled.pattern_ = std::string(pattern);
  std::set<const FieldDescriptor*> bound;
  for (absl::string_view part : absl::StrSplit(pattern.substr(1), '/')) {
    if (part.empty()) return error("empty segment");
    Segment segment;
    if (part.front() == '{') {
      if (part.back() != '}') return error(absl::StrCat("unterminated variable in \"", part, "\""));
      absl::string_view var = part.substr(1, part.size() - 2);
      std::pair<absl::string_view, absl::string_view> name_and_pattern =
          absl::StrSplit(var, absl::MaxSplits('=', 1));
      if (!name_and_pattern.second.empty() && name_and_pattern.second != "*") {
        return error(
            absl::StrCat("variable \"", var, "\": only single-segment variables are supported"));
      }
      if (var.find('=') != absl::string_view::npos && name_and_pattern.second.empty()) {
        return error(absl::StrCat("variable \"", var, "\" has an empty pattern"));
      }
      absl::string_view name = name_and_pattern.first;
      if (name.find('.') != absl::string_view::npos) {
        return error(absl::StrCat("variable \"", name, "\": nested field paths are not supported"));
      }
      const FieldDescriptor* field = request->FindFieldByName(std::string(name));
      if (field == nullptr) {
        return error(absl::StrCat("no field \"", name, "\" in ", request->full_name()));
      }
      if (!IsPathFieldType(field)) {
        return error(absl::StrCat("field \"", name, "\" must be a singular string or integer"));
      }
      if (!bound.insert(field).second) {
        return error(absl::StrCat("field \"", name, "\" is bound twice"));
      }
      segment.field = field;
    } else {
      for (char c : part) {
        if (!IsLiteralChar(c)) {
          return error(absl::StrCat("unsupported character '", std::string(1, c), "' in literal \"",
                                    part, "\""));
        }
      }
      segment.literal = std::string(part);
    }
    compiled.segments_.push_back(std::move(segment));
  }
  return compiled;
}

absl::StatusOr<std::string> PathTemplate::Expand(const google::protobuf::Message& request) const {
  const google::protobuf::Reflection* reflection = request.GetReflection();
  std::string path;
  for (const Segment& segment : segments_) {
    path.push_back('/');
    if (segment.field == nullptr) {
      path.append(segment.literal);
      continue;
    }
    const FieldDescriptor* field = segment.field;
    std::string value;
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING:
        value = reflection->GetString(request, field);
        break;
      case FieldDescriptor::CPPTYPE_INT32:
        value = absl::StrCat(reflection->GetInt32(request, field));
        break;
      case FieldDescriptor::CPPTYPE_INT64:
        value = absl::StrCat(reflection->GetInt64(request, field));
        break;
      case FieldDescriptor::CPPTYPE_UINT32:
        value = absl::StrCat(reflection->GetUInt32(request, field));
        break;
      case FieldDescriptor::CPPTYPE_UINT64:
        value = absl::StrCat(reflection->GetUInt64(request, field));
        break;
      default:
        return absl::InternalError(
            absl::StrCat("field ", field->name(), " cannot be a path segment"));
    }
    // proto3 cannot tell an unset integer from 0, and no Pulumi version or id is 0.
    if (value.empty() || (field->cpp_type() != FieldDescriptor::CPPTYPE_STRING && value == "0")) {
      return absl::InvalidArgumentError(
          absl::StrCat("field \"", field->json_name(), "\" is required (it is part of the path)"));
    }
    if (value == "." || value == "..") {
      return absl::InvalidArgumentError(
          absl::StrCat("field \"", field->json_name(), "\" must not be \"", value, "\""));
    }
    for (char c : value) {
      unsigned char byte = static_cast<unsigned char>(c);
      if (byte < 0x20 || byte == 0x7F) {
        return absl::InvalidArgumentError(absl::StrCat(
            "field \"", field->json_name(), "\" contains a control character (CR, LF, NUL, ...)"));
      }
    }
    path.append(PercentEncode(value));
  }
  return path;
}

std::vector<const FieldDescriptor*> PathTemplate::BoundFields() const {
  std::vector<const FieldDescriptor*> fields;
  for (const Segment& segment : segments_) {
    if (segment.field != nullptr) fields.push_back(segment.field);
  }
  return fields;
}

}  // namespace pulumi_gateway
