#include "gateway/http/memory_release.h"

#include <cstdlib>
#include <cstring>
#include <thread>
#include <utility>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "tests/support/child_process.h"

namespace pulumi_gateway {
namespace {

#if defined(PULUMI_GATEWAY_MIMALLOC)
constexpr bool kMimalloc = true;
#else
constexpr bool kMimalloc = false;
#endif

int64_t RssKib() { return testing::ProcStatusValue(0, "VmRSS:"); }

// Counts a collector's wake-ups.
struct Wakes {
  absl::Mutex mu;
  int count ABSL_GUARDED_BY(mu) = 0;

  void Add() {
    absl::MutexLock lock(&mu);
    ++count;
  }
  int Get() {
    absl::MutexLock lock(&mu);
    return count;
  }
};

TEST(MemoryReleaseTest, MallocIsServedByTheAllocatorThisBuildLinks) {
  EXPECT_STREQ(AllocatorName(), kMimalloc ? "mimalloc" : "glibc");
}

TEST(MemoryReleaseTest, AReleaseWakesTheCollectorsAliveThenAndOnlyThem) {
  Wakes first_wakes, second_wakes;
  MemoryCollector first([&first_wakes] { first_wakes.Add(); });
  {
    MemoryCollector second([&second_wakes] { second_wakes.Add(); });
    ReleaseFreeMemorySoon();
    // mimalloc: once at once, and once more after its decommit delay (unless a release already
    // in progress takes this one's place).
    absl::SleepFor(absl::Milliseconds(300));
    EXPECT_EQ(second_wakes.Get() > 0, kMimalloc);
  }
  const int first_before = first_wakes.Get();
  const int second_before = second_wakes.Get();
  EXPECT_EQ(first_before > 0, kMimalloc);
  ReleaseFreeMemorySoon();
  absl::SleepFor(absl::Milliseconds(300));
  EXPECT_EQ(first_wakes.Get() > first_before, kMimalloc);
  EXPECT_EQ(second_wakes.Get(), second_before);  // gone: never called again
}

TEST(MemoryReleaseTest, ACollectorWithNoReleaseAskedCollectsNothingAndSaysSoCheaply) {
  Wakes wakes;
  MemoryCollector collector([&wakes] { wakes.Add(); });
  collector.CollectIfAsked();  // nothing asked since it was made: returns at once
  EXPECT_EQ(wakes.Get(), 0);
}

// The thread of the case below and what it shares with the test, under `mu`.
struct Owner {
  absl::Mutex mu;
  std::vector<char*> blocks;
  bool allocated = false;
  int asked = 0;
  int collections = 0;
  bool stop = false;

  static bool HasWork(Owner* o) { return o->stop || o->asked > o->collections; }
};

// The case the collectors exist for: a long-lived thread allocates large blocks, another thread
// frees them, and the allocating thread then sleeps. mimalloc takes another thread's frees back
// only on the allocating thread, so without its collections the memory stays resident.
TEST(MemoryReleaseTest, MemoryAnotherThreadFreedGoesBackOnceItsOwnerCollects) {
  if (!kMimalloc) GTEST_SKIP() << "glibc builds trim the heap instead";
  constexpr int kBlocks = 48;
  constexpr size_t kBlockBytes = size_t{1} << 20;
  constexpr int64_t kSlackKib = 16 << 10;
  Owner o;
  const int64_t before = RssKib();
  std::thread owner([&o] {
    MemoryCollector collector([&o] {
      absl::MutexLock lock(&o.mu);
      ++o.asked;
    });
    std::vector<char*> blocks;
    for (int i = 0; i < kBlocks; ++i) {
      blocks.push_back(static_cast<char*>(std::malloc(kBlockBytes)));  // NOLINT: what is measured
      std::memset(blocks.back(), 1, kBlockBytes);
    }
    absl::MutexLock lock(&o.mu);
    o.blocks = std::move(blocks);
    o.allocated = true;
    // Asleep until asked to collect, as an idle upstream loop is.
    while (true) {
      o.mu.Await(absl::Condition(&Owner::HasWork, &o));
      if (o.stop) return;
      const int asked = o.asked;
      o.mu.Unlock();
      collector.CollectIfAsked();
      o.mu.Lock();
      o.collections = asked;
    }
  });
  {
    absl::MutexLock lock(&o.mu);
    o.mu.Await(absl::Condition(&o.allocated));
    for (char* block : o.blocks) std::free(block);  // NOLINT: on this thread, not the owner
    o.blocks.clear();
  }
  const int64_t allocated = RssKib();
  ASSERT_GE(allocated, before + kBlocks * 1024 - kSlackKib) << "the blocks were never resident";

  ReleaseFreeMemorySoon();
  int64_t after = RssKib();
  for (int i = 0; i < 60 && after > before + kSlackKib; ++i) {
    absl::SleepFor(absl::Milliseconds(50));
    after = RssKib();
  }
  EXPECT_LE(after, before + kSlackKib) << "RSS before " << before << " kB, with the blocks "
                                       << allocated << " kB, 3 s after the release " << after;
  {
    absl::MutexLock lock(&o.mu);
    EXPECT_GT(o.collections, 0);
    o.stop = true;
  }
  owner.join();
}

}  // namespace
}  // namespace pulumi_gateway
