// End-to-end: the stack RPCs through the real gateway against the real emulator (both in-process).
// One test reads like a user's day with a new stack (create, tag, find by tag, run an update and
// follow its events to the end, read the history, export state at a version, rename, transfer,
// delete); the others cover each stack RPC's other success and error paths on the demo data.
// The update RPCs' own paths are in stack_updates_test.cc.
#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "tests/e2e/e2e_stacks.h"
#include "tests/e2e/e2e_test_base.h"

namespace pulumi_gateway::e2e {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::Pair;
using ::testing::SizeIs;
using ::testing::UnorderedElementsAre;
using ::testing::UnorderedElementsAreArray;
using Code = ::grpc::StatusCode;

// A checkpoint with two resources, the initial state of the stack the user's day creates.
constexpr char kTwoResourceState[] = R"json({
  "version": 3,
  "deployment": {
    "manifest": {"time": "2025-08-01T10:00:00Z", "magic": "", "version": "v3.180.0"},
    "resources": [
      {"urn": "urn:pulumi:dev::billing-e2e::pulumi:pulumi:Stack::billing-e2e-dev",
       "type": "pulumi:pulumi:Stack", "custom": false},
      {"urn": "urn:pulumi:dev::billing-e2e::aws:s3/bucket:Bucket::invoices",
       "type": "aws:s3/bucket:Bucket", "custom": true, "id": "invoices-4f2a"}
    ]
  }
})json";

class StackLifecycleTest : public E2eTest {};

// The payments team's stack permissions, "project/stack" → permission.
std::map<std::string, int64_t> PaymentsTeamStacks(Caller& caller) {
  v1::GetTeamRequest request;
  request.set_org_name("acme-corp");
  request.set_team_name("payments");
  Result<v1::GetTeamResponse> got = caller(&Orgs::GetTeam, request);
  EXPECT_THAT(got.status, IsOk());
  std::map<std::string, int64_t> stacks;
  for (const v1::TeamStackPermission& p : got.response.team().stacks()) {
    stacks[p.project_name() + "/" + p.stack_name()] = p.permission();
  }
  return stacks;
}

struct TcpSocket {
  int local_port = 0;
  int peer_port = 0;
  bool no_delay = false;
};

// The connected TCP sockets (IPv4 and IPv6) this process holds open, from /proc/self/fd.
std::vector<TcpSocket> ConnectedTcpSockets() {
  std::vector<TcpSocket> sockets;
  DIR* dir = opendir("/proc/self/fd");
  if (dir == nullptr) {
    ADD_FAILURE() << "cannot list /proc/self/fd";
    return sockets;
  }
  while (const dirent* entry = readdir(dir)) {
    int fd;
    struct stat info;
    if (!absl::SimpleAtoi(entry->d_name, &fd) || fstat(fd, &info) != 0 || !S_ISSOCK(info.st_mode)) {
      continue;
    }
    int type = 0;
    socklen_t length = sizeof(type);
    if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &length) != 0 || type != SOCK_STREAM) continue;
    sockaddr_storage local{};
    sockaddr_storage peer{};
    socklen_t local_length = sizeof(local);
    socklen_t peer_length = sizeof(peer);
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_length) != 0 ||
        getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_length) != 0 ||
        (local.ss_family != AF_INET && local.ss_family != AF_INET6)) {
      continue;
    }
    auto port = [](const sockaddr_storage& address) {
      return ntohs(address.ss_family == AF_INET
                       ? reinterpret_cast<const sockaddr_in&>(address).sin_port
                       : reinterpret_cast<const sockaddr_in6&>(address).sin6_port);
    };
    int no_delay = 0;
    length = sizeof(no_delay);
    if (getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &no_delay, &length) != 0) continue;
    sockets.push_back({port(local), port(peer), no_delay != 0});
  }
  closedir(dir);
  return sockets;
}

