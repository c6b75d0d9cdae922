// Keeps the end-to-end suites complete: every RPC of the four services has a test that calls it
// successfully and a test that asserts one of its error paths, both through the real gateway and
// emulator. The list below is checked against the service descriptors (a new RPC without an
// entry fails here) and against the suites' sources (each named test must exist and call the RPC).
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "gtest/gtest.h"
#include "pulumi/service/v1/organizations.pb.h"
#include "pulumi/service/v1/stacks.pb.h"
#include "pulumi/service/v1/updates.pb.h"
#include "pulumi/service/v1/users.pb.h"

namespace pulumi_gateway::e2e {
namespace {

struct Coverage {
  std::string rpc;           // Service.Method
  std::string success_test;  // Suite.Test calling it with an OK assertion
  std::string error_test;    // Suite.Test asserting an error code of it
};

const std::vector<Coverage>& CoverageList() {
  static const auto* list = new std::vector<Coverage>{
      // StacksService
      {"StacksService.ListStacks", "StackLifecycleTest.ListStacksPagesThroughEveryStackOnce",
       "StackLifecycleTest.ListStacksPagesThroughEveryStackOnce"},
      {"StacksService.GetStack", "StackLifecycleTest.UsersDayWithANewStack",
       "StackLifecycleTest.UsersDayWithANewStack"},
      {"StacksService.CreateStack", "StackLifecycleTest.UsersDayWithANewStack",
       "StackLifecycleTest.UsersDayWithANewStack"},
      {"StacksService.DeleteStack", "StackLifecycleTest.UsersDayWithANewStack",
       "StackLifecycleTest.DeleteNeedsForceOnlyWhileResourcesRemain"},
      {"StacksService.ExportStack", "StackLifecycleTest.UsersDayWithANewStack",
       "StackLifecycleTest.ExportsProdStateAtEachVersion"},
      {"StacksService.ExportStackAtVersion", "StackLifecycleTest.ExportsProdStateAtEachVersion",
       "StackLifecycleTest.ExportsProdStateAtEachVersion"},
      {"StacksService.AddStackTag", "StackLifecycleTest.TagsAddUpdateReplaceDelete",
       "StackLifecycleTest.TagsAddUpdateReplaceDelete"},
      {"StacksService.UpdateStackTag", "StackLifecycleTest.TagsAddUpdateReplaceDelete",
       "StackLifecycleTest.TagsAddUpdateReplaceDelete"},
      {"StacksService.ReplaceStackTags", "StackLifecycleTest.TagsAddUpdateReplaceDelete",
       "StackLifecycleTest.TagsAddUpdateReplaceDelete"},
      {"StacksService.DeleteStackTag", "StackLifecycleTest.TagsAddUpdateReplaceDelete",
       "StackLifecycleTest.TagsAddUpdateReplaceDelete"},
      {"StacksService.TransferStack", "StackLifecycleTest.UsersDayWithANewStack",
       "StackLifecycleTest.RenameAndTransferRefuseBadTargets"},
      {"StacksService.RenameStack", "StackLifecycleTest.RenameAndTransferRefuseBadTargets",
       "StackUpdatesTest.FollowsTheRunningStagingUpdateToTheEnd"},
      {"StacksService.GetStackMetadata", "StackLifecycleTest.ReadsStackMetadata",
       "StackLifecycleTest.ReadsStackMetadata"},
      {"StacksService.GetStackResourceCount", "StackLifecycleTest.ExportsProdStateAtEachVersion",
       "StackLifecycleTest.ExportsProdStateAtEachVersion"},
      // StackUpdatesService
      {"StackUpdatesService.ListUpdates",
       "StackUpdatesTest.ReadsProdHistoryInBothFormatsPageByPage",
       "StackUpdatesTest.ReadsProdHistoryInBothFormatsPageByPage"},
      {"StackUpdatesService.GetLatestUpdate",
       "StackUpdatesTest.ReadsProdHistoryInBothFormatsPageByPage",
       "StackUpdatesTest.ReadsProdHistoryInBothFormatsPageByPage"},
      {"StackUpdatesService.GetUpdate", "StackUpdatesTest.ReadsProdHistoryInBothFormatsPageByPage",
       "StackUpdatesTest.ReadsProdHistoryInBothFormatsPageByPage"},
      {"StackUpdatesService.GetUpdateStatus", "StackUpdatesTest.ReadsTheEventsOfAFinishedUpdate",
       "StackUpdatesTest.ReadsTheEventsOfAFinishedUpdate"},
      {"StackUpdatesService.ListUpdateEvents",
       "StackUpdatesTest.FollowsTheRunningStagingUpdateToTheEnd",
       "StackUpdatesTest.ReadsTheEventsOfAFinishedUpdate"},
      {"StackUpdatesService.CancelUpdate", "StackUpdatesTest.CancelsARunningUpdateOnce",
       "StackUpdatesTest.CancelsARunningUpdateOnce"},
      // OrganizationsService
      {"OrganizationsService.ListMembers",
       "OrganizationTest.ListMembersPagesThroughEveryMemberOnce",
       "OrganizationTest.ListMembersPagesThroughEveryMemberOnce"},
      {"OrganizationsService.AddMember",
       "OrganizationTest.NewMemberJoinsATeamChangesRoleAndLeavesEachStepAudited",
       "OrganizationTest.MemberChangesThatAreRefusedChangeNothing"},
      {"OrganizationsService.UpdateMemberRole",
       "OrganizationTest.NewMemberJoinsATeamChangesRoleAndLeavesEachStepAudited",
       "OrganizationTest.MemberChangesThatAreRefusedChangeNothing"},
      {"OrganizationsService.RemoveMember",
       "OrganizationTest.NewMemberJoinsATeamChangesRoleAndLeavesEachStepAudited",
       "OrganizationTest.MemberChangesThatAreRefusedChangeNothing"},
      {"OrganizationsService.ListTeams", "OrganizationTest.TeamCreateUpdateReadDelete",
       "OrganizationTest.TeamsAreReadableByMembersButManagedByAdmins"},
      {"OrganizationsService.GetTeam", "OrganizationTest.TeamCreateUpdateReadDelete",
       "OrganizationTest.TeamCreateUpdateReadDelete"},
      {"OrganizationsService.CreateTeam", "OrganizationTest.TeamCreateUpdateReadDelete",
       "OrganizationTest.TeamCreateUpdateReadDelete"},
      {"OrganizationsService.UpdateTeam", "OrganizationTest.TeamCreateUpdateReadDelete",
       "OrganizationTest.TeamCreateUpdateReadDelete"},
      {"OrganizationsService.AddTeamMember",
       "OrganizationTest.NewMemberJoinsATeamChangesRoleAndLeavesEachStepAudited",
       "OrganizationTest.MemberChangesThatAreRefusedChangeNothing"},
      {"OrganizationsService.RemoveTeamMember",
       "OrganizationTest.NewMemberJoinsATeamChangesRoleAndLeavesEachStepAudited",
       "OrganizationTest.MemberChangesThatAreRefusedChangeNothing"},
      {"OrganizationsService.DeleteTeam", "OrganizationTest.TeamCreateUpdateReadDelete",
       "OrganizationTest.TeamCreateUpdateReadDelete"},
      {"OrganizationsService.ListAuditLogEvents",
       "OrganizationTest.NewMemberJoinsATeamChangesRoleAndLeavesEachStepAudited",
       "AuditLogTest.AuditLogPagesAndTimeBounds"},
      {"OrganizationsService.ListAuditLogEventsV2",
       "OrganizationTest.NewMemberJoinsATeamChangesRoleAndLeavesEachStepAudited",
       "AuditLogTest.AuditLogPagesAndTimeBounds"},
      {"OrganizationsService.ExportAuditLogs",
       "OrganizationTest.NewMemberJoinsATeamChangesRoleAndLeavesEachStepAudited",
       "AuditLogTest.AuditLogPagesAndTimeBounds"},
      {"OrganizationsService.ExportAuditLogsV2",
       "OrganizationTest.NewMemberJoinsATeamChangesRoleAndLeavesEachStepAudited",
       "AuditLogTest.AuditLogsNeedAnAdminAndTheSubscription"},
      // UsersService
      {"UsersService.GetCurrentUser", "AuthTest.WhoAmITellsPersonalOrganizationAndTeamTokensApart",
       "AuthTest.WhoAmIWithoutAValidTokenIsUnauthenticated"},
      {"UsersService.WhoAmI", "AuthTest.WhoAmITellsPersonalOrganizationAndTeamTokensApart",
       "AuthTest.WhoAmIWithoutAValidTokenIsUnauthenticated"},
  };
  return *list;
}

// The suites' sources (runfiles), keyed by fixture name.
const std::map<std::string, std::string>& SuiteFiles() {
  static const auto* files = new std::map<std::string, std::string>{
      {"StackLifecycleTest", "tests/e2e/stack_lifecycle_test.cc"},
      {"StackUpdatesTest", "tests/e2e/stack_updates_test.cc"},
      {"OrganizationTest", "tests/e2e/organization_test.cc"},
      {"AuditLogTest", "tests/e2e/audit_log_test.cc"},
      {"AuthTest", "tests/e2e/auth_test.cc"},
  };
  return *files;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The body of TEST_F(suite, test) in `source`: from its line to the next TEST_F or the end.
// Empty when there is no such test.
std::string SourceOfTest(const std::string& source, const std::string& suite,
                         const std::string& test) {
  const std::string opening = absl::StrCat("TEST_F(", suite, ", ", test, ")");
  size_t begin = source.find(opening);
  if (begin == std::string::npos) return "";
  size_t end = source.find("\nTEST_F(", begin + opening.size());
  return source.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

// Every unary RPC of the four services (WhoAmI, a unary composite, included), as Service.Method.
// The server-streaming RPCs run against the real emulator in tests/integration/streaming_test.cc.
std::set<std::string> ServedRpcs() {
  std::set<std::string> rpcs;
  for (const google::protobuf::ServiceDescriptor* service :
       {pulumi::service::v1::ListStacksRequest::descriptor()->file()->service(0),
        pulumi::service::v1::ListUpdatesRequest::descriptor()->file()->service(0),
        pulumi::service::v1::ListMembersRequest::descriptor()->file()->service(0),
        pulumi::service::v1::WhoAmIRequest::descriptor()->file()->service(0)}) {
    for (int i = 0; i < service->method_count(); ++i) {
      if (service->method(i)->server_streaming()) continue;
      rpcs.insert(absl::StrCat(service->name(), ".", service->method(i)->name()));
    }
  }
  return rpcs;
}

TEST(RpcCoverageTest, TheFourServicesAreTheOnesInTheProtoFiles) {
  const google::protobuf::DescriptorPool* pool = google::protobuf::DescriptorPool::generated_pool();
  for (const char* name :
       {"pulumi.service.v1.StacksService", "pulumi.service.v1.StackUpdatesService",
        "pulumi.service.v1.OrganizationsService", "pulumi.service.v1.UsersService"}) {
    EXPECT_NE(pool->FindServiceByName(name), nullptr) << name;
  }
  EXPECT_EQ(pulumi::service::v1::ListStacksRequest::descriptor()->file()->service_count(), 1);
  EXPECT_EQ(pulumi::service::v1::ListUpdatesRequest::descriptor()->file()->service_count(), 1);
  EXPECT_EQ(pulumi::service::v1::ListMembersRequest::descriptor()->file()->service_count(), 1);
  EXPECT_EQ(pulumi::service::v1::WhoAmIRequest::descriptor()->file()->service_count(), 1);
}

TEST(RpcCoverageTest, EveryRpcHasAnEndToEndSuccessAndErrorTest) {
  std::set<std::string> listed;
  for (const Coverage& c : CoverageList()) {
    EXPECT_TRUE(listed.insert(c.rpc).second) << c.rpc << " is listed twice";
  }
  for (const std::string& rpc : ServedRpcs()) {
    EXPECT_EQ(listed.count(rpc), 1u)
        << rpc << " has no end-to-end coverage: add a success and an error test to tests/e2e/ "
        << "and list them in rpc_coverage_test.cc";
  }
  const std::set<std::string> served = ServedRpcs();
  for (const std::string& rpc : listed) {
    EXPECT_EQ(served.count(rpc), 1u) << rpc << " is listed but is not an RPC of the protos";
  }
}

TEST(RpcCoverageTest, ListedTestsExistAndCallTheirRpc) {
  std::map<std::string, std::string> sources;
  for (const auto& [suite, path] : SuiteFiles()) {
    sources[suite] = ReadFile(path);
    ASSERT_FALSE(sources[suite].empty()) << "cannot read the runfile " << path;
  }
  for (const Coverage& c : CoverageList()) {
    const std::string method = std::vector<std::string>(absl::StrSplit(c.rpc, '.'))[1];
    for (const auto& [kind, name] : {std::pair<std::string, std::string>{"success", c.success_test},
                                     {"error", c.error_test}}) {
      std::vector<std::string> parts = absl::StrSplit(name, '.');
      ASSERT_EQ(parts.size(), 2u) << name;
      ASSERT_EQ(sources.count(parts[0]), 1u) << "unknown suite in " << name;
      const std::string body = SourceOfTest(sources[parts[0]], parts[0], parts[1]);
      if (body.empty()) {
        ADD_FAILURE() << c.rpc << ": the " << kind << " test " << name << " does not exist";
        continue;
      }
      // Calls are written `caller(&Service::Method, request)`.
      EXPECT_NE(body.find(absl::StrCat("::", method, ",")), std::string::npos)
          << c.rpc << ": the " << kind << " test " << name << " does not call it";
      EXPECT_NE(body.find(kind == "success" ? "IsOk()" : "StatusIs(Code::"), std::string::npos)
          << c.rpc << ": the " << kind << " test " << name << " asserts no "
          << (kind == "success" ? "success" : "error code");
    }
  }
}

}  // namespace
}  // namespace pulumi_gateway::e2e
