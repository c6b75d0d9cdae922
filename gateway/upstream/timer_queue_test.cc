// TimerQueue: callbacks run in due order on the timer thread, never before their time; Cancel
// removes exactly the timer it names; a timer scheduled after a later one still runs first
// (the sleeping thread wakes up for it); the destructor drops what has not run.
#include "gateway/upstream/timer_queue.h"

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

using ::testing::ElementsAre;

constexpr absl::Duration kWait = absl::Seconds(5);

// What the timer callbacks did, in order, with the time each ran.
class Journal {
 public:
  void Add(std::string what) {
    absl::MutexLock lock(&mu_);
    entries_.push_back(std::move(what));
    times_.push_back(absl::Now());
    threads_.push_back(std::this_thread::get_id());
  }
  // Waits until `n` entries are there (or `kWait` passes); returns them.
  std::vector<std::string> WaitFor(size_t n) {
    absl::MutexLock lock(&mu_);
    auto enough = [this, n]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return entries_.size() >= n; };
    mu_.AwaitWithTimeout(absl::Condition(&enough), kWait);
    return entries_;
  }
  std::vector<std::string> entries() {
    absl::MutexLock lock(&mu_);
    return entries_;
  }
  absl::Time time(size_t i) {
    absl::MutexLock lock(&mu_);
    return times_.at(i);
  }
  std::thread::id thread(size_t i) {
    absl::MutexLock lock(&mu_);
    return threads_.at(i);
  }

 private:
  absl::Mutex mu_;
  std::vector<std::string> entries_ ABSL_GUARDED_BY(mu_);
  std::vector<absl::Time> times_ ABSL_GUARDED_BY(mu_);
  std::vector<std::thread::id> threads_ ABSL_GUARDED_BY(mu_);
};

TEST(TimerQueueTest, RunsCallbacksInDueOrderNotScheduleOrder) {
  TimerQueue timers;
  Journal journal;
  const absl::Time now = absl::Now();
  timers.Schedule(now + absl::Milliseconds(60), [&] { journal.Add("60ms"); });
  timers.Schedule(now + absl::Milliseconds(20), [&] { journal.Add("20ms"); });
  timers.Schedule(now + absl::Milliseconds(40), [&] { journal.Add("40ms"); });

  EXPECT_THAT(journal.WaitFor(3), ElementsAre("20ms", "40ms", "60ms"));
}

TEST(TimerQueueTest, NeverRunsBeforeTheDueTimeAndRunsOnTheTimerThread) {
  TimerQueue timers;
  Journal journal;
  const absl::Time when = absl::Now() + absl::Milliseconds(50);
  timers.Schedule(when, [&] { journal.Add("due"); });

  ASSERT_THAT(journal.WaitFor(1), ElementsAre("due"));
  EXPECT_GE(journal.time(0), when);
  EXPECT_NE(journal.thread(0), std::this_thread::get_id());
}

TEST(TimerQueueTest, PastDueTimeRunsAtOnce) {
  TimerQueue timers;
  Journal journal;
  const absl::Time start = absl::Now();
  timers.Schedule(start - absl::Seconds(1), [&] { journal.Add("late"); });

  ASSERT_THAT(journal.WaitFor(1), ElementsAre("late"));
  EXPECT_LT(journal.time(0) - start, absl::Seconds(1));
}

TEST(TimerQueueTest, EarlierTimerScheduledAfterALaterOneRunsFirst) {
  TimerQueue timers;
  Journal journal;
  // The thread goes to sleep until this one (an hour away)...
  const uint64_t later =
      timers.Schedule(absl::Now() + absl::Hours(1), [&] { journal.Add("later"); });
  // ...and must wake up for this one instead of sleeping through it.
  const absl::Time start = absl::Now();
  timers.Schedule(start + absl::Milliseconds(20), [&] { journal.Add("earlier"); });

  ASSERT_THAT(journal.WaitFor(1), ElementsAre("earlier"));
  EXPECT_LT(journal.time(0) - start, absl::Seconds(2));
  EXPECT_TRUE(timers.Cancel(later));
  EXPECT_THAT(journal.entries(), ElementsAre("earlier"));
}

