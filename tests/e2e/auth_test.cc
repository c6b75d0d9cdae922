// End-to-end: who may call what, through the real gateway against the real emulator (both
// in-process). No credentials: UNAUTHENTICATED from the gateway itself, no upstream request at all.
// An unknown token: UNAUTHENTICATED from the upstream's 401 (ErrorInfo http_status 401). A user of
// another organization (eve, globex only) on acme-corp: PERMISSION_DENIED from the upstream's 403
// for reads and for every kind of write, and after each refused write the state, read back by jdoe,
// is unchanged and the audit log has nothing new.
#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "clients/cpp/pulumi_client.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/e2e/e2e_test_base.h"

namespace pulumi_gateway::e2e {
namespace {

using ::testing::Contains;
using ::testing::Each;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::SizeIs;
using Code = ::grpc::StatusCode;

constexpr char kAcme[] = "acme-corp";
const StackRef kProd{"acme-corp", "payments-api", "prod"};
const StackRef kStaging{"acme-corp", "payments-api", "staging"};
constexpr char kStagingV19Id[] = "a1f0c9e8-d7b6-4a5c-8e3d-2f1a0b9c8d7e";

class AuthTest : public E2eTest {};

// One call of an RPC with a fixed request, made as whoever `caller` is.
struct Attempt {
  std::string name;
  std::function<grpc::Status(Caller&)> call;
};

template <typename Request>
Request InAcme() {
  Request request;
  request.set_org_name(kAcme);
  return request;
}

// Reads of acme-corp data, one per service and kind of resource.
std::vector<Attempt> AcmeReads() {
  return {
      {"GetStack",
       [](Caller& c) { return c(&Stacks::GetStack, ForStack<v1::GetStackRequest>(kProd)).status; }},
      {"ExportStack",
       [](Caller& c) {
         return c(&Stacks::ExportStack, ForStack<v1::ExportStackRequest>(kProd)).status;
       }},
      {"ListUpdates",
       [](Caller& c) {
         return c(&Updates::ListUpdates, ForStack<v1::ListUpdatesRequest>(kProd)).status;
       }},
      {"ListUpdateEvents",
       [](Caller& c) {
         auto request = ForStack<v1::ListUpdateEventsRequest>(kStaging);
         request.set_kind("update");
         request.set_update_id(kStagingV19Id);
         return c(&Updates::ListUpdateEvents, request).status;
       }},
      {"ListMembers",
       [](Caller& c) { return c(&Orgs::ListMembers, InAcme<v1::ListMembersRequest>()).status; }},
      {"GetTeam",
       [](Caller& c) {
         auto request = InAcme<v1::GetTeamRequest>();
         request.set_team_name("payments");
         return c(&Orgs::GetTeam, request).status;
       }},
      {"ListAuditLogEventsV2",
       [](Caller& c) {
         return c(&Orgs::ListAuditLogEventsV2, InAcme<v1::ListAuditLogEventsV2Request>()).status;
       }},
  };
}

// Every kind of write to acme-corp: each would change state (and write an audit event) if it
// were allowed.
std::vector<Attempt> AcmeWrites() {
  return {
      {"CreateStack",
       [](Caller& c) {
         v1::CreateStackRequest request;
         request.set_org_name(kAcme);
         request.set_project_name("payments-api");
         request.set_stack_name("eve-was-here");
         return c(&Stacks::CreateStack, request).status;
       }},
      {"AddStackTag",
       [](Caller& c) {
         auto request = ForStack<v1::AddStackTagRequest>(kProd);
         request.set_name("owner");
         request.set_value("eve");
         return c(&Stacks::AddStackTag, request).status;
       }},
      {"UpdateStackTag",
       [](Caller& c) {
         auto request = ForStack<v1::UpdateStackTagRequest>(kProd);
         request.set_tag_name("env");
         request.set_name("env");
         request.set_value("pwned");
         return c(&Stacks::UpdateStackTag, request).status;
       }},
      {"ReplaceStackTags",
       [](Caller& c) {
         auto request = ForStack<v1::ReplaceStackTagsRequest>(kProd);
         (*request.mutable_tags())["env"] = "pwned";
         return c(&Stacks::ReplaceStackTags, request).status;
       }},
      {"DeleteStackTag",
       [](Caller& c) {
         auto request = ForStack<v1::DeleteStackTagRequest>(kProd);
         request.set_tag_name("env");
         return c(&Stacks::DeleteStackTag, request).status;
       }},
      {"DeleteStack",
       [](Caller& c) {
         auto request = ForStack<v1::DeleteStackRequest>(kProd);
         request.set_force(true);
         return c(&Stacks::DeleteStack, request).status;
       }},
      {"RenameStack",
       [](Caller& c) {
         auto request = ForStack<v1::RenameStackRequest>(kProd);
         request.set_new_name("prod-eve");
         return c(&Stacks::RenameStack, request).status;
       }},
      {"TransferStack",
       [](Caller& c) {
         auto request = ForStack<v1::TransferStackRequest>(kProd);
         request.mutable_transfer()->set_to_org("globex");
         return c(&Stacks::TransferStack, request).status;
       }},
      {"CancelUpdate",
       [](Caller& c) {
         auto request = ForStack<v1::CancelUpdateRequest>(kStaging);
         request.set_kind("update");
         request.set_update_id(kStagingV19Id);
         return c(&Updates::CancelUpdate, request).status;
       }},
      {"AddMember",
       [](Caller& c) {
         auto request = InAcme<v1::AddMemberRequest>();
         request.set_user_login("eve");
         request.set_role("admin");
         return c(&Orgs::AddMember, request).status;
       }},
      {"UpdateMemberRole",
       [](Caller& c) {
         auto request = InAcme<v1::UpdateMemberRoleRequest>();
         request.set_user_login("rkumar");
         request.set_role("admin");
         return c(&Orgs::UpdateMemberRole, request).status;
       }},
      {"RemoveMember",
       [](Caller& c) {
         auto request = InAcme<v1::RemoveMemberRequest>();
         request.set_user_login("rkumar");
         return c(&Orgs::RemoveMember, request).status;
       }},
      {"CreateTeam",
       [](Caller& c) {
         auto request = InAcme<v1::CreateTeamRequest>();
         request.set_name("eve-team");
         return c(&Orgs::CreateTeam, request).status;
       }},
      {"UpdateTeam",
       [](Caller& c) {
         auto request = InAcme<v1::UpdateTeamRequest>();
         request.set_team_name("payments");
         request.set_new_display_name("Eve's team");
         return c(&Orgs::UpdateTeam, request).status;
       }},
      {"AddTeamMember",
       [](Caller& c) {
         auto request = InAcme<v1::AddTeamMemberRequest>();
         request.set_team_name("payments");
         request.set_member("lnguyen");
         return c(&Orgs::AddTeamMember, request).status;
       }},
      {"RemoveTeamMember",
       [](Caller& c) {
         auto request = InAcme<v1::RemoveTeamMemberRequest>();
         request.set_team_name("payments");
         request.set_member("rkumar");
         return c(&Orgs::RemoveTeamMember, request).status;
       }},
      {"DeleteTeam",
       [](Caller& c) {
         auto request = InAcme<v1::DeleteTeamRequest>();
         request.set_team_name("payments");
         return c(&Orgs::DeleteTeam, request).status;
       }},
  };
}

// acme-corp's stacks, tags, members, roles and teams as jdoe sees them, as text to compare.
std::string AcmeState(Caller& jdoe) {
  std::string state;
  v1::ListStacksRequest list;
  list.set_organization(kAcme);
  absl::Status listed = jdoe.client().ForEachStack(list, [&](const v1::StackSummary& s) {
    Result<v1::GetStackResponse> stack =
        jdoe(&Stacks::GetStack,
             ForStack<v1::GetStackRequest>({s.org_name(), s.project_name(), s.stack_name()}));
    EXPECT_THAT(stack.status, IsOk());
    absl::StrAppend(&state, "stack ", stack.response.ShortDebugString(), "\n");
    return true;
  });
  EXPECT_TRUE(listed.ok()) << listed;
  absl::Status members = jdoe.client().ForEachMember(
      InAcme<v1::ListMembersRequest>(), [&](const v1::OrganizationMember& m) {
        absl::StrAppend(&state, "member ", m.ShortDebugString(), "\n");
        return true;
      });
  EXPECT_TRUE(members.ok()) << members;
  Result<v1::ListTeamsResponse> teams = jdoe(&Orgs::ListTeams, InAcme<v1::ListTeamsRequest>());
  EXPECT_THAT(teams.status, IsOk());
  for (const v1::Team& team : teams.response.teams()) {
    auto get = InAcme<v1::GetTeamRequest>();
    get.set_team_name(team.name());
    absl::StrAppend(&state, "team ", jdoe(&Orgs::GetTeam, get).response.ShortDebugString(), "\n");
  }
  return state;
}

// The emulator's HTTP status for each logged API request, in order.
std::vector<int> UpstreamStatuses(EmulatorAdmin& admin) {
  absl::StatusOr<nlohmann::json> requests = admin.Requests();
  EXPECT_TRUE(requests.ok()) << requests.status();
  std::vector<int> statuses;
  if (!requests.ok()) return statuses;
  for (const nlohmann::json& r : (*requests)["requests"]) statuses.push_back(r.value("status", 0));
  return statuses;
}

TEST_F(AuthTest, WithoutCredentialsNothingReachesTheEmulator) {
  Caller anonymous = As("");
  std::vector<Attempt> attempts = AcmeReads();
  for (Attempt& write : AcmeWrites()) attempts.push_back(std::move(write));
  for (Attempt& attempt : attempts) {
    EXPECT_THAT(attempt.call(anonymous),
                StatusIs(Code::UNAUTHENTICATED, "missing authorization metadata"))
        << attempt.name;
  }
  // Some more RPCs, incl. the ones without an org in the path.
  EXPECT_THAT(anonymous(&Stacks::ListStacks, v1::ListStacksRequest()).status,
              StatusIs(Code::UNAUTHENTICATED, "missing authorization metadata"));
  auto export_logs = InAcme<v1::ExportAuditLogsRequest>();
  EXPECT_THAT(anonymous(&Orgs::ExportAuditLogs, export_logs).status,
              StatusIs(Code::UNAUTHENTICATED, "missing authorization metadata"));

  absl::StatusOr<int64_t> upstream = admin().RequestCount();
  ASSERT_TRUE(upstream.ok()) << upstream.status();
  EXPECT_EQ(*upstream, 0) << "the gateway must refuse before calling the upstream";
}

TEST_F(AuthTest, MalformedAuthorizationMetadataIsRefusedByTheGateway) {
  std::unique_ptr<pulumi_client::PulumiClient> client = env().Client("");
  for (const std::string& header :
       {std::string("Basic amRvZTpodW50ZXIy"), std::string("token"), std::string("token  "),
        std::string("Bearer"), absl::StrCat("token ", std::string(2000, 'a')),
        std::string("token pul-demo jdoe")}) {
    std::unique_ptr<grpc::ClientContext> context = client->NewContext();
    context->AddMetadata("authorization", header);
    v1::GetStackResponse response;
    grpc::Status status =
        client->stacks().GetStack(context.get(), ForStack<v1::GetStackRequest>(kProd), &response);
    // (Control characters cannot even be sent: gRPC refuses them client-side.)
    EXPECT_EQ(status.error_code(), Code::UNAUTHENTICATED) << header.substr(0, 40);
    EXPECT_EQ(status.error_message().find(kJdoeToken), std::string::npos)
        << "the token must not be echoed";
  }
  absl::StatusOr<int64_t> upstream = admin().RequestCount();
  ASSERT_TRUE(upstream.ok()) << upstream.status();
  EXPECT_EQ(*upstream, 0);

  // Both accepted schemes reach the upstream with the caller's token.
  for (const std::string scheme : {"token ", "Bearer "}) {
    std::unique_ptr<grpc::ClientContext> context = client->NewContext();
    context->AddMetadata("authorization", scheme + kJdoeToken);
    v1::GetStackResponse response;
    EXPECT_THAT(
        client->stacks().GetStack(context.get(), ForStack<v1::GetStackRequest>(kProd), &response),
        IsOk())
        << scheme;
  }
}

TEST_F(AuthTest, UnknownTokenIsRefusedByTheUpstream) {
  Caller jdoe = As(kJdoeToken);
  const std::string before = AcmeState(jdoe);
  const size_t seen = UpstreamStatuses(admin()).size();  // jdoe's reads

  Caller stranger = As("pul-demo-nobody-00000000000000000000000000000000");
  std::vector<Attempt> attempts = AcmeReads();
  for (Attempt& write : AcmeWrites()) attempts.push_back(std::move(write));
  for (Attempt& attempt : attempts) {
    grpc::Status status = attempt.call(stranger);
    EXPECT_THAT(status, StatusIs(Code::UNAUTHENTICATED,
                                 "Unauthorized: No credentials provided or are invalid."))
        << attempt.name;
    pulumi_client::CallError error = pulumi_client::DecodeError(status);
    EXPECT_THAT(error.metadata, Contains(Pair("http_status", "401"))) << attempt.name;
    EXPECT_THAT(error.metadata, Contains(Pair("request_id", ::testing::Not(IsEmpty()))))
        << attempt.name;
  }
  // Each call was one upstream request (401s are not retried), each answered 401.
  std::vector<int> statuses = UpstreamStatuses(admin());
  ASSERT_GE(statuses.size(), seen);
  statuses.erase(statuses.begin(), statuses.begin() + seen);
  EXPECT_THAT(statuses, SizeIs(attempts.size()));
  EXPECT_THAT(statuses, Each(401));
  EXPECT_EQ(AcmeState(jdoe), before);
  EXPECT_THAT(AuditEventsSinceStart(jdoe, kAcme), IsEmpty());
}

TEST_F(AuthTest, OtherOrganizationsUserCannotReadAcme) {
  Caller eve = As(kEveToken);
  for (Attempt& attempt : AcmeReads()) {
    grpc::Status status = attempt.call(eve);
    EXPECT_THAT(status,
                StatusIs(Code::PERMISSION_DENIED,
                         "Forbidden: User 'eve' is not a member of organization 'acme-corp'."))
        << attempt.name;
    EXPECT_THAT(pulumi_client::DecodeError(status).metadata, Contains(Pair("http_status", "403")))
        << attempt.name;
  }
  // Listing is filtered rather than refused: eve just sees none of acme-corp's stacks...
  v1::ListStacksRequest acme_stacks;
  acme_stacks.set_organization(kAcme);
  Result<v1::ListStacksResponse> listed = eve(&Stacks::ListStacks, acme_stacks);
  ASSERT_THAT(listed.status, IsOk());
  EXPECT_THAT(listed.response.stacks(), IsEmpty());
  // ...while her own organization works as usual.
  Result<v1::GetStackResponse> own =
      eve(&Stacks::GetStack, ForStack<v1::GetStackRequest>({"globex", "inventory", "prod"}));
  ASSERT_THAT(own.status, IsOk());
  EXPECT_EQ(own.response.stack().org_name(), "globex");
}

TEST_F(AuthTest, OtherOrganizationsUserCannotWriteToAcmeAndNothingChanges) {
  Caller jdoe = As(kJdoeToken);
  Caller eve = As(kEveToken);
  const std::string before = AcmeState(jdoe);
  ASSERT_THAT(before, HasSubstr("stack_name: \"prod\""));
  const std::vector<Attempt> writes = AcmeWrites();
  for (const Attempt& write : writes) {
    grpc::Status status = write.call(eve);
    EXPECT_THAT(status,
                StatusIs(Code::PERMISSION_DENIED,
                         "Forbidden: User 'eve' is not a member of organization 'acme-corp'."))
        << write.name;
    EXPECT_THAT(pulumi_client::DecodeError(status).metadata, Contains(Pair("http_status", "403")))
        << write.name;
    EXPECT_EQ(AcmeState(jdoe), before) << "state changed after a refused " << write.name;
  }
  // Every refusal came from the upstream (one 403 per write, jdoe's reads all 200).
  std::vector<int> statuses = UpstreamStatuses(admin());
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 403), static_cast<int>(writes.size()));
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200) + static_cast<int>(writes.size()),
            static_cast<int>(statuses.size()));
  EXPECT_THAT(AuditEventsSinceStart(jdoe, kAcme), IsEmpty());

  // Some of the same writes by an acme-corp admin do go through: the refusals were about eve.
  for (const Attempt& write : writes) {
    if (write.name == "CreateStack" || write.name == "AddStackTag" || write.name == "CreateTeam") {
      EXPECT_THAT(write.call(jdoe), IsOk()) << write.name;
    }
  }
  EXPECT_THAT(AuditEventsSinceStart(jdoe, kAcme),
              ElementsAre("stack.create", "stack.tag.add", "team.create"));
}

