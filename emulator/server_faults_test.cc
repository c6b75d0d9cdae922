// HTTP: every fault kind, rule selection and counts, rate limiting, and faults set from C++.
#include <string>

#include "absl/time/clock.h"
#include "emulator/server_test_util.h"

namespace emulator {
namespace {

constexpr char kStacks[] = "/api/user/stacks";

class FaultsTest : public EmulatorHttpTest {
 protected:
  // Adds a fault through the admin API; returns its id.
  std::string AddFault(const Json& spec) {
    HttpResult r = Call("POST", "/_emulator/faults", "", spec);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json.value("id", "");
  }
};

TEST_F(FaultsTest, StatusFaultSkipsHandlerForCountRequests) {
  AddFault({{"kind", "status"}, {"status", 503}, {"route", kStacks}, {"count", 2}});
  for (int i = 0; i < 2; ++i) {
    HttpResult r = Call("GET", kStacks, kJdoeToken);
    EXPECT_EQ(r.status, 503);
    EXPECT_EQ(r.json, (Json{{"code", 503}, {"message", "Service Unavailable: injected fault"}}));
  }
  EXPECT_EQ(Call("GET", kStacks, kJdoeToken).status, 200);
}

TEST_F(FaultsTest, RetryAfter) {
  AddFault({{"kind", "retry_after"}, {"retry_after", "2"}, {"count", 1}});
  HttpResult r = Call("GET", kProdPath, kJdoeToken);
  ExpectError(r, 429, "Too Many Requests");
  EXPECT_EQ(r.Header("Retry-After"), "2");
  AddFault({{"kind", "retry_after"}, {"count", 1}});
  r = Call("GET", kProdPath, kJdoeToken);
  EXPECT_EQ(r.status, 429);
  EXPECT_FALSE(r.headers.count("Retry-After"));
}

TEST_F(FaultsTest, LatencyDelaysThenServes) {
  AddFault({{"kind", "latency"}, {"latency_ms", 300}, {"route", "^/api/stacks/"}, {"count", 1}});
  absl::Time start = absl::Now();
  HttpResult r = Call("GET", kProdPath, kJdoeToken);
  EXPECT_GE(absl::Now() - start, absl::Milliseconds(300));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.json["stackName"], "prod");
}

TEST_F(FaultsTest, ResetClosesWithoutResponse) {
  AddFault({{"kind", "reset"}, {"method", "GET"}, {"route", kStacks}, {"count", 1}});
  HttpResult r = Call("GET", kStacks, kJdoeToken);
  EXPECT_FALSE(r.transport_ok);
  EXPECT_EQ(Call("GET", kStacks, kJdoeToken).status, 200);
  std::vector<RequestRecord> log = server_->requests().Snapshot();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].fault, "reset");
  EXPECT_EQ(log[0].status, 0);
}

TEST_F(FaultsTest, BodyFaults) {
  AddFault({{"kind", "malformed"}, {"count", 1}});
  HttpResult r = Call("GET", kProdPath, kJdoeToken);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("Content-Type"), "application/json");
  EXPECT_TRUE(r.json.is_discarded());

  std::string full = Call("GET", kProdPath, kJdoeToken).body;
  AddFault({{"kind", "truncated"}, {"count", 1}});
  r = Call("GET", kProdPath, kJdoeToken);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, full.substr(0, full.size() / 2));
  EXPECT_TRUE(r.json.is_discarded());

  AddFault({{"kind", "wrong_content_type"}, {"count", 1}});
  r = Call("GET", kProdPath, kJdoeToken);
  EXPECT_EQ(r.Header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(r.body, full);

  AddFault({{"kind", "huge"}, {"body_bytes", 4 << 20}, {"count", 1}});
  r = Call("GET", kProdPath, kJdoeToken);
  EXPECT_GT(r.body.size(), static_cast<size_t>(4 << 20));
  EXPECT_EQ(r.json["stackName"], "prod");
  EXPECT_EQ(Call("GET", kProdPath, kJdoeToken).body, full);
}

TEST_F(FaultsTest, SlowBodyTrickles) {
  std::string full = Call("GET", kProdPath, kJdoeToken).body;
  AddFault({{"kind", "slow"}, {"chunk_bytes", 100}, {"latency_ms", 20}, {"count", 1}});
  absl::Time start = absl::Now();
  HttpResult r = Call("GET", kProdPath, kJdoeToken);
  absl::Duration took = absl::Now() - start;
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, full);
  EXPECT_GE(took, absl::Milliseconds(20) * static_cast<int64_t>((full.size() + 99) / 100));
}

TEST_F(FaultsTest, RuleSelectionByGlobRegexAndMethod) {
  AddFault({{"kind", "status"}, {"status", 502}, {"route", "/api/stacks/*/events"}});
  AddFault({{"kind", "status"}, {"status", 500}, {"method", "DELETE"}});
  std::string events = std::string(kProdPath) + "/update/" + kProd42Id + "/events";
  EXPECT_EQ(Call("GET", events, kJdoeToken).status, 502);
  EXPECT_EQ(Call("GET", events, kJdoeToken).status, 502);  // count 0: until cleared
  EXPECT_EQ(Call("GET", kProdPath, kJdoeToken).status, 200);
  EXPECT_EQ(Call("DELETE", std::string(kProdPath) + "/tags/x", kJdoeToken).status, 500);
  EXPECT_EQ(Call("DELETE", "/_emulator/faults", "").status, 204);
  EXPECT_EQ(Call("GET", events, kJdoeToken).status, 200);
}

TEST_F(FaultsTest, FaultsFromCpp) {
  FaultSpec spec;
  spec.kind = FaultKind::kStatus;
  spec.status = 504;
  spec.route = "^/api/orgs/.*/members$";
  spec.count = 1;
  ASSERT_TRUE(server_->faults().Add(spec).ok());
  EXPECT_EQ(Call("GET", "/api/orgs/acme-corp/members", kJdoeToken).status, 504);
  EXPECT_EQ(Call("GET", "/api/orgs/acme-corp/members", kJdoeToken).status, 200);
  EXPECT_EQ(server_->requests().Count("GET", "/api/orgs/*"), 2);
  EXPECT_EQ(server_->requests().WaitForCount("GET", "/api/orgs/*", 2, absl::Seconds(1)), 2);
}

TEST_F(FaultsTest, RateLimitPerToken) {
  ServerOptions options;
  options.rate_limit_rps = 2;
  StartServer(options);
  EXPECT_EQ(Call("GET", kStacks, kJdoeToken).status, 200);
  EXPECT_EQ(Call("GET", kStacks, kJdoeToken).status, 200);
  HttpResult limited = Call("GET", kStacks, kJdoeToken);
  ExpectError(limited, 429, "rate limit");
  EXPECT_EQ(limited.Header("Retry-After"), "1");
  EXPECT_EQ(Call("GET", kStacks, kRkumarToken).status, 200);  // separate bucket
}

}  // namespace
}  // namespace emulator
