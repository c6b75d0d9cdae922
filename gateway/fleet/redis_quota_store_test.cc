// RedisQuotaStore against a real redis-server that the test starts (127.0.0.1, a free port, its
// own data directory): what two replicas share, what Redis holds, and the faults — Redis
// stopped, restarted, frozen (answering nothing), refusing the password — with the store never
// blocking its caller and falling back to the fair share. The QuotaStore contract itself runs in
// gateway/upstream/quota_store_test.cc.
#include "gateway/fleet/redis_quota_store.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gateway/clock/fake_clock.h"
#include "gateway/fleet/fleet_identity.h"
#include "gateway/observability/metric_sink.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/eventually.h"
#include "tests/support/redis_server.h"

namespace pulumi_gateway {
namespace {

using ::pulumi_gateway::testing::Eventually;
using ::pulumi_gateway::testing::RedisServer;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::Not;

constexpr char kSecret[] = "fleet-secret-0123456789";

class RedisQuotaStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<RedisServer>> server = RedisServer::Start({});
    ASSERT_TRUE(server.ok()) << server.status();
    redis_ = *std::move(server);
  }

  RedisQuotaStoreOptions Options() const {
    RedisQuotaStoreOptions options;
    options.connection = redis_->ClientOptions();
    options.connection.io_timeout = absl::Milliseconds(200);
    options.connection.connect_timeout = absl::Milliseconds(500);
    options.fleet_secret = kSecret;
    options.heartbeat_interval = absl::Milliseconds(200);
    options.max_backoff = absl::Milliseconds(200);
    return options;
  }

  std::unique_ptr<RedisQuotaStore> NewStore(RedisQuotaStoreOptions options) {
    absl::StatusOr<std::unique_ptr<RedisQuotaStore>> store = RedisQuotaStore::Create(options);
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? *std::move(store) : nullptr;
  }
  std::unique_ptr<RedisQuotaStore> NewStore() { return NewStore(Options()); }

  // Take as the throttle does: a short wait means a lease is on its way.
  static absl::Duration Take(RedisQuotaStore& store, const std::vector<QuotaBucket>& buckets) {
    absl::Duration wait;
    for (int i = 0; i < 100; ++i) {
      wait = store.Take(buckets, absl::Now());
      if (wait == absl::ZeroDuration() || wait > absl::Milliseconds(20)) return wait;
      absl::SleepFor(wait);  // the wait the store asked for
      EXPECT_TRUE(store.AwaitIdle(absl::Seconds(5)));
    }
    return wait;
  }

  std::unique_ptr<RedisConnection> Client() {
    absl::StatusOr<std::unique_ptr<RedisConnection>> client = redis_->Connect();
    EXPECT_TRUE(client.ok()) << client.status();
    return client.ok() ? *std::move(client) : nullptr;
  }

  std::vector<std::string> Keys() {
    std::vector<std::string> keys;
    absl::StatusOr<RedisReply> reply = Client()->Command({"KEYS", "*"});
    EXPECT_TRUE(reply.ok()) << reply.status();
    if (reply.ok()) {
      for (const RedisReply& key : reply->elements) keys.push_back(key.str);
    }
    return keys;
  }

  std::unique_ptr<RedisServer> redis_;
};

TEST_F(RedisQuotaStoreTest, ABucketIsOneBudgetForEveryReplica) {
  auto a = NewStore();
  auto b = NewStore();
  ASSERT_TRUE(a->AwaitShared(absl::Seconds(10)));
  ASSERT_TRUE(b->AwaitShared(absl::Seconds(10)));
  const std::string id = a->IdentityOf("token pul-test-shared");
  ASSERT_EQ(id, b->IdentityOf("token pul-test-shared")) << "same secret, same identity";
  // Burst 4 and a refill too slow to matter during the test: the two replicas together get
  // exactly 4 tokens, however they interleave.
  const std::vector<QuotaBucket> bucket = {{id, /*rate=*/0.01, /*burst=*/4}};
  int taken = 0;
  for (int i = 0; i < 6; ++i) {
    if (Take(*a, bucket) == absl::ZeroDuration()) ++taken;
    if (Take(*b, bucket) == absl::ZeroDuration()) ++taken;
  }
  EXPECT_EQ(taken, 4);
  EXPECT_GT(Take(*a, bucket), absl::Seconds(50)) << "about 1/0.01 s until the next token";
}

