// Fixture for HTTP-level tests: an in-process emulator (demo seed) on 127.0.0.1:0 and an
// httplib client. Demo tokens are below; see emulator/README.md for who is who.
//
//   TEST_F(EmulatorHttpTest, Lists) {
//     HttpResult r = Call("GET", "/api/user/stacks", kJdoeToken);
//     EXPECT_EQ(r.status, 200);
//     EXPECT_EQ(r.json["stacks"].size(), 10u);
//   }
#ifndef EMULATOR_SERVER_TEST_UTIL_H_
#define EMULATOR_SERVER_TEST_UTIL_H_

#include <httplib.h>

#include <memory>
#include <string>

#include "emulator/server.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace emulator {

inline constexpr char kJdoeToken[] = "pul-demo-jdoe-7f3a9c2e41b85d60f1e2a3b4c5d6e7f8";
inline constexpr char kRkumarToken[] = "pul-demo-rkumar-3c4d5e6f708192a3b4c5d6e7f8091a2b";
inline constexpr char kMchenToken[] = "pul-demo-mchen-9a8b7c6d5e4f30211203f4e5d6c7b8a9";
inline constexpr char kEveToken[] = "pul-demo-eve-4f5e6d7c8b9a0f1e2d3c4b5a69788796";
inline constexpr char kSriveraToken[] = "pul-demo-srivera-2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a";
// acme-corp's organization token "acme-ci" (admin rights) and the team token "platform-deploy"
// of acme-corp's `platform` team (member rights).
inline constexpr char kAcmeOrgToken[] = "pul-demo-org-acme-ci-6d1e8f2a4b7c4e9d8a0b1c2d3e4f5a6b";
inline constexpr char kPlatformTeamToken[] =
    "pul-demo-team-platform-9e8d7c6b5a4f4e3d2c1b0a9f8e7d6c5b";

inline constexpr char kProdPath[] = "/api/stacks/acme-corp/payments-api/prod";
inline constexpr char kStagingPath[] = "/api/stacks/acme-corp/payments-api/staging";
inline constexpr char kProd42Id[] = "3b9e4f1a-6c2d-4e8f-a0b1-c2d3e4f5a6b7";
inline constexpr char kRunningId[] = "a1f0c9e8-d7b6-4a5c-8e3d-2f1a0b9c8d7e";

struct HttpResult {
  bool transport_ok = false;  // false: no HTTP response (e.g. connection reset)
  int status = 0;
  std::string body;
  Json json;  // discarded (is_discarded()) when the body is not JSON
  httplib::Headers headers;
  std::string Header(const std::string& name) const;
};

class EmulatorHttpTest : public ::testing::Test {
 protected:
  void SetUp() override { StartServer(ServerOptions{}); }
  void TearDown() override;

  // (Re)starts the emulator with `options` on 127.0.0.1 port 0 and the demo seed.
  void StartServer(ServerOptions options);
  // Sends one request; `token` "" sends no Authorization header; a non-empty `body` is sent as
  // application/json. Paths are sent as given (already percent-encoded).
  HttpResult Call(const std::string& method, const std::string& path, const std::string& token,
                  const std::string& body = "");
  HttpResult Call(const std::string& method, const std::string& path, const std::string& token,
                  const Json& body) {
    return Call(method, path, token, body.dump());
  }
  HttpResult Call(const std::string& method, const std::string& path, const std::string& token,
                  const char* body) {
    return Call(method, path, token, std::string(body));
  }

  std::unique_ptr<Server> server_;
  std::unique_ptr<httplib::Client> client_;
};

// Asserts the error status and body {"code": status, "message": <contains substring>}.
void ExpectError(const HttpResult& r, int status, const std::string& message_substring);

}  // namespace emulator

#endif  // EMULATOR_SERVER_TEST_UTIL_H_
