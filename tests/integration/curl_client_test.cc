// CurlClient against real in-process HTTP/1.1 servers: pooled handles start every request from
// scratch, requests offer the encodings curl decodes and compressed answers arrive decoded,
// bodies arrive whole (and over the limit fail), concurrent transfers on a plain http
// upstream do not wait for one another, cancel and deadlines end transfers, and callbacks run
// on the client's loop thread only, never inside Send, even while Sends start transfers
// themselves from many threads; requests go through the proxy of the options, never one of the
// environment's read per request.
#include "gateway/upstream/curl_client.h"

#include <curl/curl.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/blocking_counter.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gateway/call/inline_completion.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/fake_upstream.h"
#include "tests/support/gzip.h"
#include "tests/support/held_upstream.h"

namespace pulumi_gateway::testing {
namespace {

using ::testing::HasSubstr;

// Collects one transfer's result.
struct Result {
  absl::Notification done;
  absl::StatusOr<HttpResponse> response = absl::UnknownError("not done");

  UpstreamClient::Callback Callback() {
    return [this](absl::StatusOr<HttpResponse> r) {
      response = std::move(r);
      done.Notify();
    };
  }
  bool Wait() { return done.WaitForNotificationWithTimeout(absl::Seconds(20)); }
};

HttpRequest Request(std::string method, std::string path, std::string body = "") {
  HttpRequest request;
  request.method = std::move(method);
  request.path = std::move(path);
  request.has_body = !body.empty();
  request.body = std::move(body);
  if (request.has_body) request.headers.emplace_back("Content-Type", "application/json");
  return request;
}

// An idempotent call with `deadline`, cancelled through `cancellation`.
CallContext Context(absl::Time deadline = absl::Now() + absl::Seconds(20),
                    CancellationToken cancellation = {}) {
  CallContext context;
  context.idempotent = true;
  context.deadline = deadline;
  context.cancellation = std::move(cancellation);
  return context;
}

std::unique_ptr<CurlClient> Client(const std::string& base_url,
                                   size_t max_response_bytes = 1 << 26) {
  CurlClientOptions options;
  options.base_url = base_url;
  options.max_response_bytes = max_response_bytes;
  absl::StatusOr<std::unique_ptr<CurlClient>> client = CurlClient::Create(options);
  EXPECT_TRUE(client.ok()) << client.status();
  return client.ok() ? *std::move(client) : nullptr;
}

TEST(CurlClientTest, PooledHandlesStartEveryRequestFromScratch) {
  FakeUpstream upstream;
  upstream.SetHandler([](const httplib::Request& req, httplib::Response& res) {
    res.set_content(R"({"method":")" + req.method + "\"}", "application/json");
  });
  auto client = Client(upstream.base_url());
  // One at a time, so every request reuses the one pooled handle.
  const std::vector<HttpRequest> requests = {
      Request("POST", "/a", R"({"x":1})"),
      Request("DELETE", "/b"),
      Request("GET", "/c"),
      Request("PUT", "/d", R"({"y":2})"),
      Request("POST", "/e"),
      Request("GET", "/f?q=1"),
      Request("PATCH", "/g"),
      Request("PUT", "/h"),
  };
  for (const HttpRequest& request : requests) {
    Result result;
    client->Send(request, Context(), result.Callback());
    ASSERT_TRUE(result.Wait());
    ASSERT_TRUE(result.response.ok()) << result.response.status();
    EXPECT_EQ(result.response->status, 200);
    EXPECT_EQ(result.response->body, R"({"method":")" + request.method + "\"}");
  }
  const std::vector<RecordedRequest> seen = upstream.requests();
  ASSERT_EQ(seen.size(), requests.size());
  for (size_t i = 0; i < seen.size(); ++i) {
    SCOPED_TRACE(requests[i].method + " " + requests[i].path);
    EXPECT_EQ(seen[i].method, requests[i].method);
    EXPECT_EQ(seen[i].target, requests[i].path);
    EXPECT_EQ(seen[i].body, requests[i].body);
    EXPECT_EQ(seen[i].Header("Content-Type"), requests[i].has_body ? "application/json" : "");
    // A method whose body has a meaning says so even when it sends none: a server may otherwise
    // wait for a body (cpp-httplib does, until its read timeout) or refuse with 411.
    const bool takes_body = requests[i].method != "GET" && requests[i].method != "DELETE";
    EXPECT_EQ(seen[i].Header("Content-Length"),
              takes_body ? std::to_string(requests[i].body.size()) : "");
  }
  // cpp-httplib closes a connection after 5 requests.
  EXPECT_EQ(client->connections_opened(), 2) << "sequential requests share connections";
}