TEST_F(RedisQuotaStoreTest, APauseReachesEveryReplica) {
  // Pauses are on the replicas' clocks: with one fake clock for both, the time a pause has left
  // travels and lands on the same instant.
  FakeClock clock;
  RedisQuotaStoreOptions options = Options();
  options.clock = &clock;
  auto a = NewStore(options);
  auto b = NewStore(options);
  ASSERT_TRUE(a->AwaitShared(absl::Seconds(10)));
  ASSERT_TRUE(b->AwaitShared(absl::Seconds(10)));
  const std::string id = a->IdentityOf("token pul-test-paused");
  const absl::Time until = clock.Now() + absl::Seconds(5);
  a->PauseUntil(id, until);
  EXPECT_TRUE(Eventually([&] { return b->PausedUntil(id, clock.Now()) > clock.Now(); }));
  EXPECT_EQ(b->PausedUntil(id, clock.Now()), until);
  EXPECT_EQ(b->PausedUntil(b->IdentityOf("token pul-test-other"), clock.Now()),
            absl::InfinitePast());
  // b may hear the message before a's command thread has counted the script's answer.
  ASSERT_TRUE(a->AwaitIdle(absl::Seconds(5)));
  EXPECT_EQ(a->stats().pauses_published, 1);
  EXPECT_EQ(b->stats().pauses_received, 1);
  EXPECT_EQ(a->stats().pauses_received, 0) << "a replica's own pause is not received";
  // A shorter pause never shortens the shared one.
  b->PauseUntil(id, clock.Now() + absl::Seconds(1));
  ASSERT_TRUE(b->AwaitIdle(absl::Seconds(5)));
  EXPECT_EQ(b->PausedUntil(id, clock.Now()), until);
  absl::StatusOr<RedisReply> ttl =
      Client()->Command({"PTTL", absl::StrCat("pgw:{", id.substr(8), "}:pause")});
  ASSERT_TRUE(ttl.ok());
  EXPECT_GT(ttl->integer, 2000);
}

TEST_F(RedisQuotaStoreTest, APauseSetBeforeAReplicaListenedIsReadFromItsKey) {
  const std::string id = FleetIdentity::Create(kSecret)->Of("token pul-test-early");
  // Set by another replica while this one was not subscribed: the key, but no message for it.
  ASSERT_TRUE(
      Client()
          ->Command({"SET", absl::StrCat("pgw:{", id.substr(8), "}:pause"), "1", "PX", "8000"})
          .ok());
  auto store = NewStore();
  // The store knows the identity (a short pause of its own) before it connects.
  store->PauseUntil(id, absl::Now() + absl::Milliseconds(50));
  ASSERT_TRUE(store->AwaitShared(absl::Seconds(10)));
  EXPECT_GT(store->PausedUntil(id, absl::Now()), absl::Now() + absl::Seconds(5));
}

TEST_F(RedisQuotaStoreTest, RedisHoldsOnlyKeyedDigestsThatExpireByThemselves) {
  auto store = NewStore();
  ASSERT_TRUE(store->AwaitShared(absl::Seconds(10)));
  const std::string token = "pul-test-digest-me";
  const std::string id = store->IdentityOf(absl::StrCat("token ", token));
  // HMAC-SHA-256 of the token under the fleet secret (value computed independently, Python).
  EXPECT_EQ(FleetIdentity::Create(kSecret)->Of("token pul-test-abc"),
            "hmac256:4ce8a747ed501ae3ab015f09d7d890354c830df40a938e997762b1b0964ac72b");
  ASSERT_EQ(Take(*store, {{id, 10, 5}, {id + "/bulk", 5, 2}}), absl::ZeroDuration());
  store->PauseUntil(id, absl::Now() + absl::Seconds(3));
  ASSERT_TRUE(store->AwaitIdle(absl::Seconds(5)));
  const std::string hex = id.substr(8);
  const std::string fnv = IdentityFingerprint(absl::StrCat("token ", token)).substr(8);
  std::vector<std::string> keys = Keys();
  EXPECT_THAT(keys, ::testing::UnorderedElementsAre(
                        absl::StrCat("pgw:{", hex, "}:b"), absl::StrCat("pgw:{", hex, "}:bulk"),
                        absl::StrCat("pgw:{", hex, "}:pause"), "pgw:replicas"));
  for (const std::string& key : keys) {
    EXPECT_THAT(key, Not(HasSubstr(token)));
    EXPECT_THAT(key, Not(HasSubstr(fnv)));
    absl::StatusOr<RedisReply> ttl = Client()->Command({"PTTL", key});
    ASSERT_TRUE(ttl.ok());
    // Every key has a time to live: a bucket until it would be full again (+1 s), a pause until
    // it ends, the replica set for three heartbeats.
    EXPECT_GT(ttl->integer, 0) << key;
    EXPECT_LE(ttl->integer, 3000) << key;
  }
}

