#include "gateway/upstream/curl_client.h"

#include <curl/curl.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <mutex>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "gateway/http/huge_pages.h"
#include "gateway/status/curl_status.h"

namespace pulumi_gateway {
namespace {

using Clock = std::chrono::steady_clock;

constexpr size_t kMaxIdleHandles = 256;
constexpr int kPollTimeoutMs = 1000;
constexpr int kMaxEvents = 256;
// curl gives each transfer a receive buffer for its whole life. With thousands of calls held,
// small ones keep the heap small (20 MB instead of curl's default 80 MB at 5,000 calls; pages
// never written are not resident, but a reused heap's are); while few transfers run, large ones
// let a big body arrive in fewer reads and loop turns.
constexpr long kSmallBufferBytes = 4 << 10;
constexpr long kLargeBufferBytes = 64 << 10;
constexpr size_t kLargeBufferTransfers = 64;

struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

void GlobalInitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

struct CurlClient::Transfer {
  CurlClient* client = nullptr;
  uint64_t id = 0;
  HttpRequest request;
  HttpResponse response;
  Callback done;
  EasyHandle easy;
  std::unique_ptr<curl_slist, SlistDeleter> headers;
  char error[CURL_ERROR_SIZE] = {0};
  size_t max_body = 0;
  bool too_large = false;
};

void CurlClient::MultiDeleter::operator()(void* multi) const {
  curl_multi_cleanup(static_cast<CURLM*>(multi));
}

void CurlClient::EasyDeleter::operator()(void* easy) const {
  curl_easy_cleanup(static_cast<CURL*>(easy));
}

CurlClient::Fd::~Fd() {
  if (fd_ >= 0) close(fd_);
}

absl::StatusOr<std::unique_ptr<CurlClient>> CurlClient::Create(CurlClientOptions options) {
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
  std::unique_ptr<CurlClient> client(new CurlClient(std::move(options)));
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
  return client;
}

CurlClient::CurlClient(CurlClientOptions options)
    : options_(std::move(options)),
      may_multiplex_(options_.http2_prior_knowledge ||
                     absl::StartsWith(options_.base_url, "https://")),
      multi_(curl_multi_init()),
      epoll_(epoll_create1(EPOLL_CLOEXEC)),
      wake_(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {
  if (multi_ == nullptr) return;
  CURLM* multi = static_cast<CURLM*>(multi_.get());
  curl_multi_setopt(multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
  curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
                    static_cast<long>(options_.max_connections));
  curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, static_cast<long>(options_.max_connections));
  curl_multi_setopt(multi, CURLMOPT_SOCKETFUNCTION, &CurlClient::OnSocket);
  curl_multi_setopt(multi, CURLMOPT_SOCKETDATA, this);
  curl_multi_setopt(multi, CURLMOPT_TIMERFUNCTION, &CurlClient::OnTimer);
  curl_multi_setopt(multi, CURLMOPT_TIMERDATA, this);
  // h2c by prior knowledge is HTTP/2 from the start; https is treated as HTTP/2 until an answer
  // says otherwise; plain http is HTTP/1.1.
  seen_protocol_ = !may_multiplex_                  ? Protocol::kHttp1
                   : options_.http2_prior_knowledge ? Protocol::kHttp2
                                                    : Protocol::kUnknown;
  protocol_ = seen_protocol_;
  curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, HostConnectionLimit());
}

long CurlClient::HostConnectionLimit() const {
  // While HTTP/2 is possible, a few connections carry every request (100 streams each).
  return protocol_ == Protocol::kHttp1
             ? options_.max_connections
             : std::min(options_.max_connections, options_.max_http2_connections);
}

CurlClient::~CurlClient() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  if (wake_.get() >= 0) WriteWakeUp();
  if (thread_.joinable()) thread_.join();
  // Pooled handles first, then the multi handle while the epoll set its callbacks use is open.
  absl::MutexLock drive(&loop_mu_);
  idle_handles_.clear();
  multi_.reset();
}

