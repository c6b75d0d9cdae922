#include "emulator/request_validator.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace emulator {
namespace {

using ::testing::HasSubstr;

// Every rule has a schema here, so each case names exactly one broken thing.
constexpr char kDescription[] = R"json({
 "paths": {
  "/api/things/{org}/{version}": {"post": {"operationId": "Make",
   "parameters": [
    {"in": "path", "name": "org", "required": true, "schema": {"type": "string"}},
    {"in": "path", "name": "version", "required": true,
     "schema": {"type": "integer", "format": "int64"}},
    {"in": "query", "name": "count", "schema": {"type": "integer", "format": "int32"}},
    {"in": "query", "name": "force", "schema": {"type": "boolean"}},
    {"in": "query", "name": "mode", "required": true,
     "schema": {"type": "string", "enum": ["fast", "slow"]}},
    {"in": "query", "name": "tag", "schema": {"type": "array", "items": {"type": "integer"}}},
    {"in": "query", "name": "ratio", "schema": {"type": "number"}}],
   "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
   "responses": {"201": {}}}},
  "/api/plain": {"post": {"operationId": "Plain", "responses": {"204": {}}}},
  "/api/optional": {"post": {"operationId": "Optional", "requestBody": {"content": {
   "application/json": {"schema": {"type": "object", "properties": {"a": {"type": "string"}}}}}},
   "responses": {"200": {}}}},
  "/api/list": {"post": {"operationId": "List", "requestBody": {"content": {
   "application/json": {"schema": {"type": "array", "items": {"type": "string"}}}}},
   "responses": {"200": {}}}},
  "/api/yaml": {"post": {"operationId": "Yaml", "requestBody": {"content": {
   "application/x-yaml": {"schema": {"type": "string"}}}}, "responses": {"200": {}}}}
 },
 "components": {"schemas": {
  "Thing": {"type": "object", "required": ["name", "spec"], "properties": {
   "name": {"type": "string"},
   "size": {"type": "integer", "format": "int32"},
   "weight": {"type": "number"},
   "on": {"type": "boolean"},
   "color": {"type": "string", "enum": ["red", "blue"]},
   "level": {"type": "integer", "enum": [0, 101]},
   "blob": {"type": "string", "format": "byte"},
   "bytes": {"type": "array", "items": {"type": "string", "format": "byte"}},
   "chunks": {"type": "array", "items": {"type": "array", "items": {"type": "string", "format": "byte"}}},
   "when": {"type": "string", "format": "date-time"},
   "labels": {"type": "object", "additionalProperties": {"type": "string"}},
   "parts": {"type": "array", "items": {"$ref": "#/components/schemas/Part"}},
   "spec": {"$ref": "#/components/schemas/Spec"},
   "source": {"$ref": "#/components/schemas/Source"}}},
  "Part": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}},
  "Spec": {"allOf": [{"$ref": "#/components/schemas/Part"},
                     {"type": "object", "properties": {"depth": {"type": "integer"}}}]},
  "Source": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}},
   "discriminator": {"propertyName": "kind", "mapping": {
    "git": "#/components/schemas/GitSource", "tar": "#/components/schemas/TarSource"}}},
  "GitSource": {"allOf": [{"$ref": "#/components/schemas/Source"},
   {"type": "object", "required": ["url"], "properties": {"url": {"type": "string"}}}]},
  "TarSource": {"allOf": [{"$ref": "#/components/schemas/Source"},
   {"type": "object", "properties": {"size": {"type": "integer"}}}]}
 }}})json";

class RequestValidatorTest : public ::testing::Test {
 protected:
  RequestValidatorTest() : api_(*ApiDescription::Parse(kDescription)) {}

  // "" when valid, else the message.
  std::string Validate(const std::string& method, const std::string& path,
                       std::multimap<std::string, std::string> query, const std::string& body) {
    std::optional<ApiDescription::Match> m = api_->Find(method, path, true);
    if (!m.has_value()) return "no operation";
    absl::Status s = ValidateRequest(*api_, *m->operation, m->params, query, body);
    if (s.ok()) return "";
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
    return std::string(s.message());
  }

  // The Make operation with a valid query, and `body` (default: a valid minimal body).
  std::string Make(std::multimap<std::string, std::string> query, const std::string& body) {
    query.emplace("mode", "fast");
    return Validate("POST", "/api/things/acme/3", query, body);
  }
  std::string Raw(const std::string& body) { return Make({}, body); }
  // A valid minimal body with `extra` merged in.
  std::string Body(const Json& extra) {
    Json body = {{"name", "n"}, {"spec", {{"id", "s"}}}};
    body.update(extra);
    return Make({}, body.dump());
  }

  std::shared_ptr<const ApiDescription> api_;
};

