// GatewayApp, the gateway as a library: it serves every linked-in pulumi.service.v1 service,
// exports each component's metrics, starts the fleet's quota store when configured, reports
// start-up errors by flag, and drains on request.
#include "gateway/app/gateway_app.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "httplib.h"
#include "pulumi/service/v1/stacks.grpc.pb.h"
#include "tests/support/fake_upstream.h"
#include "tests/support/harness.h"
#include "tests/support/metrics.h"
#include "tests/support/redis_server.h"

namespace pulumi_gateway::testing {
namespace {

namespace v1 = ::pulumi::service::v1;
using ::testing::HasSubstr;
using ::testing::Not;

grpc::health::v1::HealthCheckResponse::ServingStatus Health(TestGateway& gateway,
                                                            const std::string& service) {
  auto health = grpc::health::v1::Health::NewStub(gateway.channel());
  grpc::ClientContext context;
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(service);
  grpc::health::v1::HealthCheckResponse response;
  if (!health->Check(&context, request, &response).ok()) {
    return grpc::health::v1::HealthCheckResponse::UNKNOWN;
  }
  return response.status();
}

grpc::Status GetStack(TestGateway& gateway, const std::string& stack = "prod") {
  auto stub = v1::StacksService::NewStub(gateway.channel());
  grpc::ClientContext context;
  context.AddMetadata("authorization", "token pul-test-app");
  v1::GetStackRequest request;
  request.set_org_name("acme-corp");
  request.set_project_name("payments-api");
  request.set_stack_name(stack);
  v1::GetStackResponse response;
  return stub->GetStack(&context, request, &response);
}

TEST(GatewayAppTest, ServesEveryLinkedServiceOfThePackage) {
  FakeUpstream upstream;
  auto gateway = TestGateway::Start(upstream.base_url());
  ASSERT_NE(gateway, nullptr);
  EXPECT_TRUE(absl::StartsWith(gateway->address(), "127.0.0.1:"));
  EXPECT_TRUE(gateway->metrics_address().empty()) << "metrics were off";
  for (const char* service :
       {"pulumi.service.v1.StacksService", "pulumi.service.v1.StackUpdatesService",
        "pulumi.service.v1.OrganizationsService", "pulumi.service.v1.UsersService"}) {
    EXPECT_EQ(Health(*gateway, service), grpc::health::v1::HealthCheckResponse::SERVING) << service;
  }
}

TEST(GatewayAppTest, EachComponentExportsItsMetrics) {
  FakeUpstream upstream;
  upstream.SetHandler([](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"orgName":"acme-corp"})", "application/json");
  });
  const std::string tenants = absl::StrCat(std::getenv("TEST_TMPDIR"), "/app-tenants");
  ASSERT_EQ(std::system(absl::StrCat("mkdir -p ", tenants).c_str()), 0);
  std::ofstream(tenants + "/payments") << "pul-test-payments\n";
  auto gateway = TestGateway::Start(upstream.base_url(), [&](FlagValues& f) {
    f.metrics_listen = "127.0.0.1:0";
    f.upstream_rate_limit = 100;
    f.cache_ttl = "GetStack=1s";
    f.auth_mode = "service";
    f.tenant_tokens_dir = tenants;
    f.caller_identity = "header";
    f.trusted_proxies = "127.0.0.1/32";
  });
  ASSERT_NE(gateway, nullptr);
  ASSERT_TRUE(absl::StartsWith(gateway->metrics_address(), "127.0.0.1:"));
  const std::string address = gateway->metrics_address();
  httplib::Client client("127.0.0.1", std::stoi(address.substr(address.rfind(':') + 1)));
  httplib::Result scraped = client.Get("/metrics");
  ASSERT_TRUE(scraped && scraped->status == 200);
  for (const char* exported : {
           "# TYPE pulumi_gateway_in_flight_calls gauge",  // the server
           "# TYPE pulumi_gateway_max_in_flight_calls gauge",
           "# TYPE pulumi_upstream_in_flight_requests gauge",          // the metered transport
           "# TYPE pulumi_upstream_connections_opened_total counter",  // the curl client
           "# TYPE pulumi_upstream_stale_connections_total counter",
           "# TYPE pulumi_upstream_inline_completions_total counter",
           "# TYPE pulumi_upstream_inline_spin_hits_total counter",
           "# TYPE pulumi_gateway_buffered_response_bytes gauge",  // the buffer budget
           "# TYPE pulumi_gateway_buffer_budget_refusals_total counter",
           "# TYPE pulumi_gateway_memory_peak_bytes gauge",  // --memory_fit's estimate
           "# TYPE pulumi_upstream_circuit_breaker_state gauge",
           "# TYPE pulumi_upstream_retry_budget_tokens gauge",
           "# TYPE pulumi_upstream_rate_limit_queued gauge",
           "# TYPE pulumi_gateway_throttle_pauses_total counter",
           "# TYPE pulumi_gateway_coalesced_requests_total counter",
           "# TYPE pulumi_gateway_cache_hits_total counter",
           "# TYPE pulumi_gateway_cache_bytes gauge",
           "# TYPE pulumi_gateway_tenants gauge",
           "# TYPE pulumi_gateway_tenant_reloads_total counter",
           "# TYPE grpc_server_started_total counter",
       }) {
    EXPECT_THAT(scraped->body, HasSubstr(exported));
  }
  EXPECT_THAT(scraped->body, HasSubstr("pulumi_gateway_tenants 1"));
  EXPECT_THAT(scraped->body, Not(HasSubstr("pulumi_gateway_quota_store_")))
      << "no shared store without --quota_store";
}

