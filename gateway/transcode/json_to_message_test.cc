#include "gateway/transcode/json_to_message.h"
#include "gateway/transcode/json_dom_fill.h"
#include "gateway/transcode/json_text_fill.h"

#include "gateway/transcode/json_to_wire.h"

#include <random>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "pulumi/service/v1/organizations.pb.h"
#include "pulumi/service/v1/stacks.pb.h"
#include "pulumi/service/v1/updates.pb.h"
#include "testdata/forms.pb.h"

namespace pulumi_gateway {
namespace {

namespace v1 = ::pulumi::service::v1;
using ::google::protobuf::Struct;
using ::google::protobuf::Value;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

// Example payloads of the Pulumi Service API (research note §8), verbatim.
// §8.1
constexpr char kListStacks[] = R"json({
  "stacks": [
    {"id": "5f0d2c7e-8a1b-4c3d-9e2f-0a1b2c3d4e5f", "orgName": "acme-corp", "projectName": "payments-api", "stackName": "prod",
     "lastUpdate": 1754300112, "resourceCount": 37, "links": {"self": "https://app.pulumi.com/acme-corp/payments-api/prod"}},
    {"id": "a7c1e9b2-3d4f-4a5b-8c6d-7e8f9a0b1c2d", "orgName": "acme-corp", "projectName": "payments-api", "stackName": "staging",
     "lastUpdate": 1754212800, "resourceCount": 35, "links": {"self": "https://app.pulumi.com/acme-corp/payments-api/staging"}}
  ],
  "continuationToken": "eyJvIjoiYWNtZS1jb3JwIiwicyI6MTB9"
})json";

// §8.2
constexpr char kGetStack[] = R"json({
  "id": "5f0d2c7e-8a1b-4c3d-9e2f-0a1b2c3d4e5f",
  "orgName": "acme-corp", "projectName": "payments-api", "stackName": "prod",
  "currentOperation": {"kind": "update", "author": "jdoe", "started": 1754300112},
  "activeUpdate": "3b9e4f1a-6c2d-4e8f-a0b1-c2d3e4f5a6b7",
  "tags": {"pulumi:project": "payments-api", "pulumi:runtime": "nodejs", "pulumi:description": "Payments service infrastructure",
           "vcs:owner": "acme-corp", "vcs:repo": "payments-infra", "vcs:kind": "github.com", "team": "payments"},
  "config": {"environment": "payments-api/prod"},
  "version": 42
})json";

// §8.3
constexpr char kExportStack[] = R"json({
  "version": 3,
  "deployment": {
    "manifest": {"time": "2025-08-04T09:35:27.112233-07:00", "magic": "6ed32cc63f3d459cb6f52bb150bc8ff68db740bf43964d429d5ca57f52c832b1",
                 "version": "v3.189.0", "plugins": [{"name": "aws", "path": "", "type": "resource", "version": "7.3.0"}]},
    "secrets_providers": {"type": "service", "state": {"url": "https://api.pulumi.com", "owner": "acme-corp", "project": "payments-api", "stack": "prod"}},
    "resources": [
      {"urn": "urn:pulumi:prod::payments-api::pulumi:pulumi:Stack::payments-api-prod", "custom": false, "type": "pulumi:pulumi:Stack",
       "outputs": {"bucketName": "payments-ledger-8f3a2c1"}, "created": "2025-06-01T12:00:00Z", "modified": "2025-08-04T16:35:20Z"},
      {"urn": "urn:pulumi:prod::payments-api::pulumi:providers:aws::default_7_3_0", "custom": true,
       "id": "0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e", "type": "pulumi:providers:aws",
       "inputs": {"region": "us-west-2", "version": "7.3.0"}, "outputs": {"region": "us-west-2", "version": "7.3.0"}},
      {"urn": "urn:pulumi:prod::payments-api::aws:s3/bucket:Bucket::ledger", "custom": true, "id": "payments-ledger-8f3a2c1",
       "type": "aws:s3/bucket:Bucket",
       "inputs": {"__defaults": ["bucket", "forceDestroy"], "bucket": "payments-ledger-8f3a2c1", "forceDestroy": false},
       "outputs": {"arn": "arn:aws:s3:::payments-ledger-8f3a2c1", "bucket": "payments-ledger-8f3a2c1",
                   "tags": {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "ciphertext": "v1:Qm9nd3Vz:ZmFrZWNpcGhlcnRleHQ="}},
       "parent": "urn:pulumi:prod::payments-api::pulumi:pulumi:Stack::payments-api-prod",
       "protect": true, "dependencies": [],
       "provider": "urn:pulumi:prod::payments-api::pulumi:providers:aws::default_7_3_0::0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e",
       "propertyDependencies": {"bucket": [], "forceDestroy": []}, "additionalSecretOutputs": ["tags"]}
    ]
  }
})json";

// §8.4
constexpr char kListUpdatesCli[] = R"json({
  "updates": [
    {"kind": "update", "startTime": 1754300112, "message": "Rotate ledger KMS key (#214)",
     "environment": {"exec.kind": "cli", "git.author": "Jane Doe", "git.author.email": "jdoe@acme.example", "git.dirty": "false",
                     "git.head": "9c1f0e7d2b3a4c5d6e7f8a9b0c1d2e3f4a5b6c7d", "git.headName": "refs/heads/main",
                     "vcs.kind": "github.com", "vcs.owner": "acme-corp", "vcs.repo": "payments-infra",
                     "stack.environments": "[{\"id\":\"payments-api/prod\"}]"},
     "config": {"aws:region": {"string": "us-west-2", "secret": false, "object": false},
                "payments-api:dbPassword": {"string": "AAABAMk9cGxhY2Vob2xkZXI=", "secret": true, "object": false},
                "payments-api:limits": {"string": "{\"rps\":500}", "secret": false, "object": true}},
     "result": "succeeded", "endTime": 1754300157, "version": 42,
     "resourceChanges": {"same": 35, "update": 1, "create": 1}, "resourceCount": 37}
  ]
})json";

// §8.5
constexpr char kListUpdatesService[] = R"json({
  "updates": [
    {"info": {"kind": "update", "startTime": 1754300112, "message": "Rotate ledger KMS key (#214)",
              "environment": {"exec.kind": "cli", "vcs.kind": "github.com", "vcs.owner": "acme-corp", "vcs.repo": "payments-infra"},
              "config": {"aws:region": {"string": "us-west-2", "secret": false, "object": false}},
              "result": "succeeded", "endTime": 1754300157, "version": 42,
              "resourceChanges": {"same": 35, "update": 1, "create": 1}, "resourceCount": 37},
     "updateID": "3b9e4f1a-6c2d-4e8f-a0b1-c2d3e4f5a6b7",
     "githubCommitInfo": {"slug": "acme-corp/payments-infra", "sha": "9c1f0e7d2b3a4c5d6e7f8a9b0c1d2e3f4a5b6c7d",
                          "url": "https://github.com/acme-corp/payments-infra/commit/9c1f0e7d2b3a4c5d6e7f8a9b0c1d2e3f4a5b6c7d",
                          "message": "Rotate ledger KMS key (#214)",
                          "author": {"name": "Jane Doe", "githubLogin": "jdoe", "avatarUrl": "https://avatars.githubusercontent.com/u/1001?v=4"},
                          "committer": {"name": "GitHub", "githubLogin": "web-flow", "avatarUrl": "https://avatars.githubusercontent.com/u/19864447?v=4"}},
     "version": 42, "latestVersion": 42,
     "requestedBy": {"name": "Jane Doe", "githubLogin": "jdoe", "avatarUrl": "https://avatars.githubusercontent.com/u/1001?v=4"},
     "policyPacks": [{"name": "aws-guardrails", "displayName": "AWS Guardrails", "version": 7, "versionTag": "1.4.0",
                      "config": {"s3-no-public-read": {"enforcementLevel": "mandatory"}}, "environments": ["policy/aws-guardrails"]}],
     "requestedByToken": "ci-deploy-token"}
  ],
  "itemsPerPage": 1,
  "total": 42
})json";

// §8.6
constexpr char kUpdateStatus[] = R"json({
  "status": "running",
  "events": [{"index": "17", "kind": "stdout", "fields": {"text": "Updating (prod)\n", "color": "raw"}}],
  "continuationToken": "18"
})json";

