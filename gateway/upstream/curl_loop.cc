// CurlLoop's lifetime and the loop that drives curl: start-up and shutdown, taking calls in
// (queued or started inline), waiting in epoll and handing curl the ready sockets and due timers.
// The easy-handle setup is in curl_loop_transfer.cc, the connection checks in
// curl_loop_connections.cc and the answers in curl_loop_completion.cc.
#include "gateway/upstream/curl_loop.h"

#include <curl/curl.h>
#include <pthread.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <mutex>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gateway/status/curl_status.h"
#include "gateway/upstream/curl_loop_transfer.h"

namespace pulumi_gateway {
namespace {

using SteadyClock = std::chrono::steady_clock;

constexpr int kPollTimeoutMs = 1000;
constexpr int kMaxEvents = 256;

void GlobalInitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

CurlLoop::Fd::~Fd() {
  if (fd_ >= 0) close(fd_);
}

absl::StatusOr<std::unique_ptr<CurlLoop>> CurlLoop::Create(CurlClientOptions options,
                                                           const std::string& thread_name) {
  if (!absl::StartsWith(options.base_url, "http://") &&
      !absl::StartsWith(options.base_url, "https://")) {
    return absl::InvalidArgumentError(absl::StrCat("upstream base URL \"", options.base_url,
                                                   "\" must start with http:// or https://"));
  }
  while (!options.base_url.empty() && options.base_url.back() == '/') options.base_url.pop_back();
  if (options.max_connections < 1 || options.max_http2_connections < 1) {
    return absl::InvalidArgumentError("max_connections and max_http2_connections must be >= 1");
  }
  GlobalInitOnce();
  std::unique_ptr<CurlLoop> client(new CurlLoop(std::move(options)));
  if (client->multi_ == nullptr) return absl::InternalError("curl_multi_init failed");
  if (client->epoll_.get() < 0 || client->wake_.get() < 0) {
    return absl::InternalError("cannot create the upstream event loop (epoll, eventfd)");
  }
  epoll_event wake = {};
  wake.events = EPOLLIN;
  wake.data.fd = client->wake_.get();
  if (epoll_ctl(client->epoll_.get(), EPOLL_CTL_ADD, client->wake_.get(), &wake) != 0) {
    return absl::InternalError("cannot watch the upstream event loop's wake-up descriptor");
  }
  client->thread_ = std::thread([c = client.get()] { c->Loop(); });
  pthread_setname_np(client->thread_.native_handle(), thread_name.substr(0, 15).c_str());
  return client;
}

CurlLoop::CurlLoop(CurlClientOptions options)
    : options_(std::move(options)),
      clock_(options_.clock != nullptr ? *options_.clock : Clock::Real()),
      may_multiplex_(options_.http2_prior_knowledge ||
                     absl::StartsWith(options_.base_url, "https://")),
      multi_(curl_multi_init()),
      epoll_(epoll_create1(EPOLL_CLOEXEC)),
      wake_(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {
  if (multi_ == nullptr) return;
  CURLM* multi = multi_.get();
  curl_multi_setopt(multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
  curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
                    static_cast<long>(options_.max_connections));
  curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, static_cast<long>(options_.max_connections));
  curl_multi_setopt(multi, CURLMOPT_SOCKETFUNCTION, &CurlLoop::OnSocket);
  curl_multi_setopt(multi, CURLMOPT_SOCKETDATA, this);
  curl_multi_setopt(multi, CURLMOPT_TIMERFUNCTION, &CurlLoop::OnTimer);
  curl_multi_setopt(multi, CURLMOPT_TIMERDATA, this);
  // h2c by prior knowledge is HTTP/2 from the start; https is treated as HTTP/2 until an answer
  // says otherwise; plain http is HTTP/1.1.
  seen_protocol_ = !may_multiplex_                  ? Protocol::kHttp1
                   : options_.http2_prior_knowledge ? Protocol::kHttp2
                                                    : Protocol::kUnknown;
  protocol_ = seen_protocol_;
  curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, HostConnectionLimit());
}

long CurlLoop::HostConnectionLimit() const {
  // While HTTP/2 is possible, a few connections carry every request (100 streams each).
  return protocol_ == Protocol::kHttp1
             ? options_.max_connections
             : std::min(options_.max_connections, options_.max_http2_connections);
}

CurlLoop::~CurlLoop() {
  {
    absl::MutexLock lock(&mu_);
    stopping_.store(true, std::memory_order_release);
  }
  if (wake_.get() >= 0) WriteWakeUp();
  if (thread_.joinable()) thread_.join();
  // Pooled handles first, then the multi handle while the epoll set its callbacks use is open.
  absl::MutexLock drive(&loop_mu_);
  idle_handles_.clear();
  multi_.reset();
}

void CurlLoop::Send(HttpRequest request, CallContext context, Callback done) {
  ResponseLimits limits;
  limits.max_body_bytes = options_.max_response_bytes;
  limits.max_header_bytes = options_.max_header_bytes;
  limits.budget = options_.budget;
  auto transfer = std::make_unique<Transfer>(this, limits);
  transfer->id = next_id_.fetch_add(1);
  transfer->sent = SteadyClock::now();
  transfer->request = std::move(request);
  transfer->context = std::move(context);
  transfer->done = std::move(done);
  // Registered before the transfer starts (it may complete at once on the loop): a cancel queues
  // its id for the loop, which aborts the transfer wherever it is by then.
  transfer->on_cancel =
      transfer->context.cancellation.OnCancel([this, id = transfer->id] { Cancel(id); });
  if (TryStartInline(transfer)) return;
  {
    absl::MutexLock lock(&mu_);
    incoming_.push_back(std::move(transfer));
  }
  WakeLoop();
}

bool CurlLoop::TryStartInline(std::unique_ptr<Transfer>& transfer) {
  if (!loop_mu_.TryLock()) return false;
  const uint64_t id = transfer->id;
  // Read without mu_: one lock less per call (set once, under mu_, before the loop stops).
  const bool stopping = stopping_.load(std::memory_order_acquire);
  // What fails at once goes through the loop, which runs the callback outside Send.
  if (stopping || transfer->context.deadline <= clock_.Now() ||
      transfer->context.cancellation.cancelled() || !Add(transfer).ok()) {
    loop_mu_.Unlock();
    return false;
  }
  RunDueTimers();
  CollectFinished();
  ApplyProtocol();
  // Either this thread completes the transfer when its scope closes, or the loop runs the
  // callbacks of whatever finished; the loop runs curl's timers when due before its epoll_wait
  // would return.
  const bool deferred = active_.contains(id) && DeferToCaller(id);
  const bool wake = (!deferred && !finished_.empty()) || timer_deadline_ < loop_wakes_at_;
  loop_mu_.Unlock();
  if (wake) WakeLoop();
  return true;
}

void CurlLoop::Cancel(uint64_t id) {
  {
    absl::MutexLock lock(&mu_);
    cancelled_.push_back(id);
  }
  WakeLoop();
}

void CurlLoop::WakeLoop() {
  // One write per loop turn: requests that find a wake-up pending skip the syscall.
  if (!wake_pending_.exchange(true)) WriteWakeUp();
}

void CurlLoop::WriteWakeUp() {
  const uint64_t one = 1;
  // Can only fail when the counter is full, and then the loop is awake anyway.
  [[maybe_unused]] const ssize_t written = write(wake_.get(), &one, sizeof(one));
}

void CurlLoop::Start(std::unique_ptr<Transfer> transfer) {
  if (transfer->context.deadline <= clock_.Now()) {
    std::move(transfer->done)(
        absl::DeadlineExceededError("deadline passed before the upstream call"));
    return;
  }
  // Cancelled before it started: its queued cancel found nothing to abort.
  if (transfer->context.cancellation.cancelled()) {
    std::move(transfer->done)(CurlResultToStatus(CURLE_ABORTED_BY_CALLBACK, ""));
    return;
  }
  if (absl::Status added = Add(transfer); !added.ok()) std::move(transfer->done)(added);
}

void CurlLoop::CollectFinished() {
  int queued = 0;
  while (CURLMsg* msg = curl_multi_info_read(multi_.get(), &queued)) {
    if (msg->msg != CURLMSG_DONE) continue;
    Transfer* transfer = nullptr;
    curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &transfer);
    if (transfer != nullptr) finished_.emplace_back(transfer->id, msg->data.result);
  }
}

