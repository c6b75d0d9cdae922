#include "tests/support/harness.h"

#include <atomic>
#include <fstream>
#include <sstream>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "emulator/demo_seed.h"
#include "gateway/config/parse_config.h"
#include "gtest/gtest.h"

namespace pulumi_gateway::testing {
namespace {

// A log file of its own for every gateway a test process starts.
std::string NewLogPath() {
  static std::atomic<int> next{0};
  const char* dir = std::getenv("TEST_TMPDIR");
  return absl::StrCat(dir != nullptr ? dir : "/tmp", "/gateway-", getpid(), "-", next++, ".log");
}

}  // namespace

FlagValues TestFlags(const std::string& upstream_url) {
  FlagValues flags = DefaultFlagValues();
  flags.listen = "127.0.0.1:0";
  flags.metrics_listen = "";
  flags.log_level = "warning";
  flags.upstream = upstream_url;
  return flags;
}

absl::StatusOr<std::unique_ptr<TestGateway>> TestGateway::TryStart(
    const std::string& upstream_url, const AdjustFlags& adjust,
    const ExtraServices& extra_services) {
  FlagValues flags = TestFlags(upstream_url);
  if (adjust) adjust(flags);
  absl::StatusOr<GatewayConfig> config = ParseConfig(flags);
  if (!config.ok()) return config.status();
  const std::string path = NewLogPath();
  FILE* log = std::fopen(path.c_str(), "w");
  if (log == nullptr) return absl::InternalError(absl::StrCat("cannot write ", path));
  std::unique_ptr<TestGateway> gateway(new TestGateway(path, log));
  GatewayAppEnvironment environment;
  environment.log = log;
  environment.extra_services = extra_services;
  absl::StatusOr<std::unique_ptr<GatewayApp>> app = GatewayApp::Start(*config, environment);
  if (!app.ok()) return app.status();
  gateway->app_ = *std::move(app);
  return gateway;
}

std::unique_ptr<TestGateway> TestGateway::Start(const std::string& upstream_url,
                                                const AdjustFlags& adjust,
                                                const ExtraServices& extra_services) {
  absl::StatusOr<std::unique_ptr<TestGateway>> gateway =
      TryStart(upstream_url, adjust, extra_services);
  EXPECT_TRUE(gateway.ok()) << "the gateway did not start: " << gateway.status();
  return gateway.ok() ? *std::move(gateway) : nullptr;
}

TestGateway::~TestGateway() {
  app_.reset();  // before the log it writes to
  std::fclose(log_);
}

std::shared_ptr<grpc::Channel> TestGateway::channel() const {
  return grpc::CreateChannel(address(), grpc::InsecureChannelCredentials());
}

std::string TestGateway::LogText() const {
  std::ifstream in(log_path_);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<nlohmann::json> TestGateway::LogLines() const {
  std::vector<nlohmann::json> lines;
  for (absl::string_view line : absl::StrSplit(LogText(), '\n', absl::SkipEmpty())) {
    nlohmann::json entry = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    EXPECT_FALSE(entry.is_discarded()) << "not a JSON line: " << line;
    if (!entry.is_discarded()) lines.push_back(std::move(entry));
  }
  return lines;
}

std::vector<nlohmann::json> TestGateway::AccessLog(absl::string_view method) const {
  std::vector<nlohmann::json> access;
  for (nlohmann::json& line : LogLines()) {
    if (line.value("msg", "") != "access") continue;
    if (!method.empty() && line.value("method", "") != method) continue;
    access.push_back(std::move(line));
  }
  return access;
}

std::optional<nlohmann::json> TestGateway::AccessLine(const std::string& request_id,
                                                      absl::Duration timeout) const {
  const absl::Time give_up = absl::Now() + timeout;
  while (true) {
    for (nlohmann::json& line : AccessLog()) {
      if (line.value("request_id", "") == request_id) return std::move(line);
    }
    if (absl::Now() >= give_up) return std::nullopt;
    absl::SleepFor(absl::Milliseconds(5));  // poll interval; the condition is re-checked
  }
}

std::unique_ptr<ChildProcess> StartGatewayBinary(std::vector<std::string> flags) {
  std::vector<std::string> args = {"--listen=127.0.0.1:0",
                                   "--metrics_listen=", "--log_level=warning"};
  args.insert(args.end(), flags.begin(), flags.end());
  auto gateway = std::make_unique<ChildProcess>("gateway/pulumi_gateway", std::move(args),
                                                std::vector<std::string>{"PULUMI_ACCESS_TOKEN="});
  absl::StatusOr<std::string> address = gateway->WaitListening(absl::Seconds(30));
  EXPECT_TRUE(address.ok()) << address.status();
  return gateway;
}

std::unique_ptr<emulator::Server> StartEmulator(emulator::ServerOptions options,
                                                std::optional<emulator::Json> seed) {
  if (!seed.has_value()) {
    absl::StatusOr<emulator::Json> demo = emulator::DemoSeed();
    EXPECT_TRUE(demo.ok()) << demo.status();
    if (!demo.ok()) return nullptr;
    seed = *std::move(demo);
  }
  options.host = "127.0.0.1";
  options.port = 0;
  absl::StatusOr<std::unique_ptr<emulator::Server>> server =
      emulator::Server::Create(*std::move(seed), options);
  EXPECT_TRUE(server.ok()) << server.status();
  if (!server.ok()) return nullptr;
  absl::Status started = (*server)->Start();
  EXPECT_TRUE(started.ok()) << started;
  if (!started.ok()) return nullptr;
  return *std::move(server);
}

std::string UpstreamUrl(const emulator::Server& emulator) {
  return absl::StrCat("http://", emulator.host(), ":", emulator.port());
}

}  // namespace pulumi_gateway::testing