uint64_t CurlClient::Send(HttpRequest request, Callback done) {
  auto transfer = std::make_unique<Transfer>();
  transfer->client = this;
  transfer->id = next_id_.fetch_add(1);
  transfer->request = std::move(request);
  transfer->done = std::move(done);
  const uint64_t id = transfer->id;
  if (TryStartInline(transfer)) return id;
  {
    absl::MutexLock lock(&mu_);
    incoming_.push_back(std::move(transfer));
  }
  WakeLoop();
  return id;
}

bool CurlClient::TryStartInline(std::unique_ptr<Transfer>& transfer) {
  if (!loop_mu_.TryLock()) return false;
  bool stopping;
  {
    absl::MutexLock lock(&mu_);
    stopping = stopping_;
  }
  // What fails at once goes through the loop, which runs the callback outside Send.
  if (stopping || transfer->request.deadline <= absl::Now() || !Add(transfer).ok()) {
    loop_mu_.Unlock();
    return false;
  }
  RunDueTimers();
  CollectFinished();
  ApplyProtocol();
  // The loop runs the callbacks of whatever finished, and curl's timers when due before its
  // epoll_wait would return.
  const bool wake = !finished_.empty() || timer_deadline_ < loop_wakes_at_;
  loop_mu_.Unlock();
  if (wake) WakeLoop();
  return true;
}

void CurlClient::Cancel(uint64_t id) {
  {
    absl::MutexLock lock(&mu_);
    cancelled_.push_back(id);
  }
  WakeLoop();
}

void CurlClient::WakeLoop() {
  // One write per loop turn: requests that find a wake-up pending skip the syscall.
  if (!wake_pending_.exchange(true)) WriteWakeUp();
}

void CurlClient::WriteWakeUp() {
  const uint64_t one = 1;
  // Can only fail when the counter is full, and then the loop is awake anyway.
  [[maybe_unused]] const ssize_t written = write(wake_.get(), &one, sizeof(one));
}

CurlClient::EasyHandle CurlClient::TakeHandle() {
  if (!idle_handles_.empty()) {
    EasyHandle handle = std::move(idle_handles_.back());
    idle_handles_.pop_back();
    return handle;
  }
  EasyHandle handle(curl_easy_init());
  CURL* easy = static_cast<CURL*>(handle.get());
  if (easy == nullptr) return handle;
  // Options every request shares, set once per pooled handle (no curl_easy_reset per call).
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(easy, CURLOPT_HTTP_VERSION,
                   options_.http2_prior_knowledge ? CURL_HTTP_VERSION_2_PRIOR_KNOWLEDGE
                                                  : CURL_HTTP_VERSION_2TLS);
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(absl::ToInt64Milliseconds(options_.connect_timeout)));
  curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE,
                   static_cast<curl_off_t>(options_.max_response_bytes));
  if (!options_.ca_file.empty()) curl_easy_setopt(easy, CURLOPT_CAINFO, options_.ca_file.c_str());
  if (options_.insecure_skip_verify) {
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 0L);
  }
  curl_easy_setopt(
      easy, CURLOPT_WRITEFUNCTION,
      +[](char* data, size_t size, size_t count, void* user) -> size_t {
        auto* t = static_cast<Transfer*>(user);
        const size_t bytes = size * count;
        if (t->response.body.size() + bytes > t->max_body) {
          t->too_large = true;
          return 0;
        }
        t->response.body.append(data, bytes);
        return bytes;
      });
  curl_easy_setopt(
      easy, CURLOPT_HEADERFUNCTION,
      +[](char* data, size_t size, size_t count, void* user) -> size_t {
        auto* t = static_cast<Transfer*>(user);
        const size_t bytes = size * count;
        absl::string_view line(data, bytes);
        if (absl::StartsWith(line, "HTTP/")) {
          t->response.headers.clear();  // a new response (after 100 Continue)
          t->client->seen_protocol_ =
              absl::StartsWith(line, "HTTP/2") ? Protocol::kHttp2 : Protocol::kHttp1;
        } else if (size_t colon = line.find(':'); colon != absl::string_view::npos) {
          absl::string_view name = absl::StripAsciiWhitespace(line.substr(0, colon));
          absl::string_view value = absl::StripAsciiWhitespace(line.substr(colon + 1));
          // A known size is allocated once, instead of doubling (and copying) a large body.
          size_t length = 0;
          if (absl::EqualsIgnoreCase(name, "Content-Length") && absl::SimpleAtoi(value, &length) &&
              length <= t->max_body) {
            t->response.body.reserve(length);
            AdviseHugePages(t->response.body.data(), t->response.body.capacity());
          }
          t->response.headers.emplace_back(std::string(name), std::string(value));
        }
        return bytes;
      });
  return handle;
}

