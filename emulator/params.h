// Typed, non-throwing access to request parameters: query values and JSON body fields.
//
// Every failure is an InvalidArgument whose message is the wire error message ("Bad Request: ..."),
// so handlers can return it unchanged.
//
//   absl::StatusOr<int64_t> page = ParseInt64("page", "2");
//   absl::StatusOr<Json> body = ParseJsonObject(req.body);
//   absl::StatusOr<std::optional<std::string>> role = OptionalString(*body, "role");
#ifndef EMULATOR_PARAMS_H_
#define EMULATOR_PARAMS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "emulator/model.h"

namespace emulator {

// Parses a base-10 int64. InvalidArgument "Bad Request: invalid query parameter '<name>'".
absl::StatusOr<int64_t> ParseInt64(absl::string_view name, absl::string_view value);

// Parses "true"/"false"/"1"/"0" (empty = true, as in `?force`). InvalidArgument otherwise.
absl::StatusOr<bool> ParseBool(absl::string_view name, absl::string_view value);

// Parses a request body that must be a JSON object. InvalidArgument on bad JSON or non-object.
absl::StatusOr<Json> ParseJsonObject(absl::string_view body);

// `obj[key]` as a string; absent or null -> nullopt; other types -> InvalidArgument.
absl::StatusOr<std::optional<std::string>> OptionalString(const Json& obj, absl::string_view key);

// Like OptionalString, but absent/null/empty -> InvalidArgument "Bad Request: '<key>' is required".
absl::StatusOr<std::string> RequiredString(const Json& obj, absl::string_view key);

// `obj[key]` as an integer; absent or null -> nullopt; other types -> InvalidArgument.
absl::StatusOr<std::optional<int64_t>> OptionalInt(const Json& obj, absl::string_view key);

// `obj[key]` as an object; absent or null -> nullopt; other types -> InvalidArgument.
absl::StatusOr<std::optional<Json>> OptionalObject(const Json& obj, absl::string_view key);

// Lenient field access for bodies already validated against the API description: `fallback` when
// the key is absent, null or of another type.
std::string StringOr(const Json& obj, absl::string_view key, const std::string& fallback);
bool BoolOr(const Json& obj, absl::string_view key, bool fallback);
int64_t IntOr(const Json& obj, absl::string_view key, int64_t fallback);
// The string elements of an array field (others skipped); `fallback` unless it is an array.
std::vector<std::string> StringsOr(const Json& obj, absl::string_view key,
                                   const std::vector<std::string>& fallback);

}  // namespace emulator

#endif  // EMULATOR_PARAMS_H_
