// End-to-end: the update RPCs through the real gateway against the real emulator (both in-process):
// a stack's history in both list formats and page by page, single updates, status polling,
// engine events followed to the end (a finished update, the running staging update, a long one
// across pages), cancellation, and the update-kind check that never reaches the upstream.
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/e2e/e2e_stacks.h"
#include "tests/e2e/e2e_test_base.h"

namespace pulumi_gateway::e2e {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::Pair;
using ::testing::SizeIs;
using Code = ::grpc::StatusCode;

class StackUpdatesTest : public E2eTest {};

TEST_F(StackUpdatesTest, FollowsTheRunningStagingUpdateToTheEnd) {
  Caller jdoe = As(kJdoeToken);
  // The seeded v19 emits one event per second; replay the same seed at 100 ms per event so the
  // 30 live events arrive in ~3 s instead of ~30 s.
  absl::StatusOr<nlohmann::json> seed = EmulatorAdmin::DemoSeed();
  ASSERT_TRUE(seed.ok()) << seed.status();
  bool found = false;
  for (nlohmann::json& stack : (*seed)["stacks"]) {
    for (nlohmann::json& update : stack["updates"]) {
      if (update.value("updateID", "") == kStagingV19Id) {
        update["live"]["intervalMs"] = 100;
        found = true;
      }
    }
  }
  ASSERT_TRUE(found);
  ASSERT_TRUE(admin().ResetWithSeed(*seed).ok());

  Result<v1::GetStackResponse> running =
      jdoe(&Stacks::GetStack, ForStack<v1::GetStackRequest>(kStaging));
  ASSERT_THAT(running.status, IsOk());
  EXPECT_EQ(running.response.stack().active_update(), kStagingV19Id);
  EXPECT_EQ(running.response.stack().current_operation().kind(), "update");
  EXPECT_EQ(running.response.stack().current_operation().author(), "tokafor");
  Result<v1::GetUpdateStatusResponse> status =
      jdoe(&Updates::GetUpdateStatus,
           ForUpdate<v1::GetUpdateStatusRequest>(kStaging, "update", kStagingV19Id));
  ASSERT_THAT(status.status, IsOk());
  EXPECT_EQ(status.response.status(), "running");
  EXPECT_THAT(status.response.continuation_token(), Not(IsEmpty()));

  // While it runs, rename, transfer and delete are refused and change nothing.
  auto rename = ForStack<v1::RenameStackRequest>(kStaging);
  rename.set_new_name("staging-2");
  EXPECT_THAT(jdoe(&Stacks::RenameStack, rename).status,
              StatusIs(Code::ABORTED, "Conflict: Another update is currently in progress."));
  auto transfer = ForStack<v1::TransferStackRequest>(kStaging);
  transfer.mutable_transfer()->set_to_org("globex");
  EXPECT_THAT(jdoe(&Stacks::TransferStack, transfer).status,
              StatusIs(Code::ABORTED, "Another update is currently in progress"));
  auto remove = ForStack<v1::DeleteStackRequest>(kStaging);
  remove.set_force(true);
  EXPECT_THAT(jdoe(&Stacks::DeleteStack, remove).status,
              StatusIs(Code::ABORTED, "Another update is currently in progress"));
  EXPECT_THAT(jdoe(&Stacks::GetStack, ForStack<v1::GetStackRequest>(kStaging)).status, IsOk());

  // Poll the events the way a dashboard would until the token comes back empty.
  auto request = ForUpdate<v1::ListUpdateEventsRequest>(kStaging, "update", kStagingV19Id);
  std::vector<v1::EngineEvent> followed;
  int repeated_tokens = 0;
  bool finished = false;
  const absl::Time give_up = absl::Now() + absl::Seconds(20);
  while (absl::Now() < give_up) {
    Result<v1::ListUpdateEventsResponse> page = jdoe(&Updates::ListUpdateEvents, request);
    ASSERT_THAT(page.status, IsOk());
    followed.insert(followed.end(), page.response.events().begin(), page.response.events().end());
    if (page.response.continuation_token().empty()) {
      finished = true;
      break;
    }
    if (page.response.continuation_token() == request.continuation_token()) ++repeated_tokens;
    request.set_continuation_token(page.response.continuation_token());
    if (page.response.events().empty()) absl::SleepFor(absl::Milliseconds(50));
  }
  ASSERT_TRUE(finished) << "the update did not finish within 20 s";
  EXPECT_GT(repeated_tokens, 0) << "the update was followed while it was still running";
  // The seeded first event, then the 30 live ones ending with the summary.
  ASSERT_THAT(followed, SizeIs(31));
  EXPECT_EQ(followed.front().type(), "stdoutEvent");
  EXPECT_EQ(followed.back().type(), "summaryEvent");
  EXPECT_EQ(followed.back().summary_event().fields().at("result").string_value(), "succeeded");
  for (size_t i = 1; i < followed.size(); ++i) {
    EXPECT_LE(followed[i - 1].timestamp(), followed[i].timestamp()) << "event " << i;
  }
  ExpectSameEvents(followed, AllEventsAtOnce(jdoe, kStaging, kStagingV19Id));

  Result<v1::GetUpdateStatusResponse> done =
      jdoe(&Updates::GetUpdateStatus,
           ForUpdate<v1::GetUpdateStatusRequest>(kStaging, "update", kStagingV19Id));
  ASSERT_THAT(done.status, IsOk());
  EXPECT_EQ(done.response.status(), "succeeded");
  EXPECT_EQ(done.response.continuation_token(), "");
  EXPECT_THAT(done.response.events(), SizeIs(31)) << "one legacy log line per engine event";
  auto tail = ForUpdate<v1::GetUpdateStatusRequest>(kStaging, "update", kStagingV19Id);
  tail.set_continuation_token("29");
  Result<v1::GetUpdateStatusResponse> last_two = jdoe(&Updates::GetUpdateStatus, tail);
  ASSERT_THAT(last_two.status, IsOk());
  ASSERT_THAT(last_two.response.events(), SizeIs(2));
  EXPECT_EQ(last_two.response.events(1).index(), "30");
  EXPECT_EQ(last_two.response.events(1).kind(), "stdout");
  Result<v1::GetStackResponse> idle =
      jdoe(&Stacks::GetStack, ForStack<v1::GetStackRequest>(kStaging));
  EXPECT_FALSE(idle.response.stack().has_current_operation());
  Result<v1::GetLatestUpdateResponse> latest =
      jdoe(&Updates::GetLatestUpdate, ForStack<v1::GetLatestUpdateRequest>(kStaging));
  EXPECT_EQ(latest.response.update().version(), 19);
  EXPECT_EQ(latest.response.update().info().result(), "succeeded");
  EXPECT_GT(latest.response.update().info().end_time(), 0);
}

TEST_F(StackUpdatesTest, CancelsARunningUpdateOnce) {
  Caller jdoe = As(kJdoeToken);
  absl::StatusOr<nlohmann::json> live = admin().StartLiveUpdate({{"org", kPaymentsDev.org},
                                                                 {"project", kPaymentsDev.project},
                                                                 {"stack", kPaymentsDev.stack},
                                                                 {"intervalMs", 60000},
                                                                 {"eventCount", 5}});
  ASSERT_TRUE(live.ok()) << live.status();
  const std::string update_id = (*live)["updateID"].get<std::string>();
  auto cancel = ForUpdate<v1::CancelUpdateRequest>(kPaymentsDev, "update", update_id);

  ASSERT_THAT(jdoe(&Updates::CancelUpdate, cancel).status, IsOk());
  Result<v1::GetUpdateStatusResponse> status =
      jdoe(&Updates::GetUpdateStatus,
           ForUpdate<v1::GetUpdateStatusRequest>(kPaymentsDev, "update", update_id));
  EXPECT_EQ(status.response.status(), "cancelled");
  EXPECT_EQ(status.response.continuation_token(), "");
  std::vector<v1::EngineEvent> events = AllEventsAtOnce(jdoe, kPaymentsDev, update_id);
  ASSERT_THAT(events, SizeIs(1));
  EXPECT_EQ(events.back().type(), "cancelEvent");
  EXPECT_TRUE(events.back().has_cancel_event());
  Result<v1::GetLatestUpdateResponse> latest =
      jdoe(&Updates::GetLatestUpdate, ForStack<v1::GetLatestUpdateRequest>(kPaymentsDev));
  EXPECT_EQ(latest.response.update().update_id(), update_id);
  EXPECT_EQ(latest.response.update().info().result(), "failed");

  EXPECT_THAT(jdoe(&Updates::CancelUpdate, cancel).status,
              StatusIs(Code::ABORTED, "is not running (cancelled)"));
  EXPECT_THAT(
      jdoe(&Updates::CancelUpdate, ForUpdate<v1::CancelUpdateRequest>(kProd, "update", kV42Id))
          .status,
      StatusIs(Code::ABORTED, "is not running (succeeded)"));
  EXPECT_THAT(jdoe(&Updates::CancelUpdate,
                   ForUpdate<v1::CancelUpdateRequest>(kPaymentsDev, "preview", update_id))
                  .status,
              StatusIs(Code::NOT_FOUND, "of kind 'preview' not found"));
  EXPECT_THAT(AuditEventsSinceStart(jdoe, "acme-corp"), ElementsAre("stack.update.cancel"));
}

TEST_F(StackUpdatesTest, ReadsProdHistoryInBothFormatsPageByPage) {
  Caller jdoe = As(kJdoeToken);
  Result<v1::ListUpdatesResponse> legacy =
      jdoe(&Updates::ListUpdates, ForStack<v1::ListUpdatesRequest>(kProd));
  ASSERT_THAT(legacy.status, IsOk());
  std::vector<int64_t> versions;
  for (const v1::StackUpdate& u : legacy.response.updates()) versions.push_back(u.version());
  EXPECT_THAT(versions, ElementsAre(42, 41, 40, 39, 38));
  const v1::StackUpdate& newest = legacy.response.updates(0);
  EXPECT_EQ(newest.message(), "Rotate ledger KMS key (#214)");
  EXPECT_EQ(newest.result(), "succeeded");
  EXPECT_EQ(newest.resource_count(), 37);
  EXPECT_THAT(newest.resource_changes(), Contains(Pair("create", 1)));
  EXPECT_EQ(newest.config().at("aws:region").value(), "us-west-2");
  EXPECT_TRUE(newest.config().at("payments-api:dbPassword").secret());
  EXPECT_EQ(legacy.response.total(), 0) << "the legacy format has no total";

  auto legacy_page = ForStack<v1::ListUpdatesRequest>(kProd);
  legacy_page.set_page(2);
  legacy_page.set_page_size(2);
  Result<v1::ListUpdatesResponse> second = jdoe(&Updates::ListUpdates, legacy_page);
  ASSERT_THAT(second.status, IsOk());
  ASSERT_THAT(second.response.updates(), SizeIs(2));
  EXPECT_EQ(second.response.updates(0).version(), 40);
  EXPECT_EQ(second.response.updates(1).version(), 39);

  // Service format, two per page, until page * page_size >= total.
  auto request = ForStack<v1::ListUpdatesRequest>(kProd);
  request.set_output_type("service");
  request.set_page_size(2);
  std::vector<int64_t> paged;
  std::vector<std::string> ids;
  for (int64_t page = 1;; ++page) {
    request.set_page(page);
    Result<v1::ListUpdatesResponse> got = jdoe(&Updates::ListUpdates, request);
    ASSERT_THAT(got.status, IsOk());
    EXPECT_EQ(got.response.items_per_page(), 2);
    EXPECT_EQ(got.response.total(), 5);
    for (const v1::StackUpdate& u : got.response.updates()) {
      paged.push_back(u.version());
      ids.push_back(u.update_id());
      EXPECT_EQ(u.info().version(), u.version());
      EXPECT_EQ(u.latest_version(), 42);
    }
    if (page * 2 >= got.response.total() || page > 5) break;
  }
  EXPECT_THAT(paged, ElementsAre(42, 41, 40, 39, 38));
  EXPECT_EQ(ids[0], kV42Id);
  EXPECT_EQ(ids[1], kV41Id);

  auto unpaged = ForStack<v1::ListUpdatesRequest>(kProd);
  unpaged.set_output_type("service");
  unpaged.set_page(0);  // explicitly "every update"
  unpaged.set_page_size(2);
  Result<v1::ListUpdatesResponse> all = jdoe(&Updates::ListUpdates, unpaged);
  ASSERT_THAT(all.status, IsOk());
  EXPECT_THAT(all.response.updates(), SizeIs(5));
  EXPECT_EQ(all.response.items_per_page(), 5);
  EXPECT_EQ(all.response.total(), 5);

  request.set_page(-1);
  EXPECT_THAT(jdoe(&Updates::ListUpdates, request).status,
              StatusIs(Code::INVALID_ARGUMENT, "Bad Request: invalid page or pageSize"));
  EXPECT_THAT(jdoe(&Updates::ListUpdates, ForStack<v1::ListUpdatesRequest>(kMissing)).status,
              StatusIs(Code::NOT_FOUND, "Stack 'acme-corp/payments-api/no-such-stack' not found"));

  Result<v1::GetLatestUpdateResponse> latest =
      jdoe(&Updates::GetLatestUpdate, ForStack<v1::GetLatestUpdateRequest>(kProd));
  ASSERT_THAT(latest.status, IsOk());
  const v1::StackUpdate& v42 = latest.response.update();
  EXPECT_EQ(v42.update_id(), kV42Id);
  EXPECT_EQ(v42.version(), 42);
  EXPECT_EQ(v42.info().message(), "Rotate ledger KMS key (#214)");
  EXPECT_EQ(v42.github_commit_info().sha(), "9c1f0e7d2b3a4c5d6e7f8a9b0c1d2e3f4a5b6c7d");
  EXPECT_EQ(v42.github_commit_info().author().github_login(), "jdoe");
  EXPECT_THAT(v42.policy_packs(), Not(IsEmpty()));
  EXPECT_EQ(v42.policy_packs(0).name(), "aws-guardrails");
  EXPECT_EQ(v42.requested_by().github_login(), "jdoe");
  EXPECT_EQ(v42.requested_by_token(), "ci-deploy-token");
  EXPECT_THAT(
      jdoe(&Updates::GetLatestUpdate, ForStack<v1::GetLatestUpdateRequest>(kEmptyDev)).status,
      StatusIs(Code::NOT_FOUND, "Stack 'acme-corp/data-pipeline/dev' has no updates."));

  Result<v1::GetUpdateResponse> v41 = jdoe(&Updates::GetUpdate, UpdateVersion(kProd, 41));
  ASSERT_THAT(v41.status, IsOk());
  EXPECT_EQ(v41.response.update().update_id(), kV41Id);
  EXPECT_EQ(v41.response.update().info().version(), 41);
  EXPECT_THAT(jdoe(&Updates::GetUpdate, UpdateVersion(kProd, 7)).status,
              StatusIs(Code::NOT_FOUND, "Update version 7 of stack 'acme-corp/payments-api/prod'"));
}

TEST_F(StackUpdatesTest, ReadsTheEventsOfAFinishedUpdate) {
  Caller jdoe = As(kJdoeToken);
  Result<v1::GetUpdateStatusResponse> status = jdoe(
      &Updates::GetUpdateStatus, ForUpdate<v1::GetUpdateStatusRequest>(kProd, "update", kV42Id));
  ASSERT_THAT(status.status, IsOk());
  EXPECT_EQ(status.response.status(), "succeeded");
  EXPECT_EQ(status.response.continuation_token(), "");
  EXPECT_THAT(
      jdoe(&Updates::GetUpdateStatus, ForUpdate<v1::GetUpdateStatusRequest>(
                                          kProd, "update", "00000000-0000-4000-8000-000000000000"))
          .status,
      StatusIs(Code::NOT_FOUND, "Update '00000000-0000-4000-8000-000000000000' of kind 'update'"));

  // Followed with the client's pager: every event once, in sequence order.
  std::vector<v1::EngineEvent> followed;
  absl::Status follow = jdoe.client().ForEachUpdateEvent(
      ForUpdate<v1::ListUpdateEventsRequest>(kProd, "update", kV42Id),
      [&](const v1::EngineEvent& e) {
        followed.push_back(e);
        return followed.size() < 100;
      });
  ASSERT_TRUE(follow.ok()) << follow;
  EXPECT_THAT(Types(followed), ElementsAre("preludeEvent", "progressEvent", "resourcePreEvent",
                                           "diagnosticEvent", "policyEvent", "resOutputsEvent",
                                           "stdoutEvent", "summaryEvent", "cancelEvent"));
  EXPECT_TRUE(followed[3].has_diagnostic_event());
  EXPECT_TRUE(followed[4].has_policy_event());
  ExpectSameEvents(followed, AllEventsAtOnce(jdoe, kProd, kV42Id));

  // Resuming from a token in the middle gives exactly the rest.
  auto resume = ForUpdate<v1::ListUpdateEventsRequest>(kProd, "update", kV42Id);
  resume.set_continuation_token("5");
  Result<v1::ListUpdateEventsResponse> rest = jdoe(&Updates::ListUpdateEvents, resume);
  ASSERT_THAT(rest.status, IsOk());
  EXPECT_THAT(Types({rest.response.events().begin(), rest.response.events().end()}),
              ElementsAre("resOutputsEvent", "stdoutEvent", "summaryEvent", "cancelEvent"));

  auto only_diagnostics = ForUpdate<v1::ListUpdateEventsRequest>(kProd, "update", kV42Id);
  only_diagnostics.add_types("diagnosticEvent");
  only_diagnostics.set_include_non_activated(true);
  Result<v1::ListUpdateEventsResponse> diagnostics =
      jdoe(&Updates::ListUpdateEvents, only_diagnostics);
  ASSERT_THAT(diagnostics.status, IsOk());
  EXPECT_THAT(Types({diagnostics.response.events().begin(), diagnostics.response.events().end()}),
              ElementsAre("diagnosticEvent"));

  resume.set_continuation_token("not-a-position");
  EXPECT_THAT(jdoe(&Updates::ListUpdateEvents, resume).status,
              StatusIs(Code::INVALID_ARGUMENT, "Bad Request: Invalid continuation token"));
}

TEST_F(StackUpdatesTest, UpdateKindOutsideTheListNeverReachesTheEmulator) {
  Caller jdoe = As(kJdoeToken);
  EXPECT_THAT(jdoe(&Updates::ListUpdateEvents,
                   ForUpdate<v1::ListUpdateEventsRequest>(kProd, "import", kV42Id))
                  .status,
              StatusIs(Code::INVALID_ARGUMENT, "kind"));
  EXPECT_THAT(
      jdoe(&Updates::GetUpdateStatus, ForUpdate<v1::GetUpdateStatusRequest>(kProd, "../..", kV42Id))
          .status,
      StatusIs(Code::INVALID_ARGUMENT, "kind"));
  EXPECT_THAT(
      jdoe(&Updates::CancelUpdate, ForUpdate<v1::CancelUpdateRequest>(kProd, "", kV42Id)).status,
      StatusIs(Code::INVALID_ARGUMENT, "kind"));
  EXPECT_THAT(
      jdoe(&Stacks::GetStack, ForStack<v1::GetStackRequest>({"acme-corp", "payments-api", ""}))
          .status,
      StatusIs(Code::INVALID_ARGUMENT, "field \"stackName\" is required"));
  absl::StatusOr<int64_t> upstream = admin().RequestCount();
  ASSERT_TRUE(upstream.ok()) << upstream.status();
  EXPECT_EQ(*upstream, 0);
}

TEST_F(StackUpdatesTest, FollowsALongUpdateAcrossEventPages) {
  Caller jdoe = As(kJdoeToken);
  // 250 events, all due at once: three pages of at most 100.
  absl::StatusOr<nlohmann::json> live = admin().StartLiveUpdate({{"org", kPaymentsDev.org},
                                                                 {"project", kPaymentsDev.project},
                                                                 {"stack", kPaymentsDev.stack},
                                                                 {"intervalMs", 0},
                                                                 {"eventCount", 250}});
  ASSERT_TRUE(live.ok()) << live.status();
  const std::string update_id = (*live)["updateID"].get<std::string>();
  auto request = ForUpdate<v1::ListUpdateEventsRequest>(kPaymentsDev, "update", update_id);

  std::vector<int> page_sizes;
  std::vector<v1::EngineEvent> paged;
  for (int page = 0; page < 10; ++page) {
    Result<v1::ListUpdateEventsResponse> got = jdoe(&Updates::ListUpdateEvents, request);
    ASSERT_THAT(got.status, IsOk());
    page_sizes.push_back(got.response.events_size());
    paged.insert(paged.end(), got.response.events().begin(), got.response.events().end());
    if (got.response.continuation_token().empty()) break;
    request.set_continuation_token(got.response.continuation_token());
  }
  EXPECT_THAT(page_sizes, ElementsAre(100, 100, 50));
  std::vector<v1::EngineEvent> followed;
  absl::Status follow = jdoe.client().ForEachUpdateEvent(
      ForUpdate<v1::ListUpdateEventsRequest>(kPaymentsDev, "update", update_id),
      [&](const v1::EngineEvent& e) {
        followed.push_back(e);
        return followed.size() < 1000;
      });
  ASSERT_TRUE(follow.ok()) << follow;
  ExpectSameEvents(followed, paged);
  EXPECT_EQ(followed.back().type(), "summaryEvent");

  // Filters: one resource's events by URN; two event types (a repeated query key).
  auto one_pet = ForUpdate<v1::ListUpdateEventsRequest>(kPaymentsDev, "update", update_id);
  one_pet.set_urn("urn:pulumi:dev::payments-api::random:index/randomPet:RandomPet::pet-3");
  Result<v1::ListUpdateEventsResponse> pet = jdoe(&Updates::ListUpdateEvents, one_pet);
  ASSERT_THAT(pet.status, IsOk());
  EXPECT_THAT(Types({pet.response.events().begin(), pet.response.events().end()}),
              ElementsAre("resourcePreEvent", "diagnosticEvent", "resOutputsEvent"));
  auto steps = ForUpdate<v1::ListUpdateEventsRequest>(kPaymentsDev, "update", update_id);
  steps.add_types("resourcePreEvent");
  steps.add_types("resOutputsEvent");
  int step_events = 0;
  follow = jdoe.client().ForEachUpdateEvent(steps, [&](const v1::EngineEvent& e) {
    EXPECT_TRUE(e.type() == "resourcePreEvent" || e.type() == "resOutputsEvent") << e.type();
    return ++step_events < 1000;
  });
  ASSERT_TRUE(follow.ok()) << follow;
  EXPECT_EQ(step_events, 83 + 82);
}

}  // namespace
}  // namespace pulumi_gateway::e2e