// One Accept-Encoding line names what this libcurl decodes, and a compressed answer arrives
// decoded.
TEST(CurlClientTest, OffersTheEncodingsItDecodesAndDecodesThem) {
  const std::string text(4000, 'x');
  FakeUpstream upstream;
  upstream.SetHandler([&](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Encoding", "gzip");
    // Not a text type: cpp-httplib would compress a text answer again itself.
    res.set_content(Gzip(text), "application/octet-stream");
  });
  auto client = Client(upstream.base_url());
  for (int i = 0; i < 2; ++i) {  // the second on the pooled handle
    Result result;
    client->Send(Request("GET", "/export"), Context(), result.Callback());
    ASSERT_TRUE(result.Wait());
    ASSERT_TRUE(result.response.ok()) << result.response.status();
    EXPECT_EQ(result.response->body, text);
  }
  const curl_version_info_data* curl = curl_version_info(CURLVERSION_NOW);
  std::string expected = "deflate, gzip";
  if ((curl->features & CURL_VERSION_BROTLI) != 0) expected += ", br";
  if ((curl->features & CURL_VERSION_ZSTD) != 0) expected += ", zstd";
  const std::vector<RecordedRequest> seen = upstream.requests();
  ASSERT_EQ(seen.size(), 2u);
  for (const RecordedRequest& request : seen) {
    EXPECT_EQ(request.headers.count("Accept-Encoding"), 1u);
    EXPECT_EQ(request.Header("Accept-Encoding"), expected);
  }
}

TEST(CurlClientTest, LargeBodyArrivesWholeAndOverTheLimitFails) {
  const std::string big(12 << 20, 'x');
  FakeUpstream upstream;
  upstream.SetHandler([&](const httplib::Request&, httplib::Response& res) {
    res.set_content(big, "application/octet-stream");
  });
  auto client = Client(upstream.base_url());
  Result ok;
  client->Send(Request("GET", "/big"), Context(), ok.Callback());
  ASSERT_TRUE(ok.Wait());
  ASSERT_TRUE(ok.response.ok()) << ok.response.status();
  EXPECT_EQ(ok.response->body.size(), big.size());
  EXPECT_EQ(ok.response->body, big);

  auto small = Client(upstream.base_url(), /*max_response_bytes=*/1 << 20);
  Result too_large;
  small->Send(Request("GET", "/big"), Context(), too_large.Callback());
  ASSERT_TRUE(too_large.Wait());
  EXPECT_EQ(too_large.response.status().code(), absl::StatusCode::kResourceExhausted);
}

TEST(CurlClientTest, PlainHttpTransfersDoNotWaitForOneAnother) {
  constexpr int kCalls = 200;
  HeldUpstream upstream(absl::Milliseconds(500), "{}");
  auto client = Client(upstream.base_url());
  std::vector<std::unique_ptr<Result>> results;
  const absl::Time start = absl::Now();
  for (int i = 0; i < kCalls; ++i) {
    results.push_back(std::make_unique<Result>());
    client->Send(Request("GET", "/held/" + std::to_string(i)), Context(),
                 results.back()->Callback());
  }
  for (auto& result : results) {
    ASSERT_TRUE(result->Wait());
    EXPECT_TRUE(result->response.ok()) << result->response.status();
  }
  // 200 held requests on 64 connections: 4 rounds of 500 ms, not 200.
  EXPECT_LT(absl::Now() - start, absl::Seconds(4));
  EXPECT_EQ(upstream.peak_concurrency(), 64);
  EXPECT_EQ(client->connections_opened(), 64);
}

