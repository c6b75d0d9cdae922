// Routes: update history, update status, engine events, cancel.
#include "absl/strings/str_cat.h"
#include "emulator/params.h"
#include "emulator/routes.h"

namespace emulator {
namespace {

constexpr char kStack[] = "/api/stacks/{org}/{project}/{stack}";
constexpr char kKindUpdate[] = "/{kind:update|preview|refresh|destroy}/{updateID}";

Reply ListUpdates(Store& store, const RouteRequest& req) {
  UpdateListQuery q;
  for (auto [key, out] : {std::pair<const char*, int64_t*>{"page", &q.page},
                          std::pair<const char*, int64_t*>{"pageSize", &q.page_size}}) {
    if (req.Query(key).empty()) continue;
    absl::StatusOr<int64_t> v = ParseInt64(key, req.Query(key));
    if (!v.ok()) return StatusReply(v.status());
    *out = *v;
  }
  q.service_format = req.HasQuery("output-type");
  return ResultReply(store.ListUpdates(req.caller, StackRefOf(req), q));
}

Reply GetUpdateByVersion(Store& store, const RouteRequest& req) {
  absl::StatusOr<int64_t> version = ParseInt64("version", req.Param("version"));
  if (!version.ok()) return ErrorReply(400, "Bad Request: invalid version");
  return ResultReply(store.GetUpdate(req.caller, StackRefOf(req), *version));
}

Reply EngineEvents(Store& store, const RouteRequest& req) {
  if (req.HasQuery("include_non_activated")) {
    // Every emulated event is activated: the flag is validated, then has no effect.
    absl::StatusOr<bool> v = ParseBool("include_non_activated", req.Query("include_non_activated"));
    if (!v.ok()) return StatusReply(v.status());
  }
  EventsQuery q;
  q.continuation_token = req.Query("continuationToken");
  q.types = req.QueryAll("type");
  q.urn = req.Query("urn");
  return ResultReply(store.GetEngineEvents(req.caller, StackRefOf(req), req.Param("kind"),
                                           req.Param("updateID"), q));
}

}  // namespace

void AddUpdateRoutes(Router& r, Store& store) {
  Store* s = &store;
  r.Add("GET", absl::StrCat(kStack, "/updates"),
        [s](const RouteRequest& q) { return ListUpdates(*s, q); });
  r.Add("GET", absl::StrCat(kStack, "/updates/latest"), [s](const RouteRequest& q) {
    return ResultReply(s->GetUpdate(q.caller, StackRefOf(q), std::nullopt));
  });
  r.Add("GET", absl::StrCat(kStack, "/updates/{version}"),
        [s](const RouteRequest& q) { return GetUpdateByVersion(*s, q); });
  r.Add("GET", absl::StrCat(kStack, kKindUpdate), [s](const RouteRequest& q) {
    return ResultReply(s->GetUpdateStatus(q.caller, StackRefOf(q), q.Param("kind"),
                                          q.Param("updateID"), q.Query("continuationToken")));
  });
  r.Add("GET", absl::StrCat(kStack, kKindUpdate, "/events"),
        [s](const RouteRequest& q) { return EngineEvents(*s, q); });
  r.Add("POST", absl::StrCat(kStack, kKindUpdate, "/cancel"), [s](const RouteRequest& q) {
    return DoneReply(
        s->CancelUpdate(q.caller, StackRefOf(q), q.Param("kind"), q.Param("updateID")));
  });
}

}  // namespace emulator
