// The route table of the test-only FormsService (testdata/forms.proto), for the suites that test
// request and answer forms (route, transcode): built once per test process.
//
//   const Route& create = FormsRoute("CreateProject");
//   absl::Status s = TranslateRequest(create, request, &http);
#ifndef GATEWAY_ROUTE_TESTDATA_FORMS_ROUTES_H_
#define GATEWAY_ROUTE_TESTDATA_FORMS_ROUTES_H_

#include <string>

#include "gateway/route/route_table.h"

namespace pulumi_gateway {

// The table; the process aborts (naming the error) when FormsService's routes do not compile.
const RouteTable& FormsRoutes();

// FormsService's route for `method` ("CreateProject"); a test failure, and an empty route, when
// there is none.
const Route& FormsRoute(const std::string& method);

}  // namespace pulumi_gateway

#endif  // GATEWAY_ROUTE_TESTDATA_FORMS_ROUTES_H_
