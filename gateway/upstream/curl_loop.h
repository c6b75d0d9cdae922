// One event loop of the upstream transport (CurlClient runs `loops` of them): a thread driving
// libcurl's multi interface for every transfer given to it, so an in-flight call costs memory, not
// a thread. Connections are pooled per loop and kept alive; HTTP/2 is negotiated over TLS (or
// spoken directly with `http2_prior_knowledge`) and multiplexed. Its limits are the options'
// (CurlClient hands each loop its share; `loops` is not read here).
//
//   CurlClientOptions options;
//   options.base_url = "https://api.pulumi.com";
//   absl::StatusOr<std::unique_ptr<CurlLoop>> loop = CurlLoop::Create(options, "upstream-0");
//   (*loop)->Send(std::move(request), std::move(context), std::move(callback));
//
// Each call's deadline is the transfer timeout; cancelling its token aborts the transfer (closing
// its connection if under way). Callbacks run on the loop thread (they must not block), or on
// the thread that sent the call when it waits for a quick answer itself: see
// CurlClientOptions::inline_wait and curl_loop_inline.cc.
//
// The loop waits in epoll and hands curl only the sockets that are ready
// (curl_multi_socket_action), so a wake-up costs the same with 10 or 10,000 transfers in flight.
// Easy handles are pooled with their invariant options set once.
//
// Connection policy: a plain http:// upstream speaks HTTP/1.1, one request per connection, up to
// `max_connections`. Where HTTP/2 is possible (https, by ALPN) the protocol is unknown until the
// first answer, so requests start as if it were HTTP/2: they wait for a connection being set up
// to learn whether it multiplexes (CURLOPT_PIPEWAIT), on at most `max_http2_connections`
// connections. Every answer's protocol then sets the policy: HTTP/2 keeps it (more requests wait
// for a free stream instead of opening connections); HTTP/1.1 lifts the limit to
// `max_connections` and stops the waiting, which would otherwise serialise connection set-up.
//
// Reuse never mixes answers. libcurl 7.88 reuses an idle HTTP/1.1 connection whose socket holds
// unread bytes (its liveness check only looks for a close), and would read a stray answer that
// arrived while the connection sat in the pool as the answer to the next request sent on it.
// So just before a request goes out on a reused HTTP/1.1 connection (CURLOPT_PREREQFUNCTION) the
// client peeks at its socket: any byte waiting, or a close, and the request is not sent there —
// curl closes that connection and the request starts again on a new one. HTTP/2 connections are
// not checked: frames between answers are normal there, and streams keep answers apart. What no
// HTTP/1.1 client can tell apart remains: bytes still in flight to the gateway when the request
// is sent (sent by the upstream less than one network trip before) look like its answer. With
// TLS, a record the TLS library has already read off the socket would not be seen either
// (OpenSSL reads one record at a time, so bytes after an answer stay in the socket).
//
// Every byte of an answer counts against the limits and the process's buffer budget as it
// arrives (see response_reader.h); nothing is reserved from a declared Content-Length.
#ifndef GATEWAY_UPSTREAM_CURL_LOOP_H_
#define GATEWAY_UPSTREAM_CURL_LOOP_H_

#include <curl/curl.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gateway/clock/clock.h"
#include "gateway/http/buffer_budget.h"
#include "gateway/http/memory_release.h"
#include "gateway/upstream/connection_index.h"
#include "gateway/upstream/curl_options.h"
#include "gateway/upstream/upstream_client.h"

namespace pulumi_gateway {

class CurlLoop final {
 public:
  // Returns INVALID_ARGUMENT for an unusable base URL or limits, INTERNAL if libcurl or the
  // event loop cannot start.
  // `thread_name` names the loop's thread (at most 15 characters shown; e.g. in `top -H`).
  static absl::StatusOr<std::unique_ptr<CurlLoop>> Create(CurlClientOptions options,
                                                          const std::string& thread_name);

  // Stops the loop; calls still in flight complete with UNAVAILABLE.
  ~CurlLoop();

