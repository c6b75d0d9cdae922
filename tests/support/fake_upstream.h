// An in-process HTTP server on 127.0.0.1:0 standing in for the Pulumi API in gateway tests. It
// records every request exactly as it arrived (raw target, headers, body) and answers with the
// test's handler.
//
//   FakeUpstream upstream;
//   upstream.SetHandler([](const httplib::Request&, httplib::Response& res) {
//     res.set_content(R"({"stacks":[]})", "application/json");
//   });
//   ... call the gateway with --upstream=upstream.base_url() ...
//   EXPECT_EQ(upstream.requests()[0].target, "/api/user/stacks?organization=acme");
#ifndef TESTS_SUPPORT_FAKE_UPSTREAM_H_
#define TESTS_SUPPORT_FAKE_UPSTREAM_H_

#include <atomic>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "httplib.h"

namespace pulumi_gateway::testing {

struct RecordedRequest {
  std::string method;
  // Path and query exactly as sent, still percent-encoded.
  std::string target;
  httplib::Headers headers;
  std::string body;

  std::string Header(const std::string& name) const;
};

class FakeUpstream final {
 public:
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

  // `threads`: requests served concurrently (each held request occupies one).
  explicit FakeUpstream(int threads = 16);
  ~FakeUpstream();

  void SetHandler(Handler handler);
  std::vector<RecordedRequest> requests() const;
  void ClearRequests();
  // Requests that have arrived (including ones still being answered).
  int request_count() const { return count_.load(); }
  // Connections the server has seen closed by the peer (for cancellation tests).
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int port() const { return port_; }

 private:
  void Serve(const httplib::Request& req, httplib::Response& res);

  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::atomic<int> count_{0};
  mutable absl::Mutex mu_;
  Handler handler_ ABSL_GUARDED_BY(mu_);
  std::vector<RecordedRequest> requests_ ABSL_GUARDED_BY(mu_);
};

}  // namespace pulumi_gateway::testing

#endif  // TESTS_SUPPORT_FAKE_UPSTREAM_H_
