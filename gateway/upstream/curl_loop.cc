#include "gateway/upstream/curl_loop.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <mutex>
#include <new>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "gateway/status/curl_status.h"
#include "gateway/upstream/response_reader.h"

namespace pulumi_gateway {
namespace {

using SteadyClock = std::chrono::steady_clock;

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

void GlobalInitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// The local address of socket `fd` as libcurl words it (CURLINFO_LOCAL_IP / _PORT).
bool LocalAddress(int fd, std::string* ip, int* port) {
  sockaddr_storage address = {};
  socklen_t size = sizeof(address);
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0) return false;
  char text[INET6_ADDRSTRLEN] = {0};
  if (address.ss_family == AF_INET) {
    const auto* v4 = reinterpret_cast<const sockaddr_in*>(&address);
    inet_ntop(AF_INET, &v4->sin_addr, text, sizeof(text));
    *port = ntohs(v4->sin_port);
  } else if (address.ss_family == AF_INET6) {
    const auto* v6 = reinterpret_cast<const sockaddr_in6*>(&address);
    inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof(text));
    *port = ntohs(v6->sin6_port);
  } else {
    return false;
  }
  *ip = text;
  return true;
}

// The credential a request carries ("token X" or "Bearer X" → X).
absl::string_view Credential(const HttpRequest& request) {
  absl::string_view value = FindHeader(request.headers, "Authorization");
  const size_t space = value.find(' ');
  return space == absl::string_view::npos ? value : value.substr(space + 1);
}

// An error answer that echoes the request's own credential back must not carry it into an error
// message, a detail or a log line, whatever its shape (passthrough tokens need not look like
// Pulumi tokens): every copy becomes "[REDACTED]".
void ScrubCredential(absl::string_view credential, HttpResponse* response) {
  if (credential.size() < 8) return;  // too short to tell from ordinary text
  // Pulumi tokens read as RedactSecrets writes them; anything else as a bare mark.
  const absl::string_view redacted =
      absl::StartsWith(credential, "pul-") ? "pul-[REDACTED]" : "[REDACTED]";
  auto scrub = [&](std::string* text) {
    for (size_t at = text->find(credential.data(), 0, credential.size()); at != std::string::npos;
         at = text->find(credential.data(), at + redacted.size(), credential.size())) {
      text->replace(at, credential.size(), redacted.data(), redacted.size());
    }
  };
  scrub(&response->body);
  for (auto& [name, value] : response->headers) scrub(&value);
}

}  // namespace

struct CurlLoop::Transfer {
  Transfer(CurlLoop* owner, const ResponseLimits& limits) : client(owner), reader(limits) {
    client->in_flight_.fetch_add(1, std::memory_order_relaxed);
  }
  // Complete destroys the transfer before running its callback: a caller that sends its next
  // request as soon as the answer reaches it finds this loop idle again (and its connection).
  ~Transfer() { client->in_flight_.fetch_sub(1, std::memory_order_relaxed); }

  CurlLoop* client;
  uint64_t id = 0;
  HttpRequest request;
  CallContext context;
  CancelRegistration on_cancel;
  ResponseReader reader;
  Callback done;
  EasyHandle easy;
  // The request's header lines ("Name: value", each NUL-terminated) and the list curl reads them
  // from, built in place: two allocations per request instead of three per line
  // (curl_slist_append). libcurl only reads the list.
  std::string header_text;
  std::vector<curl_slist> header_list;
  char error[CURL_ERROR_SIZE] = {0};
  // The local address of the connection the request goes out on (from the pre-request check).
  std::string local_ip;
  int local_port = 0;
  // Its pooled connection was found stale and the transfer aborted to start again.
  bool stale_connection = false;
  bool restarted = false;
};

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
  // The loop runs the callbacks of whatever finished, and curl's timers when due before its
  // epoll_wait would return.
  const bool wake = !finished_.empty() || timer_deadline_ < loop_wakes_at_;
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

