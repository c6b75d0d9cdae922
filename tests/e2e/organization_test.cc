// End-to-end: organization members and teams through the real gateway binary against the real
// emulator binary. One test follows a new member from joining to leaving, checking each step in
// the member list, the team and the audit log (list V1/V2 with filters, CSV/CEF exports); the
// others cover teams, member paging and the error paths of the member and team RPCs. The audit-log
// RPCs' own paging, bounds and errors are in audit_log_test.cc.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/e2e/e2e_test_base.h"

namespace pulumi_gateway::e2e {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::Pair;
using ::testing::SizeIs;
using ::testing::StartsWith;
using ::testing::UnorderedElementsAre;
using Code = ::grpc::StatusCode;

constexpr char kAcme[] = "acme-corp";
constexpr char kCsvHeader[] =
    "Timestamp,Name,Login,Event,Description,SourceIP,RequireOrgAdmin,RequireStackAdmin,"
    "AuthenticationFailure";
const std::set<std::string> kSeededAcmeMembers = {"acme-ci", "asmith", "jdoe",   "lnguyen",
                                                  "mchen",   "rkumar", "tokafor"};

class OrganizationTest : public E2eTest {};

// login → member, every page of ListMembers.
std::map<std::string, v1::OrganizationMember> Members(Caller& caller, const std::string& org) {
  std::map<std::string, v1::OrganizationMember> members;
  v1::ListMembersRequest request;
  request.set_org_name(org);
  absl::Status status =
      caller.client().ForEachMember(request, [&](const v1::OrganizationMember& m) {
        EXPECT_EQ(members.count(m.user().github_login()), 0u)
            << m.user().github_login() << " listed twice";
        members[m.user().github_login()] = m;
        return true;
      });
  EXPECT_TRUE(status.ok()) << status;
  return members;
}

std::set<std::string> Logins(const std::map<std::string, v1::OrganizationMember>& members) {
  std::set<std::string> logins;
  for (const auto& [login, member] : members) logins.insert(login);
  return logins;
}

// login → team role of the members of `team`.
std::map<std::string, std::string> TeamMembers(Caller& caller, const std::string& team) {
  v1::GetTeamRequest request;
  request.set_org_name(kAcme);
  request.set_team_name(team);
  Result<v1::GetTeamResponse> got = caller(&Orgs::GetTeam, request);
  EXPECT_THAT(got.status, IsOk());
  std::map<std::string, std::string> members;
  for (const v1::TeamMember& m : got.response.team().members())
    members[m.github_login()] = m.role();
  return members;
}

// CSV data lines (without the header) whose Event column is `event`.
std::vector<std::string> CsvLines(const std::string& csv, const std::string& event) {
  std::vector<std::string> lines;
  for (absl::string_view line : absl::StrSplit(csv, '\n', absl::SkipEmpty())) {
    std::vector<absl::string_view> columns = absl::StrSplit(line, ',');
    if (columns.size() > 3 && columns[3] == event) lines.emplace_back(line);
  }
  return lines;
}

v1::AddMemberRequest AddMember(const std::string& login, const std::string& role) {
  v1::AddMemberRequest request;
  request.set_org_name(kAcme);
  request.set_user_login(login);
  request.set_role(role);
  return request;
}

template <typename Request>
Request ForTeam(const std::string& team) {
  Request request;
  request.set_org_name(kAcme);
  request.set_team_name(team);
  return request;
}

template <typename Request>
Request TeamMember(const std::string& team, const std::string& login) {
  auto request = ForTeam<Request>(team);
  request.set_member(login);
  return request;
}

template <typename Request>
Request ForMember(const std::string& login) {
  Request request;
  request.set_org_name(kAcme);
  request.set_user_login(login);
  return request;
}

TEST_F(OrganizationTest, NewMemberJoinsATeamChangesRoleAndLeavesEachStepAudited) {
  Caller jdoe = As(kJdoeToken);
  Caller srivera = As(kSriveraToken);
  auto prod = ForStack<v1::GetStackRequest>({kAcme, "payments-api", "prod"});
  EXPECT_THAT(srivera(&Stacks::GetStack, prod).status,
              StatusIs(Code::PERMISSION_DENIED, "is not a member of organization 'acme-corp'"));

  // srivera joins acme-corp as a member.
  Result<v1::AddMemberResponse> added = jdoe(&Orgs::AddMember, AddMember("srivera", "member"));
  ASSERT_THAT(added.status, IsOk());
  EXPECT_EQ(added.response.member().role(), "member");
  EXPECT_EQ(added.response.member().user().github_login(), "srivera");
  EXPECT_EQ(added.response.member().user().name(), "Sam Rivera");
  EXPECT_EQ(added.response.member().user().email(), "srivera@acme.example");
  EXPECT_EQ(added.response.member().fga_role().id(), "member");
  EXPECT_TRUE(added.response.member().known_to_pulumi());
  std::map<std::string, v1::OrganizationMember> members = Members(jdoe, kAcme);
  ASSERT_THAT(members, SizeIs(8));
  EXPECT_EQ(members.at("srivera").role(), "member");
  EXPECT_THAT(jdoe(&Orgs::AddMember, AddMember("srivera", "member")).status,
              StatusIs(Code::ALREADY_EXISTS,
                       "User 'srivera' is already a member of organization 'acme-corp'."));
  EXPECT_THAT(srivera(&Stacks::GetStack, prod).status, IsOk()) << "members see the org's stacks";

  // ...joins the payments team.
  ASSERT_THAT(
      jdoe(&Orgs::AddTeamMember, TeamMember<v1::AddTeamMemberRequest>("payments", "srivera"))
          .status,
      IsOk());
  EXPECT_THAT(TeamMembers(jdoe, "payments"),
              UnorderedElementsAre(Pair("jdoe", "admin"), Pair("rkumar", "member"),
                                   Pair("srivera", "member")));
  EXPECT_THAT(Members(jdoe, kAcme).at("srivera").teams(), ElementsAre("payments"));
  EXPECT_THAT(
      jdoe(&Orgs::AddTeamMember, TeamMember<v1::AddTeamMemberRequest>("payments", "srivera"))
          .status,
      StatusIs(Code::INVALID_ARGUMENT, "User 'srivera' is already in the team."));

  // ...becomes an admin, and as one may read the audit log.
  auto promote = ForMember<v1::UpdateMemberRoleRequest>("srivera");
  promote.set_role("admin");
  ASSERT_THAT(jdoe(&Orgs::UpdateMemberRole, promote).status, IsOk());
  members = Members(jdoe, kAcme);
  EXPECT_EQ(members.at("srivera").role(), "admin");
  EXPECT_EQ(members.at("srivera").fga_role().id(), "admin");
  EXPECT_EQ(members.at("srivera").fga_role().name(), "Admin");

  // Each step is in the audit log: V2 from the test's start, filtered by user and by event type.
  v1::ListAuditLogEventsV2Request by_jdoe;
  by_jdoe.set_org_name(kAcme);
  by_jdoe.set_start_time(test_start_);
  by_jdoe.set_user_filter("jdoe");
  Result<v1::ListAuditLogEventsV2Response> v2 = srivera(&Orgs::ListAuditLogEventsV2, by_jdoe);
  ASSERT_THAT(v2.status, IsOk());
  EXPECT_THAT(EventIds(v2.response.audit_log_events()),
              ElementsAre("member.role.changed", "team.member.add", "member.add"));
  EXPECT_EQ(v2.response.continuation_token(), "");
  v1::ListAuditLogEventsV2Request member_adds;
  member_adds.set_org_name(kAcme);
  member_adds.set_start_time(test_start_);
  member_adds.set_event_filter("member.add");
  v2 = jdoe(&Orgs::ListAuditLogEventsV2, member_adds);
  ASSERT_THAT(v2.status, IsOk());
  ASSERT_THAT(v2.response.audit_log_events(), SizeIs(1));
  const v1::AuditLogEvent& add_event = v2.response.audit_log_events(0);
  EXPECT_EQ(add_event.description(), "Added \"srivera\" to the organization as member");
  EXPECT_EQ(add_event.user().github_login(), "jdoe");
  EXPECT_EQ(add_event.user().name(), "Jane Doe");
  EXPECT_TRUE(add_event.req_org_admin());
  EXPECT_THAT(add_event.source_ip(), Not(IsEmpty()));
  EXPECT_GE(add_event.timestamp(), test_start_);

  // V1: start_time is an upper bound, so "now" includes the three steps (newest first) and the
  // seeded events before them.
  v1::ListAuditLogEventsRequest v1_by_jdoe;
  v1_by_jdoe.set_org_name(kAcme);
  v1_by_jdoe.set_start_time(absl::ToUnixSeconds(absl::Now()) + 60);
  v1_by_jdoe.set_user_filter("jdoe");
  Result<v1::ListAuditLogEventsResponse> v1_steps = jdoe(&Orgs::ListAuditLogEvents, v1_by_jdoe);
  ASSERT_THAT(v1_steps.status, IsOk());
  EXPECT_THAT(EventIds(v1_steps.response.audit_log_events()),
              ElementsAre("member.role.changed", "team.member.add", "member.add", "stack.tag.add",
                          "member.role.changed", "team.member.add", "member.add"));

  v1::ListAuditLogEventsRequest role_changes;
  role_changes.set_org_name(kAcme);
  role_changes.set_start_time(absl::ToUnixSeconds(absl::Now()) + 60);
  role_changes.set_event_filter("member.role.changed");
  Result<v1::ListAuditLogEventsResponse> v1_list = jdoe(&Orgs::ListAuditLogEvents, role_changes);
  ASSERT_THAT(v1_list.status, IsOk());
  ASSERT_THAT(v1_list.response.audit_log_events(), SizeIs(2));
  EXPECT_EQ(v1_list.response.audit_log_events(0).description(),
            "Changed organization role for \"srivera\" to Admin");
  EXPECT_EQ(v1_list.response.audit_log_events(1).timestamp(), 1754299000) << "the seeded one";

  // The exports contain the same events.
  v1::ExportAuditLogsRequest export_v1;
  export_v1.set_org_name(kAcme);
  export_v1.set_start_time(absl::ToUnixSeconds(absl::Now()) + 60);
  export_v1.set_user_filter("jdoe");
  Result<v1::ExportAuditLogsResponse> csv = jdoe(&Orgs::ExportAuditLogs, export_v1);
  ASSERT_THAT(csv.status, IsOk());
  EXPECT_THAT(csv.response.content_type(), StartsWith("text/plain"));
  EXPECT_THAT(csv.response.data(), StartsWith(std::string(kCsvHeader) + "\n"));
  EXPECT_THAT(
      CsvLines(csv.response.data(), "member.add"),
      Contains(::testing::HasSubstr(
          "Jane Doe,jdoe,member.add,\"Added \"\"srivera\"\" to the organization as member\"")));
  EXPECT_THAT(CsvLines(csv.response.data(), "team.member.add"), SizeIs(2))
      << "ours and the seeded one";
  EXPECT_THAT(CsvLines(csv.response.data(), "member.role.changed"), SizeIs(2));
  v1::ExportAuditLogsV2Request export_v2;
  export_v2.set_org_name(kAcme);
  export_v2.set_start_time(test_start_);
  Result<v1::ExportAuditLogsV2Response> since_start = jdoe(&Orgs::ExportAuditLogsV2, export_v2);
  ASSERT_THAT(since_start.status, IsOk());
  std::vector<std::string> lines =
      absl::StrSplit(since_start.response.data(), '\n', absl::SkipEmpty());
  ASSERT_THAT(lines, SizeIs(4)) << since_start.response.data();
  EXPECT_EQ(lines[0], kCsvHeader);
  EXPECT_THAT(lines[1], ::testing::HasSubstr(",member.role.changed,"));
  EXPECT_THAT(lines[3], ::testing::HasSubstr(",member.add,"));
  export_v2.set_format("cef");
  Result<v1::ExportAuditLogsV2Response> cef = jdoe(&Orgs::ExportAuditLogsV2, export_v2);
  ASSERT_THAT(cef.status, IsOk());
  std::vector<std::string> cef_lines = absl::StrSplit(cef.response.data(), '\n', absl::SkipEmpty());
  ASSERT_THAT(cef_lines, SizeIs(3));
  EXPECT_THAT(cef_lines[2], StartsWith("CEF:0|Pulumi|Pulumi Cloud|1.0|member.add|"));
  EXPECT_THAT(cef_lines[2], ::testing::HasSubstr(" suser=jdoe "));

  // ...leaves the team, then the organization.
  ASSERT_THAT(
      jdoe(&Orgs::RemoveTeamMember, TeamMember<v1::RemoveTeamMemberRequest>("payments", "srivera"))
          .status,
      IsOk());
  EXPECT_THAT(TeamMembers(jdoe, "payments"),
              UnorderedElementsAre(Pair("jdoe", "admin"), Pair("rkumar", "member")));
  EXPECT_THAT(
      jdoe(&Orgs::RemoveTeamMember, TeamMember<v1::RemoveTeamMemberRequest>("payments", "srivera"))
          .status,
      StatusIs(Code::INVALID_ARGUMENT, "User 'srivera' is not in the team."));
  ASSERT_THAT(jdoe(&Orgs::RemoveMember, ForMember<v1::RemoveMemberRequest>("srivera")).status,
              IsOk());
  EXPECT_EQ(Logins(Members(jdoe, kAcme)), kSeededAcmeMembers);
  EXPECT_THAT(
      jdoe(&Orgs::RemoveMember, ForMember<v1::RemoveMemberRequest>("srivera")).status,
      StatusIs(Code::NOT_FOUND, "User 'srivera' is not a member of organization 'acme-corp'."));
  EXPECT_THAT(srivera(&Stacks::GetStack, prod).status,
              StatusIs(Code::PERMISSION_DENIED, "Forbidden"));

  EXPECT_THAT(AuditEventsSinceStart(jdoe, kAcme),
              ElementsAre("member.add", "team.member.add", "member.role.changed",
                          "team.member.remove", "member.remove"));
  v1::ExportAuditLogsV2Request whole_day;
  whole_day.set_org_name(kAcme);
  whole_day.set_start_time(test_start_);
  Result<v1::ExportAuditLogsV2Response> day = jdoe(&Orgs::ExportAuditLogsV2, whole_day);
  ASSERT_THAT(day.status, IsOk());
  for (const char* event : {"member.add", "team.member.add", "member.role.changed",
                            "team.member.remove", "member.remove"}) {
    EXPECT_THAT(CsvLines(day.response.data(), event), SizeIs(1)) << event;
  }
}

TEST_F(OrganizationTest, MemberChangesThatAreRefusedChangeNothing) {
  Caller jdoe = As(kJdoeToken);
  const std::map<std::string, v1::OrganizationMember> before = Members(jdoe, kAcme);

  EXPECT_THAT(jdoe(&Orgs::AddMember, AddMember("nobody", "member")).status,
              StatusIs(Code::NOT_FOUND, "User 'nobody' not found."));
  EXPECT_THAT(jdoe(&Orgs::AddMember, AddMember("srivera", "owner")).status,
              StatusIs(Code::INVALID_ARGUMENT, "invalid role 'owner'"));
  auto role = ForMember<v1::UpdateMemberRoleRequest>("srivera");
  role.set_role("admin");
  EXPECT_THAT(
      jdoe(&Orgs::UpdateMemberRole, role).status,
      StatusIs(Code::NOT_FOUND, "User 'srivera' is not a member of organization 'acme-corp'."));
  role.set_user_login("lnguyen");
  role.set_role("superuser");
  EXPECT_THAT(jdoe(&Orgs::UpdateMemberRole, role).status,
              StatusIs(Code::INVALID_ARGUMENT, "invalid role 'superuser'"));
  EXPECT_THAT(
      jdoe(&Orgs::RemoveMember, ForMember<v1::RemoveMemberRequest>("jdoe")).status,
      StatusIs(Code::INVALID_ARGUMENT, "You cannot remove yourself from the organization."));
  EXPECT_THAT(
      jdoe(&Orgs::AddTeamMember, TeamMember<v1::AddTeamMemberRequest>("payments", "srivera"))
          .status,
      StatusIs(Code::INVALID_ARGUMENT, "User 'srivera' is not a member of the organization."));
  EXPECT_THAT(
      jdoe(&Orgs::AddTeamMember, TeamMember<v1::AddTeamMemberRequest>("no-such-team", "lnguyen"))
          .status,
      StatusIs(Code::NOT_FOUND, "Team 'no-such-team' not found."));
  EXPECT_THAT(
      jdoe(&Orgs::RemoveTeamMember, TeamMember<v1::RemoveTeamMemberRequest>("payments", "lnguyen"))
          .status,
      StatusIs(Code::INVALID_ARGUMENT, "User 'lnguyen' is not in the team."));
  // Members may not manage members; an org keeps at least one admin.
  Caller rkumar = As(kRkumarToken);
  EXPECT_THAT(
      rkumar(&Orgs::AddMember, AddMember("srivera", "member")).status,
      StatusIs(Code::PERMISSION_DENIED, "Only admins of organization 'acme-corp' may do this."));
  Caller mchen = As(kMchenToken);
  v1::UpdateMemberRoleRequest demote;
  demote.set_org_name("globex");
  demote.set_user_login("mchen");
  demote.set_role("member");
  EXPECT_THAT(mchen(&Orgs::UpdateMemberRole, demote).status,
              StatusIs(Code::INVALID_ARGUMENT, "An organization must have at least one admin."));

  const std::map<std::string, v1::OrganizationMember> after = Members(jdoe, kAcme);
  EXPECT_EQ(Logins(after), Logins(before));
  for (const auto& [login, member] : before)
    EXPECT_EQ(after.at(login).role(), member.role()) << login;
  EXPECT_THAT(TeamMembers(jdoe, "payments"),
              UnorderedElementsAre(Pair("jdoe", "admin"), Pair("rkumar", "member")));
  EXPECT_THAT(AuditEventsSinceStart(jdoe, kAcme), IsEmpty());

  // A custom role id wins over the built-in role.
  auto custom = ForMember<v1::UpdateMemberRoleRequest>("lnguyen");
  custom.set_role("admin");
  custom.set_fga_role_id("billing-manager");
  ASSERT_THAT(jdoe(&Orgs::UpdateMemberRole, custom).status, IsOk());
  EXPECT_EQ(Members(jdoe, kAcme).at("lnguyen").role(), "billing-manager");
}

TEST_F(OrganizationTest, TeamCreateUpdateReadDelete) {
  Caller jdoe = As(kJdoeToken);
  v1::CreateTeamRequest create;
  create.set_org_name(kAcme);
  create.set_name("sre");
  create.set_display_name("Site Reliability");
  create.set_description("Keeps the lights on");
  Result<v1::CreateTeamResponse> created = jdoe(&Orgs::CreateTeam, create);
  ASSERT_THAT(created.status, IsOk());
  EXPECT_EQ(created.response.team().name(), "sre");
  EXPECT_EQ(created.response.team().kind(), "pulumi");
  EXPECT_EQ(created.response.team().display_name(), "Site Reliability");
  EXPECT_EQ(created.response.team().description(), "Keeps the lights on");
  EXPECT_THAT(created.response.team().members(), IsEmpty());
  EXPECT_THAT(jdoe(&Orgs::CreateTeam, create).status,
              StatusIs(Code::ALREADY_EXISTS, "Conflict: Team 'sre' already exists."));
  v1::CreateTeamRequest long_name = create;
  long_name.set_name("sre-2");
  long_name.set_display_name(std::string(101, 'x'));
  EXPECT_THAT(jdoe(&Orgs::CreateTeam, long_name).status,
              StatusIs(Code::INVALID_ARGUMENT, "Display name must be 100 characters or fewer."));

  v1::ListTeamsRequest list;
  list.set_org_name(kAcme);
  Result<v1::ListTeamsResponse> teams = jdoe(&Orgs::ListTeams, list);
  ASSERT_THAT(teams.status, IsOk());
  std::vector<std::string> names;
  for (const v1::Team& t : teams.response.teams()) names.push_back(t.name());
  EXPECT_THAT(names, UnorderedElementsAre("data-eng", "frontend", "payments", "platform", "sre"));

  // Display name and a stack permission in one change, then edit and remove the permission.
  auto update = ForTeam<v1::UpdateTeamRequest>("sre");
  update.set_new_display_name("SRE");
  update.mutable_add_stack_permission()->set_project_name("payments-api");
  update.mutable_add_stack_permission()->set_stack_name("prod");
  update.mutable_add_stack_permission()->set_permission(101);
  ASSERT_THAT(jdoe(&Orgs::UpdateTeam, update).status, IsOk());
  auto get = ForTeam<v1::GetTeamRequest>("sre");
  Result<v1::GetTeamResponse> got = jdoe(&Orgs::GetTeam, get);
  ASSERT_THAT(got.status, IsOk());
  EXPECT_EQ(got.response.team().display_name(), "SRE");
  EXPECT_EQ(got.response.team().description(), "Keeps the lights on");
  ASSERT_THAT(got.response.team().stacks(), SizeIs(1));
  EXPECT_EQ(got.response.team().stacks(0).stack_name(), "prod");
  EXPECT_EQ(got.response.team().stacks(0).permission(), 101);
  EXPECT_EQ(got.response.team().stacks(0).permission_set_name(), "Stack Read");

  auto edit = ForTeam<v1::UpdateTeamRequest>("sre");
  edit.mutable_edit_stack_permission()->set_project_name("payments-api");
  edit.mutable_edit_stack_permission()->set_stack_name("prod");
  edit.mutable_edit_stack_permission()->set_permission(103);
  edit.mutable_add_environment_permission()->set_project_name("payments-api");
  edit.mutable_add_environment_permission()->set_env_name("prod");
  edit.mutable_add_environment_permission()->set_permission("open");
  edit.mutable_add_environment_permission()->set_max_open_duration("1h0m0s");
  edit.set_member_action("add");
  edit.set_member("lnguyen");
  ASSERT_THAT(jdoe(&Orgs::UpdateTeam, edit).status, IsOk());
  got = jdoe(&Orgs::GetTeam, get);
  ASSERT_THAT(got.response.team().stacks(), SizeIs(1));
  EXPECT_EQ(got.response.team().stacks(0).permission(), 103);
  EXPECT_EQ(got.response.team().stacks(0).permission_set_name(), "Stack Admin");
  ASSERT_THAT(got.response.team().environments(), SizeIs(1));
  EXPECT_EQ(got.response.team().environments(0).permission(), "open");
  EXPECT_EQ(got.response.team().environments(0).max_open_duration(), "1h0m0s");
  EXPECT_THAT(TeamMembers(jdoe, "sre"), ElementsAre(Pair("lnguyen", "member")));

  // Refused changes leave the team as it was.
  auto nothing = ForTeam<v1::UpdateTeamRequest>("sre");
  EXPECT_THAT(jdoe(&Orgs::UpdateTeam, nothing).status,
              StatusIs(Code::INVALID_ARGUMENT, "Bad Request: No changes to apply."));
  auto unknown_stack = ForTeam<v1::UpdateTeamRequest>("sre");
  unknown_stack.set_new_display_name("Renamed");
  unknown_stack.mutable_add_stack_permission()->set_project_name("payments-api");
  unknown_stack.mutable_add_stack_permission()->set_stack_name("no-such-stack");
  unknown_stack.mutable_add_stack_permission()->set_permission(101);
  EXPECT_THAT(jdoe(&Orgs::UpdateTeam, unknown_stack).status,
              StatusIs(Code::INVALID_ARGUMENT, "addStackPermission names an unknown stack"));
  auto bad_permission = ForTeam<v1::UpdateTeamRequest>("sre");
  bad_permission.mutable_edit_stack_permission()->set_project_name("payments-api");
  bad_permission.mutable_edit_stack_permission()->set_stack_name("prod");
  bad_permission.mutable_edit_stack_permission()->set_permission(7);
  EXPECT_THAT(jdoe(&Orgs::UpdateTeam, bad_permission).status,
              StatusIs(Code::INVALID_ARGUMENT, "invalid stack permission"));
  auto missing_team = ForTeam<v1::UpdateTeamRequest>("no-such-team");
  missing_team.set_new_display_name("x");
  EXPECT_THAT(jdoe(&Orgs::UpdateTeam, missing_team).status,
              StatusIs(Code::NOT_FOUND, "Team 'no-such-team' not found."));
  Result<v1::GetTeamResponse> unchanged = jdoe(&Orgs::GetTeam, get);
  EXPECT_EQ(unchanged.response.team().display_name(), "SRE");
  EXPECT_EQ(unchanged.response.team().stacks(0).permission(), 103);

  // 0 is a real permission ("None"), not an absent field.
  auto to_none = ForTeam<v1::UpdateTeamRequest>("sre");
  to_none.mutable_edit_stack_permission()->set_project_name("payments-api");
  to_none.mutable_edit_stack_permission()->set_stack_name("prod");
  to_none.mutable_edit_stack_permission()->set_permission(0);
  EXPECT_THAT(jdoe(&Orgs::UpdateTeam, to_none).status, IsOk());
  Result<v1::GetTeamResponse> none = jdoe(&Orgs::GetTeam, get);
  ASSERT_THAT(none.response.team().stacks(), SizeIs(1));
  EXPECT_EQ(none.response.team().stacks(0).permission(), 0);
  EXPECT_EQ(none.response.team().stacks(0).permission_set_name(), "None");

  auto remove_stack = ForTeam<v1::UpdateTeamRequest>("sre");
  remove_stack.mutable_remove_stack()->set_project_name("payments-api");
  remove_stack.mutable_remove_stack()->set_stack_name("prod");
  ASSERT_THAT(jdoe(&Orgs::UpdateTeam, remove_stack).status, IsOk());
  EXPECT_THAT(jdoe(&Orgs::GetTeam, get).response.team().stacks(), IsEmpty());

  // Delete it.
  ASSERT_THAT(jdoe(&Orgs::DeleteTeam, ForTeam<v1::DeleteTeamRequest>("sre")).status, IsOk());
  EXPECT_THAT(jdoe(&Orgs::GetTeam, get).status,
              StatusIs(Code::NOT_FOUND, "Not Found: Team 'sre' not found."));
  EXPECT_THAT(jdoe(&Orgs::DeleteTeam, ForTeam<v1::DeleteTeamRequest>("sre")).status,
              StatusIs(Code::NOT_FOUND, "Team 'sre' not found."));
  teams = jdoe(&Orgs::ListTeams, list);
  EXPECT_THAT(teams.response.teams(), SizeIs(4));

  EXPECT_THAT(AuditEventsSinceStart(jdoe, kAcme),
              ElementsAre("team.create", "team.update", "team.stack.add", "team.member.add",
                          "team.stack.edit", "team.environment.add", "team.stack.edit",
                          "team.stack.remove", "team.delete"));
}

TEST_F(OrganizationTest, TeamsAreReadableByMembersButManagedByAdmins) {
  Caller rkumar = As(kRkumarToken);
  Result<v1::GetTeamResponse> payments =
      rkumar(&Orgs::GetTeam, ForTeam<v1::GetTeamRequest>("payments"));
  ASSERT_THAT(payments.status, IsOk());
  EXPECT_EQ(payments.response.team().user_role(), "member");
  ASSERT_THAT(payments.response.team().stacks(), SizeIs(2));
  EXPECT_EQ(payments.response.team().stacks(0).permission_set_name(), "Stack Admin");
  Result<v1::GetTeamResponse> github =
      rkumar(&Orgs::GetTeam, ForTeam<v1::GetTeamRequest>("data-eng"));
  EXPECT_EQ(github.response.team().kind(), "github");

  v1::CreateTeamRequest create;
  create.set_org_name(kAcme);
  create.set_name("rogue");
  EXPECT_THAT(rkumar(&Orgs::CreateTeam, create).status,
              StatusIs(Code::PERMISSION_DENIED, "Only admins of organization 'acme-corp'"));
  EXPECT_THAT(rkumar(&Orgs::DeleteTeam, ForTeam<v1::DeleteTeamRequest>("payments")).status,
              StatusIs(Code::PERMISSION_DENIED, "Only admins"));
  v1::ListTeamsRequest initech;
  initech.set_org_name("initech");
  EXPECT_THAT(rkumar(&Orgs::ListTeams, initech).status,
              StatusIs(Code::NOT_FOUND, "Organization 'initech' not found."));
  Caller jdoe = As(kJdoeToken);
  EXPECT_THAT(TeamMembers(jdoe, "payments"),
              UnorderedElementsAre(Pair("jdoe", "admin"), Pair("rkumar", "member")));
}

TEST_F(OrganizationTest, ListMembersPagesThroughEveryMemberOnce) {
  Caller jdoe = As(kJdoeToken);
  v1::ListMembersRequest request;
  request.set_org_name(kAcme);
  request.set_type("frontend");
  std::vector<std::string> logins;
  std::vector<int> page_sizes;
  for (int page = 0; page < 10; ++page) {
    Result<v1::ListMembersResponse> got = jdoe(&Orgs::ListMembers, request);
    ASSERT_THAT(got.status, IsOk());
    page_sizes.push_back(got.response.members_size());
    for (const v1::OrganizationMember& m : got.response.members()) {
      logins.push_back(m.user().github_login());
    }
    if (got.response.continuation_token().empty()) break;
    request.set_continuation_token(got.response.continuation_token());
  }
  EXPECT_THAT(page_sizes, ElementsAre(5, 2));
  EXPECT_THAT(logins, SizeIs(kSeededAcmeMembers.size()));
  EXPECT_EQ(std::set<std::string>(logins.begin(), logins.end()), kSeededAcmeMembers);

  // The client's pager sees the same members, with roles and custom roles.
  std::map<std::string, v1::OrganizationMember> members = Members(jdoe, kAcme);
  EXPECT_EQ(Logins(members), kSeededAcmeMembers);
  EXPECT_EQ(members.at("jdoe").role(), "admin");
  EXPECT_EQ(members.at("mchen").role(), "billing-manager");
  EXPECT_EQ(members.at("rkumar").fga_role().name(), "Payments Operator");
  EXPECT_EQ(members.at("jdoe").user().email(), "jdoe@acme.example");
  EXPECT_THAT(members.at("jdoe").teams(), UnorderedElementsAre("payments", "platform"));

  v1::ListMembersRequest bad_type;
  bad_type.set_org_name(kAcme);
  bad_type.set_type("everyone");
  EXPECT_THAT(jdoe(&Orgs::ListMembers, bad_type).status,
              StatusIs(Code::INVALID_ARGUMENT, "Bad Request: invalid query parameter 'type'"));
  v1::ListMembersRequest bad_token;
  bad_token.set_org_name(kAcme);
  bad_token.set_continuation_token("not-a-token");
  EXPECT_THAT(jdoe(&Orgs::ListMembers, bad_token).status,
              StatusIs(Code::INVALID_ARGUMENT, "continuation token"));
}

}  // namespace
}  // namespace pulumi_gateway::e2e
