// Routes: stack config, and stack and organization webhooks.
#include "absl/strings/str_cat.h"
#include "emulator/routes.h"

namespace emulator {
namespace {

constexpr char kStack[] = "/api/stacks/{org}/{project}/{stack}";
constexpr char kOrg[] = "/api/orgs/{org}";

// The owner of the hooks under `prefix`: a stack, or the organization (project left empty).
StackRef OwnerOf(const RouteRequest& req) {
  return StackRef{req.Param("org"), req.Param("project"), req.Param("stack")};
}

void AddHooks(Router& r, Store* s, const std::string& prefix) {
  std::string hooks = absl::StrCat(prefix, "/hooks");
  std::string hook = absl::StrCat(hooks, "/{hook}");
  r.Add(
      "GET", hooks,
      [s](const RouteRequest& q) { return ResultReply(s->ListWebhooks(q.caller, OwnerOf(q))); },
      kValidated);
  r.Add(
      "POST", hooks,
      [s](const RouteRequest& q) {
        return WithOptionalJsonBody(q, [&](const Json& body) {
          return ResultReply(s->CreateWebhook(q.caller, OwnerOf(q), body), 201);
        });
      },
      kValidated);
  r.Add(
      "GET", hook,
      [s](const RouteRequest& q) {
        return ResultReply(s->GetWebhook(q.caller, OwnerOf(q), q.Param("hook")));
      },
      kValidated);
  r.Add(
      "PATCH", hook,
      [s](const RouteRequest& q) {
        return WithOptionalJsonBody(q, [&](const Json& body) {
          return ResultReply(s->UpdateWebhook(q.caller, OwnerOf(q), q.Param("hook"), body));
        });
      },
      kValidated);
  r.Add(
      "DELETE", hook,
      [s](const RouteRequest& q) {
        return DoneReply(s->DeleteWebhook(q.caller, OwnerOf(q), q.Param("hook")));
      },
      kValidated);
  r.Add(
      "GET", absl::StrCat(hook, "/deliveries"),
      [s](const RouteRequest& q) {
        return ResultReply(s->ListWebhookDeliveries(q.caller, OwnerOf(q), q.Param("hook")));
      },
      kValidated);
  r.Add(
      "POST", absl::StrCat(hook, "/ping"),
      [s](const RouteRequest& q) {
        return ResultReply(s->PingWebhook(q.caller, OwnerOf(q), q.Param("hook")));
      },
      kValidated);
  r.Add(
      "POST", absl::StrCat(hook, "/deliveries/{event}/redeliver"),
      [s](const RouteRequest& q) {
        return ResultReply(
            s->RedeliverWebhookEvent(q.caller, OwnerOf(q), q.Param("hook"), q.Param("event")));
      },
      kValidated);
}

}  // namespace

void AddWebhookRoutes(Router& r, Store& store) {
  Store* s = &store;
  std::string config = absl::StrCat(kStack, "/config");
  r.Add(
      "GET", config,
      [s](const RouteRequest& q) {
        return ResultReply(s->GetStackConfig(q.caller, StackRefOf(q)));
      },
      kValidated);
  r.Add(
      "PUT", config,
      [s](const RouteRequest& q) {
        return WithOptionalJsonBody(q, [&](const Json& body) {
          return ResultReply(s->UpdateStackConfig(q.caller, StackRefOf(q), body));
        });
      },
      kValidated);
  r.Add(
      "DELETE", config,
      [s](const RouteRequest& q) {
        return DoneReply(s->DeleteStackConfig(q.caller, StackRefOf(q)));
      },
      kValidated);
  AddHooks(r, s, kStack);
  AddHooks(r, s, kOrg);
}

}  // namespace emulator