std::string Scrape(const TestGateway& gateway) {
  const std::string address = gateway.metrics_address();
  httplib::Client client("127.0.0.1", std::stoi(address.substr(address.rfind(':') + 1)));
  httplib::Result scraped = client.Get("/metrics");
  EXPECT_TRUE(scraped && scraped->status == 200);
  return scraped ? scraped->body : "";
}

// Sequential calls on a quiet gateway: with --upstream_inline_wait the gRPC thread that sent a call
// handles its answer too; with 0 never.
TEST(GatewayAppTest, QuietCallsCompleteOnTheThreadThatSentThemUnlessTurnedOff) {
  FakeUpstream upstream;
  upstream.SetHandler([](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"orgName":"acme-corp","projectName":"payments-api","stackName":"prod"})",
                    "application/json");
  });
  // The longest wait the flag allows, far longer than a local answer takes; then never.
  for (const absl::Duration wait : {absl::Milliseconds(100), absl::ZeroDuration()}) {
    auto gateway = TestGateway::Start(upstream.base_url(), [&](FlagValues& f) {
      f.metrics_listen = "127.0.0.1:0";
      f.upstream_loops = 1;
      f.upstream_inline_wait = wait;
    });
    ASSERT_NE(gateway, nullptr);
    // The first call opens the connection; the next ones go out on it.
    for (int i = 0; i < 6; ++i) ASSERT_TRUE(GetStack(*gateway).ok()) << "call " << i;
    const double inline_completions =
        ScrapeSample(gateway->metrics_address(), "pulumi_upstream_inline_completions_total");
    // Those caught while busy-polling (how many depends on how quick the answers were).
    const double spin_hits =
        ScrapeSample(gateway->metrics_address(), "pulumi_upstream_inline_spin_hits_total");
    EXPECT_LE(spin_hits, inline_completions);
    if (wait > absl::ZeroDuration()) {
      // Each unless an answer took longer than the wait on a busy machine.
      EXPECT_GE(inline_completions, 1);
    } else {
      EXPECT_EQ(inline_completions, 0);
    }
  }
}

// A server thread waits for its call's answer itself only while the gateway has no other call in
// progress: a busy gateway's threads take new calls instead of sleeping on one.
TEST(GatewayAppTest, NoCallCompletesOnItsOwnThreadWhileAnotherIsInProgress) {
  absl::Notification slow_arrived, release_slow;
  FakeUpstream upstream;
  upstream.SetHandler([&](const httplib::Request& req, httplib::Response& res) {
    if (absl::EndsWith(req.path, "/slow")) {
      slow_arrived.Notify();
      release_slow.WaitForNotificationWithTimeout(absl::Seconds(30));
    }
    res.set_content(R"({"orgName":"acme-corp","projectName":"payments-api","stackName":"prod"})",
                    "application/json");
  });
  // Two loops: the quick calls go to the loop the slow call is not on, where they are the only
  // transfer in flight.
  auto gateway = TestGateway::Start(upstream.base_url(), [](FlagValues& f) {
    f.metrics_listen = "127.0.0.1:0";
    f.upstream_loops = 2;
    f.upstream_inline_wait = absl::Milliseconds(100);
  });
  ASSERT_NE(gateway, nullptr);
  auto inline_completions = [&] {
    return ScrapeSample(gateway->metrics_address(), "pulumi_upstream_inline_completions_total");
  };
  ASSERT_TRUE(GetStack(*gateway).ok());  // opens a connection
  grpc::Status slow_status;
  std::thread slow([&] { slow_status = GetStack(*gateway, "slow"); });
  ASSERT_TRUE(slow_arrived.WaitForNotificationWithTimeout(absl::Seconds(30)));
  const double before = inline_completions();
  for (int i = 0; i < 6; ++i) ASSERT_TRUE(GetStack(*gateway).ok()) << "call " << i;
  EXPECT_EQ(inline_completions(), before);
  release_slow.Notify();
  slow.join();
  EXPECT_TRUE(slow_status.ok()) << slow_status.error_message();
  // Quiet again: sequential calls complete on the thread that sent them (each unless an answer
  // took longer than the wait on a busy machine).
  for (int i = 0; i < 6; ++i) ASSERT_TRUE(GetStack(*gateway).ok()) << "call " << i;
  EXPECT_GT(inline_completions(), before);
}

