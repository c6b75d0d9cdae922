#include "emulator/params.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace emulator {
namespace {

absl::Status BadField(absl::string_view key, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("Bad Request: '", key, "' ", what));
}

}  // namespace

absl::StatusOr<int64_t> ParseInt64(absl::string_view name, absl::string_view value) {
  int64_t out = 0;
  if (!absl::SimpleAtoi(value, &out)) {
    return absl::InvalidArgumentError(
        absl::StrCat("Bad Request: invalid query parameter '", name, "'"));
  }
  return out;
}

absl::StatusOr<bool> ParseBool(absl::string_view name, absl::string_view value) {
  std::string v = absl::AsciiStrToLower(value);
  if (v.empty() || v == "true" || v == "1") return true;
  if (v == "false" || v == "0") return false;
  return absl::InvalidArgumentError(
      absl::StrCat("Bad Request: invalid query parameter '", name, "'"));
}

absl::StatusOr<Json> ParseJsonObject(absl::string_view body) {
  Json parsed = Json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    return absl::InvalidArgumentError("Bad Request: request body must be a JSON object");
  }
  return parsed;
}

absl::StatusOr<std::optional<std::string>> OptionalString(const Json& obj, absl::string_view key) {
  auto it = obj.find(std::string(key));
  if (it == obj.end() || it->is_null()) return std::optional<std::string>();
  if (!it->is_string()) return BadField(key, "must be a string");
  return std::optional<std::string>(it->get<std::string>());
}

absl::StatusOr<std::string> RequiredString(const Json& obj, absl::string_view key) {
  absl::StatusOr<std::optional<std::string>> v = OptionalString(obj, key);
  if (!v.ok()) return v.status();
  if (!v->has_value() || (*v)->empty()) return BadField(key, "is required");
  return **v;
}

absl::StatusOr<std::optional<int64_t>> OptionalInt(const Json& obj, absl::string_view key) {
  auto it = obj.find(std::string(key));
  if (it == obj.end() || it->is_null()) return std::optional<int64_t>();
  if (!it->is_number_integer()) return BadField(key, "must be an integer");
  return std::optional<int64_t>(it->get<int64_t>());
}

absl::StatusOr<std::optional<Json>> OptionalObject(const Json& obj, absl::string_view key) {
  auto it = obj.find(std::string(key));
  if (it == obj.end() || it->is_null()) return std::optional<Json>();
  if (!it->is_object()) return BadField(key, "must be an object");
  return std::optional<Json>(*it);
}

std::string StringOr(const Json& obj, absl::string_view key, const std::string& fallback) {
  auto it = obj.find(std::string(key));
  return it != obj.end() && it->is_string() ? it->get<std::string>() : fallback;
}

bool BoolOr(const Json& obj, absl::string_view key, bool fallback) {
  auto it = obj.find(std::string(key));
  return it != obj.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

int64_t IntOr(const Json& obj, absl::string_view key, int64_t fallback) {
  auto it = obj.find(std::string(key));
  return it != obj.end() && it->is_number_integer() ? it->get<int64_t>() : fallback;
}

std::vector<std::string> StringsOr(const Json& obj, absl::string_view key,
                                   const std::vector<std::string>& fallback) {
  auto it = obj.find(std::string(key));
  if (it == obj.end() || !it->is_array()) return fallback;
  std::vector<std::string> out;
  for (const Json& v : *it) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

}  // namespace emulator
