#include "gateway/route/service_registry.h"

#include <algorithm>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

// Registered while static objects are constructed, before main, as a test-only library would.
const bool kRegistered = RegisterService("pkg.v1.FirstService");

TEST(ServiceRegistryTest, KeepsEachServiceOnceInRegistrationOrder) {
  EXPECT_TRUE(kRegistered);
  EXPECT_TRUE(RegisterService("pkg.v1.SecondService"));
  EXPECT_TRUE(RegisterService("pkg.v1.FirstService"));
  EXPECT_THAT(RegisteredServices(),
              ::testing::ElementsAre("pkg.v1.FirstService", "pkg.v1.SecondService"));
}

std::vector<std::string> Names(
    const std::vector<const google::protobuf::ServiceDescriptor*>& services) {
  std::vector<std::string> names;
  for (const auto* service : services) names.push_back(service->full_name());
  return names;
}

TEST(LinkedServicesTest, FindsEveryLinkedServiceOfAPackageAndNothingElse) {
  const std::vector<std::string> api = Names(LinkedServices("pulumi.service.v1"));
  // Released services and generated ones alike, without a list to keep in step.
  EXPECT_THAT(api,
              ::testing::IsSupersetOf(
                  {"pulumi.service.v1.StacksService", "pulumi.service.v1.UsersService",
                   "pulumi.service.v1.WebhooksService", "pulumi.service.v1.DeploymentsService"}));
  EXPECT_THAT(api, ::testing::Each(::testing::StartsWith("pulumi.service.v1.")));
  EXPECT_TRUE(std::is_sorted(api.begin(), api.end()));
  EXPECT_THAT(Names(LinkedServices("pulumi_gateway.route.testdata")),
              ::testing::Contains("pulumi_gateway.route.testdata.FormsService"));
  EXPECT_THAT(LinkedServices("pulumi.service"), ::testing::IsEmpty()) << "packages match whole";
  EXPECT_THAT(LinkedServices("no.such.v1"), ::testing::IsEmpty());
}

}  // namespace
}  // namespace pulumi_gateway
