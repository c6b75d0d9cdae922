// Every RPC of the three services through the real gateway binary against a recording fake
// upstream: the exact HTTP request the gateway makes (method, raw target, headers, JSON body) and
// how it maps a realistic Pulumi API answer (reference/pulumi-api.md §8) back to the response.
//
// One row per RPC (some RPCs have a second row for another upstream format). A test fails when an
// RPC of the protos has no row, so a new endpoint cannot ship without its contract test.

#include <algorithm>
#include <fstream>
#include <functional>
#include <memory>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "pulumi/gateway/v1/options.pb.h"
#include "pulumi/service/v1/organizations.grpc.pb.h"
#include "pulumi/service/v1/stacks.grpc.pb.h"
#include "pulumi/service/v1/updates.grpc.pb.h"
#include "pulumi/service/v1/users.grpc.pb.h"
#include "tests/integration/gateway_call.h"
#include "tests/support/fake_upstream.h"
#include "tests/support/gzip.h"
#include "tests/support/harness.h"

namespace pulumi_gateway::testing {
namespace {

namespace v1 = ::pulumi::service::v1;
using ::google::protobuf::Message;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

constexpr char kToken[] = "pul-3f9ac1d2e4b5a6978877665544332211aabbcxyz";
constexpr char kSecretMetadataValue[] = "s3cr3t-caller-only-value";

// The services the gateway serves, and the files that define them.
constexpr const char* kServices[] = {"StacksService", "StackUpdatesService", "OrganizationsService",
                                     "UsersService"};
constexpr const char* kServiceFiles[] = {
    "pulumi/service/v1/stacks.proto", "pulumi/service/v1/updates.proto",
    "pulumi/service/v1/organizations.proto", "pulumi/service/v1/users.proto"};

// How the fake upstream answers.
struct Reply {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  // Serve `body` byte for byte (no compression by the test server).
  bool exact_bytes = false;
};

struct Row {
  // Test name suffix; the RPC is `rpc`.
  std::string name;
  // "Service.Method".
  std::string rpc;
  // The request as proto3 JSON.
  std::string request;
  // Expected upstream request.
  std::string http_method;
  std::string target;
  // Expected JSON body; empty: no body, no Content-Type.
  std::string body;
  Reply reply;
  // Checks on the decoded gRPC response.
  std::function<void(const Message&)> check;
};

// gtest prints a failing row by name instead of dumping its bytes.
void PrintTo(const Row& row, std::ostream* os) { *os << row.name; }

template <typename T>
const T& As(const Message& message) {
  const T* typed = dynamic_cast<const T*>(&message);
  if (typed == nullptr) {
    ADD_FAILURE() << "response is a " << message.GetDescriptor()->full_name() << ", expected "
                  << T::descriptor()->full_name();
    return T::default_instance();
  }
  return *typed;
}

void ExpectEmpty(const Message& message) {
  EXPECT_EQ(message.ByteSizeLong(), 0u) << message.DebugString();
}

// ---- Realistic upstream payloads (reference/pulumi-api.md §8) -------------------------------

// The upstream payload in testdata/`name` (runfiles are the test's working directory).
std::string Fixture(const std::string& name) {
  const std::string path = "tests/integration/testdata/" + name;
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// One update in the service shape (GetLatestUpdate, GetUpdate, and the service-format list).
std::string ServiceUpdateList() {
  return std::string(R"({"updates": [)") + Fixture("service_update.json") +
         R"(], "itemsPerPage": 1, "total": 42})";
}

std::string MemberList() {
  return std::string(R"({"members": [)") + Fixture("member_jane.json") + "," +
         Fixture("member_ravi.json") + R"(], "continuationToken": "bWVtYmVyczpya3VtYXI="})";
}

constexpr char kAuditCsv[] =
    "Timestamp,Name,Login,Event,Description,SourceIP,RequireOrgAdmin,RequireStackAdmin,"
    "AuthenticationFailure\n"
    "2025-08-04T09:35:12Z,CI Bot,acme-ci,stack.update,\"Started update "
    "\"\"3b9e4f1a-6c2d-4e8f-a0b1-c2d3e4f5a6b7\"\" for stack \"\"payments-api/prod\"\"\","
    "203.0.113.24,false,false,false\n"
    "2025-08-04T09:16:40Z,Jane Doe,jdoe,member.role.changed,\"Changed organization role for "
    "\"\"rkumar\"\" to member\",198.51.100.7,true,false,false\n";

constexpr char kAuditCef[] =
    "CEF:0|Pulumi|Pulumi Cloud|1.0|stack.update|Started update|3|rt=1754300112000 "
    "src=203.0.113.24 suser=acme-ci cs1Label=organization cs1=acme-corp\n";

void CheckAuditEvents(const google::protobuf::RepeatedPtrField<v1::AuditLogEvent>& events) {
  ASSERT_EQ(events.size(), 2);
  EXPECT_EQ(events[0].timestamp(), 1754300112);
  EXPECT_EQ(events[0].source_ip(), "203.0.113.24");
  EXPECT_EQ(events[0].event(), "stack.update");
  EXPECT_EQ(events[0].user().github_login(), "acme-ci");
  EXPECT_EQ(events[0].token_id(), "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f");
  EXPECT_EQ(events[0].actor_urn(), "urn:pulumi:org:acme-corp:token:ci-deploy-token");
  EXPECT_FALSE(events[0].req_org_admin());
  EXPECT_TRUE(events[1].req_org_admin());
  EXPECT_EQ(events[1].description(), "Changed organization role for \"rkumar\" to member");
}

void CheckServiceUpdate(const v1::StackUpdate& update) {
  EXPECT_EQ(update.update_id(), "3b9e4f1a-6c2d-4e8f-a0b1-c2d3e4f5a6b7");
  EXPECT_EQ(update.version(), 42);
  EXPECT_EQ(update.latest_version(), 42);
  EXPECT_EQ(update.info().kind(), "update");
  EXPECT_EQ(update.info().start_time(), 1754300112);
  EXPECT_EQ(update.info().end_time(), 1754300157);
  EXPECT_EQ(update.info().result(), "succeeded");
  EXPECT_EQ(update.info().resource_changes().at("same"), 35);
  EXPECT_EQ(update.info().config().at("aws:region").value(), "us-west-2");
  EXPECT_EQ(update.github_commit_info().author().github_login(), "jdoe");
  EXPECT_EQ(update.github_commit_info().committer().github_login(), "web-flow");
  EXPECT_EQ(update.requested_by().name(), "Jane Doe");
  EXPECT_EQ(update.requested_by_token(), "ci-deploy-token");
  ASSERT_EQ(update.policy_packs_size(), 1);
  EXPECT_EQ(update.policy_packs(0).version(), 7);
  EXPECT_EQ(update.policy_packs(0).version_tag(), "1.4.0");
  EXPECT_EQ(update.policy_packs(0)
                .config()
                .fields()
                .at("s3-no-public-read")
                .struct_value()
                .fields()
                .at("enforcementLevel")
                .string_value(),
            "mandatory");
  // Legacy top-level keys stay unset in the service shape.
  EXPECT_EQ(update.kind(), "");
  EXPECT_EQ(update.start_time(), 0);
}

void CheckTeam(const v1::Team& team) {
  EXPECT_EQ(team.kind(), "pulumi");
  EXPECT_EQ(team.name(), "payments");
  EXPECT_EQ(team.display_name(), "Payments");
  ASSERT_EQ(team.members_size(), 2);
  EXPECT_EQ(team.members(1).github_login(), "rkumar");
  EXPECT_EQ(team.members(1).role(), "member");
  ASSERT_EQ(team.stacks_size(), 2);
  EXPECT_EQ(team.stacks(0).permission(), 103);
  EXPECT_EQ(team.stacks(1).permission_set_name(), "Stack Write");
  ASSERT_EQ(team.environments_size(), 1);
  EXPECT_EQ(team.environments(0).max_open_duration(), "1h0m0s");
  ASSERT_EQ(team.accounts_size(), 1);
  EXPECT_EQ(team.accounts(0).permission(), 1);
  EXPECT_EQ(team.user_role(), "admin");
  EXPECT_THAT(team.role_ids(), ::testing::ElementsAre("7d3c9a10-2b4e-4f61-9a8b-5c6d7e8f9012"));
}

void CheckDeployment(const google::protobuf::Struct& deployment) {
  const auto& fields = deployment.fields();
  EXPECT_EQ(fields.at("manifest").struct_value().fields().at("version").string_value(), "v3.189.0");
  const auto& resources = fields.at("resources").list_value().values();
  ASSERT_EQ(resources.size(), 3);
  const auto& bucket = resources[2].struct_value().fields();
  EXPECT_EQ(bucket.at("id").string_value(), "payments-ledger-8f3a2c1");
  EXPECT_TRUE(bucket.at("protect").bool_value());
  // Secret outputs pass through untouched.
  EXPECT_EQ(bucket.at("outputs")
                .struct_value()
                .fields()
                .at("tags")
                .struct_value()
                .fields()
                .at("ciphertext")
                .string_value(),
            "v1:Qm9nd3Vz:ZmFrZWNpcGhlcnRleHQ=");
  EXPECT_EQ(fields.at("secrets_providers").struct_value().fields().at("type").string_value(),
            "service");
}

// The raw file must come back byte for byte; a gzip stream starts with 1f 8b.
void ExpectSameBytes(const std::string& actual, const std::string& expected) {
  EXPECT_EQ(absl::BytesToHexString(actual.substr(0, 2)),
            absl::BytesToHexString(expected.substr(0, 2)))
      << "the file is not the upstream's gzip stream";
  EXPECT_TRUE(actual == expected) << "data differs from the upstream body: got " << actual.size()
                                  << " bytes starting \"" << absl::CEscape(actual.substr(0, 40))
                                  << "\", expected the upstream's " << expected.size() << " bytes";
}

constexpr char kStackPath[] = "/api/stacks/acme-corp/payments-api/prod";
constexpr char kStackFields[] =
    R"("orgName": "acme-corp", "projectName": "payments-api", "stackName": "prod")";
constexpr char kUpdateId[] = "3b9e4f1a-6c2d-4e8f-a0b1-c2d3e4f5a6b7";

std::string Stack(const std::string& rest = "") { return kStackPath + rest; }
std::string StackRequest(const std::string& more = "") {
  return std::string("{") + kStackFields + (more.empty() ? "" : ", " + more) + "}";
}

Reply Json(std::string body, int status = 200) {
  Reply reply;
  reply.status = status;
  reply.body = std::move(body);
  return reply;
}
Reply NoContent() { return Reply{204, "", "", {}, false}; }
Reply GzipFile(const std::string& text) {
  Reply reply;
  reply.body = Gzip(text);
  reply.content_type = "text/plain; charset=utf-8";
  reply.headers = {{"Content-Encoding", "gzip"}};
  reply.exact_bytes = true;
  return reply;
}

std::vector<Row> Rows() {
  std::vector<Row> rows;

  // ---- StacksService ----
  rows.push_back({"ListStacks", "StacksService.ListStacks",
                  R"({"organization": "acme-corp", "project": "payments-api", "tagName": "team",
                      "tagValue": "payments & billing", "continuationToken": "bWVtYmVyczoxMA==",
                      "maxResults": 50, "roleID": "7d3c9a10-2b4e-4f61-9a8b-5c6d7e8f9012"})",
                  "GET",
                  "/api/user/stacks?organization=acme-corp&project=payments-api&tagName=team"
                  "&tagValue=payments%20%26%20billing&continuationToken=bWVtYmVyczoxMA%3D%3D"
                  "&maxResults=50&roleID=7d3c9a10-2b4e-4f61-9a8b-5c6d7e8f9012",
                  "", Json(Fixture("stack_list.json")), [](const Message& m) {
                    const auto& r = As<v1::ListStacksResponse>(m);
                    ASSERT_EQ(r.stacks_size(), 2);
                    EXPECT_EQ(r.stacks(0).id(), "5f0d2c7e-8a1b-4c3d-9e2f-0a1b2c3d4e5f");
                    EXPECT_EQ(r.stacks(0).org_name(), "acme-corp");
                    EXPECT_EQ(r.stacks(0).last_update(), 1754300112);
                    EXPECT_EQ(r.stacks(0).resource_count(), 37);
                    EXPECT_EQ(r.stacks(1).stack_name(), "staging");
                    EXPECT_EQ(r.stacks(1).links().self(),
                              "https://app.pulumi.com/acme-corp/payments-api/staging");
                    EXPECT_EQ(r.continuation_token(), "eyJvIjoiYWNtZS1jb3JwIiwicyI6MTB9");
                  }});
  rows.push_back({"ListStacks_NoFilters", "StacksService.ListStacks", "{}", "GET",
                  "/api/user/stacks", "", Json(R"({"stacks": []})"), [](const Message& m) {
                    const auto& r = As<v1::ListStacksResponse>(m);
                    EXPECT_EQ(r.stacks_size(), 0);
                    EXPECT_EQ(r.continuation_token(), "");
                  }});
  rows.push_back({"GetStack", "StacksService.GetStack", StackRequest(), "GET", Stack(), "",
                  Json(Fixture("stack.json")), [](const Message& m) {
                    const v1::Stack& s = As<v1::GetStackResponse>(m).stack();
                    EXPECT_EQ(s.id(), "5f0d2c7e-8a1b-4c3d-9e2f-0a1b2c3d4e5f");
                    EXPECT_EQ(s.stack_name(), "prod");
                    EXPECT_EQ(s.current_operation().kind(), "update");
                    EXPECT_EQ(s.current_operation().author(), "jdoe");
                    EXPECT_EQ(s.current_operation().started(), 1754300112);
                    EXPECT_EQ(s.active_update(), kUpdateId);
                    EXPECT_EQ(s.tags().size(), 7u);
                    EXPECT_EQ(s.tags().at("pulumi:runtime"), "nodejs");
                    EXPECT_EQ(s.config().environment(), "payments-api/prod");
                    EXPECT_FALSE(s.config().has_secrets_provider());
                    EXPECT_EQ(s.version(), 42);
                  }});
  rows.push_back(
      {"CreateStack", "StacksService.CreateStack",
       R"({"orgName": "acme-corp", "projectName": "payments-api", "stackName": "staging",
           "tags": {"team": "payments"}, "teams": ["payments", "platform"],
           "state": {"version": 3, "deployment": {"manifest": {"version": "v3.189.0"}, "resources": []}},
           "config": {"environment": "payments-api/staging"}})",
       "POST", "/api/stacks/acme-corp/payments-api",
       R"({"stackName": "staging", "tags": {"team": "payments"}, "teams": ["payments", "platform"],
           "state": {"version": 3, "features": [],
                     "deployment": {"manifest": {"version": "v3.189.0"}, "resources": []}},
           "config": {"environment": "payments-api/staging"}})",
       Json(R"({"messages": [{"severity": "warning",
                              "message": "environment payments-api/staging was created"}]})"),
       [](const Message& m) {
         const auto& r = As<v1::CreateStackResponse>(m);
         ASSERT_EQ(r.messages_size(), 1);
         EXPECT_EQ(r.messages(0).severity(), "warning");
         EXPECT_EQ(r.messages(0).message(), "environment payments-api/staging was created");
       }});
  rows.push_back({"DeleteStack", "StacksService.DeleteStack", StackRequest(R"("force": true)"),
                  "DELETE", Stack("?force=true"), "", NoContent(), ExpectEmpty});
  rows.push_back({"ExportStack", "StacksService.ExportStack", StackRequest(), "GET",
                  Stack("/export"), "", Json(Fixture("deployment.json")), [](const Message& m) {
                    const auto& r = As<v1::ExportStackResponse>(m);
                    EXPECT_EQ(r.version(), 3);
                    EXPECT_EQ(r.features_size(), 0);
                    CheckDeployment(r.deployment());
                  }});
  rows.push_back({"ExportStackAtVersion", "StacksService.ExportStackAtVersion",
                  StackRequest(R"("version": "41")"), "GET", Stack("/export/41"), "",
                  Json(Fixture("deployment_v4.json")), [](const Message& m) {
                    const auto& r = As<v1::ExportStackAtVersionResponse>(m);
                    EXPECT_EQ(r.version(), 4);
                    EXPECT_THAT(r.features(), ::testing::ElementsAre("refreshBeforeUpdate"));
                    EXPECT_EQ(r.deployment()
                                  .fields()
                                  .at("resources")
                                  .list_value()
                                  .values(0)
                                  .struct_value()
                                  .fields()
                                  .at("refreshBeforeUpdate")
                                  .bool_value(),
                              true);
                  }});
  rows.push_back({"AddStackTag", "StacksService.AddStackTag",
                  StackRequest(R"("name": "cost-center", "value": "cc-1042")"), "POST",
                  Stack("/tags"), R"({"name": "cost-center", "value": "cc-1042"})", NoContent(),
                  ExpectEmpty});
  rows.push_back(
      {"UpdateStackTag", "StacksService.UpdateStackTag",
       StackRequest(
           R"("tagName": "acme:cost center", "name": "acme:cost-center", "value": "cc-2001")"),
       "PATCH", Stack("/tags/acme%3Acost%20center"),
       R"({"name": "acme:cost-center", "value": "cc-2001"})", NoContent(), ExpectEmpty});
  rows.push_back(
      {"ReplaceStackTags", "StacksService.ReplaceStackTags",
       StackRequest(R"("tags": {"pulumi:project": "payments-api", "team": "payments",
                                           "cost-center": "cc-1042"})"),
       "PATCH", Stack("/tags"),
       R"({"pulumi:project": "payments-api", "team": "payments", "cost-center": "cc-1042"})",
       NoContent(), ExpectEmpty});
  rows.push_back({"DeleteStackTag", "StacksService.DeleteStackTag",
                  StackRequest(R"("tagName": "team/legacy")"), "DELETE",
                  Stack("/tags/team%2Flegacy"), "", NoContent(), ExpectEmpty});
  rows.push_back({"TransferStack", "StacksService.TransferStack",
                  StackRequest(R"("transfer": {"toOrg": "acme-platform", "fromOrg": "acme-corp"})"),
                  "POST", Stack("/transfer"),
                  R"({"toOrg": "acme-platform", "fromOrg": "acme-corp"})", NoContent(),
                  ExpectEmpty});
  rows.push_back(
      {"RenameStack", "StacksService.RenameStack", StackRequest(R"("newName": "production")"),
       "POST", Stack("/rename"), R"({"newName": "production", "newProject": ""})",
       Json(R"({"updateId": "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"})"), [](const Message& m) {
         EXPECT_EQ(As<v1::RenameStackResponse>(m).update_id(),
                   "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a");
       }});
  rows.push_back(
      {"GetStackMetadata", "StacksService.GetStackMetadata", StackRequest(), "GET",
       Stack("/metadata"), "",
       Json(R"({"orgName": "acme-corp", "projectName": "payments-api", "stackName": "prod",
                "ownedBy": {"name": "Jane Doe", "githubLogin": "jdoe", "avatarUrl": "https://avatars.githubusercontent.com/u/1001?v=4"},
                "notificationSettings": {"notifyUpdateFailure": true, "notifyUpdateSuccess": false}})"),
       [](const Message& m) {
         const v1::StackMetadata& md = As<v1::GetStackMetadataResponse>(m).metadata();
         EXPECT_EQ(md.org_name(), "acme-corp");
         EXPECT_EQ(md.stack_name(), "prod");
         EXPECT_EQ(md.owned_by().github_login(), "jdoe");
         EXPECT_EQ(md.owned_by().avatar_url(), "https://avatars.githubusercontent.com/u/1001?v=4");
         EXPECT_TRUE(md.notification_settings().notify_update_failure());
         EXPECT_FALSE(md.notification_settings().notify_update_success());
       }});
  rows.push_back({"GetStackResourceCount", "StacksService.GetStackResourceCount", StackRequest(),
                  "GET", Stack("/resources/count"), "",
                  Json(R"({"resourceCount": 37, "version": 42})"), [](const Message& m) {
                    const auto& r = As<v1::GetStackResourceCountResponse>(m);
                    EXPECT_EQ(r.resource_count(), 37);
                    EXPECT_EQ(r.version(), 42);
                  }});

  // ---- StackUpdatesService ----
  rows.push_back({"ListUpdates", "StackUpdatesService.ListUpdates",
                  StackRequest(R"("page": 1, "pageSize": 1, "output-type": "service")"), "GET",
                  Stack("/updates?page=1&pageSize=1&output-type=service"), "",
                  Json(ServiceUpdateList()), [](const Message& m) {
                    const auto& r = As<v1::ListUpdatesResponse>(m);
                    ASSERT_EQ(r.updates_size(), 1);
                    CheckServiceUpdate(r.updates(0));
                    EXPECT_EQ(r.items_per_page(), 1);
                    EXPECT_EQ(r.total(), 42);
                  }});
  rows.push_back(
      {"ListUpdates_LegacyFormat", "StackUpdatesService.ListUpdates",
       StackRequest(R"("page": 1, "pageSize": 1)"), "GET", Stack("/updates?page=1&pageSize=1"), "",
       Json(Fixture("legacy_updates.json")), [](const Message& m) {
         const auto& r = As<v1::ListUpdatesResponse>(m);
         ASSERT_EQ(r.updates_size(), 1);
         const v1::StackUpdate& u = r.updates(0);
         EXPECT_EQ(u.kind(), "update");
         EXPECT_EQ(u.start_time(), 1754300112);
         EXPECT_EQ(u.end_time(), 1754300157);
         EXPECT_EQ(u.version(), 42);
         EXPECT_EQ(u.result(), "succeeded");
         EXPECT_EQ(u.environment().at("git.dirty"), "false");
         EXPECT_EQ(u.environment().at("stack.environments"), "[{\"id\":\"payments-api/prod\"}]");
         EXPECT_TRUE(u.config().at("payments-api:dbPassword").secret());
         EXPECT_EQ(u.config().at("payments-api:limits").value(), "{\"rps\":500}");
         EXPECT_TRUE(u.config().at("payments-api:limits").object());
         EXPECT_EQ(u.resource_changes().at("create"), 1);
         EXPECT_EQ(u.resource_count(), 37);
         EXPECT_EQ(u.update_id(), "");
         EXPECT_EQ(r.items_per_page(), 0);
         EXPECT_EQ(r.total(), 0);
       }});
  rows.push_back(
      {"GetLatestUpdate", "StackUpdatesService.GetLatestUpdate", StackRequest(), "GET",
       Stack("/updates/latest"), "", Json(Fixture("service_update.json")),
       [](const Message& m) { CheckServiceUpdate(As<v1::GetLatestUpdateResponse>(m).update()); }});
  rows.push_back(
      {"GetUpdate", "StackUpdatesService.GetUpdate", StackRequest(R"("version": 42)"), "GET",
       Stack("/updates/42"), "", Json(Fixture("service_update.json")),
       [](const Message& m) { CheckServiceUpdate(As<v1::GetUpdateResponse>(m).update()); }});
  rows.push_back({"GetUpdateStatus", "StackUpdatesService.GetUpdateStatus",
                  StackRequest(std::string(R"("kind": "update", "updateId": ")") + kUpdateId +
                               R"(", "continuationToken": "17")"),
                  "GET", Stack(std::string("/update/") + kUpdateId + "?continuationToken=17"), "",
                  Json(Fixture("update_status.json")), [](const Message& m) {
                    const auto& r = As<v1::GetUpdateStatusResponse>(m);
                    EXPECT_EQ(r.status(), "running");
                    ASSERT_EQ(r.events_size(), 1);
                    EXPECT_EQ(r.events(0).index(), "17");
                    EXPECT_EQ(r.events(0).kind(), "stdout");
                    EXPECT_EQ(r.events(0).fields().fields().at("text").string_value(),
                              "Updating (prod)\n");
                    EXPECT_EQ(r.continuation_token(), "18");
                  }});
  rows.push_back(
      {"GetUpdateStatus_Preview", "StackUpdatesService.GetUpdateStatus",
       StackRequest(std::string(R"("kind": "preview", "updateId": ")") + kUpdateId + R"(")"), "GET",
       Stack(std::string("/preview/") + kUpdateId), "",
       Json(R"({"status": "not started", "events": []})"), [](const Message& m) {
         const auto& r = As<v1::GetUpdateStatusResponse>(m);
         EXPECT_EQ(r.status(), "not started");
         EXPECT_EQ(r.events_size(), 0);
         EXPECT_EQ(r.continuation_token(), "");
       }});
  rows.push_back(
      {"ListUpdateEvents", "StackUpdatesService.ListUpdateEvents",
       StackRequest(std::string(R"("kind": "refresh", "updateId": ")") + kUpdateId +
                    R"(", "type": ["diagnosticEvent", "summaryEvent"],
                        "urn": "urn:pulumi:prod::payments-api::aws:s3/bucket:Bucket::ledger",
                        "include_non_activated": true)"),
       "GET",
       Stack(
           std::string("/refresh/") + kUpdateId +
           "/events?type=diagnosticEvent&type=summaryEvent"
           "&urn=urn%3Apulumi%3Aprod%3A%3Apayments-api%3A%3Aaws%3As3%2Fbucket%3ABucket%3A%3Aledger"
           "&include_non_activated=true"),
       "", Json(Fixture("engine_events.json")), [](const Message& m) {
         const auto& r = As<v1::ListUpdateEventsResponse>(m);
         ASSERT_EQ(r.events_size(), 9);
         EXPECT_EQ(r.events(0).timestamp(), 1754300113);
         EXPECT_EQ(r.events(0).type(), "preludeEvent");
         EXPECT_EQ(r.events(0).payload_case(), v1::EngineEvent::kPreludeEvent);
         EXPECT_EQ(r.events(0)
                       .prelude_event()
                       .fields()
                       .at("config")
                       .struct_value()
                       .fields()
                       .at("payments-api:dbPassword")
                       .string_value(),
                   "[secret]");
         EXPECT_EQ(r.events(1).payload_case(), v1::EngineEvent::kProgressEvent);
         EXPECT_EQ(r.events(1).progress_event().fields().at("received").number_value(), 52428800);
         EXPECT_EQ(r.events(2).payload_case(), v1::EngineEvent::kResourcePreEvent);
         EXPECT_EQ(r.events(3).diagnostic_event().fields().at("severity").string_value(),
                   "warning");
         EXPECT_EQ(r.events(4).policy_event().fields().at("policyName").string_value(),
                   "s3-no-public-read");
         EXPECT_EQ(r.events(5).payload_case(), v1::EngineEvent::kResOutputsEvent);
         EXPECT_EQ(r.events(6).payload_case(), v1::EngineEvent::kStdoutEvent);
         EXPECT_EQ(r.events(7)
                       .summary_event()
                       .fields()
                       .at("PolicyPacks")
                       .struct_value()
                       .fields()
                       .at("aws-guardrails")
                       .string_value(),
                   "v1.4.0");
         EXPECT_EQ(r.events(8).type(), "cancelEvent");
         EXPECT_EQ(r.events(8).payload_case(), v1::EngineEvent::kCancelEvent);
         EXPECT_EQ(r.continuation_token(), "");
       }});
  rows.push_back(
      {"CancelUpdate", "StackUpdatesService.CancelUpdate",
       StackRequest(std::string(R"("kind": "destroy", "updateId": ")") + kUpdateId + R"(")"),
       "POST", Stack(std::string("/destroy/") + kUpdateId + "/cancel"), "", NoContent(),
       ExpectEmpty});

  // ---- OrganizationsService ----
  rows.push_back(
      {"ListMembers", "OrganizationsService.ListMembers",
       R"({"orgName": "acme-corp", "continuationToken": "bWVtYmVyczpqZG9l",
                      "type": "frontend"})",
       "GET", "/api/orgs/acme-corp/members?continuationToken=bWVtYmVyczpqZG9l&type=frontend", "",
       Json(MemberList()), [](const Message& m) {
         const auto& r = As<v1::ListMembersResponse>(m);
         ASSERT_EQ(r.members_size(), 2);
         EXPECT_EQ(r.members(0).role(), "admin");
         EXPECT_EQ(r.members(0).user().email(), "jdoe@acme.example");
         EXPECT_EQ(r.members(0).created(), "2023-02-14T18:22:05Z");
         EXPECT_TRUE(r.members(0).known_to_pulumi());
         EXPECT_THAT(r.members(0).teams(), ::testing::ElementsAre("payments", "platform"));
         EXPECT_EQ(r.members(1).fga_role().name(), "Payments Operator");
         EXPECT_EQ(r.members(1).fga_role().modified_at(), "2025-03-19T15:04:05Z");
         EXPECT_EQ(r.continuation_token(), "bWVtYmVyczpya3VtYXI=");
       }});
  rows.push_back({"AddMember", "OrganizationsService.AddMember",
                  R"({"orgName": "acme-corp", "userLogin": "rkumar", "role": "member"})", "POST",
                  "/api/orgs/acme-corp/members/rkumar", R"({"role": "member"})",
                  Json(Fixture("member_ravi.json")), [](const Message& m) {
                    const v1::OrganizationMember& member = As<v1::AddMemberResponse>(m).member();
                    EXPECT_EQ(member.role(), "member");
                    EXPECT_EQ(member.user().github_login(), "rkumar");
                    EXPECT_EQ(member.fga_role().id(), "7d3c9a10-2b4e-4f61-9a8b-5c6d7e8f9012");
                    EXPECT_EQ(member.links().self(),
                              "https://app.pulumi.com/acme-corp/settings/members/rkumar");
                  }});
  rows.push_back({"UpdateMemberRole", "OrganizationsService.UpdateMemberRole",
                  R"({"orgName": "acme-corp", "userLogin": "rkumar",
                      "fgaRoleId": "7d3c9a10-2b4e-4f61-9a8b-5c6d7e8f9012"})",
                  "PATCH", "/api/orgs/acme-corp/members/rkumar",
                  R"({"fgaRoleId": "7d3c9a10-2b4e-4f61-9a8b-5c6d7e8f9012"})", NoContent(),
                  ExpectEmpty});
  rows.push_back({"RemoveMember", "OrganizationsService.RemoveMember",
                  R"({"orgName": "acme-corp", "userLogin": "rkumar"})", "DELETE",
                  "/api/orgs/acme-corp/members/rkumar", "", NoContent(), ExpectEmpty});
  rows.push_back({"ListTeams", "OrganizationsService.ListTeams", R"({"orgName": "acme-corp"})",
                  "GET", "/api/orgs/acme-corp/teams", "",
                  Json(std::string(R"({"teams": [)") + Fixture("team.json") + "]}"),
                  [](const Message& m) {
                    const auto& r = As<v1::ListTeamsResponse>(m);
                    ASSERT_EQ(r.teams_size(), 1);
                    CheckTeam(r.teams(0));
                  }});
  rows.push_back({"GetTeam", "OrganizationsService.GetTeam",
                  R"({"orgName": "acme-corp", "teamName": "payments"})", "GET",
                  "/api/orgs/acme-corp/teams/payments", "", Json(Fixture("team.json")),
                  [](const Message& m) { CheckTeam(As<v1::GetTeamResponse>(m).team()); }});
  rows.push_back({"CreateTeam", "OrganizationsService.CreateTeam",
                  R"({"orgName": "acme-corp", "name": "payments", "displayName": "Payments",
                      "description": "Owns the payments stacks"})",
                  "POST", "/api/orgs/acme-corp/teams/pulumi",
                  R"({"name": "payments", "displayName": "Payments",
                      "description": "Owns the payments stacks"})",
                  Json(Fixture("team.json"), 201),
                  [](const Message& m) { CheckTeam(As<v1::CreateTeamResponse>(m).team()); }});
  rows.push_back({"UpdateTeam", "OrganizationsService.UpdateTeam",
                  R"({"orgName": "acme-corp", "teamName": "payments",
                      "newDisplayName": "Payments Team",
                      "addStackPermission": {"projectName": "payments-api", "stackName": "staging",
                                             "permission": 102},
                      "addEnvironmentPermission": {"projectName": "payments-api", "envName": "prod",
                                                   "permission": "open", "maxOpenDuration": "1h0m0s"},
                      "removeStack": {"projectName": "payments-api", "stackName": "legacy"}})",
                  "PATCH", "/api/orgs/acme-corp/teams/payments",
                  R"({"newDisplayName": "Payments Team",
                      "addStackPermission": {"projectName": "payments-api", "stackName": "staging",
                                             "permission": 102},
                      "removeStack": {"projectName": "payments-api", "stackName": "legacy"},
                      "addEnvironmentPermission": {"projectName": "payments-api", "envName": "prod",
                                                   "permission": "open", "maxOpenDuration": "1h0m0s"}})",
                  NoContent(), ExpectEmpty});
  rows.push_back({"AddTeamMember", "OrganizationsService.AddTeamMember",
                  R"({"orgName": "acme-corp", "teamName": "payments", "member": "rkumar"})",
                  "PATCH", "/api/orgs/acme-corp/teams/payments",
                  R"({"memberAction": "add", "member": "rkumar"})", NoContent(), ExpectEmpty});
  rows.push_back({"RemoveTeamMember", "OrganizationsService.RemoveTeamMember",
                  R"({"orgName": "acme-corp", "teamName": "payments", "member": "rkumar"})",
                  "PATCH", "/api/orgs/acme-corp/teams/payments",
                  R"({"memberAction": "remove", "member": "rkumar"})", NoContent(), ExpectEmpty});
  rows.push_back({"DeleteTeam", "OrganizationsService.DeleteTeam",
                  R"({"orgName": "acme-corp", "teamName": "payments"})", "DELETE",
                  "/api/orgs/acme-corp/teams/payments", "", NoContent(), ExpectEmpty});
  rows.push_back({"ListAuditLogEvents", "OrganizationsService.ListAuditLogEvents",
                  R"({"orgName": "acme-corp", "startTime": 1754300200, "userFilter": "acme-ci",
                      "eventFilter": "stack.update"})",
                  "GET",
                  "/api/orgs/acme-corp/auditlogs?startTime=1754300200&userFilter=acme-ci"
                  "&eventFilter=stack.update",
                  "", Json(Fixture("audit_log.json")), [](const Message& m) {
                    const auto& r = As<v1::ListAuditLogEventsResponse>(m);
                    CheckAuditEvents(r.audit_log_events());
                    EXPECT_EQ(r.continuation_token(), "1754299000");
                  }});
  rows.push_back({"ListAuditLogEventsV2", "OrganizationsService.ListAuditLogEventsV2",
                  R"({"orgName": "acme-corp", "continuationToken": "1754299000",
                      "startTime": 1754200000, "endTime": 1754300200, "format": "json"})",
                  "GET",
                  "/api/orgs/acme-corp/auditlogs/v2?continuationToken=1754299000"
                  "&startTime=1754200000&endTime=1754300200&format=json",
                  "", Json(Fixture("audit_log.json")), [](const Message& m) {
                    const auto& r = As<v1::ListAuditLogEventsV2Response>(m);
                    CheckAuditEvents(r.audit_log_events());
                    EXPECT_EQ(r.continuation_token(), "1754299000");
                  }});
  // The export body is gzip-compressed CSV/CEF (Content-Encoding: gzip, as the Pulumi API and
  // the project's emulator send it); the proto promises the decompressed file in `data`.
  rows.push_back({"ExportAuditLogs", "OrganizationsService.ExportAuditLogs",
                  R"({"orgName": "acme-corp", "startTime": 1754300200, "format": "csv"})", "GET",
                  "/api/orgs/acme-corp/auditlogs/export?startTime=1754300200&format=csv", "",
                  GzipFile(kAuditCsv), [](const Message& m) {
                    const auto& r = As<v1::ExportAuditLogsResponse>(m);
                    EXPECT_EQ(r.content_type(), "text/plain; charset=utf-8");
                    ExpectSameBytes(r.data(), kAuditCsv);
                  }});
  rows.push_back({"ExportAuditLogsV2", "OrganizationsService.ExportAuditLogsV2",
                  R"({"orgName": "acme-corp", "startTime": 1754200000, "endTime": 1754300200,
                      "format": "cef"})",
                  "GET",
                  "/api/orgs/acme-corp/auditlogs/v2/export?startTime=1754200000&endTime=1754300200"
                  "&format=cef",
                  "", GzipFile(kAuditCef), [](const Message& m) {
                    const auto& r = As<v1::ExportAuditLogsV2Response>(m);
                    EXPECT_EQ(r.content_type(), "text/plain; charset=utf-8");
                    ExpectSameBytes(r.data(), kAuditCef);
                  }});
  // A file served without Content-Encoding (e.g. behind a proxy that already decoded it) is
  // passed through unchanged.
  rows.push_back({"ExportAuditLogs_PlainCsv", "OrganizationsService.ExportAuditLogs",
                  R"({"orgName": "acme-corp", "continuationToken": "1754299000"})", "GET",
                  "/api/orgs/acme-corp/auditlogs/export?continuationToken=1754299000", "",
                  Reply{200, kAuditCsv, "text/csv", {}, true}, [](const Message& m) {
                    const auto& r = As<v1::ExportAuditLogsResponse>(m);
                    EXPECT_EQ(r.content_type(), "text/csv");
                    EXPECT_EQ(r.data(), kAuditCsv);
                  }});

  // ---- UsersService ----
  rows.push_back({"GetCurrentUser", "UsersService.GetCurrentUser", "{}", "GET", "/api/user", "",
                  Json(R"({"name": "acme-corp", "githubLogin": "acme-corp",
                "avatarUrl": "https://api.pulumi.com/static/avatars/acme-corp.png",
                "organizations": [{"githubLogin": "acme-corp", "name": "Acme Corp",
                                   "avatarUrl": "https://api.pulumi.com/static/avatars/acme.png"}],
                "tokenInfo": {"name": "ci-deployer", "organization": "acme-corp",
                              "team": "platform"}})"),
                  [](const Message& m) {
                    const auto& r = As<v1::GetCurrentUserResponse>(m);
                    EXPECT_EQ(r.name(), "acme-corp");
                    EXPECT_EQ(r.github_login(), "acme-corp");
                    ASSERT_EQ(r.organizations_size(), 1);
                    EXPECT_EQ(r.organizations(0).name(), "Acme Corp");
                    EXPECT_EQ(r.token_info().name(), "ci-deployer");
                    EXPECT_EQ(r.token_info().organization(), "acme-corp");
                    EXPECT_EQ(r.token_info().team(), "platform");
                  }});
  return rows;
}

