#include "gateway/route/route_table.h"

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "gateway/route/testdata/test_routes.h"
#include "gmock/gmock.h"
#include "google/api/field_behavior.pb.h"
#include "google/protobuf/descriptor.h"
#include "gtest/gtest.h"
#include "pulumi/gateway/v1/options.pb.h"
#include "pulumi/service/v1/organizations.grpc.pb.h"
#include "pulumi/service/v1/stacks.grpc.pb.h"
#include "pulumi/service/v1/updates.grpc.pb.h"
#include "pulumi/service/v1/users.grpc.pb.h"
#include "testdata/bad_routes.pb.h"
#include "testdata/forms.pb.h"

namespace pulumi_gateway {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::MethodDescriptor;
using google::protobuf::ServiceDescriptor;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Pair;

const ServiceDescriptor* Service(const char* full_name) {
  // Touch one generated message per file so its descriptors are linked into the generated pool.
  (void)pulumi::service::v1::GetStackRequest::descriptor();
  (void)pulumi::service::v1::GetUpdateRequest::descriptor();
  (void)pulumi::service::v1::GetTeamRequest::descriptor();
  (void)pulumi::service::v1::WhoAmIRequest::descriptor();
  (void)pulumi_gateway::route::testdata::NameRequest::descriptor();
  (void)pulumi_gateway::route::testdata::OrgRequest::descriptor();
  const ServiceDescriptor* service =
      google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(full_name);
  EXPECT_NE(service, nullptr) << full_name;
  return service;
}

std::vector<std::string> Names(const std::vector<const FieldDescriptor*>& fields) {
  std::vector<std::string> names;
  for (const FieldDescriptor* field : fields) names.push_back(field->name());
  return names;
}

class PulumiRouteTableTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<RouteTable> table = RouteTable::Build({
        Service("pulumi.service.v1.StacksService"),
        Service("pulumi.service.v1.StackUpdatesService"),
        Service("pulumi.service.v1.OrganizationsService"),
        Service("pulumi.service.v1.UsersService"),
    });
    ASSERT_TRUE(table.ok()) << table.status();
    table_ = new RouteTable(*std::move(table));
  }
  static void TearDownTestSuite() {
    delete table_;
    table_ = nullptr;
  }

  static const Route& Get(const std::string& service, const std::string& method) {
    const Route* route = table_->Find(absl::StrCat("/pulumi.service.v1.", service, "/", method));
    EXPECT_NE(route, nullptr) << service << "/" << method;
    static const Route kEmpty;
    return route == nullptr ? kEmpty : *route;
  }

  static RouteTable* table_;
};

RouteTable* PulumiRouteTableTest::table_ = nullptr;

TEST_F(PulumiRouteTableTest, EveryMethodOfTheFourServicesHasARoute) {
  int methods = 0;
  for (const ServiceDescriptor* service : table_->services()) {
    for (int i = 0; i < service->method_count(); ++i) {
      const MethodDescriptor* method = service->method(i);
      const std::string path = absl::StrCat("/", service->full_name(), "/", method->name());
      if (const CompositeRoute* composite = table_->FindComposite(path)) {
        // Composites call other routes (CompositeRoute), they have none of their own.
        EXPECT_EQ(table_->Find(path), nullptr) << path;
        EXPECT_EQ(table_->FindStream(path), nullptr) << path;
        EXPECT_EQ(composite->method, method);
        EXPECT_EQ(composite->grpc_path, path);
        continue;
      }
      if (method->server_streaming()) {
        // Streams walk a unary route (StreamRoute), they have none of their own.
        EXPECT_EQ(table_->Find(path), nullptr) << path;
        const StreamRoute* stream = table_->FindStream(path);
        ASSERT_NE(stream, nullptr) << path;
        EXPECT_EQ(stream->method, method);
        continue;
      }
      ++methods;
      const Route* route = table_->Find(path);
      ASSERT_NE(route, nullptr) << path;
      EXPECT_EQ(route->method, method);
      EXPECT_EQ(route->grpc_path, path);
    }
  }
  EXPECT_EQ(table_->services().size(), 4u);
  EXPECT_GE(methods, 36);  // the 36 released routes, and those generated since
  EXPECT_EQ(table_->routes().size(), static_cast<size_t>(methods));
  EXPECT_EQ(table_->stream_routes().size(), 4u);
  EXPECT_EQ(table_->composite_routes().size(), 3u);
}

