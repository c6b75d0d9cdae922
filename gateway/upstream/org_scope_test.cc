// ReadScope/WriteScope/Affects row by row: every path shape the routes produce, encodings, and the
// writes that must invalidate everything.
#include "gateway/upstream/org_scope.h"

#include <string>

#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

using Kind = OrgScope::Kind;

struct Row {
  const char* path;
  Kind kind;
  const char* org;
};

TEST(OrgScopeTest, ReadScopeOfEveryPathShape) {
  const Row rows[] = {
      {"/api/stacks/acme-corp/payments-api/prod", Kind::kOrg, "acme-corp"},
      {"/api/stacks/acme-corp/payments-api/prod/updates?page=1&pageSize=10", Kind::kOrg,
       "acme-corp"},
      {"/api/stacks/acme-corp/payments-api", Kind::kOrg, "acme-corp"},
      {"/api/orgs/globex/members?type=backend", Kind::kOrg, "globex"},
      {"/api/orgs/globex/auditlogs/v2/export", Kind::kOrg, "globex"},
      {"/api/orgs/Acme%2DCorp/teams", Kind::kOrg, "acme-corp"},
      {"/api/user/stacks?organization=acme-corp", Kind::kOrg, "acme-corp"},
      {"/api/user/stacks?maxResults=5&organization=GLOBEX&project=x", Kind::kOrg, "globex"},
      {"/api/user/stacks", Kind::kUnknown, ""},
      {"/api/user/stacks?project=x&continuationToken=abc", Kind::kUnknown, ""},
      {"/api/user/stacks?organizationX=acme-corp", Kind::kUnknown, ""},
      {"/api/user", Kind::kUnknown, ""},
      {"/api/stacks//p/s", Kind::kUnknown, ""},
      {"/api/orgs", Kind::kUnknown, ""},
      {"/api/user/stacks?organization=", Kind::kUnknown, ""},
      {"/elsewhere/stacks/acme-corp", Kind::kUnknown, ""},
  };
  for (const Row& row : rows) {
    const OrgScope scope = ReadScope(row.path);
    EXPECT_EQ(scope.kind, row.kind) << row.path;
    EXPECT_EQ(scope.org, row.org) << row.path;
  }
}

TEST(OrgScopeTest, WriteScopeIsTheOrgOrEverything) {
  const Row rows[] = {
      {"/api/stacks/acme-corp/payments-api/prod/tags", Kind::kOrg, "acme-corp"},
      {"/api/stacks/acme-corp/payments-api", Kind::kOrg, "acme-corp"},
      {"/api/stacks/acme-corp/payments-api/prod/rename", Kind::kOrg, "acme-corp"},
      {"/api/orgs/globex/members/eve", Kind::kOrg, "globex"},
      {"/api/stacks/acme-corp/payments-api/prod/transfer", Kind::kEverything, ""},
      {"/api/stacks/acme-corp/payments-api/prod/transfer?x=1", Kind::kEverything, ""},
      {"/api/user", Kind::kEverything, ""},
      {"/api/something/new", Kind::kEverything, ""},
  };
  for (const Row& row : rows) {
    const OrgScope scope = WriteScope(row.path);
    EXPECT_EQ(scope.kind, row.kind) << row.path;
    EXPECT_EQ(scope.org, row.org) << row.path;
  }
}

TEST(OrgScopeTest, AffectsOnlyTheSameOrgUnlessEitherSideIsUnbounded) {
  const OrgScope acme{Kind::kOrg, "acme-corp"};
  const OrgScope globex{Kind::kOrg, "globex"};
  const OrgScope unknown{Kind::kUnknown, ""};
  const OrgScope everything{Kind::kEverything, ""};
  EXPECT_TRUE(Affects(acme, acme));
  EXPECT_FALSE(Affects(acme, globex));
  EXPECT_TRUE(Affects(acme, unknown));
  EXPECT_TRUE(Affects(everything, globex));
  EXPECT_TRUE(Affects(everything, unknown));
}

}  // namespace
}  // namespace pulumi_gateway
