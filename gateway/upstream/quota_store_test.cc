// LocalQuotaStore with explicit times (no clock, no threads): buckets start full, refill at their
// rate and take from several buckets all or nothing; pauses only ever extend; idle entries are
// swept and the entry cap holds. IdentityFingerprint is stable, scheme-blind and token-free.
#include "gateway/upstream/quota_store.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

using ::testing::MatchesRegex;

const absl::Time kT0 = absl::FromUnixSeconds(1700000000);

TEST(IdentityFingerprintTest, StableNonEmptyAndFreeOfTheToken) {
  const std::string fp = IdentityFingerprint("token pul-test-jdoe-0001");
  EXPECT_THAT(fp, MatchesRegex("fnv1a64:[0-9a-f]{16}"));
  EXPECT_EQ(fp, IdentityFingerprint("token pul-test-jdoe-0001"));
  EXPECT_FALSE(absl::StrContains(fp, "pul-test"));
  EXPECT_NE(fp, IdentityFingerprint("token pul-test-jdoe-0002"));
  // The scheme does not make another identity; the upstream sees the same token.
  EXPECT_EQ(fp, IdentityFingerprint("Bearer pul-test-jdoe-0001"));
  EXPECT_EQ(IdentityFingerprint(""), "");
}

TEST(IdentityFingerprintTest, IsFnv1a64OfTheTokenLikeTheEmulatorsTokenHash) {
  // The published FNV-1a 64 vector for "a", and a value computed independently (Python).
  EXPECT_EQ(IdentityFingerprint("token a"), "fnv1a64:af63dc4c8601ec8c");
  EXPECT_EQ(IdentityFingerprint("token pul-demo-secret"), "fnv1a64:f63aecb4b5a27459");
}

TEST(LocalQuotaStoreTest, BucketStartsFullThenRefillsAtItsRate) {
  LocalQuotaStore store;
  const std::vector<QuotaBucket> bucket = {{"fp-a", /*rate=*/10, /*burst=*/3}};
  for (int i = 0; i < 3; ++i) EXPECT_EQ(store.Take(bucket, kT0), absl::ZeroDuration()) << i;
  EXPECT_EQ(store.Take(bucket, kT0), absl::Milliseconds(100));
  // Asking again takes nothing: the wait is the same.
  EXPECT_EQ(store.Take(bucket, kT0 + absl::Milliseconds(40)), absl::Milliseconds(60));
  EXPECT_EQ(store.Take(bucket, kT0 + absl::Milliseconds(100)), absl::ZeroDuration());
  EXPECT_EQ(store.Take(bucket, kT0 + absl::Milliseconds(100)), absl::Milliseconds(100));
  // Another key has its own full bucket.
  EXPECT_EQ(store.Take({{"fp-b", 10, 3}}, kT0), absl::ZeroDuration());
}

TEST(LocalQuotaStoreTest, SeveralBucketsAreTakenAllOrNothing) {
  LocalQuotaStore store;
  const QuotaBucket main{"fp-a", 10, 2};
  const QuotaBucket bulk{"fp-a/bulk", 5, 1};
  EXPECT_EQ(store.Take({main, bulk}, kT0), absl::ZeroDuration());
  // bulk is empty (200 ms to refill): main keeps its one remaining token.
  EXPECT_EQ(store.Take({main, bulk}, kT0), absl::Milliseconds(200));
  EXPECT_EQ(store.Take({main}, kT0), absl::ZeroDuration());
  EXPECT_EQ(store.Take({main}, kT0), absl::Milliseconds(100));
  // At +200 ms both hold a token again.
  EXPECT_EQ(store.Take({main, bulk}, kT0 + absl::Milliseconds(200)), absl::ZeroDuration());
}

TEST(LocalQuotaStoreTest, PausesExtendButNeverShortenAndEnd) {
  LocalQuotaStore store;
  EXPECT_EQ(store.PausedUntil("fp-a", kT0), absl::InfinitePast());
  store.PauseUntil("fp-a", kT0 + absl::Seconds(5));
  store.PauseUntil("fp-a", kT0 + absl::Seconds(2));
  EXPECT_EQ(store.PausedUntil("fp-a", kT0), kT0 + absl::Seconds(5));
  EXPECT_EQ(store.PausedUntil("fp-b", kT0), absl::InfinitePast());
  EXPECT_EQ(store.PausedCount(kT0), 1);
  store.PauseUntil("fp-a", kT0 + absl::Seconds(7));
  EXPECT_EQ(store.PausedUntil("fp-a", kT0 + absl::Seconds(1)), kT0 + absl::Seconds(7));
  EXPECT_EQ(store.PausedUntil("fp-a", kT0 + absl::Seconds(7)), absl::InfinitePast());
  EXPECT_EQ(store.PausedCount(kT0 + absl::Seconds(7)), 0);
}

TEST(LocalQuotaStoreTest, IdleEntriesAreSwept) {
  LocalQuotaStore store({.sweep_interval = absl::Seconds(30), .max_entries = 1000});
  for (int i = 0; i < 100; ++i) {
    ASSERT_EQ(store.Take({{absl::StrCat("fp-", i), 10, 5}}, kT0), absl::ZeroDuration());
  }
  store.PauseUntil("fp-paused", kT0 + absl::Seconds(10));
  EXPECT_EQ(store.entries(), 101u);
  // 40 s later every bucket is full again and the pause is over: nothing is worth keeping.
  EXPECT_EQ(store.PausedUntil("fp-0", kT0 + absl::Seconds(40)), absl::InfinitePast());
  EXPECT_EQ(store.entries(), 0u);
  // A bucket still refilling survives a sweep.
  ASSERT_EQ(store.Take({{"fp-busy", 0.01, 1}}, kT0 + absl::Seconds(40)), absl::ZeroDuration());
  EXPECT_EQ(store.PausedUntil("fp-x", kT0 + absl::Seconds(80)), absl::InfinitePast());
  EXPECT_EQ(store.entries(), 1u);
}

TEST(LocalQuotaStoreTest, EntryCapHoldsUnderAFloodOfDistinctKeys) {
  LocalQuotaStore store({.sweep_interval = absl::Hours(1), .max_entries = 50});
  for (int i = 0; i < 500; ++i) {
    EXPECT_EQ(store.Take({{absl::StrCat("fp-", i), 1, 2}}, kT0), absl::ZeroDuration());
  }
  EXPECT_LE(store.entries(), 50u);
  // Keys stored before the cap keep their state.
  EXPECT_EQ(store.Take({{"fp-0", 1, 2}}, kT0), absl::ZeroDuration());
  EXPECT_EQ(store.Take({{"fp-0", 1, 2}}, kT0), absl::Seconds(1));
}

}  // namespace
}  // namespace pulumi_gateway