TEST_F(StackLifecycleTest, UsersDayWithANewStack) {
  Caller jdoe = As(kJdoeToken);
  const StackRef billing{"acme-corp", "billing-e2e", "dev"};

  // Create the stack with an initial state of two resources.
  v1::CreateStackRequest create;
  create.set_org_name(billing.org);
  create.set_project_name(billing.project);
  create.set_stack_name(billing.stack);
  (*create.mutable_tags())["env"] = "dev";
  create.add_teams("payments");
  create.mutable_config()->set_environment("billing-e2e/dev");
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(kTwoResourceState, create.mutable_state()).ok());
  ASSERT_THAT(jdoe(&Stacks::CreateStack, create).status, IsOk());

  Result<v1::GetStackResponse> created =
      jdoe(&Stacks::GetStack, ForStack<v1::GetStackRequest>(billing));
  ASSERT_THAT(created.status, IsOk());
  const std::string stack_id = created.response.stack().id();
  EXPECT_THAT(stack_id, Not(IsEmpty()));
  EXPECT_EQ(created.response.stack().stack_name(), "dev");
  EXPECT_EQ(created.response.stack().version(), 0);
  EXPECT_THAT(created.response.stack().tags(),
              UnorderedElementsAre(Pair("env", "dev"), Pair("pulumi:project", "billing-e2e")));
  EXPECT_EQ(created.response.stack().config().environment(), "billing-e2e/dev");
  EXPECT_THAT(PaymentsTeamStacks(jdoe), Contains(Pair("billing-e2e/dev", 101)))
      << "the team named at creation may read the stack";
  Result<v1::GetStackResourceCountResponse> count =
      jdoe(&Stacks::GetStackResourceCount, ForStack<v1::GetStackResourceCountRequest>(billing));
  ASSERT_THAT(count.status, IsOk());
  EXPECT_EQ(count.response.resource_count(), 2);
  EXPECT_THAT(jdoe(&Stacks::CreateStack, create).status,
              StatusIs(Code::ALREADY_EXISTS, "Stack 'acme-corp/billing-e2e/dev' already exists"));

  // Tag it, then find it by that tag.
  auto tag = ForStack<v1::AddStackTagRequest>(billing);
  tag.set_name("owner");
  tag.set_value("jdoe-e2e");
  ASSERT_THAT(jdoe(&Stacks::AddStackTag, tag).status, IsOk());
  EXPECT_THAT(
      jdoe(&Stacks::GetStack, ForStack<v1::GetStackRequest>(billing)).response.stack().tags(),
      Contains(Pair("owner", "jdoe-e2e")));
  EXPECT_THAT(StackNames(jdoe, TagQuery("owner", "jdoe-e2e")),
              ElementsAre("acme-corp/billing-e2e/dev"));
  EXPECT_THAT(StackNames(jdoe, TagQuery("owner", "someone-else")), IsEmpty());
  EXPECT_THAT(StackNames(jdoe, TagQuery("env", "dev")),
              UnorderedElementsAre("acme-corp/auth-service/dev", "acme-corp/billing-e2e/dev",
                                   "acme-corp/data-pipeline/dev", "acme-corp/payments-api/dev",
                                   "globex/inventory/dev"));

  // `pulumi up` runs (started through the emulator's admin API); follow its events to the end.
  absl::StatusOr<nlohmann::json> live = admin().StartLiveUpdate({{"org", billing.org},
                                                                 {"project", billing.project},
                                                                 {"stack", billing.stack},
                                                                 {"intervalMs", 30},
                                                                 {"eventCount", 8},
                                                                 {"requestedBy", "jdoe"}});
  ASSERT_TRUE(live.ok()) << live.status();
  const std::string update_id = (*live)["updateID"].get<std::string>();
  EXPECT_EQ((*live)["version"], 1);
  std::vector<v1::EngineEvent> followed;
  absl::Status follow = jdoe.client().ForEachUpdateEvent(
      ForUpdate<v1::ListUpdateEventsRequest>(billing, "update", update_id),
      [&](const v1::EngineEvent& e) {
        followed.push_back(e);
        return followed.size() < 100;  // a runaway stream stops here and fails below
      },
      absl::Milliseconds(20));
  ASSERT_TRUE(follow.ok()) << follow;
  ASSERT_THAT(followed, SizeIs(8));
  EXPECT_EQ(followed.front().type(), "preludeEvent");
  EXPECT_EQ(followed.back().type(), "summaryEvent");
  EXPECT_TRUE(followed.back().has_summary_event());
  ExpectSameEvents(followed, AllEventsAtOnce(jdoe, billing, update_id));
  Result<v1::GetUpdateStatusResponse> status =
      jdoe(&Updates::GetUpdateStatus,
           ForUpdate<v1::GetUpdateStatusRequest>(billing, "update", update_id));
  ASSERT_THAT(status.status, IsOk());
  EXPECT_EQ(status.response.status(), "succeeded");
  EXPECT_EQ(status.response.continuation_token(), "");

  // Read its history.
  Result<v1::ListUpdatesResponse> legacy =
      jdoe(&Updates::ListUpdates, ForStack<v1::ListUpdatesRequest>(billing));
  ASSERT_THAT(legacy.status, IsOk());
  ASSERT_THAT(legacy.response.updates(), SizeIs(1));
  EXPECT_EQ(legacy.response.updates(0).version(), 1);
  EXPECT_EQ(legacy.response.updates(0).kind(), "update");
  EXPECT_EQ(legacy.response.updates(0).result(), "succeeded");
  Result<v1::GetLatestUpdateResponse> latest =
      jdoe(&Updates::GetLatestUpdate, ForStack<v1::GetLatestUpdateRequest>(billing));
  ASSERT_THAT(latest.status, IsOk());
  EXPECT_EQ(latest.response.update().update_id(), update_id);
  EXPECT_EQ(latest.response.update().info().result(), "succeeded");
  EXPECT_EQ(latest.response.update().requested_by().github_login(), "jdoe");
  Result<v1::GetUpdateResponse> v1_update = jdoe(&Updates::GetUpdate, UpdateVersion(billing, 1));
  ASSERT_THAT(v1_update.status, IsOk());
  EXPECT_TRUE(MessageDifferencer::Equals(v1_update.response.update(), latest.response.update()));
  Result<v1::GetStackResponse> after_update =
      jdoe(&Stacks::GetStack, ForStack<v1::GetStackRequest>(billing));
  EXPECT_EQ(after_update.response.stack().version(), 1);
  EXPECT_EQ(after_update.response.stack().active_update(), update_id);
  EXPECT_FALSE(after_update.response.stack().has_current_operation());

  // Export its state now and at version 1: the same two resources.
  Result<v1::ExportStackResponse> now =
      jdoe(&Stacks::ExportStack, ForStack<v1::ExportStackRequest>(billing));
  ASSERT_THAT(now.status, IsOk());
  EXPECT_EQ(now.response.version(), 3);
  EXPECT_EQ(ResourcesIn(now.response.deployment()), 2);
  Result<v1::ExportStackAtVersionResponse> at_1 =
      jdoe(&Stacks::ExportStackAtVersion, AtVersion(billing, 1));
  ASSERT_THAT(at_1.status, IsOk());
  EXPECT_TRUE(MessageDifferencer::Equals(at_1.response.deployment(), now.response.deployment()));

  // Rename it: a `rename` update is recorded, the old name is gone.
  auto rename = ForStack<v1::RenameStackRequest>(billing);
  rename.set_new_name("qa");
  Result<v1::RenameStackResponse> renamed = jdoe(&Stacks::RenameStack, rename);
  ASSERT_THAT(renamed.status, IsOk());
  EXPECT_THAT(renamed.response.update_id(), Not(IsEmpty()));
  const StackRef billing_qa{"acme-corp", "billing-e2e", "qa"};
  EXPECT_THAT(jdoe(&Stacks::GetStack, ForStack<v1::GetStackRequest>(billing)).status,
              StatusIs(Code::NOT_FOUND, "Stack 'acme-corp/billing-e2e/dev' not found"));
  Result<v1::GetStackResponse> qa =
      jdoe(&Stacks::GetStack, ForStack<v1::GetStackRequest>(billing_qa));
  ASSERT_THAT(qa.status, IsOk());
  EXPECT_EQ(qa.response.stack().id(), stack_id);
  EXPECT_EQ(qa.response.stack().version(), 2);
  EXPECT_THAT(PaymentsTeamStacks(jdoe), Contains(Pair("billing-e2e/qa", 101)))
      << "the team's permission follows the rename";
  Result<v1::GetLatestUpdateResponse> rename_update =
      jdoe(&Updates::GetLatestUpdate, ForStack<v1::GetLatestUpdateRequest>(billing_qa));
  EXPECT_EQ(rename_update.response.update().info().kind(), "rename");
  EXPECT_EQ(rename_update.response.update().update_id(), renamed.response.update_id());

  // Transfer it to globex: jdoe is a member of both organizations.
  auto transfer = ForStack<v1::TransferStackRequest>(billing_qa);
  transfer.mutable_transfer()->set_to_org("globex");
  ASSERT_THAT(jdoe(&Stacks::TransferStack, transfer).status, IsOk());
  const StackRef moved{"globex", "billing-e2e", "qa"};
  EXPECT_THAT(jdoe(&Stacks::GetStack, ForStack<v1::GetStackRequest>(billing_qa)).status,
              StatusIs(Code::NOT_FOUND, "not found"));
  Result<v1::GetStackResponse> in_globex =
      jdoe(&Stacks::GetStack, ForStack<v1::GetStackRequest>(moved));
  ASSERT_THAT(in_globex.status, IsOk());
  EXPECT_EQ(in_globex.response.stack().id(), stack_id);
  EXPECT_THAT(in_globex.response.stack().tags(), Contains(Pair("owner", "jdoe-e2e")));
  EXPECT_THAT(StackNames(jdoe, TagQuery("owner", "jdoe-e2e")),
              ElementsAre("globex/billing-e2e/qa"));
  EXPECT_THAT(PaymentsTeamStacks(jdoe), UnorderedElementsAre(Pair("payments-api/prod", 103),
                                                             Pair("payments-api/staging", 102)))
      << "an acme-corp team keeps no permission on a stack that left acme-corp";

  // Delete it: refused while it holds resources, then forced, then gone.
  auto remove = ForStack<v1::DeleteStackRequest>(moved);
  EXPECT_THAT(jdoe(&Stacks::DeleteStack, remove).status,
              StatusIs(Code::INVALID_ARGUMENT, "Bad Request: Stack still contains resources."));
  EXPECT_THAT(jdoe(&Stacks::GetStack, ForStack<v1::GetStackRequest>(moved)).status, IsOk());
  remove.set_force(true);
  ASSERT_THAT(jdoe(&Stacks::DeleteStack, remove).status, IsOk());
  EXPECT_THAT(jdoe(&Stacks::GetStack, ForStack<v1::GetStackRequest>(moved)).status,
              StatusIs(Code::NOT_FOUND, "Stack 'globex/billing-e2e/qa' not found"));
  EXPECT_THAT(jdoe(&Stacks::DeleteStack, remove).status, StatusIs(Code::NOT_FOUND, "not found"));

  // acme-corp's audit log saw every step taken while the stack was there.
  EXPECT_THAT(AuditEventsSinceStart(jdoe, "acme-corp"),
              ElementsAre("stack.create", "stack.tag.add", "stack.rename", "stack.transfer"));
}

