#include "gateway/transcode/json_wire.h"

#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gateway/transcode/json_to_message.h"
#include "gmock/gmock.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/unknown_field_set.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "pulumi/service/v1/stacks.pb.h"
#include "pulumi/service/v1/updates.pb.h"

namespace pulumi_gateway {
namespace {

namespace v1 = ::pulumi::service::v1;
using google::protobuf::Message;
using google::protobuf::util::MessageDifferencer;
using ::testing::HasSubstr;

// What the gateway sends for `json` through the split: the other members through JsonToMessage,
// the encoded ones as unknown fields; then parsed back as a client would.
template <typename M>
absl::StatusOr<M> ViaSplit(const std::string& json) {
  OpaqueFieldSplit split;
  const JsonSplitResult result = SplitOpaqueFields(json, M::descriptor(), &split);
  if (result.error != JsonSplitError::kNone) {
    return absl::InvalidArgumentError(absl::StrCat(
        result.error == JsonSplitError::kNotJson ? "not json: " : "mismatch: ", result.message));
  }
  M sent;
  ParseReport report;
  absl::Status status = JsonToMessage(split.others, &sent, &report);
  if (!status.ok()) return status;
  for (auto& [field, bytes] : split.encoded) {
    sent.GetReflection()->MutableUnknownFields(&sent)->AddLengthDelimited(field->number(), bytes);
  }
  // Each JSON level is three message levels (map entry, Value, Struct): past ~33 levels the
  // default recursion limit of 100 would refuse what JsonToMessage still accepts.
  const std::string bytes = sent.SerializeAsString();
  google::protobuf::io::CodedInputStream input(reinterpret_cast<const uint8_t*>(bytes.data()),
                                               static_cast<int>(bytes.size()));
  input.SetRecursionLimit(1000);
  M received;
  if (!received.MergeFromCodedStream(&input) || !input.ConsumedEntireMessage()) {
    return absl::InternalError("the encoding does not parse");
  }
  return received;
}

template <typename M>
void ExpectSameAsJsonToMessage(const std::string& json) {
  M expected;
  ParseReport report;
  absl::Status parsed = JsonToMessage(json, &expected, &report);
  absl::StatusOr<M> got = ViaSplit<M>(json);
  if (!parsed.ok()) {
    EXPECT_FALSE(got.ok()) << json;
    return;
  }
  ASSERT_TRUE(got.ok()) << got.status() << "\n" << json;
  EXPECT_TRUE(MessageDifferencer::Equals(expected, *got))
      << json << "\nexpected: " << expected.DebugString() << "\ngot: " << got->DebugString();
}

TEST(JsonWireTest, ValuesOfEveryTypeMatchJsonToMessage) {
  for (const char* deployment : {
           R"({})",
           R"({"a":null,"b":true,"c":false,"d":0,"e":-0,"f":-0.0,"g":1.5e3,"h":"x"})",
           R"({"n":[1,-2,3.25,1e-310,12345678901234567890,123456789012345678901234567890]})",
           R"({"big":18446744073709551615,"neg":-9223372036854775808,"neg2":-9223372036854775809})",
           R"({"s":"tab\t nl\n quote\" slash\/ back\\ \u00e9 \ud83d\ude00 \u0000 end"})",
           R"({"utf8":"é € 😀","empty":"","list":[],"obj":{}})",
           R"({"nested":{"a":[{"b":[[[]]],"c":{"d":null}}],"e":[true,false,null,"s",{}]}})",
           R"({"dup":1,"dup":"two","o":{"k":1,"k":{"x":2}}})",
           R"(  {  "spaced" :  [ 1 , 2 ] ,"x":{ } }  )",
       }) {
    SCOPED_TRACE(deployment);
    ExpectSameAsJsonToMessage<v1::ExportStackResponse>(
        absl::StrCat(R"({"version":3,"features":["a"],"deployment":)", deployment, "}"));
  }
}

