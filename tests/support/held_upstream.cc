#include "tests/support/held_upstream.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <map>
#include <queue>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace pulumi_gateway::testing {
namespace {

struct Connection {
  std::string in;
  int pending = 0;  // requests read but not yet answered
};

// Length of the first complete request in `in` (headers + Content-Length body), or 0.
size_t RequestLength(const std::string& in) {
  size_t end = in.find("\r\n\r\n");
  if (end == std::string::npos) return 0;
  size_t length = end + 4;
  absl::string_view headers(in.data(), end);
  size_t pos = 0;
  while (pos < headers.size()) {
    size_t next = headers.find("\r\n", pos);
    absl::string_view line =
        headers.substr(pos, next == absl::string_view::npos ? next : next - pos);
    if (absl::StartsWithIgnoreCase(line, "content-length:")) {
      size_t body = 0;
      if (absl::SimpleAtoi(absl::StripAsciiWhitespace(line.substr(15)), &body)) length += body;
    }
    if (next == absl::string_view::npos) break;
    pos = next + 2;
  }
  return in.size() >= length ? length : 0;
}

}  // namespace

HeldUpstream::HeldUpstream(absl::Duration hold, std::string body)
    : hold_(hold),
      response_(absl::StrCat(
          "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ", body.size(),
          "\r\n\r\n", body)) {
  listen_fd_ = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  int one = 1;
  setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
  listen(listen_fd_, 4096);
  socklen_t len = sizeof(addr);
  getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  epoll_fd_ = epoll_create1(0);
  wake_fd_ = eventfd(0, EFD_NONBLOCK);
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.fd = listen_fd_;
  epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, listen_fd_, &ev);
  ev.data.fd = wake_fd_;
  epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &ev);
  thread_ = std::thread([this] { Run(); });
}

HeldUpstream::~HeldUpstream() {
  stop_ = true;
  uint64_t one = 1;
  (void)!write(wake_fd_, &one, sizeof(one));
  thread_.join();
  close(wake_fd_);
  close(epoll_fd_);
  close(listen_fd_);
}

void HeldUpstream::Run() {
  std::map<int, Connection> connections;
  using Due = std::pair<absl::Time, int>;
  std::priority_queue<Due, std::vector<Due>, std::greater<Due>> due;
  std::vector<epoll_event> events(256);

  auto drop = [&](int fd) {
    auto it = connections.find(fd);
    if (it == connections.end()) return;
    held_ -= it->second.pending;
    connections.erase(it);
    epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
    close(fd);
    ++closed_;
  };

  while (!stop_) {
    int timeout_ms = 100;
    if (!due.empty()) {
      timeout_ms = static_cast<int>(std::max<int64_t>(
          0, std::min<int64_t>(100, absl::ToInt64Milliseconds(due.top().first - absl::Now()) + 1)));
    }
    int n = epoll_wait(epoll_fd_, events.data(), static_cast<int>(events.size()), timeout_ms);
    for (int i = 0; i < n; ++i) {
      int fd = events[i].data.fd;
      if (fd == wake_fd_) continue;
      if (fd == listen_fd_) {
        while (true) {
          int conn = accept4(listen_fd_, nullptr, nullptr, SOCK_NONBLOCK);
          if (conn < 0) break;
          ++accepted_;
          connections[conn];
          epoll_event ev{};
          ev.events = EPOLLIN | EPOLLRDHUP;
          ev.data.fd = conn;
          epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, conn, &ev);
        }
        continue;
      }
      auto it = connections.find(fd);
      if (it == connections.end()) continue;
      char buf[16384];
      bool closed = false;
      while (true) {
        ssize_t r = read(fd, buf, sizeof(buf));
        if (r > 0) {
          it->second.in.append(buf, static_cast<size_t>(r));
        } else {
          closed = r == 0;
          break;
        }
      }
      while (size_t length = RequestLength(it->second.in)) {
        it->second.in.erase(0, length);
        ++requests_;
        ++it->second.pending;
        int now = ++held_;
        int peak = peak_.load();
        while (now > peak && !peak_.compare_exchange_weak(peak, now)) {
        }
        if (hold_ != absl::InfiniteDuration()) due.emplace(absl::Now() + hold_, fd);
      }
      if (closed || (events[i].events & (EPOLLRDHUP | EPOLLHUP))) drop(fd);
    }
    const absl::Time now = absl::Now();
    while (!due.empty() && due.top().first <= now) {
      int fd = due.top().second;
      due.pop();
      auto it = connections.find(fd);
      if (it == connections.end() || it->second.pending == 0) continue;
      --it->second.pending;
      --held_;
      // Small responses fit the socket buffer; a short write means the peer is gone.
      if (write(fd, response_.data(), response_.size()) != static_cast<ssize_t>(response_.size())) {
        drop(fd);
      }
    }
  }
  for (auto& [fd, connection] : connections) close(fd);
}

}  // namespace pulumi_gateway::testing