TEST_F(StackLifecycleTest, ExportsProdStateAtEachVersion) {
  Caller jdoe = As(kJdoeToken);
  const std::vector<std::pair<int64_t, int>> resources_at = {
      {38, 3}, {39, 4}, {40, 5}, {41, 6}, {42, 6}};
  for (const auto& [version, resources] : resources_at) {
    Result<v1::ExportStackAtVersionResponse> at =
        jdoe(&Stacks::ExportStackAtVersion, AtVersion(kProd, version));
    ASSERT_THAT(at.status, IsOk()) << "version " << version;
    EXPECT_EQ(at.response.version(), 3);
    EXPECT_EQ(ResourcesIn(at.response.deployment()), resources) << "version " << version;
  }
  Result<v1::ExportStackResponse> current =
      jdoe(&Stacks::ExportStack, ForStack<v1::ExportStackRequest>(kProd));
  ASSERT_THAT(current.status, IsOk());
  Result<v1::ExportStackAtVersionResponse> v42 =
      jdoe(&Stacks::ExportStackAtVersion, AtVersion(kProd, 42));
  EXPECT_TRUE(MessageDifferencer::Equals(current.response.deployment(), v42.response.deployment()));
  Result<v1::GetStackResourceCountResponse> count =
      jdoe(&Stacks::GetStackResourceCount, ForStack<v1::GetStackResourceCountRequest>(kProd));
  ASSERT_THAT(count.status, IsOk());
  EXPECT_EQ(count.response.resource_count(), 6);
  EXPECT_EQ(count.response.version(), 42);

  EXPECT_THAT(
      jdoe(&Stacks::ExportStackAtVersion, AtVersion(kProd, 37)).status,
      StatusIs(Code::NOT_FOUND, "Version 37 of stack 'acme-corp/payments-api/prod' not found."));
  EXPECT_THAT(jdoe(&Stacks::ExportStackAtVersion, AtVersion(kProd, -1)).status,
              StatusIs(Code::INVALID_ARGUMENT, "Bad Request: invalid version"));
  // 0 is proto3's "unset": the gateway refuses it as a missing path field, before any request.
  EXPECT_THAT(jdoe(&Stacks::ExportStackAtVersion, AtVersion(kProd, 0)).status,
              StatusIs(Code::INVALID_ARGUMENT, "field \"version\" is required"));
  EXPECT_THAT(jdoe(&Stacks::ExportStack, ForStack<v1::ExportStackRequest>(kMissing)).status,
              StatusIs(Code::NOT_FOUND, "not found"));
  EXPECT_THAT(
      jdoe(&Stacks::GetStackResourceCount, ForStack<v1::GetStackResourceCountRequest>(kMissing))
          .status,
      StatusIs(Code::NOT_FOUND, "Stack 'acme-corp/payments-api/no-such-stack' not found."));
}

