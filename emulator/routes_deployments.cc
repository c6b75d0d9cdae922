// Routes: Pulumi Deployments (settings, runs, status, logs, updates, cancel).
#include "absl/strings/str_cat.h"
#include "emulator/params.h"
#include "emulator/routes.h"

namespace emulator {
namespace {

constexpr char kDeployments[] = "/api/stacks/{org}/{project}/{stack}/deployments";

std::string Path(absl::string_view suffix) { return absl::StrCat(kDeployments, suffix); }

absl::StatusOr<DeploymentListQuery> ParseListQuery(const RouteRequest& req) {
  DeploymentListQuery q;
  absl::StatusOr<std::optional<int64_t>> page = OptionalQueryInt(req, "page");
  if (!page.ok()) return page.status();
  absl::StatusOr<std::optional<int64_t>> size = OptionalQueryInt(req, "pageSize");
  if (!size.ok()) return size.status();
  q.page = page->value_or(1);
  q.page_size = size->value_or(10);
  q.ascending = QueryBool(req, "asc", false);
  return q;
}

Reply List(const RouteRequest& req,
           const std::function<absl::StatusOr<Json>(const DeploymentListQuery&)>& list) {
  absl::StatusOr<DeploymentListQuery> q = ParseListQuery(req);
  if (!q.ok()) return StatusReply(q.status());
  return ResultReply(list(*q));
}

Reply Logs(Store& store, const RouteRequest& req) {
  DeploymentLogsQuery q;
  q.continuation_token = req.Query("continuationToken");
  for (auto [key, out] : {std::pair<const char*, std::optional<int64_t>*>{"count", &q.count},
                          {"job", &q.job},
                          {"step", &q.step},
                          {"offset", &q.offset}}) {
    absl::StatusOr<std::optional<int64_t>> v = OptionalQueryInt(req, key);
    if (!v.ok()) return StatusReply(v.status());
    *out = *v;
  }
  return ResultReply(store.GetDeploymentLogs(req.caller, StackRefOf(req), req.Param("id"), q));
}

Reply ByVersion(Store& store, const RouteRequest& req) {
  absl::StatusOr<int64_t> version = ParseInt64("version", req.Param("version"));
  if (!version.ok()) return ErrorReply(400, "Bad Request: invalid version");
  return ResultReply(store.GetDeploymentByVersion(req.caller, StackRefOf(req), *version));
}

}  // namespace

void AddDeploymentRoutes(Router& r, Store& store) {
  Store* s = &store;
  r.Add(
      "GET", Path("/settings"),
      [s](const RouteRequest& q) {
        return ResultReply(s->GetDeploymentSettings(q.caller, StackRefOf(q)));
      },
      kValidated);
  r.Add(
      "POST", Path("/settings"),
      [s](const RouteRequest& q) {
        return WithOptionalJsonBody(q, [&](const Json& body) {
          return ResultReply(s->UpdateDeploymentSettings(q.caller, StackRefOf(q), body));
        });
      },
      kValidated);
  r.Add(
      "DELETE", Path("/settings"),
      [s](const RouteRequest& q) {
        absl::Status deleted = s->DeleteDeploymentSettings(q.caller, StackRefOf(q));
        return deleted.ok() ? JsonReply(200, true) : StatusReply(deleted);
      },
      kValidated);
  r.Add(
      "GET", kDeployments,
      [s](const RouteRequest& q) {
        return List(q, [&](const DeploymentListQuery& l) {
          return s->ListStackDeployments(q.caller, StackRefOf(q), l);
        });
      },
      kValidated);
  r.Add(
      "POST", kDeployments,
      [s](const RouteRequest& q) {
        return WithOptionalJsonBody(q, [&](const Json& body) {
          return ResultReply(s->CreateDeployment(q.caller, StackRefOf(q), body), 202);
        });
      },
      kValidated);
  r.Add(
      "GET", Path("/{id}"),
      [s](const RouteRequest& q) {
        return ResultReply(s->GetDeployment(q.caller, StackRefOf(q), q.Param("id")));
      },
      kValidated);
  r.Add(
      "GET", Path("/version/{version}"), [s](const RouteRequest& q) { return ByVersion(*s, q); },
      kValidated);
  r.Add(
      "GET", Path("/{id}/logs"), [s](const RouteRequest& q) { return Logs(*s, q); }, kValidated);
  r.Add(
      "GET", Path("/{id}/updates"),
      [s](const RouteRequest& q) {
        return ResultReply(s->GetDeploymentUpdates(q.caller, StackRefOf(q), q.Param("id")));
      },
      kValidated);
  r.Add(
      "POST", Path("/{id}/cancel"),
      [s](const RouteRequest& q) {
        return DoneReply(s->CancelDeployment(q.caller, StackRefOf(q), q.Param("id")), 200);
      },
      kValidated);
  r.Add(
      "GET", "/api/deployments/{id}/status",
      [s](const RouteRequest& q) {
        return ResultReply(s->GetDeploymentStatus(q.caller, q.Param("id")));
      },
      kValidated);
  r.Add(
      "GET", "/api/orgs/{org}/deployments",
      [s](const RouteRequest& q) {
        return List(q, [&](const DeploymentListQuery& l) {
          return s->ListOrgDeployments(q.caller, q.Param("org"), l);
        });
      },
      kValidated);
}

}  // namespace emulator
