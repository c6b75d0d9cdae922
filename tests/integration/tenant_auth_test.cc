// Token custody through a gateway and the emulator, both in the test's process: in service mode
// with
// --tenant_tokens_dir, each caller (identified by its client certificate or by a header from a
// trusted proxy) gets its tenant's Pulumi token, a Secret update takes effect without a restart,
// and no token ever reaches the gateway's output.
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "emulator/demo_seed.h"
#include "emulator/request_log.h"
#include "emulator/server.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "pulumi/service/v1/stacks.grpc.pb.h"
#include "tests/support/harness.h"
#include "tests/support/metrics.h"

namespace pulumi_gateway::testing {
namespace {

namespace v1 = ::pulumi::service::v1;
using ::testing::HasSubstr;
using ::testing::Not;

// Demo tokens of the emulator's seed: jdoe is a member of acme-corp, eve only of globex.
constexpr char kJdoeToken[] = "pul-demo-jdoe-7f3a9c2e41b85d60f1e2a3b4c5d6e7f8";
constexpr char kEveToken[] = "pul-demo-eve-4f5e6d7c8b9a0f1e2d3c4b5a69788796";
// Identities of the certificates tests/support/gen_certs.sh writes.
constexpr char kSpiffeCaller[] = "spiffe://corp.test/ns/payments/sa/api";  // client-spiffe
constexpr char kCnCaller[] = "globex-worker";                              // client-cn

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::trunc);
  out << content;
  ASSERT_TRUE(out.good()) << path;
}

std::string TempPath(absl::string_view name) {
  static int counter = 0;
  return absl::StrCat(std::getenv("TEST_TMPDIR"), "/", name, "-", ++counter);
}

// A directory the way the kubelet maintains a Secret volume: each version in a new hidden
// directory, `..data` swapped to it with one rename, visible names symlinked through `..data`.
class SecretVolume {
 public:
  SecretVolume() : dir_(TempPath("tenants")) { EXPECT_EQ(mkdir(dir_.c_str(), 0755), 0); }

  void Write(const std::map<std::string, std::string>& files) {
    const std::string version = absl::StrCat("..2026_11_28_10_00_00.", ++version_);
    ASSERT_EQ(mkdir(absl::StrCat(dir_, "/", version).c_str(), 0755), 0);
    for (const auto& [name, content] : files) {
      WriteFile(absl::StrCat(dir_, "/", version, "/", name), content);
    }
    const std::string temporary = absl::StrCat(dir_, "/..data_tmp");
    ASSERT_EQ(symlink(version.c_str(), temporary.c_str()), 0);
    ASSERT_EQ(rename(temporary.c_str(), absl::StrCat(dir_, "/..data").c_str()), 0);
    for (const auto& [name, content] : files) {
      if (visible_.count(name) == 0) {
        ASSERT_EQ(
            symlink(absl::StrCat("..data/", name).c_str(), absl::StrCat(dir_, "/", name).c_str()),
            0);
      }
    }
    for (const auto& [name, content] : visible_) {
      if (files.count(name) == 0) {
        ASSERT_EQ(unlink(absl::StrCat(dir_, "/", name).c_str()), 0);
      }
    }
    visible_ = files;
  }

  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
  int version_ = 0;
  std::map<std::string, std::string> visible_;
};

// The result of one ListStacks call: the status and the organizations of the stacks seen.
struct StackView {
  grpc::Status status;
  std::set<std::string> orgs;
  int stacks = 0;
};

class TenantAuthTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    certs_ = new std::string(TempPath("certs"));
    const std::string command = absl::StrCat("tests/support/gen_certs.sh ", *certs_);
    ASSERT_EQ(std::system(command.c_str()), 0) << "openssl failed";
  }
  static std::string Cert(absl::string_view name) { return absl::StrCat(*certs_, "/", name); }

  void SetUp() override {
    emulator_ = StartEmulator();
    ASSERT_NE(emulator_, nullptr);
  }

  // The flags of a service-mode gateway with per-tenant tokens from `volume_`, edited by
  // `adjust`. No service token anywhere: a call can only succeed with its tenant's token.
  AdjustFlags TenantFlags(const AdjustFlags& adjust) {
    return [this, adjust](FlagValues& f) {
      f.metrics_listen = "127.0.0.1:0";
      f.log_level = "info";
      f.auth_mode = "service";
      f.tenant_tokens_dir = volume_.dir();
      f.tenant_reload_interval = absl::Milliseconds(100);
      if (adjust) adjust(f);
    };
  }
  std::unique_ptr<TestGateway> StartGateway(const AdjustFlags& adjust) {
    std::unique_ptr<TestGateway> gateway =
        TestGateway::Start(UpstreamUrl(*emulator_), TenantFlags(adjust));
    EXPECT_NE(gateway, nullptr);
    return gateway;
  }

  static void Mtls(FlagValues& f) {
    f.caller_identity = "mtls";
    f.tls_cert_file = Cert("server.pem");
    f.tls_key_file = Cert("server.key");
    f.tls_client_ca_file = Cert("ca.pem");
  }

  static std::shared_ptr<grpc::ChannelCredentials> ClientCert(absl::string_view name) {
    grpc::SslCredentialsOptions tls;
    tls.pem_root_certs = ReadFile(Cert("ca.pem"));
    tls.pem_cert_chain = ReadFile(Cert(absl::StrCat(name, ".pem")));
    tls.pem_private_key = ReadFile(Cert(absl::StrCat(name, ".key")));
    return grpc::SslCredentials(tls);
  }

  // ListStacks as a caller with `credentials` and `metadata`. The caller also sends eve's token as
  // its own authorization: in service mode that must never be used.
  static StackView ListStacks(const std::string& address,
                              std::shared_ptr<grpc::ChannelCredentials> credentials,
                              const std::vector<std::pair<std::string, std::string>>& metadata) {
    auto stub = v1::StacksService::NewStub(
        grpc::CreateCustomChannel(address, credentials, grpc::ChannelArguments()));
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(5)));
    context.AddMetadata("authorization", absl::StrCat("token ", kEveToken));
    for (const auto& [key, value] : metadata) context.AddMetadata(key, value);
    v1::ListStacksResponse response;
    StackView view;
    view.status = stub->ListStacks(&context, v1::ListStacksRequest(), &response);
    for (const v1::StackSummary& stack : response.stacks()) view.orgs.insert(stack.org_name());
    view.stacks = response.stacks_size();
    return view;
  }

  // The token the emulator saw on its most recent request (by fingerprint).
  std::string LastUpstreamToken() {
    std::vector<emulator::RequestRecord> records = emulator_->requests().Snapshot();
    if (records.empty()) return "(none)";
    const std::string& hash = records.back().token_hash;
    if (hash == emulator::TokenFingerprint(kJdoeToken)) return "jdoe";
    if (hash == emulator::TokenFingerprint(kEveToken)) return "eve";
    return "other";
  }

  static void ExpectNoToken(const TestGateway& gateway) { ExpectNoToken(gateway.LogText()); }
  static void ExpectNoToken(const std::string& output) {
    EXPECT_THAT(output, Not(HasSubstr(kJdoeToken)));
    EXPECT_THAT(output, Not(HasSubstr(kEveToken)));
    EXPECT_THAT(output, Not(HasSubstr("7f3a9c2e41b85d60")));
    EXPECT_THAT(output, Not(HasSubstr("4f5e6d7c8b9a0f1e")));
  }

  static std::string* certs_;
  std::unique_ptr<emulator::Server> emulator_;
  SecretVolume volume_;
};
std::string* TenantAuthTest::certs_ = nullptr;

