#include "emulator/api_description.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace emulator {
namespace {

constexpr absl::string_view kSchemaRefPrefix = "#/components/schemas/";

absl::Status Invalid(absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("API description: ", what));
}

bool IsParam(absl::string_view segment) { return absl::StartsWith(segment, "{"); }

// The entry of `parent["content"]` to use: application/json when offered, else the first.
const Json* PickContent(const Json& parent, std::string* content_type) {
  auto found = parent.find("content");
  if (found == parent.end() || !found->is_object() || found->empty()) return nullptr;
  const Json& content = *found;
  auto json = content.find("application/json");
  auto it = json != content.end() ? json : content.begin();
  *content_type = it.key();
  return &*it;
}

const Json& EmptySchema() {
  static const auto* const kEmpty = new Json(Json::object());
  return *kEmpty;
}

const Json& EmptyArray() {
  static const auto* const kEmpty = new Json(Json::array());
  return *kEmpty;
}

}  // namespace

bool IsEngineUpdateProtocol(absl::string_view method, absl::string_view path) {
  if (method == "GET") return false;
  std::vector<absl::string_view> s = absl::StrSplit(path, '/');  // s[0] is ""
  if (s.size() < 7 || s[1] != "api" || s[2] != "stacks" || !IsParam(s[3]) || !IsParam(s[4]) ||
      !IsParam(s[5])) {
    return false;
  }
  if (s[6] != "update" && s[6] != "preview" && s[6] != "refresh" && s[6] != "destroy") {
    return false;
  }
  return s.back() != "cancel";
}

absl::StatusOr<std::shared_ptr<const ApiDescription>> ApiDescription::Parse(
    absl::string_view json_text) {
  Json doc = Json::parse(json_text.begin(), json_text.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) return Invalid("not a JSON object");
  std::shared_ptr<ApiDescription> api(new ApiDescription(std::move(doc)));
  absl::Status indexed;
  try {
    indexed = api->Index();
  } catch (const Json::exception& e) {
    indexed = Invalid(e.what());
  }
  if (!indexed.ok()) return indexed;
  return std::shared_ptr<const ApiDescription>(std::move(api));
}

std::shared_ptr<const ApiDescription> ApiDescription::Embedded() {
  static const auto* const kEmbedded = [] {
    absl::StatusOr<std::shared_ptr<const ApiDescription>> api = Parse(kEmbeddedApiDescription);
    if (!api.ok()) {  // the build embeds the checked-in copy; failing here is a build defect
      std::fprintf(stderr, "embedded %s\n", std::string(api.status().message()).c_str());
      std::abort();
    }
    return new std::shared_ptr<const ApiDescription>(*std::move(api));
  }();
  return *kEmbedded;
}

absl::Status ApiDescription::Index() {
  auto paths = document_.find("paths");
  if (paths == document_.end() || !paths->is_object()) return Invalid("no 'paths' object");
  for (auto path = paths->begin(); path != paths->end(); ++path) {
    if (!absl::StartsWith(path.key(), "/")) return Invalid(absl::StrCat("bad path ", path.key()));
    for (auto item = path->begin(); item != path->end(); ++item) {
      static const std::set<std::string> kMethods = {"get", "head",  "post",
                                                     "put", "patch", "delete"};
      if (!kMethods.count(item.key())) continue;
      const Json& j = *item;
      ApiOperation op;
      op.method = absl::AsciiStrToUpper(item.key());
      op.path = path.key();
      op.operation_id = j.value("operationId", "");
      if (op.operation_id.empty()) {
        return Invalid(absl::StrCat(op.method, " ", op.path, " has no operationId"));
      }
      op.tags = j.value("tags", std::vector<std::string>());
      op.deprecated = j.value("deprecated", false);
      auto parameters = j.find("parameters");
      for (const Json& p : parameters != j.end() ? *parameters : EmptyArray()) {
        ApiParameter param;
        param.name = p.at("name").get<std::string>();
        param.required = p.value("required", false);
        auto schema = p.find("schema");
        param.schema = schema != p.end() ? &*schema : &EmptySchema();
        std::string in = p.value("in", "");
        if (in == "path") op.path_params.push_back(param);
        if (in == "query") op.query_params.push_back(param);
      }
      auto body = j.find("requestBody");
      if (body != j.end()) {
        const Json* media = PickContent(*body, &op.body_content_type);
        if (media != nullptr) {
          auto schema = media->find("schema");
          op.body_schema = schema != media->end() ? &*schema : &EmptySchema();
        }
      }
      // Success: the lowest 2xx code (the map's keys are strings, "200" < "204" sorts right).
      for (auto r = j.at("responses").begin(); r != j.at("responses").end(); ++r) {
        int code = 0;
        if (!absl::SimpleAtoi(r.key(), &code) || code < 200 || code > 299) continue;
        op.success_status = code;
        const Json* media = PickContent(*r, &op.success_content_type);
        if (media != nullptr) {
          auto schema = media->find("schema");
          op.success_schema = schema != media->end() ? &*schema : &EmptySchema();
        }
        break;
      }
      op.in_scope = !op.deprecated && !IsEngineUpdateProtocol(op.method, op.path) &&
                    std::any_of(op.tags.begin(), op.tags.end(),
                                [](const std::string& t) { return ScopeTags().count(t) > 0; });
      if (!by_id_.emplace(op.operation_id, operations_.size()).second) {
        return Invalid(absl::StrCat("duplicate operationId ", op.operation_id));
      }
      PathPattern pattern(op.path);
      by_path_[op.method][pattern.size()].emplace_back(std::move(pattern), operations_.size());
      operations_.push_back(std::move(op));
    }
  }
  return absl::OkStatus();
}

