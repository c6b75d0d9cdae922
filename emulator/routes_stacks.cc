// Routes: stacks, stack tags, export, transfer, rename, metadata.
#include "absl/strings/str_cat.h"
#include "emulator/paging.h"
#include "emulator/params.h"
#include "emulator/routes.h"

namespace emulator {
namespace {

constexpr char kStack[] = "/api/stacks/{org}/{project}/{stack}";

std::string StackPath(absl::string_view suffix) { return absl::StrCat(kStack, suffix); }

Reply ListUserStacks(Store& store, const RouteRequest& req) {
  absl::StatusOr<int64_t> max = PageSize(req.Query("maxResults"), 0);
  if (!max.ok()) return StatusReply(max.status());
  StackListQuery q;
  q.organization = req.Query("organization");
  q.project = req.Query("project");
  q.tag_name = req.Query("tagName");
  q.tag_value = req.Query("tagValue");
  q.continuation_token = req.Query("continuationToken");
  q.max_results = *max;
  return ResultReply(store.ListUserStacks(req.caller, q));
}

Reply DeleteStack(Store& store, const RouteRequest& req) {
  bool force = false;
  if (req.HasQuery("force")) {
    absl::StatusOr<bool> parsed = ParseBool("force", req.Query("force"));
    if (!parsed.ok()) return StatusReply(parsed.status());
    force = *parsed;
  }
  return DoneReply(store.DeleteStack(req.caller, StackRefOf(req), force));
}

Reply ExportAtVersion(Store& store, const RouteRequest& req) {
  absl::StatusOr<int64_t> version = ParseInt64("version", req.Param("version"));
  if (!version.ok()) return ErrorReply(400, "Bad Request: invalid version");
  return ResultReply(store.ExportStack(req.caller, StackRefOf(req), *version));
}

}  // namespace

StackRef StackRefOf(const RouteRequest& req) {
  return StackRef{req.Param("org"), req.Param("project"), req.Param("stack")};
}

Reply WithJsonBody(const RouteRequest& req, const std::function<Reply(const Json&)>& fn) {
  absl::StatusOr<Json> body = ParseJsonObject(req.body);
  if (!body.ok()) return StatusReply(body.status());
  return fn(*body);
}

void AddStackRoutes(Router& r, Store& store) {
  Store* s = &store;
  r.Add("GET", "/api/user/stacks", [s](const RouteRequest& q) { return ListUserStacks(*s, q); });
  r.Add("GET", kStack,
        [s](const RouteRequest& q) { return ResultReply(s->GetStack(q.caller, StackRefOf(q))); });
  r.Add("POST", "/api/stacks/{org}/{project}", [s](const RouteRequest& q) {
    return WithJsonBody(q, [&](const Json& body) {
      return ResultReply(s->CreateStack(q.caller, q.Param("org"), q.Param("project"), body));
    });
  });
  r.Add("DELETE", kStack, [s](const RouteRequest& q) { return DeleteStack(*s, q); });
  r.Add("GET", StackPath("/export"), [s](const RouteRequest& q) {
    return ResultReply(s->ExportStack(q.caller, StackRefOf(q), std::nullopt));
  });
  r.Add("GET", StackPath("/export/{version}"),
        [s](const RouteRequest& q) { return ExportAtVersion(*s, q); });
  r.Add("GET", StackPath("/metadata"), [s](const RouteRequest& q) {
    return ResultReply(s->GetStackMetadata(q.caller, StackRefOf(q)));
  });
  r.Add("GET", StackPath("/resources/count"), [s](const RouteRequest& q) {
    return ResultReply(s->GetResourceCount(q.caller, StackRefOf(q)));
  });
  r.Add("POST", StackPath("/tags"), [s](const RouteRequest& q) {
    return WithJsonBody(q, [&](const Json& body) {
      return DoneReply(s->AddStackTag(q.caller, StackRefOf(q), body));
    });
  });
  r.Add("PATCH", StackPath("/tags"), [s](const RouteRequest& q) {
    return WithJsonBody(q, [&](const Json& body) {
      return DoneReply(s->ReplaceStackTags(q.caller, StackRefOf(q), body));
    });
  });
  r.Add("PATCH", StackPath("/tags/{tag}"), [s](const RouteRequest& q) {
    return WithJsonBody(q, [&](const Json& body) {
      return DoneReply(s->UpdateStackTag(q.caller, StackRefOf(q), q.Param("tag"), body));
    });
  });
  r.Add("DELETE", StackPath("/tags/{tag}"), [s](const RouteRequest& q) {
    return DoneReply(s->DeleteStackTag(q.caller, StackRefOf(q), q.Param("tag")));
  });
  r.Add("POST", StackPath("/transfer"), [s](const RouteRequest& q) {
    return WithJsonBody(q, [&](const Json& body) {
      return DoneReply(s->TransferStack(q.caller, StackRefOf(q), body));
    });
  });
  r.Add("POST", StackPath("/rename"), [s](const RouteRequest& q) {
    return WithJsonBody(q, [&](const Json& body) {
      return ResultReply(s->RenameStack(q.caller, StackRefOf(q), body));
    });
  });
}

Reply WithOptionalJsonBody(const RouteRequest& req, const std::function<Reply(const Json&)>& fn) {
  if (req.body.find_first_not_of(" \t\r\n") == std::string::npos) return fn(Json::object());
  return WithJsonBody(req, fn);
}

absl::StatusOr<std::optional<int64_t>> OptionalQueryInt(const RouteRequest& req,
                                                        absl::string_view key) {
  if (!req.HasQuery(key)) return std::optional<int64_t>();
  absl::StatusOr<int64_t> v = ParseInt64(key, req.Query(key));
  if (!v.ok()) return v.status();
  return std::optional<int64_t>(*v);
}

bool QueryBool(const RouteRequest& req, absl::string_view key, bool fallback) {
  if (!req.HasQuery(key)) return fallback;
  std::string v = req.Query(key);
  return v == "1" || v == "t" || v == "T" || v == "TRUE" || v == "true" || v == "True";
}

void AddApiRoutes(Router& router, Store& store) {
  AddUserRoutes(router, store);
  AddStackRoutes(router, store);
  AddUpdateRoutes(router, store);
  AddOrgRoutes(router, store);
  AddAuditRoutes(router, store);
  AddWebhookRoutes(router, store);
  AddTokenRoutes(router, store);
  AddRoleRoutes(router, store);
  AddDeploymentRoutes(router, store);
}

}  // namespace emulator
