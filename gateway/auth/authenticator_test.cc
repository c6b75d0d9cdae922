#include "gateway/auth/authenticator.h"

#include <string>

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

TEST(ParseAuthModeTest, KnownAndUnknownModes) {
  EXPECT_EQ(*ParseAuthMode("passthrough"), AuthMode::kPassthrough);
  EXPECT_EQ(*ParseAuthMode("service"), AuthMode::kService);
  absl::StatusOr<AuthMode> bad = ParseAuthMode("mtls");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(std::string(bad.status().message()), HasSubstr("passthrough or service"));
}

}  // namespace
}  // namespace pulumi_gateway
