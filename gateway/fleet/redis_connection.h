// A small blocking Redis client for one thread: a TCP or TLS (OpenSSL) socket, hiredis's protocol
// reader and command formatter on top, AUTH at connect, and a deadline on every step. The shared
// quota store runs it on its own I/O threads only; no gRPC or timer thread ever calls it.
//
//   absl::StatusOr<RedisEndpoint> endpoint = ParseRedisUrl("rediss://gateway@redis:6380");
//   RedisConnectionOptions options{.endpoint = *endpoint, .password = "..."};
//   absl::StatusOr<std::unique_ptr<RedisConnection>> redis = RedisConnection::Connect(options);
//   absl::StatusOr<RedisReply> pong = (*redis)->Command({"PING"});  // status "PONG"
//
// hiredis 0.14 (Debian 12) has no TLS of its own; its reader parses any byte stream, so the
// socket and TLS are this file's.
#ifndef GATEWAY_FLEET_REDIS_CONNECTION_H_
#define GATEWAY_FLEET_REDIS_CONNECTION_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace pulumi_gateway {

// Where the store is: `redis://[USER@]HOST:PORT` or `rediss://...` (TLS). The password never
// goes in the URL (it would show in flags and process listings): it comes from a file.
struct RedisEndpoint {
  std::string host;
  int port = 6379;
  bool tls = false;
  // ACL user; empty: the default user (AUTH with the password alone).
  std::string user;

  // "redis://HOST:PORT" or "rediss://USER@HOST:PORT": no secret, fit for logs.
  std::string ToString() const;
};

// INVALID_ARGUMENT for anything but `redis[s]://[USER@]HOST[:PORT]` (a port in 1..65535, no
// path or query, no password in the URL).
absl::StatusOr<RedisEndpoint> ParseRedisUrl(absl::string_view url);

struct RedisConnectionOptions {
  RedisEndpoint endpoint;
  // Sent with AUTH when not empty.
  std::string password;
  // rediss://: PEM CA bundle to verify the server's certificate with. Empty: the system store.
  std::string ca_file;
  // TCP connect, TLS handshake and AUTH together. Default 1s.
  absl::Duration connect_timeout = absl::Seconds(1);
  // Sending one command and reading its reply. Default 250ms.
  absl::Duration io_timeout = absl::Milliseconds(250);
  // Largest reply accepted (a hostile or broken server cannot make the gateway buffer more).
  // Default 1 MiB.
  size_t max_reply_bytes = 1 << 20;
};

// One reply, copied out of hiredis's objects.
struct RedisReply {
  enum class Type { kNil, kInteger, kString, kStatus, kError, kArray };
  Type type = Type::kNil;
  int64_t integer = 0;
  // kString, kStatus and kError.
  std::string str;
  std::vector<RedisReply> elements;

  bool is_error() const { return type == Type::kError; }
};

class RedisConnection final {
 public:
  // Connects, completes TLS for rediss:// and authenticates. UNAVAILABLE when the server cannot
  // be reached or closes the connection, DEADLINE_EXCEEDED when a step times out,
  // PERMISSION_DENIED when the server refuses the credentials (or wants some and has none),
  // FAILED_PRECONDITION when the server's certificate does not verify. Messages name the
  // endpoint, never the password.
  static absl::StatusOr<std::unique_ptr<RedisConnection>> Connect(
      const RedisConnectionOptions& options);
  ~RedisConnection();
  RedisConnection(const RedisConnection&) = delete;
  RedisConnection& operator=(const RedisConnection&) = delete;

  // Sends one command and reads its reply (a Redis error reply is a reply, not a Status).
  // UNAVAILABLE / DEADLINE_EXCEEDED / DATA_LOSS (unparsable or oversized reply): the connection
  // is then broken and must be dropped.
  absl::StatusOr<RedisReply> Command(const std::vector<std::string>& argv);

  // For a subscribed connection: sends without reading, then reads pushed replies. Read returns
  // DEADLINE_EXCEEDED (the connection stays usable) when nothing arrived within `timeout`.
  absl::Status Send(const std::vector<std::string>& argv);
  absl::StatusOr<RedisReply> Read(absl::Duration timeout);

  const RedisEndpoint& endpoint() const { return options_.endpoint; }

 private:
  struct Tls;
  explicit RedisConnection(RedisConnectionOptions options);
  absl::Status Open();
  absl::Status Handshake(absl::Time deadline);
  absl::Status WriteAll(absl::string_view bytes, absl::Time deadline);
  // Reads what is available (waiting until `deadline`) and feeds the reader.
  absl::Status ReadSome(absl::Time deadline);
  absl::StatusOr<RedisReply> ReadReply(absl::Time deadline, bool timeout_keeps_connection);
  absl::Status Wait(bool for_write, absl::Time deadline);
  absl::Status Error(absl::StatusCode code, absl::string_view what) const;

  const RedisConnectionOptions options_;
  int fd_ = -1;
  std::unique_ptr<Tls> tls_;
  void* reader_ = nullptr;  // redisReader*
  size_t buffered_ = 0;     // bytes fed to the reader since its last complete reply
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_FLEET_REDIS_CONNECTION_H_