// §8.7
constexpr char kUpdateEvents[] = R"json({
  "events": [
    {"timestamp": 1754300113, "type": "preludeEvent", "preludeEvent": {"config": {"aws:region": "us-west-2", "payments-api:dbPassword": "[secret]"}}},
    {"timestamp": 1754300114, "type": "progressEvent", "progressEvent": {"type": "plugin-download", "id": "aws-7.3.0", "message": "Downloading provider: aws", "received": 52428800, "total": 52428800, "done": true}},
    {"timestamp": 1754300120, "type": "resourcePreEvent", "resourcePreEvent": {"metadata": {
      "op": "update", "urn": "urn:pulumi:prod::payments-api::aws:s3/bucket:Bucket::ledger", "type": "aws:s3/bucket:Bucket",
      "old": {"type": "aws:s3/bucket:Bucket", "urn": "urn:pulumi:prod::payments-api::aws:s3/bucket:Bucket::ledger", "custom": true,
              "id": "payments-ledger-8f3a2c1", "parent": "urn:pulumi:prod::payments-api::pulumi:pulumi:Stack::payments-api-prod", "protect": true,
              "inputs": {"forceDestroy": false}, "outputs": {"arn": "arn:aws:s3:::payments-ledger-8f3a2c1"},
              "provider": "urn:pulumi:prod::payments-api::pulumi:providers:aws::default_7_3_0::0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e"},
      "new": {"type": "aws:s3/bucket:Bucket", "urn": "urn:pulumi:prod::payments-api::aws:s3/bucket:Bucket::ledger", "custom": true,
              "id": "payments-ledger-8f3a2c1", "parent": "urn:pulumi:prod::payments-api::pulumi:pulumi:Stack::payments-api-prod", "protect": true,
              "inputs": {"forceDestroy": true}, "outputs": {},
              "provider": "urn:pulumi:prod::payments-api::pulumi:providers:aws::default_7_3_0::0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e"},
      "keys": [], "diffs": ["forceDestroy"], "detailedDiff": {"forceDestroy": {"diffKind": "update", "inputDiff": true}},
      "logical": true, "provider": "urn:pulumi:prod::payments-api::pulumi:providers:aws::default_7_3_0::0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e"},
      "planning": false}},
    {"timestamp": 1754300121, "type": "diagnosticEvent", "diagnosticEvent": {"urn": "urn:pulumi:prod::payments-api::aws:s3/bucket:Bucket::ledger", "prefix": "warning: ", "message": "forceDestroy enabled on a protected bucket\n", "color": "raw", "severity": "warning", "streamID": 0, "ephemeral": false}},
    {"timestamp": 1754300122, "type": "policyEvent", "policyEvent": {"resourceUrn": "urn:pulumi:prod::payments-api::aws:s3/bucket:Bucket::ledger", "message": "Buckets must block public reads.", "color": "raw", "policyName": "s3-no-public-read", "policyPackName": "aws-guardrails", "policyPackVersion": "7", "policyPackVersionTag": "1.4.0", "enforcementLevel": "warning", "severity": "high"}},
    {"timestamp": 1754300150, "type": "resOutputsEvent", "resOutputsEvent": {"metadata": {
      "op": "update", "urn": "urn:pulumi:prod::payments-api::aws:s3/bucket:Bucket::ledger", "type": "aws:s3/bucket:Bucket", "old": null,
      "new": {"type": "aws:s3/bucket:Bucket", "urn": "urn:pulumi:prod::payments-api::aws:s3/bucket:Bucket::ledger", "custom": true,
              "id": "payments-ledger-8f3a2c1", "parent": "urn:pulumi:prod::payments-api::pulumi:pulumi:Stack::payments-api-prod",
              "inputs": {"forceDestroy": true}, "outputs": {"arn": "arn:aws:s3:::payments-ledger-8f3a2c1", "forceDestroy": true},
              "provider": "urn:pulumi:prod::payments-api::pulumi:providers:aws::default_7_3_0::0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e"},
      "detailedDiff": null, "provider": "urn:pulumi:prod::payments-api::pulumi:providers:aws::default_7_3_0::0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e"},
      "planning": false}},
    {"timestamp": 1754300156, "type": "stdoutEvent", "stdoutEvent": {"message": "Resources:\n    ~ 1 updated\n    36 unchanged\n", "color": "raw"}},
    {"timestamp": 1754300157, "type": "summaryEvent", "summaryEvent": {"maybeCorrupt": false, "durationSeconds": 45, "resourceChanges": {"same": 35, "update": 1, "create": 1}, "PolicyPacks": {"aws-guardrails": "v1.4.0"}, "isPreview": false, "result": "succeeded"}},
    {"timestamp": 1754300157, "type": "cancelEvent", "cancelEvent": {}}
  ],
  "continuationToken": null
})json";

// §8.8
constexpr char kListMembers[] = R"json({
  "members": [
    {"role": "admin", "user": {"name": "Jane Doe", "githubLogin": "jdoe", "avatarUrl": "https://avatars.githubusercontent.com/u/1001?v=4", "email": "jdoe@acme.example"},
     "created": "2023-02-14T18:22:05Z", "knownToPulumi": true, "virtualAdmin": false,
     "links": {"self": "https://app.pulumi.com/acme-corp/settings/members/jdoe"},
     "fgaRole": {"id": "admin", "name": "Admin", "modifiedAt": "2024-11-01T00:00:00Z"}, "teams": ["payments", "platform"]},
    {"role": "member", "user": {"name": "Ravi Kumar", "githubLogin": "rkumar", "avatarUrl": "https://avatars.githubusercontent.com/u/1002?v=4", "email": "rkumar@acme.example"},
     "created": "2024-06-03T09:10:44Z", "knownToPulumi": true, "virtualAdmin": false,
     "links": {"self": "https://app.pulumi.com/acme-corp/settings/members/rkumar"},
     "fgaRole": {"id": "7d3c9a10-2b4e-4f61-9a8b-5c6d7e8f9012", "name": "Payments Operator", "modifiedAt": "2025-03-19T15:04:05Z"}, "teams": ["payments"]}
  ],
  "continuationToken": "bWVtYmVyczpya3VtYXI="
})json";

// §8.9
constexpr char kGetTeam[] = R"json({
  "kind": "pulumi", "name": "payments", "displayName": "Payments", "description": "Owns the payments stacks",
  "members": [{"name": "Jane Doe", "githubLogin": "jdoe", "avatarUrl": "https://avatars.githubusercontent.com/u/1001?v=4", "role": "admin"},
              {"name": "Ravi Kumar", "githubLogin": "rkumar", "avatarUrl": "https://avatars.githubusercontent.com/u/1002?v=4", "role": "member"}],
  "stacks": [{"projectName": "payments-api", "stackName": "prod", "permission": 103, "permissionSetName": "Stack Admin"},
             {"projectName": "payments-api", "stackName": "staging", "permission": 102, "permissionSetName": "Stack Write"}],
  "environments": [{"projectName": "payments-api", "envName": "prod", "permission": "open", "maxOpenDuration": "1h0m0s", "permissionSetName": "Environment Open"}],
  "accounts": [{"accountName": "aws-prod", "permission": 1, "permissionSetName": "Account Read"}],
  "listMembersError": "",
  "userRole": "admin",
  "roleIds": ["7d3c9a10-2b4e-4f61-9a8b-5c6d7e8f9012"]
})json";

// §8.10
constexpr char kAuditLogs[] = R"json({
  "continuationToken": "1754299000",
  "auditLogEvents": [
    {"timestamp": 1754300112, "sourceIP": "203.0.113.24", "event": "stack.update", "description": "Started update \"3b9e4f1a-6c2d-4e8f-a0b1-c2d3e4f5a6b7\" for stack \"payments-api/prod\"",
     "user": {"name": "CI Bot", "githubLogin": "acme-ci", "avatarUrl": "https://www.gravatar.com/avatar/00000000000000000000000000000000?d=identicon"},
     "tokenID": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f", "tokenName": "ci-deploy-token", "reqOrgAdmin": false, "reqStackAdmin": false,
     "authFailure": false, "actorName": "ci-deploy-token", "actorUrn": "urn:pulumi:org:acme-corp:token:ci-deploy-token"},
    {"timestamp": 1754299000, "sourceIP": "198.51.100.7", "event": "member.role.changed", "description": "Changed organization role for \"rkumar\" to member",
     "user": {"name": "Jane Doe", "githubLogin": "jdoe", "avatarUrl": "https://avatars.githubusercontent.com/u/1001?v=4"},
     "tokenID": "", "tokenName": "", "reqOrgAdmin": true, "reqStackAdmin": false, "authFailure": false, "actorName": "", "actorUrn": ""}
  ]
})json";

// §8.12 resources/count
constexpr char kResourceCount[] = R"json({"resourceCount": 37, "version": 42})json";

