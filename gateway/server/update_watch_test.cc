// UpdateWatch on a FakeClock with a fake upstream: the poll loop asks again at once after new
// events, waits exactly --watch_poll_interval after a poll with nothing new and doubles the wait
// up to --watch_max_interval, follows the continuation token, ends when the upstream returns
// none, and stops (timer and poll in flight) when its last reader leaves.
#include "gateway/server/update_watch.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gateway/clock/fake_clock.h"
#include "gateway/observability/logger.h"
#include "gateway/route/route_table.h"
#include "gateway/upstream/upstream_test_support.h"
#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "gtest/gtest.h"
#include "pulumi/service/v1/updates.pb.h"

namespace pulumi_gateway {
namespace {

using ::testing::_;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StrictMock;

using upstream_testing::FakeInner;
using upstream_testing::MockUpstream;

namespace v1 = ::pulumi::service::v1;

constexpr char kEventsPath[] = "/api/stacks/acme-corp/payments-api/prod/update/u1/events";

// A page of `count` events numbered from `first`, with `token` (none when empty).
absl::StatusOr<HttpResponse> Page(int first, int count, const std::string& token) {
  HttpResponse response;
  response.status = 200;
  std::string events;
  for (int i = first; i < first + count; ++i) {
    absl::StrAppend(&events, events.empty() ? "" : ",", R"({"timestamp":)", i,
                    R"(,"type":"stdoutEvent","stdoutEvent":{"message":"line"}})");
  }
  response.body = absl::StrCat(
      R"({"events":[)", events, "]",
      token.empty() ? "" : absl::StrCat(R"(,"continuationToken":")", token, "\""), "}");
  return response;
}

// Counts wakes and reads what the watch holds.
class Reader final : public WatchReader {
 public:
  void Wake() override { ++wakes_; }
  void Ref() override {}
  void Unref() override {}
  int wakes() const { return wakes_; }

 private:
  int wakes_ = 0;
};

class UpdateWatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<RouteTable> routes =
        RouteTable::Build({google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
            "pulumi.service.v1.StackUpdatesService")});
    ASSERT_TRUE(routes.ok()) << routes.status();
    routes_ = std::make_unique<RouteTable>(*std::move(routes));
    route_ = routes_->FindStream("/pulumi.service.v1.StackUpdatesService/WatchUpdateEvents");
    ASSERT_NE(route_, nullptr);
    env_.upstream = &inner_;
    env_.logger = &logger_;
    env_.timers = &clock_;
    env_.accept = "application/vnd.pulumi+8";
    env_.options.watch_poll_interval = absl::Seconds(1);
    env_.options.watch_max_interval = absl::Seconds(4);
  }

  std::shared_ptr<UpdateWatch> NewWatch() {
    auto request = std::make_unique<v1::ListUpdateEventsRequest>();
    request->set_org_name("acme-corp");
    request->set_project_name("payments-api");
    request->set_stack_name("prod");
    request->set_kind("update");
    request->set_update_id("u1");
    CallIdentity identity;
    identity.authorization = "token pul-test-jdoe";
    identity.request_id = "watch-1";
    return std::make_shared<UpdateWatch>(env_, *route_, &hub_, "key", std::move(request),
                                         std::move(identity));
  }

  // The paths of the polls made so far.
  std::vector<std::string> Polls() {
    std::vector<std::string> paths;
    for (const HttpRequest& request : fake_.requests()) paths.push_back(request.path);
    return paths;
  }

  FakeClock clock_;
  const absl::Time t0_ = clock_.Now();
  StrictMock<MockUpstream> inner_;
  FakeInner fake_{&clock_};
  Logger logger_{LogLevel::kError};
  CallEnvironment env_;
  std::unique_ptr<RouteTable> routes_;
  const StreamRoute* route_ = nullptr;
  UpdateWatchHub hub_;
};

