// CancellationSource/Token/Registration: callbacks run once, in order, on the cancelling thread;
// registering on a cancelled token runs at once; a reset registration never runs; Reset waits for
// a callback running elsewhere but not for one running on its own thread; concurrent registration
// and cancellation lose nothing and run nothing twice.
#include "gateway/call/cancellation.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/blocking_counter.h"
#include "absl/synchronization/notification.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

using ::testing::ElementsAre;

TEST(CancellationTest, CancelRunsEachCallbackOnceInRegistrationOrderOnTheCancellingThread) {
  CancellationSource source;
  std::vector<std::string> ran;
  std::vector<std::thread::id> threads;
  CancelRegistration a = source.token().OnCancel([&] {
    ran.push_back("a");
    threads.push_back(std::this_thread::get_id());
  });
  CancelRegistration b = source.token().OnCancel([&] { ran.push_back("b"); });
  EXPECT_FALSE(source.token().cancelled());
  source.Cancel();
  EXPECT_TRUE(source.cancelled());
  EXPECT_TRUE(source.token().cancelled());
  source.Cancel();
  EXPECT_THAT(ran, ElementsAre("a", "b"));
  EXPECT_THAT(threads, ElementsAre(std::this_thread::get_id()));
}

TEST(CancellationTest, RegisteringOnACancelledTokenRunsAtOnce) {
  CancellationSource source;
  source.Cancel();
  int runs = 0;
  CancelRegistration registration = source.token().OnCancel([&] { ++runs; });
  EXPECT_EQ(runs, 1);
  registration.Reset();  // empty: nothing to do
  source.Cancel();
  EXPECT_EQ(runs, 1);
}

TEST(CancellationTest, AResetRegistrationNeverRuns) {
  CancellationSource source;
  int runs = 0;
  CancelRegistration registration = source.token().OnCancel([&] { ++runs; });
  registration.Reset();
  source.Cancel();
  EXPECT_EQ(runs, 0);
  {
    CancellationSource other;
    CancelRegistration scoped = other.token().OnCancel([&] { ++runs; });
  }  // destroyed: unregistered
  EXPECT_EQ(runs, 0);
}

TEST(CancellationTest, ResetAfterTheCallbackRanIsANoOp) {
  CancellationSource source;
  int runs = 0;
  CancelRegistration registration = source.token().OnCancel([&] { ++runs; });
  source.Cancel();
  registration.Reset();
  registration.Reset();
  EXPECT_EQ(runs, 1);
}

TEST(CancellationTest, MovedRegistrationsKeepOneOwner) {
  CancellationSource source;
  int runs = 0;
  CancelRegistration first = source.token().OnCancel([&] { ++runs; });
  CancelRegistration second = std::move(first);
  first.Reset();  // moved-from: does not unregister
  CancelRegistration third;
  third = std::move(second);
  source.Cancel();
  EXPECT_EQ(runs, 1);
}

TEST(CancellationTest, ADefaultTokenIsNeverCancelled) {
  CancellationToken token;
  EXPECT_FALSE(token.cancelled());
  int runs = 0;
  CancelRegistration registration = token.OnCancel([&] { ++runs; });
  registration.Reset();
  EXPECT_EQ(runs, 0);
}

TEST(CancellationTest, ACallbackMayResetItsOwnRegistrationAndRegisterMore) {
  CancellationSource source;
  CancelRegistration self;
  std::vector<std::string> ran;
  CancelRegistration later;
  self = source.token().OnCancel([&] {
    ran.push_back("self");
    self.Reset();  // from inside its own callback: returns at once
    later = source.token().OnCancel([&] { ran.push_back("registered while cancelling"); });
  });
  source.Cancel();
  EXPECT_THAT(ran, ElementsAre("self", "registered while cancelling"));
}

TEST(CancellationTest, ResetWaitsForTheCallbackRunningOnAnotherThread) {
  CancellationSource source;
  absl::Notification started;
  absl::Notification release;
  std::atomic<bool> returned{false};
  CancelRegistration registration = source.token().OnCancel([&] {
    started.Notify();
    release.WaitForNotification();
    returned = true;
  });
  std::thread canceller([&] { source.Cancel(); });
  started.WaitForNotification();
  std::thread releaser([&] { release.Notify(); });
  registration.Reset();
  EXPECT_TRUE(returned) << "Reset returned while the callback was still running";
  canceller.join();
  releaser.join();
}

// The pattern the upstream layers use: the callback holds a weak_ptr to the call's state, whose
// registration is destroyed with it, possibly under a lock the callback takes.
TEST(CancellationTest, StateDestroyedUnderTheCallbacksLockDoesNotDeadlock) {
  struct CallState {
    CancelRegistration on_cancel;
  };
  std::mutex mu;
  for (int round = 0; round < 200; ++round) {
    CancellationSource source;
    auto state = std::make_shared<CallState>();
    std::atomic<int> withdrawn{0};
    state->on_cancel =
        source.token().OnCancel([&mu, &withdrawn, weak = std::weak_ptr<CallState>(state)] {
          if (std::shared_ptr<CallState> alive = weak.lock()) {
            std::lock_guard<std::mutex> lock(mu);
            ++withdrawn;
          }
        });
    std::thread canceller([&] { source.Cancel(); });
    {
      std::lock_guard<std::mutex> lock(mu);
      state.reset();  // may be the last reference: the registration resets under `mu`
    }
    canceller.join();
    EXPECT_LE(withdrawn.load(), 1);
  }
}

TEST(CancellationTest, ConcurrentRegistrationsAndACancelRunEveryCallbackExactlyOnce) {
  constexpr int kThreads = 8;
  constexpr int kPerThread = 200;
  CancellationSource source;
  std::atomic<int> runs{0};
  std::vector<std::vector<CancelRegistration>> registrations(kThreads);
  absl::BlockingCounter registered(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        registrations[t].push_back(source.token().OnCancel([&] { ++runs; }));
        if (i == kPerThread / 2 && t == 0) source.Cancel();
      }
      registered.DecrementCount();
    });
  }
  registered.Wait();
  for (std::thread& thread : threads) thread.join();
  source.Cancel();
  EXPECT_EQ(runs.load(), kThreads * kPerThread);
}

}  // namespace
}  // namespace pulumi_gateway
