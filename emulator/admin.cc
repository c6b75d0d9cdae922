#include "emulator/admin.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "emulator/glob.h"
#include "emulator/params.h"

namespace emulator {
namespace {

std::string AdminPath(absl::string_view suffix) { return absl::StrCat(kAdminPrefix, suffix); }

Reply ListRequests(const RequestLog& log, const RouteRequest& req) {
  std::string method = req.Query("method");
  std::string path = req.Query("path");
  std::string operation = req.Query("operationId");
  Json requests = Json::array();
  for (const RequestRecord& r : log.Snapshot()) {
    if (!method.empty() && r.method != method) continue;
    if (!path.empty() && !GlobMatch(path, r.path)) continue;
    if (!operation.empty() && r.operation_id != operation) continue;
    requests.push_back(RequestRecordToJson(r));
  }
  // `count` covers records dropped beyond the log's capacity, except with an operation filter.
  int64_t count =
      operation.empty() ? log.Count(method, path) : static_cast<int64_t>(requests.size());
  return JsonReply(200, Json{{"count", count}, {"requests", requests}});
}

// GET /_emulator/operations: counters of the operations seen since the last reset; `all=true`
// lists every operation of the description; `operationId` just that one (404 if unknown).
Reply ListOperations(const AdminTargets& t, const RouteRequest& req) {
  std::string only = req.Query("operationId");
  bool all = req.Query("all") == "true";
  if (!only.empty() && t.api->FindById(only) == nullptr) {
    return ErrorReply(404, absl::StrCat("Not Found: no operation '", only, "'"));
  }
  std::map<std::string, OperationStats::Counts> seen = t.operations->Snapshot();
  Json list = Json::array();
  OperationStats::Counts totals;
  for (const ApiOperation& op : t.api->operations()) {
    auto it = seen.find(op.operation_id);
    OperationStats::Counts counts = it == seen.end() ? OperationStats::Counts{} : it->second;
    totals.requests += counts.requests;
    totals.accepted += counts.accepted;
    totals.rejected += counts.rejected;
    if (!only.empty() ? op.operation_id != only : !all && counts.requests == 0) continue;
    Json j = OperationCountsToJson(op.operation_id, counts);
    j["method"] = op.method;
    j["path"] = op.path;
    j["inScope"] = op.in_scope;
    j["stateful"] = t.stateful->count(op.operation_id) > 0;
    list.push_back(std::move(j));
  }
  return JsonReply(200, Json{{"operations", list},
                             {"totals",
                              {{"requests", totals.requests},
                               {"accepted", totals.accepted},
                               {"rejected", totals.rejected}}}});
}

Reply StartLiveUpdate(Store& store, const Json& body) {
  StackRef ref;
  for (auto [key, out] : {std::pair<const char*, std::string*>{"org", &ref.org},
                          std::pair<const char*, std::string*>{"project", &ref.project},
                          std::pair<const char*, std::string*>{"stack", &ref.stack}}) {
    absl::StatusOr<std::string> v = RequiredString(body, key);
    if (!v.ok()) return StatusReply(v.status());
    *out = *v;
  }
  LiveUpdateSpec spec;
  absl::StatusOr<std::optional<std::string>> kind = OptionalString(body, "kind");
  absl::StatusOr<std::optional<std::string>> final_status = OptionalString(body, "finalStatus");
  absl::StatusOr<std::optional<std::string>> by = OptionalString(body, "requestedBy");
  absl::StatusOr<std::optional<int64_t>> interval = OptionalInt(body, "intervalMs");
  absl::StatusOr<std::optional<int64_t>> count = OptionalInt(body, "eventCount");
  for (const absl::Status& s :
       {kind.status(), final_status.status(), by.status(), interval.status(), count.status()}) {
    if (!s.ok()) return StatusReply(s);
  }
  spec.kind = kind->value_or("update");
  spec.final_status = final_status->value_or("succeeded");
  spec.requested_by = by->value_or("");
  spec.interval = absl::Milliseconds(interval->value_or(100));
  spec.event_count = static_cast<int>(count->value_or(10));
  if (spec.kind != "update" && spec.kind != "preview" && spec.kind != "refresh" &&
      spec.kind != "destroy") {
    return ErrorReply(400, "Bad Request: kind must be update, preview, refresh or destroy");
  }
  if (spec.final_status != "succeeded" && spec.final_status != "failed") {
    return ErrorReply(400, "Bad Request: finalStatus must be succeeded or failed");
  }
  return ResultReply(store.StartLiveUpdate(ref, spec), 201);
}

// PUT /_emulator/rate-limit {"rps": N}: N a finite number >= 0.
Reply SetRateLimit(RateLimiter& limiter, const RouteRequest& req) {
  absl::StatusOr<Json> body = ParseJsonObject(req.body);
  if (!body.ok()) return StatusReply(body.status());
  auto rps = body->find("rps");
  if (rps == body->end() || !rps->is_number() || !std::isfinite(rps->get<double>()) ||
      rps->get<double>() < 0) {
    return ErrorReply(400, "Bad Request: 'rps' must be a number >= 0 (0 = off)");
  }
  limiter.SetRate(rps->get<double>());
  return JsonReply(200, Json{{"rps", limiter.rate()}});
}

void AddObservationRoutes(Router& r, const AdminTargets& t) {
  RequestLog* log = t.requests;
  RequestStats* stats = t.stats;
  RateLimiter* limiter = t.limiter;
  r.Add("GET", AdminPath("/requests"),
        [log](const RouteRequest& q) { return ListRequests(*log, q); });
  r.Add("DELETE", AdminPath("/requests"), [log](const RouteRequest&) {
    log->Clear();
    return EmptyReply();
  });
  r.Add("GET", AdminPath("/stats"),
        [stats](const RouteRequest&) { return JsonReply(200, RequestStatsToJson(stats->Get())); });
  r.Add("DELETE", AdminPath("/stats"), [stats](const RouteRequest&) {
    stats->Reset();
    return EmptyReply();
  });
  r.Add("GET", AdminPath("/operations"),
        [t](const RouteRequest& q) { return ListOperations(t, q); });
  r.Add("DELETE", AdminPath("/operations"), [t](const RouteRequest&) {
    t.operations->Reset();
    return EmptyReply();
  });
  r.Add("GET", AdminPath("/rate-limit"), [limiter](const RouteRequest&) {
    return JsonReply(200, Json{{"rps", limiter->rate()}});
  });
  r.Add("PUT", AdminPath("/rate-limit"),
        [limiter](const RouteRequest& q) { return SetRateLimit(*limiter, q); });
}

}  // namespace

void AddAdminRoutes(Router& r, const AdminTargets& t) {
  Store* s = t.store;
  FaultInjector* f = t.faults;
  r.Add("GET", AdminPath("/health"), [](const RouteRequest&) {
    return JsonReply(200, Json{{"status", "ok"}});
  });
  r.Add("GET", AdminPath("/faults"), [f](const RouteRequest&) {
    Json list = Json::array();
    for (const ActiveFault& a : f->List()) list.push_back(ActiveFaultToJson(a));
    return JsonReply(200, Json{{"faults", list}});
  });
  r.Add("POST", AdminPath("/faults"), [f](const RouteRequest& q) {
    absl::StatusOr<Json> body = ParseJsonObject(q.body);
    if (!body.ok()) return StatusReply(body.status());
    absl::StatusOr<FaultSpec> spec = FaultSpecFromJson(*body);
    if (!spec.ok()) return StatusReply(spec.status());
    absl::StatusOr<std::string> id = f->Add(*spec);
    if (!id.ok()) return StatusReply(id.status());
    return JsonReply(201, ActiveFaultToJson(ActiveFault{*id, *spec, spec->count, 0}));
  });
  r.Add("DELETE", AdminPath("/faults"), [f](const RouteRequest&) {
    f->Clear();
    return EmptyReply();
  });
  r.Add("DELETE", AdminPath("/faults/{id}"), [f](const RouteRequest& q) {
    if (!f->Remove(q.Param("id"))) return ErrorReply(404, "Not Found: no such fault");
    return EmptyReply();
  });
  AddObservationRoutes(r, t);
  r.Add("POST", AdminPath("/reset"), [t](const RouteRequest& q) {
    std::optional<Json> seed;
    if (!q.body.empty()) {
      absl::StatusOr<Json> body = ParseJsonObject(q.body);
      if (!body.ok()) return StatusReply(body.status());
      seed = *std::move(body);
    }
    absl::Status reset = t.store->Reset(std::move(seed));
    if (!reset.ok()) return ErrorReply(400, absl::StrCat("Bad Request: ", reset.message()));
    t.faults->Clear();
    t.requests->Clear();
    t.stats->Reset();
    t.limiter->Reset();
    t.operations->Reset();
    return EmptyReply();
  });
  r.Add("POST", AdminPath("/deployments/{id}/advance"), [s](const RouteRequest& q) {
    Json body = Json::object();
    if (!q.body.empty()) {
      absl::StatusOr<Json> parsed = ParseJsonObject(q.body);
      if (!parsed.ok()) return StatusReply(parsed.status());
      body = *std::move(parsed);
    }
    absl::StatusOr<std::optional<int64_t>> steps = OptionalInt(body, "steps");
    absl::StatusOr<std::optional<std::string>> status = OptionalString(body, "status");
    if (!steps.ok()) return StatusReply(steps.status());
    if (!status.ok()) return StatusReply(status.status());
    if (steps->value_or(1) < 0) return ErrorReply(400, "Bad Request: 'steps' must be >= 0");
    return ResultReply(s->AdvanceDeployment(q.Param("id"), static_cast<int>(steps->value_or(1)),
                                            status->value_or("")));
  });
  r.Add("POST", AdminPath("/live-updates"), [s](const RouteRequest& q) {
    absl::StatusOr<Json> body = ParseJsonObject(q.body);
    if (!body.ok()) return StatusReply(body.status());
    return StartLiveUpdate(*s, *body);
  });
}

}  // namespace emulator