TEST_F(RedisQuotaStoreTest, KeysThatAreNotFleetIdentitiesNeverReachRedis) {
  auto store = NewStore();
  ASSERT_TRUE(store->AwaitShared(absl::Seconds(10)));
  const std::string fnv = IdentityFingerprint("token pul-test-plain");
  EXPECT_EQ(store->Take({{fnv, 10, 2}}, absl::Now()), absl::ZeroDuration());
  store->PauseUntil(fnv, absl::Now() + absl::Seconds(2));
  EXPECT_GT(store->PausedUntil(fnv, absl::Now()), absl::Now()) << "still paused locally";
  ASSERT_TRUE(store->AwaitIdle(absl::Seconds(5)));
  EXPECT_THAT(Keys(), ::testing::ElementsAre("pgw:replicas"));
}

TEST_F(RedisQuotaStoreTest, RedisDownMeansTheFairShareThenSharedAgainWithoutRestart) {
  RedisQuotaStoreOptions options = Options();
  options.fleet_size = 2;
  auto store = NewStore(options);
  ASSERT_TRUE(store->AwaitShared(absl::Seconds(10)));
  EXPECT_FALSE(store->stats().degraded);
  const std::string id = store->IdentityOf("token pul-test-outage");

  redis_->Stop();
  ASSERT_TRUE(store->AwaitDegraded(absl::Seconds(10)));
  EXPECT_TRUE(store->stats().degraded);
  // Rate 10 and burst 4 across two replicas: 2 at once here, then one every 200 ms.
  const std::vector<QuotaBucket> bucket = {{id, 10, 4}};
  const absl::Time now = absl::Now();
  EXPECT_EQ(store->Take(bucket, now), absl::ZeroDuration());
  EXPECT_EQ(store->Take(bucket, now), absl::ZeroDuration());
  EXPECT_EQ(store->Take(bucket, now), absl::Milliseconds(200));
  // A pause met meanwhile holds here and reaches Redis once it is back.
  store->PauseUntil(id, absl::Now() + absl::Seconds(20));
  EXPECT_GT(store->PausedUntil(id, absl::Now()), absl::Now() + absl::Seconds(19));

  ASSERT_TRUE(redis_->Restart().ok());
  ASSERT_TRUE(store->AwaitShared(absl::Seconds(10)));
  ASSERT_TRUE(store->AwaitIdle(absl::Seconds(5)));
  EXPECT_EQ(store->stats().reconnects, 1);
  absl::StatusOr<RedisReply> ttl =
      Client()->Command({"PTTL", absl::StrCat("pgw:{", id.substr(8), "}:pause")});
  ASSERT_TRUE(ttl.ok());
  EXPECT_GT(ttl->integer, 15000);
  // The restarted Redis is empty: the bucket is full again and shared.
  EXPECT_EQ(Take(*store, {{store->IdentityOf("token pul-test-after"), 10, 4}}),
            absl::ZeroDuration());
}

TEST_F(RedisQuotaStoreTest, AFrozenRedisNeverBlocksTheCaller) {
  RedisQuotaStoreOptions options = Options();
  options.fleet_size = 1;
  auto store = NewStore(options);
  ASSERT_TRUE(store->AwaitShared(absl::Seconds(10)));
  redis_->Freeze();
  // Every call answers from memory while the I/O thread waits on the frozen server.
  absl::Duration slowest;
  int taken = 0;
  for (int i = 0; i < 200; ++i) {
    const std::string id = store->IdentityOf(absl::StrCat("token pul-test-frozen-", i % 20));
    const absl::Time start = absl::Now();
    if (store->Take({{id, 100, 10}}, absl::Now()) == absl::ZeroDuration()) ++taken;
    store->PauseUntil(id, absl::Now() + absl::Milliseconds(1));
    (void)store->PausedUntil(id, absl::Now());
    slowest = std::max(slowest, absl::Now() - start);
  }
  // A generous bound for a shared machine; a call that waited for Redis would take >= 200 ms.
  EXPECT_LT(slowest, absl::Milliseconds(100));
  ASSERT_TRUE(store->AwaitDegraded(absl::Seconds(10)));
  EXPECT_GT(store->stats().call_errors, 0);
  // Degraded: the fair share serves at once.
  EXPECT_EQ(store->Take({{store->IdentityOf("token pul-test-x"), 100, 10}}, absl::Now()),
            absl::ZeroDuration());
  redis_->Thaw();
  EXPECT_TRUE(store->AwaitShared(absl::Seconds(10)));
}