TEST(CurlClientTest, CancelAndDeadlineEndTransfers) {
  HeldUpstream upstream(absl::InfiniteDuration(), "{}");
  auto client = Client(upstream.base_url());
  Result cancelled;
  CancellationSource cancel;
  client->Send(Request("GET", "/held"), Context(absl::Now() + absl::Seconds(20), cancel.token()),
               cancelled.Callback());
  const absl::Time until = absl::Now() + absl::Seconds(10);
  while (upstream.requests() < 1 && absl::Now() < until) absl::SleepFor(absl::Milliseconds(2));
  ASSERT_EQ(upstream.requests(), 1);
  cancel.Cancel();
  ASSERT_TRUE(cancelled.Wait());
  EXPECT_EQ(cancelled.response.status().code(), absl::StatusCode::kCancelled);

  // Cancelled before it was sent: it never starts, whichever thread gets to it first.
  for (int i = 0; i < 20; ++i) {
    Result early;
    CancellationSource cancelled_first;
    cancelled_first.Cancel();
    client->Send(Request("GET", "/held"),
                 Context(absl::Now() + absl::Seconds(20), cancelled_first.token()),
                 early.Callback());
    ASSERT_TRUE(early.Wait());
    EXPECT_EQ(early.response.status().code(), absl::StatusCode::kCancelled);
  }
  EXPECT_EQ(upstream.requests(), 1);

  Result timed_out;
  const absl::Time start = absl::Now();
  client->Send(Request("GET", "/held"), Context(absl::Now() + absl::Milliseconds(200)),
               timed_out.Callback());
  ASSERT_TRUE(timed_out.Wait());
  EXPECT_EQ(timed_out.response.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_LT(absl::Now() - start, absl::Seconds(2));

  Result late;
  client->Send(Request("GET", "/held"), Context(absl::Now() - absl::Seconds(1)), late.Callback());
  ASSERT_TRUE(late.Wait());
  EXPECT_EQ(late.response.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_THAT(late.response.status().message(), HasSubstr("deadline passed"));
}

TEST(CurlClientTest, CallbacksRunOnTheLoopThreadNeverInsideSend) {
  FakeUpstream upstream;
  upstream.SetHandler([](const httplib::Request&, httplib::Response& res) {
    res.set_content("{}", "application/json");
  });
  // Fewer connections than the fake upstream has threads (it keeps one per idle connection).
  CurlClientOptions options;
  options.base_url = upstream.base_url();
  options.max_connections = 8;
  absl::StatusOr<std::unique_ptr<CurlClient>> client = CurlClient::Create(options);
  ASSERT_TRUE(client.ok()) << client.status();
  constexpr int kThreads = 8;
  constexpr int kPerThread = 100;
  thread_local bool inside_send = false;
  absl::Mutex mu;
  absl::flat_hash_set<std::thread::id> senders;
  absl::flat_hash_set<std::thread::id> callback_threads;
  std::atomic<int> inside{0};
  std::atomic<int> ok{0};
  std::atomic<int> failed{0};
  absl::BlockingCounter done(kThreads * kPerThread);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      {
        absl::MutexLock lock(&mu);
        senders.insert(std::this_thread::get_id());
      }
      for (int i = 0; i < kPerThread; ++i) {
        HttpRequest request = Request("GET", "/s");
        CallContext context = Context();
        // Every fifth request has no time left; every seventh has a URL curl rejects before
        // any I/O, so it ends while Send is still starting it.
        if (i % 5 == 0) context.deadline = absl::Now() - absl::Seconds(1);
        if (i % 7 == 0) request.path = "/not a url";
        inside_send = true;
        (*client)->Send(std::move(request), std::move(context),
                        [&](absl::StatusOr<HttpResponse> result) {
                          if (inside_send) ++inside;
                          (result.ok() ? ok : failed)++;
                          {
                            absl::MutexLock lock(&mu);
                            callback_threads.insert(std::this_thread::get_id());
                          }
                          done.DecrementCount();
                        });
        inside_send = false;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  done.Wait();
  EXPECT_EQ(inside.load(), 0) << "a callback ran inside Send";
  EXPECT_EQ(ok.load() + failed.load(), kThreads * kPerThread);
  EXPECT_GT(ok.load(), 0);
  EXPECT_GT(failed.load(), 0);
  absl::MutexLock lock(&mu);
  // The client's loop threads, which are no senders.
  EXPECT_GE(callback_threads.size(), 1u);
  EXPECT_LE(callback_threads.size(), static_cast<size_t>((*client)->loops()));
  for (const std::thread::id& id : callback_threads) EXPECT_FALSE(senders.contains(id));
}

TEST(CurlClientTest, ConcurrentCallsSpreadOverTheLoopsWithinTheConnectionLimit) {
  HeldUpstream upstream(absl::InfiniteDuration(), "{}");
  CurlClientOptions options;
  options.base_url = upstream.base_url();
  options.loops = 2;
  options.max_connections = 3;  // shares 2 and 1
  absl::StatusOr<std::unique_ptr<CurlClient>> client = CurlClient::Create(options);
  ASSERT_TRUE(client.ok()) << client.status();
  ASSERT_EQ((*client)->loops(), 2);
  std::vector<std::unique_ptr<Result>> results;
  for (int i = 0; i < 6; ++i) {
    results.push_back(std::make_unique<Result>());
    (*client)->Send(Request("GET", "/held/" + std::to_string(i)), Context(),
                    results.back()->Callback());
  }
  // Weighed by their shares: 4 calls on the loop of 2 connections, 2 on the loop of 1.
  EXPECT_EQ((*client)->in_flight(0), 4);
  EXPECT_EQ((*client)->in_flight(1), 2);
  // Three connections at once, not more: the limit holds across loops.
  const absl::Time until = absl::Now() + absl::Seconds(10);
  while (upstream.requests() < 3 && absl::Now() < until) absl::SleepFor(absl::Milliseconds(2));
  EXPECT_EQ(upstream.requests(), 3);
  EXPECT_EQ(upstream.accepted_connections(), 3);
  client->reset();
  for (auto& result : results) ASSERT_TRUE(result->Wait());
}

TEST(CurlClientTest, SequentialCallsStayOnOneLoopAndConnection) {
  FakeUpstream upstream;
  upstream.SetHandler([](const httplib::Request&, httplib::Response& res) {
    res.set_content("{}", "application/json");
  });
  CurlClientOptions options;
  options.base_url = upstream.base_url();
  options.loops = 4;
  absl::StatusOr<std::unique_ptr<CurlClient>> client = CurlClient::Create(options);
  ASSERT_TRUE(client.ok()) << client.status();
  for (int i = 0; i < 4; ++i) {  // cpp-httplib closes a connection after 5 requests
    Result result;
    (*client)->Send(Request("GET", "/s"), Context(), result.Callback());
    ASSERT_TRUE(result.Wait());
    ASSERT_TRUE(result.response.ok()) << result.response.status();
  }
  EXPECT_EQ((*client)->connections_opened(), 1);
}

// Sets an environment variable until the end of the scope, then unsets it.
class ScopedEnvironmentVariable {
 public:
  ScopedEnvironmentVariable(const char* name, const char* value) : name_(name) {
    setenv(name, value, 1);
  }
  ~ScopedEnvironmentVariable() { unsetenv(name_); }

 private:
  const char* name_;
};

// Answers every request with `body`.
void AnswerWith(FakeUpstream& server, std::string body) {
  server.SetHandler([body](const httplib::Request&, httplib::Response& res) {
    res.set_content(body, "application/json");
  });
}

std::unique_ptr<CurlClient> ProxiedClient(const std::string& base_url, std::string proxy,
                                          std::string no_proxy = "") {
  CurlClientOptions options;
  options.base_url = base_url;
  options.proxy = std::move(proxy);
  options.no_proxy = std::move(no_proxy);
  absl::StatusOr<std::unique_ptr<CurlClient>> client = CurlClient::Create(options);
  EXPECT_TRUE(client.ok()) << client.status();
  return client.ok() ? *std::move(client) : nullptr;
}

absl::StatusOr<HttpResponse> SendAndWait(CurlClient& client, std::string path) {
  Result result;
  client.Send(Request("GET", std::move(path)), Context(), result.Callback());
  if (!result.Wait()) return absl::DeadlineExceededError("no answer within 20 s");
  return result.response;
}

// libcurl reads the proxy variables of the environment for every request unless it is told
// which proxy to use; the client goes by its options alone (gateway/config reads the
// environment's once, at start).
TEST(CurlClientProxyTest, TheEnvironmentsProxyVariablesAreNotReadPerRequest) {
  FakeUpstream upstream;
  AnswerWith(upstream, "{}");
  auto client = Client(upstream.base_url());
  // Nothing listens on port 1: a request that went there would fail.
  ScopedEnvironmentVariable http_proxy("http_proxy", "http://127.0.0.1:1");
  ScopedEnvironmentVariable all_proxy("all_proxy", "http://127.0.0.1:1");
  absl::StatusOr<HttpResponse> response = SendAndWait(*client, "/direct");
  ASSERT_TRUE(response.ok()) << response.status();
  ASSERT_EQ(upstream.requests().size(), 1u);
  EXPECT_EQ(upstream.requests()[0].target, "/direct");
}

TEST(CurlClientProxyTest, RequestsGoThroughTheConfiguredProxy) {
  FakeUpstream upstream;
  FakeUpstream proxy;
  AnswerWith(proxy, R"({"via":"proxy"})");
  auto client = ProxiedClient(upstream.base_url(), proxy.base_url());
  // Not read either: the options' empty exemption list stands.
  ScopedEnvironmentVariable no_proxy("no_proxy", "*");
  absl::StatusOr<HttpResponse> response = SendAndWait(*client, "/api/user?x=1");
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->body, R"({"via":"proxy"})");
  ASSERT_EQ(proxy.requests().size(), 1u);
  // A proxy is sent the whole URL (absolute form) and the upstream's Host.
  EXPECT_EQ(proxy.requests()[0].target, upstream.base_url() + "/api/user?x=1");
  EXPECT_EQ(proxy.requests()[0].Header("Host"), absl::StrCat("127.0.0.1:", upstream.port()));
  EXPECT_TRUE(upstream.requests().empty());
}

TEST(CurlClientProxyTest, HostsListedInNoProxyAreReachedDirectly) {
  FakeUpstream upstream;
  AnswerWith(upstream, R"({"via":"direct"})");
  FakeUpstream proxy;
  AnswerWith(proxy, R"({"via":"proxy"})");
  auto client = ProxiedClient(upstream.base_url(), proxy.base_url(), "localhost,127.0.0.1");
  absl::StatusOr<HttpResponse> response = SendAndWait(*client, "/s");
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->body, R"({"via":"direct"})");
  EXPECT_EQ(upstream.requests().size(), 1u);
  EXPECT_TRUE(proxy.requests().empty());
}

TEST(CurlClientTest, DestroyingTheClientFailsCallsInFlight) {
  HeldUpstream upstream(absl::InfiniteDuration(), "{}");
  auto client = Client(upstream.base_url());
  Result result;
  client->Send(Request("GET", "/held"), Context(), result.Callback());
  const absl::Time until = absl::Now() + absl::Seconds(10);
  while (upstream.requests() < 1 && absl::Now() < until) absl::SleepFor(absl::Milliseconds(2));
  client.reset();
  ASSERT_TRUE(result.Wait());
  EXPECT_EQ(result.response.status().code(), absl::StatusCode::kUnavailable);
}

// Makes `upstream` answer every request at once with `{}`.
void AnswerAtOnce(FakeUpstream& upstream) { AnswerWith(upstream, "{}"); }

// A client of one loop whose calls may complete inline, waiting up to `inline_wait` (the first
// `inline_spin` of it busy-polling).
std::unique_ptr<CurlClient> InlineClient(
    const std::string& base_url, absl::Duration inline_wait,
    absl::Duration inline_spin = CurlClientOptions().inline_spin) {
  CurlClientOptions options;
  options.base_url = base_url;
  options.loops = 1;
  options.inline_wait = inline_wait;
  options.inline_spin = inline_spin;
  absl::StatusOr<std::unique_ptr<CurlClient>> client = CurlClient::Create(options);
  EXPECT_TRUE(client.ok()) << client.status();
  return client.ok() ? *std::move(client) : nullptr;
}

// Sends one call from this thread inside an InlineCompletionScope; returns the thread its callback
// ran on once it ran, and whether it ran before the scope closed.
struct ScopedCall {
  std::thread::id callback_thread;
  bool ran_by_scope_end = false;
  absl::StatusOr<HttpResponse> response = absl::UnknownError("not done");
};
ScopedCall SendInScope(CurlClient& client, const std::string& path) {
  ScopedCall call;
  Result result;
  // Outlives the scope: the loop may run the callback after it closed. The loop may also run it
  // between Send's return and the flag's reset: only this thread's run counts as inside Send.
  std::atomic<bool> inside_send{true};
  const std::thread::id sender = std::this_thread::get_id();
  {
    InlineCompletionScope scope;
    client.Send(Request("GET", path), Context(), [&](absl::StatusOr<HttpResponse> response) {
      EXPECT_FALSE(inside_send && std::this_thread::get_id() == sender)
          << "a callback ran inside Send";
      call.callback_thread = std::this_thread::get_id();
      result.Callback()(std::move(response));
    });
    inside_send = false;
  }
  call.ran_by_scope_end = result.done.HasBeenNotified();
  EXPECT_TRUE(result.Wait());
  call.response = std::move(result.response);
  return call;
}

TEST(CurlClientInlineTest, AQuickAnswerCompletesOnTheSendingThreadWhenItsScopeCloses) {
  FakeUpstream upstream;
  upstream.SetHandler([](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"ok":true})", "application/json");
  });
  // A wait far longer than the local answer takes, so the answer always arrives within it.
  auto client = InlineClient(upstream.base_url(), absl::Seconds(30));
  // The first call opens the connection (mostly completed by the loop: the wait starts only on a
  // connection the request went out on whole, which a quick connect may already be); the next
  // ones reuse it.
  ASSERT_TRUE(SendInScope(*client, "/s").response.ok());
  const int64_t before = client->inline_completions();
  for (int i = 0; i < 3; ++i) {
    ScopedCall call = SendInScope(*client, "/s");
    ASSERT_TRUE(call.response.ok()) << call.response.status();
    EXPECT_EQ(call.response->body, R"({"ok":true})");
    EXPECT_TRUE(call.ran_by_scope_end) << "call " << i;
    EXPECT_EQ(call.callback_thread, std::this_thread::get_id()) << "call " << i;
  }
  EXPECT_EQ(client->connections_opened(), 1);
  EXPECT_EQ(client->inline_completions() - before, 3);
}