  using Callback = UpstreamClient::Callback;
  // As UpstreamClient::Send.
  void Send(HttpRequest request, CallContext context, Callback done);

  // Transfers given to this loop whose callbacks have not run yet (read when choosing a loop;
  // it drops just before a transfer's callback runs).
  int in_flight() const { return in_flight_.load(std::memory_order_relaxed); }

  // New connections opened so far (for metrics and connection-reuse tests).
  int64_t connections_opened() const { return connections_opened_.load(); }
  // Pooled connections found holding unread bytes (or closed by the peer) just before a request
  // would have gone out on them: closed instead, the request sent on a new connection.
  int64_t stale_connections_discarded() const { return stale_discarded_.load(); }
  // Calls whose answer the thread that sent them handled itself (see WaitInline).
  int64_t inline_completions() const { return inline_completions_.load(); }
  // Of those, answers that came while the thread was still polling in its busy loop.
  int64_t inline_spin_hits() const { return inline_spin_hits_.load(); }

 private:
  struct Transfer;
  struct MultiCleanup {
    void operator()(CURLM* multi) const { curl_multi_cleanup(multi); }
  };
  struct EasyCleanup {
    void operator()(CURL* easy) const { curl_easy_cleanup(easy); }
  };
  using MultiHandle = std::unique_ptr<CURLM, MultiCleanup>;
  using EasyHandle = std::unique_ptr<CURL, EasyCleanup>;
  // A file descriptor closed on destruction.
  class Fd {
   public:
    explicit Fd(int fd = -1) : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd();
    int get() const { return fd_; }

   private:
    int fd_;
  };
  // What the upstream answered with last; decides waiting and the connection limit.
  enum class Protocol { kUnknown, kHttp1, kHttp2 };
  // An upstream socket curl opened, and what the client learnt about it.
  struct Socket {
    // The protocol of the latest answer on it.
    Protocol protocol = Protocol::kUnknown;
    // The epoll events curl waits for on it (0: none), and those it is in the loop's epoll set
    // with (0: not in it).
    uint32_t wanted = 0;
    uint32_t registered = 0;
  };

