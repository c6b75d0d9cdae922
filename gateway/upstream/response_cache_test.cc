// ResponseCache against a gmock'd inner UpstreamClient (upstream_test_support.h) on a FakeClock:
// what is served from memory and for exactly how long, what is never shared (other tokens,
// errors, routes without a TTL), the byte bound (LRU), and invalidation by the gateway's own
// writes, including a read that was in flight across a write.
#include "gateway/upstream/response_cache.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "gateway/clock/fake_clock.h"
#include "gateway/http/http_types.h"
#include "gateway/upstream/upstream_test_support.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

using ::testing::_;
using ::testing::StrictMock;

using upstream_testing::FakeInner;
using upstream_testing::Http;
using upstream_testing::MockUpstream;
using upstream_testing::Outcome;
using upstream_testing::SendTo;

constexpr char kJdoe[] = "token pul-test-jdoe";
constexpr char kEve[] = "token pul-test-eve";
constexpr char kProd[] = "/api/stacks/acme-corp/payments-api/prod";
constexpr uint64_t kFirstInner = 1000;  // FakeInner numbers its calls from 1000

// One caller's request and context.
struct Call {
  HttpRequest http;
  CallContext context;
};

void SendTo(UpstreamClient& client, Call call, Outcome& outcome) {
  upstream_testing::SendTo(client, std::move(call.http), outcome, std::move(call.context));
}

Call Read(const std::string& path = kProd, const std::string& token = kJdoe,
          const std::string& route = "GetStack") {
  Call call;
  call.http.method = "GET";
  call.http.path = path;
  call.http.headers = {{"Authorization", token}};
  call.context = upstream_testing::Context();
  call.context.route = route;
  return call;
}

Call Write(const std::string& path, const std::string& method = "POST") {
  Call call;
  call.http.method = method;
  call.http.path = path;
  call.http.headers = {{"Authorization", kJdoe}};
  call.context.route = "AddStackTag";
  return call;
}

absl::StatusOr<HttpResponse> Body(const std::string& body, int status = 200) {
  HttpResponse response;
  response.status = status;
  response.body = body;
  return response;
}

class ResponseCacheTest : public ::testing::Test {
 protected:
  ResponseCacheOptions Options() {
    ResponseCacheOptions options;
    options.ttl_by_route["GetStack"] = absl::Seconds(5);
    options.ttl_by_route["ListStacks"] = absl::Seconds(5);
    options.ttl_by_route["GetCurrentUser"] = absl::Seconds(5);
    return options;
  }

  // The body `cache` answers for `request`, and whether the inner client was asked.
  struct Answer {
    std::string body;
    int status = 0;
    bool upstream = false;
  };
  Answer Fetch(ResponseCache& cache, Call request) {
    const int before = fake_.sends();
    Outcome outcome(clock_);
    SendTo(cache, std::move(request), outcome);
    clock_.RunDue();
    absl::StatusOr<HttpResponse> result = outcome.result();
    EXPECT_TRUE(result.ok()) << result.status();
    if (!result.ok()) return {};
    return {result->body, result->status, fake_.sends() > before};
  }

  // Declared before the caches so that they outlive every callback.
  FakeClock clock_;
  StrictMock<MockUpstream> inner_;
  FakeInner fake_{&clock_};
};

TEST_F(ResponseCacheTest, ASecondReadWithinTheTtlIsServedFromMemory) {
  ResponseCache cache(&inner_, &clock_, Options());
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Answer(Body("prod-v1")));
  const Answer first = Fetch(cache, Read());
  EXPECT_TRUE(first.upstream);
  EXPECT_EQ(first.body, "prod-v1");
  clock_.Advance(absl::Seconds(5) - absl::Nanoseconds(1));
  const Answer second = Fetch(cache, Read());
  EXPECT_FALSE(second.upstream);
  EXPECT_EQ(second.body, "prod-v1");
  EXPECT_EQ(second.status, 200);

  const ResponseCache::Stats stats = cache.stats();
  EXPECT_EQ(stats.hits, 1);
  EXPECT_EQ(stats.misses, 1);
  EXPECT_EQ(stats.entries, 1);
  EXPECT_GT(stats.bytes, 0);
}