void CurlLoop::RunAnswers() {
  if (answers_.empty()) return;
  answering_.swap(answers_);
  // Without the lock: meanwhile Sends start their transfers themselves, as during epoll_wait.
  loop_mu_.Unlock();
  for (Answer& answer : answering_) std::move(answer.done)(std::move(answer.result));
  answering_.clear();
  loop_mu_.Lock();
}

void CurlLoop::CompleteFinished() {
  CollectFinished();
  // Swapped with a kept buffer, so neither vector allocates again in the steady state.
  completing_.swap(finished_);
  for (const auto& [id, code] : completing_) Complete(id, code);
  completing_.clear();
}

void CurlLoop::RunDueTimers() {
  if (timer_deadline_ > SteadyClock::now()) return;
  // Cleared first: curl sets the next deadline from inside the call.
  timer_deadline_ = SteadyClock::time_point::max();
  SocketAction(CURL_SOCKET_TIMEOUT, 0);
}

void CurlLoop::ApplyProtocol() {
  if (seen_protocol_ == protocol_ || seen_protocol_ == Protocol::kUnknown) return;
  protocol_ = seen_protocol_;
  // Transfers already waiting at the old limit start as the next ones finish.
  curl_multi_setopt(multi_.get(), CURLMOPT_MAX_HOST_CONNECTIONS, HostConnectionLimit());
}

