// Store: Pulumi Deployments — stack deployment settings, creating runs, listing and reading them,
// their logs, the updates they made, cancellation, and moving them on (per read or by the admin
// API; nothing runs in the background).
#include <algorithm>
#include <tuple>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "emulator/deployment_wire.h"
#include "emulator/paging.h"
#include "emulator/params.h"
#include "emulator/store.h"
#include "emulator/wire.h"

namespace emulator {
namespace {

absl::Status Bad(absl::string_view message) {
  return absl::InvalidArgumentError(absl::StrCat("Bad Request: ", message));
}

bool HasSource(const Json& settings) {
  auto text = [&](const char* a, const char* b, const char* c) {
    auto x = settings.find(a);
    if (x == settings.end() || !x->is_object()) return false;
    auto y = x->find(b);
    if (y == x->end()) return false;
    if (c == nullptr) return y->is_string() && !y->get<std::string>().empty();
    if (!y->is_object()) return false;
    auto z = y->find(c);
    return z != y->end() && z->is_string() && !z->get<std::string>().empty();
  };
  return text("sourceContext", "git", "repoUrl") ||
         text("sourceContext", "template", "sourceUrl") || text("gitHub", "repository", nullptr);
}

int StatusRank(const std::string& status) {
  if (status == "not-started") return 0;
  if (status == "accepted") return 1;
  if (status == "running") return 2;
  return 3;
}

std::string NextStatus(const Deployment& run) {
  if (run.status == "not-started") return "accepted";
  if (run.status == "accepted") return "running";
  if (run.status == "running") return run.final_status;
  return run.status;
}

absl::StatusOr<Json> Page(std::vector<Json> all, const DeploymentListQuery& q) {
  if (q.page < 1 || q.page_size < 1 || q.page_size > 1000) {
    return Bad("page must be >= 1 and pageSize 1..1000");
  }
  int64_t total = static_cast<int64_t>(all.size());
  int64_t begin = std::min(total, (q.page - 1) * q.page_size);
  int64_t end = std::min(total, begin + q.page_size);
  Json list = Json::array();
  for (int64_t i = begin; i < end; ++i) list.push_back(std::move(all[i]));
  return Json{{"deployments", list}, {"itemsPerPage", q.page_size}, {"total", total}};
}

}  // namespace

absl::StatusOr<Deployment*> Store::FindDeployment(Stack& stack, const std::string& id) {
  for (Deployment& d : stack.deployments) {
    if (d.id == id) return &d;
  }
  return absl::NotFoundError(absl::StrCat("Not Found: Deployment '", id, "' not found."));
}

void Store::StepDeployment(Stack& stack, Deployment& run) {
  if (IsFinished(run)) return;
  run.status = NextStatus(run);
  run.modified = std::max(run.modified, absl::ToUnixSeconds(Now()));
  if (run.status == "running") run.ran = true;
  if (!IsFinished(run)) return;
  std::string kind = UpdateKindFor(run.operation);
  if (kind.empty()) return;
  Caller requester;
  requester.login = run.requested_by;
  UpdateRecord& u = AppendUpdate(stack, kind, requester);
  u.status = run.status;
  u.info["message"] =
      absl::StrCat("Pulumi Deployments: ", run.operation, " (deployment ", run.version, ")");
  run.update_ids.push_back(u.id);
}

void Store::AfterDeploymentRead(Stack& stack, Deployment& run) {
  for (int i = 0; i < options_.deployment_steps_per_read; ++i) StepDeployment(stack, run);
}

absl::StatusOr<Json> Store::GetDeploymentSettings(const Caller& caller, const StackRef& ref) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  if ((*stack)->deployment_settings.is_null()) {
    return absl::NotFoundError(
        absl::StrCat("Not Found: Stack '", StackLabel(ref), "' has no deployment settings."));
  }
  return (*stack)->deployment_settings;
}

