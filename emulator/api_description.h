// The Pulumi Cloud API description (third_party/pulumi-openapi/spec.json, the facts-only copy of
// the official OpenAPI 3 document), parsed once and indexed by method + path template.
//
// It drives the emulator's conformance mode: request validation (request_validator.h) and
// schema-complete answers (schema_example.h) for every operation, and the operation id of every
// request in the request log. Schemas stay nlohmann JSON inside the parsed document; operations
// point into it, so an ApiDescription is immutable and shared (std::shared_ptr<const ...>).
//
//   std::shared_ptr<const ApiDescription> api = ApiDescription::Embedded();  // parsed once
//   std::optional<ApiDescription::Match> m = api->Find("GET", "/api/orgs/acme-corp/teams");
//   m->operation->operation_id;   // "ListTeams"
//   const Json* team = api->Resolve(*m->operation->success_schema);
#ifndef EMULATOR_API_DESCRIPTION_H_
#define EMULATOR_API_DESCRIPTION_H_

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "emulator/model.h"
#include "emulator/router.h"

namespace emulator {

struct ApiParameter {
  std::string name;
  bool required = false;
  const Json* schema = nullptr;  // never null; points into the document
};

struct ApiOperation {
  std::string operation_id;
  std::string method;  // upper case: GET, HEAD, POST, PUT, PATCH, DELETE
  std::string path;    // the template, e.g. /api/orgs/{orgName}/teams/{teamName}
  std::vector<std::string> tags;
  bool deprecated = false;
  // A non-deprecated Stacks/Organizations/Users/Deployments operation that is not part of the
  // engine's update protocol (IsEngineUpdateProtocol): what the gateway mirrors.
  bool in_scope = false;
  std::vector<ApiParameter> path_params;
  std::vector<ApiParameter> query_params;
  std::string body_content_type;  // "" = the operation declares no request body
  const Json* body_schema = nullptr;
  // The first 2xx status the operation declares (204 when it declares none), and its content.
  int success_status = 204;
  std::string success_content_type;  // "" = no body; application/json preferred when offered
  const Json* success_schema = nullptr;
};

// The tags whose operations the gateway mirrors.
inline const std::set<std::string>& ScopeTags() {
  static const auto* const kTags =
      new std::set<std::string>{"Stacks", "Organizations", "Users", "Deployments"};
  return *kTags;
}

// The engine's own update protocol, which needs an update's lease token: every non-GET operation
// under /api/stacks/{org}/{project}/{stack}/{update|preview|refresh|destroy} (create, start,
// checkpoints, journal entries, engine events, log entries, complete, renew lease), except
// `cancel`, which a user may call.
bool IsEngineUpdateProtocol(absl::string_view method, absl::string_view path);

class ApiDescription final {
 public:
  struct Match {
    const ApiOperation* operation = nullptr;
    std::map<std::string, std::string> params;  // decoded path parameters
  };

  // The object and array view of a schema: properties and required names with `allOf` members
  // merged (and their `$ref`s followed), plus the value schema of `additionalProperties`.
  struct ObjectShape {
    std::vector<std::pair<std::string, const Json*>> properties;  // in name order
    std::set<std::string> required;
    const Json* additional = nullptr;  // map values; nullptr = not a map
    // `discriminator` of the schema itself (not of its allOf members), or nullptr.
    const Json* discriminator = nullptr;
  };

  enum class Kind { kObject, kArray, kString, kInteger, kNumber, kBoolean, kAny };

  // InvalidArgument when `json_text` is not an OpenAPI 3 document with `paths`, or an operation
  // lacks an `operationId` or repeats one.
  static absl::StatusOr<std::shared_ptr<const ApiDescription>> Parse(absl::string_view json_text);
  // The copy compiled into the binary, parsed on first use (thread-safe).
  static std::shared_ptr<const ApiDescription> Embedded();

  const std::vector<ApiOperation>& operations() const { return operations_; }
  const ApiOperation* FindById(absl::string_view operation_id) const;

  // The operation serving `method` + `raw_path` (no query), most specific template first (see
  // router.h). With `allow_empty_params`, a parameter may be an empty segment.
  std::optional<Match> Find(absl::string_view method, absl::string_view raw_path,
                            bool allow_empty_params = false) const;

  // `schema` with its `$ref` chain followed; nullptr when a reference dangles.
  const Json* Resolve(const Json& schema) const;
  // The component name a `$ref` schema names ("" when `schema` is not a reference).
  static std::string RefName(const Json& schema);
  // The kind of a resolved schema: its `type`, or kObject when it has properties, allOf, a
  // discriminator or additionalProperties, else kAny.
  static Kind KindOf(const Json& resolved);
  ObjectShape Shape(const Json& resolved) const;
  // True for an array of `format: byte` strings: how the description writes a Go byte slice,
  // which the service sends and takes as one base64 string, not as an array.
  bool IsByteSlice(const Json& resolved) const;

 private:
  explicit ApiDescription(Json document) : document_(std::move(document)) {}
  absl::Status Index();

  const Json document_;
  std::vector<ApiOperation> operations_;
  std::map<std::string, size_t, std::less<>> by_id_;
  // By method, then by segment count: (pattern, index into operations_).
  std::map<std::string, std::map<size_t, std::vector<std::pair<PathPattern, size_t>>>, std::less<>>
      by_path_;
};

// The text of third_party/pulumi-openapi/spec.json, compiled in (api_description_data.cc).
extern const char kEmbeddedApiDescription[];

}  // namespace emulator

#endif  // EMULATOR_API_DESCRIPTION_H_