int CurlLoop::OnSocket(void* /*easy*/, int fd, int what, void* client, void* /*socket_data*/) {
  auto* self = static_cast<CurlLoop*>(client);
  const uint32_t wanted = what == CURL_POLL_REMOVE ? 0u
                                                   : (what & CURL_POLL_IN ? EPOLLIN : 0u) |
                                                         (what & CURL_POLL_OUT ? EPOLLOUT : 0u);
  auto socket = self->sockets_.find(fd);
  if (socket == self->sockets_.end()) {
    // A socket curl did not open through OnOpenSocket (a resolver's): registered as asked, since
    // it may be closed without the loop hearing of it.
    epoll_event event = {};
    event.events = wanted;
    event.data.fd = fd;
    if (wanted == 0) {
      epoll_ctl(self->epoll_.get(), EPOLL_CTL_DEL, fd, nullptr);
    } else if (epoll_ctl(self->epoll_.get(), EPOLL_CTL_MOD, fd, &event) != 0) {
      epoll_ctl(self->epoll_.get(), EPOLL_CTL_ADD, fd, &event);
    }
    return 0;
  }
  // A connection's socket curl stops waiting on (its transfer ended; the connection goes back to
  // the pool) stays in the epoll set: the next transfer on it almost always waits for the same
  // events, so a pooled connection costs no epoll_ctl per call. Should it stir while idle, Loop
  // takes it out.
  socket->second.wanted = wanted;
  if (wanted != 0) self->Register(fd, socket->second);
  return 0;
}

void CurlLoop::Register(int fd, Socket& socket) {
  if (socket.registered == socket.wanted) return;
  epoll_event event = {};
  event.events = socket.wanted;
  event.data.fd = fd;
  epoll_ctl(epoll_.get(), socket.registered == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, fd, &event);
  socket.registered = socket.wanted;
}

void CurlLoop::Unregister(int fd, Socket& socket) {
  if (socket.registered == 0) return;
  epoll_ctl(epoll_.get(), EPOLL_CTL_DEL, fd, nullptr);
  socket.registered = 0;
}

int CurlLoop::OnTimer(void* /*multi*/, long timeout_ms, void* client) {
  auto* self = static_cast<CurlLoop*>(client);
  self->timer_deadline_ = timeout_ms < 0
                              ? SteadyClock::time_point::max()
                              : SteadyClock::now() + std::chrono::milliseconds(timeout_ms);
  return 0;
}

