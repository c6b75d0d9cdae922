// One thread that runs callbacks at given times, for work that must wait without blocking a call
// thread: retry backoff, rate-limit queues, poll intervals.
//
//   TimerQueue timers;
//   uint64_t id = timers.Schedule(absl::Now() + absl::Milliseconds(200), [] { Retry(); });
//   timers.Cancel(id);  // true if it had not run yet (it never will)
#ifndef GATEWAY_UPSTREAM_TIMER_QUEUE_H_
#define GATEWAY_UPSTREAM_TIMER_QUEUE_H_

#include <cstdint>
#include <map>
#include <thread>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/functional/any_invocable.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace pulumi_gateway {

class TimerQueue final {
 public:
  using Callback = absl::AnyInvocable<void() &&>;

  TimerQueue();
  // Stops the thread; callbacks not yet run are dropped without running.
  ~TimerQueue();

  // Runs `callback` on the timer thread at or after `when`. Callbacks must not block.
  uint64_t Schedule(absl::Time when, Callback callback);
  // Removes a scheduled callback. Returns false when it already ran (or is running).
  bool Cancel(uint64_t id);
  // Returns once the callbacks running right now (if any) have returned, so an object that
  // cancelled its timers may be destroyed. No-op when called from a callback.
  void WaitForRunning();

 private:
  void Run();

  absl::Mutex mu_;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  // Callbacks are running, in the batch numbered `batch_`.
  bool running_ ABSL_GUARDED_BY(mu_) = false;
  uint64_t batch_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t next_id_ ABSL_GUARDED_BY(mu_) = 1;
  std::multimap<absl::Time, uint64_t> due_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<uint64_t, std::pair<absl::Time, Callback>> callbacks_ ABSL_GUARDED_BY(mu_);
  std::thread thread_;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_UPSTREAM_TIMER_QUEUE_H_
