// The forms of the API description through a real gateway against a recording upstream: answers
// whose top level is an array, a map, a string, a boolean or a number; array and map request
// bodies; non-JSON answers in google.api.HttpBody; a real HEAD; 201/202/204 with empty bodies;
// required fields and allowed values refused before any upstream request. The gateway runs in
// the test's process and serves the test-only FormsService (gateway/route/testdata/forms.proto)
// next to the Pulumi services; the binary as shipped never serves it.
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/api/httpbody.pb.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "httplib.h"
#include "nlohmann/json.hpp"
#include "testdata/forms.pb.h"
#include "tests/integration/gateway_call.h"
#include "tests/support/fake_upstream.h"
#include "tests/support/harness.h"
#include "tests/support/metrics.h"

namespace pulumi_gateway::testing {
namespace {

namespace testdata = ::pulumi_gateway::route::testdata;
using nlohmann::json;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kToken[] = "pul-test-forms-token";

template <typename T>
const T& As(const google::protobuf::Message& message) {
  const T* typed = dynamic_cast<const T*>(&message);
  if (typed == nullptr) {
    ADD_FAILURE() << "response is a " << message.GetDescriptor()->full_name();
    return T::default_instance();
  }
  return *typed;
}

class FormsGatewayTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    upstream_ = new FakeUpstream();
    const google::protobuf::ServiceDescriptor* forms =
        testdata::OrgRequest::descriptor()->file()->FindServiceByName("FormsService");
    ASSERT_NE(forms, nullptr);
    gateway_ = TestGateway::Start(upstream_->base_url(),
                                  [](FlagValues& f) {
                                    f.metrics_listen = "127.0.0.1:0";
                                    f.retry_max_attempts = 1;
                                  },
                                  {forms})
                   .release();
    ASSERT_NE(gateway_, nullptr);
    metrics_ = gateway_->metrics_address();
    stub_ = new grpc::GenericStub(gateway_->channel());
  }
  static void TearDownTestSuite() {
    delete stub_;
    delete gateway_;
    delete upstream_;
  }
  void SetUp() override {
    upstream_->ClearRequests();
    upstream_->SetHandler(nullptr);
  }

  // Answers every upstream request with `status`, `body` and `content_type`.
  static void Answer(int status, std::string body, std::string content_type = "application/json") {
    upstream_->SetHandler(
        [status, body, content_type](const httplib::Request&, httplib::Response& res) {
          res.status = status;
          if (!body.empty() || !content_type.empty()) res.set_content(body, content_type);
        });
  }

  static CallResult Call(const std::string& method, const std::string& request_json) {
    const auto* descriptor = google::protobuf::DescriptorPool::generated_pool()->FindMethodByName(
        "pulumi_gateway.route.testdata.FormsService." + method);
    EXPECT_NE(descriptor, nullptr) << method;
    return CallGateway(*stub_, descriptor, request_json,
                       {{"authorization", absl::StrCat("token ", kToken)}});
  }

  static std::string Scrape() { return ScrapeMetrics(metrics_); }

  static FakeUpstream* upstream_;
  static TestGateway* gateway_;
  static grpc::GenericStub* stub_;
  static std::string metrics_;
};

FakeUpstream* FormsGatewayTest::upstream_ = nullptr;
TestGateway* FormsGatewayTest::gateway_ = nullptr;
grpc::GenericStub* FormsGatewayTest::stub_ = nullptr;
std::string FormsGatewayTest::metrics_;

TEST_F(FormsGatewayTest, TopLevelArrayAnswerWithItsUnknownKeysCounted) {
  Answer(200, R"([{"name":"a","kind":"file","size":3,"added":true},{"name":"b","more":{}}])");
  CallResult result = Call("ListItems", R"({"org":"acme-corp"})");
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  const auto& list = As<testdata::ItemList>(*result.response);
  ASSERT_EQ(list.items_size(), 2);
  EXPECT_EQ(list.items(0).name(), "a");
  EXPECT_EQ(list.items(0).size(), 3);
  EXPECT_EQ(list.items(1).name(), "b");
  ASSERT_EQ(upstream_->requests().size(), 1u);
  EXPECT_EQ(upstream_->requests()[0].method, "GET");
  EXPECT_EQ(upstream_->requests()[0].target, "/api/forms/acme-corp/items");
  EXPECT_EQ(SampleValue(Scrape(), R"(pulumi_upstream_unknown_json_keys_total{route="ListItems"})"),
            2);
}

