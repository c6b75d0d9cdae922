#include "gateway/fleet/redis_connection.h"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "hiredis/hiredis.h"
#include "openssl/err.h"
#include "openssl/ssl.h"
#include "openssl/x509v3.h"

namespace pulumi_gateway {
namespace {

RedisReply Copy(const redisReply* r) {
  RedisReply out;
  switch (r->type) {
    case REDIS_REPLY_INTEGER:
      out.type = RedisReply::Type::kInteger;
      out.integer = r->integer;
      break;
    case REDIS_REPLY_STRING:
    case REDIS_REPLY_STATUS:
    case REDIS_REPLY_ERROR:
      out.type = r->type == REDIS_REPLY_STRING   ? RedisReply::Type::kString
                 : r->type == REDIS_REPLY_STATUS ? RedisReply::Type::kStatus
                                                 : RedisReply::Type::kError;
      out.str.assign(r->str, r->len);
      break;
    case REDIS_REPLY_ARRAY:
      out.type = RedisReply::Type::kArray;
      for (size_t i = 0; i < r->elements; ++i) out.elements.push_back(Copy(r->element[i]));
      break;
    default:
      out.type = RedisReply::Type::kNil;
  }
  return out;
}

std::string OpenSslError() {
  const unsigned long code = ERR_get_error();
  ERR_clear_error();
  if (code == 0) return "TLS error";
  char text[256];
  ERR_error_string_n(code, text, sizeof(text));
  return text;
}

}  // namespace

struct RedisConnection::Tls {
  SSL_CTX* ctx = nullptr;
  SSL* ssl = nullptr;
  ~Tls() {
    if (ssl != nullptr) SSL_free(ssl);
    if (ctx != nullptr) SSL_CTX_free(ctx);
  }
};

std::string RedisEndpoint::ToString() const {
  const bool v6 = absl::StrContains(host, ':');
  return absl::StrCat(tls ? "rediss://" : "redis://", user.empty() ? "" : user + "@", v6 ? "[" : "",
                      host, v6 ? "]" : "", ":", port);
}

absl::StatusOr<RedisEndpoint> ParseRedisUrl(absl::string_view url) {
  RedisEndpoint endpoint;
  absl::string_view rest = url;
  if (absl::ConsumePrefix(&rest, "rediss://")) {
    endpoint.tls = true;
    endpoint.port = 6380;
  } else if (!absl::ConsumePrefix(&rest, "redis://")) {
    return absl::InvalidArgumentError("must start with redis:// or rediss:// (TLS)");
  }
  while (absl::ConsumeSuffix(&rest, "/")) {
  }
  if (rest.find_first_of("/?#") != absl::string_view::npos) {
    return absl::InvalidArgumentError("takes no path, query or fragment: redis://[USER@]HOST:PORT");
  }
  if (const size_t at = rest.rfind('@'); at != absl::string_view::npos) {
    absl::string_view user = rest.substr(0, at);
    rest = rest.substr(at + 1);
    if (absl::StrContains(user, ':')) {
      return absl::InvalidArgumentError(
          "holds a password; put it in --quota_store_password_file instead (a URL shows in "
          "process listings)");
    }
    if (user.empty()) return absl::InvalidArgumentError("has an empty user before '@'");
    endpoint.user = std::string(user);
  }
  absl::string_view port;
  if (absl::ConsumePrefix(&rest, "[")) {
    const size_t close = rest.find(']');
    if (close == absl::string_view::npos) return absl::InvalidArgumentError("has an unclosed '['");
    endpoint.host = std::string(rest.substr(0, close));
    rest = rest.substr(close + 1);
    if (!rest.empty() && !absl::ConsumePrefix(&rest, ":")) {
      return absl::InvalidArgumentError("has text after the IPv6 address");
    }
    port = rest;
  } else {
    const size_t colon = rest.rfind(':');
    endpoint.host = std::string(rest.substr(0, colon));
    if (colon != absl::string_view::npos) port = rest.substr(colon + 1);
  }
  if (endpoint.host.empty()) return absl::InvalidArgumentError("has no host");
  if (!port.empty() &&
      (!absl::SimpleAtoi(port, &endpoint.port) || endpoint.port < 1 || endpoint.port > 65535)) {
    return absl::InvalidArgumentError(absl::StrCat("has an invalid port '", port, "'"));
  }
  return endpoint;
}

RedisConnection::RedisConnection(RedisConnectionOptions options) : options_(std::move(options)) {
  reader_ = redisReaderCreate();
}

RedisConnection::~RedisConnection() {
  tls_.reset();
  if (fd_ >= 0) close(fd_);
  if (reader_ != nullptr) redisReaderFree(static_cast<redisReader*>(reader_));
}

absl::Status RedisConnection::Error(absl::StatusCode code, absl::string_view what) const {
  return absl::Status(code, absl::StrCat("Redis at ", options_.endpoint.ToString(), ": ", what));
}

absl::StatusOr<std::unique_ptr<RedisConnection>> RedisConnection::Connect(
    const RedisConnectionOptions& options) {
  std::unique_ptr<RedisConnection> connection(new RedisConnection(options));
  if (absl::Status s = connection->Open(); !s.ok()) return s;
  return connection;
}

absl::Status RedisConnection::Open() {
  const absl::Time deadline = absl::Now() + options_.connect_timeout;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* addresses = nullptr;
  const std::string port = absl::StrCat(options_.endpoint.port);
  if (int rc = getaddrinfo(options_.endpoint.host.c_str(), port.c_str(), &hints, &addresses);
      rc != 0) {
    return Error(absl::StatusCode::kUnavailable,
                 absl::StrCat("cannot resolve the host: ", gai_strerror(rc)));
  }
  absl::Status last = Error(absl::StatusCode::kUnavailable, "no address");
  for (addrinfo* a = addresses; a != nullptr; a = a->ai_next) {
    fd_ = socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
    if (fd_ < 0) continue;
    int one = 1;
    setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    if (connect(fd_, a->ai_addr, a->ai_addrlen) == 0) break;
    if (errno == EINPROGRESS) {
      last = Wait(/*for_write=*/true, deadline);
      int error = 0;
      socklen_t length = sizeof(error);
      if (last.ok() && getsockopt(fd_, SOL_SOCKET, SO_ERROR, &error, &length) == 0 && error == 0) {
        break;
      }
      if (last.ok()) {
        last = Error(absl::StatusCode::kUnavailable,
                     absl::StrCat("cannot connect: ", std::strerror(error)));
      }
    } else {
      last = Error(absl::StatusCode::kUnavailable,
                   absl::StrCat("cannot connect: ", std::strerror(errno)));
    }
    close(fd_);
    fd_ = -1;
  }
  freeaddrinfo(addresses);
  if (fd_ < 0) return last;
  if (options_.endpoint.tls) {
    if (absl::Status s = Handshake(deadline); !s.ok()) return s;
  }
  if (!options_.password.empty()) {
    std::vector<std::string> auth = {"AUTH"};
    if (!options_.endpoint.user.empty()) auth.push_back(options_.endpoint.user);
    auth.push_back(options_.password);
    absl::StatusOr<RedisReply> reply = Command(auth);
    if (!reply.ok()) return reply.status();
    if (reply->is_error()) {
      return Error(absl::StatusCode::kPermissionDenied,
                   absl::StrCat("refused the credentials: ", reply->str));
    }
  }
  // Proves the connection works and catches a server that wants credentials we do not have.
  absl::StatusOr<RedisReply> pong = Command({"PING"});
  if (!pong.ok()) return pong.status();
  if (pong->is_error()) {
    return Error(absl::StartsWith(pong->str, "NOAUTH") || absl::StartsWith(pong->str, "NOPERM")
                     ? absl::StatusCode::kPermissionDenied
                     : absl::StatusCode::kUnavailable,
                 pong->str);
  }
  return absl::OkStatus();
}

absl::Status RedisConnection::Handshake(absl::Time deadline) {
  tls_ = std::make_unique<Tls>();
  tls_->ctx = SSL_CTX_new(TLS_client_method());
  if (tls_->ctx == nullptr) return Error(absl::StatusCode::kInternal, OpenSslError());
  SSL_CTX_set_min_proto_version(tls_->ctx, TLS1_2_VERSION);
  SSL_CTX_set_verify(tls_->ctx, SSL_VERIFY_PEER, nullptr);
  const int loaded = options_.ca_file.empty() ? SSL_CTX_set_default_verify_paths(tls_->ctx)
                                              : SSL_CTX_load_verify_locations(
                                                    tls_->ctx, options_.ca_file.c_str(), nullptr);
  if (loaded != 1) {
    return Error(absl::StatusCode::kFailedPrecondition,
                 absl::StrCat("cannot load the CA certificates: ", OpenSslError()));
  }
  tls_->ssl = SSL_new(tls_->ctx);
  SSL_set_fd(tls_->ssl, fd_);
  SSL_set_tlsext_host_name(tls_->ssl, options_.endpoint.host.c_str());
  SSL_set1_host(tls_->ssl, options_.endpoint.host.c_str());
  while (true) {
    const int rc = SSL_connect(tls_->ssl);
    if (rc == 1) return absl::OkStatus();
    const int error = SSL_get_error(tls_->ssl, rc);
    if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) {
      if (absl::Status s = Wait(error == SSL_ERROR_WANT_WRITE, deadline); !s.ok()) return s;
      continue;
    }
    const long verify = SSL_get_verify_result(tls_->ssl);
    if (verify != X509_V_OK) {
      return Error(
          absl::StatusCode::kFailedPrecondition,
          absl::StrCat("TLS certificate not trusted: ", X509_verify_cert_error_string(verify)));
    }
    return Error(absl::StatusCode::kUnavailable,
                 absl::StrCat("TLS handshake failed: ", OpenSslError()));
  }
}

