// Server streaming through a gateway: lists walked page by page with backpressure, and
// WatchUpdateEvents following a running update on the emulator, shared by many watchers. (The
// memory bound of a slow reader is measured on the binary, in binary_test.)
#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "httplib.h"
#include "nlohmann/json.hpp"
#include "pulumi/service/v1/stacks.grpc.pb.h"
#include "pulumi/service/v1/updates.grpc.pb.h"
#include "tests/support/fake_upstream.h"
#include "tests/support/harness.h"

namespace pulumi_gateway::testing {
namespace {

namespace v1 = ::pulumi::service::v1;
using ::testing::HasSubstr;

constexpr char kToken[] = "pul-demo-jdoe-7f3a9c2e41b85d60f1e2a3b4c5d6e7f8";

std::unique_ptr<TestGateway> StartGateway(const std::string& upstream) {
  return TestGateway::Start(upstream, [](FlagValues& f) {
    f.watch_poll_interval = absl::Milliseconds(50);
    f.watch_max_interval = absl::Milliseconds(200);
  });
}

void Authorize(grpc::ClientContext* context) {
  context->AddMetadata("authorization", absl::StrCat("token ", kToken));
}

// ListStacks pages from a fake upstream: page N (token "N") holds `per_page` stacks named
// "s<N>-<i>", each padded to about `item_bytes`; `pages` pages in all; page `fail_page` answers
// 500.
void ServePages(FakeUpstream* upstream, int pages, int per_page, int item_bytes,
                int fail_page = -1) {
  upstream->SetHandler([=](const httplib::Request& req, httplib::Response& res) {
    int page = 1;
    if (req.has_param("continuationToken")) {
      (void)absl::SimpleAtoi(req.get_param_value("continuationToken"), &page);
    }
    if (page == fail_page) {
      res.status = 500;
      res.set_content(R"({"code":500,"message":"Internal Server Error"})", "application/json");
      return;
    }
    nlohmann::json body = {{"stacks", nlohmann::json::array()}};
    for (int i = 0; i < per_page; ++i) {
      body["stacks"].push_back({{"orgName", "acme-corp"},
                                {"projectName", "p"},
                                {"stackName", absl::StrCat("s", page, "-", i)},
                                {"links", {{"self", std::string(item_bytes, 'x')}}}});
    }
    if (page < pages) body["continuationToken"] = absl::StrCat(page + 1);
    res.set_content(body.dump(), "application/json");
  });
}

TEST(StreamingTest, ListsArriveCompleteAndInOrder) {
  FakeUpstream upstream;
  ServePages(&upstream, /*pages=*/5, /*per_page=*/7, /*item_bytes=*/16);
  auto gateway = StartGateway(upstream.base_url());
  auto stub = v1::StacksService::NewStub(
      grpc::CreateChannel(gateway->address(), grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  Authorize(&context);
  v1::StreamStacksRequest request;
  request.set_organization("acme-corp");
  auto reader = stub->StreamStacks(&context, request);
  std::vector<std::string> names;
  v1::StreamStacksResponse item;
  while (reader->Read(&item)) names.push_back(item.stack().stack_name());
  grpc::Status status = reader->Finish();
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(names.size(), 35u);
  for (int page = 1, n = 0; page <= 5; ++page) {
    for (int i = 0; i < 7; ++i) EXPECT_EQ(names[n++], absl::StrCat("s", page, "-", i));
  }
  const std::vector<RecordedRequest> requests = upstream.requests();
  ASSERT_EQ(requests.size(), 5u);
  EXPECT_EQ(requests[0].target, "/api/user/stacks?organization=acme-corp");
  EXPECT_EQ(requests[4].target, "/api/user/stacks?organization=acme-corp&continuationToken=5");
}

TEST(StreamingTest, UpstreamErrorOnPageThreeEndsTheStreamAfterTheItemsSent) {
  FakeUpstream upstream;
  ServePages(&upstream, /*pages=*/5, /*per_page=*/4, /*item_bytes=*/16, /*fail_page=*/3);
  auto gateway = StartGateway(upstream.base_url());
  auto stub = v1::StacksService::NewStub(
      grpc::CreateChannel(gateway->address(), grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  Authorize(&context);
  auto reader = stub->StreamStacks(&context, v1::StreamStacksRequest());
  int received = 0;
  v1::StreamStacksResponse item;
  while (reader->Read(&item)) ++received;
  grpc::Status status = reader->Finish();
  EXPECT_EQ(received, 8);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_THAT(status.error_message(), HasSubstr("Internal Server Error (HTTP 500)"));
}

TEST(StreamingTest, CancelMidStreamStopsFetching) {
  FakeUpstream upstream;
  ServePages(&upstream, /*pages=*/1000, /*per_page=*/5, /*item_bytes=*/16);
  auto gateway = StartGateway(upstream.base_url());
  auto stub = v1::StacksService::NewStub(
      grpc::CreateChannel(gateway->address(), grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  Authorize(&context);
  auto reader = stub->StreamStacks(&context, v1::StreamStacksRequest());
  v1::StreamStacksResponse item;
  for (int i = 0; i < 12; ++i) ASSERT_TRUE(reader->Read(&item));
  context.TryCancel();
  while (reader->Read(&item)) {
  }
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::CANCELLED);
  absl::SleepFor(absl::Milliseconds(300));
  const int after_cancel = upstream.request_count();
  absl::SleepFor(absl::Milliseconds(300));
  EXPECT_EQ(upstream.request_count(), after_cancel) << "pages were still fetched after cancel";
  EXPECT_LT(after_cancel, 1000);
}

// The real emulator with a live update: WatchUpdateEvents follows it to the end.
class WatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    emulator_ = StartEmulator();
    ASSERT_NE(emulator_, nullptr);
    admin_ = std::make_unique<httplib::Client>(emulator_->host(), emulator_->port());
    gateway_ = StartGateway(UpstreamUrl(*emulator_));
    ASSERT_NE(gateway_, nullptr);
    stub_ = v1::StackUpdatesService::NewStub(
        grpc::CreateChannel(gateway_->address(), grpc::InsecureChannelCredentials()));
  }

  // Starts a live update on data-pipeline/dev emitting `events` events every `interval_ms`.
  std::string StartLiveUpdate(int events, int interval_ms) {
    auto result = admin_->Post("/_emulator/live-updates",
                               nlohmann::json({{"org", "acme-corp"},
                                               {"project", "data-pipeline"},
                                               {"stack", "dev"},
                                               {"kind", "update"},
                                               {"intervalMs", interval_ms},
                                               {"eventCount", events}})
                                   .dump(),
                               "application/json");
    EXPECT_TRUE(result && result->status == 201) << (result ? result->body : "no answer");
    return result ? nlohmann::json::parse(result->body)["updateID"].get<std::string>() : "";
  }

  v1::WatchUpdateEventsRequest WatchRequest(const std::string& update_id) {
    v1::WatchUpdateEventsRequest request;
    request.set_org_name("acme-corp");
    request.set_project_name("data-pipeline");
    request.set_stack_name("dev");
    request.set_kind("update");
    request.set_update_id(update_id);
    return request;
  }

  int EventPolls() {
    auto result = admin_->Get("/_emulator/requests?method=GET&path=*/events");
    return result ? nlohmann::json::parse(result->body)["count"].get<int>() : -1;
  }

  std::unique_ptr<emulator::Server> emulator_;
  std::unique_ptr<httplib::Client> admin_;
  std::unique_ptr<TestGateway> gateway_;
  std::unique_ptr<v1::StackUpdatesService::Stub> stub_;
};

TEST_F(WatchTest, FollowsARunningUpdateToTheEndEveryEventOnceInOrder) {
  const std::string update = StartLiveUpdate(/*events=*/20, /*interval_ms=*/50);
  grpc::ClientContext context;
  Authorize(&context);
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(20)));
  auto reader = stub_->WatchUpdateEvents(&context, WatchRequest(update));
  std::vector<v1::EngineEvent> events;
  v1::WatchUpdateEventsResponse item;
  while (reader->Read(&item)) events.push_back(item.event());
  grpc::Status status = reader->Finish();
  ASSERT_TRUE(status.ok()) << status.error_message();

  // Compare with what the upstream holds once the update is over: same events, same order.
  v1::ListUpdateEventsRequest all;
  all.set_org_name("acme-corp");
  all.set_project_name("data-pipeline");
  all.set_stack_name("dev");
  all.set_kind("update");
  all.set_update_id(update);
  std::vector<v1::EngineEvent> expected;
  while (true) {
    grpc::ClientContext list_context;
    Authorize(&list_context);
    v1::ListUpdateEventsResponse page;
    ASSERT_TRUE(stub_->ListUpdateEvents(&list_context, all, &page).ok());
    for (const auto& event : page.events()) expected.push_back(event);
    if (page.continuation_token().empty()) break;
    all.set_continuation_token(page.continuation_token());
  }
  ASSERT_GE(expected.size(), 20u);
  ASSERT_EQ(events.size(), expected.size());
  for (size_t i = 0; i < events.size(); ++i) {
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(events[i], expected[i]))
        << "event " << i << " differs: " << events[i].ShortDebugString() << " vs "
        << expected[i].ShortDebugString();
  }
}

TEST_F(WatchTest, HundredWatchersShareOnePollLoop) {
  // A solo watcher first, to know how many polls one loop makes for this update shape.
  const std::string solo = StartLiveUpdate(/*events=*/10, /*interval_ms=*/100);
  {
    grpc::ClientContext context;
    Authorize(&context);
    auto reader = stub_->WatchUpdateEvents(&context, WatchRequest(solo));
    v1::WatchUpdateEventsResponse item;
    while (reader->Read(&item)) {
    }
    ASSERT_TRUE(reader->Finish().ok());
  }
  const int solo_polls = EventPolls();
  ASSERT_GT(solo_polls, 2);
  admin_->Delete("/_emulator/requests");

  const std::string update = StartLiveUpdate(/*events=*/10, /*interval_ms=*/100);
  constexpr int kWatchers = 100;
  std::atomic<int> complete{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kWatchers; ++i) {
    threads.emplace_back([&, i] {
      // Watchers join over the first half of the update: late ones get the events so far.
      absl::SleepFor(absl::Milliseconds(5 * i));
      grpc::ClientContext context;
      Authorize(&context);
      context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(20)));
      auto reader = stub_->WatchUpdateEvents(&context, WatchRequest(update));
      int events = 0;
      v1::WatchUpdateEventsResponse item;
      while (reader->Read(&item)) ++events;
      if (reader->Finish().ok() && events >= 10) ++complete;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(complete.load(), kWatchers);
  const int shared_polls = EventPolls();
  EXPECT_LE(shared_polls, 2 * solo_polls)
      << kWatchers << " watchers made " << shared_polls << " polls; one makes " << solo_polls;
}

TEST_F(WatchTest, DeadlineEndsALongWatchAfterTheEventsSoFar) {
  const std::string update = StartLiveUpdate(/*events=*/100, /*interval_ms=*/100);
  grpc::ClientContext context;
  Authorize(&context);
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Milliseconds(800)));
  auto reader = stub_->WatchUpdateEvents(&context, WatchRequest(update));
  int events = 0;
  v1::WatchUpdateEventsResponse item;
  const absl::Time start = absl::Now();
  while (reader->Read(&item)) ++events;
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_GT(events, 2);
  EXPECT_LT(events, 100);
  EXPECT_LT(absl::Now() - start, absl::Seconds(2));
  // The poll loop stops with its last watcher.
  absl::SleepFor(absl::Milliseconds(500));
  const int polls = EventPolls();
  absl::SleepFor(absl::Milliseconds(500));
  EXPECT_EQ(EventPolls(), polls) << "the gateway kept polling an update nobody watches";
}

TEST_F(WatchTest, BadRequestsFailBeforeAnyPoll) {
  grpc::ClientContext context;
  Authorize(&context);
  v1::WatchUpdateEventsRequest request = WatchRequest("u");
  request.set_kind("export");
  auto reader = stub_->WatchUpdateEvents(&context, request);
  v1::WatchUpdateEventsResponse item;
  EXPECT_FALSE(reader->Read(&item));
  grpc::Status status = reader->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("update, preview, refresh, destroy"));

  grpc::ClientContext anonymous;
  auto unauthenticated = stub_->WatchUpdateEvents(&anonymous, WatchRequest("u"));
  EXPECT_FALSE(unauthenticated->Read(&item));
  EXPECT_EQ(unauthenticated->Finish().error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(EventPolls(), 0);
}

}  // namespace
}  // namespace pulumi_gateway::testing
