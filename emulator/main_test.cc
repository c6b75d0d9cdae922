// The pulumi_emulator binary: flags, the "listening on HOST:PORT" line, the embedded demo data
// and API description (work from any directory), --data, --admin, --rate_limit_rps,
// --conformance, --api_description, and a clean exit on SIGTERM.
#include <fcntl.h>
#include <httplib.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"

extern char** environ;

namespace {

constexpr char kJdoe[] = "pul-demo-jdoe-7f3a9c2e41b85d60f1e2a3b4c5d6e7f8";

std::string BinaryPath() {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const char* workspace = std::getenv("TEST_WORKSPACE");
  return absl::StrCat(srcdir ? srcdir : ".", "/", workspace ? workspace : "",
                      "/emulator/pulumi_emulator");
}

// A running emulator process whose stderr is captured.
class Process {
 public:
  explicit Process(std::vector<std::string> args) {
    int fds[2];
    if (pipe(fds) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    posix_spawn_file_actions_addchdir_np(&actions, "/");  // no runfiles next to the cwd
    args.insert(args.begin(), BinaryPath());
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    stderr_fd_ = fds[0];
  }
  ~Process() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (stderr_fd_ >= 0) close(stderr_fd_);
  }

  // Reads stderr until it contains a full line or the deadline passes.
  std::string ReadLine(absl::Duration timeout) {
    absl::Time deadline = absl::Now() + timeout;
    while (buffer_.find('\n') == std::string::npos && absl::Now() < deadline) {
      pollfd p{stderr_fd_, POLLIN, 0};
      if (poll(&p, 1, 100) <= 0) continue;
      char chunk[256];
      ssize_t n = read(stderr_fd_, chunk, sizeof(chunk));
      if (n <= 0) break;
      buffer_.append(chunk, static_cast<size_t>(n));
    }
    size_t nl = buffer_.find('\n');
    std::string line = buffer_.substr(0, nl);
    buffer_.erase(0, nl == std::string::npos ? buffer_.size() : nl + 1);
    return line;
  }