// ---- Fixture: one gateway and one fake upstream per test suite -------------------------------

class GatewayFixture : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    upstream_ = new FakeUpstream();
    gateway_ = TestGateway::Start(upstream_->base_url()).release();
    if (gateway_ != nullptr) stub_ = new grpc::GenericStub(gateway_->channel());
  }
  static void TearDownTestSuite() {
    delete stub_;
    delete gateway_;
    delete upstream_;
    stub_ = nullptr;
    gateway_ = nullptr;
    upstream_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(gateway_, nullptr) << "the gateway did not start";
    upstream_->ClearRequests();
  }

  static void Serve(const Reply& reply) {
    upstream_->SetHandler([reply](const httplib::Request&, httplib::Response& res) {
      res.status = reply.status;
      for (const auto& [name, value] : reply.headers) res.set_header(name.c_str(), value);
      if (reply.body.empty()) return;
      if (reply.exact_bytes) {
        // A content provider keeps the test server from compressing the body on its own.
        const std::string body = reply.body;
        res.set_content_provider(body.size(), reply.content_type.c_str(),
                                 [body](size_t offset, size_t length, httplib::DataSink& sink) {
                                   sink.write(body.data() + offset, length);
                                   return true;
                                 });
      } else {
        res.set_content(reply.body, reply.content_type.c_str());
      }
    });
  }

  static FakeUpstream* upstream_;
  static TestGateway* gateway_;
  static grpc::GenericStub* stub_;
};