TEST_F(ResponseCacheTest, EntriesExpireAfterTheTtl) {
  ResponseCache cache(&inner_, &clock_, Options());
  EXPECT_CALL(inner_, Send(_, _, _))
      .WillOnce(fake_.Answer(Body("prod-v1")))
      .WillOnce(fake_.Answer(Body("prod-v2")));
  EXPECT_EQ(Fetch(cache, Read()).body, "prod-v1");
  clock_.Advance(absl::Seconds(5));
  const Answer expired = Fetch(cache, Read());
  EXPECT_TRUE(expired.upstream);
  EXPECT_EQ(expired.body, "prod-v2");
  EXPECT_EQ(cache.stats().misses, 2);
  EXPECT_EQ(cache.stats().hits, 0);
}

TEST_F(ResponseCacheTest, OnlyRoutesWithATtlAreCached) {
  ResponseCacheOptions options = Options();
  options.ttl_by_route["GetStackUpdates"] = absl::ZeroDuration();  // listed but off
  ResponseCache cache(&inner_, &clock_, options);
  EXPECT_CALL(inner_, Send(_, _, _)).Times(4).WillRepeatedly(fake_.Answer(Body("x")));
  for (const char* route : {"GetLatestStackUpdate", "GetStackUpdates"}) {
    const std::string path = std::string(kProd) + "/updates";
    EXPECT_TRUE(Fetch(cache, Read(path, kJdoe, route)).upstream);
    EXPECT_TRUE(Fetch(cache, Read(path, kJdoe, route)).upstream) << route;
  }
  const ResponseCache::Stats stats = cache.stats();
  EXPECT_EQ(stats.misses, 0) << "uncached routes are neither hits nor misses";
  EXPECT_EQ(stats.entries, 0);
}

TEST_F(ResponseCacheTest, TheDefaultTtlCoversEveryRouteNotListed) {
  ResponseCacheOptions options = Options();
  options.default_ttl = absl::Seconds(2);
  options.ttl_by_route["GetStackUpdates"] = absl::ZeroDuration();
  ResponseCache cache(&inner_, &clock_, options);
  EXPECT_CALL(inner_, Send(_, _, _)).Times(3).WillRepeatedly(fake_.Answer(Body("x")));
  const std::string path = std::string(kProd) + "/updates";
  EXPECT_TRUE(Fetch(cache, Read(path, kJdoe, "GetLatestStackUpdate")).upstream);
  EXPECT_FALSE(Fetch(cache, Read(path, kJdoe, "GetLatestStackUpdate")).upstream);
  clock_.Advance(absl::Seconds(2));
  EXPECT_TRUE(Fetch(cache, Read(path, kJdoe, "GetLatestStackUpdate")).upstream);
  EXPECT_TRUE(Fetch(cache, Read(path, kJdoe, "GetStackUpdates")).upstream);
}

TEST_F(ResponseCacheTest, ErrorsAndNon2xxAnswersAreNotKept) {
  ResponseCache cache(&inner_, &clock_, Options());
  EXPECT_CALL(inner_, Send(_, _, _))
      .WillOnce(fake_.Answer(Body(R"({"code":404})", 404)))
      .WillOnce(fake_.Answer(absl::UnavailableError("connection refused")))
      .WillOnce(fake_.Answer(Body("prod")));
  EXPECT_EQ(Fetch(cache, Read()).status, 404);
  Outcome refused(clock_);
  SendTo(cache, Read(), refused);
  clock_.RunDue();
  EXPECT_EQ(refused.result().status().code(), absl::StatusCode::kUnavailable);
  EXPECT_TRUE(Fetch(cache, Read()).upstream);
  EXPECT_EQ(cache.stats().entries, 1);
}

