// The sweep: every operation of the API description called once over HTTP with a minimal valid
// request generated from the description (path parameters filled, required query parameters and
// required body keys only), on a fresh demo state each. It proves the emulator answers the whole
// in-scope API with the status the description declares, statefully or in conformance mode.
//
// Generic except for what a stateful route needs: path values naming seeded entities, a running
// update for the operations on an update of a given kind, a fresh deployment for those on a
// deployment, and a few requests carrying more than the description requires (the emulator's
// stateful semantics, e.g. v1 audit logs need a start time). Two operations send a body the
// description itself rejects: StackTag's `name` enum lists only the built-in tag names, which
// nobody may set; real requests use custom names, outside the enum.
#include <cstdio>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "emulator/schema_example.h"
#include "emulator/seed_resources.h"
#include "emulator/server_test_util.h"

namespace emulator {
namespace {

constexpr char kDeploymentId[] = "5c1e7a2b-3d4f-4a6b-9c8d-0e1f2a3b4c5d";
constexpr char kRoleId[] = "7d3c9a10-2b4e-4f61-9a8b-5c6d7e8f9012";

// The smallest value `schema` accepts: required keys only, empty arrays and maps, the first enum
// value, 0, false, and a URL for a key that names one.
Json Minimal(const ApiDescription& api, const Json& schema, const std::string& name, int depth) {
  const Json* s = api.Resolve(schema);
  if (s == nullptr || depth > 16) return Json::object();
  auto values = s->find("enum");
  if (values != s->end() && values->is_array() && !values->empty()) return values->front();
  switch (ApiDescription::KindOf(*s)) {
    case ApiDescription::Kind::kObject: {
      ApiDescription::ObjectShape shape = api.Shape(*s);
      if (shape.discriminator != nullptr) {
        const Json& mapping = shape.discriminator->at("mapping");
        Json out = Minimal(api, Json{{"$ref", mapping.begin().value()}}, name, depth + 1);
        out[shape.discriminator->value("propertyName", "")] = mapping.begin().key();
        return out;
      }
      Json out = Json::object();
      for (const auto& [key, property] : shape.properties) {
        if (shape.required.count(key)) out[key] = Minimal(api, *property, key, depth + 1);
      }
      return out;
    }
    case ApiDescription::Kind::kArray:
      return api.IsByteSlice(*s) ? Json("c3dlZXA=") : Json::array();  // a byte slice is base64
    case ApiDescription::Kind::kString:
      if (s->value("format", "") == "date-time") return kExampleDateTime;
      if (s->value("format", "") == "byte") return "c3dlZXA=";
      if (absl::EndsWithIgnoreCase(name, "url")) return "https://hooks.example/sweep";
      return "sweep";
    case ApiDescription::Kind::kInteger:
    case ApiDescription::Kind::kNumber:
      return 0;
    case ApiDescription::Kind::kBoolean:
      return false;
    case ApiDescription::Kind::kAny:
      return Json::object();
  }
  return Json::object();
}

struct Request {
  std::string path;
  std::string query;
  std::string body;
};

class SweepTest : public EmulatorHttpTest {
 protected:
  // A value for path parameter `name` of `op`, naming seeded entities where a stateful route
  // needs one; `update_id` is the running update made for update-kind operations.
  std::string PathValue(const ApiOperation& op, const ApiParameter& p,
                        const std::string& update_id) {
    bool org_hooks =
        absl::StartsWith(op.path, "/api/orgs/") && absl::StrContains(op.path, "/hooks");
    const std::string& id = op.operation_id;
    if (p.name == "stackName" && !update_id.empty()) return "dev";
    if (p.name == "updateID" && !update_id.empty()) return update_id;
    if (p.name == "hookName") return org_hooks ? "audit-sink" : "deploy-notify";
    if (p.name == "event") {
      return org_hooks ? "4b5c6d7e-8f90-4a1b-9c2d-3e4f5a6b7c8d"
                       : "d7e8f9a0-1b2c-4d3e-8f4a-5b6c7d8e9f01";
    }
    if (p.name == "userLogin" && id == "AddOrganizationMember") return "srivera";
    if (p.name == "teamName" && id == "DeleteTeamToken") return "platform";
    if (p.name == "version" && id == "GetDeployment_version") return "1";
    if (p.name == "deploymentId" && !deployment_id_.empty()) return deployment_id_;
    if (p.name == "tokenId") {
      if (id == "DeletePersonalToken") return DerivedUuid("user jdoe/jdoe-cli");
      if (id == "DeleteOrgToken") return DerivedUuid("org acme-corp/acme-ci");
      return DerivedUuid("team acme-corp/platform/platform-deploy");
    }
    static const std::map<std::string, std::string> kValues = {
        {"orgName", "acme-corp"}, {"projectName", "payments-api"}, {"stackName", "prod"},
        {"teamName", "payments"}, {"userLogin", "rkumar"},         {"user", "rkumar"},
        {"userName", "rkumar"},   {"deploymentId", kDeploymentId}, {"tagName", "env"},
        {"roleID", kRoleId},      {"updateID", kProd42Id},         {"version", "42"}};
    auto it = kValues.find(p.name);
    if (it != kValues.end()) return it->second;
    Json v = Minimal(api(), *p.schema, p.name, 0);
    return v.is_string() ? v.get<std::string>() : v.is_number() ? "1" : v.dump();
  }

