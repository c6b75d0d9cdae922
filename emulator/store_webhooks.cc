// Store: stack configuration and webhooks (stack and organization). Webhooks are not called: the
// emulator makes no outbound requests, so a ping or redelivery records a successful delivery.
#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "emulator/params.h"
#include "emulator/store.h"
#include "emulator/wire.h"

namespace emulator {
namespace {

absl::Status Bad(absl::string_view message) {
  return absl::InvalidArgumentError(absl::StrCat("Bad Request: ", message));
}

// "Deploy notifications!" -> "deploy-notifications".
std::string Slug(absl::string_view text) {
  std::string out;
  for (char c : text) {
    if (absl::ascii_isalnum(c)) {
      out.push_back(absl::ascii_tolower(c));
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "webhook" : out;
}

// Applies the Webhook fields of `body` (types already checked against the API description).
absl::Status ApplyWebhookBody(const Json& body, Webhook& hook) {
  hook.display_name = StringOr(body, "displayName", hook.display_name);
  hook.payload_url = StringOr(body, "payloadUrl", hook.payload_url);
  if (!absl::StartsWith(hook.payload_url, "http://") &&
      !absl::StartsWith(hook.payload_url, "https://")) {
    return Bad("payloadUrl must be an http:// or https:// URL");
  }
  hook.active = BoolOr(body, "active", hook.active);
  hook.format = StringOr(body, "format", hook.format);
  if (hook.format.empty()) hook.format = "raw";
  hook.filters = StringsOr(body, "filters", hook.filters);
  hook.groups = StringsOr(body, "groups", hook.groups);
  std::string secret = StringOr(body, "secret", "");
  if (!secret.empty()) hook.secret = secret;
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Json> Store::GetStackConfig(const Caller& caller, const StackRef& ref) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  if ((*stack)->config.is_null()) {
    return absl::NotFoundError(
        absl::StrCat("Not Found: Stack '", StackLabel(ref), "' has no configuration."));
  }
  return (*stack)->config;
}

absl::StatusOr<Json> Store::UpdateStackConfig(const Caller& caller, const StackRef& ref,
                                              const Json& body) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  absl::StatusOr<std::string> environment = RequiredString(body, "environment");
  if (!environment.ok()) return environment.status();
  (*stack)->config = body;
  Audit(state_.orgs.at(ref.org), caller, "stack.config.update",
        absl::StrCat("Updated the configuration of stack \"", StackLabel(ref), "\""), false);
  return (*stack)->config;
}

absl::Status Store::DeleteStackConfig(const Caller& caller, const StackRef& ref) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  (*stack)->config = Json();
  Audit(state_.orgs.at(ref.org), caller, "stack.config.delete",
        absl::StrCat("Deleted the configuration of stack \"", StackLabel(ref), "\""), false);
  return absl::OkStatus();
}

absl::StatusOr<std::map<std::string, Webhook>*> Store::WebhooksOf(const Caller& caller,
                                                                  const StackRef& owner) {
  if (owner.project.empty()) {
    absl::StatusOr<Org*> org = AdminOrg(caller, owner.org);
    if (!org.ok()) return org.status();
    return &(*org)->webhooks;
  }
  absl::StatusOr<Stack*> stack = FindStack(caller, owner);
  if (!stack.ok()) return stack.status();
  return &(*stack)->webhooks;
}

namespace {

absl::StatusOr<Webhook*> FindHook(std::map<std::string, Webhook>& hooks, const std::string& name) {
  auto it = hooks.find(name);
  if (it == hooks.end()) {
    return absl::NotFoundError(absl::StrCat("Not Found: Webhook '", name, "' not found."));
  }
  return &it->second;
}

}  // namespace

absl::StatusOr<Json> Store::ListWebhooks(const Caller& caller, const StackRef& owner) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<std::map<std::string, Webhook>*> hooks = WebhooksOf(caller, owner);
  if (!hooks.ok()) return hooks.status();
  Json out = Json::array();
  for (const auto& [name, hook] : **hooks) {
    out.push_back(WebhookJson(hook, owner.org, owner.project, owner.stack));
  }
  return out;
}

absl::StatusOr<Json> Store::CreateWebhook(const Caller& caller, const StackRef& owner,
                                          const Json& body) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<std::map<std::string, Webhook>*> hooks = WebhooksOf(caller, owner);
  if (!hooks.ok()) return hooks.status();
  Webhook hook;
  hook.name = StringOr(body, "name", "");
  if (!hook.name.empty() && (*hooks)->count(hook.name)) {
    return absl::AlreadyExistsError(
        absl::StrCat("Conflict: Webhook '", hook.name, "' already exists."));
  }
  if (hook.name.empty()) {  // named after its display name, made unique
    std::string base = Slug(StringOr(body, "displayName", ""));
    hook.name = base;
    for (int n = 2; (*hooks)->count(hook.name); ++n) hook.name = absl::StrCat(base, "-", n);
  }
  absl::Status applied = ApplyWebhookBody(body, hook);
  if (!applied.ok()) return applied;
  Json out = WebhookJson(hook, owner.org, owner.project, owner.stack);
  (**hooks)[hook.name] = std::move(hook);
  return out;
}

