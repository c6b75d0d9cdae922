// The QuotaStore contract, run against every store (a typed suite): buckets start full, refill
// at their rate and take from several buckets all or nothing; pauses only ever extend and end;
// identities are stable, scheme-blind and token-free.
//
// LocalQuotaStore runs it with explicit times. RedisQuotaStore (on a redis-server this test
// starts) keeps buckets on the server's clock (Redis TIME), which a test cannot move: its
// environment lets real time pass where the case advances the clock, takes again after a short
// "lease on its way" wait as the throttle does, and accepts a wait that is due at most the
// expected time from now (some of it has passed on the real clock). Pauses are kept in memory on
// the caller's clock in both stores, so their cases use explicit times for both.
//
// Below the contract: LocalQuotaStore's own sweeping and entry cap, and IdentityFingerprint.
#include "gateway/upstream/quota_store.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gateway/fleet/redis_quota_store.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/redis_server.h"

namespace pulumi_gateway {
namespace {

using ::pulumi_gateway::testing::RedisServer;
using ::testing::MatchesRegex;

const absl::Time kT0 = absl::FromUnixSeconds(1700000000);

// One store on a clock the test moves.
class LocalEnv {
 public:
  static void SetUpSuite() {}
  static void TearDownSuite() {}
  QuotaStore& store() { return store_; }
  absl::Time Now() const { return now_; }
  void Advance(absl::Duration d) { now_ += d; }
  absl::Duration Take(const std::vector<QuotaBucket>& buckets) {
    return store_.Take(buckets, now_);
  }
  static void ExpectWait(absl::Duration actual, absl::Duration expected) {
    EXPECT_EQ(actual, expected);
  }

 private:
  LocalQuotaStore store_;
  absl::Time now_ = kT0;
};

// A RedisQuotaStore on a fresh (flushed) redis-server, on real time.
class RedisEnv {
 public:
  static void SetUpSuite() {
    absl::StatusOr<std::unique_ptr<RedisServer>> server = RedisServer::Start({});
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = server->release();
  }
  static void TearDownSuite() {
    delete server_;
    server_ = nullptr;
  }
  RedisEnv() {
    auto client = server_->Connect();
    EXPECT_TRUE(client.ok()) << client.status();
    if (client.ok()) {
      EXPECT_TRUE((*client)->Command({"FLUSHALL"}).ok());
    }
    RedisQuotaStoreOptions options;
    options.connection = server_->ClientOptions();
    options.fleet_secret = "contract-test-fleet-secret";
    options.fleet_size = 1;
    auto store = RedisQuotaStore::Create(options);
    EXPECT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    EXPECT_TRUE(store_->AwaitShared(absl::Seconds(10)));
  }
  QuotaStore& store() { return *store_; }
  absl::Time Now() const { return absl::Now(); }
  // The time the case speaks of passes (buckets refill on the server's clock).
  void Advance(absl::Duration d) { absl::SleepFor(d); }
  // Takes as the throttle does: a wait of a few milliseconds means a lease is on its way, so it
  // waits that long and asks again; any other answer is the store's.
  absl::Duration Take(const std::vector<QuotaBucket>& buckets) {
    absl::Duration wait;
    for (int i = 0; i < 100; ++i) {
      wait = store_->Take(buckets, absl::Now());
      if (wait == absl::ZeroDuration() || wait > absl::Milliseconds(20)) return wait;
      absl::SleepFor(wait);  // the wait the store asked for
      EXPECT_TRUE(store_->AwaitIdle(absl::Seconds(5)));
    }
    return wait;
  }
  static void ExpectWait(absl::Duration actual, absl::Duration expected) {
    EXPECT_GT(actual, absl::ZeroDuration());
    EXPECT_LE(actual, expected + absl::Milliseconds(2));  // Redis rounds waits up to a ms
  }