TEST_F(TenantAuthTest, MtlsCallersGetTheirOwnTenantsView) {
  volume_.Write(
      {{"acme", absl::StrCat(kJdoeToken, "\n")}, {"globex", absl::StrCat(kEveToken, "\n")}});
  const std::string map = TempPath("map.json");
  WriteFile(map,
            absl::StrCat(R"({")", kSpiffeCaller, R"(": "acme", ")", kCnCaller, R"(": "globex"})"));
  auto gateway = StartGateway([map](FlagValues& f) {
    Mtls(f);
    f.tenant_map = map;
  });
  ASSERT_NE(gateway, nullptr);

  // The SPIFFE URI SAN maps to acme: jdoe's token, acme-corp's stacks.
  StackView acme = ListStacks(gateway->address(), ClientCert("client-spiffe"), {});
  ASSERT_TRUE(acme.status.ok()) << acme.status.error_message();
  EXPECT_GT(acme.stacks, 0);
  EXPECT_EQ(acme.orgs, std::set<std::string>{"acme-corp"});
  EXPECT_EQ(LastUpstreamToken(), "jdoe");

  // The subject CN maps to globex: eve's token, no acme-corp stack.
  StackView globex = ListStacks(gateway->address(), ClientCert("client-cn"), {});
  ASSERT_TRUE(globex.status.ok()) << globex.status.error_message();
  EXPECT_GT(globex.stacks, 0);
  EXPECT_EQ(globex.orgs.count("acme-corp"), 0u);
  EXPECT_EQ(LastUpstreamToken(), "eve");

  // A verified certificate that is not in the map (its identity is its DNS SAN "localhost"):
  // PERMISSION_DENIED naming the caller, and no upstream request.
  const int64_t before = emulator_->requests().Count("GET", "/api/*");
  StackView stranger =
      ListStacks(gateway->address(), ClientCert("client"), {{"x-caller-identity", kSpiffeCaller}});
  EXPECT_EQ(stranger.status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_THAT(stranger.status.error_message(), HasSubstr("caller \"localhost\""));
  EXPECT_THAT(stranger.status.error_message(), Not(HasSubstr("pul-")));
  EXPECT_EQ(emulator_->requests().Count("GET", "/api/*"), before);

  EXPECT_EQ(ScrapeSample(gateway->metrics_address(), "pulumi_gateway_tenants"), 2);
  EXPECT_EQ(ScrapeSample(gateway->metrics_address(), "pulumi_gateway_tenant_reload_failures_total"),
            0);
  ExpectNoToken(*gateway);
}

TEST_F(TenantAuthTest, ASecretUpdateChangesTheTokenWithoutARestart) {
  volume_.Write({{"globex-worker", absl::StrCat(kJdoeToken, "\n")}});
  // No map: the identity (the certificate's CN) is the tenant name.
  auto gateway = StartGateway(Mtls);
  ASSERT_NE(gateway, nullptr);
  StackView first = ListStacks(gateway->address(), ClientCert("client-cn"), {});
  ASSERT_TRUE(first.status.ok()) << first.status.error_message();
  EXPECT_EQ(first.orgs, std::set<std::string>{"acme-corp"});

  // Rotate the tenant's token the way the kubelet does; the gateway picks it up by itself.
  volume_.Write({{"globex-worker", absl::StrCat(kEveToken, "\n")}});
  StackView rotated;
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  do {
    rotated = ListStacks(gateway->address(), ClientCert("client-cn"), {});
  } while (rotated.orgs.count("acme-corp") > 0 && absl::Now() < deadline);
  ASSERT_TRUE(rotated.status.ok()) << rotated.status.error_message();
  EXPECT_EQ(rotated.orgs.count("acme-corp"), 0u) << "the old token is still in use";
  EXPECT_GT(rotated.stacks, 0);
  EXPECT_EQ(LastUpstreamToken(), "eve");
  EXPECT_EQ(ScrapeSample(gateway->metrics_address(), "pulumi_gateway_tenant_reloads_total"), 1);

  // Removing the tenant's key from the Secret stops its calls.
  volume_.Write({{"someone-else", absl::StrCat(kJdoeToken, "\n")}});
  StackView removed;
  const absl::Time removal_deadline = absl::Now() + absl::Seconds(10);
  do {
    removed = ListStacks(gateway->address(), ClientCert("client-cn"), {});
  } while (removed.status.ok() && absl::Now() < removal_deadline);
  EXPECT_EQ(removed.status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_THAT(removed.status.error_message(), HasSubstr("caller \"globex-worker\""));
  EXPECT_EQ(ScrapeSample(gateway->metrics_address(), "pulumi_gateway_tenants"), 1);

  const std::string output = gateway->LogText();
  EXPECT_THAT(output, HasSubstr("\"msg\":\"tenant tokens reloaded\""));
  EXPECT_THAT(output, HasSubstr("\"token_changed\":[\"globex-worker\"]"));
  EXPECT_THAT(output, HasSubstr("\"removed\":[\"globex-worker\"]"));
  ExpectNoToken(*gateway);
}

TEST_F(TenantAuthTest, HeaderIdentityIsBelievedOnlyFromTrustedProxies) {
  volume_.Write(
      {{"acme", absl::StrCat(kJdoeToken, "\n")}, {"globex", absl::StrCat(kEveToken, "\n")}});
  const auto plaintext = grpc::InsecureChannelCredentials();
  {
    auto gateway = StartGateway([](FlagValues& f) {
      f.caller_identity = "header";
      f.trusted_proxies = "10.0.0.0/8, 127.0.0.1/32";
      f.caller_header = "x-forwarded-service";
    });
    ASSERT_NE(gateway, nullptr);
    StackView acme = ListStacks(gateway->address(), plaintext, {{"x-forwarded-service", "acme"}});
    ASSERT_TRUE(acme.status.ok()) << acme.status.error_message();
    EXPECT_EQ(acme.orgs, std::set<std::string>{"acme-corp"});
    EXPECT_EQ(LastUpstreamToken(), "jdoe");

    StackView globex =
        ListStacks(gateway->address(), plaintext, {{"x-forwarded-service", "globex"}});
    ASSERT_TRUE(globex.status.ok()) << globex.status.error_message();
    EXPECT_EQ(globex.orgs.count("acme-corp"), 0u);
    EXPECT_EQ(LastUpstreamToken(), "eve");

    StackView unknown =
        ListStacks(gateway->address(), plaintext, {{"x-forwarded-service", "initech"}});
    EXPECT_EQ(unknown.status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
    EXPECT_THAT(unknown.status.error_message(), HasSubstr("caller \"initech\""));

    StackView missing = ListStacks(gateway->address(), plaintext, {});
    EXPECT_EQ(missing.status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
    EXPECT_THAT(missing.status.error_message(), HasSubstr("missing x-forwarded-service"));
    ExpectNoToken(*gateway);
  }
  {  // 127.0.0.1 is not a trusted proxy here: the same header is refused before any upstream call.
    auto gateway = StartGateway([](FlagValues& f) {
      f.caller_identity = "header";
      f.trusted_proxies = "10.0.0.0/8,::1/128";
    });
    ASSERT_NE(gateway, nullptr);
    const int64_t before = emulator_->requests().Count("GET", "/api/*");
    StackView refused = ListStacks(gateway->address(), plaintext, {{"x-caller-identity", "acme"}});
    EXPECT_EQ(refused.status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
    EXPECT_THAT(refused.status.error_message(),
                HasSubstr("x-caller-identity is only accepted from a trusted proxy"));
    EXPECT_EQ(emulator_->requests().Count("GET", "/api/*"), before);
    ExpectNoToken(*gateway);
  }
}

TEST_F(TenantAuthTest, BadTenantFlagsStopStartupNamingTheFlag) {
  volume_.Write({{"acme", absl::StrCat(kJdoeToken, "\n")}});
  const std::string bad_map = TempPath("bad-map.json");
  WriteFile(bad_map, R"({"svc": 7})");
  const std::string dir = volume_.dir();
  auto header = [](FlagValues& f) {
    f.caller_identity = "header";
    f.trusted_proxies = "127.0.0.1";
  };
  struct Row {
    AdjustFlags flags;
    std::string message;
  };
  for (const Row& row : std::vector<Row>{
           {[](FlagValues&) {}, "--caller_identity: required with --tenant_tokens_dir"},
           {[&](FlagValues& f) {
              header(f);
              f.auth_mode = "passthrough";
            },
            "--tenant_tokens_dir: needs --auth_mode=service"},
           {[&](FlagValues& f) {
              header(f);
              f.tenant_tokens_dir = dir + "-missing";
            },
            "--tenant_tokens_dir: cannot read"},
           {[](FlagValues& f) { f.caller_identity = "mtls"; },
            "--caller_identity: mtls needs --tls_client_ca_file"},
           {[](FlagValues& f) { f.caller_identity = "header"; },
            "--trusted_proxies: required with --caller_identity=header"},
           {[&](FlagValues& f) {
              header(f);
              f.trusted_proxies = "127.0.0.1/40";
            },
            "--trusted_proxies: \"127.0.0.1/40\" is not an IP range"},
           {[&](FlagValues& f) {
              header(f);
              f.tenant_map = bad_map;
            },
            "--tenant_map: the tenant map"},
           {[&](FlagValues& f) {
              header(f);
              f.caller_header = "Authorization";
            },
            "--caller_header:"},
           {[&](FlagValues& f) {
              f.tenant_tokens_dir = "";
              f.token_file = dir + "/acme";
              f.caller_identity = "mtls";
            },
            "--caller_identity: only applies with --tenant_tokens_dir"},
       }) {
    absl::StatusOr<std::unique_ptr<TestGateway>> gateway =
        TestGateway::TryStart(UpstreamUrl(*emulator_), TenantFlags(row.flags));
    ASSERT_FALSE(gateway.ok()) << row.message;
    EXPECT_EQ(gateway.status().code(), absl::StatusCode::kInvalidArgument) << row.message;
    EXPECT_THAT(std::string(gateway.status().message()), HasSubstr(row.message));
    ExpectNoToken(std::string(gateway.status().message()));
  }
}

}  // namespace
}  // namespace pulumi_gateway::testing