  explicit CurlLoop(CurlClientOptions options);
  // The cancel hook of transfer `id`: the loop aborts it (no-op once it completed).
  void Cancel(uint64_t id);
  void Loop();
  // Starts `transfer` on the calling thread when no other thread drives curl (one thread hop
  // less per call); false, with `transfer` still the caller's, when it must go through the loop.
  bool TryStartInline(std::unique_ptr<Transfer>& transfer);
  // Whether the thread starting transfer `id` inline should complete it too, and if so leaves that
  // wait in the thread's InlineCompletionScope (curl_loop_inline.cc).
  bool DeferToCaller(uint64_t id) ABSL_EXCLUSIVE_LOCKS_REQUIRED(loop_mu_);
  // The wait left in the scope: `loop`'s WaitInline.
  static void CompleteInline(void* loop, uint64_t id);
  // Waits (at most options_.inline_wait) for transfer `id`'s answer on its socket, and runs the
  // callbacks of whatever finished meanwhile on the calling thread.
  void WaitInline(uint64_t id) ABSL_LOCKS_EXCLUDED(loop_mu_);
  // recent_answer_ns_ as a duration.
  absl::Duration RecentAnswerTime() const {
    return absl::Nanoseconds(recent_answer_ns_.load(std::memory_order_relaxed));
  }
  // Wakes the loop from another thread: at most one eventfd write per loop turn.
  void WakeLoop();
  void WriteWakeUp();
  // Starts queued transfers and applies queued cancels; false once the client is stopping.
  bool TakeQueued() ABSL_EXCLUSIVE_LOCKS_REQUIRED(loop_mu_);
  void Start(std::unique_ptr<Transfer> transfer) ABSL_EXCLUSIVE_LOCKS_REQUIRED(loop_mu_);
  // Hands `transfer` to curl; on failure returns the error without running its callback.
  absl::Status Add(std::unique_ptr<Transfer>& transfer) ABSL_EXCLUSIVE_LOCKS_REQUIRED(loop_mu_);
  // Lays out `transfer`'s request headers for CURLOPT_HTTPHEADER, owned by the transfer.
  static curl_slist* BuildHeaderList(Transfer& transfer);
  // Runs curl's timers when due (a new transfer sets an immediate one).
  void RunDueTimers() ABSL_EXCLUSIVE_LOCKS_REQUIRED(loop_mu_);
  // Moves curl's finished transfers to `finished_`.
  void CollectFinished() ABSL_EXCLUSIVE_LOCKS_REQUIRED(loop_mu_);
  // `cancelled`: the caller gave up (Cancel), whatever curl_code says.
  void Complete(uint64_t id, int curl_code, bool cancelled = false)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(loop_mu_);
  // Sends `transfer` again on a new connection after its pooled one was found stale; false when
  // curl refuses it.
  bool Restart(Transfer& transfer) ABSL_EXCLUSIVE_LOCKS_REQUIRED(loop_mu_);
  // Just before `transfer`'s request goes out: false (abort, restart) when it is about to use a
  // reused HTTP/1.1 connection with unread input or a close waiting.
  bool ConnectionIsClean(Transfer& transfer) ABSL_EXCLUSIVE_LOCKS_REQUIRED(loop_mu_);
  void CompleteFinished() ABSL_EXCLUSIVE_LOCKS_REQUIRED(loop_mu_);
  // Runs the callbacks of completed transfers (answers_), releasing loop_mu_ meanwhile.
  void RunAnswers() ABSL_EXCLUSIVE_LOCKS_REQUIRED(loop_mu_);
  void SocketAction(int fd, int events) ABSL_EXCLUSIVE_LOCKS_REQUIRED(loop_mu_);
  // Puts `socket` in the loop's epoll set for the events curl wants, or takes it out; each a
  // no-op when the set already says so.
  void Register(int fd, Socket& socket) ABSL_EXCLUSIVE_LOCKS_REQUIRED(loop_mu_);
  void Unregister(int fd, Socket& socket) ABSL_EXCLUSIVE_LOCKS_REQUIRED(loop_mu_);
  // Applies the protocol the latest answer used to waiting and the connection limit.
  void ApplyProtocol() ABSL_EXCLUSIVE_LOCKS_REQUIRED(loop_mu_);
  long HostConnectionLimit() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(loop_mu_);
  EasyHandle TakeHandle() ABSL_EXCLUSIVE_LOCKS_REQUIRED(loop_mu_);
  void ReturnHandle(EasyHandle handle) ABSL_EXCLUSIVE_LOCKS_REQUIRED(loop_mu_);
  // libcurl's per-transfer callbacks (data: the Transfer): body bytes and header lines into its
  // reader, and the check of a reused connection just before the request goes out.
  static size_t OnBodyData(char* data, size_t size, size_t count, void* transfer);
  static size_t OnHeaderData(char* data, size_t size, size_t count, void* transfer);
  static int OnBeforeRequest(void* transfer, char* remote_ip, char* local_ip, int remote_port,
                             int local_port);
  // The loop's own sockets (data: the CurlLoop): opened close-on-exec and tracked in sockets_.
  static curl_socket_t OnOpenSocket(void* loop, curlsocktype purpose, curl_sockaddr* address);
  static int OnCloseSocket(void* loop, curl_socket_t fd);
  // libcurl's socket and timer callbacks: register sockets in epoll, remember the next timeout.
  static int OnSocket(void* easy, int fd, int what, void* client, void* socket_data);
  static int OnTimer(void* multi, long timeout_ms, void* client);