// §8.12 stack metadata
constexpr char kStackMetadata[] =
    R"json({"orgName": "acme-corp", "projectName": "payments-api", "stackName": "prod",
 "ownedBy": {"name": "Jane Doe", "githubLogin": "jdoe", "avatarUrl": "https://avatars.githubusercontent.com/u/1001?v=4"},
 "notificationSettings": {"notifyUpdateFailure": true, "notifyUpdateSuccess": false}})json";

std::string Message(const absl::Status& status) { return std::string(status.message()); }

// Parses `json` into `message`, expecting success and no unknown keys.
template <typename M>
M ParseClean(absl::string_view json) {
  M message;
  ParseReport report;
  absl::Status status = JsonToMessage(json, &message, &report);
  EXPECT_TRUE(status.ok()) << status;
  EXPECT_THAT(report.unknown_keys, IsEmpty());
  EXPECT_EQ(report.unknown_key_count, 0);
  return message;
}

// ---------------------------------------------------------------------------------------------
// The documented payloads parse into the real response messages with zero unknown keys.

TEST(JsonToMessageFixtureTest, ListStacks) {
  auto r = ParseClean<v1::ListStacksResponse>(kListStacks);
  ASSERT_EQ(r.stacks_size(), 2);
  EXPECT_EQ(r.stacks(0).id(), "5f0d2c7e-8a1b-4c3d-9e2f-0a1b2c3d4e5f");
  EXPECT_EQ(r.stacks(0).org_name(), "acme-corp");
  EXPECT_EQ(r.stacks(0).stack_name(), "prod");
  EXPECT_EQ(r.stacks(0).last_update(), 1754300112);
  EXPECT_EQ(r.stacks(0).resource_count(), 37);
  EXPECT_EQ(r.stacks(1).links().self(), "https://app.pulumi.com/acme-corp/payments-api/staging");
  EXPECT_EQ(r.continuation_token(), "eyJvIjoiYWNtZS1jb3JwIiwicyI6MTB9");
}

TEST(JsonToMessageFixtureTest, GetStack) {
  auto stack = ParseClean<v1::Stack>(kGetStack);
  EXPECT_EQ(stack.current_operation().kind(), "update");
  EXPECT_EQ(stack.current_operation().started(), 1754300112);
  EXPECT_EQ(stack.active_update(), "3b9e4f1a-6c2d-4e8f-a0b1-c2d3e4f5a6b7");
  EXPECT_EQ(stack.tags().size(), 7u);
  EXPECT_EQ(stack.tags().at("pulumi:runtime"), "nodejs");
  EXPECT_EQ(stack.config().environment(), "payments-api/prod");
  EXPECT_FALSE(stack.config().has_secrets_provider());
  EXPECT_EQ(stack.version(), 42);
}

TEST(JsonToMessageFixtureTest, ExportStack) {
  auto r = ParseClean<v1::ExportStackResponse>(kExportStack);
  EXPECT_EQ(r.version(), 3);
  const Struct& deployment = r.deployment();
  // Snake-case keys inside the opaque state survive as they are.
  ASSERT_TRUE(deployment.fields().contains("secrets_providers"));
  const Value& resources = deployment.fields().at("resources");
  ASSERT_EQ(resources.list_value().values_size(), 3);
  const Struct& bucket = resources.list_value().values(2).struct_value();
  EXPECT_EQ(bucket.fields().at("protect").bool_value(), true);
  EXPECT_EQ(bucket.fields().at("dependencies").list_value().values_size(), 0);
  EXPECT_EQ(bucket.fields()
                .at("outputs")
                .struct_value()
                .fields()
                .at("tags")
                .struct_value()
                .fields()
                .at("4dabf18193072939515e22adb298388d")
                .string_value(),
            "1b47061264138c4ac30d75fd1eb44270");
}

TEST(JsonToMessageFixtureTest, ListUpdatesLegacyFormat) {
  auto r = ParseClean<v1::ListUpdatesResponse>(kListUpdatesCli);
  ASSERT_EQ(r.updates_size(), 1);
  const v1::StackUpdate& u = r.updates(0);
  EXPECT_EQ(u.kind(), "update");
  EXPECT_EQ(u.start_time(), 1754300112);
  EXPECT_EQ(u.environment().at("git.dirty"), "false");
  EXPECT_EQ(u.config().at("payments-api:dbPassword").value(), "AAABAMk9cGxhY2Vob2xkZXI=");
  EXPECT_TRUE(u.config().at("payments-api:dbPassword").secret());
  EXPECT_TRUE(u.config().at("payments-api:limits").object());
  EXPECT_EQ(u.resource_changes().at("same"), 35);
  EXPECT_EQ(u.version(), 42);
  EXPECT_FALSE(u.has_info());
  EXPECT_EQ(r.total(), 0);
}

TEST(JsonToMessageFixtureTest, ListUpdatesServiceFormat) {
  auto r = ParseClean<v1::ListUpdatesResponse>(kListUpdatesService);
  ASSERT_EQ(r.updates_size(), 1);
  const v1::StackUpdate& u = r.updates(0);
  EXPECT_EQ(u.update_id(), "3b9e4f1a-6c2d-4e8f-a0b1-c2d3e4f5a6b7");
  EXPECT_EQ(u.info().result(), "succeeded");
  EXPECT_EQ(u.info().resource_count(), 37);
  EXPECT_EQ(u.github_commit_info().committer().github_login(), "web-flow");
  EXPECT_EQ(u.latest_version(), 42);
  ASSERT_EQ(u.policy_packs_size(), 1);
  EXPECT_EQ(u.policy_packs(0).version(), 7);
  EXPECT_EQ(u.policy_packs(0).version_tag(), "1.4.0");
  EXPECT_EQ(u.policy_packs(0)
                .config()
                .fields()
                .at("s3-no-public-read")
                .struct_value()
                .fields()
                .at("enforcementLevel")
                .string_value(),
            "mandatory");
  EXPECT_EQ(u.requested_by_token(), "ci-deploy-token");
  EXPECT_EQ(r.items_per_page(), 1);
  EXPECT_EQ(r.total(), 42);
}

TEST(JsonToMessageFixtureTest, UpdateStatus) {
  auto r = ParseClean<v1::GetUpdateStatusResponse>(kUpdateStatus);
  EXPECT_EQ(r.status(), "running");
  ASSERT_EQ(r.events_size(), 1);
  EXPECT_EQ(r.events(0).index(), "17");
  EXPECT_EQ(r.events(0).fields().fields().at("text").string_value(), "Updating (prod)\n");
  EXPECT_EQ(r.continuation_token(), "18");
}

TEST(JsonToMessageFixtureTest, EngineEventsFillTheOneofPayloadNamedByType) {
  auto r = ParseClean<v1::ListUpdateEventsResponse>(kUpdateEvents);
  ASSERT_EQ(r.events_size(), 9);
  EXPECT_EQ(r.continuation_token(), "");  // null: the last poll.
  const google::protobuf::Descriptor* d = v1::EngineEvent::descriptor();
  for (const v1::EngineEvent& event : r.events()) {
    SCOPED_TRACE(event.type());
    const google::protobuf::FieldDescriptor* set =
        event.GetReflection()->GetOneofFieldDescriptor(event, d->FindOneofByName("payload"));
    ASSERT_NE(set, nullptr);
    EXPECT_EQ(set->json_name(), event.type());
  }
  EXPECT_EQ(r.events(0).payload_case(), v1::EngineEvent::kPreludeEvent);
  EXPECT_EQ(r.events(1).progress_event().fields().at("received").number_value(), 52428800);

  // resOutputsEvent: "old": null and "detailedDiff": null stay as JSON nulls inside the Struct.
  const Struct& metadata = r.events(5).res_outputs_event().fields().at("metadata").struct_value();
  EXPECT_EQ(metadata.fields().at("old").kind_case(), Value::kNullValue);
  EXPECT_EQ(metadata.fields().at("detailedDiff").kind_case(), Value::kNullValue);

  // summaryEvent keeps the PascalCase `PolicyPacks` key verbatim.
  const v1::EngineEvent& summary = r.events(7);
  ASSERT_EQ(summary.payload_case(), v1::EngineEvent::kSummaryEvent);
  ASSERT_TRUE(summary.summary_event().fields().contains("PolicyPacks"));
  EXPECT_EQ(summary.summary_event()
                .fields()
                .at("PolicyPacks")
                .struct_value()
                .fields()
                .at("aws-guardrails")
                .string_value(),
            "v1.4.0");

  // cancelEvent: {} is an empty but present payload.
  EXPECT_EQ(r.events(8).payload_case(), v1::EngineEvent::kCancelEvent);
  EXPECT_EQ(r.events(8).cancel_event().fields_size(), 0);
}