FakeUpstream* GatewayFixture::upstream_ = nullptr;
TestGateway* GatewayFixture::gateway_ = nullptr;
grpc::GenericStub* GatewayFixture::stub_ = nullptr;

// Header names the gateway may send upstream, besides the ones cpp-httplib records about the
// connection (REMOTE_ADDR, ...). Anything else would be caller metadata leaking through.
const std::set<std::string>& AllowedUpstreamHeaders() {
  static const auto* allowed = new std::set<std::string>{
      "host",         "authorization", "accept",         "user-agent",
      "x-request-id", "content-type",  "content-length", "accept-encoding",
      "remote_addr",  "remote_port",   "local_addr",     "local_port"};
  return *allowed;
}

// Checks the headers of an upstream request made for a call that sent `authorization`.
void ExpectGatewayHeaders(const RecordedRequest& request, const std::string& expected_auth,
                          const std::string& request_id, bool has_body) {
  EXPECT_EQ(request.headers.count("Authorization"), 1u);
  EXPECT_EQ(request.Header("Authorization"), expected_auth);
  EXPECT_EQ(request.Header("Accept"), "application/vnd.pulumi+8");
  EXPECT_THAT(request.Header("User-Agent"), StartsWith("pulumi-grpc-gateway/"));
  EXPECT_THAT(request.Header("User-Agent"), Not(HasSubstr("grpc-c++")));
  EXPECT_FALSE(request_id.empty()) << "no x-request-id initial metadata";
  EXPECT_EQ(request.Header("X-Request-ID"), request_id);
  if (has_body) {
    EXPECT_EQ(request.Header("Content-Type"), "application/json");
  } else {
    EXPECT_EQ(request.headers.count("Content-Type"), 0u)
        << "Content-Type \"" << request.Header("Content-Type") << "\" on a request without a body";
  }
  for (const auto& [name, value] : request.headers) {
    EXPECT_EQ(AllowedUpstreamHeaders().count(absl::AsciiStrToLower(name)), 1u)
        << "unexpected upstream header " << name << ": " << value;
    EXPECT_THAT(value, Not(HasSubstr(kSecretMetadataValue))) << "in header " << name;
  }
}

