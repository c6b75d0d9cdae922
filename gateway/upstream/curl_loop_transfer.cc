// How a CurlLoop hands a request to curl: pooled easy handles with their invariant options set
// once, each request's own options and header list, and the callbacks that feed the answer's
// bytes to the transfer's reader.
#include <curl/curl.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "gateway/upstream/curl_loop.h"
#include "gateway/upstream/curl_loop_transfer.h"

namespace pulumi_gateway {
namespace {

constexpr size_t kMaxIdleHandles = 256;
// curl gives each transfer a receive buffer for its whole life, allocated when it starts and
// freed when it ends (libcurl 7.88 does both for every transfer, pooled handle or not). With
// thousands of calls held, small ones keep the heap small (20 MB instead of 80 MB at 5,000 calls
// of 16 KB; pages never written are not resident, but a reused heap's are); while few transfers
// run, curl's default of 16 KB lets a big body arrive in fewer reads. Larger ones cost every call
// a large allocation and free (64 KB: 3-5 % more CPU per call at c=64, malloc_consolidate on each
// free), and a 64 MB export gained nothing from them.
constexpr long kSmallBufferBytes = 4 << 10;
constexpr long kLargeBufferBytes = 16 << 10;
constexpr size_t kLargeBufferTransfers = 64;

// The Accept-Encoding line: the encodings this libcurl decodes, in the order curl itself offers
// them for CURLOPT_ACCEPT_ENCODING "" (which stays set: it turns the decoding on). Sent as one
// of the request's own header lines, so curl does not format its own for every request.
absl::string_view AcceptEncodingLine() {
  static const std::string* line = [] {
    const curl_version_info_data* info = curl_version_info(CURLVERSION_NOW);
    std::vector<absl::string_view> encodings;
    if ((info->features & CURL_VERSION_LIBZ) != 0) {
      encodings.insert(encodings.end(), {"deflate", "gzip"});
    }
    if ((info->features & CURL_VERSION_BROTLI) != 0) encodings.push_back("br");
    if ((info->features & CURL_VERSION_ZSTD) != 0) encodings.push_back("zstd");
    if (encodings.empty()) encodings.push_back("identity");
    return new std::string(absl::StrCat("Accept-Encoding: ", absl::StrJoin(encodings, ", ")));
  }();
  return *line;
}

}  // namespace

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
  if (absl::StartsWith(options_.base_url, "http://")) {
    // No TLS to a plain-http upstream (redirects are not followed): without CA paths, curl does
    // not copy them into every request's connection settings. A proxy's own stay as they are.
    curl_easy_setopt(easy, CURLOPT_CAINFO, nullptr);
    curl_easy_setopt(easy, CURLOPT_CAPATH, nullptr);
  }
  // Said here either way: otherwise libcurl reads five proxy variables of the environment for
  // every request, each a scan of the whole environment (Kubernetes puts seven variables per
  // Service of the namespace there). Without a proxy, every host is exempt and there is no proxy
  // string, which libcurl would copy for every request.
  if (options_.proxy.empty()) {
    curl_easy_setopt(easy, CURLOPT_PROXY, nullptr);
    curl_easy_setopt(easy, CURLOPT_NOPROXY, "*");
  } else {
    curl_easy_setopt(easy, CURLOPT_PROXY, options_.proxy.c_str());
    curl_easy_setopt(easy, CURLOPT_NOPROXY, options_.no_proxy.c_str());
  }
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
// call (see response_reader.h).

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
    if (auto socket = loop->sockets_.find(t->socket); socket != loop->sockets_.end()) {
      socket->second.protocol = protocol;
    }
  }
  return bytes;
}

void CurlLoop::ReturnHandle(EasyHandle handle) {
  if (handle != nullptr && idle_handles_.size() < kMaxIdleHandles) {
    idle_handles_.push_back(std::move(handle));
  }
}

curl_slist* CurlLoop::BuildHeaderList(Transfer& transfer) {
  // No "Expect: 100-continue" round trip for larger bodies; a bodiless POST must not claim the
  // form content type curl would add.
  constexpr absl::string_view kNoExpect = "Expect:";
  constexpr absl::string_view kNoContentType = "Content-Type:";
  const HttpRequest& req = transfer.request;
  std::string& text = transfer.header_text;
  std::vector<curl_slist>& list = transfer.header_list;
  const absl::string_view accept_encoding = AcceptEncodingLine();
  size_t size = accept_encoding.size() + 1 + kNoExpect.size() + 1 + kNoContentType.size() + 1;
  for (const auto& [name, value] : req.headers) size += name.size() + 2 + value.size() + 1;
  text.clear();
  // Reserved whole: the lines never move once the list points at them.
  text.reserve(size);
  list.clear();
  list.reserve(req.headers.size() + 3);
  auto add_line = [&](absl::string_view a, absl::string_view b = {}, absl::string_view c = {}) {
    list.push_back(curl_slist{text.data() + text.size(), nullptr});
    for (absl::string_view part : {a, b, c}) {
      if (!part.empty()) text.append(part.data(), part.size());
    }
    text.push_back('\0');
  };
  for (const auto& [name, value] : req.headers) add_line(name, ": ", value);
  add_line(accept_encoding);
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

}  // namespace pulumi_gateway