TEST_F(PulumiRouteTableTest, CompositesResolveTheirCallsAcrossServices) {
  const CompositeRoute* details =
      table_->FindComposite("/pulumi.service.v1.StacksService/ListStacksWithDetails");
  ASSERT_NE(details, nullptr);
  ASSERT_EQ(details->calls.size(), 2u);
  EXPECT_EQ(details->Call("ListStacks"), &Get("StacksService", "ListStacks"));
  EXPECT_EQ(details->Call("GetLatestUpdate"), &Get("StackUpdatesService", "GetLatestUpdate"));
  EXPECT_EQ(details->Call("GetStack"), nullptr);
  const CompositeRoute* who = table_->FindComposite("/pulumi.service.v1.UsersService/WhoAmI");
  ASSERT_NE(who, nullptr);
  EXPECT_EQ(who->Call("GetCurrentUser"), &Get("UsersService", "GetCurrentUser"));
}

TEST_F(PulumiRouteTableTest, FindReturnsNullForUnknownPaths) {
  EXPECT_EQ(table_->Find("/pulumi.service.v1.StacksService/NoSuchMethod"), nullptr);
  EXPECT_EQ(table_->Find("/pulumi.service.v1.NoSuchService/GetStack"), nullptr);
  EXPECT_EQ(table_->Find("pulumi.service.v1.StacksService/GetStack"), nullptr);
  EXPECT_EQ(table_->Find("/pulumi.service.v1.StacksService/getstack"), nullptr);
  EXPECT_EQ(table_->Find(""), nullptr);
}

TEST_F(PulumiRouteTableTest, ListStacksSendsEveryFieldAsQuery) {
  const Route& r = Get("StacksService", "ListStacks");
  EXPECT_EQ(r.http_method, "GET");
  EXPECT_EQ(r.path.pattern(), "/api/user/stacks");
  EXPECT_EQ(r.body_kind, Route::BodyKind::kNone);
  EXPECT_EQ(r.body_field, nullptr);
  EXPECT_THAT(r.path_fields, IsEmpty());
  EXPECT_THAT(Names(r.query_fields), ElementsAre("organization", "project", "tag_name", "tag_value",
                                                 "continuation_token", "max_results", "role_id"));
  EXPECT_EQ(r.response_body_field, nullptr);
  EXPECT_EQ(r.raw_response_field, nullptr);
  EXPECT_TRUE(r.idempotent);
  EXPECT_FALSE(r.conflict_is_already_exists);
}

TEST_F(PulumiRouteTableTest, GetStackWrapsTheBodyIntoStack) {
  const Route& r = Get("StacksService", "GetStack");
  EXPECT_EQ(r.http_method, "GET");
  EXPECT_EQ(r.path.pattern(), "/api/stacks/{org_name}/{project_name}/{stack_name}");
  EXPECT_THAT(Names(r.path_fields), ElementsAre("org_name", "project_name", "stack_name"));
  EXPECT_THAT(r.query_fields, IsEmpty());
  ASSERT_NE(r.response_body_field, nullptr);
  EXPECT_EQ(r.response_body_field->full_name(), "pulumi.service.v1.GetStackResponse.stack");
}

TEST_F(PulumiRouteTableTest, CreateStackHasAWholeRequestBodyAndConflictMeansAlreadyExists) {
  const Route& r = Get("StacksService", "CreateStack");
  EXPECT_EQ(r.http_method, "POST");
  EXPECT_EQ(r.body_kind, Route::BodyKind::kWholeRequest);
  EXPECT_EQ(r.body_field, nullptr);
  EXPECT_THAT(Names(r.path_fields), ElementsAre("org_name", "project_name"));
  EXPECT_THAT(r.query_fields, IsEmpty());
  EXPECT_TRUE(r.conflict_is_already_exists);
  EXPECT_FALSE(r.idempotent);
}

