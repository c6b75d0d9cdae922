// Routes: the current user (`GET /api/user`).
#include "emulator/routes.h"

namespace emulator {

void AddUserRoutes(Router& r, Store& store) {
  Store* s = &store;
  r.Add("GET", "/api/user",
        [s](const RouteRequest& q) { return ResultReply(s->GetCurrentUser(q.caller)); });
}

}  // namespace emulator