  // Sends `sig` and returns the exit status (-1 if it did not exit normally).
  int StopWith(int sig) {
    kill(pid_, sig);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  int Wait() { return StopWith(0); }

 private:
  pid_t pid_ = -1;
  int stderr_fd_ = -1;
  std::string buffer_;
};

int PortFrom(const std::string& line) {
  std::smatch m;
  if (!std::regex_match(line, m, std::regex("listening on 127\\.0\\.0\\.1:([0-9]+)"))) return 0;
  return std::stoi(m[1]);
}

TEST(MainTest, ServesBundledDemoOnAFreePortAndExitsOnSigterm) {
  Process p({"--listen=127.0.0.1:0"});
  std::string line = p.ReadLine(absl::Seconds(10));
  int port = PortFrom(line);
  ASSERT_GT(port, 0) << "stderr: " << line;
  httplib::Client client("127.0.0.1", port);
  httplib::Result r =
      client.Get("/api/user/stacks", {{"Authorization", absl::StrCat("token ", kJdoe)}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("\"payments-api\""), std::string::npos);
  httplib::Result health = client.Get("/_emulator/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(p.StopWith(SIGTERM), 0);
}

TEST(MainTest, LoadsDataFileAndHonoursAdminFlag) {
  std::string path = absl::StrCat(std::getenv("TEST_TMPDIR"), "/seed.json");
  std::ofstream(path) << R"({"users":[{"login":"solo","tokens":["pul-test-solo"]}],)"
                         R"("orgs":[{"name":"tiny","members":[{"login":"solo","role":"admin"}]}]})";
  Process p({"--listen=127.0.0.1:0", absl::StrCat("--data=", path), "--admin=false"});
  int port = PortFrom(p.ReadLine(absl::Seconds(10)));
  ASSERT_GT(port, 0);
  httplib::Client client("127.0.0.1", port);
  httplib::Result r =
      client.Get("/api/orgs/tiny/members", {{"Authorization", "token pul-test-solo"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  httplib::Result admin =
      client.Get("/_emulator/health", {{"Authorization", "token pul-test-solo"}});
  ASSERT_TRUE(admin);
  EXPECT_EQ(admin->status, 404);
  EXPECT_EQ(p.StopWith(SIGINT), 0);
}

TEST(MainTest, RateLimitFlagIsTheStartUpSetting) {
  Process p({"--listen=127.0.0.1:0", "--rate_limit_rps=3"});
  int port = PortFrom(p.ReadLine(absl::Seconds(10)));
  ASSERT_GT(port, 0);
  httplib::Client client("127.0.0.1", port);
  httplib::Result limit = client.Get("/_emulator/rate-limit");
  ASSERT_TRUE(limit);
  EXPECT_EQ(limit->status, 200);
  EXPECT_EQ(limit->body, R"({"rps":3.0})");
  httplib::Result off = client.Put("/_emulator/rate-limit", R"({"rps":0})", "application/json");
  ASSERT_TRUE(off);
  EXPECT_EQ(off->body, R"({"rps":0.0})");
  httplib::Result reset = client.Post("/_emulator/reset");
  ASSERT_TRUE(reset);
  EXPECT_EQ(reset->status, 204);
  EXPECT_EQ(client.Get("/_emulator/rate-limit")->body, R"({"rps":3.0})");
  EXPECT_EQ(p.StopWith(SIGTERM), 0);
}

TEST(MainTest, ConformanceFlags) {
  std::string org = "/api/orgs/acme-corp";  // GetOrganization: no stateful route
  auto get = [](int port, const std::string& path) {
    httplib::Client client("127.0.0.1", port);
    httplib::Result r =
        client.Get(path.c_str(), {{"Authorization", absl::StrCat("token ", kJdoe)}});
    return r ? r->status : -1;
  };
  {
    Process on({"--listen=127.0.0.1:0"});
    int port = PortFrom(on.ReadLine(absl::Seconds(10)));
    ASSERT_GT(port, 0);
    EXPECT_EQ(get(port, org), 200);
    EXPECT_EQ(on.StopWith(SIGTERM), 0);
  }
  {
    Process off({"--listen=127.0.0.1:0", "--conformance=false"});
    int port = PortFrom(off.ReadLine(absl::Seconds(10)));
    ASSERT_GT(port, 0);
    EXPECT_EQ(get(port, org), 404);
    EXPECT_EQ(off.StopWith(SIGTERM), 0);
  }
  std::string path = absl::StrCat(std::getenv("TEST_TMPDIR"), "/api.json");
  std::ofstream(path) << R"({"paths":{"/api/ping":{"get":{"operationId":"Ping",)"
                         R"("responses":{"200":{"content":{"application/json":{"schema":)"
                         R"({"type":"object","properties":{"pong":{"type":"boolean"}}}}}}}}}}})";
  Process custom({"--listen=127.0.0.1:0", absl::StrCat("--api_description=", path)});
  int port = PortFrom(custom.ReadLine(absl::Seconds(10)));
  ASSERT_GT(port, 0);
  EXPECT_EQ(get(port, "/api/ping"), 200);
  EXPECT_EQ(get(port, org), 404);
  EXPECT_EQ(custom.StopWith(SIGTERM), 0);
}

TEST(MainTest, RejectsBadFlags) {
  Process bad_listen({"--listen=nonsense"});
  EXPECT_NE(bad_listen.ReadLine(absl::Seconds(10)).find("--listen must be host:port"),
            std::string::npos);
  EXPECT_EQ(bad_listen.Wait(), 1);
  Process bad_data({"--listen=127.0.0.1:0", "--data=/nonexistent.json"});
  EXPECT_NE(bad_data.ReadLine(absl::Seconds(10)).find("cannot read seed file"), std::string::npos);
  EXPECT_EQ(bad_data.Wait(), 1);
  Process no_api({"--listen=127.0.0.1:0", "--api_description=/nonexistent.json"});
  EXPECT_NE(no_api.ReadLine(absl::Seconds(10)).find("cannot read --api_description"),
            std::string::npos);
  EXPECT_EQ(no_api.Wait(), 1);
  std::string path = absl::StrCat(std::getenv("TEST_TMPDIR"), "/bad-api.json");
  std::ofstream(path) << R"({"paths":{"/a":{"get":{"responses":{}}}}})";
  Process bad_api({"--listen=127.0.0.1:0", absl::StrCat("--api_description=", path)});
  EXPECT_NE(bad_api.ReadLine(absl::Seconds(10)).find("GET /a has no operationId"),
            std::string::npos);
  EXPECT_EQ(bad_api.Wait(), 1);
}

}  // namespace
