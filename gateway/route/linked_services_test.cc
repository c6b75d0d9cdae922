// LinkedServices finds the services of a package from the generated code linked into the binary:
// the 29 services of pulumi.service.v1 here, not those of other packages (the test's own routes),
// and nothing for a package that is not linked in.
#include "gateway/route/linked_services.h"

#include <algorithm>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

using ::testing::IsEmpty;
using ::testing::IsSupersetOf;
using ::testing::SizeIs;

std::vector<std::string> Names(const std::vector<const google::protobuf::ServiceDescriptor*>& s) {
  std::vector<std::string> names;
  for (const auto* service : s) names.push_back(service->full_name());
  return names;
}

TEST(LinkedServicesTest, EveryServiceOfThePackageSortedByName) {
  const std::vector<std::string> names = Names(LinkedServices(kServedPackage));
  // Every generated service (proto/pulumi/service/v1), the released ones among them.
  EXPECT_THAT(names, SizeIs(29));
  EXPECT_THAT(names,
              IsSupersetOf({"pulumi.service.v1.OrganizationsService",
                            "pulumi.service.v1.StackUpdatesService",
                            "pulumi.service.v1.StacksService", "pulumi.service.v1.UsersService"}));
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
}

TEST(LinkedServicesTest, OnlyThatPackage) {
  EXPECT_THAT(Names(LinkedServices("pulumi.service")), IsEmpty());
  EXPECT_THAT(Names(LinkedServices("pulumi.gateway.v1")), IsEmpty()) << "options, no services";
  EXPECT_THAT(Names(LinkedServices("no.such.package")), IsEmpty());
}

}  // namespace
}  // namespace pulumi_gateway