TEST_F(StackLifecycleTest, ReadsStackMetadata) {
  Caller jdoe = As(kJdoeToken);
  Result<v1::GetStackMetadataResponse> got =
      jdoe(&Stacks::GetStackMetadata, ForStack<v1::GetStackMetadataRequest>(kProd));
  ASSERT_THAT(got.status, IsOk());
  EXPECT_EQ(got.response.metadata().org_name(), "acme-corp");
  EXPECT_EQ(got.response.metadata().project_name(), "payments-api");
  EXPECT_EQ(got.response.metadata().stack_name(), "prod");
  EXPECT_EQ(got.response.metadata().owned_by().github_login(), "jdoe");
  EXPECT_EQ(got.response.metadata().owned_by().name(), "Jane Doe");
  EXPECT_TRUE(got.response.metadata().notification_settings().notify_update_failure());
  EXPECT_FALSE(got.response.metadata().notification_settings().notify_update_success());
  EXPECT_THAT(
      jdoe(&Stacks::GetStackMetadata, ForStack<v1::GetStackMetadataRequest>(kMissing)).status,
      StatusIs(Code::NOT_FOUND, "Stack 'acme-corp/payments-api/no-such-stack' not found."));
}

TEST_F(StackLifecycleTest, TagsAddUpdateReplaceDelete) {
  Caller jdoe = As(kJdoeToken);
  auto tags_now = [&] {
    Result<v1::GetStackResponse> got =
        jdoe(&Stacks::GetStack, ForStack<v1::GetStackRequest>(kPaymentsDev));
    EXPECT_THAT(got.status, IsOk());
    return std::map<std::string, std::string>(got.response.stack().tags().begin(),
                                              got.response.stack().tags().end());
  };
  const std::map<std::string, std::string> seeded = tags_now();

  auto add = ForStack<v1::AddStackTagRequest>(kPaymentsDev);
  add.set_name("cost-center");
  add.set_value("cc-1");
  ASSERT_THAT(jdoe(&Stacks::AddStackTag, add).status, IsOk());
  EXPECT_EQ(tags_now().at("cost-center"), "cc-1");
  EXPECT_THAT(jdoe(&Stacks::AddStackTag, add).status,
              StatusIs(Code::INVALID_ARGUMENT, "Bad Request: Tag 'cost-center' already exists."));
  add.set_name("pulumi:runtime");
  EXPECT_THAT(jdoe(&Stacks::AddStackTag, add).status,
              StatusIs(Code::INVALID_ARGUMENT, "'pulumi:runtime' is a built-in tag"));

  auto update = ForStack<v1::UpdateStackTagRequest>(kPaymentsDev);
  update.set_tag_name("cost-center");
  update.set_name("cost-centre");
  update.set_value("cc-2");
  ASSERT_THAT(jdoe(&Stacks::UpdateStackTag, update).status, IsOk());
  std::map<std::string, std::string> tags = tags_now();
  EXPECT_EQ(tags.count("cost-center"), 0);
  EXPECT_EQ(tags.at("cost-centre"), "cc-2");
  EXPECT_THAT(jdoe(&Stacks::UpdateStackTag, update).status,
              StatusIs(Code::NOT_FOUND, "Tag 'cost-center' not found."));
  update.set_tag_name("vcs:repo");
  update.set_name("vcs:repo");
  EXPECT_THAT(jdoe(&Stacks::UpdateStackTag, update).status,
              StatusIs(Code::INVALID_ARGUMENT, "'vcs:repo' is a built-in tag"));

  auto remove = ForStack<v1::DeleteStackTagRequest>(kPaymentsDev);
  remove.set_tag_name("cost-centre");
  ASSERT_THAT(jdoe(&Stacks::DeleteStackTag, remove).status, IsOk());
  EXPECT_EQ(tags_now(), seeded);
  EXPECT_THAT(jdoe(&Stacks::DeleteStackTag, remove).status,
              StatusIs(Code::NOT_FOUND, "Tag 'cost-centre' not found."));
  remove.set_tag_name("pulumi:project");
  EXPECT_THAT(jdoe(&Stacks::DeleteStackTag, remove).status,
              StatusIs(Code::INVALID_ARGUMENT, "'pulumi:project' is a built-in tag"));

  auto replace = ForStack<v1::ReplaceStackTagsRequest>(kPaymentsDev);
  (*replace.mutable_tags())["env"] = "qa";
  (*replace.mutable_tags())["tier"] = "2";
  ASSERT_THAT(jdoe(&Stacks::ReplaceStackTags, replace).status, IsOk());
  const std::map<std::string, std::string> replaced = {
      {"env", "qa"}, {"tier", "2"}, {"pulumi:project", "payments-api"}};
  EXPECT_EQ(tags_now(), replaced);
  (*replace.mutable_tags())["pulumi:project"] = "another-project";
  EXPECT_THAT(jdoe(&Stacks::ReplaceStackTags, replace).status,
              StatusIs(Code::INVALID_ARGUMENT, "Bad Request: cannot change the project tag."));
  EXPECT_EQ(tags_now(), replaced) << "a refused replace changes nothing";

  EXPECT_THAT(
      AuditEventsSinceStart(jdoe, "acme-corp"),
      ElementsAre("stack.tag.add", "stack.tag.update", "stack.tag.delete", "stack.tags.update"));
}

