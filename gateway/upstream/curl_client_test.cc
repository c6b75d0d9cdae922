// How CurlClient spreads calls over its event loops: the loop count, the split of the
// connection limits, and the choice of a loop for each call. Transfers over real sockets are
// tested in tests/integration/curl_client_test.cc.
#include "gateway/upstream/curl_client.h"

#include <numeric>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

using ::testing::ElementsAre;

CurlClientOptions Options(const std::string& base_url, int loops) {
  CurlClientOptions options;
  options.base_url = base_url;
  options.loops = loops;
  return options;
}

TEST(UpstreamLoopCountTest, DefaultsToOnePerCore) {
  EXPECT_EQ(UpstreamLoopCount(Options("http://upstream", 0), 2), 2);
  EXPECT_EQ(UpstreamLoopCount(Options("http://upstream", 0), 8), 8);
  EXPECT_EQ(UpstreamLoopCount(Options("http://upstream", 0), 0), 1);
}

TEST(UpstreamLoopCountTest, ExplicitCountWinsOverCores) {
  EXPECT_EQ(UpstreamLoopCount(Options("http://upstream", 3), 2), 3);
  EXPECT_EQ(UpstreamLoopCount(Options("http://upstream", 1), 16), 1);
}

TEST(UpstreamLoopCountTest, NeverMoreLoopsThanConnections) {
  CurlClientOptions options = Options("http://upstream", 8);
  options.max_connections = 3;
  EXPECT_EQ(UpstreamLoopCount(options, 2), 3);
  // Plain http never speaks HTTP/2 here: its limit does not bound the loops.
  options.max_http2_connections = 1;
  EXPECT_EQ(UpstreamLoopCount(options, 2), 3);
}

TEST(UpstreamLoopCountTest, HttpsLoopsAreBoundedByTheHttp2Limit) {
  CurlClientOptions options = Options("https://upstream", 8);
  options.max_http2_connections = 4;
  EXPECT_EQ(UpstreamLoopCount(options, 2), 4);
  options.max_http2_connections = 1;
  EXPECT_EQ(UpstreamLoopCount(options, 2), 1);
  CurlClientOptions h2c = Options("http://upstream", 8);
  h2c.http2_prior_knowledge = true;
  h2c.max_http2_connections = 2;
  EXPECT_EQ(UpstreamLoopCount(h2c, 2), 2);
}

TEST(SplitLimitTest, SharesAddUpAndDifferByAtMostOne) {
  EXPECT_THAT(SplitLimit(64, 2), ElementsAre(32, 32));
  EXPECT_THAT(SplitLimit(5, 3), ElementsAre(2, 2, 1));
  EXPECT_THAT(SplitLimit(4, 4), ElementsAre(1, 1, 1, 1));
  EXPECT_THAT(SplitLimit(7, 1), ElementsAre(7));
  const std::vector<int> shares = SplitLimit(5100, 7);
  EXPECT_EQ(std::accumulate(shares.begin(), shares.end(), 0), 5100);
}

TEST(PickLoopTest, IdleLoopsGiveTheFirst) {
  // Calls one after another stay on one loop (and its connection).
  EXPECT_EQ(PickLoop({{0, 32}, {0, 32}}), 0u);
  EXPECT_EQ(PickLoop({{0, 1}}), 0u);
}

TEST(PickLoopTest, TheLeastLoadedLoopWins) {
  EXPECT_EQ(PickLoop({{1, 32}, {0, 32}}), 1u);
  EXPECT_EQ(PickLoop({{5, 32}, {7, 32}, {4, 32}}), 2u);
  EXPECT_EQ(PickLoop({{3, 32}, {3, 32}}), 0u);
}

TEST(PickLoopTest, LoadIsWeighedByConnectionShare) {
  // 2 of 2 connections busy against 2 of 1: the larger share takes the next call.
  EXPECT_EQ(PickLoop({{2, 2}, {1, 1}}), 0u);
  EXPECT_EQ(PickLoop({{3, 2}, {1, 1}}), 1u);
}

TEST(CurlClientTest, RunsTheLoopsItIsGiven) {
  absl::StatusOr<std::unique_ptr<CurlClient>> client =
      CurlClient::Create(Options("http://127.0.0.1:1", 3));
  ASSERT_TRUE(client.ok()) << client.status();
  EXPECT_EQ((*client)->loops(), 3);
  EXPECT_EQ((*client)->connections_opened(), 0);
}

TEST(CurlClientTest, RefusesANegativeLoopCount) {
  absl::StatusOr<std::unique_ptr<CurlClient>> client =
      CurlClient::Create(Options("http://127.0.0.1:1", -1));
  EXPECT_EQ(client.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(client.status().message().find("loops"), std::string::npos);
}

}  // namespace
}  // namespace pulumi_gateway