TEST_F(ResponseCacheTest, TokensNeverShareAnswers) {
  ResponseCache cache(&inner_, &clock_, Options());
  EXPECT_CALL(inner_, Send(_, _, _))
      .WillOnce(fake_.Answer(Body("jdoe's prod")))
      .WillOnce(fake_.Answer(Body(R"({"code":403})", 403)))
      .WillOnce(fake_.Answer(Body(R"({"code":403})", 403)));
  EXPECT_EQ(Fetch(cache, Read(kProd, kJdoe)).body, "jdoe's prod");
  const Answer eve = Fetch(cache, Read(kProd, kEve));
  EXPECT_TRUE(eve.upstream);
  EXPECT_EQ(eve.status, 403);
  EXPECT_TRUE(Fetch(cache, Read(kProd, kEve)).upstream) << "a 403 is not kept";
  EXPECT_FALSE(Fetch(cache, Read(kProd, kJdoe)).upstream);
  // The request sent for eve carried her token, not a cached answer of jdoe's.
  ASSERT_EQ(fake_.sends(), 3);
  EXPECT_EQ(FindHeader(fake_.requests()[1].headers, "Authorization"), kEve);
}

TEST_F(ResponseCacheTest, TheByteBoundEvictsTheLeastRecentlyUsed) {
  ResponseCacheOptions options = Options();
  options.max_bytes = 4000;  // answers over 500 bytes (with their key) are never kept
  ResponseCache cache(&inner_, &clock_, options);
  EXPECT_CALL(inner_, Send(_, _, _)).WillRepeatedly(fake_.Answer(Body(std::string(100, 'x'))));
  auto stack = [](int i) { return "/api/stacks/acme-corp/p/s" + std::to_string(i); };
  int stored = 0;
  while (cache.stats().evictions == 0) {
    ASSERT_TRUE(Fetch(cache, Read(stack(stored))).upstream);
    ++stored;
    ASSERT_LT(stored, 100) << "nothing was ever evicted";
    // Keep the first one in use: it must survive while the second goes.
    ASSERT_FALSE(Fetch(cache, Read(stack(0))).upstream) << "after " << stored;
  }
  const ResponseCache::Stats stats = cache.stats();
  EXPECT_EQ(stats.evictions, 1);
  EXPECT_EQ(stats.entries, stored - 1);
  EXPECT_LE(stats.bytes, 4000);
  EXPECT_GT(stats.bytes, 4000 - 500);
  EXPECT_FALSE(Fetch(cache, Read(stack(0))).upstream) << "recently used: kept";
  EXPECT_FALSE(Fetch(cache, Read(stack(stored - 1))).upstream) << "newest: kept";
  EXPECT_TRUE(Fetch(cache, Read(stack(1))).upstream) << "least recently used: evicted";
}

TEST_F(ResponseCacheTest, AnswersOverAnEighthOfTheBoundAreNotKept) {
  ResponseCacheOptions options = Options();
  options.max_bytes = 8000;
  ResponseCache cache(&inner_, &clock_, options);
  EXPECT_CALL(inner_, Send(_, _, _)).WillRepeatedly(fake_.Answer(Body(std::string(1000, 'x'))));
  EXPECT_TRUE(Fetch(cache, Read()).upstream);
  EXPECT_TRUE(Fetch(cache, Read()).upstream);
  EXPECT_EQ(cache.stats().entries, 0);
  EXPECT_EQ(cache.stats().evictions, 0);
}