TEST(CurlClientInlineTest, WithoutAScopeTheLoopCompletesTheCall) {
  FakeUpstream upstream;
  AnswerAtOnce(upstream);
  auto client = InlineClient(upstream.base_url(), absl::Seconds(30));
  Result result;
  std::thread::id callback_thread;
  client->Send(Request("GET", "/s"), Context(), [&](absl::StatusOr<HttpResponse> response) {
    callback_thread = std::this_thread::get_id();
    result.Callback()(std::move(response));
  });
  ASSERT_TRUE(result.Wait());
  ASSERT_TRUE(result.response.ok()) << result.response.status();
  EXPECT_NE(callback_thread, std::this_thread::get_id());
}

TEST(CurlClientInlineTest, AnAnswerLaterThanTheWaitIsCompletedByTheLoop) {
  HeldUpstream upstream(absl::Milliseconds(300), R"({"late":true})");
  auto client = InlineClient(upstream.base_url(), absl::Milliseconds(1));
  ScopedCall call = SendInScope(*client, "/held");
  ASSERT_TRUE(call.response.ok()) << call.response.status();
  EXPECT_EQ(call.response->body, R"({"late":true})");
  EXPECT_FALSE(call.ran_by_scope_end);
  EXPECT_NE(call.callback_thread, std::this_thread::get_id());
}

