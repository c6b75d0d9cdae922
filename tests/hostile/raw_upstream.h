// A misbehaving HTTP server for tests: a TCP listener on 127.0.0.1:0 that runs a test's script
// on each accepted connection, so the script can send any bytes at all — stray answers after a
// complete one, endless bodies, slow drips, broken framing — and read what the client sent.
//
//   RawUpstream upstream([](RawConnection& c) {
//     while (std::optional<RawRequest> request = c.ReadRequest()) {
//       c.Write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
//     }
//   });
//   ... point the client at upstream.base_url() ...
//
// Each connection's script runs on a thread of its own, so a script may block (pauses, slow
// reads). The destructor shuts every connection down (reads and writes then fail, pauses end)
// and joins the scripts.
#ifndef TESTS_HOSTILE_RAW_UPSTREAM_H_
#define TESTS_HOSTILE_RAW_UPSTREAM_H_

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace pulumi_gateway::testing {

struct RawRequest {
  std::string method;
  std::string target;
  // The request head as received (request line and header lines), and the body.
  std::string head;
  std::string body;
  // The value of the first header `name` (ASCII case-insensitive), or empty.
  std::string Header(absl::string_view name) const;
};

class RawUpstream;

class RawConnection final {
 public:
  // Which connection this is, counting from 0 in the order they were accepted.
  int index() const { return index_; }
  // The next request (head and a Content-Length body); nullopt when the peer closed, the
  // upstream stops or nothing complete arrives within `timeout`.
  std::optional<RawRequest> ReadRequest(absl::Duration timeout = absl::Seconds(10));
  // Writes all of `bytes`; false once the peer is gone or the upstream stops.
  bool Write(absl::string_view bytes);
  // Waits `duration`, ending early (false) when the upstream stops.
  bool Pause(absl::Duration duration);
  // True once the peer has closed its side (waits at most `timeout`).
  bool WaitPeerClosed(absl::Duration timeout);
  // Sends FIN (the script's thread may still read).
  void CloseWrite();

 private:
  friend class RawUpstream;
  RawConnection(RawUpstream* upstream, int fd, int index)
      : upstream_(upstream), fd_(fd), index_(index) {}

  RawUpstream* const upstream_;
  const int fd_;
  const int index_;
  // Bytes read but not yet consumed by ReadRequest.
  std::string pending_;
};

class RawUpstream final {
 public:
  using Script = std::function<void(RawConnection&)>;

  explicit RawUpstream(Script script);
  ~RawUpstream();
  RawUpstream(const RawUpstream&) = delete;
  RawUpstream& operator=(const RawUpstream&) = delete;

  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int port() const { return port_; }
  // Connections accepted and requests read so far.
  int connections() const { return connections_.load(); }
  int requests() const { return requests_.load(); }
  bool stopping() const { return stopping_.load(); }

 private:
  friend class RawConnection;
  void Accept();

  const Script script_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> connections_{0};
  std::atomic<int> requests_{0};
  std::thread acceptor_;
  absl::Mutex mu_;
  std::vector<int> fds_ ABSL_GUARDED_BY(mu_);
  std::vector<std::thread> scripts_ ABSL_GUARDED_BY(mu_);
};

}  // namespace pulumi_gateway::testing

#endif  // TESTS_HOSTILE_RAW_UPSTREAM_H_
