#include "tests/support/redis_server.h"

#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace pulumi_gateway::testing {
namespace {

constexpr char kBinary[] = "/usr/bin/redis-server";

absl::StatusOr<int> FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return absl::InternalError("socket failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(address);
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    close(fd);
    return absl::InternalError("cannot find a free port");
  }
  close(fd);
  return ntohs(address.sin_port);
}

}  // namespace

absl::StatusOr<std::unique_ptr<RedisServer>> RedisServer::Start(RedisServerOptions options) {
  if (access(kBinary, X_OK) != 0) {
    return absl::FailedPreconditionError(
        absl::StrCat(kBinary, " is missing: scripts/setup installs redis-server"));
  }
  std::unique_ptr<RedisServer> server(new RedisServer(std::move(options)));
  const char* tmp = std::getenv("TEST_TMPDIR");
  std::string pattern = absl::StrCat(tmp != nullptr ? tmp : "/tmp", "/redis.XXXXXX");
  if (mkdtemp(pattern.data()) == nullptr) return absl::InternalError("mkdtemp failed");
  server->dir_ = pattern;
  absl::Status launched;
  // The free port may be taken between the probe and redis-server's bind: try a few.
  for (int attempt = 0; attempt < 5; ++attempt) {
    absl::StatusOr<int> port = FreePort();
    if (!port.ok()) return port.status();
    server->port_ = *port;
    launched = server->Launch();
    if (launched.ok()) return server;
  }
  return launched;
}

absl::Status RedisServer::Launch() {
  std::vector<std::string> args = {
      "--bind",       "127.0.0.1", "--dir",     dir_,          "--save",      "",
      "--appendonly", "no",        "--logfile", "/dev/stderr", "--daemonize", "no"};
  if (options_.cert_dir.empty()) {
    args.insert(args.end(), {"--port", absl::StrCat(port_)});
  } else {
    args.insert(args.end(), {"--port", "0", "--tls-port", absl::StrCat(port_), "--tls-cert-file",
                             options_.cert_dir + "/server.pem", "--tls-key-file",
                             options_.cert_dir + "/server.key", "--tls-ca-cert-file",
                             options_.cert_dir + "/ca.pem", "--tls-auth-clients", "no"});
  }
  if (!options_.password.empty()) args.insert(args.end(), {"--requirepass", options_.password});
  process_ = std::make_unique<ChildProcess>(kBinary, std::move(args));
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  while (absl::Now() < deadline) {
    const std::string log = process_->Stderr();
    if (absl::StrContains(log, "Ready to accept connections")) return absl::OkStatus();
    if (process_->Wait(absl::ZeroDuration()).ok()) {
      return absl::UnavailableError(absl::StrCat("redis-server exited: ", log));
    }
    absl::SleepFor(absl::Milliseconds(20));  // polling the log for the ready line
  }
  return absl::DeadlineExceededError(absl::StrCat("redis-server not ready: ", process_->Stderr()));
}

RedisServer::~RedisServer() {
  Thaw();
  process_.reset();
}

void RedisServer::Stop() {
  Thaw();
  process_.reset();
}

absl::Status RedisServer::Restart() {
  Stop();
  return Launch();
}

void RedisServer::Freeze() {
  if (process_ != nullptr && !frozen_) {
    kill(process_->pid(), SIGSTOP);
    frozen_ = true;
  }
}

void RedisServer::Thaw() {
  if (process_ != nullptr && frozen_) {
    kill(process_->pid(), SIGCONT);
    frozen_ = false;
  }
}

std::string RedisServer::url() const {
  return absl::StrCat(options_.cert_dir.empty() ? "redis" : "rediss", "://127.0.0.1:", port_);
}

RedisConnectionOptions RedisServer::ClientOptions() const {
  RedisConnectionOptions options;
  options.endpoint.host = "127.0.0.1";
  options.endpoint.port = port_;
  options.endpoint.tls = !options_.cert_dir.empty();
  options.password = options_.password;
  if (!options_.cert_dir.empty()) options.ca_file = options_.cert_dir + "/ca.pem";
  options.io_timeout = absl::Seconds(2);
  options.connect_timeout = absl::Seconds(2);
  return options;
}

absl::StatusOr<std::unique_ptr<RedisConnection>> RedisServer::Connect() const {
  return RedisConnection::Connect(ClientOptions());
}

}  // namespace pulumi_gateway::testing
