// Registers the Pulumi Service REST routes (shared/reference/pulumi-api.md §3-5) on a Router.
// Handlers parse path/query/body, call the Store and shape the Reply; they hold no state.
// `store` must outlive `router`.
//
//   Router api;
//   AddApiRoutes(api, *store);
#ifndef EMULATOR_ROUTES_H_
#define EMULATOR_ROUTES_H_

#include <cstdint>
#include <optional>

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
// Stack config, stack and organization webhooks (and deliveries, ping, redeliver).
void AddWebhookRoutes(Router& router, Store& store);
// Personal, organization and team access tokens.
void AddTokenRoutes(Router& router, Store& store);
// A member's teams, custom roles, team roles.
void AddRoleRoutes(Router& router, Store& store);
// Pulumi Deployments: settings, runs, status, logs, updates, cancel.
void AddDeploymentRoutes(Router& router, Store& store);

// All of the above.
void AddApiRoutes(Router& router, Store& store);

// The routes written from the API description (config, webhooks, tokens, roles, deployments)
// enforce its request validation; the older ones only have it counted (router.h).
inline constexpr RouteOptions kValidated{Validation::kEnforce, /*conformance=*/false};

// The stack named by the {org}/{project}/{stack} path parameters.
StackRef StackRefOf(const RouteRequest& req);

// Parses the request body as a JSON object and calls `fn` with it; 400 otherwise.
Reply WithJsonBody(const RouteRequest& req, const std::function<Reply(const Json&)>& fn);

// Like WithJsonBody, but an empty body is `{}` (for routes whose body has no required key).
Reply WithOptionalJsonBody(const RouteRequest& req, const std::function<Reply(const Json&)>& fn);

// An optional integer query parameter (already validated against the API description).
absl::StatusOr<std::optional<int64_t>> OptionalQueryInt(const RouteRequest& req,
                                                        absl::string_view key);
// A boolean query parameter as Go's strconv.ParseBool reads it; `fallback` when absent.
bool QueryBool(const RouteRequest& req, absl::string_view key, bool fallback);

}  // namespace emulator

#endif  // EMULATOR_ROUTES_H_