TEST(JsonToMessageFixtureTest, ListMembers) {
  auto r = ParseClean<v1::ListMembersResponse>(kListMembers);
  ASSERT_EQ(r.members_size(), 2);
  EXPECT_EQ(r.members(0).user().email(), "jdoe@acme.example");
  EXPECT_TRUE(r.members(0).known_to_pulumi());
  EXPECT_EQ(r.members(1).fga_role().name(), "Payments Operator");
  EXPECT_EQ(r.members(1).created(), "2024-06-03T09:10:44Z");
  EXPECT_THAT(r.members(0).teams(), ElementsAre("payments", "platform"));
  EXPECT_EQ(r.continuation_token(), "bWVtYmVyczpya3VtYXI=");
}

TEST(JsonToMessageFixtureTest, GetTeam) {
  auto team = ParseClean<v1::Team>(kGetTeam);
  EXPECT_EQ(team.kind(), "pulumi");
  EXPECT_EQ(team.display_name(), "Payments");
  ASSERT_EQ(team.members_size(), 2);
  EXPECT_EQ(team.members(1).role(), "member");
  ASSERT_EQ(team.stacks_size(), 2);
  EXPECT_EQ(team.stacks(0).permission(), 103);
  EXPECT_EQ(team.environments(0).permission(), "open");
  EXPECT_EQ(team.environments(0).max_open_duration(), "1h0m0s");
  EXPECT_EQ(team.accounts(0).permission(), 1);
  EXPECT_THAT(team.role_ids(), ElementsAre("7d3c9a10-2b4e-4f61-9a8b-5c6d7e8f9012"));
}

TEST(JsonToMessageFixtureTest, AuditLogs) {
  auto r = ParseClean<v1::ListAuditLogEventsResponse>(kAuditLogs);
  ASSERT_EQ(r.audit_log_events_size(), 2);
  EXPECT_EQ(r.audit_log_events(0).source_ip(), "203.0.113.24");
  EXPECT_EQ(r.audit_log_events(0).token_id(), "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f");
  EXPECT_EQ(r.audit_log_events(0).actor_urn(), "urn:pulumi:org:acme-corp:token:ci-deploy-token");
  EXPECT_TRUE(r.audit_log_events(1).req_org_admin());
  EXPECT_EQ(r.continuation_token(), "1754299000");
}

TEST(JsonToMessageFixtureTest, SmallBodies) {
  auto count = ParseClean<v1::GetStackResourceCountResponse>(kResourceCount);
  EXPECT_EQ(count.resource_count(), 37);
  EXPECT_EQ(count.version(), 42);
  auto metadata = ParseClean<v1::StackMetadata>(kStackMetadata);
  EXPECT_EQ(metadata.owned_by().github_login(), "jdoe");
  EXPECT_TRUE(metadata.notification_settings().notify_update_failure());
  EXPECT_FALSE(metadata.notification_settings().notify_update_success());
}

// ---------------------------------------------------------------------------------------------
// Unknown keys

// ---------------------------------------------------------------------------------------------
// The event-driven fast path (FillFromJsonText) gives exactly what the DOM path gives whenever
// it does not give up, and gives up rarely on well-formed answers.

// Random JSON shaped like a message: mostly its fields with fitting values, plus unknown keys,
// proto names next to JSON names, repeated keys, both members of a oneof, nulls and wrong types.
class ShapedJson {
 public:
  explicit ShapedJson(uint32_t seed) : random_(seed) {}

  std::string Object(const google::protobuf::Descriptor* descriptor, int depth) {
    std::vector<std::string> members;
    std::vector<std::string> keys;
    for (int i = 0, n = Pick(descriptor->field_count() + 2); i < n; ++i) {
      std::string key;
      std::string value;
      if (Pick(8) == 0 || descriptor->field_count() == 0) {
        key = kUnknown[Pick(sizeof(kUnknown) / sizeof(kUnknown[0]))];
        value = Any(depth + 1);
      } else {
        const google::protobuf::FieldDescriptor* field =
            descriptor->field(Pick(descriptor->field_count()));
        key = Pick(6) == 0 ? field->name() : field->json_name();
        value = Field(field, depth);
      }
      if (!keys.empty() && Pick(10) == 0) key = keys[Pick(keys.size())];  // a repeated key
      keys.push_back(key);
      members.push_back(absl::StrCat("\"", key, "\":", value));
    }
    return absl::StrCat("{", absl::StrJoin(members, ","), "}");
  }

  // A JSON value for `field` as a whole (an array for a repeated field, an object for a map),
  // mostly fitting, sometimes null or of another type.
  std::string FieldValue(const google::protobuf::FieldDescriptor* field) { return Field(field, 0); }

 private:
  static constexpr const char* kUnknown[] = {"zUnknown", "aUnknown", "links", "Mixed_Case"};

  int Pick(size_t n) { return static_cast<int>(random_() % n); }

  std::string Field(const google::protobuf::FieldDescriptor* field, int depth) {
    if (Pick(12) == 0) return "null";
    if (Pick(15) == 0) return Any(depth + 1);  // probably the wrong type
    if (field->is_map()) {
      std::vector<std::string> entries;
      for (int i = 0, n = Pick(4); i < n; ++i) {
        entries.push_back(absl::StrCat("\"", std::string(1, "abc"[Pick(3)]),
                                       "\":", Single(field->message_type()->map_value(), depth)));
      }
      return absl::StrCat("{", absl::StrJoin(entries, ","), "}");
    }
    if (field->is_repeated()) {
      std::vector<std::string> elements;
      for (int i = 0, n = Pick(4); i < n; ++i) elements.push_back(Single(field, depth));
      return absl::StrCat("[", absl::StrJoin(elements, ","), "]");
    }
    return Single(field, depth);
  }

  std::string Single(const google::protobuf::FieldDescriptor* field, int depth) {
    using google::protobuf::FieldDescriptor;
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_MESSAGE:
        if (field->message_type()->full_name().rfind("google.protobuf.", 0) == 0) {
          return Any(depth + 1);
        }
        return depth > 4 ? "{}" : Object(field->message_type(), depth + 1);
      case FieldDescriptor::CPPTYPE_STRING:
        return field->type() == FieldDescriptor::TYPE_BYTES
                   ? (Pick(5) == 0 ? "\"!!\"" : "\"aGk=\"")
                   : std::string(Choose({"\"s\"", "\"\\u00e9t\\u00e9\"", "12", "true", "\"\""}));
      case FieldDescriptor::CPPTYPE_BOOL:
        return Choose({"true", "false", "\"true\"", "1"});
      case FieldDescriptor::CPPTYPE_DOUBLE:
      case FieldDescriptor::CPPTYPE_FLOAT:
        return Choose({"1.5", "\"2.5\"", "3", "-0.0", "\"x\""});
      case FieldDescriptor::CPPTYPE_ENUM: {
        const auto* type = field->enum_type();
        if (Pick(5) == 0) return Choose({"\"NOT_A_VALUE\"", "1", "99"});
        return absl::StrCat("\"", type->value(Pick(type->value_count()))->name(), "\"");
      }
      default:
        return Choose({"5", "-3", "\"7\"", "1.0", "1.5", "1e20", "4294967296", "\"-1\""});
    }
  }

  std::string Any(int depth) {
    switch (depth > 6 ? Pick(4) : Pick(7)) {
      case 0:
        return "null";
      case 1:
        return Choose({"true", "false"});
      case 2:
        return Choose({"0", "-7", "2.25", "18446744073709551615", "1e3"});
      case 3:
        return Choose({"\"s\"", "\"\"", "\"\\n\""});
      case 4:
      case 5: {
        std::vector<std::string> members;
        for (int i = 0, n = Pick(4); i < n; ++i) {
          members.push_back(
              absl::StrCat("\"", std::string(1, "kab"[Pick(3)]), "\":", Any(depth + 1)));
        }
        return absl::StrCat("{", absl::StrJoin(members, ","), "}");
      }
      default: {
        std::vector<std::string> elements;
        for (int i = 0, n = Pick(4); i < n; ++i) elements.push_back(Any(depth + 1));
        return absl::StrCat("[", absl::StrJoin(elements, ","), "]");
      }
    }
  }

  const char* Choose(std::initializer_list<const char*> options) {
    return options.begin()[Pick(options.size())];
  }

  std::mt19937 random_;
};

