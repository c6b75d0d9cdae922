#include "gateway/upstream/curl_client.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/container/inlined_vector.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gateway/host/cpu_budget.h"

namespace pulumi_gateway {

int UpstreamLoopCount(const CurlClientOptions& options, int cores) {
  int loops = options.loops > 0 ? options.loops : cores;
  loops = std::min(loops, options.max_connections);
  // Where HTTP/2 is possible every loop needs a connection of the HTTP/2 limit too.
  const bool may_multiplex =
      options.http2_prior_knowledge || absl::StartsWith(options.base_url, "https://");
  if (may_multiplex) loops = std::min(loops, options.max_http2_connections);
  return std::max(loops, 1);
}

std::vector<int> SplitLimit(int total, int parts) {
  std::vector<int> shares(parts, total / parts);
  for (int i = 0; i < total % parts; ++i) ++shares[i];
  return shares;
}

size_t PickLoop(absl::Span<const LoopLoad> loops) {
  size_t best = 0;
  for (size_t i = 1; i < loops.size(); ++i) {
    // in_flight[i] / connections[i] < in_flight[best] / connections[best], without division.
    if (int64_t{loops[i].in_flight} * loops[best].connections <
        int64_t{loops[best].in_flight} * loops[i].connections) {
      best = i;
    }
  }
  return best;
}

absl::StatusOr<std::unique_ptr<CurlClient>> CurlClient::Create(CurlClientOptions options) {
  if (options.max_connections < 1 || options.max_http2_connections < 1) {
    return absl::InvalidArgumentError("max_connections and max_http2_connections must be >= 1");
  }
  if (options.loops < 0)
    return absl::InvalidArgumentError("loops must be >= 0 (0: one per CPU the process can use)");
  const int count = UpstreamLoopCount(options, ProcessCpuCores());
  const std::vector<int> connections = SplitLimit(options.max_connections, count);
  const std::vector<int> http2_connections =
      SplitLimit(std::min(options.max_http2_connections, options.max_connections), count);
  std::unique_ptr<CurlClient> client(new CurlClient());
  for (int i = 0; i < count; ++i) {
    CurlClientOptions share = options;
    share.max_connections = connections[i];
    share.max_http2_connections = std::max(1, http2_connections[i]);
    absl::StatusOr<std::unique_ptr<CurlLoop>> loop =
        CurlLoop::Create(std::move(share), absl::StrCat("upstream-", i));
    if (!loop.ok()) return loop.status();
    client->loops_.push_back(*std::move(loop));
  }
  client->connections_ = connections;
  return client;
}

void CurlClient::Send(HttpRequest request, CallContext context, Callback done) {
  size_t chosen = 0;
  if (loops_.size() > 1) {
    absl::InlinedVector<LoopLoad, 8> loads(loops_.size());
    for (size_t i = 0; i < loops_.size(); ++i) {
      loads[i].in_flight = loops_[i]->in_flight();
      loads[i].connections = connections_[i];
    }
    chosen = PickLoop(loads);
  }
  loops_[chosen]->Send(std::move(request), std::move(context), std::move(done));
}

int64_t CurlClient::Sum(int64_t (CurlLoop::*count)() const) const {
  int64_t total = 0;
  for (const auto& loop : loops_) total += (*loop.*count)();
  return total;
}

int64_t CurlClient::connections_opened() const { return Sum(&CurlLoop::connections_opened); }

int64_t CurlClient::inline_completions() const { return Sum(&CurlLoop::inline_completions); }

int64_t CurlClient::inline_spin_hits() const { return Sum(&CurlLoop::inline_spin_hits); }

int64_t CurlClient::stale_connections_discarded() const {
  return Sum(&CurlLoop::stale_connections_discarded);
}

}  // namespace pulumi_gateway
