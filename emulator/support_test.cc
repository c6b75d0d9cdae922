// Small components: rate limiter, request log, paging tokens, params, audit export, seed.
#include <zlib.h>

#include <regex>

#include "emulator/audit_export.h"
#include "emulator/demo_seed.h"
#include "emulator/paging.h"
#include "emulator/params.h"
#include "emulator/rate_limiter.h"
#include "emulator/request_log.h"
#include "emulator/request_stats.h"
#include "emulator/seed.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace emulator {
namespace {

using ::testing::HasSubstr;

std::string Gunzip(const std::string& gz) {
  z_stream zs{};
  EXPECT_EQ(inflateInit2(&zs, 15 + 16), Z_OK);
  std::string out(1 << 20, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  zs.avail_in = static_cast<uInt>(gz.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  inflateEnd(&zs);
  return out;
}

TEST(RateLimiterTest, BurstThenRefill) {
  absl::Time now = absl::FromUnixSeconds(100);
  RateLimiter limiter(2.0, [&] { return now; });
  EXPECT_FALSE(limiter.Acquire("a").has_value());
  EXPECT_FALSE(limiter.Acquire("a").has_value());
  EXPECT_EQ(limiter.Acquire("a"), std::optional<int>(1));
  EXPECT_FALSE(limiter.Acquire("b").has_value());  // per key
  now += absl::Milliseconds(500);
  EXPECT_FALSE(limiter.Acquire("a").has_value());
  RateLimiter off(0);
  for (int i = 0; i < 100; ++i) EXPECT_FALSE(off.Acquire("a").has_value());
}

TEST(RateLimiterTest, RateChangesAtRunTimeAndResets) {
  absl::Time now = absl::FromUnixSeconds(100);
  RateLimiter limiter(0, [&] { return now; });
  EXPECT_EQ(limiter.rate(), 0);
  for (int i = 0; i < 10; ++i) EXPECT_FALSE(limiter.Acquire("a").has_value());
  limiter.SetRate(1);
  EXPECT_EQ(limiter.rate(), 1);
  EXPECT_FALSE(limiter.Acquire("a").has_value());
  EXPECT_EQ(limiter.Acquire("a"), std::optional<int>(1));
  limiter.SetRate(1);  // buckets forgotten: a full burst again
  EXPECT_FALSE(limiter.Acquire("a").has_value());
  limiter.SetRate(0.001);  // Retry-After stays a sane int for tiny rates
  EXPECT_FALSE(limiter.Acquire("a").has_value());
  EXPECT_EQ(limiter.Acquire("a"), std::optional<int>(1000));
  limiter.SetRate(1e-9);
  EXPECT_FALSE(limiter.Acquire("a").has_value());
  EXPECT_EQ(limiter.Acquire("a"), std::optional<int>(86400));
  limiter.Reset();
  EXPECT_EQ(limiter.rate(), 0);
  EXPECT_FALSE(limiter.Acquire("a").has_value());
}

TEST(RequestStatsTest, CountsScopesAndHighWaterMark) {
  RequestStats stats;
  {
    RequestStats::Scope a(stats);
    RequestStats::Scope b(stats);
    EXPECT_EQ(stats.in_flight(), 2);
    b.End();
    b.End();  // idempotent
    EXPECT_EQ(stats.in_flight(), 1);
    stats.Reset();  // the mark restarts from what is in flight
    EXPECT_EQ(stats.max_in_flight(), 1);
    EXPECT_EQ(stats.requests(), 0);
    EXPECT_EQ(stats.WaitForInFlight(1, absl::ZeroDuration()), 1);
    EXPECT_EQ(stats.WaitForInFlight(2, absl::Milliseconds(1)), 1);
  }
  RequestStats::Counts c = stats.Get();
  EXPECT_EQ(c.in_flight, 0);
  EXPECT_EQ(c.max_in_flight, 1);
  EXPECT_EQ(c.requests, 0);
  RequestStats::Scope d(stats);
  EXPECT_EQ(RequestStatsToJson(stats.Get()),
            (Json{{"inFlight", 1}, {"maxInFlight", 1}, {"requests", 1}}));
}

TEST(RequestLogTest, CountsAndFingerprints) {
  RequestLog log(2);
  log.Record({0, "GET", "/api/user/stacks"});
  log.Record({0, "POST", "/api/stacks/a/b"});
  log.Record({0, "GET", "/api/stacks/a/b/c"});
  EXPECT_EQ(log.Count("", ""), 2);  // capacity
  EXPECT_EQ(log.Count("GET", "/api/stacks/*"), 1);
  EXPECT_EQ(log.Snapshot().back().seq, 3);
  EXPECT_EQ(log.WaitForCount("GET", "", 1, absl::ZeroDuration()), 1);
  log.Clear();
  EXPECT_EQ(log.Count("", ""), 0);
  std::string fp = TokenFingerprint("pul-demo-secret");
  EXPECT_THAT(fp, ::testing::MatchesRegex("fnv1a64:[0-9a-f]{16}"));
  EXPECT_EQ(fp, TokenFingerprint("pul-demo-secret"));
  EXPECT_NE(fp, TokenFingerprint("pul-demo-secreT"));
  EXPECT_EQ(TokenFingerprint(""), "");
}

TEST(PagingTest, TokensAreScoped) {
  std::string t = EncodeToken("members", "jdoe");
  EXPECT_EQ(DecodeToken("members", t).value(), "jdoe");
  EXPECT_EQ(DecodeToken("audit", t).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_FALSE(DecodeToken("members", "!!!").ok());
  EXPECT_EQ(PageSize("", 7).value(), 7);
  EXPECT_EQ(PageSize("3", 7).value(), 3);
  EXPECT_FALSE(PageSize("0", 7).ok());
  EXPECT_FALSE(PageSize("abc", 7).ok());
}

TEST(ParamsTest, TypedAccess) {
  EXPECT_EQ(ParseInt64("page", "12").value(), 12);
  EXPECT_EQ(ParseInt64("page", "x").status().message(),
            "Bad Request: invalid query parameter 'page'");
  EXPECT_TRUE(ParseBool("force", "").value());
  EXPECT_FALSE(ParseBool("force", "false").value());
  EXPECT_FALSE(ParseBool("force", "maybe").ok());
  EXPECT_FALSE(ParseJsonObject("[1]").ok());
  EXPECT_FALSE(ParseJsonObject("{").ok());
  Json body = {{"s", "v"}, {"n", 3}, {"z", nullptr}};
  EXPECT_EQ(OptionalString(body, "s").value(), std::optional<std::string>("v"));
  EXPECT_EQ(OptionalString(body, "z").value(), std::nullopt);
  EXPECT_FALSE(OptionalString(body, "n").ok());
  EXPECT_EQ(RequiredString(body, "missing").status().message(),
            "Bad Request: 'missing' is required");
  EXPECT_EQ(OptionalInt(body, "n").value(), std::optional<int64_t>(3));
}

TEST(AuditExportTest, CsvQuotingAndGzipRoundTrip) {
  Json events = Json::array({{{"timestamp", 1754300112},
                              {"sourceIP", "203.0.113.24"},
                              {"event", "stack.update"},
                              {"description", "Started \"x\", then y"},
                              {"user", {{"name", "CI Bot"}, {"githubLogin", "acme-ci"}}},
                              {"reqOrgAdmin", false},
                              {"reqStackAdmin", true},
                              {"authFailure", false}}});
  std::string csv = AuditCsv(events);
  EXPECT_EQ(csv, absl::StrCat(kAuditCsvHeader, "\n",
                              "2025-08-04T09:35:12Z,CI Bot,acme-ci,stack.update,"
                              "\"Started \"\"x\"\", then y\",203.0.113.24,false,true,false\n"));
  std::string cef = AuditCef(events);
  EXPECT_THAT(cef, HasSubstr("CEF:0|Pulumi|Pulumi Cloud|1.0|stack.update|"));
  EXPECT_THAT(cef, HasSubstr("rt=1754300112000 suser=acme-ci"));
  absl::StatusOr<std::string> gz = Gzip(csv);
  ASSERT_TRUE(gz.ok());
  EXPECT_EQ(static_cast<unsigned char>((*gz)[0]), 0x1f);
  EXPECT_EQ(static_cast<unsigned char>((*gz)[1]), 0x8b);
  EXPECT_EQ(Gunzip(*gz), csv);
}

TEST(SeedTest, DemoSeedParsesAndHasNoRealLookingTokens) {
  std::string text = kDemoSeedJson;
  EXPECT_FALSE(std::regex_search(text, std::regex("pul-[0-9a-f]{40}")));
  absl::StatusOr<Json> seed = DemoSeed();
  ASSERT_TRUE(seed.ok());
  absl::StatusOr<State> state = ParseSeed(*seed, absl::Now());
  ASSERT_TRUE(state.ok()) << state.status();
  EXPECT_EQ(state->orgs.size(), 2u);
  EXPECT_EQ(state->stacks.size(), 14u);
  EXPECT_EQ(state->tokens.size(), 12u);  // 10 personal, 1 organization, 1 team
}

TEST(SeedTest, RejectsInvalidSeeds) {
  absl::StatusOr<State> bad_member = ParseSeed(
      Json::parse(R"({"orgs":[{"name":"o","members":[{"login":"ghost"}]}]})"), absl::Now());
  EXPECT_EQ(bad_member.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(bad_member.status().message()), HasSubstr("unknown member ghost"));
  EXPECT_FALSE(
      ParseSeed(Json::parse(R"({"stacks":[{"org":"o","project":"p","stack":"s"}]})"), absl::Now())
          .ok());
  EXPECT_FALSE(ParseSeed(Json::parse(R"({"users":[{"login":1}]})"), absl::Now()).ok());
  EXPECT_FALSE(ParseSeed(Json::parse(R"({"users":[{"login":"a","tokens":["t"]},)"
                                     R"({"login":"b","tokens":["t"]}]})"),
                         absl::Now())
                   .ok());
  EXPECT_FALSE(ParseSeed(Json::parse(R"({"stacks":{"org":"o"}})"), absl::Now()).ok());
  EXPECT_FALSE(
      ParseSeed(Json::parse(R"({"users":[{"login":"a","tokens":"t"}]})"), absl::Now()).ok());
  EXPECT_TRUE(
      ParseSeed(Json::parse(R"({"users":null,"orgs":[{"name":"o","teams":null}]})"), absl::Now())
          .ok());
  EXPECT_EQ(LoadSeedFile("/nonexistent/seed.json").status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace emulator