// ---- The contract of every RPC ---------------------------------------------------------------

class GatewayRoutesTest : public GatewayFixture, public ::testing::WithParamInterface<Row> {};

TEST_P(GatewayRoutesTest, SendsExactRequestAndMapsResponse) {
  const Row& row = GetParam();
  const google::protobuf::MethodDescriptor* method = FindMethod(row.rpc);
  ASSERT_NE(method, nullptr) << row.rpc << " is not in the protos";
  Serve(row.reply);

  // Alternate the two accepted schemes; both must reach the upstream as "token X".
  const bool bearer = row.name.size() % 2 == 0;
  const std::string authorization = (bearer ? "Bearer " : "token ") + std::string(kToken);
  CallResult result = CallGateway(*stub_, method, row.request,
                                  {{"authorization", authorization},
                                   {"x-secret-header", kSecretMetadataValue},
                                   {"cookie", std::string("session=") + kSecretMetadataValue}});
  ASSERT_TRUE(result.status.ok()) << result.status.error_code() << ": "
                                  << result.status.error_message();

  const std::vector<RecordedRequest> requests = upstream_->requests();
  ASSERT_EQ(requests.size(), 1u);
  const RecordedRequest& sent = requests[0];
  EXPECT_EQ(sent.method, row.http_method);
  EXPECT_EQ(sent.target, row.target);
  ExpectGatewayHeaders(sent, std::string("token ") + kToken, result.request_id, !row.body.empty());
  if (row.body.empty()) {
    EXPECT_EQ(sent.body, "");
  } else {
    const nlohmann::json actual = nlohmann::json::parse(sent.body, nullptr, false);
    ASSERT_FALSE(actual.is_discarded()) << "body is not JSON: " << sent.body;
    EXPECT_EQ(actual, nlohmann::json::parse(row.body)) << "sent body: " << sent.body;
  }
  row.check(*result.response);
}

