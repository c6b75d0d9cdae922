#include "gateway/upstream/curl_client.h"

#include <curl/curl.h>

#include <mutex>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gateway/status/curl_status.h"

namespace pulumi_gateway {
namespace {

constexpr size_t kMaxIdleHandles = 256;
constexpr int kPollTimeoutMs = 1000;

struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

void GlobalInitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

struct CurlClient::Transfer {
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

namespace {

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* body = static_cast<std::string*>(user);
  const size_t bytes = size * count;
  body->append(data, bytes);
  return bytes;
}

}  // namespace

absl::StatusOr<std::unique_ptr<CurlClient>> CurlClient::Create(CurlClientOptions options) {
  if (!absl::StartsWith(options.base_url, "http://") &&
      !absl::StartsWith(options.base_url, "https://")) {
    return absl::InvalidArgumentError(absl::StrCat("upstream base URL \"", options.base_url,
                                                   "\" must start with http:// or https://"));
  }
  while (!options.base_url.empty() && options.base_url.back() == '/') options.base_url.pop_back();
  if (options.max_connections < 1) {
    return absl::InvalidArgumentError("max_connections must be at least 1");
  }
  GlobalInitOnce();
  std::unique_ptr<CurlClient> client(new CurlClient(std::move(options)));
  if (client->multi_ == nullptr) return absl::InternalError("curl_multi_init failed");
  client->thread_ = std::thread([c = client.get()] { c->Loop(); });
  return client;
}

CurlClient::CurlClient(CurlClientOptions options)
    : options_(std::move(options)),
      may_multiplex_(options_.http2_prior_knowledge ||
                     absl::StartsWith(options_.base_url, "https://")),
      multi_(curl_multi_init()) {
  if (multi_ == nullptr) return;
  CURLM* multi = static_cast<CURLM*>(multi_.get());
  curl_multi_setopt(multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
  curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS,
                    static_cast<long>(options_.max_connections));
  curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
                    static_cast<long>(options_.max_connections));
  curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, static_cast<long>(options_.max_connections));
}

CurlClient::~CurlClient() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  if (multi_ != nullptr) curl_multi_wakeup(static_cast<CURLM*>(multi_.get()));
  if (thread_.joinable()) thread_.join();
}

uint64_t CurlClient::Send(HttpRequest request, Callback done) {
  auto transfer = std::make_unique<Transfer>();
  transfer->id = next_id_.fetch_add(1);
  transfer->request = std::move(request);
  transfer->done = std::move(done);
  const uint64_t id = transfer->id;
  {
    absl::MutexLock lock(&mu_);
    incoming_.push_back(std::move(transfer));
  }
  curl_multi_wakeup(static_cast<CURLM*>(multi_.get()));
  return id;
}

void CurlClient::Cancel(uint64_t id) {
  {
    absl::MutexLock lock(&mu_);
    cancelled_.push_back(id);
  }
  curl_multi_wakeup(static_cast<CURLM*>(multi_.get()));
}

CurlClient::EasyHandle CurlClient::TakeHandle() {
  if (idle_handles_.empty()) return EasyHandle(curl_easy_init());
  EasyHandle handle = std::move(idle_handles_.back());
  idle_handles_.pop_back();
  curl_easy_reset(static_cast<CURL*>(handle.get()));
  return handle;
}

void CurlClient::ReturnHandle(EasyHandle handle) {
  if (handle != nullptr && idle_handles_.size() < kMaxIdleHandles) {
    idle_handles_.push_back(std::move(handle));
  }
}