TEST_F(StackLifecycleTest, ListStacksPagesThroughEveryStackOnce) {
  Caller jdoe = As(kJdoeToken);
  std::vector<std::string> all = StackNames(jdoe, v1::ListStacksRequest());
  EXPECT_THAT(all, SizeIs(14));
  EXPECT_EQ(std::set<std::string>(all.begin(), all.end()).size(), all.size()) << "no duplicates";

  v1::ListStacksRequest request;
  request.set_max_results(5);
  std::vector<std::string> paged;
  int pages = 0;
  for (; pages < 10; ++pages) {
    Result<v1::ListStacksResponse> got = jdoe(&Stacks::ListStacks, request);
    ASSERT_THAT(got.status, IsOk());
    EXPECT_LE(got.response.stacks_size(), 5);
    for (const v1::StackSummary& s : got.response.stacks()) {
      paged.push_back(s.org_name() + "/" + s.project_name() + "/" + s.stack_name());
    }
    if (got.response.continuation_token().empty()) break;
    request.set_continuation_token(got.response.continuation_token());
  }
  EXPECT_EQ(pages + 1, 3);
  EXPECT_THAT(paged, UnorderedElementsAreArray(all));

  v1::ListStacksRequest prod_only = TagQuery("env", "prod");
  prod_only.set_project("payments-api");
  Result<v1::ListStacksResponse> prod = jdoe(&Stacks::ListStacks, prod_only);
  ASSERT_THAT(prod.status, IsOk());
  ASSERT_THAT(prod.response.stacks(), SizeIs(1));
  const v1::StackSummary& summary = prod.response.stacks(0);
  EXPECT_EQ(summary.id(), "5f0d2c7e-8a1b-4c3d-9e2f-0a1b2c3d4e5f");
  EXPECT_EQ(summary.resource_count(), 6);
  EXPECT_EQ(summary.last_update(), 1754300112);
  EXPECT_EQ(summary.links().self(), "https://app.pulumi.com/acme-corp/payments-api/prod");
  EXPECT_EQ(prod.response.continuation_token(), "");

  v1::ListStacksRequest globex;
  globex.set_organization("globex");
  EXPECT_THAT(StackNames(jdoe, globex),
              UnorderedElementsAre("globex/inventory/dev", "globex/inventory/prod"));
  v1::ListStacksRequest payments;
  payments.set_project("payments-api");
  EXPECT_THAT(StackNames(jdoe, payments), SizeIs(3));

  v1::ListStacksRequest bad;
  bad.set_continuation_token("definitely-not-a-token");
  EXPECT_THAT(jdoe(&Stacks::ListStacks, bad).status,
              StatusIs(Code::INVALID_ARGUMENT, "Bad Request: Invalid continuation token"));
}