absl::StatusOr<Json> Store::UpdateDeploymentSettings(const Caller& caller, const StackRef& ref,
                                                     const Json& body) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  Json& settings = (*stack)->deployment_settings;
  int64_t version = settings.is_object() ? IntOr(settings, "version", 0) : 0;
  if (!settings.is_object()) settings = Json::object();
  settings.merge_patch(body);  // RFC 7396: objects merge, null removes a key
  settings["version"] = version + 1;
  if (!settings.contains("source")) settings["source"] = "api";
  Audit(state_.orgs.at(ref.org), caller, "stack.deployment.settings.update",
        absl::StrCat("Updated the deployment settings of stack \"", StackLabel(ref), "\""), false);
  return settings;
}

absl::Status Store::DeleteDeploymentSettings(const Caller& caller, const StackRef& ref) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  if ((*stack)->deployment_settings.is_null()) {
    return absl::NotFoundError(
        absl::StrCat("Not Found: Stack '", StackLabel(ref), "' has no deployment settings."));
  }
  (*stack)->deployment_settings = Json();
  Audit(state_.orgs.at(ref.org), caller, "stack.deployment.settings.delete",
        absl::StrCat("Deleted the deployment settings of stack \"", StackLabel(ref), "\""), false);
  return absl::OkStatus();
}

absl::StatusOr<Json> Store::CreateDeployment(const Caller& caller, const StackRef& ref,
                                             const Json& body) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  Json request = body;
  request.erase("operation");
  request.erase("inheritSettings");
  Json settings = Json::object();
  if (BoolOr(body, "inheritSettings", true) && (*stack)->deployment_settings.is_object()) {
    settings = (*stack)->deployment_settings;
  }
  settings.merge_patch(request);
  if (!HasSource(settings)) {
    return Bad(
        "the deployment names no source: give sourceContext, or set the stack's deployment "
        "settings and inherit them");
  }
  Deployment run;
  run.id = NewUuid();
  run.version = (*stack)->deployments.empty() ? 1 : (*stack)->deployments.back().version + 1;
  run.operation = StringOr(body, "operation", "update");
  run.requested_by = caller.login;
  run.created = run.modified = absl::ToUnixSeconds(Now());
  run.settings = std::move(settings);
  Json out = {{"id", run.id},
              {"consoleUrl", absl::StrCat(kConsoleBase, "/", ref.org, "/", ref.project, "/",
                                          ref.stack, "/deployments/", run.version)},
              {"version", run.version}};
  Audit(state_.orgs.at(ref.org), caller, "stack.deployment.create",
        absl::StrCat("Started deployment ", run.version, " (", run.operation, ") of stack \"",
                     StackLabel(ref), "\""),
        false);
  (*stack)->deployments.push_back(std::move(run));
  return out;
}

absl::StatusOr<Json> Store::ListStackDeployments(const Caller& caller, const StackRef& ref,
                                                 const DeploymentListQuery& query) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  std::vector<Json> all;
  for (const Deployment& d : (*stack)->deployments) {
    all.push_back(DeploymentSnapshotJson(state_, **stack, d));
  }
  if (!query.ascending) std::reverse(all.begin(), all.end());
  return Page(std::move(all), query);
}

absl::StatusOr<Json> Store::ListOrgDeployments(const Caller& caller, const std::string& org,
                                               const DeploymentListQuery& query) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = MemberOrg(caller, org);
  if (!o.ok()) return o.status();
  std::vector<std::pair<std::tuple<int64_t, std::string, int64_t>, Json>> runs;
  for (const auto& [key, stack] : state_.stacks) {
    if (stack.org != org) continue;
    for (const Deployment& d : stack.deployments) {
      runs.push_back({{d.created, std::get<1>(key) + "/" + std::get<2>(key), d.version},
                      DeploymentSnapshotJson(state_, stack, d)});
    }
  }
  std::sort(runs.begin(), runs.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  if (!query.ascending) std::reverse(runs.begin(), runs.end());
  std::vector<Json> all;
  for (auto& r : runs) all.push_back(std::move(r.second));
  return Page(std::move(all), query);
}