void CurlClient::Start(std::unique_ptr<Transfer> transfer) {
  const absl::Duration left = transfer->request.deadline - absl::Now();
  if (left <= absl::ZeroDuration()) {
    std::move(transfer->done)(
        absl::DeadlineExceededError("deadline passed before the upstream call"));
    return;
  }
  transfer->easy = TakeHandle();
  CURL* easy = static_cast<CURL*>(transfer->easy.get());
  if (easy == nullptr) {
    std::move(transfer->done)(absl::ResourceExhaustedError("cannot allocate an upstream transfer"));
    return;
  }
  const HttpRequest& req = transfer->request;
  const std::string url = absl::StrCat(options_.base_url, req.path);
  curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy, CURLOPT_PRIVATE, transfer.get());
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer->error);
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
  // Waiting for a connection to learn whether it multiplexes pays off only where HTTP/2 is
  // possible; for plain HTTP/1.1 it would serialise connection set-up.
  curl_easy_setopt(easy, CURLOPT_PIPEWAIT, may_multiplex_ ? 1L : 0L);
  curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
  // libcurl silently resends a request once when a reused connection dies before any response
  // byte. For a write that could apply it twice, so writes take a fresh connection (no resend).
  if (!req.idempotent) curl_easy_setopt(easy, CURLOPT_FRESH_CONNECT, 1L);
  curl_easy_setopt(easy, CURLOPT_HTTP_VERSION,
                   options_.http2_prior_knowledge ? CURL_HTTP_VERSION_2_PRIOR_KNOWLEDGE
                                                  : CURL_HTTP_VERSION_2TLS);
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS,
                   static_cast<long>(std::max<int64_t>(1, absl::ToInt64Milliseconds(left))));
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(absl::ToInt64Milliseconds(options_.connect_timeout)));
  curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE,
                   static_cast<curl_off_t>(options_.max_response_bytes));
  if (!options_.ca_file.empty()) curl_easy_setopt(easy, CURLOPT_CAINFO, options_.ca_file.c_str());
  if (options_.insecure_skip_verify) {
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 0L);
  }

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

  if (req.method == "GET") {
    curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
  } else {
    if (req.method == "POST" || req.has_body) {
      curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(req.body.size()));
      curl_easy_setopt(easy, CURLOPT_POSTFIELDS, req.body.c_str());
    }
    if (req.method != "POST") curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, req.method.c_str());
  }

  transfer->max_body = options_.max_response_bytes;
  curl_easy_setopt(
      easy, CURLOPT_WRITEFUNCTION,
      +[](char* data, size_t size, size_t count, void* user) -> size_t {
        auto* t = static_cast<Transfer*>(user);
        const size_t bytes = size * count;
        if (t->response.body.size() + bytes > t->max_body) {
          t->too_large = true;
          return 0;
        }
        return OnBody(data, size, count, &t->response.body);
      });
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, transfer.get());
  curl_easy_setopt(
      easy, CURLOPT_HEADERFUNCTION,
      +[](char* data, size_t size, size_t count, void* user) -> size_t {
        auto* t = static_cast<Transfer*>(user);
        const size_t bytes = size * count;
        absl::string_view line(data, bytes);
        if (absl::StartsWith(line, "HTTP/")) {
          t->response.headers.clear();  // a new response (after 100 Continue)
        } else if (size_t colon = line.find(':'); colon != absl::string_view::npos) {
          t->response.headers.emplace_back(
              std::string(absl::StripAsciiWhitespace(line.substr(0, colon))),
              std::string(absl::StripAsciiWhitespace(line.substr(colon + 1))));
        }
        return bytes;
      });
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, transfer.get());

  CURLMcode added = curl_multi_add_handle(static_cast<CURLM*>(multi_.get()), easy);
  if (added != CURLM_OK) {
    std::move(transfer->done)(absl::InternalError(
        absl::StrCat("cannot start upstream transfer: ", curl_multi_strerror(added))));
    return;
  }
  const uint64_t id = transfer->id;
  active_.emplace(id, std::move(transfer));
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

void CurlClient::Loop() {
  CURLM* multi = static_cast<CURLM*>(multi_.get());
  while (true) {
    std::vector<std::unique_ptr<Transfer>> incoming;
    std::vector<uint64_t> cancelled;
    bool stopping;
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
      break;
    }
    for (auto& transfer : incoming) Start(std::move(transfer));
    for (uint64_t id : cancelled) Complete(id, CURLE_ABORTED_BY_CALLBACK);

    int running = 0;
    curl_multi_perform(multi, &running);
    int queued = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi, &queued)) {
      if (msg->msg != CURLMSG_DONE) continue;
      Transfer* transfer = nullptr;
      curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &transfer);
      if (transfer != nullptr) Complete(transfer->id, msg->data.result);
    }
    curl_multi_poll(multi, nullptr, 0, kPollTimeoutMs, nullptr);
  }
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
