#include "emulator/server_test_util.h"

#include <httplib.h>

#include "emulator/demo_seed.h"

namespace emulator {

std::string HttpResult::Header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

void EmulatorHttpTest::StartServer(ServerOptions options) {
  TearDown();
  options.host = "127.0.0.1";
  options.port = 0;
  absl::StatusOr<Json> seed = DemoSeed();
  ASSERT_TRUE(seed.ok()) << seed.status();
  absl::StatusOr<std::unique_ptr<Server>> server = Server::Create(*seed, options);
  ASSERT_TRUE(server.ok()) << server.status();
  server_ = *std::move(server);
  absl::Status started = server_->Start();
  ASSERT_TRUE(started.ok()) << started;
  ASSERT_GT(server_->port(), 0);
  client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
  client_->set_url_encode(false);
  client_->set_read_timeout(10, 0);
}

void EmulatorHttpTest::TearDown() {
  client_.reset();
  if (server_ != nullptr) server_->Stop();
  server_.reset();
}

HttpResult EmulatorHttpTest::Call(const std::string& method, const std::string& path,
                                  const std::string& token, const std::string& body) {
  httplib::Request req;
  req.method = method;
  req.path = path;
  if (!token.empty()) req.set_header("Authorization", "token " + token);
  if (!body.empty()) {
    req.set_header("Content-Type", "application/json");
    req.body = body;
  }
  HttpResult out;
  httplib::Result res = client_->send(req);
  if (!res) return out;
  out.transport_ok = true;
  out.status = res->status;
  out.body = res->body;
  out.headers = res->headers;
  out.json = Json::parse(out.body, nullptr, /*allow_exceptions=*/false);
  return out;
}

void ExpectError(const HttpResult& r, int status, const std::string& message_substring) {
  ASSERT_TRUE(r.transport_ok);
  EXPECT_EQ(r.status, status) << r.body;
  ASSERT_TRUE(r.json.is_object()) << r.body;
  EXPECT_EQ(r.json.value("code", 0), status);
  EXPECT_THAT(r.json.value("message", ""), ::testing::HasSubstr(message_substring));
  EXPECT_EQ(r.Header("Content-Type"), "application/json");
}

}  // namespace emulator