// Makes `upstream` answer /slow after 50 ms and everything else at once.
void AnswerSlowOnlyLate(FakeUpstream& upstream) {
  upstream.SetHandler([](const httplib::Request& req, httplib::Response& res) {
    if (req.path == "/slow") absl::SleepFor(absl::Milliseconds(50));
    res.set_content("{}", "application/json");
  });
}

// Sends /slow outside a scope (the loop's recent answer time becomes 50 ms), then a quick /s in
// one.
ScopedCall SendQuickAfterSlow(CurlClient& client) {
  Result slow;
  client.Send(Request("GET", "/slow"), Context(), slow.Callback());
  EXPECT_TRUE(slow.Wait());
  return SendInScope(client, "/s");
}

TEST(CurlClientInlineTest, SlowAnswersLatelyMeanNoInlineWait) {
  FakeUpstream upstream;
  AnswerSlowOnlyLate(upstream);
  // The wait is long enough for /s, but a slow answer sets the recent answer time above it.
  auto client = InlineClient(upstream.base_url(), absl::Milliseconds(20));
  ScopedCall call = SendQuickAfterSlow(*client);
  ASSERT_TRUE(call.response.ok()) << call.response.status();
  EXPECT_NE(call.callback_thread, std::this_thread::get_id());
}

TEST(CurlClientInlineTest, AnotherCallInFlightOnTheLoopMeansNoInlineWait) {
  HeldUpstream upstream(absl::Milliseconds(500), "{}");
  auto client = InlineClient(upstream.base_url(), absl::Seconds(30));
  Result held;
  client->Send(Request("GET", "/held/1"), Context(), held.Callback());
  ScopedCall call = SendInScope(*client, "/held/2");
  ASSERT_TRUE(call.response.ok()) << call.response.status();
  EXPECT_FALSE(call.ran_by_scope_end);
  EXPECT_NE(call.callback_thread, std::this_thread::get_id());
  ASSERT_TRUE(held.Wait());
}

