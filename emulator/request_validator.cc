#include "emulator/request_validator.h"

#include <set>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"

namespace emulator {
namespace {

using Kind = ApiDescription::Kind;

constexpr int kMaxDepth = 64;  // deeper bodies are accepted unchecked below this depth

absl::Status Bad(absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("Bad Request: ", what));
}

// Enough of a value to recognise it in a message, never a whole (possibly secret) body.
std::string Quote(absl::string_view value) {
  constexpr size_t kMax = 40;
  if (value.size() <= kMax) return absl::StrCat("'", value, "'");
  return absl::StrCat("'", value.substr(0, kMax), "...'");
}

std::string EnumList(const Json& values) {
  std::vector<std::string> out;
  for (const Json& v : values) out.push_back(v.is_string() ? v.get<std::string>() : v.dump());
  return absl::StrJoin(out, ", ");
}

bool InEnum(const Json& values, const Json& value) {
  for (const Json& v : values) {
    if (v == value) return true;
    // 101 and 101u compare equal in JSON but not always in nlohmann; compare as numbers.
    if (v.is_number_integer() && value.is_number_integer() &&
        v.get<int64_t>() == value.get<int64_t>()) {
      return true;
    }
  }
  return false;
}

bool IsInt32(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }

// "request body" at the root, else "body field 'a.b[0]'".
std::string Where(const std::string& path) {
  return path.empty() ? "request body" : absl::StrCat("body field '", path, "'");
}

std::string Child(const std::string& path, absl::string_view key) {
  return path.empty() ? std::string(key) : absl::StrCat(path, ".", key);
}

absl::Status ValidateString(const Json& schema, const std::string& value, const std::string& what) {
  std::string format = schema.value("format", "");
  if (format == "byte") {
    std::string decoded;
    if (!absl::Base64Unescape(value, &decoded)) return Bad(absl::StrCat(what, " must be base64"));
  } else if (format == "date-time") {
    absl::Time t;
    std::string err;
    if (!absl::ParseTime(absl::RFC3339_full, value, &t, &err)) {
      return Bad(absl::StrCat(what, " must be an RFC 3339 date-time"));
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateValue(const ApiDescription& api, const Json& schema, const Json& value,
                           const std::string& path, int depth);

// The schema a discriminator maps `value` to (`*mapped`; left null for a discriminator without
// a mapping), or the 400 for a missing or unmapped tag.
absl::Status Discriminate(const ApiDescription& api, const Json& discriminator, const Json& value,
                          const std::string& path, const Json** mapped) {
  std::string key = discriminator.value("propertyName", "");
  auto mapping = discriminator.find("mapping");
  if (key.empty() || mapping == discriminator.end() || !mapping->is_object() || mapping->empty()) {
    return absl::OkStatus();
  }
  auto tag = value.find(key);
  if (tag == value.end() || tag->is_null()) {
    return Bad(absl::StrCat("missing required body field '", Child(path, key), "'"));
  }
  auto target = tag->is_string() ? mapping->find(tag->get<std::string>()) : mapping->end();
  if (target == mapping->end() || !target->is_string()) {
    std::vector<std::string> names;
    for (auto m = mapping->begin(); m != mapping->end(); ++m) names.push_back(m.key());
    return Bad(
        absl::StrCat(Where(Child(path, key)), " must be one of ", absl::StrJoin(names, ", ")));
  }
  *mapped = api.Resolve(Json{{"$ref", *target}});
  return absl::OkStatus();
}

absl::Status ValidateObject(const ApiDescription& api, const Json& resolved, const Json& value,
                            const std::string& path, int depth) {
  if (depth > kMaxDepth) return absl::OkStatus();
  if (!value.is_object()) return Bad(absl::StrCat(Where(path), " must be a JSON object"));
  ApiDescription::ObjectShape shape = api.Shape(resolved);
  if (shape.discriminator != nullptr) {
    const Json* mapped = nullptr;
    absl::Status tag = Discriminate(api, *shape.discriminator, value, path, &mapped);
    if (!tag.ok()) return tag;
    // The mapped schema extends this one (allOf), so its shape carries no discriminator.
    if (mapped != nullptr && mapped != &resolved) {
      return ValidateObject(api, *mapped, value, path, depth + 1);
    }
  }
  for (const std::string& name : shape.required) {
    auto it = value.find(name);
    if (it == value.end() || it->is_null()) {
      return Bad(absl::StrCat("missing required body field '", Child(path, name), "'"));
    }
  }
  std::set<std::string> known;
  for (const auto& [name, property] : shape.properties) {
    known.insert(name);
    auto it = value.find(name);
    if (it == value.end()) continue;
    absl::Status s = ValidateValue(api, *property, *it, Child(path, name), depth + 1);
    if (!s.ok()) return s;
  }
  if (shape.additional != nullptr) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (known.count(it.key())) continue;
      absl::Status s = ValidateValue(api, *shape.additional, *it, Child(path, it.key()), depth + 1);
      if (!s.ok()) return s;
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateValue(const ApiDescription& api, const Json& schema, const Json& value,
                           const std::string& path, int depth) {
  const Json* resolved = api.Resolve(schema);
  if (resolved == nullptr || depth > kMaxDepth || value.is_null()) return absl::OkStatus();
  std::string where = Where(path);
  switch (ApiDescription::KindOf(*resolved)) {
    case Kind::kString:
      if (!value.is_string()) return Bad(absl::StrCat(where, " must be a string"));
      if (absl::Status s = ValidateString(*resolved, value.get<std::string>(), where); !s.ok()) {
        return s;
      }
      break;
    case Kind::kInteger:
      if (!value.is_number_integer()) return Bad(absl::StrCat(where, " must be an integer"));
      if (resolved->value("format", "") == "int32" &&
          (value.is_number_unsigned() ? value.get<uint64_t>() > INT32_MAX
                                      : !IsInt32(value.get<int64_t>()))) {
        return Bad(absl::StrCat(where, " must be a 32-bit integer"));
      }
      break;
    case Kind::kNumber:
      if (!value.is_number()) return Bad(absl::StrCat(where, " must be a number"));
      break;
    case Kind::kBoolean:
      if (!value.is_boolean()) return Bad(absl::StrCat(where, " must be a boolean"));
      break;
    case Kind::kArray: {
      if (api.IsByteSlice(*resolved)) {
        // A Go byte slice travels as one base64 string.
        if (!value.is_string()) return Bad(absl::StrCat(where, " must be a base64 string"));
        std::string decoded;
        if (!absl::Base64Unescape(value.get<std::string>(), &decoded)) {
          return Bad(absl::StrCat(where, " must be base64"));
        }
        break;
      }
      if (!value.is_array()) return Bad(absl::StrCat(where, " must be an array"));
      auto items = resolved->find("items");
      if (items == resolved->end()) break;
      for (size_t i = 0; i < value.size(); ++i) {
        absl::Status s =
            ValidateValue(api, *items, value[i], absl::StrCat(path, "[", i, "]"), depth + 1);
        if (!s.ok()) return s;
      }
      break;
    }
    case Kind::kObject:
      return ValidateObject(api, *resolved, value, path, depth);
    case Kind::kAny:
      break;
  }
  auto values = resolved->find("enum");
  if (values != resolved->end() && values->is_array() && !InEnum(*values, value)) {
    return Bad(absl::StrCat(where, " must be one of ", EnumList(*values)));
  }
  return absl::OkStatus();
}

// A path or query value (text) against a scalar schema. `what` is "query parameter 'x'".
absl::Status ValidateText(const ApiDescription& api, const Json& schema, const std::string& text,
                          const std::string& what) {
  const Json* resolved = api.Resolve(schema);
  if (resolved == nullptr) return absl::OkStatus();
  Json value = text;  // as a JSON value of the declared type, for the enum check
  switch (ApiDescription::KindOf(*resolved)) {
    case Kind::kInteger: {
      int64_t v = 0;
      if (!absl::SimpleAtoi(text, &v)) {
        return Bad(absl::StrCat(what, " must be an integer, got ", Quote(text)));
      }
      if (resolved->value("format", "") == "int32" && !IsInt32(v)) {
        return Bad(absl::StrCat(what, " must be a 32-bit integer, got ", Quote(text)));
      }
      value = v;
      break;
    }
    case Kind::kNumber: {
      double v = 0;
      if (!absl::SimpleAtod(text, &v)) {
        return Bad(absl::StrCat(what, " must be a number, got ", Quote(text)));
      }
      value = v;
      break;
    }
    case Kind::kBoolean: {
      // The values Go's strconv.ParseBool accepts: the service is written in Go.
      static const std::set<std::string> kTrue = {"1", "t", "T", "TRUE", "true", "True"};
      static const std::set<std::string> kFalse = {"0", "f", "F", "FALSE", "false", "False"};
      if (!kTrue.count(text) && !kFalse.count(text)) {
        return Bad(absl::StrCat(what, " must be true or false, got ", Quote(text)));
      }
      value = kTrue.count(text) > 0;
      break;
    }
    case Kind::kString:
      if (absl::Status s = ValidateString(*resolved, text, what); !s.ok()) return s;
      break;
    default:
      break;
  }
  auto values = resolved->find("enum");
  if (values != resolved->end() && values->is_array() && !InEnum(*values, value)) {
    return Bad(absl::StrCat(what, " must be one of ", EnumList(*values), ", got ", Quote(text)));
  }
  return absl::OkStatus();
}

absl::Status ValidateQuery(const ApiDescription& api, const ApiOperation& op,
                           const std::multimap<std::string, std::string>& query) {
  std::map<std::string, const ApiParameter*> declared;
  for (const ApiParameter& p : op.query_params) declared[p.name] = &p;
  for (auto it = query.begin(); it != query.end(); it = query.upper_bound(it->first)) {
    if (declared.count(it->first)) continue;
    std::vector<std::string> names;
    for (const auto& [name, param] : declared) names.push_back(name);
    return Bad(absl::StrCat("unknown query parameter ", Quote(it->first),
                            names.empty()
                                ? " (this operation takes none)"
                                : absl::StrCat(" (accepted: ", absl::StrJoin(names, ", "), ")")));
  }
  for (const ApiParameter& p : op.query_params) {
    auto range = query.equal_range(p.name);
    std::string what = absl::StrCat("query parameter '", p.name, "'");
    if (range.first == range.second) {
      if (p.required) return Bad(absl::StrCat("missing required ", what));
      continue;
    }
    const Json* resolved = api.Resolve(*p.schema);
    const Json* item = p.schema;
    if (resolved != nullptr && ApiDescription::KindOf(*resolved) == Kind::kArray) {
      auto items = resolved->find("items");
      item = items != resolved->end() ? &*items : nullptr;
    } else if (std::next(range.first) != range.second) {
      return Bad(absl::StrCat(what, " must not repeat"));
    }
    if (item == nullptr) continue;
    for (auto it = range.first; it != range.second; ++it) {
      absl::Status s = ValidateText(api, *item, it->second, what);
      if (!s.ok()) return s;
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateBody(const ApiDescription& api, const ApiOperation& op,
                          absl::string_view body) {
  bool empty = body.find_first_not_of(" \t\r\n") == absl::string_view::npos;
  if (op.body_content_type.empty()) {
    if (empty) return absl::OkStatus();
    Json parsed = Json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
    if (parsed.is_null() || (parsed.is_object() && parsed.empty())) return absl::OkStatus();
    return Bad("this operation takes no request body");
  }
  if (op.body_content_type != "application/json" || op.body_schema == nullptr) {
    return absl::OkStatus();  // e.g. YAML documents: passed through unchecked
  }
  Json parsed;
  if (!empty) {
    parsed = Json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) return Bad("request body is not valid JSON");
  }
  if (parsed.is_null()) {
    const Json* resolved = api.Resolve(*op.body_schema);
    if (resolved == nullptr) return absl::OkStatus();
    Kind kind = ApiDescription::KindOf(*resolved);
    if (kind == Kind::kAny) return absl::OkStatus();
    if (kind == Kind::kObject) {
      ApiDescription::ObjectShape shape = api.Shape(*resolved);
      if (shape.required.empty() && shape.discriminator == nullptr) return absl::OkStatus();
    }
    return Bad("request body is required");
  }
  return ValidateValue(api, *op.body_schema, parsed, "", 0);
}

}  // namespace

absl::Status ValidateJson(const ApiDescription& api, const Json& schema, const Json& value,
                          const std::string& path) {
  return ValidateValue(api, schema, value, path, 0);
}

absl::Status ValidateRequest(const ApiDescription& api, const ApiOperation& op,
                             const std::map<std::string, std::string>& path_params,
                             const std::multimap<std::string, std::string>& query,
                             absl::string_view body) {
  for (const ApiParameter& p : op.path_params) {
    auto it = path_params.find(p.name);
    std::string what = absl::StrCat("path parameter '", p.name, "'");
    if (it == path_params.end() || it->second.empty()) {
      return Bad(absl::StrCat(what, " must not be empty"));
    }
    absl::Status s = ValidateText(api, *p.schema, it->second, what);
    if (!s.ok()) return s;
  }
  if (absl::Status s = ValidateQuery(api, op, query); !s.ok()) return s;
  return ValidateBody(api, op, body);
}

}  // namespace emulator
