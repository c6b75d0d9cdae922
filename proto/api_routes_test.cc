// The REST contract of the released API (0.2.0), one row per RPC, checked against the compiled
// descriptors.
//
// The rows restate the upstream routes of the Pulumi Service API (the wire contract in the
// project's research note), not the proto files: a changed verb or path, a body or response
// field that moves, or a released endpoint that disappears fails here. The protos are generated
// from the API description (tools/openapi/generate.py); the RPCs added since the release are
// checked by the generator's own tests and `buf breaking` guards every released field.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "google/api/annotations.pb.h"
#include "google/api/http.pb.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/struct.pb.h"
#include "gtest/gtest.h"
#include "pulumi/gateway/v1/options.pb.h"
#include "pulumi/service/v1/organizations.grpc.pb.h"
#include "pulumi/service/v1/stacks.grpc.pb.h"
#include "pulumi/service/v1/updates.grpc.pb.h"
#include "pulumi/service/v1/users.grpc.pb.h"

namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::MethodDescriptor;
using google::protobuf::ServiceDescriptor;
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAreArray;

struct ApiRoute {
  const char* rpc;            // "Service/Method"
  const char* verb;           // GET, POST, PUT, PATCH, DELETE
  const char* path;           // google.api.http path template
  const char* body;           // "" (none), "*" or a field name
  const char* response_body;  // "" or a response field name
};

constexpr char kStack[] = "/api/stacks/{org_name}/{project_name}/{stack_name}";

// clang-format off
const std::vector<ApiRoute>& ExpectedRoutes() {
  static const auto* routes = new std::vector<ApiRoute>{
      // Stacks (§3).
      {"StacksService/ListStacks",            "GET",    "/api/user/stacks", "", ""},
      {"StacksService/GetStack",              "GET",    "/api/stacks/{org_name}/{project_name}/{stack_name}", "", "stack"},
      {"StacksService/CreateStack",           "POST",   "/api/stacks/{org_name}/{project_name}", "*", ""},
      {"StacksService/DeleteStack",           "DELETE", "/api/stacks/{org_name}/{project_name}/{stack_name}", "", ""},
      {"StacksService/ExportStack",           "GET",    "/api/stacks/{org_name}/{project_name}/{stack_name}/export", "", ""},
      {"StacksService/ExportStackAtVersion",  "GET",    "/api/stacks/{org_name}/{project_name}/{stack_name}/export/{version}", "", ""},
      {"StacksService/AddStackTag",           "POST",   "/api/stacks/{org_name}/{project_name}/{stack_name}/tags", "*", ""},
      {"StacksService/UpdateStackTag",        "PATCH",  "/api/stacks/{org_name}/{project_name}/{stack_name}/tags/{tag_name}", "*", ""},
      {"StacksService/ReplaceStackTags",      "PATCH",  "/api/stacks/{org_name}/{project_name}/{stack_name}/tags", "tags", ""},
      {"StacksService/DeleteStackTag",        "DELETE", "/api/stacks/{org_name}/{project_name}/{stack_name}/tags/{tag_name}", "", ""},
      {"StacksService/TransferStack",         "POST",   "/api/stacks/{org_name}/{project_name}/{stack_name}/transfer", "transfer", ""},
      {"StacksService/RenameStack",           "POST",   "/api/stacks/{org_name}/{project_name}/{stack_name}/rename", "*", ""},
      {"StacksService/GetStackMetadata",      "GET",    "/api/stacks/{org_name}/{project_name}/{stack_name}/metadata", "", "metadata"},
      {"StacksService/GetStackResourceCount", "GET",    "/api/stacks/{org_name}/{project_name}/{stack_name}/resources/count", "", ""},
      // Stack updates (§4).
      {"StackUpdatesService/ListUpdates",      "GET",  "/api/stacks/{org_name}/{project_name}/{stack_name}/updates", "", ""},
      {"StackUpdatesService/GetLatestUpdate",  "GET",  "/api/stacks/{org_name}/{project_name}/{stack_name}/updates/latest", "", "update"},
      {"StackUpdatesService/GetUpdate",        "GET",  "/api/stacks/{org_name}/{project_name}/{stack_name}/updates/{version}", "", "update"},
      {"StackUpdatesService/GetUpdateStatus",  "GET",  "/api/stacks/{org_name}/{project_name}/{stack_name}/{kind}/{update_id}", "", ""},
      {"StackUpdatesService/ListUpdateEvents", "GET",  "/api/stacks/{org_name}/{project_name}/{stack_name}/{kind}/{update_id}/events", "", ""},
      {"StackUpdatesService/CancelUpdate",     "POST", "/api/stacks/{org_name}/{project_name}/{stack_name}/{kind}/{update_id}/cancel", "", ""},
      // Organizations (§5).
      {"OrganizationsService/ListMembers",          "GET",    "/api/orgs/{org_name}/members", "", ""},
      {"OrganizationsService/AddMember",            "POST",   "/api/orgs/{org_name}/members/{user_login}", "*", "member"},
      {"OrganizationsService/UpdateMemberRole",     "PATCH",  "/api/orgs/{org_name}/members/{user_login}", "*", ""},
      {"OrganizationsService/RemoveMember",         "DELETE", "/api/orgs/{org_name}/members/{user_login}", "", ""},
      {"OrganizationsService/ListTeams",            "GET",    "/api/orgs/{org_name}/teams", "", ""},
      {"OrganizationsService/GetTeam",              "GET",    "/api/orgs/{org_name}/teams/{team_name}", "", "team"},
      {"OrganizationsService/CreateTeam",           "POST",   "/api/orgs/{org_name}/teams/pulumi", "*", "team"},
      {"OrganizationsService/UpdateTeam",           "PATCH",  "/api/orgs/{org_name}/teams/{team_name}", "*", ""},
      {"OrganizationsService/AddTeamMember",        "PATCH",  "/api/orgs/{org_name}/teams/{team_name}", "*", ""},
      {"OrganizationsService/RemoveTeamMember",     "PATCH",  "/api/orgs/{org_name}/teams/{team_name}", "*", ""},
      {"OrganizationsService/DeleteTeam",           "DELETE", "/api/orgs/{org_name}/teams/{team_name}", "", ""},
      {"OrganizationsService/ListAuditLogEvents",   "GET",    "/api/orgs/{org_name}/auditlogs", "", ""},
      {"OrganizationsService/ListAuditLogEventsV2", "GET",    "/api/orgs/{org_name}/auditlogs/v2", "", ""},
      {"OrganizationsService/ExportAuditLogs",      "GET",    "/api/orgs/{org_name}/auditlogs/export", "", ""},
      {"OrganizationsService/ExportAuditLogsV2",    "GET",    "/api/orgs/{org_name}/auditlogs/v2/export", "", ""},
      // Users (§3.x GetCurrentUser).
      {"UsersService/GetCurrentUser", "GET", "/api/user", "", ""},
  };
  return *routes;
}
// clang-format on

