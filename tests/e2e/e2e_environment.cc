#include "tests/e2e/e2e_environment.h"

#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"

namespace pulumi_gateway::e2e {
namespace {

constexpr char kEmulatorBinary[] = "emulator/pulumi_emulator";
constexpr char kGatewayBinary[] = "gateway/pulumi_gateway";
constexpr char kDemoSeedFile[] = "emulator/data/demo.json";
constexpr absl::Duration kStartTimeout = absl::Seconds(30);

absl::Status HttpError(const std::string& what, const httplib::Result& result) {
  if (!result) {
    return absl::UnavailableError(absl::StrCat(what, ": ", httplib::to_string(result.error())));
  }
  return absl::InternalError(absl::StrCat(what, ": HTTP ", result->status, " ", result->body));
}

absl::StatusOr<nlohmann::json> ParseJson(const std::string& what, const std::string& body) {
  nlohmann::json parsed = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    return absl::InternalError(absl::StrCat(what, ": not JSON: ", body));
  }
  return parsed;
}

httplib::Params RequestFilter(const std::string& method, const std::string& path_glob) {
  httplib::Params params;
  if (!method.empty()) params.emplace("method", method);
  if (!path_glob.empty()) params.emplace("path", path_glob);
  return params;
}

}  // namespace

EmulatorAdmin::EmulatorAdmin(const std::string& host, int port)
    : host_(host), port_(port), http_(host, port) {
  http_.set_connection_timeout(5);
  http_.set_read_timeout(10);
  absl::StatusOr<nlohmann::json> seed = DemoSeed();
  if (seed.ok()) demo_seed_ = seed->dump();
}

absl::StatusOr<nlohmann::json> EmulatorAdmin::DemoSeed() {
  std::ifstream in(kDemoSeedFile);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read runfile ", kDemoSeedFile));
  std::stringstream text;
  text << in.rdbuf();
  return ParseJson(kDemoSeedFile, text.str());
}

absl::Status EmulatorAdmin::Reset() {
  if (demo_seed_.empty()) return absl::FailedPreconditionError("the demo seed was not loaded");
  httplib::Result result = http_.Post("/_emulator/reset", demo_seed_, "application/json");
  if (!result || result->status != 204) return HttpError("POST /_emulator/reset", result);
  return absl::OkStatus();
}

absl::Status EmulatorAdmin::ResetWithSeed(const nlohmann::json& seed) {
  httplib::Result result = http_.Post("/_emulator/reset", seed.dump(), "application/json");
  if (!result || result->status != 204) return HttpError("POST /_emulator/reset", result);
  return absl::OkStatus();
}

absl::StatusOr<nlohmann::json> EmulatorAdmin::Requests(const std::string& method,
                                                       const std::string& path_glob) {
  httplib::Result result =
      http_.Get("/_emulator/requests", RequestFilter(method, path_glob), httplib::Headers());
  if (!result || result->status != 200) return HttpError("GET /_emulator/requests", result);
  return ParseJson("GET /_emulator/requests", result->body);
}

absl::StatusOr<int64_t> EmulatorAdmin::RequestCount(const std::string& method,
                                                    const std::string& path_glob) {
  absl::StatusOr<nlohmann::json> requests = Requests(method, path_glob);
  if (!requests.ok()) return requests.status();
  return requests->value("count", int64_t{-1});
}

absl::StatusOr<nlohmann::json> EmulatorAdmin::StartLiveUpdate(const nlohmann::json& spec) {
  httplib::Result result = http_.Post("/_emulator/live-updates", spec.dump(), "application/json");
  if (!result || result->status != 201) return HttpError("POST /_emulator/live-updates", result);
  return ParseJson("POST /_emulator/live-updates", result->body);
}

absl::StatusOr<std::unique_ptr<E2eEnvironment>> E2eEnvironment::Start() {
  std::unique_ptr<E2eEnvironment> env(new E2eEnvironment());
  env->emulator_ = std::make_unique<testing::ChildProcess>(
      kEmulatorBinary, std::vector<std::string>{"--listen=127.0.0.1:0"});
  absl::StatusOr<std::string> emulator = env->emulator_->WaitListening(kStartTimeout);
  if (!emulator.ok()) return emulator.status();
  std::vector<std::string> host_port = absl::StrSplit(*emulator, absl::MaxSplits(':', 1));
  int port = 0;
  if (host_port.size() != 2 || !absl::SimpleAtoi(host_port[1], &port)) {
    return absl::InternalError(absl::StrCat("unexpected emulator address ", *emulator));
  }
  env->admin_ = std::make_unique<EmulatorAdmin>(host_port[0], port);

  // No service token in the environment: passthrough must not fall back to one.
  env->gateway_ = std::make_unique<testing::ChildProcess>(
      kGatewayBinary,
      std::vector<std::string>{"--listen=127.0.0.1:0", "--metrics_listen=", "--log_level=info",
                               "--upstream=http://" + *emulator},
      std::vector<std::string>{"PULUMI_ACCESS_TOKEN="});
  absl::StatusOr<std::string> gateway = env->gateway_->WaitListening(kStartTimeout);
  if (!gateway.ok()) return gateway.status();
  return env;
}

std::unique_ptr<pulumi_client::PulumiClient> E2eEnvironment::Client(
    const std::string& token) const {
  pulumi_client::ClientOptions options;
  options.address = gateway_address();
  options.token = token;
  options.default_deadline = absl::Seconds(30);
  return pulumi_client::PulumiClient::Connect(options).value();
}

}  // namespace pulumi_gateway::e2e