TEST_F(UpdateWatchTest, PollsAtOnceAfterNewEventsAndBacksOffExactlyWhileNothingIsNew) {
  EXPECT_CALL(inner_, Send(_, _, _)).WillRepeatedly(fake_.Hold());
  std::shared_ptr<UpdateWatch> watch = NewWatch();
  Reader reader;
  watch->Subscribe(&reader);
  ASSERT_EQ(fake_.sends(), 1) << "the first reader starts the loop";
  EXPECT_EQ(fake_.requests()[0].path, kEventsPath);
  EXPECT_EQ(FindHeader(fake_.requests()[0].headers, "Authorization"), "token pul-test-jdoe");

  // Two events: the next poll goes at once, from the token.
  fake_.Complete(1000, Page(1, 2, "t1"));
  clock_.RunDue();
  ASSERT_EQ(fake_.sends(), 2);
  EXPECT_EQ(fake_.requests()[1].path, absl::StrCat(kEventsPath, "?continuationToken=t1"));
  EXPECT_TRUE(watch->Item(1).has_value());
  EXPECT_FALSE(watch->Item(2).has_value());
  EXPECT_EQ(reader.wakes(), 2) << "one wake on subscribe, one for the events";

  // Nothing new, four times: waits of 1 s, 2 s, 4 s, 4 s (the maximum).
  std::vector<absl::Duration> waits;
  for (int poll = 0; poll < 4; ++poll) {
    const uint64_t id = 1001 + poll;
    const absl::Time answered = clock_.Now();
    fake_.Complete(id, Page(0, 0, "t1"));
    clock_.RunDue();
    ASSERT_EQ(fake_.sends(), 2 + poll) << "polled again without waiting";
    ASSERT_TRUE(clock_.next_due().has_value());
    clock_.AdvanceTo(*clock_.next_due());
    ASSERT_EQ(fake_.sends(), 3 + poll);
    waits.push_back(fake_.sent_at().back() - answered);
  }
  EXPECT_THAT(waits,
              ElementsAre(absl::Seconds(1), absl::Seconds(2), absl::Seconds(4), absl::Seconds(4)));

  // New events reset the wait; no token ends the watch.
  fake_.Complete(1005, Page(3, 1, "t2"));
  clock_.RunDue();
  ASSERT_EQ(fake_.sends(), 7);
  EXPECT_EQ(fake_.sent_at().back(), clock_.Now()) << "at once after new events";
  fake_.Complete(1006, Page(0, 0, "t2"));
  clock_.RunDue();
  clock_.Advance(absl::Seconds(1));
  ASSERT_EQ(fake_.sends(), 8) << "the wait starts from the poll interval again";
  fake_.Complete(1007, Page(4, 1, ""));
  clock_.RunDue();
  ASSERT_TRUE(watch->Ended().has_value());
  EXPECT_TRUE(watch->Ended()->ok());
  EXPECT_TRUE(watch->Item(3).has_value());
  EXPECT_FALSE(watch->Item(4).has_value());
  clock_.Advance(absl::Minutes(1));
  EXPECT_EQ(fake_.sends(), 8) << "an ended watch polls no more";
  EXPECT_EQ(watch->polls(), 8);
  watch->Unsubscribe(&reader);
}

TEST_F(UpdateWatchTest, AnUpstreamErrorEndsTheWatchWithIt) {
  EXPECT_CALL(inner_, Send(_, _, _)).WillRepeatedly(fake_.Hold());
  std::shared_ptr<UpdateWatch> watch = NewWatch();
  Reader reader;
  watch->Subscribe(&reader);
  HttpResponse missing;
  missing.status = 404;
  missing.body = R"({"code":404,"message":"Not Found: update u1"})";
  fake_.Complete(1000, missing);
  clock_.RunDue();
  ASSERT_TRUE(watch->Ended().has_value());
  EXPECT_EQ(watch->Ended()->code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(watch->Ended()->message(), HasSubstr("update u1"));
  clock_.Advance(absl::Minutes(1));
  EXPECT_EQ(fake_.sends(), 1);
  watch->Unsubscribe(&reader);
}

TEST_F(UpdateWatchTest, TheLastReaderLeavingStopsTheWaitingLoop) {
  EXPECT_CALL(inner_, Send(_, _, _)).WillRepeatedly(fake_.Hold());
  std::shared_ptr<UpdateWatch> watch = NewWatch();
  Reader first;
  Reader second;
  watch->Subscribe(&first);
  watch->Subscribe(&second);
  EXPECT_EQ(fake_.sends(), 1) << "one loop for both readers";
  fake_.Complete(1000, Page(0, 0, "t1"));
  clock_.RunDue();
  watch->Unsubscribe(&first);
  clock_.Advance(absl::Seconds(1));
  EXPECT_EQ(fake_.sends(), 2) << "a reader is left: the loop goes on";
  fake_.Complete(1001, Page(0, 0, "t1"));
  clock_.RunDue();
  watch->Unsubscribe(&second);
  EXPECT_EQ(clock_.pending(), 0) << "the wait was cancelled";
  clock_.Advance(absl::Minutes(1));
  EXPECT_EQ(fake_.sends(), 2);
}

TEST_F(UpdateWatchTest, TheLastReaderLeavingCancelsThePollInFlight) {
  EXPECT_CALL(inner_, Send(_, _, _)).WillOnce(fake_.Hold());
  std::shared_ptr<UpdateWatch> watch = NewWatch();
  Reader reader;
  watch->Subscribe(&reader);
  watch->Unsubscribe(&reader);
  clock_.RunDue();
  EXPECT_TRUE(fake_.cancelled(1000));
  clock_.Advance(absl::Minutes(1));
  EXPECT_EQ(fake_.sends(), 1);
}

}  // namespace
}  // namespace pulumi_gateway
