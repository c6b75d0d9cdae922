// Store: the logs of a Pulumi Deployments run, as the lines its steps have written so far
// (deployment_wire.h): every line, paged by an opaque continuation token, or one step's lines,
// paged by offset.
#include <algorithm>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "emulator/deployment_wire.h"
#include "emulator/paging.h"
#include "emulator/store.h"
#include "emulator/wire.h"

namespace emulator {
namespace {

constexpr char kLogScope[] = "deployment-logs";

absl::Status Bad(absl::string_view message) {
  return absl::InvalidArgumentError(absl::StrCat("Bad Request: ", message));
}

int64_t LineTime(const DeploymentStep& step, size_t index, int64_t fallback) {
  return (step.started > 0 ? step.started : fallback) + static_cast<int64_t>(index);
}

absl::StatusOr<Json> StepLogs(const std::vector<DeploymentStep>& steps, const Deployment& run,
                              const DeploymentLogsQuery& q) {
  int64_t job = q.job.value_or(0);
  if (job != 0) {
    return absl::NotFoundError(
        absl::StrCat("Not Found: Job ", job, " of deployment '", run.id, "' not found."));
  }
  int64_t index = *q.step;
  if (index < 0 || index >= static_cast<int64_t>(steps.size())) {
    return absl::NotFoundError(
        absl::StrCat("Not Found: Step ", index, " of deployment '", run.id, "' not found."));
  }
  const DeploymentStep& step = steps[index];
  int64_t size = static_cast<int64_t>(step.lines.size());
  int64_t begin = q.offset.value_or(0);
  if (begin < 0) return Bad("offset must be >= 0");
  if (q.count.has_value() && *q.count < 1) return Bad("count must be >= 1");
  begin = std::min(begin, size);
  int64_t end = q.count.has_value() ? std::min(size, begin + *q.count) : size;
  Json lines = Json::array();
  for (int64_t i = begin; i < end; ++i) {
    lines.push_back(
        {{"timestamp", FormatRfc3339(LineTime(step, i, run.created))}, {"line", step.lines[i]}});
  }
  Json out = {{"__type", "DeploymentLogsStep"}, {"name", step.name}, {"lines", lines}};
  if (!(step.finished && end == size)) out["nextOffset"] = end;
  return out;
}

absl::StatusOr<Json> AllLogs(const std::vector<DeploymentStep>& steps, const Deployment& run,
                             const DeploymentLogsQuery& q, int64_t page_size) {
  if (q.job.value_or(0) != 0) {
    return absl::NotFoundError(
        absl::StrCat("Not Found: Job ", *q.job, " of deployment '", run.id, "' not found."));
  }
  Json all = Json::array();
  for (const DeploymentStep& step : steps) {
    for (size_t i = 0; i < step.lines.size(); ++i) {
      all.push_back({{"header", step.name},
                     {"timestamp", FormatRfc3339(LineTime(step, i, run.created))},
                     {"line", step.lines[i]}});
    }
  }
  int64_t size = static_cast<int64_t>(all.size());
  int64_t begin = q.offset.value_or(0);
  if (!q.continuation_token.empty()) {
    absl::StatusOr<std::string> pos = DecodeToken(kLogScope, q.continuation_token);
    if (!pos.ok()) return pos.status();
    if (!absl::SimpleAtoi(*pos, &begin)) return Bad("Invalid continuation token");
  }
  if (begin < 0 || begin > size) return Bad("Invalid continuation token or offset");
  int64_t count = q.count.value_or(page_size);
  if (count < 1 || count > 1000) return Bad("count must be 1..1000");
  int64_t end = std::min(size, begin + count);
  Json lines = Json::array();
  for (int64_t i = begin; i < end; ++i) lines.push_back(std::move(all[i]));
  Json out = {{"__type", "DeploymentLogs"}, {"lines", lines}};
  // While the run goes on the token points at the end: polling it returns the new lines.
  if (!(IsFinished(run) && end == size))
    out["nextToken"] = EncodeToken(kLogScope, absl::StrCat(end));
  return out;
}

}  // namespace

absl::StatusOr<Json> Store::GetDeploymentLogs(const Caller& caller, const StackRef& ref,
                                              const std::string& id,
                                              const DeploymentLogsQuery& query) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  absl::StatusOr<Deployment*> run = FindDeployment(**stack, id);
  if (!run.ok()) return run.status();
  std::vector<DeploymentStep> steps = DeploymentSteps(**stack, **run);
  absl::StatusOr<Json> out = query.step.has_value()
                                 ? StepLogs(steps, **run, query)
                                 : AllLogs(steps, **run, query, options_.deployment_logs_page_size);
  if (out.ok()) AfterDeploymentRead(**stack, **run);
  return out;
}

}  // namespace emulator