void CurlClient::ReturnHandle(EasyHandle handle) {
  if (handle != nullptr && idle_handles_.size() < kMaxIdleHandles) {
    idle_handles_.push_back(std::move(handle));
  }
}

void CurlClient::Start(std::unique_ptr<Transfer> transfer) {
  if (transfer->request.deadline <= absl::Now()) {
    std::move(transfer->done)(
        absl::DeadlineExceededError("deadline passed before the upstream call"));
    return;
  }
  if (absl::Status added = Add(transfer); !added.ok()) std::move(transfer->done)(added);
}

absl::Status CurlClient::Add(std::unique_ptr<Transfer>& transfer) {
  const absl::Duration left = transfer->request.deadline - absl::Now();
  transfer->easy = TakeHandle();
  CURL* easy = static_cast<CURL*>(transfer->easy.get());
  if (easy == nullptr) return absl::ResourceExhaustedError("cannot allocate an upstream transfer");
  const HttpRequest& req = transfer->request;
  transfer->max_body = options_.max_response_bytes;
  const std::string url = absl::StrCat(options_.base_url, req.path);
  curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy, CURLOPT_PRIVATE, transfer.get());
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer->error);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, transfer.get());
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, transfer.get());
  curl_easy_setopt(easy, CURLOPT_BUFFERSIZE,
                   active_.size() < kLargeBufferTransfers ? kLargeBufferBytes : kSmallBufferBytes);
  // Waiting for a connection to learn whether it multiplexes pays off only while HTTP/2 is
  // possible; for HTTP/1.1 it would serialise connection set-up.
  curl_easy_setopt(easy, CURLOPT_PIPEWAIT, protocol_ == Protocol::kHttp1 ? 0L : 1L);
  // libcurl silently resends a request once when a reused connection dies before any response
  // byte. For a write that could apply it twice, so writes take a fresh connection (no resend).
  curl_easy_setopt(easy, CURLOPT_FRESH_CONNECT, req.idempotent ? 0L : 1L);
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS,
                   static_cast<long>(std::max<int64_t>(1, absl::ToInt64Milliseconds(left))));

  curl_slist* headers = nullptr;
  for (const auto& [name, value] : req.headers) {
    headers = curl_slist_append(headers, absl::StrCat(name, ": ", value).c_str());
  }
  // No "Expect: 100-continue" round trip for larger bodies.
  headers = curl_slist_append(headers, "Expect:");
  // A bodiless POST must not claim the form content type curl would add.
  if (!req.has_body) headers = curl_slist_append(headers, "Content-Type:");
  transfer->headers.reset(headers);
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);

  // The handle may come from the pool: every request states its method from scratch.
  curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, nullptr);
  curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);  // also resets CURLOPT_NOBODY
  if (req.method == "HEAD") {
    // A real HEAD: curl then waits for no body despite the Content-Length the answer carries.
    curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
  } else if (req.method != "GET") {
    if (req.method == "POST" || req.has_body) {
      curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(req.body.size()));
      curl_easy_setopt(easy, CURLOPT_POSTFIELDS, req.body.c_str());
    }
    if (req.method != "POST") curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, req.method.c_str());
  }

  CURLMcode added = curl_multi_add_handle(static_cast<CURLM*>(multi_.get()), easy);
  if (added != CURLM_OK) {
    ReturnHandle(std::move(transfer->easy));
    return absl::InternalError(
        absl::StrCat("cannot start upstream transfer: ", curl_multi_strerror(added)));
  }
  const uint64_t id = transfer->id;
  active_.emplace(id, std::move(transfer));
  return absl::OkStatus();
}

