#include "tests/e2e/sweep_fixtures.h"

#include "absl/strings/match.h"

namespace pulumi_gateway::e2e {
namespace {

// Seeded entities (emulator/data/demo.json).
constexpr char kProd42Id[] = "3b9e4f1a-6c2d-4e8f-a0b1-c2d3e4f5a6b7";
constexpr char kRoleId[] = "7d3c9a10-2b4e-4f61-9a8b-5c6d7e8f9012";

}  // namespace

SweepValues PathValues(const std::string& pattern) {
  SweepValues values = {{"orgName", "acme-corp"}, {"projectName", "payments-api"},
                        {"stackName", "prod"},    {"teamName", "payments"},
                        {"userLogin", "rkumar"},  {"user", "rkumar"},
                        {"userName", "rkumar"},   {"tagName", "env"},
                        {"roleID", kRoleId},      {"updateID", kProd42Id},
                        {"version", "42"}};
  if (absl::StartsWith(pattern, "/api/orgs/")) {
    values["hookName"] = "audit-sink";
    values["event"] = "4b5c6d7e-8f90-4a1b-9c2d-3e4f5a6b7c8d";
  } else {
    values["hookName"] = "deploy-notify";
    values["event"] = "d7e8f9a0-1b2c-4d3e-8f4a-5b6c7d8e9f01";
  }
  return values;
}

const std::map<std::string, std::string>& Fixtures() {
  static const auto* const kFixtures = new std::map<std::string, std::string>{
      {"DeleteStack", R"({"force": true})"},                      // prod has resources
      {"DeleteRole", R"({"force": true})"},                       // a team holds the role
      {"CreateRole", R"({"body": {"name": "sweep-role"}})"},      // names are required and unique
      {"ListAuditLogEvents", R"({"startTime": 2000000000})"},     // v1 needs a start
      {"TransferStack", R"({"transfer": {"toOrg": "globex"}})"},  // an org jdoe is in
      {"AddMember", R"({"userLogin": "srivera", "role": "member"})"},  // not a member yet
      {"UpdateMemberRole", R"({"role": "admin"})"},
      {"AddStackTag", R"({"name": "sweep", "value": "sweep"})"},
      {"UpdateStackTag", R"({"name": "env", "value": "sweep"})"},
      {"GetDeploymentByVersion", R"({"version": "1"})"},   // the fresh deployment's version
      {"DeleteTeamToken", R"({"teamName": "platform"})"},  // the team with a token
      // Released request messages mark only their path fields REQUIRED (0.2.0 behaviour).
      {"CreateStack", R"({"stackName": "sweep"})"},
      {"RenameStack", R"({"newName": "sweep"})"},
      {"CreateTeam", R"({"name": "sweep"})"},
      {"UpdateTeam", R"({"newDescription": "sweep"})"},
      {"AddTeamMember", R"({"member": "lnguyen"})"},
      {"RemoveTeamMember", R"({"member": "rkumar"})"},
      // Streams and composites: their requests carry no REQUIRED marks.
      {"BatchGetStacks",
       R"({"stacks": [{"orgName": "acme-corp", "projectName": "payments-api",
                       "stackName": "prod"}]})"},
      {"WatchUpdateEvents",
       R"({"orgName": "acme-corp", "projectName": "payments-api", "stackName": "prod",
           "kind": "update", "updateId": "3b9e4f1a-6c2d-4e8f-a0b1-c2d3e4f5a6b7"})"},
      {"StreamMembers", R"({"orgName": "acme-corp"})"},
      {"StreamAuditLogs", R"({"orgName": "acme-corp"})"},
  };
  return *kFixtures;
}

SeededToken TokenFor(const std::string& pattern) {
  if (absl::StrContains(pattern, "/teams/")) {
    return {"/api/orgs/acme-corp/teams/platform/tokens", "platform-deploy"};
  }
  if (absl::StartsWith(pattern, "/api/orgs/")) return {"/api/orgs/acme-corp/tokens", "acme-ci"};
  return {"/api/user/tokens", "jdoe-cli"};
}

bool KnownNonConforming(const std::string& operation_id, std::string* reason) {
  if (operation_id != "AddStackTag" && operation_id != "UpdateStackTag") return false;
  *reason = "body field 'name' must be one of pulumi:project";
  return true;
}

}  // namespace pulumi_gateway::e2e
