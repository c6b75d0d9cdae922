#include "emulator/router.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace emulator {
namespace {

Reply Named(const std::string& name) { return Reply{200, "text/plain", name, {}}; }

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() {
    router_.Add("GET", "/api/stacks/{org}/{project}/{stack}", [](auto&) { return Named("stack"); });
    router_.Add("GET", "/api/stacks/{org}/{project}/{stack}/updates/{version}",
                [](auto&) { return Named("version"); });
    router_.Add("GET", "/api/stacks/{org}/{project}/{stack}/updates/latest",
                [](auto&) { return Named("latest"); });
    router_.Add("GET", "/api/stacks/{org}/{project}/{stack}/{kind:update|preview}/{id}",
                [](auto&) { return Named("kind"); });
    router_.Add("GET", "/api/stacks/{org}/{project}/{stack}/export/{version}",
                [](auto&) { return Named("export"); });
  }

  std::string Route(const std::string& method, const std::string& path) {
    std::optional<Router::Match> m = router_.Find(method, path);
    if (!m.has_value()) return "none";
    return (*m->handler)(RouteRequest{}).body;
  }

  Router router_;
};

TEST_F(RouterTest, LiteralsBeatParameters) {
  EXPECT_EQ(Route("GET", "/api/stacks/o/p/s/updates/latest"), "latest");
  EXPECT_EQ(Route("GET", "/api/stacks/o/p/s/updates/7"), "version");
  EXPECT_EQ(Route("GET", "/api/stacks/o/p/s/export/7"), "export");
  EXPECT_EQ(Route("GET", "/api/stacks/o/p/s/preview/abc"), "kind");
}

TEST_F(RouterTest, AlternativesRestrictParameters) {
  EXPECT_EQ(Route("GET", "/api/stacks/o/p/s/destroy/abc"), "none");
}

TEST_F(RouterTest, MethodAndShapeMustMatch) {
  EXPECT_EQ(Route("POST", "/api/stacks/o/p/s"), "none");
  EXPECT_EQ(Route("GET", "/api/stacks/o/p"), "none");
  EXPECT_EQ(Route("GET", "/api/stacks/o/p/s/"), "none");  // empty segment
  EXPECT_EQ(Route("GET", "/api/stacks/o//s"), "none");
}

TEST_F(RouterTest, SegmentsArePercentDecodedOneByOne) {
  std::optional<Router::Match> m = router_.Find("GET", "/api/stacks/acme/web/prod%2Fexport");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->pattern, "/api/stacks/{org}/{project}/{stack}");
  EXPECT_EQ(m->params.at("stack"), "prod/export");
  m = router_.Find("GET", "/api/stacks/acme/my%20proj/st%zz");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->params.at("project"), "my proj");
  EXPECT_EQ(m->params.at("stack"), "st%zz");  // invalid escape kept
}

TEST(RouterOrderTest, TiesGoToTheEarlierLiteralThenToTheFirstAdded) {
  Router router;
  router.Add("GET", "/d/{id}/logs", [](auto&) { return Named("logs"); });
  router.Add("GET", "/d/schedules/{schedule}", [](auto&) { return Named("schedule"); });
  // A parameter with alternatives counts as a literal, so this ties with the next one.
  router.Add("GET", "/s/{kind:update|preview}/{id}", [](auto&) { return Named("kind"); });
  router.Add("GET", "/s/update/{id}", [](auto&) { return Named("update"); });
  router.Add("GET", "/s/{x}/{id}", [](auto&) { return Named("any"); });
  auto route = [&](const std::string& path) {
    std::optional<Router::Match> m = router.Find("GET", path);
    return m.has_value() ? (*m->handler)(RouteRequest{}).body : "none";
  };
  EXPECT_EQ(route("/d/schedules/logs"), "schedule");
  EXPECT_EQ(route("/d/abc/logs"), "logs");
  EXPECT_EQ(route("/s/update/1"), "kind");
  EXPECT_EQ(route("/s/destroy/1"), "any");
  std::optional<Router::Match> m = router.Find("GET", "/d/schedules/logs");
  EXPECT_EQ(m->options.validation, Validation::kObserve);
  EXPECT_FALSE(m->options.conformance);
}

TEST(PercentDecodeTest, Decodes) {
  EXPECT_EQ(PercentDecode("a%41%2f%"), "aA/%");
  EXPECT_EQ(PercentDecode("a+b"), "a+b");
  EXPECT_THAT(SplitPath("/x/y%2Fz"), ::testing::ElementsAre("x", "y/z"));
}

}  // namespace
}  // namespace emulator
