// Route tables the route and transcode suites share, each built once per test process: the
// test-only FormsService (testdata/forms.proto) with every request and answer form, and the
// Pulumi services the translator suites use.
//
//   const Route& create = FormsRoute("CreateProject");
//   absl::Status s = TranslateRequest(create, request, &http);
//   const Route* get = PulumiRoutes().Find("/pulumi.service.v1.StacksService/GetStack");
#ifndef GATEWAY_ROUTE_TESTDATA_TEST_ROUTES_H_
#define GATEWAY_ROUTE_TESTDATA_TEST_ROUTES_H_

#include <string>

#include "gateway/route/route_table.h"

namespace pulumi_gateway {

// The table; the process aborts (naming the error) when FormsService's routes do not compile.
const RouteTable& FormsRoutes();

// FormsService's route for `method` ("CreateProject"); a test failure, and an empty route, when
// there is none.
const Route& FormsRoute(const std::string& method);

// The routes of StacksService, StackUpdatesService and OrganizationsService; aborts as above.
const RouteTable& PulumiRoutes();

}  // namespace pulumi_gateway

#endif  // GATEWAY_ROUTE_TESTDATA_TEST_ROUTES_H_