std::vector<const ServiceDescriptor*> Services() {
  // Reaching the services through a message of their file links the generated descriptors in.
  return {
      pulumi::service::v1::GetStackRequest::descriptor()->file()->FindServiceByName(
          "StacksService"),
      pulumi::service::v1::GetUpdateRequest::descriptor()->file()->FindServiceByName(
          "StackUpdatesService"),
      pulumi::service::v1::GetTeamRequest::descriptor()->file()->FindServiceByName(
          "OrganizationsService"),
      pulumi::service::v1::WhoAmIRequest::descriptor()->file()->FindServiceByName("UsersService"),
  };
}

std::string RpcName(const MethodDescriptor* method) {
  return method->service()->name() + "/" + method->name();
}

bool IsComposite(const MethodDescriptor* method) {
  return method->options().HasExtension(pulumi::gateway::v1::composite);
}

// Unary RPCs (each with an http rule) or server-streaming ones (each with a pagination option);
// composite RPCs, which the gateway assembles from other routes, are neither.
std::map<std::string, const MethodDescriptor*> Methods(bool streaming) {
  std::map<std::string, const MethodDescriptor*> methods;
  for (const ServiceDescriptor* service : Services()) {
    for (int i = 0; i < service->method_count(); ++i) {
      if (service->method(i)->server_streaming() != streaming) continue;
      if (IsComposite(service->method(i))) continue;
      methods[RpcName(service->method(i))] = service->method(i);
    }
  }
  return methods;
}

std::map<std::string, const MethodDescriptor*> AllMethods() { return Methods(false); }