TEST_F(StackLifecycleTest, DeleteNeedsForceOnlyWhileResourcesRemain) {
  Caller jdoe = As(kJdoeToken);
  for (const StackRef& empty : {kEmptyDev, kDestroyedDev}) {
    ASSERT_THAT(jdoe(&Stacks::DeleteStack, ForStack<v1::DeleteStackRequest>(empty)).status, IsOk())
        << empty.project << "/" << empty.stack;
    EXPECT_THAT(jdoe(&Stacks::GetStack, ForStack<v1::GetStackRequest>(empty)).status,
                StatusIs(Code::NOT_FOUND, "not found"));
  }
  EXPECT_THAT(jdoe(&Stacks::DeleteStack, ForStack<v1::DeleteStackRequest>(kProd)).status,
              StatusIs(Code::INVALID_ARGUMENT, "Stack still contains resources"));
  Result<v1::GetStackResourceCountResponse> count =
      jdoe(&Stacks::GetStackResourceCount, ForStack<v1::GetStackResourceCountRequest>(kProd));
  EXPECT_EQ(count.response.resource_count(), 6) << "a refused delete changes nothing";
  EXPECT_THAT(AuditEventsSinceStart(jdoe, "acme-corp"),
              ElementsAre("stack.delete", "stack.delete"));
}

