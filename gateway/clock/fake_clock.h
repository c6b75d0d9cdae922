// A clock and timer queue for tests that only move when told to. Advance runs every callback that
// comes due, in due order, on the calling thread, each seeing Now() at its own due time; nothing
// runs on its own, so a test decides exactly when timers fire and asserts exact times.
//
//   FakeClock clock;
//   RateLimiter limiter(&inner, &clock, options);
//   limiter.Send(...);
//   clock.RunDue();                              // what is due now: the burst goes out
//   clock.Advance(absl::Milliseconds(50));       // the next request's turn
//   EXPECT_EQ(clock.Now(), FakeClock::kStart + absl::Milliseconds(50));
#ifndef GATEWAY_CLOCK_FAKE_CLOCK_H_
#define GATEWAY_CLOCK_FAKE_CLOCK_H_

#include <cstdint>
#include <optional>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gateway/clock/clock.h"
#include "gateway/clock/timer_queue.h"
#include "gateway/clock/timer_schedule.h"

namespace pulumi_gateway {

class FakeClock final : public Clock, public TimerQueue {
 public:
  // Where every FakeClock starts: a fixed instant, so times in tests are reproducible.
  static const absl::Time kStart;

  FakeClock() = default;
  FakeClock(const FakeClock&) = delete;
  FakeClock& operator=(const FakeClock&) = delete;

  // Clock.
  absl::Time Now() const override;

  // TimerQueue. Schedule and Cancel may be called from any thread, callbacks included.
  const Clock& clock() const override { return *this; }
  uint64_t Schedule(absl::Time when, Callback callback) override;
  bool Cancel(uint64_t id) override;
  void WaitForRunning() override;

  // Moves the time forward by `by` (>= 0), running every callback due by then, including those
  // that callbacks schedule within the window. Must not be called from a callback, nor from two
  // threads at once. Returns the number of callbacks run.
  int Advance(absl::Duration by);
  // Advance to `when` (no-op when it is not later than Now(), apart from running what is due).
  int AdvanceTo(absl::Time when);
  // Runs what is due now, without moving the time.
  int RunDue() { return Advance(absl::ZeroDuration()); }

  // Callbacks scheduled and not yet run.
  int pending() const;
  // Due time of the earliest pending callback.
  std::optional<absl::Time> next_due() const;

 private:
  mutable absl::Mutex mu_;
  absl::Time now_ ABSL_GUARDED_BY(mu_) = kStart;
  TimerSchedule schedule_ ABSL_GUARDED_BY(mu_);
  // The thread running a callback, while one runs.
  std::optional<std::thread::id> running_ ABSL_GUARDED_BY(mu_);
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_CLOCK_FAKE_CLOCK_H_
