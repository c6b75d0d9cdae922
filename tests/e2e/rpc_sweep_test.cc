// The generated end-to-end suite: every RPC the gateway serves, found in the descriptors at run
// time and called through the real gateway binary against the emulator. Nothing here is per RPC
// except the fixtures (sweep_fixtures.h: what the emulator's stateful semantics need beyond the
// protos), so an RPC the generator adds is exercised as soon as it is built in.
//
// For each routed RPC (and each value of a path field with allowed values: every update kind):
//   - the smallest request the protos call valid (sweep_request.h) is answered OK;
//   - the emulator validated what the gateway sent against the API description and accepted it
//     (its per-operation counters), and every request it got matched an operation;
//   - every key of the emulator's answer arrived in the reply: key by key and value by value
//     against the emulator's own document where it answers in conformance mode, and for every
//     RPC through the gateway's unknown-key counter (its debug log names any key it dropped; the
//     counter of every route must still be 0 at the end);
//   - leaving out each REQUIRED field the gateway checks, at any depth (the request is filled with
//     one of every nested message, list element and map value), fails with INVALID_ARGUMENT
//     naming it by JSON path, and no request reaches the emulator.
// Lists and maps the description requires are not REQUIRED in the protos (an empty one is a
// value): the minimal request leaves them empty, and the emulator, which demands their keys,
// accepting it shows that the gateway sends them as [] and {}.
// Streams and composites are called the same way: OK, at least one message, every upstream
// request accepted, no key dropped.
//
// One emulator (in-process) and one gateway (a child process) serve the whole suite
// (sweep_environment.h); the emulator's state is reset to the demo seed before every call.
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "emulator/schema_example.h"
#include "gateway/route/linked_services.h"
#include "gmock/gmock.h"
#include "google/api/httpbody.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "httplib.h"
#include "tests/e2e/answer_match.h"
#include "tests/e2e/raw_rpc.h"
#include "tests/e2e/sweep_environment.h"
#include "tests/e2e/sweep_fixtures.h"
#include "tests/e2e/sweep_request.h"