struct InlineCounts {
  int64_t completions = 0;
  int64_t spin_hits = 0;
};

// Sends one call that opens the connection, then `calls` quick calls in scopes, each of which
// must complete on this thread; returns how many of those the client counted as completed inline
// and as caught by the spin.
InlineCounts SendQuickCallsInScopes(CurlClient& client, int calls) {
  EXPECT_TRUE(SendInScope(client, "/s").response.ok());
  const InlineCounts before{client.inline_completions(), client.inline_spin_hits()};
  for (int i = 0; i < calls; ++i) {
    ScopedCall call = SendInScope(client, "/s");
    EXPECT_TRUE(call.response.ok()) << call.response.status();
    EXPECT_EQ(call.callback_thread, std::this_thread::get_id()) << "call " << i;
  }
  return {client.inline_completions() - before.completions,
          client.inline_spin_hits() - before.spin_hits};
}

TEST(CurlClientInlineTest, AnAnswerWithinTheSpinIsCaughtWithoutSleeping) {
  FakeUpstream upstream;
  AnswerAtOnce(upstream);
  // A spin far longer than the local answer takes, so each answer comes while it lasts.
  auto client = InlineClient(upstream.base_url(), absl::Seconds(30), absl::Seconds(10));
  const InlineCounts counts = SendQuickCallsInScopes(*client, 3);
  EXPECT_EQ(counts.completions, 3);
  EXPECT_EQ(counts.spin_hits, 3);
}

