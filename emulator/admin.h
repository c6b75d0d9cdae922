// The emulator's admin API under /_emulator (no Pulumi token; served only with --admin).
// The gateway never calls these: it only forwards the routes declared in its protos.
//
//   GET    /_emulator/health            -> {"status":"ok"}
//   GET    /_emulator/faults            -> {"faults":[...]}
//   POST   /_emulator/faults            body FaultSpec JSON (faults.h) -> 201 the rule with its id
//   DELETE /_emulator/faults[/{id}]     -> 204 (404 unknown id)
//   GET    /_emulator/requests          ?method=&path=<glob> -> {"count":N,"requests":[...]}
//   DELETE /_emulator/requests          -> 204
//   POST   /_emulator/reset             optional body: a new seed -> 204; also clears faults + log
//   POST   /_emulator/live-updates      {org,project,stack,kind?,intervalMs?,eventCount?,
//                                        finalStatus?,requestedBy?} -> 201 {updateID,version,kind}
//
//   Router admin;
//   AddAdminRoutes(admin, store, faults, requests);
#ifndef EMULATOR_ADMIN_H_
#define EMULATOR_ADMIN_H_

#include "emulator/faults.h"
#include "emulator/request_log.h"
#include "emulator/router.h"
#include "emulator/store.h"

namespace emulator {

inline constexpr absl::string_view kAdminPrefix = "/_emulator";

// The three components must outlive `router`.
void AddAdminRoutes(Router& router, Store& store, FaultInjector& faults, RequestLog& requests);

}  // namespace emulator

#endif  // EMULATOR_ADMIN_H_
