#include "tests/support/fake_upstream.h"

#include <netinet/in.h>
#include <sys/socket.h>

#include "absl/time/clock.h"

namespace pulumi_gateway::testing {
namespace {

// cpp-httplib listens with a backlog of 5, so a burst of connections gets SYNs dropped and
// retried a second later. Listening again on the same socket raises the backlog.
void RaiseListenBacklog(int port) {
  for (int fd = 0; fd < 4096; ++fd) {
    sockaddr_in addr{};
    socklen_t len = sizeof(addr);
    int accepting = 0;
    socklen_t opt_len = sizeof(accepting);
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0 &&
        addr.sin_family == AF_INET && ntohs(addr.sin_port) == port &&
        getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &opt_len) == 0 && accepting) {
      listen(fd, 4096);
      return;
    }
  }
}

}  // namespace

std::string RecordedRequest::Header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

FakeUpstream::FakeUpstream(int threads) {
  server_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // Idle keep-alive connections otherwise wake their thread every 10 ms; with a thousand held
  // connections that alone saturates a small machine.
  server_.set_idle_interval(std::chrono::milliseconds(500));
  auto serve = [this](const httplib::Request& req, httplib::Response& res) { Serve(req, res); };
  server_.Get(".*", serve);
  server_.Post(".*", serve);
  server_.Put(".*", serve);
  server_.Patch(".*", serve);
  server_.Delete(".*", serve);
  port_ = server_.bind_to_any_port("127.0.0.1");
  RaiseListenBacklog(port_);
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  while (!server_.is_running()) absl::SleepFor(absl::Milliseconds(1));
}

FakeUpstream::~FakeUpstream() {
  server_.stop();
  thread_.join();
}

void FakeUpstream::SetHandler(Handler handler) {
  absl::MutexLock lock(&mu_);
  handler_ = std::move(handler);
}

std::vector<RecordedRequest> FakeUpstream::requests() const {
  absl::MutexLock lock(&mu_);
  return requests_;
}

void FakeUpstream::ClearRequests() {
  absl::MutexLock lock(&mu_);
  requests_.clear();
}

void FakeUpstream::Serve(const httplib::Request& req, httplib::Response& res) {
  ++count_;
  Handler handler;
  {
    absl::MutexLock lock(&mu_);
    requests_.push_back({req.method, req.target, req.headers, req.body});
    handler = handler_;
  }
  if (handler) {
    handler(req, res);
  } else {
    res.status = 200;
    res.set_content("{}", "application/json");
  }
}

}  // namespace pulumi_gateway::testing
