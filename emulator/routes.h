// Registers the Pulumi Service REST routes (shared/reference/pulumi-api.md §3-5) on a Router.
// Handlers parse path/query/body, call the Store and shape the Reply; they hold no state.
// `store` must outlive `router`.
//
//   Router api;
//   AddApiRoutes(api, *store);
#ifndef EMULATOR_ROUTES_H_
#define EMULATOR_ROUTES_H_

#include "emulator/router.h"
#include "emulator/store.h"

namespace emulator {

// /api/user (the caller and its token).
void AddUserRoutes(Router& router, Store& store);
// /api/user/stacks and /api/stacks/{org}/{project}[/{stack}[/...]] except updates.
void AddStackRoutes(Router& router, Store& store);
// .../updates[...] and .../{kind}/{updateID}[/events|/cancel].
void AddUpdateRoutes(Router& router, Store& store);
// /api/orgs/{org}/members and /api/orgs/{org}/teams.
void AddOrgRoutes(Router& router, Store& store);
// /api/orgs/{org}/auditlogs[/v2][/export].
void AddAuditRoutes(Router& router, Store& store);

// All of the above.
void AddApiRoutes(Router& router, Store& store);

// The stack named by the {org}/{project}/{stack} path parameters.
StackRef StackRefOf(const RouteRequest& req);

// Parses the request body as a JSON object and calls `fn` with it; 400 otherwise.
Reply WithJsonBody(const RouteRequest& req, const std::function<Reply(const Json&)>& fn);

}  // namespace emulator

#endif  // EMULATOR_ROUTES_H_