TEST_F(FormsGatewayTest, TopLevelMapAndScalarAnswers) {
  Answer(200, R"({"x":{"name":"x"},"y":{"name":"y","kind":"folder"}})");
  CallResult map = Call("GetItemMap", R"({"org":"acme-corp"})");
  ASSERT_TRUE(map.status.ok()) << map.status.error_message();
  EXPECT_EQ(As<testdata::ItemMap>(*map.response).entries().at("y").kind(), "folder");

  Answer(200, R"("acme-corp")");
  CallResult name = Call("GetName", R"({"org":"acme-corp"})");
  ASSERT_TRUE(name.status.ok()) << name.status.error_message();
  EXPECT_EQ(As<testdata::StringAnswer>(*name.response).value(), "acme-corp");

  Answer(200, "true");
  CallResult enabled = Call("IsEnabled", R"({"org":"acme-corp"})");
  ASSERT_TRUE(enabled.status.ok()) << enabled.status.error_message();
  EXPECT_TRUE(As<testdata::BoolAnswer>(*enabled.response).value());

  Answer(200, "9007199254740993");
  CallResult count = Call("CountItems", R"({"org":"acme-corp"})");
  ASSERT_TRUE(count.status.ok()) << count.status.error_message();
  EXPECT_EQ(As<testdata::NumberAnswer>(*count.response).value(), 9007199254740993);

  Answer(200, R"(["a","b"])");
  CallResult names = Call("ListNames", R"({"org":"acme-corp"})");
  ASSERT_TRUE(names.status.ok()) << names.status.error_message();
  EXPECT_THAT(As<testdata::NameList>(*names.response).names(), ElementsAre("a", "b"));
}

TEST_F(FormsGatewayTest, ArrayAndMapRequestBodies) {
  Answer(200, R"([{"name":"a"}])");
  CallResult items = Call("PutItems", R"({"org":"acme-corp","dryRun":true,
      "items":[{"name":"a","kind":"file","size":"9007199254740993"}]})");
  ASSERT_TRUE(items.status.ok()) << items.status.error_message();
  EXPECT_EQ(As<testdata::ItemList>(*items.response).items_size(), 1);

  Answer(204, "", "");
  CallResult labels = Call("PutLabels", R"({"org":"acme-corp","labels":{"team":"x"}})");
  ASSERT_TRUE(labels.status.ok()) << labels.status.error_message();

  const std::vector<RecordedRequest> requests = upstream_->requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].method, "PUT");
  EXPECT_EQ(requests[0].target, "/api/forms/acme-corp/items?dryRun=true");
  EXPECT_EQ(requests[0].Header("Content-Type"), "application/json");
  EXPECT_EQ(json::parse(requests[0].body),
            json::parse(R"([{"name":"a","kind":"file","size":9007199254740993,"labels":[]}])"));
  EXPECT_EQ(requests[1].method, "PUT");
  EXPECT_EQ(requests[1].body, R"({"team":"x"})");
}

TEST_F(FormsGatewayTest, NonJsonAnswersArriveAsHttpBody) {
  const std::string tar("ustar\0\0\x01\xff", 8);
  for (const auto& [type, body] : std::vector<std::pair<std::string, std::string>>{
           {"text/markdown", "# Payments\n"},
           {"text/plain; charset=utf-8", "plain text\n"},
           {"application/x-tar", tar},
           {"application/json", R"({"kept":"as bytes"})"},
       }) {
    SCOPED_TRACE(type);
    Answer(200, body, type);
    CallResult result = Call("GetReadme", R"({"org":"acme-corp"})");
    ASSERT_TRUE(result.status.ok()) << result.status.error_message();
    const auto& http_body = As<google::api::HttpBody>(*result.response);
    EXPECT_EQ(http_body.content_type(), type);
    EXPECT_EQ(http_body.data(), body);
  }
}