TEST_F(PulumiRouteTableTest, DeleteStackHasForceAsQuery) {
  const Route& r = Get("StacksService", "DeleteStack");
  EXPECT_EQ(r.http_method, "DELETE");
  EXPECT_EQ(r.body_kind, Route::BodyKind::kNone);
  EXPECT_THAT(Names(r.query_fields), ElementsAre("force"));
  EXPECT_TRUE(r.idempotent);
  EXPECT_FALSE(r.conflict_is_already_exists);
}

TEST_F(PulumiRouteTableTest, ReplaceStackTagsBodyIsTheTagsField) {
  const Route& r = Get("StacksService", "ReplaceStackTags");
  EXPECT_EQ(r.http_method, "PATCH");
  EXPECT_EQ(r.body_kind, Route::BodyKind::kField);
  ASSERT_NE(r.body_field, nullptr);
  EXPECT_EQ(r.body_field->name(), "tags");
  EXPECT_TRUE(r.body_field->is_map());
  EXPECT_THAT(r.query_fields, IsEmpty());
  EXPECT_FALSE(r.idempotent);
}

TEST_F(PulumiRouteTableTest, TransferStackBodyIsTheTransferMessage) {
  const Route& r = Get("StacksService", "TransferStack");
  EXPECT_EQ(r.http_method, "POST");
  EXPECT_EQ(r.body_kind, Route::BodyKind::kField);
  ASSERT_NE(r.body_field, nullptr);
  EXPECT_EQ(r.body_field->name(), "transfer");
  EXPECT_THAT(r.query_fields, IsEmpty());
}

TEST_F(PulumiRouteTableTest, ListUpdateEventsRestrictsKindAndQueriesTheRest) {
  const Route& r = Get("StackUpdatesService", "ListUpdateEvents");
  EXPECT_EQ(r.http_method, "GET");
  EXPECT_THAT(Names(r.path_fields),
              ElementsAre("org_name", "project_name", "stack_name", "kind", "update_id"));
  EXPECT_THAT(Names(r.query_fields),
              ElementsAre("continuation_token", "types", "urn", "include_non_activated"));
  ASSERT_NE(r.request_rules, nullptr);
  const auto& rules = r.request_rules->root().fields;
  ASSERT_EQ(rules.size(), 5u);  // every path field is REQUIRED
  for (const FieldRule& rule : rules) {
    EXPECT_TRUE(rule.required) << rule.field->name();
    EXPECT_TRUE(rule.path_segment) << rule.field->name();
  }
  EXPECT_EQ(rules[3].field->name(), "kind");
  EXPECT_THAT(rules[3].allowed_values, ElementsAre("update", "preview", "refresh", "destroy"));
}

TEST_F(PulumiRouteTableTest, CancelUpdateIsAPostWithoutBody) {
  const Route& r = Get("StackUpdatesService", "CancelUpdate");
  EXPECT_EQ(r.http_method, "POST");
  EXPECT_EQ(r.body_kind, Route::BodyKind::kNone);
  EXPECT_THAT(r.query_fields, IsEmpty());
  ASSERT_NE(r.request_rules, nullptr);
  EXPECT_EQ(r.request_rules->root().fields.size(), 5u);  // the path fields
  EXPECT_FALSE(r.idempotent);
}

