#include "gateway/route/request_rules.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testdata/forms.pb.h"

namespace pulumi_gateway {
namespace {

namespace testdata = ::pulumi_gateway::route::testdata;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> Names(const MessageRules& rules) {
  std::vector<std::string> names;
  for (const FieldRule& rule : rules.fields) names.push_back(rule.field->name());
  return names;
}

const FieldRule& Rule(const MessageRules& rules, const std::string& name) {
  for (const FieldRule& rule : rules.fields) {
    if (rule.field->name() == name) return rule;
  }
  ADD_FAILURE() << "no rule for " << name;
  static const FieldRule kNone;
  return kNone;
}

std::shared_ptr<const RequestRules> Compile(const google::protobuf::Descriptor* request,
                                            std::vector<std::string> path = {}) {
  std::vector<const google::protobuf::FieldDescriptor*> path_fields;
  for (const std::string& name : path) path_fields.push_back(request->FindFieldByName(name));
  absl::StatusOr<std::shared_ptr<const RequestRules>> rules =
      CompileRequestRules(request, path_fields);
  EXPECT_TRUE(rules.ok()) << rules.status();
  return rules.ok() ? *rules : nullptr;
}

TEST(RequestRulesTest, NothingToCheckGivesNoRules) {
  EXPECT_EQ(Compile(testdata::ItemRequest::descriptor(), {"org", "name"}), nullptr);
  EXPECT_EQ(Compile(testdata::PutSizesRequest::descriptor()), nullptr);
  // Struct and Value hold free-form JSON: nothing inside them is ours to check.
  EXPECT_EQ(Compile(testdata::AnyAnswer::descriptor()), nullptr);
}

TEST(RequestRulesTest, KeepsOnlyTheFieldsLeadingToARule) {
  std::shared_ptr<const RequestRules> rules =
      Compile(testdata::CreateProjectRequest::descriptor(), {"org"});
  ASSERT_NE(rules, nullptr);
  EXPECT_THAT(Names(rules->root()), ElementsAre("project"));
  const FieldRule& project = Rule(rules->root(), "project");
  EXPECT_TRUE(project.required);
  ASSERT_NE(project.nested, nullptr);

  // weight (an int32 without presence) cannot be told from unset; extra is a Struct.
  const MessageRules& p = *project.nested;
  EXPECT_THAT(Names(p),
              ElementsAre("name", "team", "tags", "settings", "priority", "icon", "tree", "stage"));
  EXPECT_TRUE(Rule(p, "name").required);
  EXPECT_THAT(Rule(p, "name").allowed_values, IsEmpty());
  EXPECT_TRUE(Rule(p, "tags").required);
  EXPECT_THAT(Rule(p, "tags").allowed_values, ElementsAre("red", "blue"));
  EXPECT_FALSE(Rule(p, "settings").required);
  EXPECT_THAT(Rule(p, "settings").allowed_values, ElementsAre("on", "off"));
  EXPECT_TRUE(Rule(p, "priority").required);
  EXPECT_TRUE(Rule(p, "icon").required);
  EXPECT_FALSE(Rule(p, "tree").required);
  EXPECT_THAT(Rule(p, "stage").allowed_values, ElementsAre("dev", "prod"));
  for (const FieldRule& rule : p.fields) EXPECT_FALSE(rule.path_segment) << rule.field->name();

  // Map values and repeated elements of one message type share its rules.
  const MessageRules* team = Rule(p, "team").nested;
  ASSERT_NE(team, nullptr);
  EXPECT_THAT(Names(*team), ElementsAre("name", "members", "by_login"));
  ASSERT_NE(Rule(*team, "members").nested, nullptr);
  EXPECT_EQ(Rule(*team, "members").nested, Rule(*team, "by_login").nested);
  EXPECT_THAT(Names(*Rule(*team, "members").nested), ElementsAre("login", "role"));
}

TEST(RequestRulesTest, RecursiveTypesShareTheirRules) {
  std::shared_ptr<const RequestRules> rules = Compile(testdata::CreateProjectRequest::descriptor());
  ASSERT_NE(rules, nullptr);
  const MessageRules* node = Rule(*Rule(rules->root(), "project").nested, "tree").nested;
  ASSERT_NE(node, nullptr);
  EXPECT_THAT(Names(*node), ElementsAre("label", "children"));
  EXPECT_EQ(Rule(*node, "children").nested, node);
}

TEST(RequestRulesTest, OnlyTopLevelPathFieldsArePathSegments) {
  std::shared_ptr<const RequestRules> rules = Compile(testdata::OrgRequest::descriptor(), {"org"});
  ASSERT_NE(rules, nullptr);
  ASSERT_EQ(rules->root().fields.size(), 1u);
  EXPECT_TRUE(rules->root().fields[0].path_segment);
  EXPECT_TRUE(rules->root().fields[0].required);
  rules = Compile(testdata::OrgRequest::descriptor());
  ASSERT_NE(rules, nullptr);
  EXPECT_FALSE(rules->root().fields[0].path_segment);
}

TEST(RequestRulesTest, RepeatedAndMapStringFieldsTakeAllowedValues) {
  std::shared_ptr<const RequestRules> rules = Compile(testdata::PutLabelsRequest::descriptor());
  ASSERT_NE(rules, nullptr);
  EXPECT_THAT(Names(rules->root()), ElementsAre("labels"));
  EXPECT_THAT(rules->root().fields[0].allowed_values, ElementsAre("x", "y"));
  EXPECT_EQ(rules->root().fields[0].nested, nullptr);
}

}  // namespace
}  // namespace pulumi_gateway
