// A throwaway redis-server for tests: its own process on 127.0.0.1 with a free port, its own data
// directory under the test's temp dir, no persistence; stopped by the destructor. Never a system
// service. Optionally with a password and TLS (certificates from gen_certs.sh).
//
//   absl::StatusOr<std::unique_ptr<RedisServer>> redis = RedisServer::Start({});
//   std::string url = (*redis)->url();          // "redis://127.0.0.1:PORT"
//   (*redis)->Stop();  (*redis)->Restart();     // an outage, on the same port
//   (*redis)->Freeze();  (*redis)->Thaw();      // a server that stops answering (SIGSTOP)
#ifndef TESTS_SUPPORT_REDIS_SERVER_H_
#define TESTS_SUPPORT_REDIS_SERVER_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "gateway/fleet/redis_connection.h"
#include "tests/support/child_process.h"

namespace pulumi_gateway::testing {

struct RedisServerOptions {
  // requirepass; empty: none.
  std::string password;
  // Serve TLS only, with server.pem/server.key from `cert_dir` (gen_certs.sh's output).
  std::string cert_dir;
};

class RedisServer final {
 public:
  static absl::StatusOr<std::unique_ptr<RedisServer>> Start(RedisServerOptions options);
  ~RedisServer();

  // Stops the server (SIGTERM, waits); Restart starts it again on the same port, empty.
  void Stop();
  absl::Status Restart();
  // SIGSTOP / SIGCONT: connections stay open, nothing is answered.
  void Freeze();
  void Thaw();

  int port() const { return port_; }
  // "redis://127.0.0.1:PORT" (rediss:// with TLS).
  std::string url() const;
  // Options for a client of this server (password, CA), e.g. to inspect keys.
  RedisConnectionOptions ClientOptions() const;
  absl::StatusOr<std::unique_ptr<RedisConnection>> Connect() const;

 private:
  explicit RedisServer(RedisServerOptions options) : options_(std::move(options)) {}
  absl::Status Launch();

  const RedisServerOptions options_;
  int port_ = 0;
  std::string dir_;
  bool frozen_ = false;
  std::unique_ptr<ChildProcess> process_;
};

}  // namespace pulumi_gateway::testing

#endif  // TESTS_SUPPORT_REDIS_SERVER_H_
