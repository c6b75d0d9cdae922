// FakeClock: time moves only when told; Advance runs due callbacks in due order (scheduling order
// among equals) on the calling thread, each at its own due time; callbacks may schedule and
// cancel; what is not due stays pending.
#include "gateway/clock/fake_clock.h"

#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

class FakeClockTest : public ::testing::Test {
 protected:
  // What ran, and the clock's time when it ran.
  std::vector<std::pair<std::string, absl::Duration>> ran_;
  FakeClock clock_;
  auto Record(std::string what) {
    return [this, what] { ran_.emplace_back(what, clock_.Now() - FakeClock::kStart); };
  }
};

TEST_F(FakeClockTest, StartsAtAFixedInstantAndOnlyMovesWhenTold) {
  EXPECT_EQ(clock_.Now(), FakeClock::kStart);
  EXPECT_EQ(&clock_.clock(), &clock_);
  clock_.Advance(absl::Seconds(3));
  EXPECT_EQ(clock_.Now(), FakeClock::kStart + absl::Seconds(3));
  clock_.Advance(-absl::Seconds(1));
  EXPECT_EQ(clock_.Now(), FakeClock::kStart + absl::Seconds(3)) << "time never goes back";
}

TEST_F(FakeClockTest, NothingRunsUntilTheClockIsPumped) {
  clock_.Schedule(clock_.Now(), Record("now"));
  EXPECT_TRUE(ran_.empty()) << "never inside Schedule";
  EXPECT_EQ(clock_.pending(), 1);
  EXPECT_EQ(clock_.RunDue(), 1);
  EXPECT_THAT(ran_, ElementsAre(Pair("now", absl::ZeroDuration())));
}

TEST_F(FakeClockTest, AdvanceRunsDueCallbacksInDueOrderEachAtItsOwnTime) {
  const absl::Time t0 = clock_.Now();
  clock_.Schedule(t0 + absl::Milliseconds(60), Record("60ms"));
  clock_.Schedule(t0 + absl::Milliseconds(20), Record("20ms"));
  clock_.Schedule(t0 + absl::Milliseconds(40), Record("40ms"));
  clock_.Schedule(t0 + absl::Milliseconds(40), Record("40ms again"));

  EXPECT_EQ(clock_.Advance(absl::Milliseconds(39)), 1);
  EXPECT_EQ(clock_.Advance(absl::Milliseconds(21)), 3);
  EXPECT_THAT(
      ran_, ElementsAre(Pair("20ms", absl::Milliseconds(20)), Pair("40ms", absl::Milliseconds(40)),
                        Pair("40ms again", absl::Milliseconds(40)),
                        Pair("60ms", absl::Milliseconds(60))));
  EXPECT_EQ(clock_.Now(), t0 + absl::Milliseconds(60));
}

TEST_F(FakeClockTest, CallbacksScheduledWithinTheWindowRunInTheSameAdvance) {
  const absl::Time t0 = clock_.Now();
  clock_.Schedule(t0 + absl::Milliseconds(10), [&] {
    Record("first")();
    clock_.Schedule(clock_.Now() + absl::Milliseconds(10), Record("second"));
    clock_.Schedule(clock_.Now() + absl::Seconds(1), Record("later"));
  });
  clock_.Advance(absl::Milliseconds(30));
  EXPECT_THAT(ran_, ElementsAre(Pair("first", absl::Milliseconds(10)),
                                Pair("second", absl::Milliseconds(20))));
  EXPECT_EQ(clock_.pending(), 1);
  EXPECT_EQ(clock_.next_due(), t0 + absl::Milliseconds(1010));
}

TEST_F(FakeClockTest, CancelRemovesOnlyTheNamedTimer) {
  const absl::Time when = clock_.Now() + absl::Milliseconds(5);
  clock_.Schedule(when, Record("a"));
  const uint64_t b = clock_.Schedule(when, Record("b"));
  clock_.Schedule(when, Record("c"));
  EXPECT_TRUE(clock_.Cancel(b));
  EXPECT_FALSE(clock_.Cancel(b));
  clock_.Advance(absl::Milliseconds(5));
  EXPECT_THAT(ran_,
              ElementsAre(Pair("a", absl::Milliseconds(5)), Pair("c", absl::Milliseconds(5))));
  EXPECT_FALSE(clock_.next_due().has_value());
}

TEST_F(FakeClockTest, ACallbackMayCancelALaterOne) {
  const absl::Time t0 = clock_.Now();
  const uint64_t victim = clock_.Schedule(t0 + absl::Milliseconds(2), Record("victim"));
  clock_.Schedule(t0 + absl::Milliseconds(1), [&] { EXPECT_TRUE(clock_.Cancel(victim)); });
  EXPECT_EQ(clock_.Advance(absl::Milliseconds(5)), 1);
  EXPECT_TRUE(ran_.empty());
}

TEST_F(FakeClockTest, WaitForRunningWaitsForACallbackRunningOnAnotherThread) {
  absl::Notification started;
  absl::Notification release;
  bool returned = false;
  clock_.Schedule(clock_.Now(), [&] {
    started.Notify();
    release.WaitForNotification();
    returned = true;
  });
  std::thread pump([&] { clock_.RunDue(); });
  started.WaitForNotification();
  std::thread releaser([&] { release.Notify(); });
  clock_.WaitForRunning();
  EXPECT_TRUE(returned);
  pump.join();
  releaser.join();
}

TEST_F(FakeClockTest, WaitForRunningFromACallbackReturns) {
  bool done = false;
  clock_.Schedule(clock_.Now(), [&] {
    clock_.WaitForRunning();
    done = true;
  });
  clock_.RunDue();
  EXPECT_TRUE(done);
}

}  // namespace
}  // namespace pulumi_gateway