absl::StatusOr<Json> Store::GetDeployment(const Caller& caller, const StackRef& ref,
                                          const std::string& id) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  absl::StatusOr<Deployment*> run = FindDeployment(**stack, id);
  if (!run.ok()) return run.status();
  Json out = DeploymentJson(state_, **stack, **run);
  AfterDeploymentRead(**stack, **run);
  return out;
}

absl::StatusOr<Json> Store::GetDeploymentByVersion(const Caller& caller, const StackRef& ref,
                                                   int64_t version) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  for (Deployment& d : (*stack)->deployments) {
    if (d.version != version) continue;
    Json out = DeploymentJson(state_, **stack, d);
    AfterDeploymentRead(**stack, d);
    return out;
  }
  return absl::NotFoundError(absl::StrCat("Not Found: Deployment version ", version, " of stack '",
                                          StackLabel(ref), "' not found."));
}

absl::StatusOr<Json> Store::GetDeploymentStatus(const Caller& caller, const std::string& id) {
  absl::MutexLock lock(&mu_);
  for (auto& [key, stack] : state_.stacks) {
    auto org = state_.orgs.find(stack.org);
    if (org == state_.orgs.end() || RoleIn(org->second, caller).empty()) continue;
    absl::StatusOr<Deployment*> run = FindDeployment(stack, id);
    if (!run.ok()) continue;
    Json out = (*run)->status;
    AfterDeploymentRead(stack, **run);
    return out;
  }
  return absl::NotFoundError(absl::StrCat("Not Found: Deployment '", id, "' not found."));
}

absl::StatusOr<Json> Store::GetDeploymentUpdates(const Caller& caller, const StackRef& ref,
                                                 const std::string& id) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  absl::StatusOr<Deployment*> run = FindDeployment(**stack, id);
  if (!run.ok()) return run.status();
  Json out = Json::array();
  for (const std::string& update_id : (*run)->update_ids) {
    for (const UpdateRecord& u : (*stack)->updates) {
      if (u.id == update_id) out.push_back(UpdateInfoServiceJson(state_, **stack, u));
    }
  }
  AfterDeploymentRead(**stack, **run);
  return out;
}

absl::Status Store::CancelDeployment(const Caller& caller, const StackRef& ref,
                                     const std::string& id) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  absl::StatusOr<Deployment*> run = FindDeployment(**stack, id);
  if (!run.ok()) return run.status();
  if (IsFinished(**run)) {
    return absl::AbortedError(
        absl::StrCat("Conflict: Deployment '", id, "' has already finished."));
  }
  (*run)->cancelled = true;
  (*run)->status = "failed";
  (*run)->modified = std::max((*run)->modified, absl::ToUnixSeconds(Now()));
  return absl::OkStatus();
}

absl::StatusOr<Json> Store::AdvanceDeployment(const std::string& id, int steps,
                                              const std::string& status) {
  absl::MutexLock lock(&mu_);
  if (!status.empty() && status != "accepted" && status != "running" && status != "succeeded" &&
      status != "failed") {
    return Bad("status must be accepted, running, succeeded or failed");
  }
  for (auto& [key, stack] : state_.stacks) {
    absl::StatusOr<Deployment*> found = FindDeployment(stack, id);
    if (!found.ok()) continue;
    Deployment& run = **found;
    if (status.empty()) {
      for (int i = 0; i < steps; ++i) StepDeployment(stack, run);
    } else if (StatusRank(run.status) > StatusRank(status) ||
               (IsFinished(run) && run.status != status)) {
      return absl::FailedPreconditionError(
          absl::StrCat("Bad Request: deployment '", id, "' is already ", run.status));
    } else {
      if (status == "succeeded" || status == "failed") run.final_status = status;
      while (run.status != status && !IsFinished(run)) StepDeployment(stack, run);
    }
    return Json{{"id", run.id}, {"status", run.status}};
  }
  return absl::NotFoundError(absl::StrCat("Not Found: Deployment '", id, "' not found."));
}

}  // namespace emulator