TEST(JsonWireTest, ValueFieldTakesAnyJsonIncludingNull) {
  // UpdateInfo.deployment is a google.protobuf.Value.
  for (const char* value : {"null", "1", "\"s\"", "true", "[1,{}]", R"({"a":[null]})"}) {
    SCOPED_TRACE(value);
    ExpectSameAsJsonToMessage<v1::UpdateInfo>(
        absl::StrCat(R"({"version":7,"deployment":)", value, "}"));
  }
}

TEST(JsonWireTest, NullOrRepeatedKeyLeavesTheLastValue) {
  ExpectSameAsJsonToMessage<v1::ExportStackResponse>(R"({"deployment":null,"version":3})");
  ExpectSameAsJsonToMessage<v1::ExportStackResponse>(R"({"deployment":{"a":1},"deployment":null})");
  ExpectSameAsJsonToMessage<v1::ExportStackResponse>(
      R"({"deployment":{"a":1},"deployment":{"b":2}})");
  absl::StatusOr<v1::ExportStackResponse> got =
      ViaSplit<v1::ExportStackResponse>(R"({"deployment":{"a":1},"deployment":{"b":2}})");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->deployment().fields().size(), 1);
  EXPECT_TRUE(got->deployment().fields().contains("b"));
}

TEST(JsonWireTest, SplitKeepsOtherMembersAsTheirText) {
  OpaqueFieldSplit split;
  const JsonSplitResult result = SplitOpaqueFields(
      "\xEF\xBB\xBF"
      R"( {"version" : 3, "deployment":{"x":[1]}, "fe\u0061tures":["a"], "extra":{"k":"v"}} )",
      v1::ExportStackResponse::descriptor(), &split);
  ASSERT_EQ(result.error, JsonSplitError::kNone) << result.message;
  EXPECT_EQ(split.others, R"({"version":3,"fe\u0061tures":["a"],"extra":{"k":"v"}})");
  ASSERT_EQ(split.encoded.size(), 1u);
  EXPECT_EQ(split.encoded[0].first->name(), "deployment");
  google::protobuf::Struct deployment;
  ASSERT_TRUE(deployment.ParseFromString(split.encoded[0].second));
  EXPECT_EQ(deployment.fields().at("x").list_value().values(0).number_value(), 1);
}

TEST(JsonWireTest, MismatchesAreWordedAsJsonToMessageWordsThem) {
  for (const char* json : {
           R"({"deployment":"not an object"})",
           R"({"deployment":[1]})",
           R"({"deployment":7})",
       }) {
    SCOPED_TRACE(json);
    v1::ExportStackResponse expected;
    ParseReport report;
    const absl::Status old = JsonToMessage(json, &expected, &report);
    ASSERT_FALSE(old.ok());
    OpaqueFieldSplit split;
    const JsonSplitResult result =
        SplitOpaqueFields(json, v1::ExportStackResponse::descriptor(), &split);
    EXPECT_EQ(result.error, JsonSplitError::kMismatch);
    EXPECT_EQ(result.message, old.message());
  }
}

TEST(JsonWireTest, NestingLimitIsJsonToMessages) {
  for (int levels : {10, 49, 50, 51, 80}) {
    SCOPED_TRACE(levels);
    std::string deep = "1";
    for (int i = 0; i < levels; ++i) deep = absl::StrCat(R"({"k":)", deep, "}");
    const std::string json = absl::StrCat(R"({"deployment":)", deep, "}");
    v1::ExportStackResponse expected;
    ParseReport report;
    const absl::Status old = JsonToMessage(json, &expected, &report);
    OpaqueFieldSplit split;
    const JsonSplitResult result =
        SplitOpaqueFields(json, v1::ExportStackResponse::descriptor(), &split);
    if (old.ok()) {
      EXPECT_EQ(result.error, JsonSplitError::kNone) << result.message;
      ExpectSameAsJsonToMessage<v1::ExportStackResponse>(json);
    } else {
      EXPECT_EQ(result.error, JsonSplitError::kMismatch);
      EXPECT_EQ(result.message, old.message());
      EXPECT_THAT(result.message, HasSubstr("nesting is too deep"));
    }
  }
}