template <typename M>
void ExpectFastPathMatchesDom(uint32_t seed, int documents) {
  SCOPED_TRACE(M::descriptor()->full_name());
  ShapedJson shaped(seed);
  int fast = 0;
  for (int i = 0; i < documents; ++i) {
    const std::string json = shaped.Object(M::descriptor(), 0);
    SCOPED_TRACE(json);
    M from_events;
    ParseReport events_report;
    if (!FillFromJsonText(json, &from_events, &events_report)) continue;
    ++fast;
    M from_dom;
    ParseReport dom_report;
    const absl::Status status =
        JsonValueToMessage(nlohmann::json::parse(json), &from_dom, &dom_report);
    ASSERT_TRUE(status.ok()) << "the fast path took what the DOM path rejects: " << status;
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(from_events, from_dom))
        << from_events.DebugString() << "\nvs DOM\n"
        << from_dom.DebugString();
    EXPECT_EQ(events_report.unknown_keys, dom_report.unknown_keys);
    EXPECT_EQ(events_report.unknown_key_count, dom_report.unknown_key_count);
  }
  // Most shaped documents have a flaw somewhere; still, many must take the fast path.
  EXPECT_GT(fast, documents / 20) << "the fast path gave up on almost everything";
}

TEST(FillFromJsonTextTest, RandomShapedDocumentsMatchTheDomPath) {
  ExpectFastPathMatchesDom<v1::ListStacksResponse>(1, 3000);
  ExpectFastPathMatchesDom<v1::Stack>(2, 3000);
  ExpectFastPathMatchesDom<v1::UpdateInfo>(3, 3000);
  ExpectFastPathMatchesDom<v1::EngineEvent>(4, 3000);
  ExpectFastPathMatchesDom<v1::ExportStackResponse>(5, 3000);
}

// Answers whose whole JSON value is one field (response_body): arrays, maps, scalars, objects.
void ExpectFieldFastPathMatchesDom(const google::protobuf::Message& prototype,
                                   const std::string& field_name, uint32_t seed, int documents) {
  const google::protobuf::FieldDescriptor* field =
      prototype.GetDescriptor()->FindFieldByName(field_name);
  ASSERT_NE(field, nullptr) << field_name;
  SCOPED_TRACE(field->full_name());
  ShapedJson shaped(seed);
  int fast = 0;
  for (int i = 0; i < documents; ++i) {
    const std::string json = shaped.FieldValue(field);
    SCOPED_TRACE(json);
    std::unique_ptr<google::protobuf::Message> from_events(prototype.New());
    ParseReport events_report;
    if (!FillFieldFromJsonText(json, field, from_events.get(), &events_report)) continue;
    ++fast;
    std::unique_ptr<google::protobuf::Message> from_dom(prototype.New());
    ParseReport dom_report;
    const absl::Status status =
        JsonValueToMessageField(nlohmann::json::parse(json), field, from_dom.get(), &dom_report);
    ASSERT_TRUE(status.ok()) << "the fast path took what the DOM path rejects: " << status;
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(*from_events, *from_dom))
        << from_events->DebugString() << "\nvs DOM\n"
        << from_dom->DebugString();
    EXPECT_EQ(events_report.unknown_keys, dom_report.unknown_keys);
    EXPECT_EQ(events_report.unknown_key_count, dom_report.unknown_key_count);
  }
  EXPECT_GT(fast, documents / 20) << "the fast path gave up on almost everything";
}

TEST(FillFieldFromJsonTextTest, RandomShapedValuesMatchTheDomPath) {
  namespace testdata = ::pulumi_gateway::route::testdata;
  ExpectFieldFastPathMatchesDom(testdata::ItemList(), "items", 21, 2000);
  ExpectFieldFastPathMatchesDom(testdata::ItemMap(), "entries", 22, 2000);
  ExpectFieldFastPathMatchesDom(testdata::NameList(), "names", 23, 1000);
  ExpectFieldFastPathMatchesDom(testdata::SizeMap(), "sizes", 24, 1000);
  ExpectFieldFastPathMatchesDom(testdata::StringAnswer(), "value", 25, 500);
  ExpectFieldFastPathMatchesDom(testdata::BoolAnswer(), "value", 26, 500);
  ExpectFieldFastPathMatchesDom(testdata::NumberAnswer(), "value", 27, 500);
  ExpectFieldFastPathMatchesDom(testdata::DoubleAnswer(), "value", 28, 500);
  ExpectFieldFastPathMatchesDom(testdata::AnyAnswer(), "value", 29, 500);
  ExpectFieldFastPathMatchesDom(v1::GetStackResponse(), "stack", 30, 2000);
  ExpectFieldFastPathMatchesDom(v1::ListStacksResponse(), "stacks", 31, 2000);
}

TEST(FillFieldFromJsonTextTest, EveryTopLevelShapeTakesTheFastPath) {
  namespace testdata = ::pulumi_gateway::route::testdata;
  ParseReport report;
  testdata::ItemList items;
  const auto* items_field = items.GetDescriptor()->FindFieldByName("items");
  ASSERT_TRUE(FillFieldFromJsonText("\xEF\xBB\xBF [{\"name\":\"a\",\"z\":1,\"b\":[]}] ",
                                    items_field, &items, &report));
  ASSERT_EQ(items.items_size(), 1);
  EXPECT_EQ(items.items(0).name(), "a");
  EXPECT_THAT(report.unknown_keys, ElementsAre("items.b", "items.z"));
  testdata::ItemMap map;
  ASSERT_TRUE(FillFieldFromJsonText(R"({"k":{"name":"n","x":{}}})",
                                    map.GetDescriptor()->FindFieldByName("entries"), &map,
                                    &report));
  EXPECT_EQ(map.entries().at("k").name(), "n");
  EXPECT_THAT(report.unknown_keys, ElementsAre("entries.k.x"));
  testdata::StringAnswer text;
  const auto* value = text.GetDescriptor()->FindFieldByName("value");
  ASSERT_TRUE(FillFieldFromJsonText(R"("caf\u00e9")", value, &text, &report));
  EXPECT_EQ(text.value(), "caf\xC3\xA9");
  ASSERT_TRUE(FillFieldFromJsonText("null", value, &text, &report));
  EXPECT_EQ(text.value(), "");
  testdata::BoolAnswer flag;
  ASSERT_TRUE(FillFieldFromJsonText("false", flag.GetDescriptor()->FindFieldByName("value"), &flag,
                                    &report));
  testdata::NumberAnswer number;
  ASSERT_TRUE(FillFieldFromJsonText("-12", number.GetDescriptor()->FindFieldByName("value"),
                                    &number, &report));
  EXPECT_EQ(number.value(), -12);
}

TEST(FillFieldFromJsonTextTest, GivesUpWhereTheDomPathDecides) {
  namespace testdata = ::pulumi_gateway::route::testdata;
  ParseReport report;
  testdata::ItemMap map;
  const auto* entries = map.GetDescriptor()->FindFieldByName("entries");
  testdata::ItemList items;
  const auto* items_field = items.GetDescriptor()->FindFieldByName("items");
  testdata::StringAnswer text;
  const auto* value = text.GetDescriptor()->FindFieldByName("value");
  EXPECT_FALSE(FillFieldFromJsonText(R"({"k":{},"k":{}})", entries, &map, &report));
  EXPECT_FALSE(FillFieldFromJsonText(R"({"items":[]})", items_field, &items, &report));
  EXPECT_FALSE(FillFieldFromJsonText(R"([1])", items_field, &items, &report));
  EXPECT_FALSE(FillFieldFromJsonText(R"([] [])", items_field, &items, &report));
  EXPECT_FALSE(FillFieldFromJsonText(R"({})", value, &text, &report));
  EXPECT_FALSE(FillFieldFromJsonText(R"(["a"])", value, &text, &report));
  EXPECT_FALSE(FillFieldFromJsonText("", value, &text, &report));
}

