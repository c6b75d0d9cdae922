#include "gateway/server/who_am_i.h"

#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

namespace v1 = ::pulumi::service::v1;

// GetCurrentUser's answer from its upstream JSON.
v1::GetCurrentUserResponse User(const std::string& json) {
  v1::GetCurrentUserResponse user;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(json, &user, options).ok()) << json;
  return user;
}

struct Case {
  const char* name;
  const char* user_json;
  v1::TokenKind kind;
  const char* user_login;
  const char* organization;
  const char* team;
};

TEST(DescribeIdentityTest, TokenKinds) {
  const Case cases[] = {
      {"personal with tokenInfo",
       R"({"name":"Jane Doe","githubLogin":"jdoe","organizations":[{"githubLogin":"acme"}],
           "tokenInfo":{"name":"laptop"}})",
       v1::TOKEN_KIND_PERSONAL, "jdoe", "", ""},
      {"personal without tokenInfo",
       R"({"name":"Jane Doe","githubLogin":"jdoe","organizations":[{"githubLogin":"acme"}]})",
       v1::TOKEN_KIND_PERSONAL, "jdoe", "", ""},
      {"organization from tokenInfo",
       R"({"name":"acme","githubLogin":"acme","organizations":[{"githubLogin":"acme"}],
           "tokenInfo":{"name":"ci","organization":"acme"}})",
       v1::TOKEN_KIND_ORGANIZATION, "", "acme", ""},
      {"team from tokenInfo",
       R"({"name":"acme","githubLogin":"acme","organizations":[{"githubLogin":"acme"}],
           "tokenInfo":{"name":"deploy","organization":"acme","team":"platform"}})",
       v1::TOKEN_KIND_TEAM, "", "acme", "platform"},
      {"team without the organization in tokenInfo",
       R"({"name":"acme","githubLogin":"acme","tokenInfo":{"team":"platform"}})",
       v1::TOKEN_KIND_TEAM, "", "acme", "platform"},
      {"organization without tokenInfo: the login is one of its organizations",
       R"({"name":"acme","githubLogin":"acme","organizations":[{"githubLogin":"acme"}]})",
       v1::TOKEN_KIND_ORGANIZATION, "", "acme", ""},
      {"tokenInfo present but empty: a personal token even if the login matches an org",
       R"({"name":"acme","githubLogin":"acme","organizations":[{"githubLogin":"acme"}],
           "tokenInfo":{"name":"odd"}})",
       v1::TOKEN_KIND_PERSONAL, "acme", "", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const v1::WhoAmIResponse out = DescribeIdentity(User(c.user_json), CredentialOrigin());
    EXPECT_EQ(out.token_kind(), c.kind);
    EXPECT_EQ(out.user_login(), c.user_login);
    EXPECT_EQ(out.organization(), c.organization);
    EXPECT_EQ(out.team(), c.team);
  }
}

TEST(DescribeIdentityTest, CopiesNamesOrganizationsAndOrigin) {
  CredentialOrigin origin;
  origin.source = v1::CREDENTIAL_SOURCE_TENANT;
  origin.tenant = "payments";
  origin.caller = "spiffe://corp.example/ns/ci/sa/deployer";
  const v1::WhoAmIResponse out =
      DescribeIdentity(User(R"({"name":"Jane Doe","githubLogin":"jdoe","email":"jdoe@example.com",
               "organizations":[{"githubLogin":"acme"},{"githubLogin":"globex"}],
               "tokenInfo":{"name":"laptop"}})"),
                       origin);
  EXPECT_EQ(out.name(), "Jane Doe");
  EXPECT_EQ(out.token_name(), "laptop");
  ASSERT_EQ(out.organizations_size(), 2);
  EXPECT_EQ(out.organizations(0), "acme");
  EXPECT_EQ(out.organizations(1), "globex");
  EXPECT_EQ(out.credential_source(), v1::CREDENTIAL_SOURCE_TENANT);
  EXPECT_EQ(out.tenant(), "payments");
  EXPECT_EQ(out.caller(), "spiffe://corp.example/ns/ci/sa/deployer");
}

TEST(OriginOfTest, EveryCredentialSource) {
  CallIdentity caller;
  caller.authorization = "token pul-test-caller";
  caller.source = CredentialSource::kCaller;
  EXPECT_EQ(OriginOf(caller).source, v1::CREDENTIAL_SOURCE_CALLER);
  CallIdentity service;
  service.source = CredentialSource::kService;
  EXPECT_EQ(OriginOf(service).source, v1::CREDENTIAL_SOURCE_SERVICE);
  CallIdentity tenant;
  tenant.source = CredentialSource::kTenant;
  tenant.tenant = "payments";
  tenant.caller = "spiffe://corp.example/ns/ci/sa/deployer";
  const CredentialOrigin origin = OriginOf(tenant);
  EXPECT_EQ(origin.source, v1::CREDENTIAL_SOURCE_TENANT);
  EXPECT_EQ(origin.tenant, "payments");
  EXPECT_EQ(origin.caller, "spiffe://corp.example/ns/ci/sa/deployer");
}

TEST(DescribeIdentityTest, NameFallsBackToTheLogin) {
  EXPECT_EQ(DescribeIdentity(User(R"({"githubLogin":"acme"})"), CredentialOrigin()).name(), "acme");
}

}  // namespace
}  // namespace pulumi_gateway
