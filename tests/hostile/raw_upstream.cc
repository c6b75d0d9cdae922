#include "tests/hostile/raw_upstream.h"

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"

namespace pulumi_gateway::testing {

std::string RawRequest::Header(absl::string_view name) const {
  for (absl::string_view line : absl::StrSplit(head, "\r\n")) {
    const size_t colon = line.find(':');
    if (colon != absl::string_view::npos &&
        absl::EqualsIgnoreCase(absl::StripAsciiWhitespace(line.substr(0, colon)), name)) {
      return std::string(absl::StripAsciiWhitespace(line.substr(colon + 1)));
    }
  }
  return "";
}

std::optional<RawRequest> RawConnection::ReadRequest(absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  auto fill = [&]() -> bool {
    if (upstream_->stopping()) return false;
    const int64_t left = absl::ToInt64Milliseconds(deadline - absl::Now());
    if (left <= 0) return false;
    pollfd p = {fd_, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left)) <= 0) return false;
    char buffer[16384];
    const ssize_t n = recv(fd_, buffer, sizeof(buffer), 0);
    if (n <= 0) return false;
    pending_.append(buffer, static_cast<size_t>(n));
    return true;
  };
  size_t end;
  while ((end = pending_.find("\r\n\r\n")) == std::string::npos) {
    if (!fill()) return std::nullopt;
  }
  RawRequest request;
  request.head = pending_.substr(0, end);
  size_t length = 0;
  const std::string declared = request.Header("Content-Length");
  if (!declared.empty() && !absl::SimpleAtoi(declared, &length)) return std::nullopt;
  while (pending_.size() < end + 4 + length) {
    if (!fill()) return std::nullopt;
  }
  request.body = pending_.substr(end + 4, length);
  pending_.erase(0, end + 4 + length);
  std::vector<std::string> words =
      absl::StrSplit(request.head.substr(0, request.head.find("\r\n")), absl::MaxSplits(' ', 2));
  if (words.size() >= 2) {
    request.method = words[0];
    request.target = words[1];
  }
  upstream_->requests_.fetch_add(1);
  return request;
}

bool RawConnection::Write(absl::string_view bytes) {
  while (!bytes.empty()) {
    if (upstream_->stopping()) return false;
    const ssize_t n = send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

bool RawConnection::Pause(absl::Duration duration) {
  const absl::Time until = absl::Now() + duration;
  // Short steps, so a stopping upstream ends the pause quickly.
  while (!upstream_->stopping()) {
    const absl::Duration left = until - absl::Now();
    if (left <= absl::ZeroDuration()) return true;
    absl::SleepFor(std::min(left, absl::Milliseconds(10)));
  }
  return false;
}

bool RawConnection::WaitPeerClosed(absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (!upstream_->stopping()) {
    const int64_t left = absl::ToInt64Milliseconds(deadline - absl::Now());
    if (left <= 0) return false;
    pollfd p = {fd_, POLLIN | POLLRDHUP, 0};
    if (poll(&p, 1, static_cast<int>(std::min<int64_t>(left, 100))) <= 0) continue;
    char buffer[4096];
    const ssize_t n = recv(fd_, buffer, sizeof(buffer), MSG_DONTWAIT);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) return true;
    if (n > 0) pending_.append(buffer, static_cast<size_t>(n));
  }
  return false;
}

void RawConnection::CloseWrite() { shutdown(fd_, SHUT_WR); }

RawUpstream::RawUpstream(Script script) : script_(std::move(script)) {
  listen_fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address = {};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  const int one = 1;
  setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  if (bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
      listen(listen_fd_, 128) != 0) {
    return;
  }
  socklen_t size = sizeof(address);
  getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &size);
  port_ = ntohs(address.sin_port);
  acceptor_ = std::thread([this] { Accept(); });
}

RawUpstream::~RawUpstream() {
  stopping_.store(true);
  // shutdown wakes a blocked accept, poll, recv or send.
  shutdown(listen_fd_, SHUT_RDWR);
  if (acceptor_.joinable()) acceptor_.join();
  std::vector<std::thread> scripts;
  {
    absl::MutexLock lock(&mu_);
    for (int fd : fds_) shutdown(fd, SHUT_RDWR);
    scripts.swap(scripts_);
  }
  for (std::thread& t : scripts) t.join();
  absl::MutexLock lock(&mu_);
  for (int fd : fds_) close(fd);
  close(listen_fd_);
}

void RawUpstream::Accept() {
  while (!stopping_.load()) {
    const int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR) continue;
      return;
    }
    absl::MutexLock lock(&mu_);
    if (stopping_.load()) {
      close(fd);
      return;
    }
    fds_.push_back(fd);
    const int index = connections_.fetch_add(1);
    scripts_.emplace_back([this, fd, index] {
      RawConnection connection(this, fd, index);
      script_(connection);
      // The script is done with the connection: the peer sees it close.
      if (!stopping_.load()) shutdown(fd, SHUT_RDWR);
    });
  }
}

}  // namespace pulumi_gateway::testing
