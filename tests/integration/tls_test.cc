// TLS and mutual TLS on the gRPC listener, and upstream TLS with a custom CA, through a gateway
// in the test's process with certificates made for the run (gen_certs.sh).
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "httplib.h"
#include "pulumi/service/v1/stacks.grpc.pb.h"
#include "tests/support/harness.h"
#include "tests/support/held_upstream.h"

namespace pulumi_gateway::testing {
namespace {

using ::pulumi::service::v1::GetStackRequest;
using ::pulumi::service::v1::GetStackResponse;
using ::pulumi::service::v1::StacksService;
using ::testing::HasSubstr;

constexpr char kStackJson[] =
    R"({"orgName":"acme-corp","projectName":"payments-api","stackName":"prod"})";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

GetStackRequest StackRequest() {
  GetStackRequest request;
  request.set_org_name("acme-corp");
  request.set_project_name("payments-api");
  request.set_stack_name("prod");
  return request;
}

class TlsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(absl::StrCat(std::getenv("TEST_TMPDIR"), "/certs"));
    const std::string command = absl::StrCat("tests/support/gen_certs.sh ", *dir_);
    ASSERT_EQ(std::system(command.c_str()), 0) << "openssl failed";
  }
  static std::string Path(absl::string_view name) { return absl::StrCat(*dir_, "/", name); }

  static grpc::Status CallGetStack(const std::string& address,
                                   std::shared_ptr<grpc::ChannelCredentials> credentials) {
    grpc::ChannelArguments args;
    auto channel = grpc::CreateCustomChannel(address, credentials, args);
    auto stub = StacksService::NewStub(channel);
    grpc::ClientContext context;
    context.AddMetadata("authorization", "token pul-test");
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(5)));
    GetStackResponse response;
    return stub->GetStack(&context, StackRequest(), &response);
  }

  static std::string* dir_;
};
std::string* TlsTest::dir_ = nullptr;

TEST_F(TlsTest, ListenerServesTlsAndRejectsPlaintext) {
  HeldUpstream upstream(absl::ZeroDuration(), kStackJson);
  auto gateway = TestGateway::Start(upstream.base_url(), [](FlagValues& f) {
    f.tls_cert_file = Path("server.pem");
    f.tls_key_file = Path("server.key");
  });
  ASSERT_NE(gateway, nullptr);
  grpc::SslCredentialsOptions tls;
  tls.pem_root_certs = ReadFile(Path("ca.pem"));
  EXPECT_TRUE(CallGetStack(gateway->address(), grpc::SslCredentials(tls)).ok());
  EXPECT_EQ(CallGetStack(gateway->address(), grpc::InsecureChannelCredentials()).error_code(),
            grpc::StatusCode::UNAVAILABLE);
}

TEST_F(TlsTest, MutualTlsRequiresAClientCertificateFromTheConfiguredCa) {
  HeldUpstream upstream(absl::ZeroDuration(), kStackJson);
  auto gateway = TestGateway::Start(upstream.base_url(), [](FlagValues& f) {
    f.tls_cert_file = Path("server.pem");
    f.tls_key_file = Path("server.key");
    f.tls_client_ca_file = Path("ca.pem");
  });
  ASSERT_NE(gateway, nullptr);
  grpc::SslCredentialsOptions with_cert;
  with_cert.pem_root_certs = ReadFile(Path("ca.pem"));
  with_cert.pem_cert_chain = ReadFile(Path("client.pem"));
  with_cert.pem_private_key = ReadFile(Path("client.key"));
  EXPECT_TRUE(CallGetStack(gateway->address(), grpc::SslCredentials(with_cert)).ok());

  grpc::SslCredentialsOptions without_cert;
  without_cert.pem_root_certs = ReadFile(Path("ca.pem"));
  EXPECT_EQ(CallGetStack(gateway->address(), grpc::SslCredentials(without_cert)).error_code(),
            grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(upstream.requests(), 1) << "a caller without a certificate reached the upstream";
}

TEST_F(TlsTest, UpstreamTlsIsVerifiedAndACustomCaWorks) {
  httplib::SSLServer server(Path("server.pem").c_str(), Path("server.key").c_str());
  server.Get(".*", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(kStackJson, "application/json");
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  std::thread thread([&] { server.listen_after_bind(); });
  while (!server.is_running()) absl::SleepFor(absl::Milliseconds(1));
  const std::string upstream = absl::StrCat("https://127.0.0.1:", port);

  {  // The system store does not know the test CA: verification fails, nothing is trusted.
    auto gateway = TestGateway::Start(upstream);
    ASSERT_NE(gateway, nullptr);
    grpc::Status status = CallGetStack(gateway->address(), grpc::InsecureChannelCredentials());
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
    EXPECT_THAT(status.error_message(), HasSubstr("certificate"));
  }
  {
    auto gateway =
        TestGateway::Start(upstream, [](FlagValues& f) { f.upstream_ca_file = Path("ca.pem"); });
    ASSERT_NE(gateway, nullptr);
    EXPECT_TRUE(CallGetStack(gateway->address(), grpc::InsecureChannelCredentials()).ok());
  }
  server.stop();
  thread.join();
}

}  // namespace
}  // namespace pulumi_gateway::testing