absl::StatusOr<Json> Store::GetWebhook(const Caller& caller, const StackRef& owner,
                                       const std::string& name) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<std::map<std::string, Webhook>*> hooks = WebhooksOf(caller, owner);
  if (!hooks.ok()) return hooks.status();
  absl::StatusOr<Webhook*> hook = FindHook(**hooks, name);
  if (!hook.ok()) return hook.status();
  return WebhookJson(**hook, owner.org, owner.project, owner.stack);
}

absl::StatusOr<Json> Store::UpdateWebhook(const Caller& caller, const StackRef& owner,
                                          const std::string& name, const Json& body) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<std::map<std::string, Webhook>*> hooks = WebhooksOf(caller, owner);
  if (!hooks.ok()) return hooks.status();
  absl::StatusOr<Webhook*> hook = FindHook(**hooks, name);
  if (!hook.ok()) return hook.status();
  Webhook updated = **hook;  // applied only when valid
  absl::Status applied = ApplyWebhookBody(body, updated);
  if (!applied.ok()) return applied;
  **hook = std::move(updated);
  return WebhookJson(**hook, owner.org, owner.project, owner.stack);
}

absl::Status Store::DeleteWebhook(const Caller& caller, const StackRef& owner,
                                  const std::string& name) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<std::map<std::string, Webhook>*> hooks = WebhooksOf(caller, owner);
  if (!hooks.ok()) return hooks.status();
  if (!(*hooks)->erase(name)) {
    return absl::NotFoundError(absl::StrCat("Not Found: Webhook '", name, "' not found."));
  }
  return absl::OkStatus();
}

absl::StatusOr<Json> Store::ListWebhookDeliveries(const Caller& caller, const StackRef& owner,
                                                  const std::string& name) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<std::map<std::string, Webhook>*> hooks = WebhooksOf(caller, owner);
  if (!hooks.ok()) return hooks.status();
  absl::StatusOr<Webhook*> hook = FindHook(**hooks, name);
  if (!hook.ok()) return hook.status();
  Json out = Json::array();
  for (auto it = (*hook)->deliveries.rbegin(); it != (*hook)->deliveries.rend(); ++it) {
    out.push_back(*it);
  }
  return out;
}

absl::StatusOr<Json> Store::PingWebhook(const Caller& caller, const StackRef& owner,
                                        const std::string& name) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<std::map<std::string, Webhook>*> hooks = WebhooksOf(caller, owner);
  if (!hooks.ok()) return hooks.status();
  absl::StatusOr<Webhook*> hook = FindHook(**hooks, name);
  if (!hook.ok()) return hook.status();
  Json payload = {{"message", "ping"}, {"organizationName", owner.org}, {"webhook", name}};
  Json delivery = {{"id", NewUuid()},
                   {"kind", "ping"},
                   {"payload", payload.dump()},
                   {"timestamp", absl::ToUnixSeconds(Now())},
                   {"duration", 12},
                   {"requestUrl", (*hook)->payload_url},
                   {"requestHeaders", "Content-Type: application/json\nPulumi-Webhook-Kind: ping"},
                   {"responseCode", 200},
                   {"responseHeaders", "Content-Type: text/plain"},
                   {"responseBody", "ok"}};
  (*hook)->deliveries.push_back(delivery);
  return delivery;
}

absl::StatusOr<Json> Store::RedeliverWebhookEvent(const Caller& caller, const StackRef& owner,
                                                  const std::string& name,
                                                  const std::string& event) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<std::map<std::string, Webhook>*> hooks = WebhooksOf(caller, owner);
  if (!hooks.ok()) return hooks.status();
  absl::StatusOr<Webhook*> hook = FindHook(**hooks, name);
  if (!hook.ok()) return hook.status();
  std::vector<Json>& deliveries = (*hook)->deliveries;
  auto original = std::find_if(deliveries.begin(), deliveries.end(),
                               [&](const Json& d) { return d.value("id", "") == event; });
  if (original == deliveries.end()) {
    return absl::NotFoundError(absl::StrCat("Not Found: Delivery '", event, "' not found."));
  }
  Json again = *original;
  again["id"] = NewUuid();
  again["timestamp"] = absl::ToUnixSeconds(Now());
  again["requestUrl"] = (*hook)->payload_url;
  again["responseCode"] = 200;
  deliveries.push_back(again);
  return again;
}

}  // namespace emulator
