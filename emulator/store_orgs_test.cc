// Store semantics: members, teams and audit logs.
#include <set>
#include <string>

#include "emulator/store_test_util.h"
#include "gmock/gmock.h"

namespace emulator {
namespace {

using ::testing::HasSubstr;

TEST_F(StoreTest, MembersPageWithoutDuplicates) {
  MembersQuery q;
  std::set<std::string> logins;
  int pages = 0;
  for (;;) {
    absl::StatusOr<Json> page = store_->ListMembers(rkumar_, "acme-corp", q);
    ASSERT_TRUE(page.ok()) << page.status();
    ++pages;
    for (const Json& m : (*page)["members"]) {
      EXPECT_TRUE(logins.insert(m["user"]["githubLogin"].get<std::string>()).second);
    }
    if (!page->contains("continuationToken")) break;
    q.continuation_token = (*page)["continuationToken"];
  }
  EXPECT_EQ(logins.size(), 7u);
  EXPECT_EQ(pages, 2);  // default page size 5
  Json first = (*store_->ListMembers(rkumar_, "acme-corp", {}))["members"][0];
  EXPECT_EQ(first["user"]["githubLogin"], "acme-ci");
  EXPECT_EQ(CodeOf(store_->ListMembers(eve_, "acme-corp", {})),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(CodeOf(store_->ListMembers(rkumar_, "acme-corp", {"garbage"})),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(StoreTest, AddMemberRules) {
  EXPECT_EQ(CodeOf(store_->AddMember(rkumar_, "acme-corp", "srivera", {{"role", "member"}})),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(CodeOf(store_->AddMember(jdoe_, "acme-corp", "srivera", {{"role", "owner"}})),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(CodeOf(store_->AddMember(jdoe_, "acme-corp", "ghost", {{"role", "member"}})),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(CodeOf(store_->AddMember(jdoe_, "acme-corp", "rkumar", {{"role", "member"}})),
            absl::StatusCode::kAlreadyExists);
  absl::StatusOr<Json> added =
      store_->AddMember(jdoe_, "acme-corp", "srivera", {{"role", "admin"}});
  ASSERT_TRUE(added.ok()) << added.status();
  EXPECT_EQ((*added)["role"], "admin");
  EXPECT_EQ((*added)["user"]["name"], "Sam Rivera");
  EXPECT_EQ((*added)["fgaRole"]["name"], "Admin");
  EXPECT_TRUE(store_->GetStack(srivera_, kProd).ok());  // membership grants visibility
  Json audit = (*store_->ListAuditLogs(jdoe_, "acme-corp", {true}))["auditLogEvents"][0];
  EXPECT_EQ(audit["event"], "member.add");
  EXPECT_EQ(audit["reqOrgAdmin"], true);
}

TEST_F(StoreTest, ChangeRoleAndRemove) {
  EXPECT_TRUE(store_->UpdateMember(jdoe_, "acme-corp", "rkumar", {{"role", "admin"}}).ok());
  EXPECT_EQ((*store_->ListMembers(jdoe_, "acme-corp", {"", 100}))["members"][5]["role"], "admin");
  EXPECT_EQ(store_->UpdateMember(jdoe_, "acme-corp", "rkumar", Json::object()).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->UpdateMember(jdoe_, "acme-corp", "eve", {{"role", "member"}}).code(),
            absl::StatusCode::kNotFound);
  EXPECT_TRUE(
      store_->UpdateMember(jdoe_, "acme-corp", "lnguyen", {{"fgaRoleId", "custom-role-1"}}).ok());
  Json audit = (*store_->ListAuditLogs(jdoe_, "acme-corp", {true}))["auditLogEvents"][0];
  EXPECT_EQ(audit["event"], "member.role.changed");
  absl::Status self = store_->RemoveMember(jdoe_, "acme-corp", "jdoe");
  EXPECT_EQ(self.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(self.message()), HasSubstr("cannot remove yourself"));
  ASSERT_TRUE(store_->RemoveMember(jdoe_, "acme-corp", "rkumar").ok());
  EXPECT_EQ(CodeOf(store_->GetStack(rkumar_, kProd)), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ((*store_->GetTeam(jdoe_, "acme-corp", "payments"))["members"].size(), 1u);
  EXPECT_EQ(store_->RemoveMember(jdoe_, "acme-corp", "rkumar").code(), absl::StatusCode::kNotFound);
}

TEST_F(StoreTest, LastAdminCannotBeDemoted) {
  ASSERT_TRUE(store_->UpdateMember(mchen_, "globex", "jdoe", {{"role", "admin"}}).ok());
  ASSERT_TRUE(store_->UpdateMember(jdoe_, "globex", "mchen", {{"role", "member"}}).ok());
  EXPECT_EQ(store_->UpdateMember(jdoe_, "globex", "jdoe", {{"role", "member"}}).code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(StoreTest, TeamsCreateUpdateDelete) {
  Json teams = *store_->ListTeams(rkumar_, "acme-corp");
  EXPECT_EQ(teams["teams"].size(), 4u);
  Json payments = *store_->GetTeam(rkumar_, "acme-corp", "payments");
  EXPECT_EQ(payments["userRole"], "member");
  EXPECT_EQ(CodeOf(store_->GetTeam(rkumar_, "acme-corp", "nope")), absl::StatusCode::kNotFound);

  Json body = {{"name", "sre"}, {"displayName", "SRE"}, {"description", "On call"}};
  EXPECT_EQ(CodeOf(store_->CreateTeam(rkumar_, "acme-corp", body)),
            absl::StatusCode::kPermissionDenied);
  absl::StatusOr<Json> created = store_->CreateTeam(jdoe_, "acme-corp", body);
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ((*created)["kind"], "pulumi");
  EXPECT_EQ((*created)["displayName"], "SRE");
  EXPECT_EQ(CodeOf(store_->CreateTeam(jdoe_, "acme-corp", body)), absl::StatusCode::kAlreadyExists);
  Json long_name = {{"name", "x"}, {"displayName", std::string(101, 'd')}};
  EXPECT_EQ(CodeOf(store_->CreateTeam(jdoe_, "acme-corp", long_name)),
            absl::StatusCode::kInvalidArgument);

  EXPECT_TRUE(
      store_->UpdateTeam(jdoe_, "acme-corp", "sre", {{"memberAction", "add"}, {"member", "rkumar"}})
          .ok());
  EXPECT_TRUE(
      store_
          ->UpdateTeam(
              jdoe_, "acme-corp", "sre",
              {{"memberAction", "promote"},
               {"member", "rkumar"},
               {"newDescription", "Pager"},
               {"addStackPermission",
                {{"projectName", "payments-api"}, {"stackName", "prod"}, {"permission", 102}}},
               {"addEnvironmentPermission",
                {{"projectName", "payments-api"}, {"envName", "prod"}, {"permission", "read"}}}})
          .ok());
  Json sre = *store_->GetTeam(rkumar_, "acme-corp", "sre");
  EXPECT_EQ(sre["members"][0]["role"], "admin");
  EXPECT_EQ(sre["userRole"], "admin");
  EXPECT_EQ(sre["description"], "Pager");
  EXPECT_EQ(sre["stacks"][0]["permissionSetName"], "Stack Write");
  EXPECT_EQ(sre["environments"][0]["permission"], "read");
  // Invalid changes are rejected as a whole.
  EXPECT_EQ(store_
                ->UpdateTeam(
                    jdoe_, "acme-corp", "sre",
                    {{"newDisplayName", "Changed"}, {"memberAction", "add"}, {"member", "rkumar"}})
                .code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ((*store_->GetTeam(rkumar_, "acme-corp", "sre"))["displayName"], "SRE");
  EXPECT_EQ(
      store_->UpdateTeam(jdoe_, "acme-corp", "sre", {{"memberAction", "add"}, {"member", "eve"}})
          .code(),
      absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store_
                ->UpdateTeam(jdoe_, "acme-corp", "sre",
                             {{"removeStack", {{"projectName", "x"}, {"stackName", "y"}}}})
                .code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->UpdateTeam(jdoe_, "acme-corp", "sre", Json::object()).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->UpdateTeam(jdoe_, "acme-corp", "nope", {{"newDescription", "x"}}).code(),
            absl::StatusCode::kNotFound);
  Json audit = (*store_->ListAuditLogs(jdoe_, "acme-corp", {true}))["auditLogEvents"];
  EXPECT_EQ(audit[0]["event"], "team.environment.add");
  EXPECT_EQ(audit[1]["event"], "team.stack.add");
  EXPECT_EQ(audit[2]["event"], "team.member.role.changed");
  EXPECT_EQ(audit[3]["event"], "team.update");
  EXPECT_EQ(audit[4]["event"], "team.member.add");

  EXPECT_TRUE(store_->DeleteTeam(jdoe_, "acme-corp", "sre").ok());
  EXPECT_EQ(store_->DeleteTeam(jdoe_, "acme-corp", "sre").code(), absl::StatusCode::kNotFound);
}

TEST_F(StoreTest, AuditV1NeedsStartTimeAndTreatsItAsUpperBound) {
  AuditQuery v1;
  EXPECT_EQ(CodeOf(store_->ListAuditLogs(jdoe_, "acme-corp", v1)),
            absl::StatusCode::kInvalidArgument);
  v1.start_time = 1754200000;
  v1.max_results = 100;
  Json older = (*store_->ListAuditLogs(jdoe_, "acme-corp", v1))["auditLogEvents"];
  EXPECT_EQ(older.size(), 7u);
  for (const Json& e : older) EXPECT_LE(e["timestamp"].get<int64_t>(), 1754200000);
  AuditQuery v2;
  v2.v2 = true;
  v2.start_time = 1754200000;
  v2.max_results = 100;
  Json newer = (*store_->ListAuditLogs(jdoe_, "acme-corp", v2))["auditLogEvents"];
  EXPECT_EQ(newer.size(), 8u);
  for (const Json& e : newer) EXPECT_GE(e["timestamp"].get<int64_t>(), 1754200000);
  v2.end_time = 1754290000;
  EXPECT_EQ((*store_->ListAuditLogs(jdoe_, "acme-corp", v2))["auditLogEvents"].size(), 4u);
}

TEST_F(StoreTest, AuditFiltersAndPaging) {
  AuditQuery q;
  q.v2 = true;
  q.user_filter = "acme-ci";
  EXPECT_EQ((*store_->ListAuditLogs(jdoe_, "acme-corp", q))["auditLogEvents"].size(), 3u);
  q.user_filter = "";
  q.event_filter = "stack.tag.add";
  EXPECT_EQ((*store_->ListAuditLogs(jdoe_, "acme-corp", q))["auditLogEvents"].size(), 2u);
  q.event_filter = "";
  q.user_filter = "ghost";
  EXPECT_EQ(CodeOf(store_->ListAuditLogs(jdoe_, "acme-corp", q)), absl::StatusCode::kNotFound);
  q.user_filter = "";
  q.max_results = 4;
  std::set<int64_t> seen;
  int pages = 0;
  for (;;) {
    Json page = *store_->ListAuditLogs(jdoe_, "acme-corp", q);
    ++pages;
    for (const Json& e : page["auditLogEvents"]) seen.insert(e["timestamp"].get<int64_t>());
    if (!page.contains("continuationToken")) break;
    q.continuation_token = page["continuationToken"];
  }
  EXPECT_EQ(seen.size(), 14u);
  EXPECT_EQ(pages, 4);
  EXPECT_EQ(CodeOf(store_->ListAuditLogs(rkumar_, "acme-corp", {true})),
            absl::StatusCode::kPermissionDenied);
  absl::StatusOr<Json> globex = store_->ListAuditLogs(mchen_, "globex", {true});
  EXPECT_EQ(CodeOf(globex), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(globex.status().message()), HasSubstr("Enterprise"));
}

TEST_F(StoreTest, TokensAuthenticateAsTheirKind) {
  absl::StatusOr<Caller> user =
      store_->Authenticate("pul-demo-jdoe-cli-0a1b2c3d4e5f60718293a4b5c6d7e8f9");
  ASSERT_TRUE(user.ok()) << user.status();
  EXPECT_EQ(user->login, "jdoe");
  EXPECT_EQ(user->token.kind, TokenKind::kPersonal);
  EXPECT_EQ(user->token.name, "jdoe-cli");
  absl::StatusOr<Caller> org =
      store_->Authenticate("pul-demo-org-acme-ci-6d1e8f2a4b7c4e9d8a0b1c2d3e4f5a6b");
  ASSERT_TRUE(org.ok()) << org.status();
  EXPECT_EQ(org->login, "acme-corp");
  EXPECT_EQ(org->token.kind, TokenKind::kOrganization);
  EXPECT_EQ(org->token.org, "acme-corp");
  absl::StatusOr<Caller> team =
      store_->Authenticate("pul-demo-team-platform-9e8d7c6b5a4f4e3d2c1b0a9f8e7d6c5b");
  ASSERT_TRUE(team.ok()) << team.status();
  EXPECT_EQ(team->login, "acme-corp");
  EXPECT_EQ(team->token.kind, TokenKind::kTeam);
  EXPECT_EQ(team->token.team, "platform");
  EXPECT_EQ(CodeOf(store_->Authenticate("")), absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(CodeOf(store_->Authenticate("pul-demo-nobody")), absl::StatusCode::kUnauthenticated);
}

TEST_F(StoreTest, OrgTokenIsAdminAndTeamTokenMemberOfTheirOrgOnly) {
  Caller org = *store_->Authenticate("pul-demo-org-acme-ci-6d1e8f2a4b7c4e9d8a0b1c2d3e4f5a6b");
  Caller team = *store_->Authenticate("pul-demo-team-platform-9e8d7c6b5a4f4e3d2c1b0a9f8e7d6c5b");
  org.source_ip = team.source_ip = "10.0.0.9";
  EXPECT_TRUE(store_->AddMember(org, "acme-corp", "srivera", {{"role", "member"}}).ok());
  EXPECT_TRUE(store_->ListAuditLogs(org, "acme-corp", {true}).ok());
  EXPECT_TRUE(store_->GetStack(team, kProd).ok());
  EXPECT_TRUE(store_->ListMembers(team, "acme-corp", {}).ok());
  EXPECT_EQ(CodeOf(store_->UpdateMember(team, "acme-corp", "srivera", {{"role", "admin"}})),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(CodeOf(store_->ListAuditLogs(team, "acme-corp", {true})),
            absl::StatusCode::kPermissionDenied);
  for (const Caller& c : {org, team}) {
    absl::StatusOr<Json> globex = store_->ListTeams(c, "globex");
    EXPECT_EQ(CodeOf(globex), absl::StatusCode::kPermissionDenied);
    EXPECT_THAT(std::string(globex.status().message()), HasSubstr("scoped to organization"));
  }
  // A personal caller named like the org gets nothing from the org's tokens.
  EXPECT_EQ(CodeOf(store_->ListTeams(Caller{"acme-corp", "10.0.0.9"}, "acme-corp")),
            absl::StatusCode::kPermissionDenied);
  // Deleting the team revokes its tokens.
  ASSERT_TRUE(store_->DeleteTeam(jdoe_, "acme-corp", "platform").ok());
  EXPECT_EQ(CodeOf(store_->Authenticate("pul-demo-team-platform-9e8d7c6b5a4f4e3d2c1b0a9f8e7d6c5b")),
            absl::StatusCode::kUnauthenticated);
}

TEST_F(StoreTest, CurrentUserOfEachTokenKind) {
  Json me = *store_->GetCurrentUser(
      *store_->Authenticate("pul-demo-rkumar-3c4d5e6f708192a3b4c5d6e7f8091a2b"));
  EXPECT_EQ(me["githubLogin"], "rkumar");
  EXPECT_EQ(me["name"], "Ravi Kumar");
  EXPECT_EQ(me["organizations"].size(), 1u);
  EXPECT_EQ(me["tokenInfo"], (Json{{"name", "rkumar-laptop"}}));
  Json team = *store_->GetCurrentUser(
      *store_->Authenticate("pul-demo-team-platform-9e8d7c6b5a4f4e3d2c1b0a9f8e7d6c5b"));
  EXPECT_EQ(team["githubLogin"], "acme-corp");
  EXPECT_EQ(team["tokenInfo"]["team"], "platform");
  EXPECT_EQ(CodeOf(store_->GetCurrentUser(Caller{"ghost", "10.0.0.9"})),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace emulator