// The demo seed's organization and team tokens (emulator/README.md "Demo data").
constexpr char kAcmeOrgToken[] = "pul-demo-org-acme-ci-6d1e8f2a4b7c4e9d8a0b1c2d3e4f5a6b";
constexpr char kPlatformTeamToken[] = "pul-demo-team-platform-9e8d7c6b5a4f4e3d2c1b0a9f8e7d6c5b";

// WhoAmI answers what the REST API hides: which kind of token a call carries.
TEST_F(AuthTest, WhoAmITellsPersonalOrganizationAndTeamTokensApart) {
  Caller jdoe = As(kJdoeToken);
  Result<v1::GetCurrentUserResponse> user =
      jdoe(&Users::GetCurrentUser, v1::GetCurrentUserRequest());
  ASSERT_THAT(user.status, IsOk());
  EXPECT_EQ(user.response.name(), "Jane Doe");
  EXPECT_EQ(user.response.github_login(), "jdoe");
  EXPECT_EQ(user.response.token_info().name(), "jdoe-laptop");
  std::vector<std::string> orgs;
  for (const v1::UserInfo& org : user.response.organizations()) orgs.push_back(org.github_login());
  EXPECT_THAT(orgs, ::testing::UnorderedElementsAre("acme-corp", "globex"));

  Result<v1::WhoAmIResponse> me = jdoe(&Users::WhoAmI, v1::WhoAmIRequest());
  ASSERT_THAT(me.status, IsOk());
  EXPECT_EQ(me.response.token_kind(), v1::TOKEN_KIND_PERSONAL);
  EXPECT_EQ(me.response.user_login(), "jdoe");
  EXPECT_EQ(me.response.token_name(), "jdoe-laptop");
  EXPECT_EQ(me.response.credential_source(), v1::CREDENTIAL_SOURCE_CALLER);
  EXPECT_THAT(me.response.organizations(), ::testing::UnorderedElementsAre("acme-corp", "globex"));

  // An organization token: the REST API answers with the org's name as if it were a user.
  Caller ci = As(kAcmeOrgToken);
  user = ci(&Users::GetCurrentUser, v1::GetCurrentUserRequest());
  ASSERT_THAT(user.status, IsOk());
  EXPECT_EQ(user.response.github_login(), "acme-corp");
  me = ci(&Users::WhoAmI, v1::WhoAmIRequest());
  ASSERT_THAT(me.status, IsOk());
  EXPECT_EQ(me.response.token_kind(), v1::TOKEN_KIND_ORGANIZATION);
  EXPECT_EQ(me.response.organization(), "acme-corp");
  EXPECT_EQ(me.response.token_name(), "acme-ci");
  EXPECT_EQ(me.response.user_login(), "");

  Caller team = As(kPlatformTeamToken);
  me = team(&Users::WhoAmI, v1::WhoAmIRequest());
  ASSERT_THAT(me.status, IsOk());
  EXPECT_EQ(me.response.token_kind(), v1::TOKEN_KIND_TEAM);
  EXPECT_EQ(me.response.organization(), "acme-corp");
  EXPECT_EQ(me.response.team(), "platform");
  EXPECT_EQ(me.response.token_name(), "platform-deploy");

  // The answer never carries the token itself.
  for (const char* token : {kJdoeToken, kAcmeOrgToken, kPlatformTeamToken}) {
    EXPECT_EQ(me.response.SerializeAsString().find(token), std::string::npos);
  }
}