TEST_F(StackLifecycleTest, RenameAndTransferRefuseBadTargets) {
  Caller jdoe = As(kJdoeToken);
  auto rename = ForStack<v1::RenameStackRequest>(kProd);
  EXPECT_THAT(jdoe(&Stacks::RenameStack, rename).status,
              StatusIs(Code::INVALID_ARGUMENT, "Bad Request: No rename to apply."));
  rename.set_new_name("dev");
  EXPECT_THAT(jdoe(&Stacks::RenameStack, rename).status,
              StatusIs(Code::ABORTED, "Stack 'acme-corp/payments-api/dev' already exists."));
  rename.set_new_name("bad name!");
  EXPECT_THAT(jdoe(&Stacks::RenameStack, rename).status,
              StatusIs(Code::INVALID_ARGUMENT, "invalid stack name"));
  auto dotted = ForStack<v1::RenameStackRequest>(kPaymentsDev);
  dotted.set_new_name("dev.v2");
  ASSERT_THAT(jdoe(&Stacks::RenameStack, dotted).status, IsOk());
  EXPECT_THAT(jdoe(&Stacks::GetStack,
                   ForStack<v1::GetStackRequest>({"acme-corp", "payments-api", "dev.v2"}))
                  .status,
              IsOk());
  // Moving to another project of the same organization works.
  rename.set_new_name("");
  rename.set_new_project("payments-v2");
  ASSERT_THAT(jdoe(&Stacks::RenameStack, rename).status, IsOk());
  const StackRef moved{"acme-corp", "payments-v2", "prod"};
  Result<v1::GetStackResponse> got = jdoe(&Stacks::GetStack, ForStack<v1::GetStackRequest>(moved));
  ASSERT_THAT(got.status, IsOk());
  EXPECT_THAT(got.response.stack().tags(), Contains(Pair("pulumi:project", "payments-v2")));

  auto transfer = ForStack<v1::TransferStackRequest>(moved);
  transfer.mutable_transfer()->set_to_org("acme-corp");
  EXPECT_THAT(jdoe(&Stacks::TransferStack, transfer).status,
              StatusIs(Code::INVALID_ARGUMENT, "Stack already belongs to that organization."));
  transfer.mutable_transfer()->set_to_org("initech");
  EXPECT_THAT(jdoe(&Stacks::TransferStack, transfer).status,
              StatusIs(Code::NOT_FOUND, "Organization 'initech' not found."));
  transfer.mutable_transfer()->set_to_org("globex");
  transfer.mutable_transfer()->set_stack_name("staging");
  EXPECT_THAT(jdoe(&Stacks::TransferStack, transfer).status,
              StatusIs(Code::INVALID_ARGUMENT, "'stackName' does not match"));
  // rkumar is in acme-corp only: a transfer to globex is not theirs to make.
  Caller rkumar = As(kRkumarToken);
  auto theirs = ForStack<v1::TransferStackRequest>(moved);
  theirs.mutable_transfer()->set_to_org("globex");
  EXPECT_THAT(rkumar(&Stacks::TransferStack, theirs).status,
              StatusIs(Code::PERMISSION_DENIED, "is not a member of organization 'globex'"));
  EXPECT_THAT(jdoe(&Stacks::GetStack, ForStack<v1::GetStackRequest>(moved)).status, IsOk());
}

