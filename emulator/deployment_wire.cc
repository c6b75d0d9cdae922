#include "emulator/deployment_wire.h"

#include "absl/strings/str_cat.h"
#include "emulator/wire.h"

namespace emulator {
namespace {

const Json& At(const Json& j, std::initializer_list<const char*> path) {
  static const auto* const kNull = new Json();
  const Json* cur = &j;
  for (const char* key : path) {
    if (!cur->is_object()) return *kNull;
    auto it = cur->find(key);
    if (it == cur->end()) return *kNull;
    cur = &*it;
  }
  return *cur;
}

std::string Text(const Json& j, std::initializer_list<const char*> path,
                 const std::string& fallback) {
  const Json& v = At(j, path);
  return v.is_string() && !v.get<std::string>().empty() ? v.get<std::string>() : fallback;
}

std::string Outcome(const Deployment& run) {
  if (run.cancelled) return "Deployment cancelled.";
  return run.status == "succeeded" ? "Deployment succeeded." : "Deployment failed.";
}

}  // namespace

bool IsFinished(const Deployment& run) {
  return run.status == "succeeded" || run.status == "failed";
}

std::string UpdateKindFor(const std::string& operation) {
  if (operation == "update" || operation == "refresh" || operation == "destroy") return operation;
  if (operation == "remediate-drift") return "update";
  return "";
}

std::vector<DeploymentStep> DeploymentSteps(const Stack& stack, const Deployment& run) {
  const Json& s = run.settings;
  std::string label = absl::StrCat(stack.org, "/", stack.project, "/", stack.name);
  std::string repo = Text(s, {"sourceContext", "git", "repoUrl"},
                          Text(s, {"gitHub", "repository"},
                               Text(s, {"sourceContext", "template", "sourceUrl"}, "the source")));
  std::string ref = Text(s, {"sourceContext", "git", "branch"},
                         Text(s, {"sourceContext", "git", "commit"}, "the default branch"));
  std::vector<DeploymentStep> steps = {
      {"Prepare runtime environment",
       "",
       0,
       0,
       {absl::StrCat("Preparing deployment ", run.version, " of ", label),
        absl::StrCat("Executor image: ", Text(s, {"executorContext", "executorImage", "reference"},
                                              "pulumi/pulumi:latest"))},
       false},
      {"Get source",
       "",
       0,
       0,
       {absl::StrCat("Fetching ", repo), absl::StrCat("Using ", ref)},
       false},
      {"Install dependencies",
       "",
       0,
       0,
       {"Installing dependencies", "Dependencies installed"},
       false},
      {absl::StrCat("Pulumi ", run.operation),
       "",
       0,
       0,
       {absl::StrCat("Running pulumi ", run.operation, " on ", label),
        absl::StrCat(run.operation, ": no resource changes")},
       false},
  };
  for (size_t i = 0; i < steps.size(); ++i) {
    DeploymentStep& step = steps[i];
    bool last = i + 1 == steps.size();
    step.finished = IsFinished(run);
    if (!run.ran) {  // not started yet, or cancelled before it ran
      step.status = "not-started";
      step.lines.clear();
      if (i == 0 && IsFinished(run)) {
        step.status = "failed";
        step.lines = {Outcome(run)};
        step.started = step.last_updated = run.modified;
      }
      continue;
    }
    step.started = run.created + static_cast<int64_t>(i) + 1;
    step.last_updated = step.started + 1;
    if (!last) {
      step.status = "succeeded";
      step.finished = true;
    } else if (run.status == "running") {
      step.status = "running";
      step.lines.resize(1);
      step.last_updated = run.modified;
    } else {
      step.status = run.status;
      step.lines.push_back(Outcome(run));
      step.last_updated = run.modified;
    }
  }
  return steps;
}

Json DeploymentJobsJson(const Stack& stack, const Deployment& run) {
  Json steps = Json::array();
  for (const DeploymentStep& s : DeploymentSteps(stack, run)) {
    Json step = {{"name", s.name}, {"status", s.status}};
    if (s.started > 0) {
      step["started"] = FormatRfc3339(s.started);
      step["lastUpdated"] = FormatRfc3339(s.last_updated);
    }
    steps.push_back(step);
  }
  Json job = {{"status", run.status}, {"steps", steps}};
  if (run.status != "not-started") {
    job["started"] = FormatRfc3339(run.created + 1);
    job["lastUpdated"] = FormatRfc3339(run.modified);
  }
  return Json::array({job});
}

Json DeploymentSnapshotJson(const State& state, const Stack& stack, const Deployment& run) {
  Json updates = Json::array();
  for (const std::string& id : run.update_ids) {
    for (const UpdateRecord& u : stack.updates) {
      if (u.id != id) continue;
      Json cli = UpdateInfoCliJson(u);
      updates.push_back({{"id", u.id},
                         {"updateID", u.id},
                         {"version", u.version},
                         {"startTime", cli["startTime"]},
                         {"endTime", cli["endTime"]},
                         {"result", cli["result"]},
                         {"kind", u.kind},
                         {"message", cli["message"]},
                         {"environment", cli["environment"]}});
    }
  }
  return {{"id", run.id},
          {"created", FormatRfc3339(run.created)},
          {"modified", FormatRfc3339(run.modified)},
          {"status", run.status},
          {"version", run.version},
          {"requestedBy", UserInfoJson(state, run.requested_by, /*with_email=*/false)},
          {"projectName", stack.project},
          {"stackName", stack.name},
          {"paused", false},
          {"pulumiOperation", run.operation},
          {"updates", updates},
          {"jobs", DeploymentJobsJson(stack, run)},
          {"initiator", "api"}};
}

Json DeploymentJson(const State& state, const Stack& stack, const Deployment& run) {
  Json variables = Json::array();
  const Json& env = At(run.settings, {"operationContext", "environmentVariables"});
  if (env.is_object()) {
    for (auto it = env.begin(); it != env.end(); ++it) {
      bool secret = it->is_object() && it->contains("secret");
      Json v = {{"name", it.key()}, {"secret", secret}};
      if (!secret && it->is_object()) v["value"] = it->value("plaintext", "");
      variables.push_back(v);
    }
  }
  Json configuration = {{"environmentVariables", variables}};
  const Json& git = At(run.settings, {"sourceContext", "git"});
  const Json& tmpl = At(run.settings, {"sourceContext", "template"});
  if (git.is_object() && git.contains("repoUrl")) {
    Json source = {{"repoURL", git.value("repoUrl", "")}};
    for (const char* key : {"branch", "commit", "repoDir"}) {
      if (git.contains(key)) source[key] = git.value(key, "");
    }
    configuration["source"] = {{"git", source}};
  } else if (tmpl.is_object() && tmpl.contains("sourceUrl")) {
    configuration["source"] = {{"template", {{"sourceUrl", tmpl.value("sourceUrl", "")}}}};
  }
  int64_t latest = stack.deployments.empty() ? 0 : stack.deployments.back().version;
  return {{"id", run.id},
          {"created", FormatRfc3339(run.created)},
          {"modified", FormatRfc3339(run.modified)},
          {"status", run.status},
          {"version", run.version},
          {"latestVersion", latest},
          {"requestedBy", UserInfoJson(state, run.requested_by, /*with_email=*/false)},
          {"jobs", DeploymentJobsJson(stack, run)},
          {"configuration", configuration},
          {"initiator", "api"},
          {"pulumiOperation", run.operation}};
}

}  // namespace emulator
