// The end-to-end environment: the emulator and a gateway in front of it, both started in the
// test's process through the harness (tests/support/harness.h), the emulator's admin API (over
// HTTP, as an operator would use it) to reset state and read its request log, and gateway clients
// for the demo users.
//
//   class MySuite : public ::testing::Test {
//    protected:
//     static void SetUpTestSuite() { env_ = E2eEnvironment::Start().value().release(); }
//     static void TearDownTestSuite() { delete env_; }
//     void SetUp() override { ASSERT_TRUE(env_->admin().Reset().ok()); }
//     static E2eEnvironment* env_;
//   };
//   Caller jdoe = env_->CallerFor(kJdoeToken);
//   Result<GetStackResponse> got = jdoe(&Stacks::GetStack, ForStack<GetStackRequest>(kProd));
#ifndef TESTS_E2E_E2E_ENVIRONMENT_H_
#define TESTS_E2E_E2E_ENVIRONMENT_H_

#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "clients/cpp/pulumi_client.h"
#include "emulator/server.h"
#include "httplib.h"
#include "nlohmann/json.hpp"
#include "tests/e2e/e2e_call.h"
#include "tests/support/harness.h"

namespace pulumi_gateway::e2e {

// Demo users' tokens (emulator/README.md "Demo data").
inline constexpr char kJdoeToken[] = "pul-demo-jdoe-7f3a9c2e41b85d60f1e2a3b4c5d6e7f8";
inline constexpr char kRkumarToken[] = "pul-demo-rkumar-3c4d5e6f708192a3b4c5d6e7f8091a2b";
inline constexpr char kMchenToken[] = "pul-demo-mchen-9a8b7c6d5e4f30211203f4e5d6c7b8a9";
inline constexpr char kEveToken[] = "pul-demo-eve-4f5e6d7c8b9a0f1e2d3c4b5a69788796";
inline constexpr char kSriveraToken[] = "pul-demo-srivera-2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a";

// The emulator's /_emulator admin API (emulator/README.md "Admin API and faults").
class EmulatorAdmin final {
 public:
  EmulatorAdmin(const std::string& host, int port);

  // Back to the bundled demo seed: state, faults and request log. The seed document is posted in
  // full, so a test that reset with a modified seed cannot leak it into the next test.
  absl::Status Reset();
  // Replaces the state with `seed` (a whole seed document).
  absl::Status ResetWithSeed(const nlohmann::json& seed);
  // Number of logged API requests; empty `method`/`path_glob` match all.
  absl::StatusOr<int64_t> RequestCount(const std::string& method = "",
                                       const std::string& path_glob = "");
  // The logged requests ({seq, method, path, query, tokenHash, route, fault, status, timeMs}).
  absl::StatusOr<nlohmann::json> Requests(const std::string& method = "",
                                          const std::string& path_glob = "");
  // POST /_emulator/live-updates: a running update emitting events over time. Returns
  // {"updateID","version","kind"}.
  absl::StatusOr<nlohmann::json> StartLiveUpdate(const nlohmann::json& spec);

  // The demo seed as shipped (emulator/data/demo.json, embedded in the emulator).
  static absl::StatusOr<nlohmann::json> DemoSeed();

  // Where the emulator listens, for tests that talk HTTP to it directly.
  const std::string& host() const { return host_; }
  int port() const { return port_; }

 private:
  std::string host_;
  int port_;
  httplib::Client http_;
  std::string demo_seed_;
};

class E2eEnvironment final {
 public:
  // Starts the emulator on a free port, then the gateway (passthrough auth, no metrics, logs at
  // info) with the emulator as upstream. UNAVAILABLE (or the gateway's start-up error) when either
  // does not come up.
  static absl::StatusOr<std::unique_ptr<E2eEnvironment>> Start();

  const std::string& gateway_address() const { return gateway_->address(); }
  // Everything the gateway logged so far (its JSON lines, info level).
  std::string GatewayOutput() const { return gateway_->LogText(); }
  EmulatorAdmin& admin() { return *admin_; }

  // A gateway client sending `token` as "authorization: token <token>"; none when empty.
  std::unique_ptr<pulumi_client::PulumiClient> Client(const std::string& token) const;
  // The same wrapped for one-line typed calls (tests/e2e/e2e_call.h).
  Caller CallerFor(const std::string& token) const { return Caller(Client(token)); }

 private:
  E2eEnvironment() = default;

  std::unique_ptr<emulator::Server> emulator_;
  std::unique_ptr<testing::TestGateway> gateway_;
  std::unique_ptr<EmulatorAdmin> admin_;
};

}  // namespace pulumi_gateway::e2e

#endif  // TESTS_E2E_E2E_ENVIRONMENT_H_