absl::Status RedisConnection::Wait(bool for_write, absl::Time deadline) {
  while (true) {
    const absl::Duration left = deadline - absl::Now();
    if (left <= absl::ZeroDuration()) {
      return Error(absl::StatusCode::kDeadlineExceeded, "timed out");
    }
    pollfd p{fd_, static_cast<short>(for_write ? POLLOUT : POLLIN), 0};
    const int rc =
        poll(&p, 1,
             static_cast<int>(absl::ToInt64Milliseconds(absl::Ceil(left, absl::Milliseconds(1)))));
    if (rc > 0) return absl::OkStatus();  // errors and hang-ups show in the next read or write
    if (rc < 0 && errno != EINTR) {
      return Error(absl::StatusCode::kUnavailable, std::strerror(errno));
    }
  }
}

absl::Status RedisConnection::WriteAll(absl::string_view bytes, absl::Time deadline) {
  while (!bytes.empty()) {
    ssize_t n;
    bool want_write = true;
    if (tls_ != nullptr) {
      ERR_clear_error();
      n = SSL_write(tls_->ssl, bytes.data(), static_cast<int>(bytes.size()));
      if (n <= 0) {
        const int error = SSL_get_error(tls_->ssl, static_cast<int>(n));
        if (error != SSL_ERROR_WANT_READ && error != SSL_ERROR_WANT_WRITE) {
          return Error(absl::StatusCode::kUnavailable, "connection lost while writing");
        }
        want_write = error == SSL_ERROR_WANT_WRITE;
      }
    } else {
      n = send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n < 0 && errno != EAGAIN && errno != EINTR) {
        return Error(absl::StatusCode::kUnavailable,
                     absl::StrCat("connection lost while writing: ", std::strerror(errno)));
      }
    }
    if (n > 0) {
      bytes.remove_prefix(static_cast<size_t>(n));
      continue;
    }
    if (absl::Status s = Wait(want_write, deadline); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status RedisConnection::ReadSome(absl::Time deadline) {
  char buffer[16384];
  while (true) {
    ssize_t n;
    bool want_write = false;
    if (tls_ != nullptr) {
      ERR_clear_error();
      n = SSL_read(tls_->ssl, buffer, sizeof(buffer));
      if (n <= 0) {
        const int error = SSL_get_error(tls_->ssl, static_cast<int>(n));
        if (error != SSL_ERROR_WANT_READ && error != SSL_ERROR_WANT_WRITE) {
          return Error(absl::StatusCode::kUnavailable, "connection closed");
        }
        want_write = error == SSL_ERROR_WANT_WRITE;
        n = -1;
      }
    } else {
      n = recv(fd_, buffer, sizeof(buffer), 0);
      if (n == 0) return Error(absl::StatusCode::kUnavailable, "connection closed");
      if (n < 0 && errno != EAGAIN && errno != EINTR) {
        return Error(absl::StatusCode::kUnavailable,
                     absl::StrCat("connection lost while reading: ", std::strerror(errno)));
      }
    }
    if (n > 0) {
      buffered_ += static_cast<size_t>(n);
      if (buffered_ > options_.max_reply_bytes) {
        return Error(absl::StatusCode::kDataLoss, "reply larger than the limit");
      }
      if (redisReaderFeed(static_cast<redisReader*>(reader_), buffer, static_cast<size_t>(n)) !=
          REDIS_OK) {
        return Error(absl::StatusCode::kDataLoss, "unreadable reply");
      }
      return absl::OkStatus();
    }
    if (absl::Status s = Wait(want_write, deadline); !s.ok()) return s;
  }
}

absl::StatusOr<RedisReply> RedisConnection::ReadReply(absl::Time deadline,
                                                      bool timeout_keeps_connection) {
  while (true) {
    void* raw = nullptr;
    if (redisReaderGetReply(static_cast<redisReader*>(reader_), &raw) != REDIS_OK) {
      return Error(absl::StatusCode::kDataLoss, "unreadable reply");
    }
    if (raw != nullptr) {
      RedisReply reply = Copy(static_cast<redisReply*>(raw));
      freeReplyObject(raw);
      buffered_ = 0;
      return reply;
    }
    absl::Status s = ReadSome(deadline);
    if (!s.ok()) {
      if (!(timeout_keeps_connection && absl::IsDeadlineExceeded(s))) {
        // Whatever happens next on this connection would be out of step: make it unusable.
        tls_.reset();
        if (fd_ >= 0) close(fd_);
        fd_ = -1;
      }
      return s;
    }
  }
}

absl::Status RedisConnection::Send(const std::vector<std::string>& argv) {
  if (fd_ < 0) return Error(absl::StatusCode::kUnavailable, "connection closed");
  std::vector<const char*> args;
  std::vector<size_t> lengths;
  for (const std::string& a : argv) {
    args.push_back(a.data());
    lengths.push_back(a.size());
  }
  char* command = nullptr;
  const int length =
      redisFormatCommandArgv(&command, static_cast<int>(args.size()), args.data(), lengths.data());
  if (length < 0) return Error(absl::StatusCode::kInternal, "cannot format a command");
  absl::Status s = WriteAll(absl::string_view(command, static_cast<size_t>(length)),
                            absl::Now() + options_.io_timeout);
  redisFreeCommand(command);
  return s;
}

absl::StatusOr<RedisReply> RedisConnection::Read(absl::Duration timeout) {
  if (fd_ < 0) return Error(absl::StatusCode::kUnavailable, "connection closed");
  return ReadReply(absl::Now() + timeout, /*timeout_keeps_connection=*/true);
}

absl::StatusOr<RedisReply> RedisConnection::Command(const std::vector<std::string>& argv) {
  if (absl::Status s = Send(argv); !s.ok()) return s;
  return ReadReply(absl::Now() + options_.io_timeout, /*timeout_keeps_connection=*/false);
}

}  // namespace pulumi_gateway
