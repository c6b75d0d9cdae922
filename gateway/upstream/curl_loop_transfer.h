// The state of one upstream call while a CurlLoop carries it (its request, easy handle, reader and
// callback). Private to the loop's own files: curl_loop*.cc share it; nothing else includes it.
//
//   auto transfer = std::make_unique<CurlLoop::Transfer>(this, limits);
//   transfer->request = std::move(request);
#ifndef GATEWAY_UPSTREAM_CURL_LOOP_TRANSFER_H_
#define GATEWAY_UPSTREAM_CURL_LOOP_TRANSFER_H_

#include <curl/curl.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "gateway/upstream/curl_loop.h"
#include "gateway/upstream/response_reader.h"

namespace pulumi_gateway {

struct CurlLoop::Transfer {
  Transfer(CurlLoop* owner, const ResponseLimits& limits) : client(owner), reader(limits) {
    client->in_flight_.fetch_add(1, std::memory_order_relaxed);
  }
  // Complete destroys the transfer before running its callback: a caller that sends its next
  // request as soon as the answer reaches it finds this loop idle again (and its connection).
  ~Transfer() { client->in_flight_.fetch_sub(1, std::memory_order_relaxed); }

  CurlLoop* client;
  uint64_t id = 0;
  // When Send took it (for the loop's recent answer time).
  std::chrono::steady_clock::time_point sent;
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
  // The socket of the connection the request goes out on (from the pre-request check), -1 when
  // unknown.
  int socket = -1;
  // Its pooled connection was found stale and the transfer aborted to start again.
  bool stale_connection = false;
  bool restarted = false;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_UPSTREAM_CURL_LOOP_TRANSFER_H_
