// A single-threaded epoll HTTP/1.1 server on 127.0.0.1:0 that holds every request for a fixed
// time before answering with a fixed JSON body (or never answers). It costs almost nothing per
// held request, so tests can park thousands of calls upstream and measure only the gateway.
//
//   HeldUpstream upstream(absl::Seconds(1), R"({"stacks":[]})");
//   ... 1000 calls through the gateway ...
//   EXPECT_EQ(upstream.peak_concurrency(), 1000);
//
// With `hold` = absl::InfiniteDuration() it never answers; closed_connections() then counts the
// connections the client gave up on.
#ifndef TESTS_SUPPORT_HELD_UPSTREAM_H_
#define TESTS_SUPPORT_HELD_UPSTREAM_H_

#include <atomic>
#include <string>
#include <thread>

#include "absl/time/time.h"

namespace pulumi_gateway::testing {

class HeldUpstream final {
 public:
  HeldUpstream(absl::Duration hold, std::string body);
  ~HeldUpstream();
  HeldUpstream(const HeldUpstream&) = delete;
  HeldUpstream& operator=(const HeldUpstream&) = delete;

  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int requests() const { return requests_.load(); }
  int peak_concurrency() const { return peak_.load(); }
  // Connections accepted and connections closed by the peer.
  int accepted_connections() const { return accepted_.load(); }
  int closed_connections() const { return closed_.load(); }

 private:
  void Run();

  const absl::Duration hold_;
  const std::string response_;
  int listen_fd_ = -1;
  int epoll_fd_ = -1;
  int wake_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> requests_{0};
  std::atomic<int> held_{0};
  std::atomic<int> peak_{0};
  std::atomic<int> accepted_{0};
  std::atomic<int> closed_{0};
  std::thread thread_;
};

}  // namespace pulumi_gateway::testing

#endif  // TESTS_SUPPORT_HELD_UPSTREAM_H_
