// Store semantics: update history, status, engine events, live updates, cancel.
#include <string>

#include "emulator/store_test_util.h"
#include "gmock/gmock.h"

namespace emulator {
namespace {

// Drains the events of an update, following continuation tokens while the token is non-null and
// the page is not empty. Returns every event and the number of calls.
std::vector<Json> DrainEvents(Store& store, const Caller& c, const StackRef& ref,
                              const std::string& id, EventsQuery q, Json* last = nullptr) {
  std::vector<Json> out;
  for (int i = 0; i < 100; ++i) {
    absl::StatusOr<Json> page = store.GetEngineEvents(c, ref, "update", id, q);
    EXPECT_TRUE(page.ok()) << page.status();
    if (!page.ok()) break;
    for (const Json& e : (*page)["events"]) out.push_back(e);
    if (last != nullptr) *last = *page;
    if ((*page)["continuationToken"].is_null() || (*page)["events"].empty()) break;
    q.continuation_token = (*page)["continuationToken"];
  }
  return out;
}

TEST_F(StoreTest, ListUpdatesLegacyAndServiceFormats) {
  absl::StatusOr<Json> all = store_->ListUpdates(jdoe_, kProd, {});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ((*all)["updates"].size(), 5u);
  EXPECT_FALSE(all->contains("total"));
  EXPECT_EQ((*all)["updates"][0]["version"], 42);  // newest first
  EXPECT_EQ((*all)["updates"][0]["result"], "succeeded");
  EXPECT_EQ((*all)["updates"][0]["resourceCount"], 37);
  EXPECT_FALSE((*all)["updates"][0].contains("updateID"));

  UpdateListQuery q{2, 2, true};
  absl::StatusOr<Json> page = store_->ListUpdates(jdoe_, kProd, q);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ((*page)["itemsPerPage"], 2);
  EXPECT_EQ((*page)["total"], 5);
  ASSERT_EQ((*page)["updates"].size(), 2u);
  EXPECT_EQ((*page)["updates"][0]["version"], 40);
  EXPECT_EQ((*page)["updates"][0]["info"]["version"], 40);
  EXPECT_EQ((*page)["updates"][0]["latestVersion"], 42);
  EXPECT_EQ((*page)["updates"][0]["requestedBy"]["githubLogin"], "acme-ci");
  EXPECT_EQ((*store_->ListUpdates(jdoe_, kProd, {3, 2, true}))["updates"].size(), 1u);
  EXPECT_TRUE((*store_->ListUpdates(jdoe_, kProd, {4, 2, true}))["updates"].empty());
  EXPECT_EQ(CodeOf(store_->ListUpdates(jdoe_, kProd, {-1, 2, false})),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(StoreTest, GetUpdateLatestAndByVersion) {
  absl::StatusOr<Json> latest = store_->GetUpdate(jdoe_, kProd, std::nullopt);
  ASSERT_TRUE(latest.ok());
  EXPECT_EQ((*latest)["updateID"], kProd42Id);
  EXPECT_EQ((*latest)["githubCommitInfo"]["sha"], "9c1f0e7d2b3a4c5d6e7f8a9b0c1d2e3f4a5b6c7d");
  EXPECT_EQ((*latest)["policyPacks"][0]["name"], "aws-guardrails");
  EXPECT_EQ((*store_->GetUpdate(jdoe_, kProd, 39))["version"], 39);
  EXPECT_EQ(CodeOf(store_->GetUpdate(jdoe_, kProd, 7)), absl::StatusCode::kNotFound);
  EXPECT_EQ(CodeOf(store_->GetUpdate(jdoe_, kDataDev, std::nullopt)), absl::StatusCode::kNotFound);
}

TEST_F(StoreTest, FinishedUpdateEventsPageToNullToken) {
  EventsQuery q;
  Json last;
  std::vector<Json> events = DrainEvents(*store_, jdoe_, kProd, kProd42Id, q, &last);
  EXPECT_EQ(events.size(), 9u);
  EXPECT_TRUE(last["continuationToken"].is_null());
  EXPECT_EQ(events.front()["type"], "preludeEvent");
  q.types = {"diagnosticEvent", "policyEvent"};
  EXPECT_EQ(DrainEvents(*store_, jdoe_, kProd, kProd42Id, q).size(), 2u);
  q.types.clear();
  q.urn = "urn:pulumi:prod::payments-api::aws:s3/bucket:Bucket::ledger";
  EXPECT_EQ(DrainEvents(*store_, jdoe_, kProd, kProd42Id, q).size(), 4u);
  q = EventsQuery{};
  q.continuation_token = "999";
  EXPECT_EQ(CodeOf(store_->GetEngineEvents(jdoe_, kProd, "update", kProd42Id, q)),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(CodeOf(store_->GetEngineEvents(jdoe_, kProd, "preview", kProd42Id, {})),
            absl::StatusCode::kNotFound);
}

TEST_F(StoreTest, LiveUpdateEmitsOverTimeAndKeepsTokenUntilFinished) {
  EventsQuery q;
  absl::StatusOr<Json> first = store_->GetEngineEvents(jdoe_, kStaging, "update", kRunningId, q);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ((*first)["events"].size(), 1u);  // the seeded one
  EXPECT_EQ((*first)["continuationToken"], "1");
  q.continuation_token = "1";
  absl::StatusOr<Json> idle = store_->GetEngineEvents(jdoe_, kStaging, "update", kRunningId, q);
  EXPECT_TRUE((*idle)["events"].empty());
  EXPECT_EQ((*idle)["continuationToken"], "1");  // same token repeats while running
  Advance(absl::Milliseconds(2500));
  absl::StatusOr<Json> two = store_->GetEngineEvents(jdoe_, kStaging, "update", kRunningId, q);
  EXPECT_EQ((*two)["events"].size(), 2u);
  EXPECT_EQ((*two)["continuationToken"], "3");
  EXPECT_EQ((*store_->GetUpdateStatus(jdoe_, kStaging, "update", kRunningId, ""))["status"],
            "running");
  Advance(absl::Seconds(30));
  q.continuation_token = "3";
  absl::StatusOr<Json> rest = store_->GetEngineEvents(jdoe_, kStaging, "update", kRunningId, q);
  EXPECT_EQ((*rest)["events"].size(), 28u);
  EXPECT_TRUE((*rest)["continuationToken"].is_null());
  EXPECT_EQ((*rest)["events"].back()["type"], "summaryEvent");
  absl::StatusOr<Json> status = store_->GetUpdateStatus(jdoe_, kStaging, "update", kRunningId, "");
  EXPECT_EQ((*status)["status"], "succeeded");
  EXPECT_FALSE(status->contains("continuationToken"));
  EXPECT_EQ((*status)["events"].size(), 31u);  // legacy lines: seeded + one per live event
  EXPECT_FALSE(store_->GetStack(jdoe_, kStaging)->contains("currentOperation"));
}

TEST_F(StoreTest, UpdateStatusTokenWhileRunning) {
  Advance(absl::Seconds(2));
  absl::StatusOr<Json> s = store_->GetUpdateStatus(jdoe_, kStaging, "update", kRunningId, "");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ((*s)["status"], "running");
  EXPECT_EQ((*s)["events"].size(), 3u);
  EXPECT_EQ((*s)["continuationToken"], "3");
  EXPECT_TRUE(
      (*store_->GetUpdateStatus(jdoe_, kStaging, "update", kRunningId, "3"))["events"].empty());
  EXPECT_EQ(CodeOf(store_->GetUpdateStatus(jdoe_, kStaging, "update", kRunningId, "x")),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(StoreTest, CancelRunningUpdateOnly) {
  EXPECT_EQ(store_->CancelUpdate(jdoe_, kProd, "update", kProd42Id).code(),
            absl::StatusCode::kAborted);
  ASSERT_TRUE(store_->CancelUpdate(jdoe_, kStaging, "update", kRunningId).ok());
  Json status = *store_->GetUpdateStatus(jdoe_, kStaging, "update", kRunningId, "");
  EXPECT_EQ(status["status"], "cancelled");
  Json events = *store_->GetEngineEvents(jdoe_, kStaging, "update", kRunningId, {});
  EXPECT_EQ(events["events"].back()["type"], "cancelEvent");
  EXPECT_TRUE(events["continuationToken"].is_null());
  EXPECT_EQ((*store_->GetUpdate(jdoe_, kStaging, 19))["info"]["result"], "failed");
  EXPECT_EQ(store_->CancelUpdate(jdoe_, kStaging, "update", kRunningId).code(),
            absl::StatusCode::kAborted);
  EXPECT_EQ(store_->CancelUpdate(jdoe_, kStaging, "update", "nope").code(),
            absl::StatusCode::kNotFound);
}

TEST_F(StoreTest, StartLiveUpdateOnIdleStack) {
  LiveUpdateSpec spec;
  spec.interval = absl::Milliseconds(10);
  spec.event_count = 5;
  spec.final_status = "failed";
  absl::StatusOr<Json> started = store_->StartLiveUpdate(kProd, spec);
  ASSERT_TRUE(started.ok()) << started.status();
  EXPECT_EQ((*started)["version"], 43);
  EXPECT_EQ(CodeOf(store_->StartLiveUpdate(kProd, spec)), absl::StatusCode::kAborted);
  std::string id = (*started)["updateID"];
  EXPECT_EQ((*store_->GetStack(jdoe_, kProd))["activeUpdate"], id);
  Advance(absl::Milliseconds(50));
  Json last;
  std::vector<Json> events = DrainEvents(*store_, jdoe_, kProd, id, {}, &last);
  EXPECT_EQ(events.size(), 5u);
  EXPECT_EQ(events.back()["summaryEvent"]["result"], "failed");
  EXPECT_EQ((*store_->GetUpdate(jdoe_, kProd, 43))["info"]["result"], "failed");
  EXPECT_EQ(CodeOf(store_->StartLiveUpdate({"acme-corp", "x", "y"}, spec)),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace emulator