// Whether a request type, or a message type below it, has a field with a rule.
bool HasRule(const google::protobuf::Descriptor* type,
             std::set<const google::protobuf::Descriptor*>& seen) {
  if (!seen.insert(type).second || type->file()->package() == "google.protobuf") return false;
  for (int i = 0; i < type->field_count(); ++i) {
    const google::protobuf::FieldDescriptor* field = type->field(i);
    const auto& options = field->options();
    for (int j = 0; j < options.ExtensionSize(google::api::field_behavior); ++j) {
      if (options.GetExtension(google::api::field_behavior, j) == google::api::REQUIRED) {
        return true;
      }
    }
    if (options.ExtensionSize(pulumi::gateway::v1::allowed_values) > 0) return true;
    const google::protobuf::FieldDescriptor* value =
        field->is_map() ? field->message_type()->map_value() : field;
    if (value->message_type() != nullptr && HasRule(value->message_type(), seen)) return true;
  }
  return false;
}

// Only routes whose requests carry a rule pay for a check per call.
TEST_F(PulumiRouteTableTest, OnlyRoutesWhoseRequestsCarryARuleHaveRequestRules) {
  int without = 0;
  for (const auto& route : table_->routes()) {
    std::set<const google::protobuf::Descriptor*> seen;
    const bool has_rule = HasRule(route->method->input_type(), seen);
    EXPECT_EQ(route->request_rules != nullptr, has_rule) << route->grpc_path;
    without += has_rule ? 0 : 1;
  }
  EXPECT_GT(without, 0);  // GetCurrentUser, ListStacks, ...
  EXPECT_EQ(Get("UsersService", "GetCurrentUser").request_rules, nullptr);
}

TEST_F(PulumiRouteTableTest, TeamMembershipRpcsAddAFixedMemberAction) {
  const Route& add = Get("OrganizationsService", "AddTeamMember");
  EXPECT_EQ(add.http_method, "PATCH");
  EXPECT_EQ(add.path.pattern(), "/api/orgs/{org_name}/teams/{team_name}");
  EXPECT_EQ(add.body_kind, Route::BodyKind::kWholeRequest);
  EXPECT_THAT(add.body_values, ElementsAre(Pair("memberAction", "add")));
  EXPECT_THAT(add.query_values, IsEmpty());

  const Route& remove = Get("OrganizationsService", "RemoveTeamMember");
  EXPECT_THAT(remove.body_values, ElementsAre(Pair("memberAction", "remove")));

  EXPECT_THAT(Get("OrganizationsService", "UpdateTeam").body_values, IsEmpty());
}

TEST_F(PulumiRouteTableTest, AuditLogExportsAreRaw) {
  for (const char* method : {"ExportAuditLogs", "ExportAuditLogsV2"}) {
    SCOPED_TRACE(method);
    const Route& r = Get("OrganizationsService", method);
    ASSERT_NE(r.raw_response_field, nullptr);
    EXPECT_EQ(r.raw_response_field->name(), "data");
    EXPECT_EQ(r.raw_response_field->type(), FieldDescriptor::TYPE_BYTES);
    ASSERT_NE(r.content_type_field, nullptr);
    EXPECT_EQ(r.content_type_field->name(), "content_type");
    EXPECT_THAT(Names(r.query_fields), ElementsAre("continuation_token", "start_time", "end_time",
                                                   "user_filter", "event_filter", "format"));
  }
  EXPECT_EQ(Get("OrganizationsService", "ListAuditLogEvents").raw_response_field, nullptr);
}

TEST_F(PulumiRouteTableTest, ConflictMeansAlreadyExistsOnlyForCreateMethods) {
  std::vector<std::string> already_exists;
  for (const auto& route : table_->routes()) {
    if (route->conflict_is_already_exists) already_exists.push_back(route->method->name());
  }
  EXPECT_THAT(already_exists,
              ::testing::UnorderedElementsAre("CreateStack", "AddMember", "CreateTeam"));
}

TEST_F(PulumiRouteTableTest, IdempotentFollowsTheVerb) {
  for (const auto& route : table_->routes()) {
    SCOPED_TRACE(route->grpc_path);
    const bool safe_verb = route->http_method == "GET" || route->http_method == "PUT" ||
                           route->http_method == "DELETE";
    EXPECT_EQ(route->idempotent, safe_verb);
  }
}