// The wire path (json_to_wire.h) against the DOM path on the same shaped documents: whatever it
// encodes parses into the DOM's message with the DOM's unknown keys; whatever the DOM rejects it
// rejects too, as not JSON or a mismatch; it leaves to the DOM only what the DOM alone settles.
template <typename M>
void ExpectWirePathMatchesDom(uint32_t seed, int documents) {
  SCOPED_TRACE(M::descriptor()->full_name());
  ShapedJson shaped(seed);
  int encoded = 0;
  for (int i = 0; i < documents; ++i) {
    const std::string json = shaped.Object(M::descriptor(), 0);
    SCOPED_TRACE(json);
    std::string wire;
    ParseReport wire_report;
    const WireResult result = JsonToWire(json, M::descriptor(), &wire, &wire_report);
    M from_dom;
    ParseReport dom_report;
    const absl::Status dom = JsonToMessage(json, &from_dom, &dom_report);
    switch (result.outcome) {
      case WireOutcome::kEncoded: {
        ++encoded;
        ASSERT_TRUE(dom.ok()) << "the wire path took what the DOM path rejects: " << dom;
        M from_wire;
        ASSERT_TRUE(from_wire.ParseFromString(wire));
        EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(from_wire, from_dom))
            << from_wire.DebugString() << "\nvs DOM\n"
            << from_dom.DebugString();
        EXPECT_EQ(wire_report.unknown_keys, dom_report.unknown_keys);
        EXPECT_EQ(wire_report.unknown_key_count, dom_report.unknown_key_count);
        break;
      }
      case WireOutcome::kNotJson:
        EXPECT_FALSE(nlohmann::json::accept(json));
        break;
      case WireOutcome::kMismatch:
        EXPECT_EQ(dom.code(), absl::StatusCode::kInvalidArgument) << result.message;
        break;
      case WireOutcome::kUndecided:
        break;
    }
  }
  // Most shaped documents have a flaw somewhere; still, many must be encoded.
  EXPECT_GT(encoded, documents / 20) << "the wire path gave up on too much";
}

TEST(JsonToWireTest, RandomShapedDocumentsMatchTheDomPath) {
  ExpectWirePathMatchesDom<v1::ListStacksResponse>(11, 3000);
  ExpectWirePathMatchesDom<v1::Stack>(12, 3000);
  ExpectWirePathMatchesDom<v1::StackUpdate>(13, 3000);
  ExpectWirePathMatchesDom<v1::UpdateInfo>(14, 3000);
  ExpectWirePathMatchesDom<v1::EngineEvent>(15, 3000);
  ExpectWirePathMatchesDom<v1::ExportStackResponse>(16, 3000);
}

TEST(JsonToWireTest, StrictTypesAgreeWithTheDomPath) {
  for (const char* json : {R"({"index": 17})", R"({"kind": true})", R"({"index": "17"})",
                           R"({"kind": null, "index": "x"})"}) {
    SCOPED_TRACE(json);
    std::string wire;
    ParseReport report;
    v1::UpdateEvent event;
    const bool dom_ok = JsonToMessage(json, &event, &report).ok();
    EXPECT_EQ(JsonToWire(json, v1::UpdateEvent::descriptor(), &wire, &report).outcome ==
                  WireOutcome::kEncoded,
              dom_ok);
  }
  for (const char* json : {R"({"timestamp": "12"})", R"({"timestamp": "+12"})",
                           R"({"timestamp": 12.0})", R"({"timestamp": "1e2"})"}) {
    SCOPED_TRACE(json);
    std::string wire;
    ParseReport report;
    v1::EngineEvent event;
    const bool dom_ok = JsonToMessage(json, &event, &report).ok();
    const WireResult result = JsonToWire(json, v1::EngineEvent::descriptor(), &wire, &report);
    EXPECT_EQ(result.outcome == WireOutcome::kEncoded, dom_ok) << result.message;
  }
}

TEST(JsonToWireTest, MismatchesAreWordedAsTheDomPathWordsThem) {
  std::string wire;
  ParseReport report;
  WireResult result = JsonToWire(R"({"stacks": [{"lastUpdate": "soon"}]})",
                                 v1::ListStacksResponse::descriptor(), &wire, &report);
  EXPECT_EQ(result.outcome, WireOutcome::kMismatch);
  EXPECT_EQ(result.message, "field \"stacks.lastUpdate\": expected an integer, got \"soon\"");
  result = JsonToWire(R"({"tags": {"a": 1}})", v1::Stack::descriptor(), &wire, &report);
  EXPECT_EQ(result.message, "field \"tags.a\": expected a string, got number");
  result = JsonToWire(R"([1])", v1::Stack::descriptor(), &wire, &report);
  EXPECT_EQ(result.outcome, WireOutcome::kMismatch);
  EXPECT_EQ(result.message, "is a JSON array, expected an object");
  result = JsonToWire(R"({"stackName": 1} x)", v1::Stack::descriptor(), &wire, &report);
  EXPECT_EQ(result.outcome, WireOutcome::kNotJson);
  result = JsonToWire(R"({"stackName": "a", "stack_name": "b"})", v1::Stack::descriptor(), &wire,
                      &report);
  EXPECT_EQ(result.outcome, WireOutcome::kUndecided);
}

TEST(JsonToWireTest, AResponseBodyFieldReadsAsTheDomPathWrapsIt) {
  const auto* body = v1::GetStackResponse::descriptor()->FindFieldByName("stack");
  ASSERT_NE(body, nullptr);
  for (const char* json :
       {R"({"stackName":"prod","tags":{"a":"b"},"extra":1})", "null", R"({"stackName":5})", "[1]",
        R"({"tags":{"a":{"x":1}}})", R"({"stackName":"a","stack_name":"b"})"}) {
    SCOPED_TRACE(json);
    std::string wire;
    ParseReport wire_report;
    const WireResult result =
        JsonToWire(json, v1::GetStackResponse::descriptor(), &wire, &wire_report, body);
    v1::GetStackResponse from_dom;
    ParseReport dom_report;
    const absl::Status dom = JsonValueToMessage(
        nlohmann::json{{"stack", nlohmann::json::parse(json)}}, &from_dom, &dom_report);
    if (result.outcome == WireOutcome::kUndecided) continue;
    ASSERT_EQ(result.outcome == WireOutcome::kEncoded, dom.ok()) << result.message << " / " << dom;
    if (!dom.ok()) {
      EXPECT_EQ(absl::StrCat("field ", result.message.substr(result.message.find('"'))),
                absl::StrCat("field ", Message(dom).substr(Message(dom).find('"'))));
      continue;
    }
    v1::GetStackResponse from_wire;
    ASSERT_TRUE(from_wire.ParseFromString(wire));
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(from_wire, from_dom));
    EXPECT_EQ(wire_report.unknown_keys, dom_report.unknown_keys);
    EXPECT_EQ(wire_report.unknown_key_count, dom_report.unknown_key_count);
  }
}

TEST(JsonToWireTest, AHugeMapCostsAboutItsTextOnce) {
  std::string json = R"({"stackName":"prod","tags":{)";
  for (int i = 0; i < 100000; ++i) {
    if (i > 0) json += ',';
    absl::StrAppend(&json, "\"k", i, "\":\"v", i, "\"");
  }
  json += "}}";
  std::string wire;
  ParseReport report;
  ASSERT_EQ(JsonToWire(json, v1::Stack::descriptor(), &wire, &report).outcome,
            WireOutcome::kEncoded);
  EXPECT_LT(wire.size(), json.size() + json.size() / 4);
  v1::Stack stack;
  ASSERT_TRUE(stack.ParseFromString(wire));
  EXPECT_EQ(stack.tags().size(), 100000u);
  EXPECT_EQ(stack.tags().at("k99999"), "v99999");
}

TEST(FillFromJsonTextTest, TakesOnlyWhatNlohmannAccepts) {
  ShapedJson shaped(6);
  std::mt19937 damage(12);
  int taken = 0;
  for (int i = 0; i < 4000; ++i) {
    std::string json = shaped.Object(v1::UpdateInfo::descriptor(), 0);
    const size_t at = std::uniform_int_distribution<size_t>(0, json.size() - 1)(damage);
    switch (damage() % 3) {
      case 0:
        json[at] =
            "{}[]\",:\\x0 \x80"
            "e.-+"[damage() % 17];  // the closing NUL too
        break;
      case 1:
        json.erase(at, 1);
        break;
      default:
        json.insert(at, 1, " ,]}\"1"[damage() % 6]);
        break;
    }
    SCOPED_TRACE(json);
    v1::UpdateInfo info;
    ParseReport report;
    if (!FillFromJsonText(json, &info, &report)) continue;
    ++taken;
    EXPECT_TRUE(nlohmann::json::accept(json));
  }
  EXPECT_GT(taken, 0);
}

TEST(FillFromJsonTextTest, TheDocumentedPayloadsTakeTheFastPath) {
  v1::ListStacksResponse stacks;
  ParseReport report;
  ASSERT_TRUE(FillFromJsonText(kListStacks, &stacks, &report));
  EXPECT_EQ(stacks.stacks_size(), 2);
  v1::Stack stack;
  ASSERT_TRUE(FillFromJsonText(kGetStack, &stack, &report));
  EXPECT_EQ(stack.stack_name(), "prod");
  // Unknown keys do not stop it, and come out in the DOM path's order (sorted per object).
  ASSERT_TRUE(FillFromJsonText(
      R"({"zeta":1,"stacks":[{"orgName":"a","b":{"x":1},"a":2}],"alpha":[]})", &stacks, &report));
  EXPECT_THAT(report.unknown_keys, ElementsAre("alpha", "stacks.a", "stacks.b", "zeta"));
  EXPECT_EQ(report.unknown_key_count, 4);
}