TEST_F(StackLifecycleTest, TagNamesAndValuesSurviveTheRoundTrip) {
  Caller jdoe = As(kJdoeToken);
  auto add = ForStack<v1::AddStackTagRequest>(kPaymentsDev);
  add.set_name("acme:owner.team");
  add.set_value("Zoë ☕ \"quoted\", 100% / done?#");
  ASSERT_THAT(jdoe(&Stacks::AddStackTag, add).status, IsOk());
  Result<v1::GetStackResponse> got =
      jdoe(&Stacks::GetStack, ForStack<v1::GetStackRequest>(kPaymentsDev));
  EXPECT_THAT(got.response.stack().tags(),
              Contains(Pair("acme:owner.team", "Zoë ☕ \"quoted\", 100% / done?#")));
  EXPECT_THAT(StackNames(jdoe, TagQuery("acme:owner.team", "Zoë ☕ \"quoted\", 100% / done?#")),
              ElementsAre("acme-corp/payments-api/dev"));

  // The tag name is a path segment: a colon and a dot are fine...
  auto update = ForStack<v1::UpdateStackTagRequest>(kPaymentsDev);
  update.set_tag_name("acme:owner.team");
  update.set_name("acme:owner.team");
  update.set_value("");
  ASSERT_THAT(jdoe(&Stacks::UpdateStackTag, update).status, IsOk());
  got = jdoe(&Stacks::GetStack, ForStack<v1::GetStackRequest>(kPaymentsDev));
  EXPECT_THAT(got.response.stack().tags(), Contains(Pair("acme:owner.team", "")));
  // ...and a slash, percent or question mark stays inside its segment: no other route is hit.
  for (const std::string name : {"a/b", "a%2Fb", "x?y=1", "tags#frag"}) {
    auto remove = ForStack<v1::DeleteStackTagRequest>(kPaymentsDev);
    remove.set_tag_name(name);
    EXPECT_THAT(jdoe(&Stacks::DeleteStackTag, remove).status,
                StatusIs(Code::NOT_FOUND, absl::StrCat("Tag '", name, "' not found.")))
        << name;
  }
  auto remove = ForStack<v1::DeleteStackTagRequest>(kPaymentsDev);
  remove.set_tag_name("acme:owner.team");
  ASSERT_THAT(jdoe(&Stacks::DeleteStackTag, remove).status, IsOk());
  got = jdoe(&Stacks::GetStack, ForStack<v1::GetStackRequest>(kPaymentsDev));
  EXPECT_EQ(got.response.stack().tags().count("acme:owner.team"), 0u);
}

// Small answers on a reused connection must not wait for a delayed ACK (~40 ms each): with
// Nagle's algorithm on, the second piece of a message written in two (headers, then body) is held
// back until the first is acknowledged. So both ends of the gateway's upstream connections set
// TCP_NODELAY: the emulator's (its answers) and the gateway's libcurl handles (its requests with a
// body). Both run in this process, so the test reads the option off their sockets; what it costs
// in time is the benchmark's to show (tests/bench).
TEST_F(StackLifecycleTest, UpstreamConnectionsSetTcpNoDelayOnBothEnds) {
  Caller jdoe = As(kJdoeToken);
  ASSERT_THAT(jdoe(&Stacks::GetStack, ForStack<v1::GetStackRequest>(kProd)).status, IsOk());
  auto tag = ForStack<v1::AddStackTagRequest>(kProd);
  tag.set_name("nodelay-check");
  tag.set_value("on");
  ASSERT_THAT(jdoe(&Stacks::AddStackTag, tag).status, IsOk());  // a request with a body

  // The pooled connections stay open after the calls. (The emulator's admin client does not keep
  // its connections, so every client end connected to the emulator is the gateway's.)
  const int upstream_port = admin().port();
  int gateway_ends = 0;
  int emulator_ends = 0;
  for (const TcpSocket& socket : ConnectedTcpSockets()) {
    if (socket.peer_port == upstream_port) {
      ++gateway_ends;
      EXPECT_TRUE(socket.no_delay) << "the gateway's connection from port " << socket.local_port;
    } else if (socket.local_port == upstream_port) {
      ++emulator_ends;
      EXPECT_TRUE(socket.no_delay) << "the emulator's connection to port " << socket.peer_port;
    }
  }
  EXPECT_GE(gateway_ends, 1) << "no open gateway connection to the emulator";
  EXPECT_GE(emulator_ends, 1) << "no open emulator connection";
}

}  // namespace
}  // namespace pulumi_gateway::e2e
