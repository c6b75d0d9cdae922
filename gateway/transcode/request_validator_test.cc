// Required fields and allowed values at every depth (testdata/forms.proto), through the route
// table and TranslateRequest as a call uses them.
#include "gateway/transcode/request_validator.h"

#include <functional>
#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "gateway/route/route_table.h"
#include "gateway/route/testdata/test_routes.h"
#include "gateway/transcode/request_translator.h"
#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "gtest/gtest.h"
#include "testdata/forms.pb.h"

namespace pulumi_gateway {
namespace {

namespace testdata = ::pulumi_gateway::route::testdata;

class RequestValidatorTest : public ::testing::Test {
 protected:
  static const Route& Get(const std::string& method) { return FormsRoute(method); }

  // A request that passes every rule of CreateProject.
  static testdata::CreateProjectRequest ValidProject() {
    testdata::CreateProjectRequest request;
    request.set_org("acme-corp");
    testdata::Project* project = request.mutable_project();
    project->set_name("payments");
    project->mutable_team()->set_name("platform");
    testdata::Member* member = project->mutable_team()->add_members();
    member->set_login("jdoe");
    member->set_role("admin");
    project->mutable_team()->add_members()->set_login("asmith");  // no role: not sent, fine
    (*project->mutable_team()->mutable_by_login())["jdoe"] = *member;
    project->add_tags("red");
    project->add_tags("blue");
    (*project->mutable_settings())["audit"] = "on";
    project->set_priority(0);  // set explicitly: 0 is a value
    project->set_icon("\x89PNG");
    project->mutable_tree()->set_label("root");
    project->mutable_tree()->add_children()->set_label("a");
    project->mutable_tree()->mutable_children(0)->add_children()->set_label("a1");
    (*project->mutable_extra()->mutable_fields())["anything"].set_string_value("");
    return request;
  }