INSTANTIATE_TEST_SUITE_P(AllRpcs, GatewayRoutesTest, ::testing::ValuesIn(Rows()),
                         [](const ::testing::TestParamInfo<Row>& info) { return info.param.name; });

// The table covers every released RPC (0.2.0) of the four released services, and nothing else.
// The RPCs generated since (tools/openapi/generate.py) are exercised by the generated end-to-end
// suite instead of a hand-written row each.
TEST(GatewayRoutesTableTest, CoversEveryRpcOfTheProtos) {
  std::set<std::string> in_protos;
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  // Link the generated code, so the pool has the files.
  ASSERT_NE(v1::StacksService::service_full_name(), nullptr);
  ASSERT_NE(v1::StackUpdatesService::service_full_name(), nullptr);
  ASSERT_NE(v1::OrganizationsService::service_full_name(), nullptr);
  ASSERT_NE(v1::UsersService::service_full_name(), nullptr);
  std::set<std::string> services;
  for (const char* file_name : kServiceFiles) {
    const google::protobuf::FileDescriptor* file = pool->FindFileByName(file_name);
    ASSERT_NE(file, nullptr) << file_name;
    for (int s = 0; s < file->service_count(); ++s) {
      const google::protobuf::ServiceDescriptor* service = file->service(s);
      services.insert(service->name());
      for (int m = 0; m < service->method_count(); ++m) {
        // Server-streaming RPCs are covered by streaming_test.cc, composite ones (assembled from
        // the routes tested here) by composite_test.cc.
        if (service->method(m)->server_streaming()) continue;
        if (service->method(m)->options().HasExtension(pulumi::gateway::v1::composite)) continue;
        in_protos.insert(service->name() + "." + service->method(m)->name());
      }
    }
  }
  EXPECT_EQ(services, std::set<std::string>(std::begin(kServices), std::end(kServices)))
      << "a service was added or removed: test it here (every linked-in service is served)";

  std::set<std::string> in_table;
  std::set<std::string> names;
  for (const Row& row : Rows()) {
    in_table.insert(row.rpc);
    EXPECT_TRUE(names.insert(row.name).second) << "duplicate row name " << row.name;
    EXPECT_TRUE(absl::StartsWith(row.name, row.rpc.substr(row.rpc.find('.') + 1)))
        << "row " << row.name << " should be named after its RPC " << row.rpc;
  }
  EXPECT_EQ(in_table.size(), 36u) << "the released RPCs each have a row";
  for (const std::string& rpc : in_table) {
    EXPECT_EQ(in_protos.count(rpc), 1u) << rpc << " is in the table but not in the protos";
  }
  EXPECT_FALSE(in_protos.empty()) << "no RPCs found in the generated descriptor pool";
}