TEST(JsonWireTest, DeepNestingOutsideOpaqueFieldsIsOnlyChecked) {
  // 100,000 levels: checked without recursion.
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  OpaqueFieldSplit split;
  JsonSplitResult result = SplitOpaqueFields(absl::StrCat(R"({"other":)", deep, "}"),
                                             v1::ExportStackResponse::descriptor(), &split);
  EXPECT_EQ(result.error, JsonSplitError::kNone);
  result = SplitOpaqueFields(absl::StrCat(R"({"deployment":{"k":)", deep, "}}"),
                             v1::ExportStackResponse::descriptor(), &split);
  EXPECT_EQ(result.error, JsonSplitError::kMismatch);
  EXPECT_THAT(result.message, HasSubstr("nesting is too deep"));
  result = SplitOpaqueFields(absl::StrCat(R"({"deployment":{"k":)", deep, "}"),
                             v1::ExportStackResponse::descriptor(), &split);
  EXPECT_EQ(result.error, JsonSplitError::kNotJson) << "a syntax error wins over a mismatch";
}

TEST(JsonWireTest, RejectsWhatNlohmannRejects) {
  for (const char* deployment : {
           R"({"a":01})",
           R"({"a":1.})",
           R"({"a":.5})",
           R"({"a":1e})",
           R"({"a":-})",
           R"({"a":+1})",
           R"({"a":1e400})",
           R"({"a":-1e400})",
           R"({"a":NaN})",
           R"({"a":tru})",
           R"({"a":nul})",
           R"({"a":"\x"})",
           R"({"a":"\u12"})",
           R"({"a":"\ud800"})",
           R"({"a":"\udc00"})",
           R"({"a":"\ud800\u0041"})",
           "{\"a\":\"\x01\"}",
           "{\"a\":\"\xC0\xAF\"}",
           "{\"a\":\"\xED\xA0\x80\"}",
           "{\"a\":\"\xF4\x90\x80\x80\"}",
           "{\"a\":\"\xE2\x82\"}",
           R"({"a":[1,]})",
           R"({"a":[1 2]})",
           R"({"a":{"b":1,}})",
           R"({"a":{"b"}})",
           R"({"a":{1:2}})",
           R"({"a":"open)",
           R"({"a":[)",
           R"({'a':1})",
       }) {
    const std::string json = absl::StrCat(R"({"deployment":)", deployment, "}");
    SCOPED_TRACE(json);
    ASSERT_FALSE(nlohmann::json::accept(json));
    OpaqueFieldSplit split;
    EXPECT_EQ(SplitOpaqueFields(json, v1::ExportStackResponse::descriptor(), &split).error,
              JsonSplitError::kNotJson);
  }
  for (const char* json : {R"({"deployment":{}} x)", R"({"deployment":{}},)", R"({"deployment")",
                           R"({"deployment":{},})", R"({"x":01,"deployment":{}})", ""}) {
    SCOPED_TRACE(json);
    ASSERT_FALSE(nlohmann::json::accept(json));
    OpaqueFieldSplit split;
    EXPECT_EQ(SplitOpaqueFields(json, v1::ExportStackResponse::descriptor(), &split).error,
              JsonSplitError::kNotJson);
  }
}

TEST(JsonWireTest, LongMessagesGetMultiByteLengths) {
  // Lengths past 127, 16,383 and 2,097,151 bytes need 2, 3 and 4 length bytes, nested.
  for (size_t size : {100, 200, 20000, 3000000}) {
    SCOPED_TRACE(size);
    const std::string text(size, 'x');
    ExpectSameAsJsonToMessage<v1::ExportStackResponse>(absl::StrCat(
        R"({"deployment":{"a":{"b":[")", text, R"(",{"c":")", text, R"("}],"d":1}}})"));
  }
}

// Random JSON: nested objects and arrays, strings with escapes and UTF-8, all number forms.
class RandomJson {
 public:
  explicit RandomJson(uint32_t seed) : random_(seed) {}

