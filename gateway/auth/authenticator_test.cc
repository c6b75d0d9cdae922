#include "gateway/auth/authenticator.h"

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(TokenFromAuthorizationTest, AcceptsTokenAndBearerSchemes) {
  struct Row {
    std::string value;
    std::string token;
  };
  for (const Row& row : std::vector<Row>{
           {"token pul-abc", "pul-abc"},
           {"Token pul-abc", "pul-abc"},
           {"Bearer pul-abc", "pul-abc"},
           {"bearer   pul-abc  ", "pul-abc"},
       }) {
    SCOPED_TRACE(row.value);
    absl::StatusOr<std::string> token = TokenFromAuthorization(row.value);
    ASSERT_TRUE(token.ok()) << token.status();
    EXPECT_EQ(*token, row.token);
  }
}

TEST(TokenFromAuthorizationTest, RejectsMalformedValuesWithoutEchoingThem) {
  for (std::string value :
       {std::string(""), std::string("pul-secret1"), std::string("Basic pul-secret1"),
        std::string("token "), std::string("token pul-sec\r\nret1"),
        std::string("token pul-sec ret1"), std::string("token pul-\0secret1", 17),
        "token " + std::string(kMaxTokenLength + 1, 'a')}) {
    SCOPED_TRACE(value);
    absl::StatusOr<std::string> token = TokenFromAuthorization(value);
    ASSERT_FALSE(token.ok());
    EXPECT_EQ(token.status().code(), absl::StatusCode::kUnauthenticated);
    EXPECT_THAT(std::string(token.status().message()), Not(HasSubstr("secret1")));
  }
}

TEST(AuthenticatorTest, PassthroughForwardsCallerTokenAsTokenScheme) {
  Authenticator auth;
  absl::StatusOr<std::string> header = auth.UpstreamAuthorization("Bearer pul-caller");
  ASSERT_TRUE(header.ok());
  EXPECT_EQ(*header, "token pul-caller");
}

TEST(AuthenticatorTest, PassthroughWithoutMetadataIsUnauthenticated) {
  Authenticator auth;
  absl::StatusOr<std::string> header = auth.UpstreamAuthorization(std::nullopt);
  ASSERT_FALSE(header.ok());
  EXPECT_EQ(header.status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_THAT(std::string(header.status().message()), HasSubstr("missing authorization"));
}

TEST(AuthenticatorTest, ServiceModeIgnoresCallerMetadata) {
  Authenticator auth("pul-service");
  EXPECT_EQ(auth.mode(), AuthMode::kService);
  EXPECT_EQ(*auth.UpstreamAuthorization(std::nullopt), "token pul-service");
  EXPECT_EQ(*auth.UpstreamAuthorization("token pul-caller"), "token pul-service");
}

TEST(AuthenticatorTest, ResolveReportsTheCredentialSource) {
  CallerInfo caller;
  caller.authorization = "Bearer pul-caller";
  absl::StatusOr<Credential> passthrough = Authenticator().Resolve(caller);
  ASSERT_TRUE(passthrough.ok()) << passthrough.status();
  EXPECT_EQ(passthrough->authorization, "token pul-caller");
  EXPECT_EQ(passthrough->source, CredentialSource::kCaller);
  EXPECT_EQ(passthrough->tenant, "");

  absl::StatusOr<Credential> service = Authenticator("pul-service").Resolve(caller);
  ASSERT_TRUE(service.ok()) << service.status();
  EXPECT_EQ(service->authorization, "token pul-service");
  EXPECT_EQ(service->source, CredentialSource::kService);
  EXPECT_EQ(CredentialSourceName(service->source), "service");
}

class TenantAuthenticatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static int counter = 0;
    dir_ = absl::StrCat(std::getenv("TEST_TMPDIR"), "/tenants-", ++counter);
    ASSERT_EQ(mkdir(dir_.c_str(), 0755), 0);
    std::ofstream(dir_ + "/payments") << "pul-test-payments-1\n";
    std::ofstream(dir_ + "/billing") << "pul-test-billing-1\n";
    TenantTokensOptions options;
    options.tokens_dir = dir_;
    absl::StatusOr<std::unique_ptr<TenantTokens>> tenants = TenantTokens::Load(options);
    ASSERT_TRUE(tenants.ok()) << tenants.status();
    tenants_ = *std::move(tenants);
  }

  std::string dir_;
  std::unique_ptr<TenantTokens> tenants_;
};

TEST_F(TenantAuthenticatorTest, CertificateIdentityPicksTheTenantTokenAndIgnoresTheCallerToken) {
  Authenticator auth(CallerIdentityOptions{}, tenants_.get());
  EXPECT_EQ(auth.mode(), AuthMode::kService);
  ASSERT_TRUE(auth.caller_identity().has_value());
  CallerInfo caller;
  caller.authorization = "token pul-caller";
  caller.certificate = PeerCertificate{.common_name = "billing"};
  absl::StatusOr<Credential> credential = auth.Resolve(caller);
  ASSERT_TRUE(credential.ok()) << credential.status();
  EXPECT_EQ(credential->authorization, "token pul-test-billing-1");
  EXPECT_EQ(credential->tenant, "billing");
  EXPECT_EQ(credential->caller, "billing");
  EXPECT_EQ(credential->source, CredentialSource::kTenant);
  EXPECT_EQ(CredentialSourceName(credential->source), "tenant");
}

TEST_F(TenantAuthenticatorTest, UnknownCallerIsPermissionDeniedNamingTheCallerOnly) {
  Authenticator auth(CallerIdentityOptions{}, tenants_.get());
  CallerInfo caller;
  caller.authorization = "token pul-caller";
  caller.certificate = PeerCertificate{.common_name = "intruder"};
  absl::StatusOr<Credential> credential = auth.Resolve(caller);
  ASSERT_FALSE(credential.ok());
  EXPECT_EQ(credential.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(std::string(credential.status().message()), HasSubstr("\"intruder\""));
  EXPECT_THAT(std::string(credential.status().message()), Not(HasSubstr("pul-")));
}

TEST_F(TenantAuthenticatorTest, CallsThatCannotBeIdentifiedAreUnauthenticated) {
  Authenticator auth(CallerIdentityOptions{}, tenants_.get());
  EXPECT_EQ(auth.UpstreamAuthorization("token pul-caller").status().code(),
            absl::StatusCode::kUnauthenticated);

  CallerIdentityOptions header;
  header.source = CallerIdentitySource::kHeader;
  header.trusted_proxies = *ParseIpRanges("10.0.0.0/8");
  Authenticator by_header(header, tenants_.get());
  CallerInfo caller;
  caller.peer = "ipv4:127.0.0.1:4000";
  caller.identity_header = "payments";
  EXPECT_EQ(by_header.Resolve(caller).status().code(), absl::StatusCode::kUnauthenticated);
  caller.peer = "ipv4:10.0.0.5:4000";
  EXPECT_EQ(by_header.Resolve(caller)->authorization, "token pul-test-payments-1");
}

TEST(ParseAuthModeTest, KnownAndUnknownModes) {
  EXPECT_EQ(*ParseAuthMode("passthrough"), AuthMode::kPassthrough);
  EXPECT_EQ(*ParseAuthMode("service"), AuthMode::kService);
  absl::StatusOr<AuthMode> bad = ParseAuthMode("mtls");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(std::string(bad.status().message()), HasSubstr("passthrough or service"));
}

}  // namespace
}  // namespace pulumi_gateway