// ---- Headers, auth forwarding and request ids ------------------------------------------------

class GatewayHeadersTest : public GatewayFixture {};

TEST_F(GatewayHeadersTest, AuthorizationSchemesAreForwardedAsToken) {
  const auto* method = FindMethod("StacksService.GetStackResourceCount");
  Serve(Json(R"({"resourceCount": 37, "version": 42})"));
  for (const std::string& authorization :
       {std::string("Bearer ") + kToken, std::string("bearer ") + kToken,
        std::string("token ") + kToken, std::string("Token ") + kToken,
        std::string("  Bearer   ") + kToken + "  "}) {
    SCOPED_TRACE(authorization);
    upstream_->ClearRequests();
    CallResult result =
        CallGateway(*stub_, method, StackRequest(), {{"authorization", authorization}});
    ASSERT_TRUE(result.status.ok()) << result.status.error_message();
    const auto requests = upstream_->requests();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(requests[0].Header("Authorization"), std::string("token ") + kToken);
  }
}

TEST_F(GatewayHeadersTest, CallerRequestIdIsReusedWhenPlainAndReplacedOtherwise) {
  const auto* method = FindMethod("StacksService.GetStackResourceCount");
  Serve(Json(R"({"resourceCount": 37, "version": 42})"));
  const Metadata auth = {{"authorization", std::string("token ") + kToken}};

  Metadata with_id = auth;
  with_id.emplace_back("x-request-id", "trace-7f3a_01");
  CallResult reused = CallGateway(*stub_, method, StackRequest(), with_id);
  ASSERT_TRUE(reused.status.ok()) << reused.status.error_message();
  EXPECT_EQ(reused.request_id, "trace-7f3a_01");

  Metadata with_bad_id = auth;
  with_bad_id.emplace_back("x-request-id", "id with spaces; and=more");
  CallResult replaced = CallGateway(*stub_, method, StackRequest(), with_bad_id);
  ASSERT_TRUE(replaced.status.ok()) << replaced.status.error_message();
  EXPECT_NE(replaced.request_id, "id with spaces; and=more");
  EXPECT_FALSE(replaced.request_id.empty());

  CallResult fresh1 = CallGateway(*stub_, method, StackRequest(), auth);
  CallResult fresh2 = CallGateway(*stub_, method, StackRequest(), auth);
  EXPECT_FALSE(fresh1.request_id.empty());
  EXPECT_NE(fresh1.request_id, fresh2.request_id) << "request ids must be unique per call";

  const auto requests = upstream_->requests();
  ASSERT_EQ(requests.size(), 4u);
  EXPECT_EQ(requests[0].Header("X-Request-ID"), "trace-7f3a_01");
  EXPECT_EQ(requests[1].Header("X-Request-ID"), replaced.request_id);
  EXPECT_EQ(requests[2].Header("X-Request-ID"), fresh1.request_id);
  EXPECT_EQ(requests[3].Header("X-Request-ID"), fresh2.request_id);
}

// Path values can never change the route: every reserved character is percent-encoded.
TEST_F(GatewayHeadersTest, PathValuesAreEncodedPerSegment) {
  const auto* method = FindMethod("StacksService.GetStack");
  Serve(Json(Fixture("stack.json")));
  CallResult result = CallGateway(*stub_, method,
                                  R"({"orgName": "acme corp", "projectName": "payments-api",
          "stackName": "prod/../../user/stacks?x=1#frag%2F"})",
                                  {{"authorization", std::string("token ") + kToken}});
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  const auto requests = upstream_->requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(
      requests[0].target,
      "/api/stacks/acme%20corp/payments-api/prod%2F..%2F..%2Fuser%2Fstacks%3Fx%3D1%23frag%252F");
}

}  // namespace
}  // namespace pulumi_gateway::testing