CurlLoop::EasyHandle CurlLoop::TakeHandle() {
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
  // libcurl's default, stated: a request written in pieces must not wait for a delayed ACK.
  curl_easy_setopt(easy, CURLOPT_TCP_NODELAY, 1L);
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
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &CurlLoop::OnBodyData);
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &CurlLoop::OnHeaderData);
  curl_easy_setopt(easy, CURLOPT_PREREQFUNCTION, &CurlLoop::OnBeforeRequest);
  curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, this);
  curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, &CurlLoop::OnOpenSocket);
  curl_easy_setopt(easy, CURLOPT_CLOSESOCKETDATA, this);
  curl_easy_setopt(easy, CURLOPT_CLOSESOCKETFUNCTION, &CurlLoop::OnCloseSocket);
  return handle;
}

// Callbacks called from C must not throw: the reader turns allocation failures into a failed
// call (see response_reader.h), and nothing else here allocates but the socket table, whose
// failure is caught.

size_t CurlLoop::OnBodyData(char* data, size_t size, size_t count, void* transfer) {
  auto* t = static_cast<Transfer*>(transfer);
  const size_t bytes = size * count;
  return t->reader.OnBody(absl::string_view(data, bytes)) ? bytes : 0;
}

size_t CurlLoop::OnHeaderData(char* data, size_t size, size_t count, void* transfer) {
  auto* t = static_cast<Transfer*>(transfer);
  const size_t bytes = size * count;
  absl::string_view line(data, bytes);
  if (!t->reader.OnHeaderLine(line)) return 0;
  if (absl::StartsWith(line, "HTTP/")) {
    CurlLoop* loop = t->client;
    const Protocol protocol =
        absl::StartsWith(line, "HTTP/2") ? Protocol::kHttp2 : Protocol::kHttp1;
    loop->seen_protocol_ = protocol;
    if (auto* socket = loop->FindSocket(t->local_ip, t->local_port)) {
      socket->second.protocol = protocol;
    }
  }
  return bytes;
}

int CurlLoop::OnBeforeRequest(void* transfer, char* /*remote_ip*/, char* local_ip,
                              int /*remote_port*/, int local_port) {
  auto* t = static_cast<Transfer*>(transfer);
  t->local_ip = local_ip != nullptr ? local_ip : "";
  t->local_port = local_port;
  return t->client->ConnectionIsClean(*t) ? CURL_PREREQFUNC_OK : CURL_PREREQFUNC_ABORT;
}

curl_socket_t CurlLoop::OnOpenSocket(void* loop, curlsocktype /*purpose*/, curl_sockaddr* address) {
  auto* self = static_cast<CurlLoop*>(loop);
  const int fd = socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
  if (fd < 0) return CURL_SOCKET_BAD;
  try {
    self->sockets_[fd] = Socket();
  } catch (const std::bad_alloc&) {
    close(fd);
    return CURL_SOCKET_BAD;
  }
  return fd;
}

int CurlLoop::OnCloseSocket(void* loop, curl_socket_t fd) {
  static_cast<CurlLoop*>(loop)->sockets_.erase(fd);
  return close(fd);
}