// ---------------------------------------------------------------------------------------------
// Rules that must not compile (testdata/bad_routes.proto).

const MethodDescriptor* Method(const char* service, const char* name) {
  const ServiceDescriptor* s =
      Service(absl::StrCat("pulumi_gateway.route.testdata.", service).c_str());
  if (s == nullptr) return nullptr;
  const MethodDescriptor* m = s->FindMethodByName(name);
  EXPECT_NE(m, nullptr) << name;
  return m;
}

TEST(CompileRouteTest, RejectsRulesThatCannotBeServed) {
  struct Case {
    const char* method;
    const char* message;
  };
  const std::vector<Case> cases = {
      {"MessageQuery",
       "field \"filter\" would be a query parameter but is not a scalar; bind it to the path or "
       "the body"},
      {"MapQuery", "field \"labels\" would be a query parameter but is not a scalar"},
      {"BodyOnGet", "GET must not have a body"},
      {"BodyOnDelete", "DELETE must not have a body"},
      {"UnknownBody", "body \"nope\" is not a field of pulumi_gateway.route.testdata.NameRequest"},
      {"BodyInPath", "the body field is also bound to the path"},
      {"UnknownResponseBody",
       "response_body \"nope\" is not a field of pulumi_gateway.route.testdata.ThingResponse"},
      {"RawNotBytes", "raw_response_field must name a singular bytes field"},
      {"RawRepeatedBytes", "raw_response_field must name a singular bytes field"},
      {"RawUnknown",
       "raw_response_field \"nope\" is not a field of pulumi_gateway.route.testdata.ThingResponse"},
      {"AllowedOnInt",
       "allowed_values on pulumi_gateway.route.testdata.AllowedOnIntRequest.count needs a string "
       "field"},
      {"AllowedOnNestedMap",
       "allowed_values on pulumi_gateway.route.testdata.CountsFilter.counts needs a string field"},
      {"AllowedOnMessage",
       "allowed_values on pulumi_gateway.route.testdata.AllowedOnMessageRequest.filter needs a "
       "string field"},
      {"BodyValueWithoutBody", "body_value needs an http rule with a body"},
      {"BodyValueWithArrayBody", "body_value needs a JSON object body, not an array or a scalar"},
      {"BodyValueWithScalarBody", "body_value needs a JSON object body"},
      {"ResponseBodyOnHttpBody", "response_body cannot be combined with a raw body"},
      {"ResponseBodyOnRaw", "response_body cannot be combined with a raw body"},
      {"BodyOnHead", "HEAD must not have a body"},
      {"HttpBodyRequest", "google.api.HttpBody requests are not supported (only responses)"},
      {"AdditionalBindings", "additional_bindings are not supported"},
      {"BadPathTemplate", "no field \"nope\" in pulumi_gateway.route.testdata.NameRequest"},
      {"CustomVerb", "custom kind \"OPTIONS\" is not supported; only HEAD is"},
      {"LowercaseHead", "custom kind \"head\" is not supported; only HEAD is"},
      {"NoVerb", "the http rule needs one of get, put, post, delete, patch, custom HEAD"},
  };
  const ServiceDescriptor* bad = Service("pulumi_gateway.route.testdata.BadRoutes");
  ASSERT_NE(bad, nullptr);
  // Every method of the service is covered by exactly one case.
  ASSERT_EQ(bad->method_count(), static_cast<int>(cases.size()));
  for (const Case& c : cases) {
    SCOPED_TRACE(c.method);
    const MethodDescriptor* method = Method("BadRoutes", c.method);
    ASSERT_NE(method, nullptr);
    absl::StatusOr<Route> route = CompileRoute(method);
    ASSERT_FALSE(route.ok());
    EXPECT_EQ(route.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(route.status().message()), HasSubstr(c.message));
    // The method is named so the operator knows which rule to fix.
    EXPECT_THAT(std::string(route.status().message()),
                HasSubstr(absl::StrCat("pulumi_gateway.route.testdata.BadRoutes.", c.method, ":")));
  }
}