TEST_F(FormsGatewayTest, HeadIsARealHeadAndItsStatusIsTheAnswer) {
  // The answer announces a body (Content-Length) that a HEAD never gets: a client that waited for
  // it would hang until the deadline.
  upstream_->SetHandler([](const httplib::Request& req, httplib::Response& res) {
    res.status = absl::EndsWith(req.path, "/missing") ? 404 : 200;
    res.set_content(R"({"name":"announced but never sent"})", "application/json");
  });
  const absl::Time start = absl::Now();
  CallResult found = Call("ItemExists", R"({"org":"acme-corp","name":"present"})");
  ASSERT_TRUE(found.status.ok()) << found.status.error_message();
  EXPECT_EQ(found.response->ByteSizeLong(), 0u);
  CallResult missing = Call("ItemExists", R"({"org":"acme-corp","name":"missing"})");
  EXPECT_EQ(missing.status.error_code(), grpc::StatusCode::NOT_FOUND)
      << missing.status.error_message();
  CallResult org = Call("OrgExists", R"({"org":"acme-corp"})");
  ASSERT_TRUE(org.status.ok()) << org.status.error_message();
  EXPECT_EQ(As<testdata::StringAnswer>(*org.response).value(), "");
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));

  const std::vector<RecordedRequest> requests = upstream_->requests();
  ASSERT_EQ(requests.size(), 3u);
  for (const RecordedRequest& request : requests) EXPECT_EQ(request.method, "HEAD");
  EXPECT_EQ(requests[0].target, "/api/forms/acme-corp/items/present");
  EXPECT_EQ(requests[2].target, "/api/forms/acme-corp");

  // The pooled connections and handles that carried the HEADs read bodies again afterwards.
  Answer(200, R"([{"name":"after"}])");
  for (int i = 0; i < 3; ++i) {
    CallResult after = Call("ListItems", R"({"org":"acme-corp"})");
    ASSERT_TRUE(after.status.ok()) << after.status.error_message();
    ASSERT_EQ(As<testdata::ItemList>(*after.response).items_size(), 1);
  }
}

TEST_F(FormsGatewayTest, EmptyAnswersOfAny2xxAreEmptyMessages) {
  for (int status : {200, 201, 202, 204}) {
    SCOPED_TRACE(status);
    Answer(status, "", "");
    CallResult job = Call("StartJob", R"({"org":"acme-corp"})");
    ASSERT_TRUE(job.status.ok()) << job.status.error_message();
    EXPECT_EQ(job.response->ByteSizeLong(), 0u);
    CallResult deleted = Call("DeleteItem", R"({"org":"acme-corp","name":"a"})");
    ASSERT_TRUE(deleted.status.ok()) << deleted.status.error_message();
  }
}

TEST_F(FormsGatewayTest, RulesAreCheckedBeforeAnyUpstreamRequest) {
  Answer(200, "{}");
  struct Case {
    std::string method;
    std::string request;
    std::string message;
  };
  for (const Case& c : std::vector<Case>{
           {"ListItems", "{}", "field \"org\" is required"},
           {"CreateProject", R"({"org":"acme-corp","project":{"name":"p","team":{},
                "tags":["red"],"priority":1,"icon":"aQ=="}})",
            "field \"project.team.name\" is required"},
           {"CreateProject", R"({"org":"acme-corp","project":{"name":"p","team":{"name":"t",
                "members":[{"login":"jdoe","role":"owner"}]},"tags":["red"],"priority":1,
                "icon":"aQ=="}})",
            "field \"project.team.members[0].role\" must be one of: admin, member"},
           {"PutItems", R"({"org":"acme-corp","items":[{"name":"a","kind":"link"}]})",
            "field \"items[0].kind\" must be one of: file, folder"},
           {"PutLabels", R"({"org":"acme-corp","labels":{"k":"z"}})",
            "field \"labels[k]\" must be one of: x, y"},
       }) {
    SCOPED_TRACE(c.message);
    CallResult result = Call(c.method, c.request);
    EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(result.status.error_message(), HasSubstr(c.message));
  }
  EXPECT_TRUE(upstream_->requests().empty());

  CallResult valid = Call("CreateProject", R"({"org":"acme-corp","project":{"name":"p",
      "team":{"name":"t"},"tags":["red"],"priority":0,"icon":"aQ=="}})");
  ASSERT_TRUE(valid.status.ok()) << valid.status.error_message();
  ASSERT_EQ(upstream_->requests().size(), 1u);
  EXPECT_EQ(json::parse(upstream_->requests()[0].body)["team"]["name"], "t");
}

}  // namespace
}  // namespace pulumi_gateway::testing
