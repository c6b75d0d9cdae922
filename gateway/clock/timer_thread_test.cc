// TimerThread: callbacks run in due order on the timer thread, never before their time; Cancel
// removes exactly the timer it names; a timer scheduled after a later one still runs first (the
// sleeping thread wakes up for it); the destructor drops what has not run. Nothing here measures
// how long anything took: each property is an order or an outcome, awaited with a generous bound
// that only turns a hang into a failure.
#include "gateway/clock/timer_thread.h"

#include <pthread.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/thread_names.h"

namespace pulumi_gateway {
namespace {

using ::testing::ElementsAre;

// Only bounds a wait for something that must happen; never part of an assertion.
constexpr absl::Duration kHang = absl::Seconds(30);

// What the timer callbacks did, in order, with the time each ran.
class Journal {
 public:
  explicit Journal(const Clock& clock) : clock_(clock) {}
  void Add(std::string what) {
    absl::MutexLock lock(&mu_);
    entries_.push_back(std::move(what));
    times_.push_back(clock_.Now());
    threads_.push_back(std::this_thread::get_id());
  }
  // Waits until `n` entries are there; returns them.
  std::vector<std::string> WaitFor(size_t n) {
    absl::MutexLock lock(&mu_);
    auto enough = [this, n]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return entries_.size() >= n; };
    mu_.AwaitWithTimeout(absl::Condition(&enough), kHang);
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
  const Clock& clock_;
  absl::Mutex mu_;
  std::vector<std::string> entries_ ABSL_GUARDED_BY(mu_);
  std::vector<absl::Time> times_ ABSL_GUARDED_BY(mu_);
  std::vector<std::thread::id> threads_ ABSL_GUARDED_BY(mu_);
};

class TimerThreadTest : public ::testing::Test {
 protected:
  TimerThread timers_;
  Journal journal_{timers_.clock()};
};

TEST_F(TimerThreadTest, RunsOnTheRealClock) { EXPECT_EQ(&timers_.clock(), &Clock::Real()); }

// ps, top and profilers tell the thread apart from the process's main thread.
TEST_F(TimerThreadTest, TheThreadIsNamed) {
  absl::Notification ran;
  std::string name;
  timers_.Schedule(timers_.Now(), [&] {
    char buffer[16] = {};
    pthread_getname_np(pthread_self(), buffer, sizeof(buffer));
    name = buffer;
    ran.Notify();
  });
  ASSERT_TRUE(ran.WaitForNotificationWithTimeout(kHang));
  EXPECT_EQ(name, "gateway-timers");
}

// Threads of this process named `name`.
int ThreadsNamed(const std::string& name) {
  const std::vector<std::string> names = testing::ThreadNames();
  return static_cast<int>(std::count(names.begin(), names.end(), name));
}

// A gateway whose calls never wait on a timer does not pay for the thread.
TEST_F(TimerThreadTest, TheThreadStartsWithTheFirstTimer) {
  EXPECT_EQ(ThreadsNamed("gateway-timers"), 0);
  absl::Notification ran;
  timers_.Schedule(timers_.Now(), [&] { ran.Notify(); });
  ASSERT_TRUE(ran.WaitForNotificationWithTimeout(kHang));
  EXPECT_EQ(ThreadsNamed("gateway-timers"), 1);
  timers_.Schedule(timers_.Now(), [&] { journal_.Add("second"); });
  ASSERT_THAT(journal_.WaitFor(1), ElementsAre("second"));
  EXPECT_EQ(ThreadsNamed("gateway-timers"), 1);
  timers_.Stop();
  EXPECT_EQ(ThreadsNamed("gateway-timers"), 0);
}

TEST_F(TimerThreadTest, RunsCallbacksInDueOrderNotScheduleOrder) {
  const absl::Time now = timers_.Now();
  timers_.Schedule(now + absl::Milliseconds(60), [&] { journal_.Add("60ms"); });
  timers_.Schedule(now + absl::Milliseconds(20), [&] { journal_.Add("20ms"); });
  timers_.Schedule(now + absl::Milliseconds(40), [&] { journal_.Add("40ms"); });

  EXPECT_THAT(journal_.WaitFor(3), ElementsAre("20ms", "40ms", "60ms"));
}

TEST_F(TimerThreadTest, NeverRunsBeforeTheDueTimeAndRunsOnTheTimerThread) {
  const absl::Time when = timers_.Now() + absl::Milliseconds(50);
  timers_.Schedule(when, [&] { journal_.Add("due"); });

  ASSERT_THAT(journal_.WaitFor(1), ElementsAre("due"));
  EXPECT_GE(journal_.time(0), when);
  EXPECT_NE(journal_.thread(0), std::this_thread::get_id());
}

TEST_F(TimerThreadTest, PastDueTimeRuns) {
  timers_.Schedule(timers_.Now() - absl::Seconds(1), [&] { journal_.Add("late"); });
  EXPECT_THAT(journal_.WaitFor(1), ElementsAre("late"));
}

TEST_F(TimerThreadTest, EarlierTimerScheduledAfterALaterOneRunsFirst) {
  // The thread goes to sleep until this one (a day away)...
  const uint64_t later =
      timers_.Schedule(timers_.Now() + absl::Hours(24), [&] { journal_.Add("later"); });
  // ...and must wake up for this one instead of sleeping through it (the wait below would end
  // in a failure long before the day is over).
  timers_.Schedule(timers_.Now() + absl::Milliseconds(20), [&] { journal_.Add("earlier"); });

  ASSERT_THAT(journal_.WaitFor(1), ElementsAre("earlier"));
  EXPECT_TRUE(timers_.Cancel(later));
  EXPECT_THAT(journal_.entries(), ElementsAre("earlier"));
}

TEST_F(TimerThreadTest, CancelledTimerNeverRuns) {
  const absl::Time now = timers_.Now();
  const uint64_t cancelled =
      timers_.Schedule(now + absl::Milliseconds(20), [&] { journal_.Add("cancelled"); });
  timers_.Schedule(now + absl::Milliseconds(40), [&] { journal_.Add("kept"); });

  EXPECT_TRUE(timers_.Cancel(cancelled));
  // "kept" is due after "cancelled": once it ran, "cancelled" would have run before it.
  EXPECT_THAT(journal_.WaitFor(1), ElementsAre("kept"));
  EXPECT_FALSE(timers_.Cancel(cancelled)) << "a second Cancel has nothing to remove";
}

TEST_F(TimerThreadTest, CancelOfATimerThatRanReturnsFalse) {
  const uint64_t id = timers_.Schedule(timers_.Now(), [&] { journal_.Add("ran"); });
  ASSERT_THAT(journal_.WaitFor(1), ElementsAre("ran"));
  EXPECT_FALSE(timers_.Cancel(id));
}

TEST_F(TimerThreadTest, CancelRemovesOnlyTheNamedTimerAmongEqualDueTimes) {
  const absl::Time when = timers_.Now() + absl::Milliseconds(30);
  timers_.Schedule(when, [&] { journal_.Add("a"); });
  const uint64_t b = timers_.Schedule(when, [&] { journal_.Add("b"); });
  timers_.Schedule(when, [&] { journal_.Add("c"); });
  timers_.Schedule(when + absl::Milliseconds(20), [&] { journal_.Add("last"); });

  EXPECT_TRUE(timers_.Cancel(b));
  EXPECT_THAT(journal_.WaitFor(3), ElementsAre("a", "c", "last"));
}

TEST_F(TimerThreadTest, IdsAreDistinctAndNeverZero) {
  const absl::Time far = timers_.Now() + absl::Hours(1);
  const uint64_t a = timers_.Schedule(far, [] {});
  const uint64_t b = timers_.Schedule(far, [] {});
  EXPECT_NE(a, b);
  EXPECT_NE(a, 0u);
  EXPECT_NE(b, 0u);
}

TEST_F(TimerThreadTest, CallbackMayScheduleAndCancelWithoutDeadlock) {
  const uint64_t victim =
      timers_.Schedule(timers_.Now() + absl::Hours(1), [&] { journal_.Add("victim"); });
  timers_.Schedule(timers_.Now(), [&] {
    journal_.Add("first");
    EXPECT_TRUE(timers_.Cancel(victim));
    timers_.Schedule(timers_.Now(), [&] { journal_.Add("second"); });
  });
  EXPECT_THAT(journal_.WaitFor(2), ElementsAre("first", "second"));
}

TEST_F(TimerThreadTest, WaitForRunningReturnsOnlyAfterTheRunningCallbackReturned) {
  absl::Notification started;
  absl::Notification release;
  std::atomic<bool> returned{false};
  timers_.Schedule(timers_.Now(), [&] {
    started.Notify();
    release.WaitForNotification();
    returned = true;
  });
  started.WaitForNotification();
  std::thread releaser([&] { release.Notify(); });
  timers_.WaitForRunning();
  EXPECT_TRUE(returned) << "an object whose timer is running must not be destroyed yet";
  releaser.join();
  // Nothing running: returns at once.
  timers_.WaitForRunning();
}

TEST_F(TimerThreadTest, WaitForRunningFromACallbackDoesNotDeadlock) {
  absl::Notification done;
  timers_.Schedule(timers_.Now(), [&] {
    timers_.WaitForRunning();
    done.Notify();
  });
  EXPECT_TRUE(done.WaitForNotificationWithTimeout(kHang));
}

TEST(TimerThreadLifetimeTest, DestructorDropsPendingCallbacksWithoutRunningThem) {
  std::atomic<bool> ran{false};
  {
    TimerThread timers;
    timers.Schedule(timers.Now() + absl::Hours(1), [&] { ran = true; });
  }  // Returns without waiting for the hour (a hang would time the test out).
  EXPECT_FALSE(ran.load());
}

TEST(TimerThreadLifetimeTest, StopDropsPendingAndLaterCallbacks) {
  std::atomic<int> ran{0};
  TimerThread timers;
  timers.Schedule(timers.Now() + absl::Hours(1), [&] { ++ran; });
  timers.Stop();
  auto owned = std::make_shared<int>(1);
  std::weak_ptr<int> alive = owned;
  timers.Schedule(timers.Now(), [&, owned = std::move(owned)] { ++ran; });
  EXPECT_TRUE(alive.expired()) << "a callback scheduled after Stop is dropped at once";
  timers.Stop();
  EXPECT_EQ(ran.load(), 0);
}

TEST_F(TimerThreadTest, ManyTimersAllRunExactlyOnce) {
  constexpr int kTimers = 500;
  std::atomic<int> runs{0};
  absl::Notification all;
  const absl::Time now = timers_.Now();
  for (int i = 0; i < kTimers; ++i) {
    timers_.Schedule(now + absl::Microseconds((i * 7919) % 20000), [&] {
      if (runs.fetch_add(1) + 1 == kTimers) all.Notify();
    });
  }
  ASSERT_TRUE(all.WaitForNotificationWithTimeout(kHang));
  EXPECT_EQ(runs.load(), kTimers);
}

}  // namespace
}  // namespace pulumi_gateway