void CurlClient::Complete(uint64_t id, int curl_code) {
  auto it = active_.find(id);
  if (it == active_.end()) return;
  std::unique_ptr<Transfer> transfer = std::move(it->second);
  active_.erase(it);
  CURL* easy = static_cast<CURL*>(transfer->easy.get());
  curl_multi_remove_handle(static_cast<CURLM*>(multi_.get()), easy);

  long connects = 0;
  if (curl_easy_getinfo(easy, CURLINFO_NUM_CONNECTS, &connects) == CURLE_OK) {
    connections_opened_.fetch_add(connects);
  }
  absl::StatusOr<HttpResponse> result;
  const CURLcode code = static_cast<CURLcode>(curl_code);
  if (code == CURLE_OK) {
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    transfer->response.status = static_cast<int>(status);
    result = std::move(transfer->response);
  } else if (transfer->too_large) {
    result = CurlResultToStatus(CURLE_FILESIZE_EXCEEDED, "");
  } else {
    result = CurlResultToStatus(code, transfer->error);
  }
  Callback done = std::move(transfer->done);
  ReturnHandle(std::move(transfer->easy));
  transfer.reset();
  std::move(done)(std::move(result));
}

void CurlClient::CollectFinished() {
  int queued = 0;
  while (CURLMsg* msg = curl_multi_info_read(static_cast<CURLM*>(multi_.get()), &queued)) {
    if (msg->msg != CURLMSG_DONE) continue;
    Transfer* transfer = nullptr;
    curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &transfer);
    if (transfer != nullptr) finished_.emplace_back(transfer->id, msg->data.result);
  }
}

void CurlClient::CompleteFinished() {
  CollectFinished();
  std::vector<std::pair<uint64_t, int>> finished;
  finished.swap(finished_);
  for (const auto& [id, code] : finished) Complete(id, code);
}

void CurlClient::RunDueTimers() {
  if (timer_deadline_ > Clock::now()) return;
  // Cleared first: curl sets the next deadline from inside the call.
  timer_deadline_ = Clock::time_point::max();
  SocketAction(CURL_SOCKET_TIMEOUT, 0);
}

void CurlClient::ApplyProtocol() {
  if (seen_protocol_ == protocol_ || seen_protocol_ == Protocol::kUnknown) return;
  protocol_ = seen_protocol_;
  // Transfers already waiting at the old limit start as the next ones finish.
  curl_multi_setopt(static_cast<CURLM*>(multi_.get()), CURLMOPT_MAX_HOST_CONNECTIONS,
                    HostConnectionLimit());
}

int CurlClient::OnSocket(void* /*easy*/, int fd, int what, void* client, void* socket_data) {
  auto* self = static_cast<CurlClient*>(client);
  if (what == CURL_POLL_REMOVE) {
    // Fails harmlessly when curl already closed the socket (which also unregistered it).
    epoll_ctl(self->epoll_.get(), EPOLL_CTL_DEL, fd, nullptr);
    return 0;
  }
  epoll_event event = {};
  event.events = (what & CURL_POLL_IN ? EPOLLIN : 0u) | (what & CURL_POLL_OUT ? EPOLLOUT : 0u);
  event.data.fd = fd;
  // socket_data marks a socket this loop registered already.
  if (socket_data == nullptr || epoll_ctl(self->epoll_.get(), EPOLL_CTL_MOD, fd, &event) != 0) {
    epoll_ctl(self->epoll_.get(), EPOLL_CTL_ADD, fd, &event);
    curl_multi_assign(static_cast<CURLM*>(self->multi_.get()), fd, self);
  }
  return 0;
}

