#include "emulator/schema_example.h"

#include <set>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace emulator {
namespace {

using Kind = ApiDescription::Kind;

constexpr int kMaxDepth = 48;  // a safety net; `$ref` cycles are cut well before

class Builder {
 public:
  explicit Builder(const ApiDescription& api) : api_(api) {}

  Json Value(const Json& schema, const std::string& name, int depth) {
    std::string ref = ApiDescription::RefName(schema);
    const Json* resolved = api_.Resolve(schema);
    if (resolved == nullptr) return Json::object();
    Kind kind = ApiDescription::KindOf(*resolved);
    if (depth > kMaxDepth || (!ref.empty() && branch_.count(ref))) {
      return kind == Kind::kArray    ? Json::array()
             : kind == Kind::kObject ? Json::object()
                                     : Scalar(*resolved, name);
    }
    if (!ref.empty()) branch_.insert(ref);
    Json out = Expand(*resolved, kind, name, depth);
    if (!ref.empty()) branch_.erase(ref);
    return out;
  }

 private:
  Json Expand(const Json& s, Kind kind, const std::string& name, int depth) {
    switch (kind) {
      case Kind::kObject:
        return Object(s, name, depth);
      case Kind::kArray: {
        // A Go byte slice: one base64 string on the wire.
        if (api_.IsByteSlice(s)) {
          return absl::Base64Escape(name.empty() ? "example" : absl::StrCat(name, "-example"));
        }
        auto items = s.find("items");
        Json out = Json::array();
        if (items != s.end() && OnBranch(*items)) return out;  // a cycle: no element
        out.push_back(items != s.end() ? Value(*items, name, depth + 1) : Json::object());
        return out;
      }
      case Kind::kAny:
        return Json::object();
      default:
        return Scalar(s, name);
    }
  }

  Json Object(const Json& s, const std::string& name, int depth) {
    ApiDescription::ObjectShape shape = api_.Shape(s);
    if (shape.discriminator != nullptr) {
      std::string key = shape.discriminator->value("propertyName", "");
      auto mapping = shape.discriminator->find("mapping");
      if (!key.empty() && mapping != shape.discriminator->end() && mapping->is_object() &&
          !mapping->empty() && mapping->begin()->is_string()) {
        // The mapped schema extends this one through allOf; its own shape has no discriminator.
        Json mapped = Value(Json{{"$ref", *mapping->begin()}}, name, depth + 1);
        if (mapped.is_object()) mapped[key] = mapping->begin().key();
        return mapped;
      }
    }
    Json out = Json::object();
    for (const auto& [property, schema] : shape.properties) {
      // A cycle: an optional property is left out, a required one is cut to {} or [].
      if (OnBranch(*schema) && !shape.required.count(property)) continue;
      out[property] = Value(*schema, property, depth + 1);
    }
    if (shape.additional != nullptr && !OnBranch(*shape.additional)) {
      std::string key = name.empty() ? "key" : absl::StrCat(name, "-key");
      if (!out.contains(key)) out[key] = Value(*shape.additional, name, depth + 1);
    }
    return out;
  }

  bool OnBranch(const Json& schema) const {
    std::string ref = ApiDescription::RefName(schema);
    return !ref.empty() && branch_.count(ref) > 0;
  }

  static Json Scalar(const Json& s, const std::string& name) {
    auto values = s.find("enum");
    if (values != s.end() && values->is_array() && !values->empty()) return values->front();
    std::string text = name.empty() ? "example" : absl::StrCat(name, "-example");
    switch (ApiDescription::KindOf(s)) {
      case Kind::kString: {
        std::string format = s.value("format", "");
        if (format == "date-time") return kExampleDateTime;
        if (format == "byte") return absl::Base64Escape(text);
        return text;
      }
      case Kind::kInteger:
        return 1;
      case Kind::kNumber:
        return 1.5;
      case Kind::kBoolean:
        return true;
      default:
        return Json::object();
    }
  }

  const ApiDescription& api_;
  std::set<std::string> branch_;  // component names being expanded above the current value
};

bool IsTextType(absl::string_view content_type) {
  return content_type == "text/plain" || content_type == "text/markdown" ||
         content_type == "application/x-yaml";
}

}  // namespace

Json ExampleValue(const ApiDescription& api, const Json& schema, absl::string_view name) {
  return Builder(api).Value(schema, std::string(name), 0);
}

Reply ExampleReply(const ApiDescription& api, const ApiOperation& op) {
  const std::string& type = op.success_content_type;
  if (type.empty() || op.success_status == 204 || op.method == "HEAD" ||
      op.success_schema == nullptr) {
    return EmptyReply(op.success_status);
  }
  if (type == "application/json") {
    return JsonReply(op.success_status, ExampleValue(api, *op.success_schema, ""));
  }
  Reply reply{op.success_status, type, "", {}};
  if (type == "application/x-tar") {
    reply.body = TarArchive("README.md", absl::StrCat("# ", op.operation_id, "\n"));
  } else if (type == "text/event-stream") {
    reply.body = absl::StrCat("data: ", ExampleValue(api, *op.success_schema, "").dump(), "\n\n");
  } else if (type == "text/markdown") {
    reply.body = absl::StrCat("# ", op.operation_id, "\n\nExample document.\n");
  } else if (IsTextType(type)) {
    reply.body = absl::StrCat(op.operation_id, ": example\n");
  } else {
    reply.body = op.operation_id;
  }
  return reply;
}

std::string TarArchive(absl::string_view file_name, absl::string_view content) {
  std::string header(512, '\0');
  auto put = [&](size_t offset, absl::string_view value) {
    header.replace(offset, value.size(), value.data(), value.size());
  };
  put(0, file_name.substr(0, 100));
  put(100, "0000644");
  put(108, "0000000");
  put(116, "0000000");
  put(124, absl::StrFormat("%011o", content.size()));
  put(136, "00000000000");
  put(148, "        ");  // checksum counted as spaces
  put(156, "0");         // regular file
  put(257, absl::string_view("ustar\0"
                             "00",
                             8));
  unsigned sum = 0;
  for (unsigned char c : header) sum += c;
  put(148, absl::StrFormat("%06o", sum));
  header[154] = '\0';
  header[155] = ' ';
  std::string out = header;
  out.append(content.data(), content.size());
  out.append((512 - content.size() % 512) % 512, '\0');
  out.append(1024, '\0');  // two empty blocks end the archive
  return out;
}

}  // namespace emulator
