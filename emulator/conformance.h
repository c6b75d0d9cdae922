// The conformance mode: a generated answer for every operation of the API description, for the
// operations the emulator does not implement statefully.
//
// Each operation's template is added to the router after the stateful routes with
// Validation::kEnforce, so the server validates the request against the description (a precise
// 400 otherwise) and the handler answers the deterministic, schema-complete example of
// schema_example.h. Nothing here is per operation. Stateful routes keep priority: a stateful
// route and a description template that match the same path tie or the stateful one is more
// specific, and ties go to the route added first (router.h).
//
//   Router api;
//   AddApiRoutes(api, store);                  // stateful first
//   AddConformanceRoutes(api, ApiDescription::Embedded());
#ifndef EMULATOR_CONFORMANCE_H_
#define EMULATOR_CONFORMANCE_H_

#include <memory>
#include <set>
#include <string>

#include "emulator/api_description.h"
#include "emulator/router.h"

namespace emulator {

// Adds one route per operation of `api` (answers computed once, on first use).
void AddConformanceRoutes(Router& router, std::shared_ptr<const ApiDescription> api);

// The operation ids whose template `router` serves with a stateful route: each template is
// instantiated (every parameter "x") and routed.
std::set<std::string> StatefulOperations(const Router& router, const ApiDescription& api);

}  // namespace emulator

#endif  // EMULATOR_CONFORMANCE_H_