TEST(CurlClientInlineTest, ZeroSpinSleepsOnTheSocketAtOnce) {
  FakeUpstream upstream;
  AnswerAtOnce(upstream);
  auto client = InlineClient(upstream.base_url(), absl::Seconds(30), absl::ZeroDuration());
  const InlineCounts counts = SendQuickCallsInScopes(*client, 3);
  EXPECT_EQ(counts.completions, 3);
  EXPECT_EQ(client->inline_spin_hits(), 0);
}

TEST(CurlClientInlineTest, SlowAnswersLatelyMeanNoSpin) {
  FakeUpstream upstream;
  AnswerSlowOnlyLate(upstream);
  // Answers lately took 50 ms, more than twice the spin: the inline wait sleeps at once, though
  // this answer would have come within the spin.
  auto client = InlineClient(upstream.base_url(), absl::Seconds(30), absl::Milliseconds(20));
  ScopedCall call = SendQuickAfterSlow(*client);
  ASSERT_TRUE(call.response.ok()) << call.response.status();
  EXPECT_EQ(call.callback_thread, std::this_thread::get_id());
  EXPECT_EQ(client->inline_completions(), 1);
  EXPECT_EQ(client->inline_spin_hits(), 0);
}

TEST(CurlClientInlineTest, ZeroWaitNeverCompletesInline) {
  FakeUpstream upstream;
  AnswerAtOnce(upstream);
  auto client = InlineClient(upstream.base_url(), absl::ZeroDuration());
  ScopedCall call = SendInScope(*client, "/s");
  ASSERT_TRUE(call.response.ok()) << call.response.status();
  EXPECT_NE(call.callback_thread, std::this_thread::get_id());
}

}  // namespace
}  // namespace pulumi_gateway::testing
