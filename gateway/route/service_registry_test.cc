#include "gateway/route/service_registry.h"

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

}  // namespace
}  // namespace pulumi_gateway
