#include "emulator/faults.h"

#include "emulator/glob.h"
#include "gtest/gtest.h"

namespace emulator {
namespace {

FaultSpec Spec(FaultKind kind, const std::string& route = "", int count = 0) {
  FaultSpec s;
  s.kind = kind;
  s.route = route;
  s.count = count;
  return s;
}

TEST(GlobTest, Matches) {
  EXPECT_TRUE(GlobMatch("", ""));
  EXPECT_TRUE(GlobMatch("*", "/anything/at/all"));
  EXPECT_TRUE(GlobMatch("/api/stacks/*/events", "/api/stacks/o/p/s/update/1/events"));
  EXPECT_FALSE(GlobMatch("/api/stacks/*/events", "/api/stacks/o/p/s/update/1"));
  EXPECT_TRUE(GlobMatch("/api/user/stack?", "/api/user/stacks"));
  EXPECT_FALSE(GlobMatch("/api/user", "/api/user/stacks"));
}

TEST(FaultInjectorTest, CountsAreConsumedThenRuleDisappears) {
  FaultInjector f;
  ASSERT_TRUE(f.Add(Spec(FaultKind::kStatus, "/api/*", 2)).ok());
  EXPECT_TRUE(f.Match("GET", "/api/x").fault.has_value());
  EXPECT_FALSE(f.Match("GET", "/other").fault.has_value());
  EXPECT_TRUE(f.Match("POST", "/api/y").fault.has_value());
  EXPECT_FALSE(f.Match("GET", "/api/x").fault.has_value());
  EXPECT_TRUE(f.List().empty());
}

TEST(FaultInjectorTest, UnlimitedUntilRemovedAndMethodFilter) {
  FaultInjector f;
  FaultSpec s = Spec(FaultKind::kReset);
  s.method = "DELETE";
  absl::StatusOr<std::string> id = f.Add(s);
  ASSERT_TRUE(id.ok());
  EXPECT_FALSE(f.Match("GET", "/api/x").fault.has_value());
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(f.Match("DELETE", "/api/x").fault.has_value());
  EXPECT_EQ(f.List()[0].hits, 3);
  EXPECT_TRUE(f.Remove(*id));
  EXPECT_FALSE(f.Remove(*id));
  EXPECT_FALSE(f.Match("DELETE", "/api/x").fault.has_value());
}

TEST(FaultInjectorTest, LatenciesAddUpAndFirstOtherRuleWins) {
  FaultInjector f;
  FaultSpec l1 = Spec(FaultKind::kLatency);
  l1.latency_ms = 10;
  FaultSpec l2 = Spec(FaultKind::kLatency, "^/api/user");
  l2.latency_ms = 5;
  ASSERT_TRUE(f.Add(l1).ok());
  ASSERT_TRUE(f.Add(Spec(FaultKind::kMalformed)).ok());
  ASSERT_TRUE(f.Add(l2).ok());
  ASSERT_TRUE(f.Add(Spec(FaultKind::kTruncated)).ok());
  FaultInjector::Decision d = f.Match("GET", "/api/user/stacks");
  EXPECT_EQ(d.delay, absl::Milliseconds(15));
  ASSERT_TRUE(d.fault.has_value());
  EXPECT_EQ(d.fault->kind, FaultKind::kMalformed);
  EXPECT_EQ(f.Match("GET", "/api/orgs").delay, absl::Milliseconds(10));
}

TEST(FaultInjectorTest, RejectsBadRules) {
  FaultInjector f;
  EXPECT_EQ(f.Add(Spec(FaultKind::kStatus, "^(unclosed")).status().code(),
            absl::StatusCode::kInvalidArgument);
  FaultSpec bad = Spec(FaultKind::kStatus);
  bad.status = 42;
  EXPECT_FALSE(f.Add(bad).ok());
  EXPECT_FALSE(FaultSpecFromJson(Json{{"kind", "explode"}}).ok());
  EXPECT_FALSE(FaultSpecFromJson(Json{{"kind", "status"}, {"status", "503"}}).ok());
  absl::StatusOr<FaultSpec> parsed = FaultSpecFromJson(
      Json{{"kind", "retry_after"}, {"retry_after", "7"}, {"count", 1}, {"route", "/x"}});
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->kind, FaultKind::kRetryAfter);
  EXPECT_EQ(parsed->retry_after, "7");
}

TEST(FaultReplyTest, StatusAndRetryAfter) {
  FaultSpec s = Spec(FaultKind::kStatus);
  s.status = 502;
  Reply r = FaultReply(s);
  EXPECT_EQ(r.status, 502);
  EXPECT_EQ(Json::parse(r.body), (Json{{"code", 502}, {"message", "Bad Gateway: injected fault"}}));
  s = Spec(FaultKind::kRetryAfter);
  s.retry_after = "3";
  r = FaultReply(s);
  EXPECT_EQ(r.status, 429);
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0], (std::pair<std::string, std::string>{"Retry-After", "3"}));
  s.retry_after = "";
  EXPECT_TRUE(FaultReply(s).headers.empty());
}

TEST(ApplyBodyFaultTest, MangleBodies) {
  Reply base = JsonReply(200, Json{{"stacks", Json::array()}, {"n", 1}});
  Reply r = base;
  ApplyBodyFault(Spec(FaultKind::kMalformed), r);
  EXPECT_TRUE(Json::parse(r.body, nullptr, false).is_discarded());
  EXPECT_EQ(r.content_type, "application/json");
  r = base;
  ApplyBodyFault(Spec(FaultKind::kTruncated), r);
  EXPECT_EQ(r.body, base.body.substr(0, base.body.size() / 2));
  EXPECT_TRUE(Json::parse(r.body, nullptr, false).is_discarded());
  r = base;
  ApplyBodyFault(Spec(FaultKind::kWrongContentType), r);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(r.body, base.body);
  r = base;
  FaultSpec huge = Spec(FaultKind::kHugeBody);
  huge.body_bytes = 1000;
  ApplyBodyFault(huge, r);
  Json parsed = Json::parse(r.body);
  EXPECT_EQ(parsed["emulatorPadding"].get<std::string>().size(), 1000u);
  EXPECT_EQ(parsed["n"], 1);
  r = EmptyReply();
  ApplyBodyFault(huge, r);
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(Json::parse(r.body).is_object());
}

}  // namespace
}  // namespace emulator