TEST_F(RequestValidatorTest, AcceptsAValidRequest) {
  EXPECT_EQ(Body(Json::object()), "");
  EXPECT_EQ(Make({{"count", "7"}, {"force", "True"}, {"tag", "1"}, {"tag", "2"}, {"ratio", "0.5"}},
                 R"({"name":"n","spec":{"id":"s","depth":2},"unknownKey":[1]})"),
            "");
}

TEST_F(RequestValidatorTest, PathParameters) {
  EXPECT_EQ(Validate("POST", "/api/things//3", {{"mode", "fast"}}, "{}"),
            "Bad Request: path parameter 'org' must not be empty");
  EXPECT_EQ(Validate("POST", "/api/things/acme/three", {{"mode", "fast"}}, "{}"),
            "Bad Request: path parameter 'version' must be an integer, got 'three'");
}

TEST_F(RequestValidatorTest, QueryParameters) {
  EXPECT_EQ(Make({{"colour", "red"}}, "{}"),
            "Bad Request: unknown query parameter 'colour' (accepted: count, force, mode, ratio, "
            "tag)");
  EXPECT_EQ(Validate("POST", "/api/plain", {{"x", "1"}}, ""),
            "Bad Request: unknown query parameter 'x' (this operation takes none)");
  EXPECT_EQ(Validate("POST", "/api/things/acme/3", {}, ""),
            "Bad Request: missing required query parameter 'mode'");
  EXPECT_EQ(Validate("POST", "/api/things/acme/3", {{"mode", "quick"}}, ""),
            "Bad Request: query parameter 'mode' must be one of fast, slow, got 'quick'");
  EXPECT_EQ(Make({{"count", "seven"}}, ""),
            "Bad Request: query parameter 'count' must be an integer, got 'seven'");
  EXPECT_EQ(Make({{"count", "3000000000"}}, ""),
            "Bad Request: query parameter 'count' must be a 32-bit integer, got '3000000000'");
  EXPECT_EQ(Make({{"force", "yes"}}, ""),
            "Bad Request: query parameter 'force' must be true or false, got 'yes'");
  EXPECT_EQ(Make({{"ratio", "half"}}, ""),
            "Bad Request: query parameter 'ratio' must be a number, got 'half'");
  EXPECT_EQ(Make({{"count", "1"}, {"count", "2"}}, ""),
            "Bad Request: query parameter 'count' must not repeat");
  EXPECT_EQ(Make({{"tag", "1"}, {"tag", "x"}}, ""),
            "Bad Request: query parameter 'tag' must be an integer, got 'x'");
}

TEST_F(RequestValidatorTest, BodySyntaxAndPresence) {
  EXPECT_EQ(Raw("{"), "Bad Request: request body is not valid JSON");
  EXPECT_EQ(Raw("[]"), "Bad Request: request body must be a JSON object");
  EXPECT_EQ(Raw(""), "Bad Request: request body is required");
  EXPECT_EQ(Validate("POST", "/api/optional", {}, ""), "");
  EXPECT_EQ(Validate("POST", "/api/list", {}, ""), "Bad Request: request body is required");
  EXPECT_EQ(Validate("POST", "/api/list", {}, R"(["a", 1])"),
            "Bad Request: body field '[1]' must be a string");
  EXPECT_EQ(Validate("POST", "/api/plain", {}, "{}"), "");
  EXPECT_EQ(Validate("POST", "/api/plain", {}, R"({"a":1})"),
            "Bad Request: this operation takes no request body");
  EXPECT_EQ(Validate("POST", "/api/yaml", {}, "not: [json"), "");
}

TEST_F(RequestValidatorTest, RequiredKeysRecursively) {
  EXPECT_EQ(Raw(R"({"spec":{"id":"s"}})"), "Bad Request: missing required body field 'name'");
  EXPECT_EQ(Raw(R"({"name":null,"spec":{"id":"s"}})"),
            "Bad Request: missing required body field 'name'");
  EXPECT_EQ(Raw(R"({"name":"n","spec":{"depth":1}})"),  // required through allOf
            "Bad Request: missing required body field 'spec.id'");
  EXPECT_EQ(Body(Json{{"parts", {{{"id", "a"}}, Json::object()}}}),
            "Bad Request: missing required body field 'parts[1].id'");
}

