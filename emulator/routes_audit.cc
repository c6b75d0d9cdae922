// Routes: audit logs (v1/v2 JSON listing and CSV/CEF gzip exports).
#include "emulator/audit_export.h"
#include "emulator/paging.h"
#include "emulator/params.h"
#include "emulator/routes.h"

namespace emulator {
namespace {

// Query parameters shared by the four audit routes. The CLI's `user`/`eventType` spellings are
// accepted as aliases of `userFilter`/`eventFilter`.
absl::StatusOr<AuditQuery> ParseAuditQuery(const RouteRequest& req, bool v2) {
  AuditQuery q;
  q.v2 = v2;
  q.continuation_token = req.Query("continuationToken");
  for (auto [key, out] :
       {std::pair<const char*, std::optional<int64_t>*>{"startTime", &q.start_time},
        std::pair<const char*, std::optional<int64_t>*>{"endTime", &q.end_time}}) {
    if (req.Query(key).empty()) continue;
    absl::StatusOr<int64_t> v = ParseInt64(key, req.Query(key));
    if (!v.ok()) return v.status();
    *out = *v;
  }
  q.user_filter = req.HasQuery("userFilter") ? req.Query("userFilter") : req.Query("user");
  q.event_filter = req.HasQuery("eventFilter") ? req.Query("eventFilter") : req.Query("eventType");
  absl::StatusOr<int64_t> max = PageSize(req.Query("maxResults"), 0);
  if (!max.ok()) return max.status();
  q.max_results = *max;
  return q;
}

Reply List(Store& store, const RouteRequest& req, bool v2) {
  std::string format = req.Query("format");
  if (!format.empty() && format != "json") {
    return ErrorReply(400, "Bad Request: invalid query parameter 'format'");
  }
  absl::StatusOr<AuditQuery> q = ParseAuditQuery(req, v2);
  if (!q.ok()) return StatusReply(q.status());
  return ResultReply(store.ListAuditLogs(req.caller, req.Param("org"), *q));
}

Reply Export(Store& store, const RouteRequest& req, bool v2) {
  std::string format = req.Query("format");
  if (format.empty()) format = "csv";
  if (format != "csv" && format != "cef") {
    return ErrorReply(400, "Bad Request: invalid query parameter 'format'");
  }
  absl::StatusOr<AuditQuery> q = ParseAuditQuery(req, v2);
  if (!q.ok()) return StatusReply(q.status());
  q->unpaged = true;
  absl::StatusOr<Json> result = store.ListAuditLogs(req.caller, req.Param("org"), *q);
  if (!result.ok()) return StatusReply(result.status());
  const Json& events = (*result)["auditLogEvents"];
  absl::StatusOr<std::string> gz = Gzip(format == "csv" ? AuditCsv(events) : AuditCef(events));
  if (!gz.ok()) return StatusReply(gz.status());
  return Reply{200, "text/plain; charset=utf-8", *std::move(gz), {{"Content-Encoding", "gzip"}}};
}

}  // namespace

void AddAuditRoutes(Router& r, Store& store) {
  Store* s = &store;
  r.Add("GET", "/api/orgs/{org}/auditlogs",
        [s](const RouteRequest& q) { return List(*s, q, false); });
  r.Add("GET", "/api/orgs/{org}/auditlogs/v2",
        [s](const RouteRequest& q) { return List(*s, q, true); });
  r.Add("GET", "/api/orgs/{org}/auditlogs/export",
        [s](const RouteRequest& q) { return Export(*s, q, false); });
  r.Add("GET", "/api/orgs/{org}/auditlogs/v2/export",
        [s](const RouteRequest& q) { return Export(*s, q, true); });
}

}  // namespace emulator
