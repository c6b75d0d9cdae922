#include "gateway/auth/caller_identity.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

using ::testing::HasSubstr;

TEST(CertificateIdentityTest, PrefersSpiffeThenUriThenDnsThenCommonName) {
  struct Row {
    std::string name;
    PeerCertificate certificate;
    std::optional<std::string> identity;
  };
  for (const Row& row : std::vector<Row>{
           {"spiffe id",
            {.spiffe_id = "spiffe://corp.test/ns/a/sa/b",
            .uris = {"spiffe://corp.test/ns/a/sa/b"},
            .dns_names = {"b.a.svc"},
            .common_name = "b"},
            "spiffe://corp.test/ns/a/sa/b"},
           {"several spiffe uris: the first spiffe one",
            {.uris = {"https://corp.test/x", "spiffe://corp.test/one", "spiffe://corp.test/two"},
            .dns_names = {"b.a.svc"}},
            "spiffe://corp.test/one"},
           {"uri over dns",
            {.uris = {"https://corp.test/x"}, .dns_names = {"b.a.svc"}, .common_name = "b"},
            "https://corp.test/x"},
           {"first dns over cn",
            {.dns_names = {"billing.internal", "other.internal"}, .common_name = "billing"},
            "billing.internal"},
           {"cn alone", {.common_name = "payments-worker"}, "payments-worker"},
           {"untyped sans: spiffe uri first",
            {.subject_alt_names = {"127.0.0.1", "billing.internal", "spiffe://corp.test/b"},
            .common_name = "b"},
            "spiffe://corp.test/b"},
           {"untyped sans: dns, not ip or e-mail",
            {.subject_alt_names = {"10.0.0.1", "ops@corp.test", "billing.internal"},
            .common_name = "b"},
            "billing.internal"},
           {"untyped sans without a name: cn",
            {.subject_alt_names = {"10.0.0.1", "::1"}, .common_name = "b"},
            "b"},
           {"nothing", {}, std::nullopt},
       }) {
    SCOPED_TRACE(row.name);
    EXPECT_EQ(CertificateIdentity(row.certificate), row.identity);
  }
}

TEST(IdentifyCallerTest, MtlsUsesTheVerifiedCertificate) {
  CallerIdentityOptions options;
  CallerInfo caller;
  caller.identity_header = "forged";  // ignored in mTLS mode
  caller.certificate = PeerCertificate{.dns_names = {"billing.internal"}, .common_name = "b"};
  EXPECT_EQ(*IdentifyCaller(options, caller), "billing.internal");

  caller.certificate.reset();
  absl::StatusOr<std::string> none = IdentifyCaller(options, caller);
  EXPECT_EQ(none.status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_THAT(std::string(none.status().message()), HasSubstr("no verified client certificate"));

  caller.certificate = PeerCertificate{};
  absl::StatusOr<std::string> nameless = IdentifyCaller(options, caller);
  EXPECT_EQ(nameless.status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_THAT(std::string(nameless.status().message()), HasSubstr("no URI or DNS"));

  caller.certificate = PeerCertificate{.common_name = "bad\nname"};
  absl::StatusOr<std::string> control = IdentifyCaller(options, caller);
  EXPECT_EQ(control.status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_THAT(std::string(control.status().message()), HasSubstr("printable ASCII"));
}

TEST(IdentifyCallerTest, HeaderIsBelievedOnlyFromTrustedProxies) {
  CallerIdentityOptions options;
  options.source = CallerIdentitySource::kHeader;
  options.header = "x-caller-identity";
  options.trusted_proxies = *ParseIpRanges("10.0.0.0/8,fd00::/8");
  CallerInfo caller;
  caller.identity_header = " payments ";
  caller.certificate = PeerCertificate{.common_name = "not-used"};  // ignored in header mode

  for (const std::string peer :
       {"ipv4:10.2.3.4:5000", "ipv6:%5Bfd00::9%5D:5000", "ipv6:[::ffff:10.9.9.9]:1"}) {
    SCOPED_TRACE(peer);
    caller.peer = peer;
    absl::StatusOr<std::string> identity = IdentifyCaller(options, caller);
    ASSERT_TRUE(identity.ok()) << identity.status();
    EXPECT_EQ(*identity, "payments");
  }
  for (const std::string peer :
       {"ipv4:127.0.0.1:5000", "ipv6:[::1]:5000", "unix:/run/socket", "ipv6:%5Bfe00::1%5D:5000"}) {
    SCOPED_TRACE(peer);
    caller.peer = peer;
    absl::StatusOr<std::string> identity = IdentifyCaller(options, caller);
    EXPECT_EQ(identity.status().code(), absl::StatusCode::kUnauthenticated);
    EXPECT_THAT(std::string(identity.status().message()),
                HasSubstr("x-caller-identity is only accepted from a trusted proxy"));
  }

  caller.peer = "ipv4:10.2.3.4:5000";
  caller.identity_header.reset();
  absl::StatusOr<std::string> missing = IdentifyCaller(options, caller);
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_THAT(std::string(missing.status().message()), HasSubstr("missing x-caller-identity"));

  for (const std::string& bad :
       {std::string(""), std::string("  "), std::string(kMaxCallerIdentityLength + 1, 'a'),
        std::string("a\x01z"), std::string("caf\xc3\xa9")}) {
    caller.identity_header = bad;
    absl::StatusOr<std::string> identity = IdentifyCaller(options, caller);
    EXPECT_EQ(identity.status().code(), absl::StatusCode::kUnauthenticated);
    EXPECT_THAT(std::string(identity.status().message()), HasSubstr("printable ASCII"));
  }
}

TEST(IdentifyCallerTest, NoTrustedProxiesTrustsNobody) {
  CallerIdentityOptions options;
  options.source = CallerIdentitySource::kHeader;
  CallerInfo caller;
  caller.peer = "ipv4:127.0.0.1:5000";
  caller.identity_header = "payments";
  EXPECT_EQ(IdentifyCaller(options, caller).status().code(), absl::StatusCode::kUnauthenticated);
}

TEST(ParseCallerIdentitySourceTest, KnownAndUnknown) {
  EXPECT_EQ(*ParseCallerIdentitySource("mtls"), CallerIdentitySource::kMtls);
  EXPECT_EQ(*ParseCallerIdentitySource("header"), CallerIdentitySource::kHeader);
  absl::StatusOr<CallerIdentitySource> bad = ParseCallerIdentitySource("jwt");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(std::string(bad.status().message()), HasSubstr("expected mtls or header"));
}

}  // namespace
}  // namespace pulumi_gateway
