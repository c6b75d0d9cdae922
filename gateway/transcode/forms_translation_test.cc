// The forms of the API description through the translators (testdata/forms.proto): array, map,
// message and scalar request bodies; HEAD; answers whose top level is an array, a map, a string,
// a boolean or a number; non-JSON answers into google.api.HttpBody; empty 2xx answers.
#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "gateway/route/route_table.h"
#include "gateway/route/testdata/test_routes.h"
#include "gateway/transcode/request_translator.h"
#include "gateway/transcode/response_translator.h"
#include "gmock/gmock.h"
#include "google/api/httpbody.pb.h"
#include "google/protobuf/descriptor.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "testdata/forms.pb.h"

namespace pulumi_gateway {
namespace {

namespace testdata = ::pulumi_gateway::route::testdata;
using nlohmann::json;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class FormsTranslationTest : public ::testing::Test {
 protected:
  static const Route& Get(const std::string& method) { return FormsRoute(method); }

  static HttpRequest Translate(const std::string& method,
                               const google::protobuf::Message& request) {
    HttpRequest http;
    absl::Status status = TranslateRequest(Get(method), request, &http);
    EXPECT_TRUE(status.ok()) << status;
    return http;
  }

  static json Body(const HttpRequest& http) {
    EXPECT_TRUE(http.has_body);
    json body = json::parse(http.body, nullptr, /*allow_exceptions=*/false);
    EXPECT_FALSE(body.is_discarded()) << http.body;
    return body;
  }

  template <typename M>
  static absl::Status Answer(const std::string& method, int status, std::string body, M* out,
                             ParseReport* report, std::string content_type = "application/json") {
    HttpResponse response;
    response.status = status;
    response.body = std::move(body);
    if (!content_type.empty()) response.headers.emplace_back("Content-Type", content_type);
    return TranslateResponse(Get(method), response, out, report);
  }
};

// ---------------------------------------------------------------------------------------------
// Request bodies

TEST_F(FormsTranslationTest, RepeatedMessageBodyIsAJsonArray) {
  testdata::PutItemsRequest request;
  request.set_org("acme-corp");
  request.set_dry_run(true);
  testdata::Item* item = request.add_items();
  item->set_name("a");
  item->set_kind("file");
  item->set_size(9007199254740993);  // beyond a double's precision: sent as an exact number
  request.add_items()->set_name("b");
  HttpRequest http = Translate("PutItems", request);
  EXPECT_EQ(http.method, "PUT");
  EXPECT_EQ(http.path, "/api/forms/acme-corp/items?dryRun=true");
  json body = Body(http);
  ASSERT_TRUE(body.is_array()) << http.body;
  ASSERT_EQ(body.size(), 2u);
  EXPECT_EQ(body[0]["name"], "a");
  EXPECT_TRUE(body[0]["size"].is_number_integer()) << http.body;
  EXPECT_EQ(body[0]["size"].get<int64_t>(), 9007199254740993);
  EXPECT_EQ(body[1]["name"], "b");
  EXPECT_THAT(http.body, HasSubstr("9007199254740993"));
}

TEST_F(FormsTranslationTest, MapBodyIsAJsonObjectAndEmptyContainersStayEmpty) {
  testdata::PutLabelsRequest labels;
  labels.set_org("acme-corp");
  EXPECT_EQ(Body(Translate("PutLabels", labels)), json::object());
  (*labels.mutable_labels())["team"] = "x";
  EXPECT_EQ(Body(Translate("PutLabels", labels)), json::parse(R"({"team":"x"})"));

  testdata::PutSizesRequest sizes;
  sizes.set_org("acme-corp");
  (*sizes.mutable_sizes())["big"] = int64_t{1} << 60;
  HttpRequest http = Translate("PutSizes", sizes);
  EXPECT_EQ(http.method, "PATCH");
  EXPECT_EQ(http.body, R"({"big":1152921504606846976})");

  testdata::PutNamesRequest names;
  names.set_org("acme-corp");
  EXPECT_EQ(Translate("PutNames", names).body, "[]");
  names.add_names("a");
  names.add_names("b");
  EXPECT_EQ(Translate("PutNames", names).body, R"(["a","b"])");
}

TEST_F(FormsTranslationTest, MessageAndScalarBodies) {
  testdata::CreateProjectRequest create;
  create.set_org("acme-corp");
  create.mutable_project()->set_name("payments");
  create.mutable_project()->mutable_team()->set_name("platform");
  create.mutable_project()->add_tags("red");
  create.mutable_project()->set_priority(2);
  create.mutable_project()->set_icon("i");
  json body = Body(Translate("CreateProject", create));
  EXPECT_EQ(body["name"], "payments");
  EXPECT_EQ(body["team"]["name"], "platform");
  EXPECT_EQ(body["priority"], 2);
  EXPECT_FALSE(body.contains("org")) << body;
  EXPECT_FALSE(body.contains("project")) << body;

  testdata::SetNoteRequest note;
  note.set_org("acme-corp");
  note.set_note("hello \"world\"");
  EXPECT_EQ(Translate("SetNote", note).body, R"("hello \"world\"")");
}

TEST_F(FormsTranslationTest, HeadHasNoBody) {
  testdata::ItemRequest request;
  request.set_org("acme-corp");
  request.set_name("read me.md");
  HttpRequest http = Translate("ItemExists", request);
  EXPECT_EQ(http.method, "HEAD");
  EXPECT_EQ(http.path, "/api/forms/acme-corp/items/read%20me.md");
  EXPECT_FALSE(http.has_body);
  EXPECT_EQ(http.body, "");
}

// ---------------------------------------------------------------------------------------------
// Answers

TEST_F(FormsTranslationTest, TopLevelArrayOfObjectsCountsUnknownKeysOfItsItems) {
  testdata::ItemList out;
  ParseReport report;
  ASSERT_TRUE(Answer("ListItems", 200,
                     R"([{"name":"a","kind":"file","size":3,"new":1},{"name":"b","old":{"x":1}}])",
                     &out, &report)
                  .ok());
  ASSERT_EQ(out.items_size(), 2);
  EXPECT_EQ(out.items(0).name(), "a");
  EXPECT_EQ(out.items(0).size(), 3);
  EXPECT_EQ(out.items(1).name(), "b");
  EXPECT_THAT(report.unknown_keys, ElementsAre("items.new", "items.old"));
  EXPECT_EQ(report.unknown_key_count, 2);
}

TEST_F(FormsTranslationTest, TopLevelMapOfObjectsCountsUnknownKeysOfItsValues) {
  testdata::ItemMap out;
  ParseReport report;
  ASSERT_TRUE(
      Answer("GetItemMap", 200, R"({"a":{"name":"a","zz":1},"b":{"name":"b"}})", &out, &report)
          .ok());
  ASSERT_EQ(out.entries_size(), 2);
  EXPECT_EQ(out.entries().at("a").name(), "a");
  EXPECT_EQ(out.entries().at("b").name(), "b");
  EXPECT_THAT(report.unknown_keys, ElementsAre("entries.a.zz"));
  EXPECT_EQ(report.unknown_key_count, 1);
}

TEST_F(FormsTranslationTest, TopLevelArraysAndMapsOfScalars) {
  testdata::NameList names;
  ParseReport report;
  ASSERT_TRUE(Answer("ListNames", 200, R"(["x","y"])", &names, &report).ok());
  EXPECT_THAT(names.names(), ElementsAre("x", "y"));
  testdata::SizeMap sizes;
  ASSERT_TRUE(Answer("GetSizes", 200, R"({"a":1,"b":"9007199254740993"})", &sizes, &report).ok());
  EXPECT_EQ(sizes.sizes().at("a"), 1);
  EXPECT_EQ(sizes.sizes().at("b"), 9007199254740993);
  EXPECT_EQ(report.unknown_key_count, 0);
}

TEST_F(FormsTranslationTest, TopLevelScalars) {
  ParseReport report;
  testdata::StringAnswer name;
  ASSERT_TRUE(Answer("GetName", 200, "\"acme-corp\"\n", &name, &report).ok());
  EXPECT_EQ(name.value(), "acme-corp");
  testdata::BoolAnswer enabled;
  ASSERT_TRUE(Answer("IsEnabled", 200, "true", &enabled, &report).ok());
  EXPECT_TRUE(enabled.value());
  testdata::NumberAnswer count;
  ASSERT_TRUE(Answer("CountItems", 200, " 42 ", &count, &report).ok());
  EXPECT_EQ(count.value(), 42);
  ASSERT_TRUE(Answer("CountItems", 200, "\"9007199254740993\"", &count, &report).ok());
  EXPECT_EQ(count.value(), 9007199254740993);
  testdata::DoubleAnswer ratio;
  ASSERT_TRUE(Answer("GetRatio", 200, "0.25", &ratio, &report).ok());
  EXPECT_EQ(ratio.value(), 0.25);
  testdata::AnyAnswer any;
  ASSERT_TRUE(Answer("GetAnything", 200, R"([1,"a",{"k":null}])", &any, &report).ok());
  ASSERT_EQ(any.value().list_value().values_size(), 3);
  EXPECT_EQ(any.value().list_value().values(1).string_value(), "a");
  ASSERT_TRUE(Answer("GetAnything", 200, "null", &any, &report).ok());
  EXPECT_TRUE(any.value().has_null_value());
}

TEST_F(FormsTranslationTest, NullAnswerLeavesTheFieldUnset) {
  ParseReport report;
  testdata::ItemList items;
  ASSERT_TRUE(Answer("ListItems", 200, "null", &items, &report).ok());
  EXPECT_EQ(items.ByteSizeLong(), 0u);
  testdata::StringAnswer name;
  ASSERT_TRUE(Answer("GetName", 200, "null", &name, &report).ok());
  EXPECT_EQ(name.value(), "");
}

TEST_F(FormsTranslationTest, EmptyAnswersOfAny2xxGiveAnEmptyMessage) {
  for (int status : {200, 201, 202, 204}) {
    for (const char* method : {"StartJob", "ListItems"}) {
      SCOPED_TRACE(absl::StrCat(method, " ", status));
      testdata::ItemList out;
      out.add_items()->set_name("stale");
      ParseReport report;
      ASSERT_TRUE(Answer(method, status, "", &out, &report, "").ok());
      EXPECT_EQ(out.ByteSizeLong(), 0u);
    }
  }
  testdata::Empty empty;
  ParseReport report;
  ASSERT_TRUE(Answer("DeleteItem", 204, "", &empty, &report, "").ok());
  ASSERT_TRUE(Answer("ItemExists", 200, "", &empty, &report, "").ok());
  testdata::StringAnswer exists;
  exists.set_value("stale");
  ASSERT_TRUE(Answer("OrgExists", 200, "", &exists, &report, "").ok());
  EXPECT_EQ(exists.value(), "");
}

TEST_F(FormsTranslationTest, AnswersOfTheWrongShapeAreInternalNamingTheField) {
  ParseReport report;
  testdata::ItemList items;
  absl::Status status = Answer("ListItems", 200, R"({"items":[]})", &items, &report);
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_THAT(std::string(status.message()),
              HasSubstr("does not match the API: field \"items\": expected an array, got object"));
  testdata::StringAnswer name;
  status = Answer("GetName", 200, R"({"value":"x"})", &name, &report);
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_THAT(std::string(status.message()),
              HasSubstr("field \"value\": expected a string, got object"));
  testdata::BoolAnswer enabled;
  status = Answer("IsEnabled", 200, "yes", &enabled, &report, "text/plain");
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_THAT(std::string(status.message()), HasSubstr("is not valid JSON"));
  EXPECT_THAT(std::string(status.message()), HasSubstr("text/plain"));
}

TEST_F(FormsTranslationTest, HttpBodyTakesAnyAnswerAsBytesWithItsContentType) {
  struct Case {
    std::string content_type;
    std::string body;
  };
  const std::string tar("ustar\0\0\x01\xff\x1f\x8b", 10);
  for (const Case& c : {
           Case{"text/markdown; charset=utf-8", "# Payments\n\nRuns the ledger.\n"},
           Case{"text/plain", "line 1\nline 2\n"},
           Case{"application/x-tar", tar},
           Case{"application/json", R"({"kept":"raw","not":"parsed"})"},
           Case{"", "no type"},
       }) {
    SCOPED_TRACE(c.content_type);
    google::api::HttpBody out;
    ParseReport report;
    ASSERT_TRUE(Answer("GetReadme", 200, c.body, &out, &report, c.content_type).ok());
    EXPECT_EQ(out.data(), c.body);
    EXPECT_EQ(out.content_type(), c.content_type);
    EXPECT_EQ(out.extensions_size(), 0);
    EXPECT_EQ(report.unknown_key_count, 0);
  }
  google::api::HttpBody out;
  ParseReport report;
  ASSERT_TRUE(Answer("GetReadme", 204, "", &out, &report, "").ok());
  EXPECT_EQ(out.ByteSizeLong(), 0u);
}

}  // namespace
}  // namespace pulumi_gateway
