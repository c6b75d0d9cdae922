// A pooled HTTP/1.1 connection that received bytes after its answer was complete (a stray
// answer, a close) must never carry another request: those bytes would be read as that
// request's answer, handing one caller another's data. CurlClient against a raw upstream that
// sends a complete extra answer some time after each real one.
#include <atomic>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gateway/upstream/curl_client.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/hostile/raw_upstream.h"

namespace pulumi_gateway::testing {
namespace {

std::string Answer(absl::string_view body) {
  return absl::StrCat("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ",
                      body.size(), "\r\n\r\n", body);
}

absl::StatusOr<HttpResponse> Get(CurlClient& client, const std::string& path) {
  HttpRequest request;
  request.method = "GET";
  request.path = path;
  CallContext context;
  context.idempotent = true;
  context.deadline = absl::Now() + absl::Seconds(10);
  absl::Notification done;
  absl::StatusOr<HttpResponse> result;
  client.Send(std::move(request), std::move(context), [&](absl::StatusOr<HttpResponse> r) {
    result = std::move(r);
    done.Notify();
  });
  done.WaitForNotification();
  return result;
}

std::unique_ptr<CurlClient> Client(const std::string& base_url) {
  CurlClientOptions options;
  options.base_url = base_url;
  absl::StatusOr<std::unique_ptr<CurlClient>> client = CurlClient::Create(options);
  EXPECT_TRUE(client.ok()) << client.status();
  return *std::move(client);
}

// What the upstream does once a stray answer is out.
enum class AfterStray { kKeepOpen, kClose };

// Answers each request with {"name":"<target>"}, then sends a complete stray answer after
// `delay` and counts it in `strays`.
RawUpstream::Script StrayAnswers(absl::Duration delay, AfterStray after, std::atomic<int>* strays) {
  return [=](RawConnection& c) {
    while (std::optional<RawRequest> request = c.ReadRequest()) {
      if (!c.Write(Answer(absl::StrCat(R"({"name":")", request->target, R"("})")))) return;
      if (!c.Pause(delay)) return;
      if (!c.Write(Answer(R"({"name":"stray"})"))) return;
      if (after == AfterStray::kClose) c.CloseWrite();
      strays->fetch_add(1);
      if (after == AfterStray::kClose) return;
    }
  };
}

// Waits (bounded) until the upstream has sent `n` stray answers.
void AwaitStrays(const std::atomic<int>& strays, int n) {
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  while (strays.load() < n && absl::Now() < deadline) absl::SleepFor(absl::Milliseconds(1));
  ASSERT_GE(strays.load(), n);
}

class ConnectionReuseTest : public ::testing::TestWithParam<AfterStray> {};

TEST_P(ConnectionReuseTest, SequentialCallsNeverGetAnotherCallsAnswer) {
  std::atomic<int> strays{0};
  RawUpstream upstream(StrayAnswers(absl::Milliseconds(60), GetParam(), &strays));
  std::unique_ptr<CurlClient> client = Client(upstream.base_url());
  for (int i = 0; i < 4; ++i) {
    SCOPED_TRACE(i);
    const std::string path = absl::StrCat("/api/stacks/acme/p/s", i);
    absl::StatusOr<HttpResponse> answer = Get(*client, path);
    ASSERT_TRUE(answer.ok()) << answer.status();
    EXPECT_EQ(answer->body, absl::StrCat(R"({"name":")", path, R"("})"));
    // The stray bytes are in the pooled connection before the next call starts.
    AwaitStrays(strays, i + 1);
  }
  // Each call after the first found its pooled connection dirty and took a new one.
  EXPECT_EQ(client->connections_opened(), 4);
  EXPECT_EQ(client->stale_connections_discarded(), 3);
  EXPECT_EQ(upstream.requests(), 4);
}

INSTANTIATE_TEST_SUITE_P(StrayAnswer, ConnectionReuseTest,
                         ::testing::Values(AfterStray::kKeepOpen, AfterStray::kClose),
                         [](const ::testing::TestParamInfo<AfterStray>& info) {
                           return info.param == AfterStray::kKeepOpen ? "ConnectionKeptOpen"
                                                                      : "ConnectionClosed";
                         });

TEST(ConnectionReuse, ACleanConnectionIsStillReused) {
  RawUpstream upstream([](RawConnection& c) {
    while (std::optional<RawRequest> request = c.ReadRequest()) {
      if (!c.Write(Answer(R"({"ok":true})"))) return;
    }
  });
  std::unique_ptr<CurlClient> client = Client(upstream.base_url());
  for (int i = 0; i < 5; ++i) {
    absl::StatusOr<HttpResponse> answer = Get(*client, "/api/user");
    ASSERT_TRUE(answer.ok()) << answer.status();
    EXPECT_EQ(answer->body, R"({"ok":true})");
  }
  EXPECT_EQ(client->connections_opened(), 1);
  EXPECT_EQ(client->stale_connections_discarded(), 0);
}

TEST(ConnectionReuse, ExtraBytesTogetherWithTheAnswerCloseTheConnection) {
  RawUpstream upstream([](RawConnection& c) {
    while (std::optional<RawRequest> request = c.ReadRequest()) {
      const std::string mine = Answer(absl::StrCat(R"({"name":")", request->target, R"("})"));
      if (!c.Write(mine + Answer(R"({"name":"stray"})"))) return;
    }
  });
  std::unique_ptr<CurlClient> client = Client(upstream.base_url());
  for (const std::string path : {"/a", "/b", "/c"}) {
    absl::StatusOr<HttpResponse> answer = Get(*client, path);
    ASSERT_TRUE(answer.ok()) << answer.status();
    EXPECT_EQ(answer->body, absl::StrCat(R"({"name":")", path, R"("})"));
  }
}

}  // namespace
}  // namespace pulumi_gateway::testing