TEST(FillFromJsonTextTest, GivesUpWhereTheDomPathDecides) {
  v1::Stack stack;
  ParseReport report;
  for (const char* json : {
           R"({"stackName":"a","stackName":"b"})",   // a repeated key: the DOM keeps the last
           R"({"stackName":"a","stack_name":"b"})",  // two names of one field
           R"({"tags":{"k":"1","k":"2"}})",          // a repeated map key
           R"({"x":1,"x":2})",                       // a repeated unknown key
           R"({"stackName":{}})",                    // a type the field cannot take
           R"([])",                                  // not an object
           R"({"stackName":"a"} x)",                 // not JSON
       }) {
    SCOPED_TRACE(json);
    EXPECT_FALSE(FillFromJsonText(json, &stack, &report));
  }
  v1::EngineEvent event;
  EXPECT_FALSE(FillFromJsonText(R"({"cancelEvent":{},"stdoutEvent":{}})", &event, &report))
      << "two members of one oneof";
}

TEST(JsonToMessageTest, UnknownKeysAreSkippedAndReportedWithTheirLocation) {
  v1::ListStacksResponse r;
  ParseReport report;
  absl::Status status = JsonToMessage(R"({
      "stacks": [
        {"id": "a", "newKey": 1, "links": {"self": "s", "edit": "e"}},
        {"id": "b", "newKey": {"deep": [1, 2]}, "links": {"edit": "e2"}}
      ],
      "continuationToken": "t",
      "pageInfo": {"total": 2}
    })",
                                      &r, &report);
  ASSERT_TRUE(status.ok()) << status;
  // Known fields around the unknown ones are still filled.
  ASSERT_EQ(r.stacks_size(), 2);
  EXPECT_EQ(r.stacks(1).id(), "b");
  EXPECT_EQ(r.stacks(0).links().self(), "s");
  EXPECT_EQ(r.continuation_token(), "t");
  // Each location once (array elements share a location); the count counts every occurrence,
  // and the contents of an unknown key are not descended into.
  EXPECT_THAT(report.unknown_keys,
              UnorderedElementsAre("stacks.newKey", "stacks.links.edit", "pageInfo"));
  EXPECT_EQ(report.unknown_key_count, 5);
}

TEST(JsonToMessageTest, KeysInsideStructAreNeverUnknown) {
  v1::ExportStackResponse r;
  ParseReport report;
  ASSERT_TRUE(JsonToMessage(R"({"deployment": {"anything": {"goes": [1]}}})", &r, &report).ok());
  EXPECT_THAT(report.unknown_keys, IsEmpty());
  EXPECT_EQ(report.unknown_key_count, 0);
}

TEST(JsonToMessageTest, UnknownKeyListIsCappedButTheCountIsNot) {
  std::string json = "{\"stacks\": []";
  for (int i = 0; i < 40; ++i) json += ", \"k" + std::to_string(i) + "\": " + std::to_string(i);
  json += "}";
  v1::ListStacksResponse r;
  ParseReport report;
  ASSERT_TRUE(JsonToMessage(json, &r, &report).ok());
  EXPECT_EQ(report.unknown_keys.size(), ParseReport::kMaxUnknownKeys);
  EXPECT_EQ(report.unknown_key_count, 40);
}

TEST(JsonToMessageTest, ProtoFieldNamesAreAcceptedToo) {
  auto stack = ParseClean<v1::Stack>(R"({"stack_name": "prod", "orgName": "acme"})");
  EXPECT_EQ(stack.stack_name(), "prod");
  EXPECT_EQ(stack.org_name(), "acme");
}

// ---------------------------------------------------------------------------------------------
// Values

TEST(JsonToMessageTest, NullLeavesFieldsUnset) {
  auto stack = ParseClean<v1::Stack>(
      R"({"stackName": null, "currentOperation": null, "version": null, "tags": null,
          "config": null})");
  EXPECT_EQ(stack.stack_name(), "");
  EXPECT_FALSE(stack.has_current_operation());
  EXPECT_EQ(stack.version(), 0);
  EXPECT_TRUE(stack.tags().empty());
  EXPECT_FALSE(stack.has_config());

  auto config = ParseClean<v1::StackConfig>(R"({"secretsProvider": null})");
  EXPECT_FALSE(config.has_secrets_provider());

  auto list = ParseClean<v1::ListStacksResponse>(R"({"stacks": null, "continuationToken": null})");
  EXPECT_EQ(list.stacks_size(), 0);
}

TEST(JsonToMessageTest, ParsingClearsTheMessageFirst) {
  v1::Stack stack;
  stack.set_org_name("stale");
  stack.set_version(7);
  ParseReport report;
  ASSERT_TRUE(JsonToMessage(R"({"stackName": "prod"})", &stack, &report).ok());
  EXPECT_EQ(stack.org_name(), "");
  EXPECT_EQ(stack.version(), 0);
  EXPECT_EQ(stack.stack_name(), "prod");
}

TEST(JsonToMessageTest, Int64FromNumberOrString) {
  struct Case {
    const char* json;
    int64_t want;
  };
  const std::vector<Case> cases = {
      {R"({"version": 42})", 42},
      {R"({"version": "42"})", 42},
      {R"({"version": -3})", -3},
      {R"({"version": "-3"})", -3},
      {R"({"version": 1.0})", 1},
      {R"({"version": 9223372036854775807})", 9223372036854775807},
      {R"({"version": "9223372036854775807"})", 9223372036854775807},
      {R"({"version": 9007199254740993})", 9007199254740993},  // Above 2^53: no double rounding.
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.json);
    EXPECT_EQ(ParseClean<v1::Stack>(c.json).version(), c.want);
  }
}

// The strict rules, on both paths (the fast path gives up on a mismatch and the DOM path words
// it): a string field takes only a JSON string, a boolean only true/false; integers take a number
// or the decimal string the proto3 JSON mapping writes for 64-bit values (which the request side
// turns back into a number), nothing looser.
TEST(JsonToMessageTest, StrictTypes) {
  struct Case {
    const char* json;
    std::string message;  // empty: accepted
  };
  const std::vector<Case> cases = {
      {R"({"index": "17", "kind": "x"})", ""},
      {R"({"index": 17})", "field \"index\": expected a string, got number"},
      {R"({"kind": true})", "field \"kind\": expected a string, got boolean"},
      {R"({"index": 1.5})", "field \"index\": expected a string, got number"},
      {R"({"timestamp": "1754300114"})", ""},
      {R"({"timestamp": 1754300114})", ""},
      {R"({"timestamp": "-3"})", ""},
      {R"({"timestamp": "abc"})", "field \"timestamp\": expected an integer, got \"abc\""},
      {R"({"timestamp": "+3"})", "expected an integer, got \"+3\""},
      {R"({"timestamp": " 3"})", "expected an integer, got \" 3\""},
      {R"({"timestamp": "3 "})", "expected an integer, got \"3 \""},
      {R"({"timestamp": "1e3"})", "expected an integer, got \"1e3\""},
      {R"({"timestamp": ""})", "expected an integer, got \"\""},
      {R"({"timestamp": {"a": 1}})", "expected an integer, got object"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.json);
    // "index" and "kind" are strings of UpdateEvent, "timestamp" an int64 of EngineEvent.
    v1::UpdateEvent update_event;
    v1::EngineEvent engine_event;
    google::protobuf::Message* message =
        absl::StrContains(c.json, "timestamp")
            ? static_cast<google::protobuf::Message*>(&engine_event)
            : &update_event;
    ParseReport report;
    absl::Status status = JsonToMessage(c.json, message, &report);
    if (c.message.empty()) {
      EXPECT_TRUE(status.ok()) << status;
    } else {
      EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
      EXPECT_THAT(Message(status), HasSubstr(c.message));
    }
  }
}

TEST(JsonToMessageTest, Bool) {
  EXPECT_TRUE(ParseClean<v1::StackNotificationSettings>(R"({"notifyUpdateFailure": true})")
                  .notify_update_failure());
  EXPECT_FALSE(ParseClean<v1::StackNotificationSettings>(R"({"notifyUpdateFailure": false})")
                   .notify_update_failure());
  for (const char* json : {R"({"notifyUpdateFailure": "true"})", R"({"notifyUpdateFailure": 1})"}) {
    v1::StackNotificationSettings settings;
    ParseReport report;
    absl::Status status = JsonToMessage(json, &settings, &report);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(Message(status), HasSubstr("expected a boolean"));
  }
}