std::pair<std::string, std::string> VerbAndPath(const google::api::HttpRule& rule) {
  switch (rule.pattern_case()) {
    case google::api::HttpRule::kGet:
      return {"GET", rule.get()};
    case google::api::HttpRule::kPut:
      return {"PUT", rule.put()};
    case google::api::HttpRule::kPost:
      return {"POST", rule.post()};
    case google::api::HttpRule::kDelete:
      return {"DELETE", rule.delete_()};
    case google::api::HttpRule::kPatch:
      return {"PATCH", rule.patch()};
    default:
      return {"", ""};
  }
}

TEST(ApiRoutesTest, EveryReleasedRouteIsStillServed) {
  std::vector<std::string> expected;
  for (const ApiRoute& route : ExpectedRoutes()) expected.push_back(route.rpc);
  std::set<std::string> unique(expected.begin(), expected.end());
  ASSERT_EQ(unique.size(), expected.size()) << "a row is listed twice";
  ASSERT_EQ(expected.size(), 36u);

  const auto methods = AllMethods();
  for (const std::string& rpc : expected) {
    EXPECT_EQ(methods.count(rpc), 1u) << rpc << " is gone";
  }
}

TEST(ApiRoutesTest, EveryStreamWalksTheExpectedPaginatedRoute) {
  struct Stream {
    std::string rpc;
    std::string method;
    std::string items;
    bool follow;
  };
  const std::vector<Stream> expected = {
      {"StacksService/StreamStacks", "ListStacks", "stacks", false},
      {"StackUpdatesService/WatchUpdateEvents", "ListUpdateEvents", "events", true},
      {"OrganizationsService/StreamMembers", "ListMembers", "members", false},
      {"OrganizationsService/StreamAuditLogs", "ListAuditLogEventsV2", "audit_log_events", false},
  };
  const auto streams = Methods(true);
  std::vector<std::string> names;
  for (const auto& [name, method] : streams) names.push_back(name);
  std::vector<std::string> expected_names;
  for (const Stream& stream : expected) expected_names.push_back(stream.rpc);
  EXPECT_THAT(names, UnorderedElementsAreArray(expected_names));
  for (const Stream& stream : expected) {
    SCOPED_TRACE(stream.rpc);
    auto it = streams.find(stream.rpc);
    if (it == streams.end()) continue;
    const MethodDescriptor* method = it->second;
    EXPECT_FALSE(method->client_streaming());
    EXPECT_FALSE(method->options().HasExtension(google::api::http));
    ASSERT_TRUE(method->options().HasExtension(pulumi::gateway::v1::pagination));
    const auto& pagination = method->options().GetExtension(pulumi::gateway::v1::pagination);
    EXPECT_EQ(pagination.method(), stream.method);
    EXPECT_EQ(pagination.items_field(), stream.items);
    EXPECT_EQ(pagination.follow(), stream.follow);
    EXPECT_NE(method->service()->FindMethodByName(stream.method), nullptr);
  }
}

TEST(ApiRoutesTest, CompositeRpcsCallTheExpectedRoutes) {
  const std::map<std::string, std::vector<std::string>> expected = {
      {"StacksService/BatchGetStacks", {"GetStack"}},
      {"StacksService/ListStacksWithDetails",
       {"ListStacks", "StackUpdatesService.GetLatestUpdate"}},
      {"UsersService/WhoAmI", {"GetCurrentUser"}},
  };
  std::map<std::string, std::vector<std::string>> actual;
  for (const ServiceDescriptor* service : Services()) {
    for (int i = 0; i < service->method_count(); ++i) {
      const MethodDescriptor* method = service->method(i);
      if (!IsComposite(method)) continue;
      EXPECT_FALSE(method->options().HasExtension(google::api::http)) << RpcName(method);
      const auto& calls = method->options().GetExtension(pulumi::gateway::v1::composite).calls();
      actual[RpcName(method)] = std::vector<std::string>(calls.begin(), calls.end());
      for (const std::string& call : calls) {
        const MethodDescriptor* called =
            call.find('.') == std::string::npos
                ? service->FindMethodByName(call)
                : google::protobuf::DescriptorPool::generated_pool()->FindMethodByName(
                      service->file()->package() + "." + call);
        ASSERT_NE(called, nullptr) << call;
        EXPECT_TRUE(called->options().HasExtension(google::api::http)) << call;
      }
    }
  }
  EXPECT_EQ(actual, expected);
}

