// UpstreamClient on libcurl: `loops` event loops (CurlLoop, one thread each; default one per
// core) drive every transfer, so an in-flight call costs memory, not a thread, and no single
// thread caps the gateway's throughput. Each loop pools its own keep-alive connections under its
// share of the connection limits (the shares add up to the limits: they hold overall).
//
//   CurlClientOptions options;
//   options.base_url = "https://api.pulumi.com";
//   absl::StatusOr<std::unique_ptr<CurlClient>> client = CurlClient::Create(options);
//   (*client)->Send(std::move(request), std::move(context), std::move(callback));
//
// Each call goes to the loop with the fewest transfers in flight for its share of connections,
// the first on a tie: calls one after another stay on one loop and reuse one connection, while
// concurrent calls spread over every loop. The call's transfer starts on the calling thread when
// that loop is waiting for its sockets, and its callback runs on the loop thread that read the
// answer (see curl_loop.h for the connection policy, reuse checks and limits).
#ifndef GATEWAY_UPSTREAM_CURL_CLIENT_H_
#define GATEWAY_UPSTREAM_CURL_CLIENT_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "gateway/upstream/curl_loop.h"
#include "gateway/upstream/curl_options.h"
#include "gateway/upstream/upstream_client.h"

namespace pulumi_gateway {

// How many loops `options` gets in a process that can keep `cores` CPUs busy (CpuBudget):
// `options.loops` (0: `cores`),
// at most the connection limits (each loop needs one connection of each) and at least 1.
int UpstreamLoopCount(const CurlClientOptions& options, int cores);

// `total` split into `parts` shares that differ by at most one and add up to `total`
// (the first ones larger). `parts` ≥ 1.
std::vector<int> SplitLimit(int total, int parts);

// One loop as the choice sees it.
struct LoopLoad {
  int in_flight = 0;
  int connections = 1;  // its share of the connection limit, ≥ 1
};
// The index of the loop with the lowest in_flight / connections, the first on a tie.
size_t PickLoop(absl::Span<const LoopLoad> loops);

class CurlClient final : public UpstreamClient {
 public:
  // Returns INVALID_ARGUMENT for an unusable base URL or limits, INTERNAL if libcurl or an event
  // loop cannot start.
  static absl::StatusOr<std::unique_ptr<CurlClient>> Create(CurlClientOptions options);

  // Stops the loops; calls still in flight complete with UNAVAILABLE.
  ~CurlClient() override = default;

  void Send(HttpRequest request, CallContext context, Callback done) override;

  // The event loops running.
  int loops() const { return static_cast<int>(loops_.size()); }
  // Transfers in flight on loop `i` (tests, metrics).
  int in_flight(int i) const { return loops_[i]->in_flight(); }
  // New connections opened so far, all loops (for metrics and connection-reuse tests).
  int64_t connections_opened() const;
  // Pooled connections found holding unread bytes (or closed by the peer) just before a request
  // would have gone out on them: closed instead, the request sent on a new connection.
  int64_t stale_connections_discarded() const;
  // Calls whose answer the server thread that sent them handled itself, summed over the loops
  // (CurlClientOptions::inline_wait).
  int64_t inline_completions() const;
  // Of those, answers caught while the thread was still busy-polling (CurlClientOptions::
  // inline_spin).
  int64_t inline_spin_hits() const;

 private:
  CurlClient() = default;
  // A loop counter summed over the loops.
  int64_t Sum(int64_t (CurlLoop::*count)() const) const;

  std::vector<std::unique_ptr<CurlLoop>> loops_;
  // Each loop's share of max_connections, by index.
  std::vector<int> connections_;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_UPSTREAM_CURL_CLIENT_H_