int CurlClient::OnTimer(void* /*multi*/, long timeout_ms, void* client) {
  auto* self = static_cast<CurlClient*>(client);
  self->timer_deadline_ = timeout_ms < 0 ? Clock::time_point::max()
                                         : Clock::now() + std::chrono::milliseconds(timeout_ms);
  return 0;
}

void CurlClient::SocketAction(int fd, int events) {
  int running = 0;
  curl_multi_socket_action(static_cast<CURLM*>(multi_.get()), fd, events, &running);
}

bool CurlClient::TakeQueued() {
  std::vector<std::unique_ptr<Transfer>> incoming;
  std::vector<uint64_t> cancelled;
  bool stopping;
  // Cleared before the queue is read: a Send after this point writes a new wake-up.
  wake_pending_.store(false);
  {
    absl::MutexLock lock(&mu_);
    incoming.swap(incoming_);
    cancelled.swap(cancelled_);
    stopping = stopping_;
  }
  if (stopping) {
    for (auto& transfer : incoming) {
      std::move(transfer->done)(absl::UnavailableError("gateway is shutting down"));
    }
    return false;
  }
  for (auto& transfer : incoming) Start(std::move(transfer));
  for (uint64_t id : cancelled) Complete(id, CURLE_ABORTED_BY_CALLBACK);
  return true;
}

void CurlClient::Loop() {
  epoll_event events[kMaxEvents];
  absl::MutexLock drive(&loop_mu_);
  while (TakeQueued()) {
    // Curl's timers, including the immediate one a new transfer sets: it starts now, not after
    // another epoll_wait.
    RunDueTimers();
    CompleteFinished();
    ApplyProtocol();
    const Clock::time_point now = Clock::now();
    int timeout_ms = kPollTimeoutMs;
    if (timer_deadline_ != Clock::time_point::max()) {
      const auto left = std::chrono::ceil<std::chrono::milliseconds>(timer_deadline_ - now);
      timeout_ms = static_cast<int>(std::clamp<int64_t>(left.count(), 0, kPollTimeoutMs));
    }
    loop_wakes_at_ = now + std::chrono::milliseconds(timeout_ms);
    // Sends start their transfers themselves while the loop waits.
    loop_mu_.Unlock();
    const int ready = epoll_wait(epoll_.get(), events, kMaxEvents, timeout_ms);
    loop_mu_.Lock();
    loop_wakes_at_ = Clock::time_point::min();
    for (int i = 0; i < ready; ++i) {
      const int fd = events[i].data.fd;
      if (fd == wake_.get()) {
        uint64_t count;
        [[maybe_unused]] const ssize_t got = read(fd, &count, sizeof(count));
        continue;
      }
      const uint32_t e = events[i].events;
      SocketAction(fd, (e & (EPOLLIN | EPOLLHUP) ? CURL_CSELECT_IN : 0) |
                           (e & EPOLLOUT ? CURL_CSELECT_OUT : 0) |
                           (e & EPOLLERR ? CURL_CSELECT_ERR : 0));
    }
    // Transfers that just ended complete before the next turn's queue is read.
    CompleteFinished();
  }
  CURLM* multi = static_cast<CURLM*>(multi_.get());
  std::vector<uint64_t> ids;
  for (const auto& [id, transfer] : active_) ids.push_back(id);
  for (uint64_t id : ids) {
    auto it = active_.find(id);
    std::unique_ptr<Transfer> transfer = std::move(it->second);
    active_.erase(it);
    curl_multi_remove_handle(multi, static_cast<CURL*>(transfer->easy.get()));
    std::move(transfer->done)(absl::UnavailableError("gateway is shutting down"));
  }
}

}  // namespace pulumi_gateway