  Request Build(const ApiOperation& op, const std::string& update_id) {
    Request r;
    std::vector<std::string> segments = absl::StrSplit(op.path, '/');
    for (std::string& s : segments) {
      if (s.empty() || s.front() != '{') continue;
      std::string name = s.substr(1, s.size() - 2);
      for (const ApiParameter& p : op.path_params) {
        if (p.name == name) s = PathValue(op, p, update_id);
      }
    }
    r.path = absl::StrJoin(segments, "/");
    std::vector<std::string> query;
    for (const ApiParameter& p : op.query_params) {
      if (!p.required) continue;
      Json v = Minimal(api(), *p.schema, p.name, 0);
      query.push_back(p.name + "=" + (v.is_string() ? v.get<std::string>() : v.dump()));
    }
    static const std::map<std::string, std::string> kQueries = {
        {"DeleteStack", "force=true"},  // prod has resources
        {"DeleteRole", "force=true"},   // a team holds it
        {"ListAuditLogEventsHandlerV1", "startTime=2000000000"}};
    auto extra = kQueries.find(op.operation_id);
    if (extra != kQueries.end()) query.push_back(extra->second);
    if (!query.empty()) r.query = "?" + absl::StrJoin(query, "&");
    if (op.body_content_type == "application/json") {
      static const std::map<std::string, Json> kBodies = {
          {"CreateRole", {{"name", "sweep-role"}}},
          {"UpdateTeam", {{"newDescription", "sweep"}}},
          {"TransferStack", {{"toOrg", "globex"}}},
          {"AddOrganizationMember", {{"role", "member"}}},
          {"UpdateOrganizationMember", {{"role", "admin"}}},
          {"AddStackTag", {{"name", "sweep"}, {"value", "sweep"}}},
          {"UpdateStackTag", {{"name", "env"}, {"value", "sweep"}}}};
      auto it = kBodies.find(op.operation_id);
      r.body = (it != kBodies.end() ? it->second : Minimal(api(), *op.body_schema, "", 0)).dump();
    }
    return r;
  }

  // The kind of update an operation works on ("" if none): .../{kind}/{updateID}[/...].
  static std::string UpdateKind(const ApiOperation& op) {
    for (const char* kind : {"update", "preview", "refresh", "destroy"}) {
      if (absl::StrContains(op.path, absl::StrCat("/", kind, "/{updateID}"))) return kind;
    }
    return "";
  }

  const ApiDescription& api() { return server_->api_description(); }

  std::string deployment_id_;  // a fresh, unfinished deployment of prod for this call
};

// Requests the description itself rejects (see the file comment).
bool KnownNonConforming(const std::string& operation_id) {
  return operation_id == "AddStackTag" || operation_id == "UpdateStackTag";
}

TEST_F(SweepTest, EveryOperationAnswersItsDeclaredStatus) {
  int in_scope = 0, in_scope_ok = 0, all_ok = 0, stateful = 0;
  for (const ApiOperation& op : api().operations()) {
    ASSERT_TRUE(server_->store().Reset().ok());
    server_->operations().Reset();
    std::string update_id;
    if (!UpdateKind(op).empty()) {
      LiveUpdateSpec live;
      live.kind = UpdateKind(op);
      live.interval = absl::Hours(1);  // stays running for the whole call
      absl::StatusOr<Json> started =
          server_->store().StartLiveUpdate({"acme-corp", "payments-api", "dev"}, live);
      ASSERT_TRUE(started.ok()) << started.status();
      update_id = (*started)["updateID"].get<std::string>();
    }
    deployment_id_.clear();
    if (absl::StrContains(op.path, "{deploymentId}")) {
      Caller jdoe;
      jdoe.login = "jdoe";
      absl::StatusOr<Json> created = server_->store().CreateDeployment(
          jdoe, {"acme-corp", "payments-api", "prod"}, Json::object());
      ASSERT_TRUE(created.ok()) << created.status();
      deployment_id_ = (*created)["id"].get<std::string>();
    }
    Request req = Build(op, update_id);
    HttpResult r = Call(op.method, req.path + req.query, kJdoeToken, req.body);
    bool ok = r.status == op.success_status;
    OperationStats::Counts counts = server_->operations().Get(op.operation_id);
    all_ok += ok;
    if (!op.in_scope) continue;
    ++in_scope;
    in_scope_ok += ok;
    stateful += server_->stateful_operations().count(op.operation_id);
    EXPECT_EQ(r.status, op.success_status) << op.operation_id << " " << op.method << " " << req.path
                                           << req.query << " " << req.body << " -> " << r.body;
    EXPECT_EQ(counts.accepted, KnownNonConforming(op.operation_id) ? 0 : 1)
        << op.operation_id << ": " << counts.last_rejection;
  }
  std::printf(
      "sweep: %d of %d in-scope operations answered their declared 2xx (%d statefully); "
      "%d of %zu operations in all\n",
      in_scope_ok, in_scope, stateful, all_ok, api().operations().size());
  EXPECT_EQ(in_scope, 280);
  EXPECT_EQ(in_scope_ok, in_scope);
}

}  // namespace
}  // namespace emulator