TEST_F(ResponseCacheTest, AWriteInvalidatesItsOrgForEveryTokenAndReadsOfNoKnownOrg) {
  ResponseCache cache(&inner_, &clock_, Options());
  EXPECT_CALL(inner_, Send(_, _, _)).WillRepeatedly(fake_.Answer(Body("x")));
  const std::vector<Call> acme = {
      Read(kProd, kJdoe),
      Read(kProd, kEve),
      Read("/api/orgs/acme-corp/members", kJdoe, "ListStacks"),
      Read("/api/user/stacks?organization=acme-corp", kJdoe, "ListStacks"),
      // Of no known org: any write may change them.
      Read("/api/user/stacks", kJdoe, "ListStacks"),
      Read("/api/user", kJdoe, "GetCurrentUser"),
  };
  const std::vector<Call> globex = {
      Read("/api/stacks/globex/inventory/prod", kJdoe),
      Read("/api/user/stacks?maxResults=5&organization=globex", kJdoe, "ListStacks"),
  };
  for (const auto& r : acme) ASSERT_TRUE(Fetch(cache, r).upstream);
  for (const auto& r : globex) ASSERT_TRUE(Fetch(cache, r).upstream);
  ASSERT_EQ(cache.stats().entries, 8);

  EXPECT_EQ(Fetch(cache, Write(std::string(kProd) + "/tags")).status, 200);
  EXPECT_EQ(cache.stats().invalidations, 6);
  for (const auto& r : acme) EXPECT_TRUE(Fetch(cache, r).upstream) << r.http.path;
  for (const auto& r : globex) EXPECT_FALSE(Fetch(cache, r).upstream) << r.http.path;

  // Org names compare decoded and case-blind; other methods write too.
  EXPECT_EQ(Fetch(cache, Write("/api/orgs/Globe%78/members/eve", "DELETE")).status, 200);
  for (const auto& r : globex) EXPECT_TRUE(Fetch(cache, r).upstream) << r.http.path;
}

TEST_F(ResponseCacheTest, ATransferInvalidatesEverything) {
  ResponseCache cache(&inner_, &clock_, Options());
  EXPECT_CALL(inner_, Send(_, _, _)).WillRepeatedly(fake_.Answer(Body("x")));
  const std::vector<Call> reads = {Read(kProd), Read("/api/stacks/globex/inventory/prod"),
                                   Read("/api/user", kEve, "GetCurrentUser")};
  for (const auto& r : reads) ASSERT_TRUE(Fetch(cache, r).upstream);
  Fetch(cache, Write(std::string(kProd) + "/transfer"));
  for (const auto& r : reads) EXPECT_TRUE(Fetch(cache, r).upstream) << r.http.path;
  EXPECT_EQ(cache.stats().invalidations, 3);
}

TEST_F(ResponseCacheTest, AWriteInvalidatesAgainWhenItCompletes) {
  ResponseCache cache(&inner_, &clock_, Options());
  EXPECT_CALL(inner_, Send(_, _, _))
      .WillOnce(fake_.Hold())                       // the write, 1000
      .WillOnce(fake_.Answer(Body("read during")))  // stored while the write is out
      .WillOnce(fake_.Answer(Body("read after")));
  Outcome write(clock_);
  SendTo(cache, Write(std::string(kProd) + "/tags"), write);
  EXPECT_EQ(Fetch(cache, Read()).body, "read during");
  EXPECT_EQ(Fetch(cache, Read()).body, "read during");  // a hit, until...
  fake_.Complete(kFirstInner, Http(204));
  clock_.RunDue();
  EXPECT_EQ(write.result()->status, 204);
  const Answer after = Fetch(cache, Read());  // ...the write completed
  EXPECT_TRUE(after.upstream);
  EXPECT_EQ(after.body, "read after");
}

TEST_F(ResponseCacheTest, AReadInFlightAcrossAWriteIsNotStored) {
  ResponseCache cache(&inner_, &clock_, Options());
  EXPECT_CALL(inner_, Send(_, _, _)).WillRepeatedly(fake_.Hold());
  Outcome stale(clock_), other_org(clock_), write(clock_);
  SendTo(cache, Read(), stale);                                         // 1000
  SendTo(cache, Read("/api/stacks/globex/inventory/prod"), other_org);  // 1001
  SendTo(cache, Write(std::string(kProd) + "/tags"), write);            // 1002
  fake_.Complete(kFirstInner + 2, Http(204));
  clock_.RunDue();
  EXPECT_EQ(write.result()->status, 204);
  // The upstream answered the read before it applied the write: that answer must not outlive it.
  fake_.Complete(kFirstInner, Body("before the tag"));
  clock_.RunDue();
  fake_.Complete(kFirstInner + 1, Body("globex"));
  clock_.RunDue();
  EXPECT_EQ(stale.result()->body, "before the tag");
  EXPECT_EQ(other_org.result()->body, "globex");
  EXPECT_EQ(cache.stats().entries, 1) << "only the other org's read is kept";

  Outcome fresh(clock_);
  SendTo(cache, Read(), fresh);  // goes upstream: 1003
  ASSERT_EQ(fake_.sends(), 4);
  fake_.Complete(kFirstInner + 3, Body("with the tag"));
  clock_.RunDue();
  EXPECT_EQ(fresh.result()->body, "with the tag");
  Outcome again(clock_);
  SendTo(cache, Read(), again);
  clock_.RunDue();
  EXPECT_EQ(again.result()->body, "with the tag");
  EXPECT_EQ(fake_.sends(), 4) << "a read sent after the write completed is kept";
}

