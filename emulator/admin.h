// The emulator's admin API under /_emulator (no Pulumi token; served only with --admin).
// The gateway never calls these: it only forwards the routes declared in its protos.
//
//   GET    /_emulator/health            -> {"status":"ok"}
//   GET    /_emulator/faults            -> {"faults":[...]}
//   POST   /_emulator/faults            body FaultSpec JSON (faults.h) -> 201 the rule with its id
//   DELETE /_emulator/faults[/{id}]     -> 204 (404 unknown id)
//   GET    /_emulator/requests          ?method=&path=<glob>&operationId=
//                                       -> {"count":N,"requests":[...]}
//   DELETE /_emulator/requests          -> 204
//   GET    /_emulator/stats             -> {"inFlight":N,"maxInFlight":M,"requests":K}
//   DELETE /_emulator/stats             -> 204 (high-water mark and counter reset)
//   GET    /_emulator/rate-limit        -> {"rps":N}
//   PUT    /_emulator/rate-limit        {"rps":N} (0 = off) -> 200 {"rps":N}
//   POST   /_emulator/reset             optional body: a new seed -> 204; also clears faults, log
//                                       and stats, and restores the start-up rate limit
//   GET    /_emulator/operations        ?operationId=&all=true -> {"operations":[...],"totals":
//                                       {...}}: validation counters per operation
//                                       (operation_stats.h)
//   DELETE /_emulator/operations        -> 204 (counters cleared)
//   POST   /_emulator/deployments/{id}/advance  optional {"steps":N} or {"status":"failed"}
//                                       -> 200 {id,status}: moves a Pulumi Deployments run on
//   POST   /_emulator/live-updates      {org,project,stack,kind?,intervalMs?,eventCount?,
//                                        finalStatus?,requestedBy?} -> 201 {updateID,version,kind}
//
//   Router admin;
//   AddAdminRoutes(admin, targets);  // AdminTargets: what the endpoints drive
#ifndef EMULATOR_ADMIN_H_
#define EMULATOR_ADMIN_H_

#include <set>
#include <string>

#include "emulator/api_description.h"
#include "emulator/faults.h"
#include "emulator/operation_stats.h"
#include "emulator/rate_limiter.h"
#include "emulator/request_log.h"
#include "emulator/request_stats.h"
#include "emulator/router.h"
#include "emulator/store.h"

namespace emulator {

inline constexpr absl::string_view kAdminPrefix = "/_emulator";

// What the admin API drives. None may be null; all must outlive the router.
struct AdminTargets {
  Store* store = nullptr;
  FaultInjector* faults = nullptr;
  RequestLog* requests = nullptr;
  RequestStats* stats = nullptr;
  RateLimiter* limiter = nullptr;
  OperationStats* operations = nullptr;
  const ApiDescription* api = nullptr;
  const std::set<std::string>* stateful = nullptr;  // operation ids served statefully
};

void AddAdminRoutes(Router& router, const AdminTargets& targets);

}  // namespace emulator

#endif  // EMULATOR_ADMIN_H_
