// How a CurlLoop finishes a transfer: the answer or the error it becomes (with the request's own
// credential scrubbed from error answers), or one more attempt on a new connection when the
// pooled one was found stale before the request went out.
#include <curl/curl.h>

#include <memory>
#include <new>
#include <string>
#include <utility>

#include "absl/strings/match.h"
#include "gateway/http/http_types.h"
#include "gateway/status/curl_status.h"
#include "gateway/upstream/curl_loop.h"
#include "gateway/upstream/curl_loop_transfer.h"

namespace pulumi_gateway {
namespace {

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
  // A moving average over about eight answers, from the first.
  const int64_t took = std::chrono::duration_cast<std::chrono::nanoseconds>(
                           std::chrono::steady_clock::now() - transfer->sent)
                           .count();
  const int64_t recent = recent_answer_ns_.load(std::memory_order_relaxed);
  recent_answer_ns_.store(recent == 0 ? took : recent + (took - recent) / 8,
                          std::memory_order_relaxed);
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

}  // namespace pulumi_gateway