 private:
  static RedisServer* server_;
  std::unique_ptr<RedisQuotaStore> store_;
};
RedisServer* RedisEnv::server_ = nullptr;

template <typename Env>
class QuotaStoreContractTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { Env::SetUpSuite(); }
  static void TearDownTestSuite() { Env::TearDownSuite(); }
  // Keys are identities the store names (a shared store only shares its own names).
  std::string Id(absl::string_view name) {
    return env_.store().IdentityOf(absl::StrCat("token pul-test-", name));
  }
  Env env_;
};

using Stores = ::testing::Types<LocalEnv, RedisEnv>;
TYPED_TEST_SUITE(QuotaStoreContractTest, Stores);

TYPED_TEST(QuotaStoreContractTest, BucketStartsFullThenRefillsAtItsRate) {
  TypeParam& env = this->env_;
  const std::vector<QuotaBucket> bucket = {{this->Id("a"), /*rate=*/10, /*burst=*/3}};
  for (int i = 0; i < 3; ++i) EXPECT_EQ(env.Take(bucket), absl::ZeroDuration()) << i;
  env.ExpectWait(env.Take(bucket), absl::Milliseconds(100));
  // Asking again takes nothing: the wait only shrinks with time.
  env.Advance(absl::Milliseconds(40));
  env.ExpectWait(env.Take(bucket), absl::Milliseconds(60));
  env.Advance(absl::Milliseconds(60));
  EXPECT_EQ(env.Take(bucket), absl::ZeroDuration());
  env.ExpectWait(env.Take(bucket), absl::Milliseconds(100));
  // Another key has its own full bucket.
  EXPECT_EQ(env.Take({{this->Id("b"), 10, 3}}), absl::ZeroDuration());
}

TYPED_TEST(QuotaStoreContractTest, SeveralBucketsAreTakenAllOrNothing) {
  TypeParam& env = this->env_;
  const QuotaBucket main{this->Id("a"), 10, 2};
  const QuotaBucket bulk{this->Id("a") + "/bulk", 5, 1};
  EXPECT_EQ(env.Take({main, bulk}), absl::ZeroDuration());
  // bulk is empty (200 ms to refill): main keeps its one remaining token.
  env.ExpectWait(env.Take({main, bulk}), absl::Milliseconds(200));
  EXPECT_EQ(env.Take({main}), absl::ZeroDuration());
  env.ExpectWait(env.Take({main}), absl::Milliseconds(100));
  // At +200 ms both hold a token again.
  env.Advance(absl::Milliseconds(200));
  EXPECT_EQ(env.Take({main, bulk}), absl::ZeroDuration());
}

TYPED_TEST(QuotaStoreContractTest, PausesExtendButNeverShortenAndEnd) {
  QuotaStore& store = this->env_.store();
  const absl::Time t0 = this->env_.Now();
  const std::string a = this->Id("a");
  EXPECT_EQ(store.PausedUntil(a, t0), absl::InfinitePast());
  store.PauseUntil(a, t0 + absl::Seconds(5));
  store.PauseUntil(a, t0 + absl::Seconds(2));
  EXPECT_EQ(store.PausedUntil(a, t0), t0 + absl::Seconds(5));
  EXPECT_EQ(store.PausedUntil(this->Id("b"), t0), absl::InfinitePast());
  store.PauseUntil(a, t0 + absl::Seconds(7));
  EXPECT_EQ(store.PausedUntil(a, t0 + absl::Seconds(1)), t0 + absl::Seconds(7));
  EXPECT_EQ(store.PausedUntil(a, t0 + absl::Seconds(7)), absl::InfinitePast());
}

TYPED_TEST(QuotaStoreContractTest, IdentitiesAreStableSchemeBlindAndFreeOfTheToken) {
  QuotaStore& store = this->env_.store();
  const std::string id = store.IdentityOf("token pul-test-jdoe-0001");
  EXPECT_FALSE(id.empty());
  EXPECT_EQ(id, store.IdentityOf("token pul-test-jdoe-0001"));
  EXPECT_EQ(id, store.IdentityOf("Bearer pul-test-jdoe-0001"));
  EXPECT_NE(id, store.IdentityOf("token pul-test-jdoe-0002"));
  EXPECT_FALSE(absl::StrContains(id, "pul-test"));
  EXPECT_EQ(store.IdentityOf(""), "");
}

TEST(IdentityFingerprintTest, StableNonEmptyAndFreeOfTheToken) {
  const std::string fp = IdentityFingerprint("token pul-test-jdoe-0001");
  EXPECT_THAT(fp, MatchesRegex("fnv1a64:[0-9a-f]{16}"));
  EXPECT_EQ(fp, IdentityFingerprint("token pul-test-jdoe-0001"));
  EXPECT_FALSE(absl::StrContains(fp, "pul-test"));
  EXPECT_NE(fp, IdentityFingerprint("token pul-test-jdoe-0002"));
  // The scheme does not make another identity; the upstream sees the same token.
  EXPECT_EQ(fp, IdentityFingerprint("Bearer pul-test-jdoe-0001"));
  EXPECT_EQ(IdentityFingerprint(""), "");
  // LocalQuotaStore names identities this way.
  EXPECT_EQ(LocalQuotaStore().IdentityOf("token pul-test-jdoe-0001"), fp);
}

TEST(IdentityFingerprintTest, IsFnv1a64OfTheTokenLikeTheEmulatorsTokenHash) {
  // The published FNV-1a 64 vector for "a", and a value computed independently (Python).
  EXPECT_EQ(IdentityFingerprint("token a"), "fnv1a64:af63dc4c8601ec8c");
  EXPECT_EQ(IdentityFingerprint("token pul-demo-secret"), "fnv1a64:f63aecb4b5a27459");
}

TEST(LocalQuotaStoreTest, PausedCountCountsRunningPauses) {
  LocalQuotaStore store;
  store.PauseUntil("fp-a", kT0 + absl::Seconds(5));
  store.PauseUntil("fp-b", kT0 + absl::Seconds(1));
  EXPECT_EQ(store.PausedCount(kT0), 2);
  EXPECT_EQ(store.PausedCount(kT0 + absl::Seconds(2)), 1);
  EXPECT_EQ(store.PausedCount(kT0 + absl::Seconds(5)), 0);
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