TEST_F(RedisQuotaStoreTest, WritesReachTheOtherReplicasCaches) {
  auto a = NewStore();
  auto b = NewStore();
  absl::Mutex mu;
  std::vector<std::string> seen_by_a;
  std::vector<std::string> seen_by_b;
  auto record = [&mu](std::vector<std::string>* seen) {
    return [&mu, seen](const OrgScope& scope) {
      absl::MutexLock lock(&mu);
      seen->push_back(scope.kind == OrgScope::Kind::kOrg ? scope.org : "*");
    };
  };
  a->set_on_remote_write(record(&seen_by_a));
  b->set_on_remote_write(record(&seen_by_b));
  ASSERT_TRUE(a->AwaitShared(absl::Seconds(10)));
  ASSERT_TRUE(b->AwaitShared(absl::Seconds(10)));
  a->PublishWrite({OrgScope::Kind::kOrg, "acme corp"});
  a->PublishWrite({OrgScope::Kind::kEverything, ""});
  EXPECT_TRUE(Eventually([&] {
    absl::MutexLock lock(&mu);
    return seen_by_b.size() == 2;
  }));
  absl::MutexLock lock(&mu);
  EXPECT_THAT(seen_by_b, ::testing::ElementsAre("acme corp", "*"));
  EXPECT_THAT(seen_by_a, ::testing::IsEmpty()) << "a replica's own writes are not echoed";
}

TEST_F(RedisQuotaStoreTest, TheFleetSizeComesFromHeartbeats) {
  auto a = NewStore();
  auto b = NewStore();
  auto c = NewStore();
  EXPECT_TRUE(Eventually([&] { return a->stats().fleet_size == 3; }));
  c.reset();  // leaves the count when it stops
  EXPECT_TRUE(Eventually([&] { return a->stats().fleet_size == 2; }));
}

// Reads every exported metric by name.
class MetricReader final : public MetricSink {
 public:
  void AddCounter(std::string name, std::string, std::function<double()> read) override {
    reads_[name] = std::move(read);
  }
  void AddGauge(std::string name, std::string, std::function<double()> read) override {
    reads_[name] = std::move(read);
  }
  double Read(const std::string& name) const {
    auto it = reads_.find(name);
    EXPECT_NE(it, reads_.end()) << name << " is not exported";
    return it == reads_.end() ? -1 : it->second();
  }
  size_t size() const { return reads_.size(); }

 private:
  std::map<std::string, std::function<double()>> reads_;
};

TEST_F(RedisQuotaStoreTest, ExportsItsMetricsFromItsStats) {
  auto a = NewStore();
  auto b = NewStore();
  MetricReader metrics;
  a->ExportMetrics(metrics);
  EXPECT_EQ(metrics.size(), 13u);
  ASSERT_TRUE(a->AwaitShared(absl::Seconds(10)));
  ASSERT_TRUE(b->AwaitShared(absl::Seconds(10)));
  EXPECT_EQ(metrics.Read("pulumi_gateway_quota_store_degraded"), 0);
  a->PublishWrite({OrgScope::Kind::kOrg, "acme-corp"});
  ASSERT_TRUE(a->AwaitIdle(absl::Seconds(5)));
  EXPECT_EQ(metrics.Read("pulumi_gateway_quota_store_invalidations_published_total"), 1);
  EXPECT_TRUE(
      Eventually([&] { return metrics.Read("pulumi_gateway_quota_store_fleet_size") == 2; }));
  const RedisQuotaStore::Stats stats = a->stats();
  EXPECT_EQ(metrics.Read("pulumi_gateway_quota_store_calls_total"), stats.calls);
  EXPECT_GT(stats.calls, 0);
  EXPECT_EQ(metrics.Read("pulumi_gateway_quota_store_errors_total"), stats.call_errors);
  EXPECT_EQ(metrics.Read("pulumi_gateway_quota_store_reconnects_total"), stats.reconnects);

  redis_->Stop();  // Redis goes away: the gauge says so
  EXPECT_TRUE(a->AwaitDegraded(absl::Seconds(10)));
  EXPECT_EQ(metrics.Read("pulumi_gateway_quota_store_degraded"), 1);
}

TEST(RedisQuotaStoreOptionsTest, AShortSecretIsRefusedWithoutShowingIt) {
  RedisQuotaStoreOptions options;
  options.connection.endpoint.host = "127.0.0.1";
  options.fleet_secret = "short-secret\n";
  absl::StatusOr<std::unique_ptr<RedisQuotaStore>> store = RedisQuotaStore::Create(options);
  ASSERT_EQ(store.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(store.status().message(), HasSubstr("at least 16 bytes"));
  EXPECT_THAT(store.status().message(), Not(HasSubstr("short-secret")));
}

}  // namespace
}  // namespace pulumi_gateway