TEST(ApiRoutesTest, EveryRpcHasAnHttpRule) {
  for (const auto& [name, method] : AllMethods()) {
    SCOPED_TRACE(name);
    EXPECT_TRUE(method->options().HasExtension(google::api::http));
    EXPECT_FALSE(method->client_streaming());
    EXPECT_FALSE(method->server_streaming());
    const google::api::HttpRule& rule = method->options().GetExtension(google::api::http);
    EXPECT_EQ(rule.additional_bindings_size(), 0);
  }
}

TEST(ApiRoutesTest, EveryRpcHasTheExpectedVerbPathAndBody) {
  const auto methods = AllMethods();
  for (const ApiRoute& expected : ExpectedRoutes()) {
    SCOPED_TRACE(expected.rpc);
    auto it = methods.find(expected.rpc);
    if (it == methods.end()) {
      ADD_FAILURE() << "no such RPC";
      continue;
    }
    const google::api::HttpRule& rule = it->second->options().GetExtension(google::api::http);
    const auto [verb, path] = VerbAndPath(rule);
    EXPECT_EQ(verb, expected.verb);
    EXPECT_EQ(path, expected.path);
    EXPECT_EQ(rule.body(), expected.body);
    EXPECT_EQ(rule.response_body(), expected.response_body);
  }
}

TEST(ApiRoutesTest, StackRoutesShareOnePrefix) {
  // Guards the literal table itself against a typo in the shared prefix.
  int stack_routes = 0;
  for (const ApiRoute& route : ExpectedRoutes()) {
    if (std::string(route.path).rfind("/api/stacks/{org_name}/{project_name}/{stack_name}", 0) ==
        0) {
      ++stack_routes;
      EXPECT_EQ(std::string(route.path).rfind(kStack, 0), 0u) << route.rpc;
    }
  }
  EXPECT_EQ(stack_routes, 18);
}

// The released upstream keys that are not the lowerCamel form of the field name, so they need an
// explicit json_name. (Fields added since the release carry their own; `buf breaking` against the
// release keeps every released field's JSON name.)
TEST(ApiRoutesTest, SpecialJsonKeys) {
  struct JsonKey {
    const char* field;  // full field name
    const char* json_name;
  };
  const std::vector<JsonKey> expected = {
      {"pulumi.service.v1.AuditLogEvent.source_ip", "sourceIP"},
      {"pulumi.service.v1.AuditLogEvent.token_id", "tokenID"},
      {"pulumi.service.v1.ListUpdatesRequest.output_type", "output-type"},
      {"pulumi.service.v1.ListUpdateEventsRequest.include_non_activated", "include_non_activated"},
      {"pulumi.service.v1.ListUpdateEventsRequest.types", "type"},
      {"pulumi.service.v1.StackUpdate.update_id", "updateID"},
      {"pulumi.service.v1.ListStacksRequest.role_id", "roleID"},
      {"pulumi.service.v1.ConfigValue.value", "string"},
      {"pulumi.service.v1.StreamStacksRequest.role_id", "roleID"},
      {"pulumi.service.v1.WatchUpdateEventsRequest.types", "type"},
      {"pulumi.service.v1.WatchUpdateEventsRequest.include_non_activated", "include_non_activated"},
  };
  const google::protobuf::DescriptorPool* pool = google::protobuf::DescriptorPool::generated_pool();
  for (const JsonKey& key : expected) {
    SCOPED_TRACE(key.field);
    const FieldDescriptor* field = pool->FindFieldByName(key.field);
    ASSERT_NE(field, nullptr);
    EXPECT_EQ(field->json_name(), key.json_name);
    EXPECT_TRUE(field->has_json_name());
  }
}

// `PolicyPacks` (PascalCase, §7.5) is a key inside the summaryEvent payload, not a field: the
// payload is a Struct, so the key reaches clients exactly as the upstream spells it.
TEST(ApiRoutesTest, PolicyPacksKeyLivesInsideAnOpaqueSummaryEvent) {
  const Descriptor* event = pulumi::service::v1::EngineEvent::descriptor();
  const FieldDescriptor* summary = event->FindFieldByName("summary_event");
  ASSERT_NE(summary, nullptr);
  EXPECT_EQ(summary->json_name(), "summaryEvent");
  EXPECT_EQ(summary->message_type(), google::protobuf::Struct::descriptor());
  ASSERT_NE(summary->containing_oneof(), nullptr);
  EXPECT_EQ(summary->containing_oneof()->name(), "payload");

  // The service-format update's list of packs is a different, lowerCamel key.
  const FieldDescriptor* packs =
      pulumi::service::v1::StackUpdate::descriptor()->FindFieldByName("policy_packs");
  ASSERT_NE(packs, nullptr);
  EXPECT_EQ(packs->json_name(), "policyPacks");
}

