// The comparison the generated suite uses to prove that a reply holds the whole upstream answer.
#include "tests/e2e/answer_match.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pulumi/service/v1/stacks.pb.h"

namespace pulumi_gateway::e2e {
namespace {

using nlohmann::json;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(AnswerMatchTest, AReplyHoldingEveryKeyAndValueLosesNothing) {
  json upstream = json::parse(R"({"a": "x", "n": 7, "big": 9007199254740993, "on": true,
                                  "list": [{"b": 1.5}], "map": {"k": "v"}, "gone": null})");
  // The proto3 JSON printer's forms: 64-bit integers as strings, defaults and extra keys too.
  json reply = json::parse(R"({"a": "x", "n": 7, "big": "9007199254740993", "on": true,
                               "list": [{"b": 1.5, "c": ""}], "map": {"k": "v"}, "more": 0})");
  EXPECT_THAT(LostInReply(upstream, reply), IsEmpty());
}

TEST(AnswerMatchTest, NamesEveryLostKeyAndChangedValueByPath) {
  json upstream = json::parse(R"({"a": "x", "list": [{"b": 1, "c": "y"}], "map": {"k": "v"},
                                  "n": 3, "arr": [1, 2]})");
  json reply = json::parse(R"({"a": "z", "list": [{"b": "1"}], "map": {}, "n": "three",
                               "arr": [1]})");
  EXPECT_THAT(LostInReply(upstream, reply), ElementsAre("a: \"x\" upstream, \"z\" in the reply",
                                                        "arr: [1,2] upstream, [1] in "
                                                        "the reply",
                                                        "list[0].c: missing", "map.k: missing",
                                                        "n: 3 upstream, \"three\" in the reply"));
}

TEST(AnswerMatchTest, TopLevelArraysAndScalarsCompareToo) {
  EXPECT_THAT(LostInReply(json::parse("[1, 2]"), json::parse("[1, 2]")), IsEmpty());
  EXPECT_THAT(LostInReply(json("on"), json("off")),
              ElementsAre(": \"on\" upstream, \"off\" in the reply"));
}

TEST(AnswerMatchTest, MessageJsonUsesJsonNamesAndPrintsDefaults) {
  pulumi::service::v1::GetStackRequest request;
  request.set_org_name("acme-corp");
  json printed = MessageJson(request);
  EXPECT_EQ(printed["orgName"], "acme-corp");
  EXPECT_EQ(printed["stackName"], "");
}

}  // namespace
}  // namespace pulumi_gateway::e2e
