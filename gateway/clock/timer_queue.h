// Runs callbacks at given times on a clock, for work that must wait without blocking a call
// thread: retry backoff, rate-limit queues, cache hits delivered off the caller's stack, poll
// intervals. TimerThread (timer_thread.h) is the real one; FakeClock (fake_clock.h) runs due
// callbacks only when a test advances it.
//
//   TimerQueue& timers = ...;
//   uint64_t id = timers.Schedule(timers.Now() + absl::Milliseconds(200), [] { Retry(); });
//   timers.Cancel(id);  // true if it had not run yet (it never will)
#ifndef GATEWAY_CLOCK_TIMER_QUEUE_H_
#define GATEWAY_CLOCK_TIMER_QUEUE_H_

#include <cstdint>

#include "absl/functional/any_invocable.h"
#include "absl/time/time.h"
#include "gateway/clock/clock.h"

namespace pulumi_gateway {

class TimerQueue {
 public:
  using Callback = absl::AnyInvocable<void() &&>;

  virtual ~TimerQueue() = default;

  // The clock `Schedule` times are read on.
  virtual const Clock& clock() const = 0;
  absl::Time Now() const { return clock().Now(); }

  // Runs `callback` at or after `when` (at once when it is past), never inside Schedule, on a
  // thread of the queue's. Callbacks due at the same time run in the order they were scheduled.
  // Callbacks must not block. Returns an id for Cancel (never 0).
  virtual uint64_t Schedule(absl::Time when, Callback callback) = 0;

  // Removes a scheduled callback. Returns false when it already ran (or is running).
  virtual bool Cancel(uint64_t id) = 0;

  // Returns once the callbacks running right now (if any) have returned, so an object that
  // cancelled its timers may be destroyed. No-op when called from a callback.
  virtual void WaitForRunning() = 0;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_CLOCK_TIMER_QUEUE_H_
