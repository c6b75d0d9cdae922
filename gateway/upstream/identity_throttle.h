// An UpstreamClient decorator that spends each upstream identity's request budget carefully, so
// one busy access token neither meets a wall of 429s nor starves its own interactive calls.
// The identity is the store's IdentityOf(Authorization header) (IdentityFingerprint in one
// process, a keyed digest in a shared store): the token itself is never a key.
//
// - 429 pause: when the upstream answers 429, the identity's requests wait until Retry-After
//   (seconds or HTTP-date; `default_pause` when absent) instead of going upstream; the 429 itself
//   goes back to its caller (RetryingUpstream above retries it within the deadline).
// - Optional per-identity token bucket (`requests_per_second` > 0): requests beyond it wait
//   within their deadline. Waiting interactive requests go before waiting bulk ones, and while
//   interactive work of the identity waits or runs, bulk requests get at most `bulk_share` of the
//   rate.
// - A request that cannot go before its deadline (with `min_time_left` to spare) fails at once
//   with RESOURCE_EXHAUSTED, never sent (kNotSentPayload), with google.rpc.RetryInfo (the wait)
//   and ErrorInfo (reason IDENTITY_PAUSED, IDENTITY_RATE_LIMITED or IDENTITY_QUEUE_FULL; domain
//   pulumi-gateway; metadata sent=false). One whose deadline passes while it waits gets
//   DEADLINE_EXCEEDED (IDENTITY_WAIT_EXPIRED), also never sent.
//
// Pauses and buckets live in a QuotaStore (LocalQuotaStore for one replica; docs/fleet-quota.md
// for a fleet). Per-identity state here lasts only while the identity has requests waiting or in
// flight.
//
//   LocalQuotaStore quota;
//   IdentityThrottle throttle(&inner, &timers, &quota, {.requests_per_second = 18, .burst = 10});
//   throttle.Send(std::move(request), std::move(context), std::move(done));
#ifndef GATEWAY_UPSTREAM_IDENTITY_THROTTLE_H_
#define GATEWAY_UPSTREAM_IDENTITY_THROTTLE_H_

#include <cstdint>
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gateway/call/call_context.h"
#include "gateway/clock/timer_queue.h"
#include "gateway/http/http_types.h"
#include "gateway/observability/metric_sink.h"
#include "gateway/upstream/quota_store.h"
#include "gateway/upstream/upstream_client.h"

namespace pulumi_gateway {

struct IdentityThrottleOptions {
  // Sustained upstream requests per second per identity; 0 (default): no per-identity bucket
  // (429 pauses still apply).
  double requests_per_second = 0;
  // Requests an idle identity may send at once. Default 10; >= 1.
  double burst = 10;
  // Most of the rate bulk requests may use while interactive requests of the same identity wait
  // or run. Default 0.5; in (0, 1].
  double bulk_share = 0.5;
  // Pause after a 429 without a usable Retry-After. Default 5s; 0: such a 429 does not pause.
  absl::Duration default_pause = absl::Seconds(5);
  // Longest pause honoured, whatever Retry-After asks. Default 5 minutes; 0: a 429 never pauses.
  absl::Duration max_pause = absl::Minutes(5);
  // A request whose turn would leave it less than this before its deadline fails at once: it
  // would most likely time out upstream and only spend the budget. Default 50ms.
  absl::Duration min_time_left = absl::Milliseconds(50);
  // Requests of one identity that may wait at once; more fail with RESOURCE_EXHAUSTED. Default
  // 1000; >= 1.
  int max_queued = 1000;
};

// Point-in-time counts for metrics.
struct IdentityThrottleStats {
  // Identities this replica knows to be paused now.
  int paused_identities = 0;
  int queued_interactive = 0;
  int queued_bulk = 0;
  // Pauses started by a 429 (a 429 during a running pause extends it without counting).
  int64_t pauses_total = 0;
  // Requests failed without being sent: deadline before their turn, or queue full.
  int64_t rejected_total = 0;
};

class IdentityThrottle final : public UpstreamClient {
 public:
  // `inner`, `timers` and `store` must outlive the throttle, which must outlive its calls (as
  // every decorator in the stack).
  IdentityThrottle(UpstreamClient* inner, TimerQueue* timers, QuotaStore* store,
                   IdentityThrottleOptions options);
  ~IdentityThrottle() override;