TEST_F(RequestValidatorTest, JsonTypesOfKnownKeys) {
  EXPECT_EQ(Body(Json{{"name", 5}}), "Bad Request: body field 'name' must be a string");
  EXPECT_EQ(Body(Json{{"size", 1.5}}), "Bad Request: body field 'size' must be an integer");
  EXPECT_EQ(Body(Json{{"size", int64_t{3000000000}}}),
            "Bad Request: body field 'size' must be a 32-bit integer");
  EXPECT_EQ(Body(Json{{"weight", "heavy"}}), "Bad Request: body field 'weight' must be a number");
  EXPECT_EQ(Body(Json{{"on", "true"}}), "Bad Request: body field 'on' must be a boolean");
  EXPECT_EQ(Body(Json{{"parts", {{"id", "a"}}}}),
            "Bad Request: body field 'parts' must be an array");
  EXPECT_EQ(Body(Json{{"spec", {{"id", "s"}, {"depth", "deep"}}}}),
            "Bad Request: body field 'spec.depth' must be an integer");
  EXPECT_EQ(Body(Json{{"labels", {{"team", 7}}}}),
            "Bad Request: body field 'labels.team' must be a string");
  EXPECT_EQ(Body(Json{{"labels", "team"}}),
            "Bad Request: body field 'labels' must be a JSON object");
}

TEST_F(RequestValidatorTest, EnumsAndFormats) {
  EXPECT_EQ(Body(Json{{"color", "green"}}),
            "Bad Request: body field 'color' must be one of red, blue");
  EXPECT_EQ(Body(Json{{"level", 101}}), "");
  EXPECT_EQ(Body(Json{{"level", 102}}), "Bad Request: body field 'level' must be one of 0, 101");
  EXPECT_EQ(Body(Json{{"blob", "aGVsbG8="}}), "");
  EXPECT_EQ(Body(Json{{"blob", "not base64!"}}), "Bad Request: body field 'blob' must be base64");
  // An array of bytes is a Go byte slice: one base64 string, as the service takes it.
  EXPECT_EQ(Body(Json{{"bytes", "aGVsbG8="}}), "");
  EXPECT_EQ(Body(Json{{"bytes", Json::array({"aGVsbG8="})}}),
            "Bad Request: body field 'bytes' must be a base64 string");
  EXPECT_EQ(Body(Json{{"bytes", "not base64!"}}), "Bad Request: body field 'bytes' must be base64");
  EXPECT_EQ(Body(Json{{"chunks", Json::array({"aGVsbG8=", "d29ybGQ="})}}), "");
  EXPECT_EQ(Body(Json{{"chunks", Json::array({Json::array({"aGVsbG8="})})}}),
            "Bad Request: body field 'chunks[0]' must be a base64 string");
  EXPECT_EQ(Body(Json{{"when", "2024-01-02T03:04:05Z"}}), "");
  EXPECT_EQ(Body(Json{{"when", "yesterday"}}),
            "Bad Request: body field 'when' must be an RFC 3339 date-time");
}

TEST_F(RequestValidatorTest, DiscriminatorPicksTheMappedSchema) {
  EXPECT_EQ(Body(Json{{"source", {{"kind", "git"}, {"url", "https://x"}}}}), "");
  EXPECT_EQ(Body(Json{{"source", {{"kind", "git"}}}}),
            "Bad Request: missing required body field 'source.url'");
  EXPECT_EQ(Body(Json{{"source", {{"kind", "tar"}, {"size", "big"}}}}),
            "Bad Request: body field 'source.size' must be an integer");
  EXPECT_EQ(Body(Json{{"source", {{"kind", "zip"}}}}),
            "Bad Request: body field 'source.kind' must be one of git, tar");
  EXPECT_EQ(Body(Json{{"source", Json::object()}}),
            "Bad Request: missing required body field 'source.kind'");
}

TEST_F(RequestValidatorTest, ValuesInMessagesAreShortened) {
  std::string message = Make({{"count", std::string(500, '9')}}, "");
  EXPECT_THAT(message, HasSubstr("..."));
  EXPECT_LT(message.size(), 150u);
}

TEST(RequestValidatorRealTest, ChecksTheEmbeddedDescription) {
  std::shared_ptr<const ApiDescription> api = ApiDescription::Embedded();
  const ApiOperation& create = *api->FindById("CreateAPIDeploymentHandlerV2");
  std::map<std::string, std::string> path = {
      {"orgName", "acme-corp"}, {"projectName", "payments-api"}, {"stackName", "prod"}};
  EXPECT_TRUE(ValidateRequest(*api, create, path, {}, R"({"operation":"update"})").ok());
  EXPECT_EQ(ValidateRequest(*api, create, path, {}, R"({"vcs":{"provider":"svn"}})").message(),
            "Bad Request: body field 'vcs.provider' must be one of azure_devops, bitbucket, "
            "custom, github, gitlab");
  EXPECT_EQ(
      ValidateRequest(*api, create, path, {},
                      R"({"operationContext":{"environmentVariables":{"A":{"plaintext":"x"}}}})")
          .message(),
      "Bad Request: missing required body field 'operationContext.environmentVariables.A.secret'");
  const ApiOperation& events = *api->FindById("GetEngineEvents_update");
  path["updateID"] = "u";
  EXPECT_TRUE(ValidateRequest(*api, events, path, {{"type", "1"}, {"type", "2"}}, "").ok());
}

}  // namespace
}  // namespace emulator