TEST(GatewayAppTest, StartsTheFleetsQuotaStoreAndExportsItsMetrics) {
  absl::StatusOr<std::unique_ptr<RedisServer>> redis =
      RedisServer::Start({.password = "pul-test-redis-password"});
  ASSERT_TRUE(redis.ok()) << redis.status();
  const std::string dir = std::getenv("TEST_TMPDIR");
  std::ofstream(dir + "/redis-password") << "pul-test-redis-password\n";
  std::ofstream(dir + "/wrong-password") << "pul-test-not-the-password\n";
  std::ofstream(dir + "/fleet-secret") << "fleet-secret-of-the-app-test\n";
  FakeUpstream upstream;
  auto fleet = [&](const std::string& password_file) {
    return [&, password_file](FlagValues& f) {
      f.metrics_listen = "127.0.0.1:0";
      f.quota_store = (*redis)->url();
      f.quota_store_password_file = dir + "/" + password_file;
      f.fleet_secret_file = dir + "/fleet-secret";
      f.fleet_size = 2;
    };
  };

  // A password Redis refuses is a configuration error naming its flag (the binary exits 2).
  absl::StatusOr<std::unique_ptr<TestGateway>> refused =
      TestGateway::TryStart(upstream.base_url(), fleet("wrong-password"));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument);
  const std::string message(refused.status().message());
  EXPECT_THAT(message,
              ::testing::StartsWith("--quota_store_password_file: Redis at redis://127.0.0.1:"));
  EXPECT_THAT(message, Not(HasSubstr("pul-test-not-the-password")));

  // The right one: the gateway shares its budget through the store at once.
  auto gateway = TestGateway::Start(upstream.base_url(), fleet("redis-password"));
  ASSERT_NE(gateway, nullptr);
  const std::string metrics = Scrape(*gateway);
  EXPECT_THAT(metrics, HasSubstr("pulumi_gateway_quota_store_degraded 0"));
  EXPECT_THAT(metrics, HasSubstr("# TYPE pulumi_gateway_quota_store_calls_total counter"));
  EXPECT_THAT(metrics, HasSubstr("# TYPE pulumi_gateway_quota_store_invalidations_received_total"));

  // An unreachable store is an outage, not an error: the gateway starts on its fair share.
  (*redis)->Stop();
  auto degraded = TestGateway::Start(upstream.base_url(), fleet("redis-password"));
  ASSERT_NE(degraded, nullptr);
  EXPECT_THAT(Scrape(*degraded), HasSubstr("pulumi_gateway_quota_store_degraded 1"));
}

TEST(GatewayAppTest, StartUpErrorsNameTheFlag) {
  FakeUpstream upstream;
  absl::StatusOr<std::unique_ptr<TestGateway>> not_a_read = TestGateway::TryStart(
      upstream.base_url(), [](FlagValues& f) { f.cache_ttl = "CreateStack=5s"; });
  ASSERT_FALSE(not_a_read.ok());
  EXPECT_EQ(not_a_read.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(not_a_read.status().message(),
            "--cache_ttl: \"CreateStack\" is not an RPC the gateway sends as GET (only reads are "
            "cached)");

  // A port bound without SO_REUSEPORT (which gRPC would share).
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(addr);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  ASSERT_EQ(getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length), 0);
  ASSERT_EQ(listen(fd, 1), 0);
  const std::string taken_address = absl::StrCat("127.0.0.1:", ntohs(addr.sin_port));
  absl::StatusOr<std::unique_ptr<TestGateway>> taken =
      TestGateway::TryStart(upstream.base_url(), [&](FlagValues& f) { f.listen = taken_address; });
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(taken.status().message(), HasSubstr("cannot listen on " + taken_address));
  absl::StatusOr<std::unique_ptr<TestGateway>> metrics_taken = TestGateway::TryStart(
      upstream.base_url(), [&](FlagValues& f) { f.metrics_listen = taken_address; });
  ASSERT_FALSE(metrics_taken.ok());
  EXPECT_EQ(metrics_taken.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(metrics_taken.status().message(),
              HasSubstr("--metrics_listen: cannot listen on " + taken_address));
  close(fd);
}

TEST(GatewayAppTest, DrainStopsServingAndLogsIt) {
  FakeUpstream upstream;
  upstream.SetHandler([](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"orgName":"acme-corp"})", "application/json");
  });
  auto gateway = TestGateway::Start(upstream.base_url(), [](FlagValues& f) {
    f.log_level = "info";
    f.shutdown_grace = absl::ZeroDuration();
  });
  ASSERT_NE(gateway, nullptr);
  ASSERT_TRUE(GetStack(*gateway).ok());

  gateway->app().Drain("test");
  EXPECT_EQ(GetStack(*gateway).error_code(), grpc::StatusCode::UNAVAILABLE);
  bool draining = false;
  bool stopped = false;
  for (const nlohmann::json& line : gateway->LogLines()) {
    if (line.value("msg", "") == "draining") {
      draining = true;
      EXPECT_EQ(line.value("signal", ""), "test");
      EXPECT_EQ(line.value("grace_seconds", -1.0), 0.0);
    }
    if (line.value("msg", "") == "stopped") stopped = true;
  }
  EXPECT_TRUE(draining);
  EXPECT_TRUE(stopped);
}

}  // namespace
}  // namespace pulumi_gateway::testing
