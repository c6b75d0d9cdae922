#include "tests/e2e/e2e_environment.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "emulator/demo_seed.h"

namespace pulumi_gateway::e2e {
namespace {

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
  return ParseJson("the emulator's demo seed", emulator::kDemoSeedJson);
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
  env->emulator_ = testing::StartEmulator();
  if (env->emulator_ == nullptr) return absl::UnavailableError("the emulator did not start");
  env->admin_ = std::make_unique<EmulatorAdmin>(env->emulator_->host(), env->emulator_->port());
  absl::StatusOr<std::unique_ptr<testing::TestGateway>> gateway = testing::TestGateway::TryStart(
      testing::UpstreamUrl(*env->emulator_), [](FlagValues& f) { f.log_level = "info"; });
  if (!gateway.ok()) return gateway.status();
  env->gateway_ = *std::move(gateway);
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