namespace pulumi_gateway::e2e {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using nlohmann::json;
using OperationCounts = std::map<std::string, emulator::OperationStats::Counts>;

constexpr char kPackage[] = "pulumi.service.v1";
constexpr absl::Duration kDeadline = absl::Seconds(10);

SweepEnvironment* const sweep = SweepEnvironment::Install();

// The gRPC paths of every routed RPC, and of every stream and composite, from the descriptors.
std::vector<std::string> RpcPaths(bool routed) {
  absl::StatusOr<RouteTable> table = RouteTable::Build(LinkedServices(kPackage));
  std::vector<std::string> out;
  if (!table.ok()) return out;
  if (routed) {
    for (const auto& route : table->routes()) out.push_back(route->grpc_path);
  } else {
    for (const auto& route : table->stream_routes()) out.push_back(route->grpc_path);
    for (const auto& route : table->composite_routes()) out.push_back(route->grpc_path);
  }
  return out;
}

// "/pulumi.service.v1.StacksService/GetStack" -> "StacksService_GetStack"
std::string TestName(const ::testing::TestParamInfo<std::string>& info) {
  std::vector<std::string> parts = absl::StrSplit(info.param, '/');
  return absl::StrCat(parts[1].substr(parts[1].rfind('.') + 1), "_", parts[2]);
}

std::string RequestJson(const Message& request) {
  std::string text;
  (void)google::protobuf::util::MessageToJsonString(request, &text);
  return text;
}

RawMetadata Auth() { return {{"authorization", absl::StrCat("token ", kSweepToken)}}; }

// The path field whose allowed values select different operations (the update kind), or null.
const FieldDescriptor* ChoiceField(const Route& route) {
  for (const FieldDescriptor* field : route.path_fields) {
    if (!AllowedValues(field).empty()) return field;
  }
  return nullptr;
}

// The id of a seeded token, read from the emulator's own list.
std::string SeededTokenId(const std::string& pattern) {
  const SeededToken token = TokenFor(pattern);
  httplib::Client client("127.0.0.1", sweep->emulator().port());
  httplib::Result got = client.Get(
      token.list_path, httplib::Headers{{"Authorization", absl::StrCat("token ", kSweepToken)}});
  if (!got || got->status != 200) return "unknown-token";
  json answer = json::parse(got->body, nullptr, /*allow_exceptions=*/false);
  if (answer.is_discarded()) return "unknown-token";
  for (const json& listed : answer.value("tokens", json::array())) {
    if (listed.value("name", "") == token.name) return listed.value("id", "");
  }
  return "unknown-token";
}

// Builds `route`'s request with `choice` for its choice field. With `create_entities` the
// emulator is first reset to the demo seed and gets what the path names: a running update of
// that kind, a fresh deployment. The emulator's counters and request log start empty.
std::unique_ptr<Message> Prepare(const Route& route, const std::string& choice,
                                 bool create_entities) {
  emulator::Server& emulator = sweep->emulator();
  if (create_entities) {
    EXPECT_TRUE(emulator.store().Reset().ok());
  }
  const std::string& pattern = route.path.pattern();
  SweepValues values = PathValues(pattern);
  const FieldDescriptor* choice_field = ChoiceField(route);
  if (choice_field != nullptr) values[choice_field->json_name()] = choice;
  if (absl::StrContains(pattern, "{update_id}") && choice_field != nullptr) {
    values["stackName"] = "dev";
    values["updateID"] = "running-update";
    if (create_entities) {
      emulator::LiveUpdateSpec live;
      live.kind = choice;
      live.interval = absl::Hours(1);  // still running when the call arrives
      absl::StatusOr<emulator::Json> started =
          emulator.store().StartLiveUpdate({"acme-corp", "payments-api", "dev"}, live);
      EXPECT_TRUE(started.ok()) << started.status();
      if (started.ok()) values["updateID"] = (*started)["updateID"].get<std::string>();
    }
  }
  if (absl::StrContains(pattern, "{deployment_id}")) {
    values["deploymentId"] = "fresh-deployment";
    if (create_entities) {
      emulator::Caller jdoe;
      jdoe.login = "jdoe";
      absl::StatusOr<emulator::Json> created = emulator.store().CreateDeployment(
          jdoe, {"acme-corp", "payments-api", "prod"}, emulator::Json::object());
      EXPECT_TRUE(created.ok()) << created.status();
      if (created.ok()) values["deploymentId"] = (*created)["id"].get<std::string>();
    }
  }
  if (absl::StrContains(pattern, "{token_id}")) values["tokenId"] = SeededTokenId(pattern);

  std::unique_ptr<Message> request = NewMessage(route.method->input_type());
  FillPath(route.path_fields, values, request.get());
  auto fixture = Fixtures().find(route.method->name());
  if (fixture != Fixtures().end()) {
    absl::Status merged = MergeJson(fixture->second, request.get());
    EXPECT_TRUE(merged.ok()) << merged;
  }
  FillRequired(request.get());
  emulator.operations().Reset();
  emulator.requests().Clear();
  return request;
}

// The operations the emulator saw since Prepare(), with their counts; fails for a request that
// matched no operation of the description.
OperationCounts Seen(const std::string& what) {
  for (const emulator::RequestRecord& record : sweep->emulator().requests().Snapshot()) {
    EXPECT_FALSE(record.operation_id.empty())
        << what << ": the gateway sent " << record.method << " " << record.path
        << ", which no operation of the API description matches";
  }
  return sweep->emulator().operations().Snapshot();
}

void ExpectAccepted(const std::string& what, const OperationCounts& seen) {
  EXPECT_FALSE(seen.empty()) << what << ": no request reached the emulator";
  for (const auto& [operation, counts] : seen) {
    std::string reason;
    if (KnownNonConforming(operation, &reason)) {
      EXPECT_THAT(counts.last_rejection, ::testing::HasSubstr(reason)) << what;
      continue;
    }
    EXPECT_EQ(counts.rejected, 0) << what << ": the emulator rejected " << operation << ": "
                                  << counts.last_rejection;
    if (counts.rejected == 0 && counts.accepted > 0) {
      sweep->figures().operations_accepted.insert(operation);
    }
  }
}

void ExpectNoDroppedKeys(const std::string& what, const std::string& method_full_name) {
  EXPECT_THAT(sweep->NewUnknownKeyLines(method_full_name), ::testing::IsEmpty())
      << what << ": the gateway dropped keys of the upstream answer";
}

// Where the emulator answered in conformance mode its document is a function of the operation:
// the reply must hold all of it.
void ExpectWholeAnswer(const std::string& what, const Route& route, const Message& reply,
                       const OperationCounts& seen) {
  if (seen.size() != 1) return;
  emulator::Server& emulator = sweep->emulator();
  const std::string& operation_id = seen.begin()->first;
  if (emulator.stateful_operations().count(operation_id) > 0) return;
  const emulator::ApiOperation* op = emulator.api_description().FindById(operation_id);
  ASSERT_NE(op, nullptr) << operation_id;
  const emulator::Reply expected = emulator::ExampleReply(emulator.api_description(), *op);
  ++sweep->figures().answers_compared;
  if (reply.GetDescriptor() == google::api::HttpBody::descriptor()) {
    const auto& body = static_cast<const google::api::HttpBody&>(reply);
    EXPECT_EQ(body.data(), expected.body) << what;
    EXPECT_THAT(body.content_type(), ::testing::StartsWith(expected.content_type)) << what;
    return;
  }
  if (route.raw_response_field != nullptr) {
    EXPECT_EQ(reply.GetReflection()->GetString(reply, route.raw_response_field), expected.body)
        << what;
    return;
  }
  if (expected.body.empty()) return;
  json upstream = json::parse(expected.body, nullptr, /*allow_exceptions=*/false);
  ASSERT_FALSE(upstream.is_discarded()) << what << ": " << expected.body;
  json got = MessageJson(reply);
  if (route.response_body_field != nullptr) {
    got = got.value(route.response_body_field->json_name(), json());
  }
  EXPECT_THAT(LostInReply(upstream, got), ::testing::IsEmpty())
      << what << ": the reply lost part of the emulator's answer " << upstream.dump();
}

class RpcSweepTest : public ::testing::TestWithParam<std::string> {
 protected:
  const Route& route() {
    const Route* found = sweep->table().Find(GetParam());
    EXPECT_NE(found, nullptr) << GetParam();
    static const Route kNone;
    return found != nullptr ? *found : kNone;
  }
};

TEST_P(RpcSweepTest, AnswersAValidRequestCompletely) {
  const Route& route = this->route();
  ASSERT_NE(route.method, nullptr);
  const FieldDescriptor* choice_field = ChoiceField(route);
  const std::vector<std::string> choices =
      choice_field != nullptr ? AllowedValues(choice_field) : std::vector<std::string>{""};
  ++sweep->figures().rpcs;
  for (const std::string& choice : choices) {
    std::unique_ptr<Message> request = Prepare(route, choice, /*create_entities=*/true);
    const std::string what = absl::StrCat(
        route.method->name(), choice.empty() ? "" : "(" + choice + ")", " ", RequestJson(*request));
    RawCall call = CallUnary(sweep->channel(), route.grpc_path, *request, Auth(), kDeadline);
    ++sweep->figures().calls;
    ASSERT_TRUE(call.status.ok()) << what << ": code " << call.status.error_code() << ": "
                                  << call.status.error_message();
    std::unique_ptr<Message> reply = NewMessage(route.method->output_type());
    ASSERT_TRUE(reply->ParseFromString(call.messages.at(0))) << what;
    const OperationCounts seen = Seen(what);
    ExpectAccepted(what, seen);
    ExpectNoDroppedKeys(what, route.method->full_name());
    ExpectWholeAnswer(what, route, *reply, seen);
  }
}

TEST_P(RpcSweepTest, RefusesEachMissingRequiredFieldBeforeAnyUpstreamCall) {
  const Route& route = this->route();
  ASSERT_NE(route.method, nullptr);
  const FieldDescriptor* choice_field = ChoiceField(route);
  std::unique_ptr<Message> request =
      Prepare(route, choice_field != nullptr ? FirstAllowedValue(choice_field) : "",
              /*create_entities=*/false);
  FillEveryMessage(request.get());
  for (const RequiredField& field : RequiredFields(*request, route.path_fields)) {
    RawCall call =
        CallUnary(sweep->channel(), route.grpc_path, *Without(*request, field), Auth(), kDeadline);
    ++sweep->figures().required_cases;
    EXPECT_EQ(call.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
        << route.method->name() << " without " << field.json_path << ": "
        << call.status.error_message();
    EXPECT_THAT(call.status.error_message(),
                ::testing::HasSubstr(absl::StrCat("field \"", field.json_path, "\" is required")))
        << route.method->name();
  }
  EXPECT_THAT(sweep->emulator().requests().Snapshot(), ::testing::IsEmpty())
      << route.method->name() << ": a request without a required field reached the emulator";
}

INSTANTIATE_TEST_SUITE_P(Routes, RpcSweepTest, ::testing::ValuesIn(RpcPaths(/*routed=*/true)),
                         TestName);

class AssembledRpcTest : public ::testing::TestWithParam<std::string> {};

TEST_P(AssembledRpcTest, AnswersWithEveryUpstreamAnswer) {
  const std::string& path = GetParam();
  const google::protobuf::MethodDescriptor* method = nullptr;
  if (const StreamRoute* stream = sweep->table().FindStream(path)) method = stream->method;
  if (const CompositeRoute* composite = sweep->table().FindComposite(path)) {
    method = composite->method;
  }
  ASSERT_NE(method, nullptr) << path;
  ++sweep->figures().rpcs;
  ASSERT_TRUE(sweep->emulator().store().Reset().ok());
  std::unique_ptr<Message> request = NewMessage(method->input_type());
  auto fixture = Fixtures().find(method->name());
  if (fixture != Fixtures().end()) {
    ASSERT_TRUE(MergeJson(fixture->second, request.get()).ok());
  }
  FillRequired(request.get());
  sweep->emulator().operations().Reset();
  sweep->emulator().requests().Clear();
  const std::string what = absl::StrCat(method->name(), " ", RequestJson(*request));
  RawCall call = method->server_streaming()
                     ? CallServerStream(sweep->channel(), path, *request, Auth(), kDeadline)
                     : CallUnary(sweep->channel(), path, *request, Auth(), kDeadline);
  ++sweep->figures().calls;
  ASSERT_TRUE(call.status.ok()) << what << ": code " << call.status.error_code() << ": "
                                << call.status.error_message();
  EXPECT_FALSE(call.messages.empty()) << what;
  for (const std::string& bytes : call.messages) {
    EXPECT_TRUE(NewMessage(method->output_type())->ParseFromString(bytes)) << what;
  }
  ExpectAccepted(what, Seen(what));
  ExpectNoDroppedKeys(what, "");  // the pages' and calls' own routes
}

INSTANTIATE_TEST_SUITE_P(StreamsAndComposites, AssembledRpcTest,
                         ::testing::ValuesIn(RpcPaths(/*routed=*/false)), TestName);

// The suites above reach every method of every served service: each is a route, a stream or a
// composite; there is no fourth kind they would miss.
TEST(RpcSweepCompletenessTest, EveryMethodOfEveryServiceIsSwept) {
  std::set<std::string> swept;
  for (bool routed : {true, false}) {
    for (const std::string& path : RpcPaths(routed)) swept.insert(path);
  }
  size_t methods = 0;
  for (const auto* service : LinkedServices(kPackage)) {
    for (int i = 0; i < service->method_count(); ++i) {
      const std::string path =
          absl::StrCat("/", service->full_name(), "/", service->method(i)->name());
      EXPECT_TRUE(swept.count(path)) << path << " is neither routed, streamed nor composite";
      ++methods;
    }
  }
  EXPECT_EQ(swept.size(), methods);
  EXPECT_GE(methods, 280u);
}

}  // namespace
}  // namespace pulumi_gateway::e2e
