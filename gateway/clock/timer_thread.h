// The TimerQueue of production: one thread that sleeps until the earliest callback is due on the
// real clock, runs every due callback in turn, and goes back to sleep. The thread starts with the
// first Schedule: a gateway whose calls never wait (no retry, throttle or cache delivery) runs
// without it.
//
//   TimerThread timers;
//   timers.Schedule(timers.Now() + absl::Milliseconds(200), [] { Retry(); });
#ifndef GATEWAY_CLOCK_TIMER_THREAD_H_
#define GATEWAY_CLOCK_TIMER_THREAD_H_

#include <cstdint>
#include <thread>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gateway/clock/timer_queue.h"
#include "gateway/clock/timer_schedule.h"

namespace pulumi_gateway {

class TimerThread final : public TimerQueue {
 public:
  TimerThread() = default;
  // Stop().
  ~TimerThread() override;

  // Stops the thread once the callbacks running (if any) have returned; callbacks not yet run
  // are dropped without running, and so are callbacks scheduled from then on. Lets an owner take
  // down the objects that schedule timers without any timer firing meanwhile. Idempotent; not
  // from a callback.
  void Stop();

  const Clock& clock() const override { return Clock::Real(); }
  uint64_t Schedule(absl::Time when, Callback callback) override;
  bool Cancel(uint64_t id) override;
  void WaitForRunning() override;

 private:
  void Run();

  absl::Mutex mu_;
  // Started by the first Schedule; Stop takes it to join it, and its id stays (WaitForRunning
  // from a callback during Stop must still know it is one).
  std::thread thread_ ABSL_GUARDED_BY(mu_);
  std::thread::id thread_id_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  // Callbacks are running, in the batch numbered `batch_`.
  bool running_ ABSL_GUARDED_BY(mu_) = false;
  uint64_t batch_ ABSL_GUARDED_BY(mu_) = 0;
  TimerSchedule schedule_ ABSL_GUARDED_BY(mu_);
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_CLOCK_TIMER_THREAD_H_