  // Sends `request` now, or queues it until its identity's pause ends and its bucket has a token.
  // `done` gets the inner answer, or (never sent) RESOURCE_EXHAUSTED when it cannot go before its
  // deadline or the identity's queue is full, DEADLINE_EXCEEDED when its deadline passes while it
  // waits, CANCELLED when cancelled while waiting (a sent request is the inner client's to
  // cancel).
  void Send(HttpRequest request, CallContext context, Callback done) override;

  IdentityThrottleStats stats() const;
  // Identities with requests waiting or in flight (the state this class holds).
  int tracked_identities() const;

  // pulumi_gateway_throttle_{paused_identities,queued_interactive,queued_bulk} and
  // pulumi_gateway_throttle_{pauses,rejected}_total.
  void ExportMetrics(MetricSink& sink) const;

 private:
  enum class Phase { kQueued, kSent, kDone };
  // One request; its fields are guarded by mu_.
  struct Call {
    std::string identity;
    RequestPriority priority = RequestPriority::kInteractive;
    absl::Time deadline;
    Phase phase = Phase::kQueued;
    HttpRequest request;  // until it is sent
    CallContext context;  // until it is sent
    Callback done;
    std::list<std::shared_ptr<Call>>::iterator position;  // in its identity's queue, while queued
    uint64_t expiry_timer = 0;                            // fires at the deadline, while queued
    CancelRegistration on_cancel;                         // while queued
  };
  using CallPtr = std::shared_ptr<Call>;
  struct Identity {
    std::list<CallPtr> queued[2];  // by priority (kInteractive, kBulk), oldest first
    int in_flight[2] = {0, 0};
    uint64_t wake_timer = 0;
    uint64_t wake_generation = 0;
    absl::Time wake_at = absl::InfiniteFuture();
  };
  // Sends and completions decided under the lock and run after it: the inner client's Send does
  // the upstream request's work (libcurl's, on the calling thread), which must not hold every
  // other identity's calls up.
  struct Actions {
    std::vector<CallPtr> send;
    std::vector<std::pair<Callback, absl::Status>> complete;
  };

  static int Index(RequestPriority priority) { return priority == RequestPriority::kBulk ? 1 : 0; }
  std::vector<QuotaBucket> Buckets(const std::string& identity, RequestPriority priority,
                                   const Identity& state) const;
  // Releases the identity's waiting requests in order while its pause and budget allow, then
  // schedules a wake-up for the rest.
  void Pump(const std::string& identity, Identity& state, absl::Time now, Actions* actions)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void ScheduleWake(const std::string& identity, Identity& state, absl::Time when)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void Wake(const std::string& identity, uint64_t generation);
  // Its deadline passed while it waited.
  void Expire(const CallPtr& call);
  // Cancelled while it waited: answers CANCELLED.
  void Withdraw(const CallPtr& call);
  // Removes a queued call and returns its callback.
  Callback Dequeue(Call& call, Identity& state) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void ForgetIfIdle(const std::string& identity) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Records a 429's pause; fails the waiting requests whose deadline falls within it.
  void Pause(const std::string& identity, absl::Time until, absl::Time now, Actions* actions)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Marks a released call sent; it goes to `inner` once the lock is released (see Transmit).
  void Release(const CallPtr& call, Actions* actions) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Hands a released call to `inner`, without the lock.
  void Transmit(const CallPtr& call) ABSL_LOCKS_EXCLUDED(mu_);
  void Finish(const CallPtr& call, absl::StatusOr<HttpResponse> result);
  void Run(Actions actions) ABSL_LOCKS_EXCLUDED(mu_);

  UpstreamClient* const inner_;
  TimerQueue* const timers_;
  QuotaStore* const store_;
  const IdentityThrottleOptions options_;

  mutable absl::Mutex mu_;
  // Being destroyed: no new wake timers.
  bool closing_ ABSL_GUARDED_BY(mu_) = false;
  absl::flat_hash_map<std::string, Identity> identities_ ABSL_GUARDED_BY(mu_);
  // Pauses this replica started or met, for the paused-identities gauge; ended ones are dropped.
  mutable absl::flat_hash_map<std::string, absl::Time> pauses_ ABSL_GUARDED_BY(mu_);
  int queued_[2] ABSL_GUARDED_BY(mu_) = {0, 0};
  int64_t pauses_total_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t rejected_total_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_UPSTREAM_IDENTITY_THROTTLE_H_
