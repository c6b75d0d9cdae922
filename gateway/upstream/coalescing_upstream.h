// An UpstreamClient decorator that merges identical concurrent reads: GETs of the same path and
// query with the same `Authorization` value share one upstream request, and every caller gets
// its answer (the response or the error). A burst of N identical calls costs one request; tokens
// never share (the upstream decides per token what a caller may see).
//
//   CoalescingUpstream coalescing(&retrying, &timers);
//   coalescing.Send(get_prod, context_a, done_a);  // sent upstream
//   coalescing.Send(get_prod, context_b, done_b);  // joins it: both callbacks get the one answer
//   coalescing.coalesced();                        // 1
//
// Each caller keeps its own semantics. Cancelling a caller's token completes only that caller
// with CANCELLED; the shared request has a cancellation of its own, cancelled when no caller is
// left. The shared request is the first caller's (its X-Request-ID and deadline); a caller whose
// deadline comes earlier gets DEADLINE_EXCEEDED at its own deadline, and when the shared request
// fails with DEADLINE_EXCEEDED at its deadline, the callers with time left get one new shared
// request. Each caller's `attempts` counter gets the attempts of the shared requests it waited
// on.
//
// Writes (every other method) pass straight through. When one is sent and when it completes,
// reads of the organization it touches (org_scope.h) stop accepting joiners, so a caller never
// joins a read that may have been answered before its own earlier write.
#ifndef GATEWAY_UPSTREAM_COALESCING_UPSTREAM_H_
#define GATEWAY_UPSTREAM_COALESCING_UPSTREAM_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "gateway/clock/timer_queue.h"
#include "gateway/observability/metric_sink.h"
#include "gateway/upstream/org_scope.h"
#include "gateway/upstream/upstream_client.h"

namespace pulumi_gateway {

class CoalescingUpstream final : public UpstreamClient {
 public:
  // `inner` and `timers` (for callers' own deadlines) must outlive this object.
  CoalescingUpstream(UpstreamClient* inner, TimerQueue* timers);
  ~CoalescingUpstream() override;

  void Send(HttpRequest request, CallContext context, Callback done) override;

  // Calls that joined a request already in flight instead of sending their own.
  int64_t coalesced() const { return coalesced_.load(std::memory_order_relaxed); }

  // pulumi_gateway_coalesced_requests_total.
  void ExportMetrics(MetricSink& sink) const;

 private:
  struct Flight;
  struct Reader;

  void SendWrite(HttpRequest request, CallContext context, Callback done);
  // Sends `flight`'s shared request on behalf of its readers.
  void Launch(const std::shared_ptr<Flight>& flight, HttpRequest request, const CallContext& like);
  void OnFlightDone(const std::shared_ptr<Flight>& flight, absl::StatusOr<HttpResponse> result);
  // Completes waiting `reader` alone with `status` (its cancel or its own deadline), from a timer.
  void Leave(const std::shared_ptr<Reader>& reader, absl::Status status);
  // Stops open flights that `write` may change from taking joiners.
  void CloseFlightsLocked(const OrgScope& write) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Waits for `reader`'s own deadline when it comes before `flight`'s.
  void WatchDeadlineLocked(const std::shared_ptr<Reader>& reader, const Flight& flight)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  UpstreamClient* const inner_;
  TimerQueue* const timers_;
  std::atomic<int64_t> coalesced_{0};

  absl::Mutex mu_;
  // Flights that accept joiners, by token scope and path.
  absl::flat_hash_map<std::string, std::shared_ptr<Flight>> open_ ABSL_GUARDED_BY(mu_);
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_UPSTREAM_COALESCING_UPSTREAM_H_
