// Graceful drain on SIGTERM, TLS and mutual TLS on the gRPC listener, and upstream TLS with a
// custom CA — each through the real gateway binary.
#include <signal.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "httplib.h"
#include "pulumi/service/v1/stacks.grpc.pb.h"
#include "tests/support/child_process.h"
#include "tests/support/held_upstream.h"

namespace pulumi_gateway::testing {
namespace {

using ::pulumi::service::v1::GetStackRequest;
using ::pulumi::service::v1::GetStackResponse;
using ::pulumi::service::v1::StacksService;
using ::testing::HasSubstr;

constexpr char kGateway[] = "gateway/pulumi_gateway";
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

std::unique_ptr<ChildProcess> StartGateway(std::vector<std::string> extra) {
  // The drain tests count one upstream request per call: identical concurrent reads must not be
  // coalesced into one.
  std::vector<std::string> args = {
      "--listen=127.0.0.1:0", "--metrics_listen=", "--log_level=warning", "--coalesce_reads=false"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto gateway = std::make_unique<ChildProcess>(kGateway, args);
  absl::StatusOr<std::string> address = gateway->WaitListening(absl::Seconds(20));
  EXPECT_TRUE(address.ok()) << address.status();
  return gateway;
}

grpc::health::v1::HealthCheckResponse::ServingStatus Health(const std::string& address) {
  auto health = grpc::health::v1::Health::NewStub(
      grpc::CreateChannel(address, grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(2)));
  grpc::health::v1::HealthCheckRequest request;
  grpc::health::v1::HealthCheckResponse response;
  if (!health->Check(&context, request, &response).ok()) {
    return grpc::health::v1::HealthCheckResponse::UNKNOWN;
  }
  return response.status();
}

TEST(DrainTest, SigtermLetsEveryInFlightCallFinish) {
  constexpr int kCalls = 300;
  HeldUpstream upstream(absl::Seconds(2), kStackJson);
  auto gateway = StartGateway({"--upstream=" + upstream.base_url(), "--drain_delay=500ms",
                               "--shutdown_grace=10s", "--upstream_max_connections=400"});
  auto stub = StacksService::NewStub(
      grpc::CreateChannel(gateway->address(), grpc::InsecureChannelCredentials()));
  ASSERT_EQ(Health(gateway->address()), grpc::health::v1::HealthCheckResponse::SERVING);

  std::vector<std::unique_ptr<grpc::ClientContext>> contexts(kCalls);
  std::vector<GetStackResponse> responses(kCalls);
  std::vector<grpc::Status> statuses(kCalls);
  const GetStackRequest request = StackRequest();
  std::atomic<int> finished{0};
  absl::Notification all_done;
  for (int i = 0; i < kCalls; ++i) {
    contexts[i] = std::make_unique<grpc::ClientContext>();
    contexts[i]->AddMetadata("authorization", "token pul-test");
    contexts[i]->set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(20)));
    stub->async()->GetStack(contexts[i].get(), &request, &responses[i], [&, i](grpc::Status s) {
      statuses[i] = std::move(s);
      if (++finished == kCalls) all_done.Notify();
    });
  }
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  while (upstream.requests() < kCalls && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(5));
  }
  ASSERT_EQ(upstream.requests(), kCalls) << "not every call reached the upstream";
  ASSERT_EQ(finished.load(), 0) << "calls finished before the drain began";

  gateway->Signal(SIGTERM);
  // During the drain delay the gateway still answers, but reports NOT_SERVING.
  absl::SleepFor(absl::Milliseconds(150));
  EXPECT_EQ(Health(gateway->address()), grpc::health::v1::HealthCheckResponse::NOT_SERVING);

  ASSERT_TRUE(all_done.WaitForNotificationWithTimeout(absl::Seconds(15)));
  int ok = 0;
  for (const grpc::Status& status : statuses) ok += status.ok() ? 1 : 0;
  EXPECT_EQ(ok, kCalls) << "some in-flight calls were dropped by the drain";
  EXPECT_EQ(responses[0].stack().stack_name(), "prod");

  absl::StatusOr<int> exit_code = gateway->Wait(absl::Seconds(10));
  ASSERT_TRUE(exit_code.ok()) << "the gateway did not exit after draining";
  EXPECT_EQ(*exit_code, 0);
}

