// An UpstreamClient decorator that keeps outbound requests under a rate (token bucket): a burst
// goes out at once, the rest wait their turn on a timer — within their deadline — instead of
// meeting the upstream's 429s. A request whose turn would come after its deadline fails at once
// with RESOURCE_EXHAUSTED.
//
//   RateLimiter limiter(&inner, &timers, {.requests_per_second = 10, .burst = 20});
#ifndef GATEWAY_UPSTREAM_RATE_LIMITER_H_
#define GATEWAY_UPSTREAM_RATE_LIMITER_H_

#include <memory>
#include <optional>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gateway/clock/timer_queue.h"
#include "gateway/upstream/upstream_client.h"

namespace pulumi_gateway {

struct RateLimiterOptions {
  // Sustained rate. Required (> 0).
  double requests_per_second = 10;
  // Requests that may go at once after a quiet period. Default 10.
  double burst = 10;
};

class RateLimiter final : public UpstreamClient {
 public:
  RateLimiter(UpstreamClient* inner, TimerQueue* timers, RateLimiterOptions options);

  uint64_t Send(HttpRequest request, Callback done) override;
  void Cancel(uint64_t id) override;

  // Requests waiting for their turn.
  int queued() const;

 private:
  struct Waiting {
    uint64_t timer_id = 0;
    bool delayed = false;
    // Cancelled after its turn came but before it was sent: the timer callback finishes it.
    bool cancelled = false;
    std::optional<uint64_t> inner_id;
    std::shared_ptr<Callback> done;
  };

  UpstreamClient* const inner_;
  TimerQueue* const timers_;
  const RateLimiterOptions options_;

  mutable absl::Mutex mu_;
  // Tokens may go negative: each queued request holds a reservation.
  double tokens_ ABSL_GUARDED_BY(mu_);
  absl::Time refilled_at_ ABSL_GUARDED_BY(mu_);
  uint64_t next_id_ ABSL_GUARDED_BY(mu_) = 1;
  absl::flat_hash_map<uint64_t, Waiting> calls_ ABSL_GUARDED_BY(mu_);
  int queued_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_UPSTREAM_RATE_LIMITER_H_