void CurlLoop::ReturnHandle(EasyHandle handle) {
  if (handle != nullptr && idle_handles_.size() < kMaxIdleHandles) {
    idle_handles_.push_back(std::move(handle));
  }
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

curl_slist* CurlLoop::BuildHeaderList(Transfer& transfer) {
  // No "Expect: 100-continue" round trip for larger bodies; a bodiless POST must not claim the
  // form content type curl would add.
  constexpr absl::string_view kNoExpect = "Expect:";
  constexpr absl::string_view kNoContentType = "Content-Type:";
  const HttpRequest& req = transfer.request;
  std::string& text = transfer.header_text;
  std::vector<curl_slist>& list = transfer.header_list;
  size_t size = kNoExpect.size() + 1 + kNoContentType.size() + 1;
  for (const auto& [name, value] : req.headers) size += name.size() + 2 + value.size() + 1;
  text.clear();
  // Reserved whole: the lines never move once the list points at them.
  text.reserve(size);
  list.clear();
  list.reserve(req.headers.size() + 2);
  auto add_line = [&](absl::string_view a, absl::string_view b = {}, absl::string_view c = {}) {
    list.push_back(curl_slist{text.data() + text.size(), nullptr});
    for (absl::string_view part : {a, b, c}) {
      if (!part.empty()) text.append(part.data(), part.size());
    }
    text.push_back('\0');
  };
  for (const auto& [name, value] : req.headers) add_line(name, ": ", value);
  add_line(kNoExpect);
  if (!req.has_body) add_line(kNoContentType);
  for (size_t i = 0; i + 1 < list.size(); ++i) list[i].next = &list[i + 1];
  return list.data();
}

absl::Status CurlLoop::Add(std::unique_ptr<Transfer>& transfer) {
  const absl::Duration left = transfer->context.deadline - clock_.Now();
  transfer->easy = TakeHandle();
  CURL* easy = transfer->easy.get();
  if (easy == nullptr) return absl::ResourceExhaustedError("cannot allocate an upstream transfer");
  const HttpRequest& req = transfer->request;
  // curl copies the URL: one buffer of the loop's serves every request.
  url_.assign(options_.base_url).append(req.path);
  curl_easy_setopt(easy, CURLOPT_URL, url_.c_str());
  curl_easy_setopt(easy, CURLOPT_PRIVATE, transfer.get());
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer->error);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, transfer.get());
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, transfer.get());
  curl_easy_setopt(easy, CURLOPT_PREREQDATA, transfer.get());
  curl_easy_setopt(easy, CURLOPT_BUFFERSIZE,
                   active_.size() < kLargeBufferTransfers ? kLargeBufferBytes : kSmallBufferBytes);
  // Waiting for a connection to learn whether it multiplexes pays off only while HTTP/2 is
  // possible; for HTTP/1.1 it would serialise connection set-up.
  curl_easy_setopt(easy, CURLOPT_PIPEWAIT, protocol_ == Protocol::kHttp1 ? 0L : 1L);
  // libcurl silently resends a request once when a reused connection dies before any response
  // byte. For a write that could apply it twice, so writes take a fresh connection (no resend).
  // So does a retry after an answer that broke HTTP.
  const CallContext& context = transfer->context;
  curl_easy_setopt(easy, CURLOPT_FRESH_CONNECT,
                   context.idempotent && !context.fresh_connection ? 0L : 1L);
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS,
                   static_cast<long>(std::max<int64_t>(1, absl::ToInt64Milliseconds(left))));

  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, BuildHeaderList(*transfer));

  // The handle may come from the pool: every request states its method from scratch.
  curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, nullptr);
  curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);  // also resets CURLOPT_NOBODY
  if (req.method == "HEAD") {
    // A real HEAD: curl then waits for no body despite the Content-Length the answer carries.
    curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
  } else if (req.method != "GET") {
    // POST, PUT and PATCH always state their body's length, `Content-Length: 0` when there is
    // none: without it a server may wait for a body until it times out, or answer 411.
    if (req.has_body || req.method == "POST" || req.method == "PUT" || req.method == "PATCH") {
      curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(req.body.size()));
      curl_easy_setopt(easy, CURLOPT_POSTFIELDS, req.body.c_str());
    }
    if (req.method != "POST") curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, req.method.c_str());
  }

  CURLMcode added = curl_multi_add_handle(multi_.get(), easy);
  if (added != CURLM_OK) {
    ReturnHandle(std::move(transfer->easy));
    return absl::InternalError(
        absl::StrCat("cannot start upstream transfer: ", curl_multi_strerror(added)));
  }
  const uint64_t id = transfer->id;
  active_.emplace(id, std::move(transfer));
  return absl::OkStatus();
}