TEST(TimerQueueTest, CancelledTimerNeverRuns) {
  TimerQueue timers;
  Journal journal;
  const absl::Time now = absl::Now();
  const uint64_t cancelled =
      timers.Schedule(now + absl::Milliseconds(20), [&] { journal.Add("cancelled"); });
  timers.Schedule(now + absl::Milliseconds(40), [&] { journal.Add("kept"); });

  EXPECT_TRUE(timers.Cancel(cancelled));
  // "kept" is due after "cancelled": once it ran, "cancelled" would have run before it.
  EXPECT_THAT(journal.WaitFor(1), ElementsAre("kept"));
  EXPECT_FALSE(timers.Cancel(cancelled)) << "a second Cancel has nothing to remove";
}

TEST(TimerQueueTest, CancelOfATimerThatRanReturnsFalse) {
  TimerQueue timers;
  Journal journal;
  const uint64_t id = timers.Schedule(absl::Now(), [&] { journal.Add("ran"); });
  ASSERT_THAT(journal.WaitFor(1), ElementsAre("ran"));
  EXPECT_FALSE(timers.Cancel(id));
}

TEST(TimerQueueTest, CancelRemovesOnlyTheNamedTimerAmongEqualDueTimes) {
  TimerQueue timers;
  Journal journal;
  const absl::Time when = absl::Now() + absl::Milliseconds(30);
  timers.Schedule(when, [&] { journal.Add("a"); });
  const uint64_t b = timers.Schedule(when, [&] { journal.Add("b"); });
  timers.Schedule(when, [&] { journal.Add("c"); });
  timers.Schedule(when + absl::Milliseconds(20), [&] { journal.Add("last"); });

  EXPECT_TRUE(timers.Cancel(b));
  EXPECT_THAT(journal.WaitFor(3), ElementsAre("a", "c", "last"));
}

TEST(TimerQueueTest, IdsAreDistinct) {
  TimerQueue timers;
  const absl::Time far = absl::Now() + absl::Hours(1);
  const uint64_t a = timers.Schedule(far, [] {});
  const uint64_t b = timers.Schedule(far, [] {});
  EXPECT_NE(a, b);
}

TEST(TimerQueueTest, CallbackMayScheduleAndCancelWithoutDeadlock) {
  TimerQueue timers;
  Journal journal;
  const uint64_t victim =
      timers.Schedule(absl::Now() + absl::Hours(1), [&] { journal.Add("victim"); });
  timers.Schedule(absl::Now(), [&] {
    journal.Add("first");
    EXPECT_TRUE(timers.Cancel(victim));
    timers.Schedule(absl::Now(), [&] { journal.Add("second"); });
  });
  EXPECT_THAT(journal.WaitFor(2), ElementsAre("first", "second"));
}

TEST(TimerQueueTest, WaitForRunningReturnsOnlyAfterTheRunningCallbackReturned) {
  TimerQueue timers;
  absl::Notification started;
  std::atomic<bool> returned{false};
  timers.Schedule(absl::Now(), [&] {
    started.Notify();
    absl::SleepFor(absl::Milliseconds(200));
    returned = true;
  });
  started.WaitForNotification();
  timers.WaitForRunning();
  EXPECT_TRUE(returned) << "an object whose timer is running must not be destroyed yet";
  // Nothing running: returns at once.
  timers.WaitForRunning();
}

TEST(TimerQueueTest, WaitForRunningFromACallbackDoesNotDeadlock) {
  TimerQueue timers;
  absl::Notification done;
  timers.Schedule(absl::Now(), [&] {
    timers.WaitForRunning();
    done.Notify();
  });
  EXPECT_TRUE(done.WaitForNotificationWithTimeout(absl::Seconds(5)));
}

TEST(TimerQueueTest, DestructorDropsPendingCallbacksWithoutRunningThem) {
  std::atomic<bool> ran{false};
  {
    TimerQueue timers;
    timers.Schedule(absl::Now() + absl::Hours(1), [&] { ran = true; });
  }  // Must return promptly, not after an hour.
  EXPECT_FALSE(ran.load());
}

TEST(TimerQueueTest, ManyTimersAllRunExactlyOnce) {
  TimerQueue timers;
  constexpr int kTimers = 500;
  std::atomic<int> runs{0};
  absl::Notification all;
  const absl::Time now = absl::Now();
  for (int i = 0; i < kTimers; ++i) {
    timers.Schedule(now + absl::Microseconds((i * 7919) % 20000), [&] {
      if (runs.fetch_add(1) + 1 == kTimers) all.Notify();
    });
  }
  ASSERT_TRUE(all.WaitForNotificationWithTimeout(kWait));
  EXPECT_EQ(runs.load(), kTimers);
}

}  // namespace
}  // namespace pulumi_gateway