// Every engine-event payload field's JSON name is the upstream payload key, which is also the
// value of `type`.
TEST(ApiRoutesTest, EngineEventPayloadKeys) {
  const Descriptor* event = pulumi::service::v1::EngineEvent::descriptor();
  const google::protobuf::OneofDescriptor* payload = event->FindOneofByName("payload");
  ASSERT_NE(payload, nullptr);
  std::vector<std::string> keys;
  for (int i = 0; i < payload->field_count(); ++i) {
    keys.push_back(payload->field(i)->json_name());
    EXPECT_EQ(payload->field(i)->message_type(), google::protobuf::Struct::descriptor());
  }
  EXPECT_THAT(keys,
              UnorderedElementsAreArray(std::vector<std::string>{
                  "cancelEvent", "stdoutEvent", "diagnosticEvent", "preludeEvent", "summaryEvent",
                  "resourcePreEvent", "resOutputsEvent", "resOpFailedEvent", "policyEvent",
                  "policyRemediationEvent", "policyLoadEvent", "policyAnalyzeSummaryEvent",
                  "policyRemediateSummaryEvent", "policyAnalyzeStackSummaryEvent",
                  "startDebuggingEvent", "progressEvent", "errorEvent"}));
}

// The gateway options that change behaviour, per released RPC: which RPCs carry them is part of
// the contract too.
TEST(ApiRoutesTest, GatewayOptionsSitOnTheExpectedRpcs) {
  namespace gw = ::pulumi::gateway::v1;
  std::vector<std::string> already_exists, raw, body_values, restricted;
  const auto methods = AllMethods();
  for (const ApiRoute& route : ExpectedRoutes()) {
    auto it = methods.find(route.rpc);
    ASSERT_NE(it, methods.end()) << route.rpc;
    const std::string& name = it->first;
    const MethodDescriptor* method = it->second;
    const auto& options = method->options();
    if (options.GetExtension(gw::on_conflict) == gw::CONFLICT_CODE_ALREADY_EXISTS) {
      already_exists.push_back(name);
    }
    if (!options.GetExtension(gw::raw_response_field).empty()) {
      raw.push_back(name + ":" + options.GetExtension(gw::raw_response_field));
    }
    for (const auto& value : options.GetRepeatedExtension(gw::body_value)) {
      body_values.push_back(name + ":" + value.name() + "=" + value.value());
    }
    EXPECT_EQ(options.ExtensionSize(gw::query_value), 0) << name;
    const Descriptor* request = method->input_type();
    for (int i = 0; i < request->field_count(); ++i) {
      const FieldDescriptor* field = request->field(i);
      const int n = field->options().ExtensionSize(gw::allowed_values);
      if (n == 0) continue;
      std::string values;
      for (int j = 0; j < n; ++j) {
        values += (j ? "," : "") + field->options().GetExtension(gw::allowed_values, j);
      }
      restricted.push_back(name + ":" + field->name() + "=" + values);
    }
  }
  EXPECT_THAT(already_exists, UnorderedElementsAreArray(std::vector<std::string>{
                                  "StacksService/CreateStack", "OrganizationsService/AddMember",
                                  "OrganizationsService/CreateTeam"}));
  EXPECT_THAT(raw, UnorderedElementsAreArray(
                       std::vector<std::string>{"OrganizationsService/ExportAuditLogs:data",
                                                "OrganizationsService/ExportAuditLogsV2:data"}));
  EXPECT_THAT(body_values, UnorderedElementsAreArray(std::vector<std::string>{
                               "OrganizationsService/AddTeamMember:memberAction=add",
                               "OrganizationsService/RemoveTeamMember:memberAction=remove"}));
  EXPECT_THAT(restricted,
              UnorderedElementsAreArray(std::vector<std::string>{
                  "StackUpdatesService/GetUpdateStatus:kind=update,preview,refresh,destroy",
                  "StackUpdatesService/ListUpdateEvents:kind=update,preview,refresh,destroy",
                  "StackUpdatesService/CancelUpdate:kind=update,preview,refresh,destroy"}));
}

}  // namespace
