// What a Pulumi Deployments run looks like at its current status: its one job, the job's steps
// and the log lines each step has written so far, and the wire shapes built from them
// (GetDeploymentResponse, ListDeploymentSnapshot, DeploymentJob).
//
// A run has four steps (prepare, source, dependencies, the Pulumi operation). Before `running`
// no step has started and there are no log lines; at `running` the first three are done and the
// last has written its first line; once finished every line is there, ending with the outcome.
// Pure functions of the stack and the run; callers hold the store lock.
//
//   std::vector<DeploymentStep> steps = DeploymentSteps(stack, run);
//   Json detail = DeploymentJson(state, stack, run);
#ifndef EMULATOR_DEPLOYMENT_WIRE_H_
#define EMULATOR_DEPLOYMENT_WIRE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "emulator/model.h"

namespace emulator {

struct DeploymentStep {
  std::string name;
  std::string status;   // StepStatus: not-started | running | failed | succeeded
  int64_t started = 0;  // unix seconds; 0 = not started
  int64_t last_updated = 0;
  std::vector<std::string> lines;  // written so far
  bool finished = false;           // no more lines will come
};

// succeeded or failed.
bool IsFinished(const Deployment& run);

std::vector<DeploymentStep> DeploymentSteps(const Stack& stack, const Deployment& run);

// [DeploymentJob] (one job).
Json DeploymentJobsJson(const Stack& stack, const Deployment& run);
// ListDeploymentSnapshot.
Json DeploymentSnapshotJson(const State& state, const Stack& stack, const Deployment& run);
// GetDeploymentResponse.
Json DeploymentJson(const State& state, const Stack& stack, const Deployment& run);

// The stack update kind a run of `operation` records ("" = none: previews and drift detection
// leave the stack's history alone).
std::string UpdateKindFor(const std::string& operation);

}  // namespace emulator

#endif  // EMULATOR_DEPLOYMENT_WIRE_H_
