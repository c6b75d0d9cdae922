#include "gateway/upstream/token_bucket.h"

#include "absl/time/time.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

const absl::Time kStart = absl::FromUnixSeconds(1700000000);

TEST(TokenBucketTest, StartsFullAndEmptiesOneTokenAtATime) {
  TokenBucket bucket(/*rate=*/2, /*burst=*/3, kStart);
  EXPECT_TRUE(bucket.FullAt(kStart));
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(bucket.WaitAt(kStart), absl::ZeroDuration()) << i;
    bucket.Take(kStart);
  }
  EXPECT_DOUBLE_EQ(bucket.TokensAt(kStart), 0);
  // At 2 per second the next token is half a second away.
  EXPECT_EQ(bucket.WaitAt(kStart), absl::Milliseconds(500));
  EXPECT_EQ(bucket.WaitAt(kStart + absl::Milliseconds(200)), absl::Milliseconds(300));
  EXPECT_EQ(bucket.WaitAt(kStart + absl::Milliseconds(500)), absl::ZeroDuration());
}

TEST(TokenBucketTest, RefillStopsAtTheBurst) {
  TokenBucket bucket(/*rate=*/10, /*burst=*/2, kStart);
  bucket.Take(kStart);
  bucket.Take(kStart);
  EXPECT_DOUBLE_EQ(bucket.TokensAt(kStart + absl::Milliseconds(100)), 1);
  EXPECT_DOUBLE_EQ(bucket.TokensAt(kStart + absl::Hours(1)), 2);
  EXPECT_FALSE(bucket.FullAt(kStart + absl::Milliseconds(100)));
  EXPECT_TRUE(bucket.FullAt(kStart + absl::Milliseconds(200)));
}

// Tokens taken ahead are reservations: each one waits a token longer.
TEST(TokenBucketTest, TakingAheadQueuesLaterWaits) {
  TokenBucket bucket(/*rate=*/4, /*burst=*/1, kStart);
  bucket.Take(kStart);
  EXPECT_EQ(bucket.WaitAt(kStart), absl::Milliseconds(250));
  bucket.Take(kStart);  // reserved for kStart + 250 ms
  EXPECT_EQ(bucket.WaitAt(kStart), absl::Milliseconds(500));
  bucket.GiveBack();  // the reservation withdrawn
  EXPECT_EQ(bucket.WaitAt(kStart), absl::Milliseconds(250));
}

TEST(TokenBucketTest, GiveBackStopsAtTheBurst) {
  TokenBucket bucket(/*rate=*/1, /*burst=*/2, kStart);
  bucket.GiveBack();
  EXPECT_DOUBLE_EQ(bucket.TokensAt(kStart), 2);
}

// Times read on other threads may arrive out of order: an earlier `now` refills nothing and
// takes nothing back.
TEST(TokenBucketTest, AnEarlierTimeAddsNoTokens) {
  TokenBucket bucket(/*rate=*/1, /*burst=*/1, kStart);
  bucket.Take(kStart + absl::Seconds(1));
  EXPECT_DOUBLE_EQ(bucket.TokensAt(kStart), 0);
  bucket.Take(kStart);
  EXPECT_DOUBLE_EQ(bucket.TokensAt(kStart + absl::Seconds(1)), -1);
  EXPECT_EQ(bucket.WaitAt(kStart + absl::Seconds(1)), absl::Seconds(2));
}

TEST(TokenBucketTest, NewLimitsApplyToTheTokensHeld) {
  TokenBucket bucket(/*rate=*/1, /*burst=*/10, kStart);
  bucket.SetLimits(/*rate=*/5, /*burst=*/3);
  EXPECT_DOUBLE_EQ(bucket.TokensAt(kStart), 3);
  for (int i = 0; i < 3; ++i) bucket.Take(kStart);
  EXPECT_EQ(bucket.WaitAt(kStart), absl::Milliseconds(200));
}

}  // namespace
}  // namespace pulumi_gateway