  std::string Value(int depth) {
    switch (Pick(depth > 6 ? 5 : 7)) {
      case 0:
        return "null";
      case 1:
        return Pick(2) ? "true" : "false";
      case 2:
        return Number();
      case 3:
      case 4:
        return String();
      case 5: {
        std::string out = "[";
        for (int i = 0, n = Pick(5); i < n; ++i)
          absl::StrAppend(&out, i ? "," : "", Value(depth + 1));
        return out + "]";
      }
      default: {
        std::string out = "{";
        for (int i = 0, n = Pick(6); i < n; ++i) {
          absl::StrAppend(&out, i ? "," : "", Pick(4) ? String() : "\"dup\"", Space(), ":", Space(),
                          Value(depth + 1));
        }
        return out + "}";
      }
    }
  }

 private:
  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random_); }
  std::string Space() { return Pick(4) ? "" : " \n\t"; }
  std::string Number() {
    static const char* const kNumbers[] = {"0",
                                           "-0",
                                           "7",
                                           "-12",
                                           "3.5",
                                           "-0.25",
                                           "1e3",
                                           "2E-2",
                                           "6.02e+23",
                                           "1e-320",
                                           "9007199254740993",
                                           "18446744073709551616",
                                           "-9223372036854775809",
                                           "0.1",
                                           "123456.789e-3"};
    return kNumbers[Pick(sizeof(kNumbers) / sizeof(kNumbers[0]))];
  }
  std::string String() {
    static const char* const kParts[] = {
        "a",       "key", " ", "\\\"", "\\\\",           "\\/",     "\\n",   "\\t", "\\u0041",
        "\\u00e9", "é",   "€", "😀",    "\\ud83d\\ude00", "\\u0000", "{}[],:"};
    std::string out = "\"";
    for (int i = 0, n = Pick(6); i < n; ++i)
      out += kParts[Pick(sizeof(kParts) / sizeof(kParts[0]))];
    return out + "\"";
  }

  std::mt19937 random_;
};

TEST(JsonWireTest, RandomDocumentsMatchJsonToMessage) {
  RandomJson random(20261128);
  for (int i = 0; i < 400; ++i) {
    const std::string json =
        absl::StrCat(R"({"version":1,"deployment":{"root":)", random.Value(0), "}}");
    ASSERT_TRUE(nlohmann::json::accept(json)) << json;
    ExpectSameAsJsonToMessage<v1::ExportStackResponse>(json);
  }
}

TEST(JsonWireTest, DamagedDocumentsAreRejectedExactlyWhenNlohmannRejectsThem) {
  RandomJson random(7);
  std::mt19937 damage(11);
  for (int i = 0; i < 2000; ++i) {
    std::string json = absl::StrCat(R"({"deployment":{"root":)", random.Value(0), "}}");
    const size_t at = std::uniform_int_distribution<size_t>(1, json.size() - 1)(damage);
    switch (damage() % 3) {
      case 0:
        json[at] = "{}[]\",:\\x0 \x80"[damage() % 13];
        break;
      case 1:
        json.erase(at, 1);
        break;
      default:
        json.resize(at);
        break;
    }
    SCOPED_TRACE(json);
    OpaqueFieldSplit split;
    const JsonSplitResult result =
        SplitOpaqueFields(json, v1::ExportStackResponse::descriptor(), &split);
    EXPECT_EQ(result.error == JsonSplitError::kNotJson, !nlohmann::json::accept(json))
        << result.message;
  }
}

TEST(JsonWireTest, EncodeOpaqueJsonGivesTheMessagesBytes) {
  absl::StatusOr<std::string> bytes =
      EncodeOpaqueJson(R"([1,"a",{"b":null}])", google::protobuf::ListValue::descriptor());
  ASSERT_TRUE(bytes.ok()) << bytes.status();
  google::protobuf::ListValue list;
  ASSERT_TRUE(list.ParseFromString(*bytes));
  ASSERT_EQ(list.values_size(), 3);
  EXPECT_EQ(list.values(1).string_value(), "a");
  EXPECT_TRUE(list.values(2).struct_value().fields().at("b").has_null_value());
  EXPECT_THAT(EncodeOpaqueJson("[1]", google::protobuf::Struct::descriptor()).status().message(),
              HasSubstr("expected an object, got array"));
  EXPECT_THAT(EncodeOpaqueJson("{} x", google::protobuf::Struct::descriptor()).status().message(),
              HasSubstr("not valid JSON"));
}

}  // namespace
}  // namespace pulumi_gateway