  const CurlClientOptions options_;
  const Clock& clock_;
  // HTTP/2 is possible (https, or h2c by prior knowledge).
  const bool may_multiplex_;
  MultiHandle multi_;
  Fd epoll_;
  Fd wake_;  // eventfd: Send and Cancel wake the loop through it
  std::atomic<bool> wake_pending_{false};
  std::atomic<uint64_t> next_id_{1};
  std::atomic<int64_t> connections_opened_{0};
  std::atomic<int64_t> stale_discarded_{0};
  std::atomic<int64_t> inline_completions_{0};
  std::atomic<int64_t> inline_spin_hits_{0};
  std::atomic<int> in_flight_{0};
  // How long answers took lately (a moving average of the time from Send to the answer), which
  // decides whether waiting inline is worth it; written under loop_mu_.
  std::atomic<int64_t> recent_answer_ns_{0};

  absl::Mutex mu_;
  std::vector<std::unique_ptr<Transfer>> incoming_ ABSL_GUARDED_BY(mu_);
  std::vector<uint64_t> cancelled_ ABSL_GUARDED_BY(mu_);
  // Written under mu_; read under it by the loop and without it by an inline start.
  std::atomic<bool> stopping_{false};

  // Held by the thread driving curl: the loop thread except while it waits in epoll, or a Send
  // starting its transfer inline meanwhile, or a sender completing its call inline. Callbacks of
  // finished transfers run on the loop thread, or in a sender's inline wait (never inside Send),
  // without it: a Send (from a callback too) meanwhile starts its transfer itself instead of
  // queueing it for the loop's next turn.
  absl::Mutex loop_mu_;  // taken before mu_
  absl::flat_hash_map<uint64_t, std::unique_ptr<Transfer>> active_ ABSL_GUARDED_BY(loop_mu_);
  // Transfers curl finished (id, CURLcode) whose callbacks the loop has yet to run.
  std::vector<std::pair<uint64_t, int>> finished_ ABSL_GUARDED_BY(loop_mu_);
  // Kept buffers of the loop's turns (CompleteFinished, TakeQueued) and of Add's URL.
  std::vector<std::pair<uint64_t, int>> completing_ ABSL_GUARDED_BY(loop_mu_);
  std::vector<std::unique_ptr<Transfer>> taking_ ABSL_GUARDED_BY(loop_mu_);
  std::vector<uint64_t> cancelling_ ABSL_GUARDED_BY(loop_mu_);
  std::string url_ ABSL_GUARDED_BY(loop_mu_);
  // A completed transfer's callback and result, run by RunAnswers.
  struct Answer {
    Callback done;
    absl::StatusOr<HttpResponse> result;
  };
  std::vector<Answer> answers_ ABSL_GUARDED_BY(loop_mu_);
  std::vector<Answer> answering_;  // the loop thread's only
  std::vector<EasyHandle> idle_handles_ ABSL_GUARDED_BY(loop_mu_);
  // Every upstream socket open now, by descriptor.
  absl::flat_hash_map<int, Socket> sockets_ ABSL_GUARDED_BY(loop_mu_);
  // The same sockets by their connections' ends, for the pre-request check.
  ConnectionIndex connections_ ABSL_GUARDED_BY(loop_mu_);
  // As applied to the multi handle, and as seen in the latest response.
  Protocol protocol_ ABSL_GUARDED_BY(loop_mu_) = Protocol::kUnknown;
  Protocol seen_protocol_ ABSL_GUARDED_BY(loop_mu_) = Protocol::kUnknown;
  // When curl wants to be called for its timeouts; max() when it has none.
  std::chrono::steady_clock::time_point timer_deadline_ ABSL_GUARDED_BY(loop_mu_) =
      std::chrono::steady_clock::time_point::max();
  // When the loop's epoll_wait returns at the latest (an inline start that needs curl's timers
  // earlier wakes it).
  std::chrono::steady_clock::time_point loop_wakes_at_ ABSL_GUARDED_BY(loop_mu_) =
      std::chrono::steady_clock::time_point::min();

  // The loop builds answers, so it collects its memory when a large one asks (the loop thread's).
  MemoryCollector memory_collector_{[this] { WakeLoop(); }};
  std::thread thread_;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_UPSTREAM_CURL_LOOP_H_
