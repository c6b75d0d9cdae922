// The timers of a TimerQueue implementation in due order: ids, due times and callbacks, shared by
// the real TimerThread and the FakeClock so both schedule, cancel and order timers alike. Not
// thread-safe: the queue calls it under its own lock, and runs the callbacks it pops outside it.
//
//   TimerSchedule schedule;
//   uint64_t id = schedule.Add(now + absl::Seconds(1), [] { ... });
//   schedule.Remove(id);  // true: it was pending
//   absl::Time due;
//   TimerQueue::Callback callback;
//   while (schedule.PopDue(now, &due, &callback)) std::move(callback)();
#ifndef GATEWAY_CLOCK_TIMER_SCHEDULE_H_
#define GATEWAY_CLOCK_TIMER_SCHEDULE_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/time/time.h"
#include "gateway/clock/timer_queue.h"

namespace pulumi_gateway {

class TimerSchedule final {
 public:
  using Callback = TimerQueue::Callback;

  // Adds a timer due at `when`; returns its id (never 0). Timers due at the same time pop in the
  // order they were added.
  uint64_t Add(absl::Time when, Callback callback);
  // An id no timer will hold, for a queue that refuses a timer (one that is stopping).
  uint64_t SkipId() { return next_id_++; }
  // Removes a pending timer; false when `id` is not pending (run, removed, or never added).
  bool Remove(uint64_t id);
  // Takes the earliest timer when it is due by `now`: its due time and callback. False when none
  // is due.
  bool PopDue(absl::Time now, absl::Time* when, Callback* callback);
  // Removes every timer, returning their callbacks for the caller to drop outside its lock.
  absl::flat_hash_map<uint64_t, std::pair<absl::Time, Callback>> TakeAll();

  // The earliest due time, if any timer is pending.
  std::optional<absl::Time> next_due() const;
  size_t size() const { return callbacks_.size(); }

 private:
  uint64_t next_id_ = 1;
  // Equal due times keep their order of adding (multimap inserts after equal keys).
  std::multimap<absl::Time, uint64_t> due_;
  absl::flat_hash_map<uint64_t, std::pair<absl::Time, Callback>> callbacks_;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_CLOCK_TIMER_SCHEDULE_H_
