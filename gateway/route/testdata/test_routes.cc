#include "gateway/route/testdata/test_routes.h"

#include <cstdlib>
#include <iostream>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "pulumi/service/v1/organizations.pb.h"
#include "pulumi/service/v1/stacks.pb.h"
#include "pulumi/service/v1/updates.pb.h"
#include "testdata/forms.pb.h"

namespace pulumi_gateway {

namespace {

// The table of `services`; the process aborts, naming `what`, when their routes do not compile.
const RouteTable& BuildOnce(const char* what,
                            std::vector<const google::protobuf::ServiceDescriptor*> services) {
  absl::StatusOr<RouteTable> built = RouteTable::Build(services);
  if (!built.ok()) {
    std::cerr << what << " routes do not compile: " << built.status() << "\n";
    std::abort();
  }
  return *new RouteTable(*std::move(built));
}

}  // namespace

const RouteTable& FormsRoutes() {
  static const RouteTable& table =
      BuildOnce("FormsService", {route::testdata::OrgRequest::descriptor()->file()->service(0)});
  return table;
}

const RouteTable& PulumiRoutes() {
  namespace v1 = ::pulumi::service::v1;
  static const RouteTable& table = BuildOnce(
      "Pulumi",
      {v1::GetStackRequest::descriptor()->file()->FindServiceByName("StacksService"),
       v1::GetUpdateRequest::descriptor()->file()->FindServiceByName("StackUpdatesService"),
       v1::GetTeamRequest::descriptor()->file()->FindServiceByName("OrganizationsService")});
  return table;
}

const Route& FormsRoute(const std::string& method) {
  const Route* route =
      FormsRoutes().Find(absl::StrCat("/pulumi_gateway.route.testdata.FormsService/", method));
  EXPECT_NE(route, nullptr) << method;
  static const Route kEmpty;
  return route == nullptr ? kEmpty : *route;
}

}  // namespace pulumi_gateway