TEST_F(ResponseCacheTest, WritesAreToldToOtherReplicasAndTheirWritesInvalidateHere) {
  ResponseCacheOptions options = Options();
  std::vector<OrgScope> told;
  options.on_write = [&told](const OrgScope& scope) { told.push_back(scope); };
  ResponseCache cache(&inner_, &clock_, options);
  EXPECT_CALL(inner_, Send(_, _, _)).WillRepeatedly(fake_.Answer(Body("x")));
  const Call globex = Read("/api/stacks/globex/inventory/prod");
  ASSERT_TRUE(Fetch(cache, Read()).upstream);
  ASSERT_TRUE(Fetch(cache, globex).upstream);

  // A write completed through this replica: the fleet hears of its org, once.
  Fetch(cache, Write(std::string(kProd) + "/tags"));
  ASSERT_EQ(told.size(), 1u);
  EXPECT_EQ(told[0].kind, OrgScope::Kind::kOrg);
  EXPECT_EQ(told[0].org, "acme-corp");

  // Another replica's write of globex: only globex's entries go.
  ASSERT_TRUE(Fetch(cache, Read()).upstream);
  cache.Invalidate({OrgScope::Kind::kOrg, "globex"});
  EXPECT_TRUE(Fetch(cache, globex).upstream);
  EXPECT_FALSE(Fetch(cache, Read()).upstream);
  EXPECT_EQ(told.size(), 1u) << "reads and remote writes are not told";
}

TEST_F(ResponseCacheTest, CancellingAHitBeforeItIsDeliveredAnswersCancelled) {
  ResponseCache cache(&inner_, &clock_, Options());
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Answer(Body("prod")));
  ASSERT_TRUE(Fetch(cache, Read()).upstream);
  // A hit is delivered from a timer: cancelled before the timer runs, it answers CANCELLED.
  Outcome hit(clock_);
  SendTo(cache, Read(), hit);
  EXPECT_FALSE(hit.done());
  hit.Cancel();
  clock_.RunDue();
  EXPECT_EQ(hit.result().status().code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(cache.stats().hits, 1);
}

TEST_F(ResponseCacheTest, AHitForACallAlreadyCancelledAnswersCancelled) {
  ResponseCache cache(&inner_, &clock_, Options());
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Answer(Body("prod")));
  ASSERT_TRUE(Fetch(cache, Read()).upstream);
  Outcome hit(clock_);
  hit.Cancel();
  SendTo(cache, Read(), hit);
  clock_.RunDue();
  EXPECT_EQ(hit.result().status().code(), absl::StatusCode::kCancelled);
}

TEST_F(ResponseCacheTest, CancellingAMissCancelsTheInnerCall) {
  ResponseCache cache(&inner_, &clock_, Options());
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Hold());
  Outcome miss(clock_);
  SendTo(cache, Read(), miss);
  miss.Cancel();
  clock_.RunDue();
  EXPECT_EQ(miss.result().status().code(), absl::StatusCode::kCancelled);
  EXPECT_TRUE(fake_.cancelled(kFirstInner));
  EXPECT_EQ(cache.stats().entries, 0);
}

}  // namespace
}  // namespace pulumi_gateway