void CurlLoop::SocketAction(int fd, int events) {
  int running = 0;
  curl_multi_socket_action(multi_.get(), fd, events, &running);
}

bool CurlLoop::TakeQueued() {
  // Swapped with kept buffers (cleared below), so the queues do not allocate in the steady state.
  std::vector<std::unique_ptr<Transfer>>& incoming = taking_;
  std::vector<uint64_t>& cancelled = cancelling_;
  bool stopping;
  // Cleared before the queue is read: a Send after this point writes a new wake-up.
  wake_pending_.store(false);
  {
    absl::MutexLock lock(&mu_);
    incoming.swap(incoming_);
    cancelled.swap(cancelled_);
    stopping = stopping_.load(std::memory_order_relaxed);
  }
  if (stopping) {
    for (auto& transfer : incoming) {
      std::move(transfer->done)(absl::UnavailableError("gateway is shutting down"));
    }
    return false;
  }
  for (auto& transfer : incoming) Start(std::move(transfer));
  for (uint64_t id : cancelled) Complete(id, CURLE_ABORTED_BY_CALLBACK, /*cancelled=*/true);
  incoming.clear();
  cancelled.clear();
  return true;
}

void CurlLoop::Loop() {
  epoll_event events[kMaxEvents];
  absl::MutexLock drive(&loop_mu_);
  while (TakeQueued()) {
    memory_collector_.CollectIfAsked();
    // Curl's timers, including the immediate one a new transfer sets: it starts now, not after
    // another epoll_wait.
    RunDueTimers();
    CompleteFinished();
    ApplyProtocol();
    RunAnswers();
    const SteadyClock::time_point now = SteadyClock::now();
    int timeout_ms = kPollTimeoutMs;
    if (timer_deadline_ != SteadyClock::time_point::max()) {
      const auto left = std::chrono::ceil<std::chrono::milliseconds>(timer_deadline_ - now);
      timeout_ms = static_cast<int>(std::clamp<int64_t>(left.count(), 0, kPollTimeoutMs));
    }
    loop_wakes_at_ = now + std::chrono::milliseconds(timeout_ms);
    // Sends start their transfers themselves while the loop waits.
    loop_mu_.Unlock();
    const int ready = epoll_wait(epoll_.get(), events, kMaxEvents, timeout_ms);
    loop_mu_.Lock();
    loop_wakes_at_ = SteadyClock::time_point::min();
    for (int i = 0; i < ready; ++i) {
      const int fd = events[i].data.fd;
      if (fd == wake_.get()) {
        uint64_t count;
        [[maybe_unused]] const ssize_t got = read(fd, &count, sizeof(count));
        continue;
      }
      // An idle pooled connection that stirred (closed by the peer, or stray bytes): out of the
      // set until a transfer waits on it again; the check before reuse deals with it then.
      if (auto socket = sockets_.find(fd); socket != sockets_.end() && socket->second.wanted == 0) {
        Unregister(fd, socket->second);
        continue;
      }
      const uint32_t e = events[i].events;
      SocketAction(fd, (e & (EPOLLIN | EPOLLHUP) ? CURL_CSELECT_IN : 0) |
                           (e & EPOLLOUT ? CURL_CSELECT_OUT : 0) |
                           (e & EPOLLERR ? CURL_CSELECT_ERR : 0));
    }
    // Transfers that just ended complete before the next turn's queue is read.
    CompleteFinished();
    RunAnswers();
  }
  CURLM* multi = multi_.get();
  std::vector<uint64_t> ids;
  for (const auto& [id, transfer] : active_) ids.push_back(id);
  for (uint64_t id : ids) {
    auto it = active_.find(id);
    std::unique_ptr<Transfer> transfer = std::move(it->second);
    active_.erase(it);
    curl_multi_remove_handle(multi, transfer->easy.get());
    std::move(transfer->done)(absl::UnavailableError("gateway is shutting down"));
  }
}

}  // namespace pulumi_gateway