TEST(CompileRouteTest, MethodWithoutRuleIsNotFound) {
  const MethodDescriptor* method = Method("MixedRoutes", "WithoutRule");
  ASSERT_NE(method, nullptr);
  absl::StatusOr<Route> route = CompileRoute(method);
  ASSERT_FALSE(route.ok());
  EXPECT_EQ(route.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(route.status().message()), HasSubstr("has no google.api.http rule"));
}

TEST(RouteTableBuildTest, FailsOnTheFirstRuleThatDoesNotCompile) {
  absl::StatusOr<RouteTable> table =
      RouteTable::Build({Service("pulumi.service.v1.StacksService"),
                         Service("pulumi_gateway.route.testdata.BadRoutes")});
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(table.status().message()),
              HasSubstr("pulumi_gateway.route.testdata.BadRoutes.MessageQuery: field \"filter\""));
}

TEST(RouteTableBuildTest, MethodsWithoutRuleAndStreamingMethodsGetNoRoute) {
  const ServiceDescriptor* mixed = Service("pulumi_gateway.route.testdata.MixedRoutes");
  ASSERT_NE(mixed, nullptr);
  absl::StatusOr<RouteTable> table = RouteTable::Build({mixed});
  ASSERT_TRUE(table.ok()) << table.status();
  const std::string prefix = "/pulumi_gateway.route.testdata.MixedRoutes/";
  EXPECT_EQ(table->Find(prefix + "WithoutRule"), nullptr);
  EXPECT_EQ(table->Find(prefix + "Streaming"), nullptr);
  EXPECT_NE(table->Find(prefix + "WithRule"), nullptr);
  // The service stays registered even though some methods have no route.
  ASSERT_EQ(table->services().size(), 1u);
  EXPECT_EQ(table->services()[0], mixed);
  EXPECT_EQ(table->routes().size(), static_cast<size_t>(mixed->method_count() - 2));
}

TEST(RouteTableBuildTest, CompositeOptionsCompileOnlyAgainstRoutedUnaryRpcs) {
  absl::StatusOr<RouteTable> table =
      RouteTable::Build({Service("pulumi_gateway.route.testdata.MixedRoutes")});
  ASSERT_TRUE(table.ok()) << table.status();
  const ServiceDescriptor* composites = Service("pulumi_gateway.route.testdata.CompositeRoutes");
  ASSERT_NE(composites, nullptr);

  absl::StatusOr<CompositeRoute> good =
      CompileCompositeRoute(composites->FindMethodByName("Good"), *table);
  ASSERT_TRUE(good.ok()) << good.status();
  EXPECT_EQ(good->grpc_path, "/pulumi_gateway.route.testdata.CompositeRoutes/Good");
  ASSERT_EQ(good->calls.size(), 2u);
  EXPECT_EQ(good->Call("WithRule"),
            table->Find("/pulumi_gateway.route.testdata.MixedRoutes/WithRule"));
  EXPECT_EQ(good->Call("PlainPost"),
            table->Find("/pulumi_gateway.route.testdata.MixedRoutes/PlainPost"));

  for (const char* bad : {"UnknownCall", "CallsMethodWithoutRule", "NoCalls"}) {
    SCOPED_TRACE(bad);
    absl::StatusOr<CompositeRoute> route =
        CompileCompositeRoute(composites->FindMethodByName(bad), *table);
    ASSERT_FALSE(route.ok());
    EXPECT_EQ(route.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(route.status().message()), HasSubstr(bad));
  }
  absl::StatusOr<CompositeRoute> none = CompileCompositeRoute(
      Service("pulumi_gateway.route.testdata.MixedRoutes")->FindMethodByName("WithRule"), *table);
  EXPECT_EQ(none.status().code(), absl::StatusCode::kNotFound);
}

