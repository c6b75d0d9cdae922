#include "gateway/route/testdata/forms_routes.h"

#include <cstdlib>
#include <iostream>
#include <utility>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "testdata/forms.pb.h"

namespace pulumi_gateway {

const RouteTable& FormsRoutes() {
  static const RouteTable& table = *[] {
    absl::StatusOr<RouteTable> built =
        RouteTable::Build({route::testdata::OrgRequest::descriptor()->file()->service(0)});
    if (!built.ok()) {
      std::cerr << "FormsService routes do not compile: " << built.status() << "\n";
      std::abort();
    }
    return new RouteTable(*std::move(built));
  }();
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
