// HTTP: concurrency statistics (/_emulator/stats, Server::stats()) and the run-time rate limit
// (/_emulator/rate-limit, Server::rate_limiter()).
#include <httplib.h>

#include <string>
#include <thread>
#include <vector>

#include "absl/time/clock.h"
#include "emulator/server_test_util.h"

namespace emulator {
namespace {

constexpr char kStacks[] = "/api/user/stacks";

class StatsTest : public EmulatorHttpTest {
 protected:
  // `n` concurrent GETs of `path` (one connection each); returns their statuses once all are done.
  std::vector<std::thread> StartCalls(int n, const std::string& path, std::vector<int>& statuses) {
    statuses.assign(n, 0);
    std::vector<std::thread> threads;
    for (int i = 0; i < n; ++i) {
      threads.emplace_back([this, i, path, &statuses] {
        httplib::Client client("127.0.0.1", server_->port());
        client.set_read_timeout(10, 0);
        httplib::Result r =
            client.Get(path.c_str(), {{"Authorization", std::string("token ") + kJdoeToken}});
        statuses[i] = r ? r->status : -1;
      });
    }
    return threads;
  }

  Json Stats() {
    HttpResult r = Call("GET", "/_emulator/stats", "");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json;
  }
};

TEST_F(StatsTest, RequestsHeldByLatencyAreInFlight) {
  EXPECT_EQ(Stats(), (Json{{"inFlight", 0}, {"maxInFlight", 0}, {"requests", 0}}));
  ASSERT_EQ(Call("POST", "/_emulator/faults", "",
                 Json{{"kind", "latency"}, {"latency_ms", 1500}, {"route", kProdPath}})
                .status,
            201);
  std::vector<int> statuses;
  std::vector<std::thread> calls = StartCalls(4, kProdPath, statuses);
  EXPECT_EQ(server_->stats().WaitForInFlight(4, absl::Seconds(5)), 4);
  // While they are held: the admin call itself is not counted.
  EXPECT_EQ(Stats(), (Json{{"inFlight", 4}, {"maxInFlight", 4}, {"requests", 4}}));
  for (std::thread& t : calls) t.join();
  EXPECT_EQ(statuses, (std::vector<int>{200, 200, 200, 200}));
  EXPECT_EQ(Stats(), (Json{{"inFlight", 0}, {"maxInFlight", 4}, {"requests", 4}}));
  RequestStats::Counts counts = server_->stats().Get();
  EXPECT_EQ(counts.in_flight, 0);
  EXPECT_EQ(counts.max_in_flight, 4);
  EXPECT_EQ(counts.requests, 4);
}

TEST_F(StatsTest, SequentialCallsNeverOverlap) {
  Call("GET", kStacks, kJdoeToken);
  Call("GET", kStacks, "");                 // 401 counts too
  Call("GET", "/api/nowhere", kJdoeToken);  // and 404
  Call("GET", "/_emulator/health", "");     // admin calls do not
  EXPECT_EQ(Stats(), (Json{{"inFlight", 0}, {"maxInFlight", 1}, {"requests", 3}}));
}

TEST_F(StatsTest, SlowBodyIsInFlightUntilItsLastChunk) {
  ASSERT_EQ(Call("POST", "/_emulator/faults", "",
                 Json{{"kind", "slow"}, {"chunk_bytes", 64}, {"latency_ms", 20}, {"count", 1}})
                .status,
            201);
  // The handler has long returned while the body trickles: the request must still count.
  std::vector<int64_t> in_flight_per_chunk;
  std::string body;
  httplib::Result r =
      client_->Get(kProdPath, {{"Authorization", std::string("token ") + kJdoeToken}},
                   [&](const char* data, size_t n) {
                     in_flight_per_chunk.push_back(server_->stats().in_flight());
                     body.append(data, n);
                     return true;
                   });
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(Json::parse(body)["stackName"], "prod");
  ASSERT_GT(in_flight_per_chunk.size(), 2u);
  in_flight_per_chunk.pop_back();  // the last chunk is sent after the request ended
  EXPECT_THAT(in_flight_per_chunk, ::testing::Each(1));
  // Ended before the last bytes went out, so a client holding the whole body sees 0.
  EXPECT_EQ(server_->stats().in_flight(), 0);
  EXPECT_EQ(server_->stats().max_in_flight(), 1);
}

TEST_F(StatsTest, ResetByDeleteAndByEmulatorReset) {
  ASSERT_EQ(Call("POST", "/_emulator/faults", "",
                 Json{{"kind", "latency"}, {"latency_ms", 1000}, {"route", kProdPath}})
                .status,
            201);
  std::vector<int> statuses;
  std::vector<std::thread> calls = StartCalls(2, kProdPath, statuses);
  ASSERT_EQ(server_->stats().WaitForInFlight(2, absl::Seconds(5)), 2);
  // The high-water mark restarts from what is in flight now.
  EXPECT_EQ(Call("DELETE", "/_emulator/stats", "").status, 204);
  EXPECT_EQ(Stats(), (Json{{"inFlight", 2}, {"maxInFlight", 2}, {"requests", 0}}));
  for (std::thread& t : calls) t.join();
  EXPECT_EQ(Call("DELETE", "/_emulator/stats", "").status, 204);
  EXPECT_EQ(Stats(), (Json{{"inFlight", 0}, {"maxInFlight", 0}, {"requests", 0}}));
  Call("GET", kStacks, kJdoeToken);
  EXPECT_EQ(Stats()["requests"], 1);
  EXPECT_EQ(Call("POST", "/_emulator/reset", "").status, 204);
  EXPECT_EQ(Stats(), (Json{{"inFlight", 0}, {"maxInFlight", 0}, {"requests", 0}}));
}

TEST_F(StatsTest, RateLimitChangesAtRunTime) {
  EXPECT_EQ(Call("GET", "/_emulator/rate-limit", "").json, (Json{{"rps", 0}}));
  for (int i = 0; i < 5; ++i) EXPECT_EQ(Call("GET", kStacks, kJdoeToken).status, 200);

  HttpResult set = Call("PUT", "/_emulator/rate-limit", "", Json{{"rps", 2}});
  EXPECT_EQ(set.status, 200);
  EXPECT_EQ(set.json, (Json{{"rps", 2}}));
  EXPECT_EQ(Call("GET", "/_emulator/rate-limit", "").json, (Json{{"rps", 2}}));
  EXPECT_EQ(Call("GET", kStacks, kJdoeToken).status, 200);
  EXPECT_EQ(Call("GET", kStacks, kJdoeToken).status, 200);
  HttpResult limited = Call("GET", kStacks, kJdoeToken);
  EXPECT_EQ(limited.json,
            (Json{{"code", 429}, {"message", "Too Many Requests: rate limit exceeded"}}));
  ExpectError(limited, 429, "Too Many Requests");
  EXPECT_EQ(limited.Header("Retry-After"), "1");
  EXPECT_EQ(Call("GET", kStacks, kRkumarToken).status, 200);  // per token

  EXPECT_EQ(Call("PUT", "/_emulator/rate-limit", "", Json{{"rps", 0}}).status, 200);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(Call("GET", kStacks, kJdoeToken).status, 200);

  ExpectError(Call("PUT", "/_emulator/rate-limit", "", Json{{"rps", -1}}), 400, "'rps'");
  ExpectError(Call("PUT", "/_emulator/rate-limit", "", Json{{"rps", "5"}}), 400, "'rps'");
  ExpectError(Call("PUT", "/_emulator/rate-limit", "", Json::object()), 400, "'rps'");
  ExpectError(Call("PUT", "/_emulator/rate-limit", "", std::string("nope")), 400, "JSON");
  EXPECT_EQ(Call("GET", "/_emulator/rate-limit", "").json, (Json{{"rps", 0}}));
}

TEST_F(StatsTest, EmulatorResetRestoresTheStartUpRateLimit) {
  ServerOptions options;
  options.rate_limit_rps = 1;
  StartServer(options);
  EXPECT_EQ(Call("GET", "/_emulator/rate-limit", "").json, (Json{{"rps", 1}}));
  EXPECT_EQ(Call("GET", kStacks, kJdoeToken).status, 200);
  EXPECT_EQ(Call("GET", kStacks, kJdoeToken).status, 429);
  ASSERT_EQ(Call("PUT", "/_emulator/rate-limit", "", Json{{"rps", 0}}).status, 200);
  EXPECT_EQ(Call("GET", kStacks, kJdoeToken).status, 200);
  EXPECT_EQ(Call("POST", "/_emulator/reset", "").status, 204);
  EXPECT_EQ(Call("GET", "/_emulator/rate-limit", "").json, (Json{{"rps", 1}}));
  EXPECT_EQ(Call("GET", kStacks, kJdoeToken).status, 200) << "fresh bucket after reset";
  EXPECT_EQ(Call("GET", kStacks, kJdoeToken).status, 429);
}

TEST_F(StatsTest, RateLimitFromCpp) {
  server_->rate_limiter().SetRate(1);
  EXPECT_EQ(Call("GET", kStacks, kJdoeToken).status, 200);
  EXPECT_EQ(Call("GET", kStacks, kJdoeToken).status, 429);
  EXPECT_EQ(Call("GET", "/_emulator/rate-limit", "").json, (Json{{"rps", 1}}));
  server_->rate_limiter().Reset();
  EXPECT_EQ(server_->rate_limiter().rate(), 0);
  EXPECT_EQ(Call("GET", kStacks, kJdoeToken).status, 200);
}

}  // namespace
}  // namespace emulator