TEST(RouteTableBuildTest, OptionsTheStandardRuleCannotExpress) {
  absl::StatusOr<RouteTable> table =
      RouteTable::Build({Service("pulumi_gateway.route.testdata.MixedRoutes")});
  ASSERT_TRUE(table.ok()) << table.status();
  const std::string prefix = "/pulumi_gateway.route.testdata.MixedRoutes/";

  const Route* with_rule = table->Find(prefix + "WithRule");
  ASSERT_NE(with_rule, nullptr);
  EXPECT_THAT(with_rule->query_values, ElementsAre(Pair("format", "json")));
  EXPECT_THAT(Names(with_rule->query_fields), ElementsAre("text", "count"));
  EXPECT_TRUE(with_rule->idempotent);

  const Route* idempotent = table->Find(prefix + "IdempotentPost");
  ASSERT_NE(idempotent, nullptr);
  EXPECT_EQ(idempotent->http_method, "POST");
  EXPECT_TRUE(idempotent->idempotent);
  EXPECT_THAT(idempotent->query_fields, IsEmpty());

  const Route* no_side_effects = table->Find(prefix + "NoSideEffectsPost");
  ASSERT_NE(no_side_effects, nullptr);
  EXPECT_TRUE(no_side_effects->idempotent);

  const Route* plain = table->Find(prefix + "PlainPost");
  ASSERT_NE(plain, nullptr);
  EXPECT_FALSE(plain->idempotent);
  ASSERT_NE(plain->body_field, nullptr);
  EXPECT_EQ(plain->body_field->name(), "text");
  // Neither path nor body: a query parameter.
  EXPECT_THAT(Names(plain->query_fields), ElementsAre("count"));

  const Route* raw = table->Find(prefix + "RawWithoutContentType");
  ASSERT_NE(raw, nullptr);
  ASSERT_NE(raw->raw_response_field, nullptr);
  EXPECT_EQ(raw->raw_response_field->name(), "data");
  EXPECT_EQ(raw->content_type_field, nullptr);

  const Route* repeated = table->Find(prefix + "AllowedOnRepeated");
  ASSERT_NE(repeated, nullptr);
  ASSERT_NE(repeated->request_rules, nullptr);
  ASSERT_EQ(repeated->request_rules->root().fields.size(), 1u);
  EXPECT_EQ(repeated->request_rules->root().fields[0].field->name(), "kinds");
  EXPECT_THAT(repeated->request_rules->root().fields[0].allowed_values, ElementsAre("a"));
  EXPECT_EQ(with_rule->request_rules, nullptr);
}

// ---------------------------------------------------------------------------------------------
// The forms of the API description (testdata/forms.proto).

class FormsRouteTableTest : public ::testing::Test {
 protected:
  static const Route& Get(const std::string& method) { return FormsRoute(method); }
};

TEST_F(FormsRouteTableTest, EveryFormCompiles) {
  const ServiceDescriptor* forms = Service("pulumi_gateway.route.testdata.FormsService");
  ASSERT_NE(forms, nullptr);
  EXPECT_EQ(FormsRoutes().routes().size(), static_cast<size_t>(forms->method_count()));
}

TEST_F(FormsRouteTableTest, ResponseBodyMayNameRepeatedMapAndScalarFields) {
  struct Case {
    const char* method;
    const char* field;
    bool repeated;
    bool map;
    FieldDescriptor::CppType type;
  };
  for (const Case& c : {
           Case{"ListItems", "items", true, false, FieldDescriptor::CPPTYPE_MESSAGE},
           Case{"GetItemMap", "entries", true, true, FieldDescriptor::CPPTYPE_MESSAGE},
           Case{"ListNames", "names", true, false, FieldDescriptor::CPPTYPE_STRING},
           Case{"GetSizes", "sizes", true, true, FieldDescriptor::CPPTYPE_MESSAGE},
           Case{"GetName", "value", false, false, FieldDescriptor::CPPTYPE_STRING},
           Case{"IsEnabled", "value", false, false, FieldDescriptor::CPPTYPE_BOOL},
           Case{"CountItems", "value", false, false, FieldDescriptor::CPPTYPE_INT64},
           Case{"GetRatio", "value", false, false, FieldDescriptor::CPPTYPE_DOUBLE},
           Case{"GetAnything", "value", false, false, FieldDescriptor::CPPTYPE_MESSAGE},
       }) {
    SCOPED_TRACE(c.method);
    const Route& r = Get(c.method);
    ASSERT_NE(r.response_body_field, nullptr);
    EXPECT_EQ(r.response_body_field->name(), c.field);
    EXPECT_EQ(r.response_body_field->is_repeated(), c.repeated);
    EXPECT_EQ(r.response_body_field->is_map(), c.map);
    EXPECT_EQ(r.response_body_field->cpp_type(), c.type);
    EXPECT_EQ(r.raw_response_field, nullptr);
  }
}