void CurlLoop::Complete(uint64_t id, int curl_code, bool cancelled) {
  auto it = active_.find(id);
  if (it == active_.end()) return;
  Transfer& running = *it->second;
  CURL* easy = running.easy.get();
  curl_multi_remove_handle(multi_.get(), easy);
  const CURLcode code = static_cast<CURLcode>(curl_code);

  long connects = 0;
  if (curl_easy_getinfo(easy, CURLINFO_NUM_CONNECTS, &connects) == CURLE_OK) {
    connections_opened_.fetch_add(connects);
  }
  // The request never left: send it again on a new connection (once; that one is not checked).
  if (!cancelled && code == CURLE_ABORTED_BY_CALLBACK && running.stale_connection &&
      !running.restarted && Restart(running)) {
    return;
  }
  std::unique_ptr<Transfer> transfer = std::move(it->second);
  active_.erase(it);
  absl::StatusOr<HttpResponse> result;
  if (cancelled) {
    result = CurlResultToStatus(CURLE_ABORTED_BY_CALLBACK, "");
  } else if (transfer->reader.failed()) {
    result = transfer->reader.FailureStatus();
  } else if (code == CURLE_OK) {
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    try {
      result = transfer->reader.TakeResponse(static_cast<int>(status));
      if (status < 200 || status >= 300) ScrubCredential(Credential(transfer->request), &*result);
    } catch (const std::bad_alloc&) {
      result = CurlResultToStatus(CURLE_OUT_OF_MEMORY, "");
    }
  } else if (transfer->stale_connection) {
    result = absl::UnavailableError(
        "the pooled upstream connection held unread bytes and no new one could be started");
  } else {
    result = CurlResultToStatus(code, transfer->error);
  }
  Callback done = std::move(transfer->done);
  ReturnHandle(std::move(transfer->easy));
  transfer.reset();
  answers_.push_back(Answer{std::move(done), std::move(result)});
}

bool CurlLoop::Restart(Transfer& transfer) {
  CURL* easy = transfer.easy.get();
  transfer.stale_connection = false;
  transfer.restarted = true;
  transfer.reader.Reset();
  transfer.error[0] = '\0';
  curl_easy_setopt(easy, CURLOPT_FRESH_CONNECT, 1L);
  if (curl_multi_add_handle(multi_.get(), easy) == CURLM_OK) return true;
  transfer.stale_connection = true;  // fails below as what it is
  return false;
}

std::pair<const int, CurlLoop::Socket>* CurlLoop::FindSocket(absl::string_view ip, int port) {
  if (port == 0) return nullptr;
  for (auto& entry : sockets_) {
    Socket& socket = entry.second;
    if (socket.local_port == 0 &&
        !LocalAddress(entry.first, &socket.local_ip, &socket.local_port)) {
      continue;
    }
    if (socket.local_port == port && socket.local_ip == ip) return &entry;
  }
  return nullptr;
}

bool CurlLoop::ConnectionIsClean(Transfer& transfer) {
  long connects = 0;
  curl_easy_getinfo(transfer.easy.get(), CURLINFO_NUM_CONNECTS, &connects);
  if (connects > 0) return true;  // opened for this request: nothing was read from it before
  auto* socket = FindSocket(transfer.local_ip, transfer.local_port);
  // Only an HTTP/1.1 connection that carried an answer before is checked (see the header).
  if (socket == nullptr || socket->second.protocol != Protocol::kHttp1) return true;
  char byte;
  const ssize_t peeked = recv(socket->first, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  if (peeked < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return true;
  // A byte nobody asked for, the peer's close, or a socket error: not for this request.
  transfer.stale_connection = true;
  stale_discarded_.fetch_add(1);
  return false;
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

int CurlLoop::OnSocket(void* /*easy*/, int fd, int what, void* client, void* socket_data) {
  auto* self = static_cast<CurlLoop*>(client);
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
    curl_multi_assign(self->multi_.get(), fd, self);
  }
  return 0;
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
