#include "emulator/schema_checker.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"

namespace emulator {
namespace {

class Checker {
 public:
  explicit Checker(const ApiDescription& api) : api_(api) {}

  void Check(const Json& schema, const Json& value, const std::string& path) {
    std::string ref = ApiDescription::RefName(schema);
    const Json* s = api_.Resolve(schema);
    if (s == nullptr) return Problem(path, "dangling $ref");
    ApiDescription::Kind kind = ApiDescription::KindOf(*s);
    if (!ref.empty() && branch_.count(ref)) {  // a cycle: the generator may cut it here
      if (kind == ApiDescription::Kind::kObject && value == Json::object()) return;
      if (kind == ApiDescription::Kind::kArray && value == Json::array()) return;
    }
    if (!ref.empty()) branch_.insert(ref);
    CheckResolved(*s, kind, value, path);
    if (!ref.empty()) branch_.erase(ref);
  }

  std::vector<std::string> problems;

 private:
  void Problem(const std::string& path, const std::string& what) {
    problems.push_back(absl::StrCat(path.empty() ? "(document)" : path, ": ", what));
  }

  void CheckResolved(const Json& s, ApiDescription::Kind kind, const Json& value,
                     const std::string& path) {
    using Kind = ApiDescription::Kind;
    auto values = s.find("enum");
    if (values != s.end() && values->is_array()) {
      bool found = false;
      for (const Json& v : *values) found = found || v == value;
      if (!found) Problem(path, absl::StrCat("not an enum value: ", value.dump()));
    }
    switch (kind) {
      case Kind::kString:
        if (!value.is_string()) return Problem(path, "not a string");
        if (s.value("format", "") == "date-time") {
          absl::Time t;
          std::string err;
          if (!absl::ParseTime(absl::RFC3339_full, value.get<std::string>(), &t, &err)) {
            Problem(path, "not an RFC 3339 time");
          }
        }
        return;
      case Kind::kInteger:
        if (!value.is_number_integer()) Problem(path, "not an integer");
        return;
      case Kind::kNumber:
        if (!value.is_number()) Problem(path, "not a number");
        return;
      case Kind::kBoolean:
        if (!value.is_boolean()) Problem(path, "not a boolean");
        return;
      case Kind::kArray: {
        if (api_.IsByteSlice(s)) {
          if (!value.is_string()) Problem(path, "not a base64 string (a byte slice)");
          return;
        }
        if (!value.is_array()) return Problem(path, "not an array");
        auto items = s.find("items");
        if (value.empty() && !(items != s.end() && OnBranch(*items))) {
          return Problem(path, "empty array");
        }
        for (size_t i = 0; i < value.size() && items != s.end(); ++i) {
          Check(*items, value[i], absl::StrCat(path, "[", i, "]"));
        }
        return;
      }
      case Kind::kObject:
        return CheckObject(s, value, path);
      case Kind::kAny:
        return;
    }
  }

  void CheckObject(const Json& s, const Json& value, const std::string& path) {
    if (!value.is_object()) return Problem(path, "not an object");
    ApiDescription::ObjectShape shape = api_.Shape(s);
    if (shape.discriminator != nullptr) {
      std::string key = shape.discriminator->value("propertyName", "");
      const Json& mapping = shape.discriminator->at("mapping");
      auto tag = value.find(key);
      if (tag == value.end() || !tag->is_string() || !mapping.contains(tag->get<std::string>())) {
        return Problem(path, absl::StrCat("discriminator '", key, "' missing or unmapped"));
      }
      return Check(Json{{"$ref", mapping.at(tag->get<std::string>())}}, value, path);
    }
    std::set<std::string> declared;
    for (const auto& [name, property] : shape.properties) {
      declared.insert(name);
      std::string child = path.empty() ? name : absl::StrCat(path, ".", name);
      auto it = value.find(name);
      if (it == value.end()) {
        if (!OnBranch(*property) || shape.required.count(name)) Problem(child, "missing");
        continue;
      }
      Check(*property, *it, child);
    }
    if (shape.additional == nullptr) return;
    bool any = false;
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (declared.count(it.key())) continue;
      any = true;
      Check(*shape.additional, *it, absl::StrCat(path, "[", it.key(), "]"));
    }
    if (!any && !OnBranch(*shape.additional)) Problem(path, "map without an entry");
  }

  bool OnBranch(const Json& schema) const {
    std::string ref = ApiDescription::RefName(schema);
    return !ref.empty() && branch_.count(ref) > 0;
  }

  const ApiDescription& api_;
  std::set<std::string> branch_;
};

}  // namespace

std::vector<std::string> CheckSchemaComplete(const ApiDescription& api, const Json& schema,
                                             const Json& value) {
  Checker checker(api);
  checker.Check(schema, value, "");
  return checker.problems;
}

}  // namespace emulator