TEST(DrainTest, CallsStillRunningAfterTheGraceAreAnsweredAndTheProcessExits) {
  HeldUpstream upstream(absl::InfiniteDuration(), "{}");
  auto gateway = StartGateway({"--upstream=" + upstream.base_url(), "--shutdown_grace=300ms"});
  auto stub = StacksService::NewStub(
      grpc::CreateChannel(gateway->address(), grpc::InsecureChannelCredentials()));
  constexpr int kCalls = 50;
  std::vector<std::unique_ptr<grpc::ClientContext>> contexts(kCalls);
  std::vector<GetStackResponse> responses(kCalls);
  std::vector<grpc::StatusCode> codes(kCalls);
  const GetStackRequest request = StackRequest();
  std::atomic<int> finished{0};
  absl::Notification all_done;
  for (int i = 0; i < kCalls; ++i) {
    contexts[i] = std::make_unique<grpc::ClientContext>();
    contexts[i]->AddMetadata("authorization", "token pul-test");
    stub->async()->GetStack(contexts[i].get(), &request, &responses[i], [&, i](grpc::Status s) {
      codes[i] = s.error_code();
      if (++finished == kCalls) all_done.Notify();
    });
  }
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  while (upstream.requests() < kCalls && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(5));
  }
  ASSERT_EQ(upstream.requests(), kCalls);
  const absl::Time signalled = absl::Now();
  gateway->Signal(SIGTERM);
  ASSERT_TRUE(all_done.WaitForNotificationWithTimeout(absl::Seconds(5)))
      << "calls were left without an answer";
  for (grpc::StatusCode code : codes) {
    EXPECT_TRUE(code == grpc::StatusCode::CANCELLED || code == grpc::StatusCode::UNAVAILABLE)
        << "code " << code;
  }
  absl::StatusOr<int> exit_code = gateway->Wait(absl::Seconds(5));
  ASSERT_TRUE(exit_code.ok());
  EXPECT_EQ(*exit_code, 0);
  EXPECT_LT(absl::Now() - signalled, absl::Seconds(3));
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
  auto gateway =
      StartGateway({"--upstream=" + upstream.base_url(), "--tls_cert_file=" + Path("server.pem"),
                    "--tls_key_file=" + Path("server.key")});
  grpc::SslCredentialsOptions tls;
  tls.pem_root_certs = ReadFile(Path("ca.pem"));
  EXPECT_TRUE(CallGetStack(gateway->address(), grpc::SslCredentials(tls)).ok());
  EXPECT_EQ(CallGetStack(gateway->address(), grpc::InsecureChannelCredentials()).error_code(),
            grpc::StatusCode::UNAVAILABLE);
}

TEST_F(TlsTest, MutualTlsRequiresAClientCertificateFromTheConfiguredCa) {
  HeldUpstream upstream(absl::ZeroDuration(), kStackJson);
  auto gateway = StartGateway(
      {"--upstream=" + upstream.base_url(), "--tls_cert_file=" + Path("server.pem"),
       "--tls_key_file=" + Path("server.key"), "--tls_client_ca_file=" + Path("ca.pem")});
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
  const std::string upstream = absl::StrCat("--upstream=https://127.0.0.1:", port);

  {  // The system store does not know the test CA: verification fails, nothing is trusted.
    auto gateway = StartGateway({upstream});
    grpc::Status status = CallGetStack(gateway->address(), grpc::InsecureChannelCredentials());
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
    EXPECT_THAT(status.error_message(), HasSubstr("certificate"));
  }
  {
    auto gateway = StartGateway({upstream, "--upstream_ca_file=" + Path("ca.pem")});
    EXPECT_TRUE(CallGetStack(gateway->address(), grpc::InsecureChannelCredentials()).ok());
  }
  server.stop();
  thread.join();
}

TEST_F(TlsTest, BadTlsFlagsStopStartup) {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"--tls_cert_file=" + Path("server.pem")},
           {"--tls_client_ca_file=" + Path("ca.pem")},
           {"--tls_cert_file=" + Path("server.csr"), "--tls_key_file=/nonexistent"},
       }) {
    std::vector<std::string> all = {"--listen=127.0.0.1:0", "--metrics_listen="};
    all.insert(all.end(), args.begin(), args.end());
    ChildProcess gateway(kGateway, all);
    absl::StatusOr<int> exit_code = gateway.Wait(absl::Seconds(10));
    ASSERT_TRUE(exit_code.ok());
    EXPECT_EQ(*exit_code, 2);
    EXPECT_THAT(gateway.Stderr(), HasSubstr("--tls_"));
  }
}

}  // namespace
}  // namespace pulumi_gateway::testing
