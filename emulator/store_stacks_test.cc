// Store semantics: stack listing, lifecycle, tags, export.
#include <set>

#include "emulator/store_test_util.h"
#include "gmock/gmock.h"

namespace emulator {
namespace {

using ::testing::HasSubstr;

std::vector<std::string> ListAll(Store& store, const Caller& caller, StackListQuery q,
                                 int* pages = nullptr) {
  std::vector<std::string> out;
  int n = 0;
  for (;;) {
    absl::StatusOr<Json> page = store.ListUserStacks(caller, q);
    EXPECT_TRUE(page.ok()) << page.status();
    if (!page.ok()) break;
    ++n;
    for (const Json& s : (*page)["stacks"]) {
      out.push_back(s["orgName"].get<std::string>() + "/" + s["projectName"].get<std::string>() +
                    "/" + s["stackName"].get<std::string>());
    }
    if (!page->contains("continuationToken")) break;
    q.continuation_token = (*page)["continuationToken"];
  }
  if (pages != nullptr) *pages = n;
  return out;
}

TEST_F(StoreTest, ListUserStacksPagesWithoutDuplicatesAndOnlyMemberOrgs) {
  int pages = 0;
  std::vector<std::string> all = ListAll(*store_, jdoe_, {}, &pages);
  EXPECT_EQ(all.size(), 14u);  // 12 acme-corp + 2 globex
  EXPECT_EQ(pages, 2);         // default page size 10
  EXPECT_EQ(std::set<std::string>(all.begin(), all.end()).size(), all.size());
  EXPECT_EQ(ListAll(*store_, rkumar_, {}).size(), 12u);
  EXPECT_EQ(ListAll(*store_, eve_, {}).size(), 2u);
  EXPECT_TRUE(ListAll(*store_, srivera_, {}).empty());
}

TEST_F(StoreTest, ListUserStacksFilters) {
  StackListQuery q;
  q.organization = "acme-corp";
  q.project = "payments-api";
  EXPECT_THAT(ListAll(*store_, jdoe_, q),
              ::testing::ElementsAre("acme-corp/payments-api/dev", "acme-corp/payments-api/prod",
                                     "acme-corp/payments-api/staging"));
  StackListQuery tag;
  tag.tag_name = "env";
  tag.tag_value = "prod";
  EXPECT_EQ(ListAll(*store_, jdoe_, tag).size(), 6u);
  tag.tag_value = "";
  EXPECT_EQ(ListAll(*store_, jdoe_, tag).size(), 14u);
  StackListQuery small;
  small.max_results = 3;
  int pages = 0;
  EXPECT_EQ(ListAll(*store_, jdoe_, small, &pages).size(), 14u);
  EXPECT_EQ(pages, 5);
}

TEST_F(StoreTest, ListUserStacksRejectsBadToken) {
  StackListQuery q;
  q.continuation_token = "not-a-token";
  absl::StatusOr<Json> r = store_->ListUserStacks(jdoe_, q);
  EXPECT_EQ(CodeOf(r), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), "Bad Request: Invalid continuation token");
}

TEST_F(StoreTest, GetStackShapesAndAccess) {
  absl::StatusOr<Json> prod = store_->GetStack(jdoe_, kProd);
  ASSERT_TRUE(prod.ok()) << prod.status();
  EXPECT_EQ((*prod)["version"], 42);
  EXPECT_EQ((*prod)["activeUpdate"], kProd42Id);
  EXPECT_EQ((*prod)["tags"]["pulumi:project"], "payments-api");
  EXPECT_FALSE(prod->contains("currentOperation"));
  absl::StatusOr<Json> staging = store_->GetStack(jdoe_, kStaging);
  ASSERT_TRUE(staging.ok());
  EXPECT_EQ((*staging)["currentOperation"]["kind"], "update");
  EXPECT_EQ((*staging)["currentOperation"]["author"], "tokafor");
  EXPECT_EQ(CodeOf(store_->GetStack(eve_, kProd)), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(CodeOf(store_->GetStack(jdoe_, {"nope", "p", "s"})), absl::StatusCode::kNotFound);
  EXPECT_EQ(CodeOf(store_->GetStack(jdoe_, {"acme-corp", "payments-api", "nope"})),
            absl::StatusCode::kNotFound);
}

TEST_F(StoreTest, CreateStackThenConflict) {
  Json body = {{"stackName", "qa"}, {"tags", {{"env", "qa"}}}, {"teams", {"payments"}}};
  absl::StatusOr<Json> created = store_->CreateStack(rkumar_, "acme-corp", "payments-api", body);
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(*created, (Json{{"messages", Json::array()}}));
  absl::StatusOr<Json> stack = store_->GetStack(rkumar_, {"acme-corp", "payments-api", "qa"});
  ASSERT_TRUE(stack.ok());
  EXPECT_EQ((*stack)["tags"]["env"], "qa");
  EXPECT_EQ((*stack)["version"], 0);
  EXPECT_EQ(store_->GetStackMetadata(rkumar_, {"acme-corp", "payments-api", "qa"})
                ->at("ownedBy")["githubLogin"],
            "rkumar");
  absl::StatusOr<Json> again = store_->CreateStack(rkumar_, "acme-corp", "payments-api", body);
  EXPECT_EQ(CodeOf(again), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(CodeOf(store_->CreateStack(rkumar_, "acme-corp", "p", Json::object())),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(CodeOf(store_->CreateStack(rkumar_, "acme-corp", "p", {{"stackName", "a b"}})),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(CodeOf(store_->CreateStack(eve_, "acme-corp", "p", {{"stackName", "x"}})),
            absl::StatusCode::kPermissionDenied);
  Json audit = *store_->ListAuditLogs(jdoe_, "acme-corp", {true});
  EXPECT_EQ(audit["auditLogEvents"][0]["event"], "stack.create");
  EXPECT_EQ(audit["auditLogEvents"][0]["sourceIP"], "10.0.0.2");
  EXPECT_EQ(audit["auditLogEvents"][0]["user"]["githubLogin"], "rkumar");
}

TEST_F(StoreTest, DeleteNeedsForceWhenResourcesRemain) {
  absl::Status no_force = store_->DeleteStack(jdoe_, kProd, false);
  EXPECT_EQ(no_force.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(no_force.message(), "Bad Request: Stack still contains resources.");
  EXPECT_TRUE(store_->DeleteStack(jdoe_, kProd, true).ok());
  EXPECT_EQ(CodeOf(store_->GetStack(jdoe_, kProd)), absl::StatusCode::kNotFound);
  EXPECT_TRUE(store_->DeleteStack(jdoe_, kDataDev, false).ok());  // empty stack
  EXPECT_EQ(CodeOf(store_->DeleteStack(jdoe_, kStaging, true)), absl::StatusCode::kAborted);
  // Team grants for the deleted stack are gone.
  Json team = *store_->GetTeam(jdoe_, "acme-corp", "payments");
  EXPECT_EQ(team["stacks"].size(), 1u);
}

TEST_F(StoreTest, TagsLifecycle) {
  EXPECT_TRUE(store_->AddStackTag(jdoe_, kProd, {{"name", "owner"}, {"value", "jdoe"}}).ok());
  absl::Status dup = store_->AddStackTag(jdoe_, kProd, {{"name", "owner"}, {"value", "x"}});
  EXPECT_EQ(dup.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(dup.message()), HasSubstr("already exists"));
  EXPECT_EQ(store_->AddStackTag(jdoe_, kProd, {{"name", "pulumi:runtime"}, {"value", "go"}}).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(
      store_->UpdateStackTag(jdoe_, kProd, "owner", {{"name", "owner"}, {"value", "rk"}}).ok());
  EXPECT_EQ((*store_->GetStack(jdoe_, kProd))["tags"]["owner"], "rk");
  EXPECT_EQ(store_->UpdateStackTag(jdoe_, kProd, "missing", {{"value", "v"}}).code(),
            absl::StatusCode::kNotFound);
  EXPECT_TRUE(store_->DeleteStackTag(jdoe_, kProd, "owner").ok());
  EXPECT_EQ(store_->DeleteStackTag(jdoe_, kProd, "owner").code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->DeleteStackTag(jdoe_, kProd, "pulumi:project").code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(store_->ReplaceStackTags(jdoe_, kProd, {{"a", "1"}, {"b", "2"}}).ok());
  EXPECT_EQ((*store_->GetStack(jdoe_, kProd))["tags"],
            (Json{{"a", "1"}, {"b", "2"}, {"pulumi:project", "payments-api"}}));
  EXPECT_EQ(store_->ReplaceStackTags(jdoe_, kProd, {{"pulumi:project", "other"}}).code(),
            absl::StatusCode::kInvalidArgument);
  Json audit = *store_->ListAuditLogs(jdoe_, "acme-corp", {true});
  EXPECT_EQ(audit["auditLogEvents"][0]["event"], "stack.tags.update");
}

TEST_F(StoreTest, ExportCurrentAndByVersion) {
  absl::StatusOr<Json> current = store_->ExportStack(jdoe_, kProd, std::nullopt);
  ASSERT_TRUE(current.ok());
  EXPECT_EQ((*current)["version"], 3);
  EXPECT_EQ((*current)["deployment"]["resources"].size(), 6u);
  absl::StatusOr<Json> v38 = store_->ExportStack(jdoe_, kProd, 38);
  ASSERT_TRUE(v38.ok());
  EXPECT_EQ((*v38)["deployment"]["resources"].size(), 3u);
  EXPECT_EQ(CodeOf(store_->ExportStack(jdoe_, kProd, 37)), absl::StatusCode::kNotFound);
  EXPECT_EQ(CodeOf(store_->ExportStack(jdoe_, kProd, 0)), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ((*store_->GetResourceCount(jdoe_, kProd)),
            (Json{{"resourceCount", 6}, {"version", 42}}));
}

TEST_F(StoreTest, TransferNeedsMembershipOfBothOrgs) {
  EXPECT_EQ(store_->TransferStack(rkumar_, kProd, {{"toOrg", "globex"}}).code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(store_->TransferStack(jdoe_, kProd, {{"toOrg", "nope"}}).code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->TransferStack(jdoe_, kProd, Json::object()).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->TransferStack(jdoe_, kStaging, {{"toOrg", "globex"}}).code(),
            absl::StatusCode::kAborted);
  ASSERT_TRUE(store_->TransferStack(jdoe_, kProd, {{"toOrg", "globex"}}).ok());
  EXPECT_EQ(CodeOf(store_->GetStack(jdoe_, kProd)), absl::StatusCode::kNotFound);
  absl::StatusOr<Json> moved = store_->GetStack(eve_, {"globex", "payments-api", "prod"});
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ((*moved)["orgName"], "globex");
  EXPECT_EQ(store_->ListAuditLogs(jdoe_, "acme-corp", {true})->at("auditLogEvents")[0]["event"],
            "stack.transfer");
}

TEST_F(StoreTest, RenameRecordsAnUpdate) {
  EXPECT_EQ(CodeOf(store_->RenameStack(jdoe_, kProd, Json::object())),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->RenameStack(jdoe_, kProd, {{"newName", "prod"}}).status().message(),
            "Bad Request: No rename to apply.");
  EXPECT_EQ(CodeOf(store_->RenameStack(jdoe_, kProd, {{"newName", "dev"}})),
            absl::StatusCode::kAlreadyExists);
  absl::StatusOr<Json> renamed =
      store_->RenameStack(jdoe_, kProd, {{"newName", "production"}, {"newProject", ""}});
  ASSERT_TRUE(renamed.ok()) << renamed.status();
  StackRef moved{"acme-corp", "payments-api", "production"};
  Json latest = *store_->GetUpdate(jdoe_, moved, std::nullopt);
  EXPECT_EQ(latest["updateID"], (*renamed)["updateId"]);
  EXPECT_EQ(latest["info"]["kind"], "rename");
  EXPECT_EQ(latest["version"], 43);
  Json team = *store_->GetTeam(jdoe_, "acme-corp", "payments");
  EXPECT_EQ(team["stacks"][0]["stackName"], "production");
}

TEST_F(StoreTest, ResetRestoresSeed) {
  ASSERT_TRUE(store_->DeleteStack(jdoe_, kProd, true).ok());
  ASSERT_TRUE(store_->Reset().ok());
  EXPECT_TRUE(store_->GetStack(jdoe_, kProd).ok());
  EXPECT_EQ(store_->Reset(Json{{"users", 5}}).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(store_->GetStack(jdoe_, kProd).ok());  // failed reset changed nothing
  ASSERT_TRUE(store_->Reset(Json::object()).ok());
  EXPECT_EQ(CodeOf(store_->Authenticate("pul-demo-jdoe-7f3a9c2e41b85d60f1e2a3b4c5d6e7f8")),
            absl::StatusCode::kUnauthenticated);
}

}  // namespace
}  // namespace emulator