TEST_F(FormsRouteTableTest, BodyMayNameRepeatedMapMessageAndScalarFields) {
  for (const auto& [method, field] : std::vector<std::pair<std::string, std::string>>{
           {"PutItems", "items"},
           {"PutLabels", "labels"},
           {"PutNames", "names"},
           {"PutSizes", "sizes"},
           {"CreateProject", "project"},
           {"SetNote", "note"},
       }) {
    SCOPED_TRACE(method);
    const Route& r = Get(method);
    EXPECT_EQ(r.body_kind, Route::BodyKind::kField);
    ASSERT_NE(r.body_field, nullptr);
    EXPECT_EQ(r.body_field->name(), field);
  }
  EXPECT_THAT(Names(Get("PutItems").query_fields), ElementsAre("dry_run"));
  EXPECT_EQ(Get("PutSizes").http_method, "PATCH");
}

TEST_F(FormsRouteTableTest, HttpBodyResponsesAreRawWithTheirContentType) {
  const Route& r = Get("GetReadme");
  ASSERT_NE(r.raw_response_field, nullptr);
  EXPECT_EQ(r.raw_response_field->full_name(), "google.api.HttpBody.data");
  ASSERT_NE(r.content_type_field, nullptr);
  EXPECT_EQ(r.content_type_field->full_name(), "google.api.HttpBody.content_type");
  EXPECT_EQ(r.response_body_field, nullptr);
}

TEST_F(FormsRouteTableTest, CustomHeadIsAnIdempotentBodilessRoute) {
  const Route& r = Get("ItemExists");
  EXPECT_EQ(r.http_method, "HEAD");
  EXPECT_EQ(r.path.pattern(), "/api/forms/{org}/items/{name}");
  EXPECT_EQ(r.body_kind, Route::BodyKind::kNone);
  EXPECT_THAT(Names(r.path_fields), ElementsAre("org", "name"));
  EXPECT_TRUE(r.idempotent);
  const Route& org = Get("OrgExists");
  EXPECT_EQ(org.http_method, "HEAD");
  ASSERT_NE(org.response_body_field, nullptr);
  EXPECT_EQ(org.response_body_field->name(), "value");
}

TEST_F(FormsRouteTableTest, RequestRulesExistOnlyWhereAFieldNeedsThem) {
  EXPECT_EQ(Get("ItemExists").request_rules, nullptr);
  EXPECT_EQ(Get("PutNames").request_rules, nullptr);
  EXPECT_EQ(Get("PutSizes").request_rules, nullptr);
  EXPECT_EQ(Get("SetNote").request_rules, nullptr);
  ASSERT_NE(Get("ListItems").request_rules, nullptr);
  ASSERT_NE(Get("PutLabels").request_rules, nullptr);
  const Route& create = Get("CreateProject");
  ASSERT_NE(create.request_rules, nullptr);
  ASSERT_EQ(create.request_rules->root().fields.size(), 1u);
  const FieldRule& project = create.request_rules->root().fields[0];
  EXPECT_EQ(project.field->name(), "project");
  EXPECT_TRUE(project.required);
  ASSERT_NE(project.nested, nullptr);
}

}  // namespace
}  // namespace pulumi_gateway