TEST_F(AuthTest, WhoAmIWithoutAValidTokenIsUnauthenticated) {
  Caller anonymous = As("");
  EXPECT_THAT(anonymous(&Users::WhoAmI, v1::WhoAmIRequest()).status,
              StatusIs(Code::UNAUTHENTICATED, "missing authorization metadata"));
  EXPECT_THAT(anonymous(&Users::GetCurrentUser, v1::GetCurrentUserRequest()).status,
              StatusIs(Code::UNAUTHENTICATED, "missing authorization metadata"));
  absl::StatusOr<int64_t> upstream = admin().RequestCount();
  ASSERT_TRUE(upstream.ok()) << upstream.status();
  EXPECT_EQ(*upstream, 0) << "the gateway must refuse before calling the upstream";

  Caller stranger = As("pul-demo-nobody-00000000000000000000000000000000");
  for (const grpc::Status& status :
       {stranger(&Users::WhoAmI, v1::WhoAmIRequest()).status,
        stranger(&Users::GetCurrentUser, v1::GetCurrentUserRequest()).status}) {
    EXPECT_THAT(status, StatusIs(Code::UNAUTHENTICATED,
                                 "Unauthorized: No credentials provided or are invalid."));
    EXPECT_THAT(pulumi_client::DecodeError(status).metadata, Contains(Pair("http_status", "401")));
  }
}

}  // namespace
}  // namespace pulumi_gateway::e2e