TEST(JsonToMessageTest, Maps) {
  auto update = ParseClean<v1::StackUpdate>(R"({
      "environment": {"git.dirty": "true", "exec.kind": "cli"},
      "config": {"aws:region": {"string": "us-west-2", "secret": false, "object": false}},
      "resourceChanges": {"same": 35, "update": "1"}
    })");
  EXPECT_EQ(update.environment().size(), 2u);
  EXPECT_EQ(update.environment().at("git.dirty"), "true");
  EXPECT_EQ(update.config().at("aws:region").value(), "us-west-2");
  EXPECT_EQ(update.resource_changes().at("same"), 35);
  EXPECT_EQ(update.resource_changes().at("update"), 1);
}

TEST(JsonToMessageTest, StructValueAndListValueTakeAnyJsonIncludingNestedNull) {
  auto r = ParseClean<v1::ExportStackResponse>(R"({
      "deployment": {"a": null, "b": [1, null, {"c": null}], "d": {"e": true}, "f": 2.5,
                     "g": "text", "h": []}
    })");
  const auto& f = r.deployment().fields();
  EXPECT_EQ(f.at("a").kind_case(), Value::kNullValue);
  const auto& list = f.at("b").list_value();
  ASSERT_EQ(list.values_size(), 3);
  EXPECT_EQ(list.values(0).number_value(), 1);
  EXPECT_EQ(list.values(1).kind_case(), Value::kNullValue);
  EXPECT_EQ(list.values(2).struct_value().fields().at("c").kind_case(), Value::kNullValue);
  EXPECT_TRUE(f.at("d").struct_value().fields().at("e").bool_value());
  EXPECT_EQ(f.at("f").number_value(), 2.5);
  EXPECT_EQ(f.at("g").string_value(), "text");
  EXPECT_EQ(f.at("h").kind_case(), Value::kListValue);
  EXPECT_EQ(f.at("h").list_value().values_size(), 0);
}

TEST(JsonToMessageTest, ValueFieldKeepsAnExplicitNull) {
  // google.protobuf.Value can hold null; a null must not be confused with an absent key.
  auto present = ParseClean<v1::StackUpdate>(R"({"deployment": null})");
  ASSERT_TRUE(present.has_deployment());
  EXPECT_EQ(present.deployment().kind_case(), Value::kNullValue);

  auto absent = ParseClean<v1::StackUpdate>(R"({})");
  EXPECT_FALSE(absent.has_deployment());

  auto scalar = ParseClean<v1::StackUpdate>(R"({"deployment": "opaque"})");
  EXPECT_EQ(scalar.deployment().string_value(), "opaque");
}

TEST(JsonToMessageTest, OneofPayload) {
  auto event = ParseClean<v1::EngineEvent>(R"({
      "timestamp": 1754300121, "type": "diagnosticEvent",
      "diagnosticEvent": {"message": "warn\n", "severity": "warning", "streamID": 0}
    })");
  EXPECT_EQ(event.timestamp(), 1754300121);
  ASSERT_EQ(event.payload_case(), v1::EngineEvent::kDiagnosticEvent);
  EXPECT_EQ(event.diagnostic_event().fields().at("severity").string_value(), "warning");
  EXPECT_EQ(event.diagnostic_event().fields().at("streamID").number_value(), 0);
}

TEST(JsonToMessageTest, BytesFromBase64) {
  auto r = ParseClean<v1::ExportAuditLogsResponse>(R"({"data": "H4sIAA=="})");
  EXPECT_EQ(r.data(), std::string("\x1f\x8b\x08\x00", 4));
}

// ---------------------------------------------------------------------------------------------
// Errors

TEST(JsonToMessageTest, TypeMismatchesNameTheField) {
  struct Case {
    const char* json;
    std::string message;
  };
  const std::vector<Case> cases = {
      {R"({"stacks": {}})", "field \"stacks\": expected an array, got object"},
      {R"({"stacks": [{"links": "x"}]})", "field \"stacks.links\": expected an object, got string"},
      {R"({"stacks": [{"stackName": {}}]})",
       "field \"stacks.stackName\": expected a string, got object"},
      {R"({"stacks": [{"lastUpdate": "soon"}]})",
       "field \"stacks.lastUpdate\": expected an integer, got \"soon\""},
      {R"({"stacks": [{"lastUpdate": 1.5}]})",
       "field \"stacks.lastUpdate\": expected an integer, got 1.5"},
      {R"({"stacks": [{"resourceCount": "9223372036854775808"}]})",
       "field \"stacks.resourceCount\": expected an integer"},
      {R"({"stacks": [{"resourceCount": 9223372036854775808}]})",
       "field \"stacks.resourceCount\": expected an integer"},
      {R"({"stacks": [{"resourceCount": true}]})",
       "field \"stacks.resourceCount\": expected an integer, got true"},
      {R"({"continuationToken": []})", "field \"continuationToken\": expected a string, got array"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.json);
    v1::ListStacksResponse r;
    ParseReport report;
    absl::Status status = JsonToMessage(c.json, &r, &report);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(Message(status), HasSubstr(c.message));
  }
}

TEST(JsonToMessageTest, MoreTypeMismatches) {
  struct Case {
    const char* json;
    std::string message;
  };
  const std::vector<Case> cases = {
      {R"({"tags": []})", "field \"tags\": expected an object, got array"},
      {R"({"tags": {"a": 1}})", "field \"tags.a\": expected a string, got number"},
      {R"({"tags": {"a": {}}})", "field \"tags.a\": expected a string, got object"},
      {R"({"config": 3})", "field \"config\": expected an object, got number"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.json);
    v1::Stack r;
    ParseReport report;
    absl::Status status = JsonToMessage(c.json, &r, &report);
    if (c.message.empty()) {
      EXPECT_TRUE(status.ok()) << status;
      continue;
    }
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(Message(status), HasSubstr(c.message));
  }
  v1::StackNotificationSettings settings;
  ParseReport report;
  absl::Status status = JsonToMessage(R"({"notifyUpdateFailure": 1})", &settings, &report);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(status), HasSubstr("field \"notifyUpdateFailure\": expected a boolean"));

  v1::ExportStackResponse deployment;
  status = JsonToMessage(R"({"deployment": [1]})", &deployment, &report);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(status), HasSubstr("field \"deployment\": expected an object, got array"));
}

TEST(JsonToMessageTest, MalformedJson) {
  for (const char* text : {"", "{", "{\"stacks\": [}", "not json", "{\"a\": 1,}", "{} trailing"}) {
    SCOPED_TRACE(text);
    v1::ListStacksResponse r;
    ParseReport report;
    absl::Status status = JsonToMessage(text, &r, &report);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(Message(status), HasSubstr("body is not valid JSON"));
  }
}

TEST(JsonToMessageTest, TopLevelMustBeAnObject) {
  for (const char* text : {"[]", "null", "42", "\"text\""}) {
    SCOPED_TRACE(text);
    v1::ListStacksResponse r;
    ParseReport report;
    absl::Status status = JsonToMessage(text, &r, &report);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(Message(status), HasSubstr("field \"(top level)\": expected an object"));
  }
}

std::string Nested(int depth) {
  std::string json;
  for (int i = 0; i < depth; ++i) json += "{\"a\":";
  json += "1";
  for (int i = 0; i < depth; ++i) json += "}";
  return json;
}

TEST(JsonToMessageTest, DepthLimit) {
  v1::ExportStackResponse r;
  ParseReport report;
  // Moderate nesting inside opaque JSON is fine...
  ASSERT_TRUE(JsonToMessage("{\"deployment\": " + Nested(20) + "}", &r, &report).ok());
  EXPECT_EQ(r.deployment().fields().at("a").struct_value().fields().count("a"), 1u);
  // ...hostile nesting is refused instead of recursing without bound.
  absl::Status status = JsonToMessage("{\"deployment\": " + Nested(5000) + "}", &r, &report);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(status), HasSubstr("field \"deployment\": nesting is too deep"));

  std::string list = std::string(5000, '[') + std::string(5000, ']');
  v1::StackUpdate update;
  status = JsonToMessage("{\"deployment\": " + list + "}", &update, &report);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(status), HasSubstr("nesting is too deep"));
}

}  // namespace
}  // namespace pulumi_gateway