const ApiOperation* ApiDescription::FindById(absl::string_view operation_id) const {
  auto it = by_id_.find(operation_id);
  return it == by_id_.end() ? nullptr : &operations_[it->second];
}

std::optional<ApiDescription::Match> ApiDescription::Find(absl::string_view method,
                                                          absl::string_view raw_path,
                                                          bool allow_empty_params) const {
  auto by_method = by_path_.find(method);
  if (by_method == by_path_.end()) return std::nullopt;
  std::vector<std::string> segments = SplitPath(raw_path);
  auto candidates = by_method->second.find(segments.size());
  if (candidates == by_method->second.end()) return std::nullopt;
  const std::pair<PathPattern, size_t>* best = nullptr;
  for (const auto& candidate : candidates->second) {
    if (best != nullptr && !candidate.first.MoreSpecificThan(best->first)) continue;
    if (candidate.first.Match(segments, nullptr, allow_empty_params)) best = &candidate;
  }
  if (best == nullptr) return std::nullopt;
  Match m{&operations_[best->second], {}};
  best->first.Match(segments, &m.params, allow_empty_params);
  return m;
}

std::string ApiDescription::RefName(const Json& schema) {
  if (!schema.is_object()) return "";
  auto ref = schema.find("$ref");
  if (ref == schema.end() || !ref->is_string()) return "";
  absl::string_view name = ref->get_ref<const std::string&>();
  if (!absl::ConsumePrefix(&name, kSchemaRefPrefix)) return "";
  return std::string(name);
}

const Json* ApiDescription::Resolve(const Json& schema) const {
  const Json* s = &schema;
  for (int hops = 0; hops < 16; ++hops) {  // a chain longer than that is a cycle of aliases
    if (!s->is_object() || !s->contains("$ref")) return s;
    std::string name = RefName(*s);
    auto components = document_.find("components");
    if (name.empty() || components == document_.end()) return nullptr;
    auto schemas = components->find("schemas");
    if (schemas == components->end()) return nullptr;
    auto it = schemas->find(name);
    if (it == schemas->end()) return nullptr;
    s = &*it;
  }
  return nullptr;
}

ApiDescription::Kind ApiDescription::KindOf(const Json& s) {
  if (!s.is_object()) return Kind::kAny;
  std::string type = s.value("type", "");
  if (type == "object") return Kind::kObject;
  if (type == "array") return Kind::kArray;
  if (type == "string") return Kind::kString;
  if (type == "integer") return Kind::kInteger;
  if (type == "number") return Kind::kNumber;
  if (type == "boolean") return Kind::kBoolean;
  if (s.contains("properties") || s.contains("allOf") || s.contains("discriminator") ||
      s.contains("additionalProperties")) {
    return Kind::kObject;
  }
  return Kind::kAny;
}

bool ApiDescription::IsByteSlice(const Json& s) const {
  if (KindOf(s) != Kind::kArray) return false;
  auto items = s.find("items");
  if (items == s.end()) return false;
  const Json* item = Resolve(*items);
  return item != nullptr && KindOf(*item) == Kind::kString && item->value("format", "") == "byte";
}

ApiDescription::ObjectShape ApiDescription::Shape(const Json& s) const {
  ObjectShape shape;
  std::map<std::string, const Json*> properties;
  // allOf members first, so the schema's own properties win; bounded against alias cycles.
  std::function<void(const Json&, int)> merge = [&](const Json& schema, int depth) {
    if (depth > 8 || !schema.is_object()) return;
    auto all_of = schema.find("allOf");
    if (all_of != schema.end() && all_of->is_array()) {
      for (const Json& member : *all_of) {
        if (const Json* resolved = Resolve(member)) merge(*resolved, depth + 1);
      }
    }
    auto props = schema.find("properties");
    if (props != schema.end() && props->is_object()) {
      for (auto p = props->begin(); p != props->end(); ++p) properties[p.key()] = &*p;
    }
    auto required = schema.find("required");
    if (required != schema.end() && required->is_array()) {
      for (const Json& name : *required) {
        if (name.is_string()) shape.required.insert(name.get<std::string>());
      }
    }
    auto additional = schema.find("additionalProperties");
    if (additional != schema.end()) {
      if (additional->is_object()) shape.additional = &*additional;
      if (additional->is_boolean() && additional->get<bool>()) shape.additional = &EmptySchema();
    }
  };
  merge(s, 0);
  shape.properties.assign(properties.begin(), properties.end());
  auto discriminator = s.find("discriminator");
  if (discriminator != s.end() && discriminator->is_object()) shape.discriminator = &*discriminator;
  return shape;
}

}  // namespace emulator
