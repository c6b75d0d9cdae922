// Validates a request against its operation in the API description (api_description.h), the way
// the service's own decoder would reject it, with a 400 message naming what is wrong:
//
//   * path parameters: present, non-empty, of their declared type (integer, boolean, enum);
//   * query: only declared names (an undeclared one is named), one value unless the parameter is
//     an array, integer/number/boolean syntax, enum values, required parameters present;
//   * JSON body: valid JSON; required keys present (recursively); the JSON type of every known key
//     through `$ref`, `allOf`, `items` and `additionalProperties`; enum values; int32 range;
//     `format: byte` (base64) and `date-time` (RFC 3339) strings; a discriminator's value picks
//     the schema its mapping names. Unknown keys are accepted, as the service's decoder does.
//     An empty body is accepted only where the body schema has no required keys; an operation
//     without a declared body accepts an empty body or `{}` only.
//
//   absl::Status s = ValidateRequest(*api, *match.operation, match.params, query, body);
//   // InvalidArgument("Bad Request: unknown query parameter 'foo' (accepted: continuationToken,
//   // maxResults)")
#ifndef EMULATOR_REQUEST_VALIDATOR_H_
#define EMULATOR_REQUEST_VALIDATOR_H_

#include <map>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "emulator/api_description.h"
#include "emulator/model.h"

namespace emulator {

// OK, or InvalidArgument whose message is the wire message ("Bad Request: ..."). `path_params`
// are the decoded segments (an empty one is reported as such).
absl::Status ValidateRequest(const ApiDescription& api, const ApiOperation& operation,
                             const std::map<std::string, std::string>& path_params,
                             const std::multimap<std::string, std::string>& query,
                             absl::string_view body);

// Checks `value` against `schema` (not yet resolved). `path` is where `value` sits in the body
// ("" for the body itself, else e.g. "a.b[0]"); messages name it. OK or InvalidArgument.
absl::Status ValidateJson(const ApiDescription& api, const Json& schema, const Json& value,
                          const std::string& path);

}  // namespace emulator

#endif  // EMULATOR_REQUEST_VALIDATOR_H_