  // Validates through TranslateRequest; returns the message of the failure, or "" when it passes.
  static std::string Failure(const std::string& method, const google::protobuf::Message& request) {
    HttpRequest http;
    absl::Status status = TranslateRequest(Get(method), request, &http);
    if (status.ok()) return "";
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << status;
    return std::string(status.message());
  }
};

TEST_F(RequestValidatorTest, AValidRequestPasses) {
  EXPECT_EQ(Failure("CreateProject", ValidProject()), "");
  ASSERT_NE(Get("CreateProject").request_rules, nullptr);
  EXPECT_TRUE(ValidateRequest(*Get("CreateProject").request_rules, ValidProject()).ok());
}

TEST_F(RequestValidatorTest, RequiredFieldsAtEveryDepthAreNamedByTheirPath) {
  using Mutate = std::function<void(testdata::CreateProjectRequest&)>;
  const std::vector<std::pair<std::string, Mutate>> cases = {
      {"project", [](auto& r) { r.clear_project(); }},
      {"project.name", [](auto& r) { r.mutable_project()->clear_name(); }},
      {"project.team", [](auto& r) { r.mutable_project()->clear_team(); }},
      {"project.team.name", [](auto& r) { r.mutable_project()->mutable_team()->clear_name(); }},
      {"project.team.members[1].login",
       [](auto& r) { r.mutable_project()->mutable_team()->mutable_members(1)->clear_login(); }},
      {"project.team.byLogin[jdoe].login",
       [](auto& r) {
         (*r.mutable_project()->mutable_team()->mutable_by_login())["jdoe"].clear_login();
       }},
      {"project.tags", [](auto& r) { r.mutable_project()->clear_tags(); }},
      {"project.priority", [](auto& r) { r.mutable_project()->clear_priority(); }},
      {"project.icon", [](auto& r) { r.mutable_project()->clear_icon(); }},
      {"project.tree.children[0].children[0].label",
       [](auto& r) {
         r.mutable_project()
             ->mutable_tree()
             ->mutable_children(0)
             ->mutable_children(0)
             ->clear_label();
       }},
  };
  for (const auto& [path, mutate] : cases) {
    SCOPED_TRACE(path);
    testdata::CreateProjectRequest request = ValidProject();
    mutate(request);
    EXPECT_EQ(Failure("CreateProject", request), absl::StrCat("field \"", path, "\" is required"));
  }
}

TEST_F(RequestValidatorTest, NumbersWithoutPresenceAreNeverRequired) {
  testdata::CreateProjectRequest request = ValidProject();
  request.mutable_project()->set_weight(0);
  EXPECT_EQ(Failure("CreateProject", request), "");
  request.mutable_project()->set_priority(7);
  EXPECT_EQ(Failure("CreateProject", request), "");
}

TEST_F(RequestValidatorTest, AllowedValuesAtEveryDepthListTheValues) {
  using Mutate = std::function<void(testdata::CreateProjectRequest&)>;
  const std::vector<std::tuple<std::string, std::string, Mutate>> cases = {
      {"project.tags[1]", "red, blue", [](auto& r) { r.mutable_project()->set_tags(1, "green"); }},
      {"project.tags[2]", "red, blue", [](auto& r) { r.mutable_project()->add_tags(""); }},
      {"project.settings[audit]", "on, off",
       [](auto& r) { (*r.mutable_project()->mutable_settings())["audit"] = "maybe"; }},
      {"project.settings[a\\nb]", "on, off",
       [](auto& r) { (*r.mutable_project()->mutable_settings())["a\nb"] = ""; }},
      {"project.team.members[0].role", "admin, member",
       [](auto& r) { r.mutable_project()->mutable_team()->mutable_members(0)->set_role("owner"); }},
      {"project.team.byLogin[jdoe].role", "admin, member",
       [](auto& r) {
         (*r.mutable_project()->mutable_team()->mutable_by_login())["jdoe"].set_role("Admin");
       }},
      // `optional`: set to "" is a value, and not an allowed one.
      {"project.stage", "dev, prod", [](auto& r) { r.mutable_project()->set_stage(""); }},
  };
  for (const auto& [path, values, mutate] : cases) {
    SCOPED_TRACE(path);
    testdata::CreateProjectRequest request = ValidProject();
    mutate(request);
    EXPECT_EQ(Failure("CreateProject", request),
              absl::StrCat("field \"", path, "\" must be one of: ", values));
  }
  testdata::CreateProjectRequest request = ValidProject();
  request.mutable_project()->set_stage("prod");
  EXPECT_EQ(Failure("CreateProject", request), "");
}

TEST_F(RequestValidatorTest, AnUnsetFieldWithAllowedValuesIsNeverRefused) {
  testdata::CreateProjectRequest request = ValidProject();
  request.mutable_project()->clear_stage();                                     // optional: unset
  request.mutable_project()->mutable_team()->mutable_members(0)->clear_role();  // plain: ""
  (*request.mutable_project()->mutable_team()->mutable_by_login())["jdoe"].clear_role();
  EXPECT_EQ(Failure("CreateProject", request), "");
}

TEST_F(RequestValidatorTest, TheFirstBrokenRuleInDeclarationOrderIsReported) {
  testdata::CreateProjectRequest request = ValidProject();
  request.mutable_project()->set_stage("qa");
  request.mutable_project()->mutable_team()->clear_name();
  request.mutable_project()->clear_name();
  EXPECT_EQ(Failure("CreateProject", request), "field \"project.name\" is required");
}

TEST_F(RequestValidatorTest, LongMapKeysAreCutShort) {
  testdata::CreateProjectRequest request = ValidProject();
  (*request.mutable_project()->mutable_settings())[std::string(500, 'k')] = "x";
  const std::string failure = Failure("CreateProject", request);
  EXPECT_THAT(failure, ::testing::HasSubstr(absl::StrCat("[", std::string(64, 'k'), "...]")));
  EXPECT_LT(failure.size(), 150u);
}

TEST_F(RequestValidatorTest, TopLevelRulesComeBeforeThePath) {
  // org is both required and a path segment: the rule speaks first.
  EXPECT_EQ(Failure("ListItems", testdata::OrgRequest()), "field \"org\" is required");
  testdata::OrgRequest org;
  org.set_org("acme-corp");
  EXPECT_EQ(Failure("ListItems", org), "");
}

TEST_F(RequestValidatorTest, ArrayAndMapBodiesAreChecked) {
  testdata::PutItemsRequest items;
  items.set_org("acme-corp");
  EXPECT_EQ(Failure("PutItems", items), "field \"items\" is required");
  items.add_items()->set_name("a");
  items.add_items()->set_kind("file");
  EXPECT_EQ(Failure("PutItems", items), "field \"items[1].name\" is required");
  items.mutable_items(1)->set_name("b");
  items.mutable_items(0)->set_kind("link");
  EXPECT_EQ(Failure("PutItems", items), "field \"items[0].kind\" must be one of: file, folder");
  items.mutable_items(0)->set_kind("folder");
  EXPECT_EQ(Failure("PutItems", items), "");

  testdata::PutLabelsRequest labels;
  labels.set_org("acme-corp");
  EXPECT_EQ(Failure("PutLabels", labels), "");  // an empty map: nothing to check
  (*labels.mutable_labels())["k"] = "z";
  EXPECT_EQ(Failure("PutLabels", labels), "field \"labels[k]\" must be one of: x, y");
}

}  // namespace
}  // namespace pulumi_gateway
