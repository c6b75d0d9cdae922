// How many CPUs this process can keep busy, for "one per core" defaults (the upstream loops, and
// gRPC's own count: gateway/server/grpc_cpu_count.cc):
// the CPUs it may run on (its affinity mask, which `taskset` or a Kubernetes cpuset narrows),
// lowered to its cgroup's CPU quota rounded up (a Kubernetes CPU limit: ReadCgroupCpuQuota in
// cgroup.h). The number of CPUs of the machine, which the C++ library reports
// (`std::thread::hardware_concurrency`), counts neither.
//
//   CpuBudget budget = ReadCpuBudget();
//   int loops = budget.cores();  // 2 in a pod limited to 1.5 CPUs on a 64-CPU node
//
// Anything unreadable or malformed counts as no limit from that source; the result is at least 1.
#ifndef GATEWAY_HOST_CPU_BUDGET_H_
#define GATEWAY_HOST_CPU_BUDGET_H_

#include <optional>

namespace pulumi_gateway {

struct CpuBudget {
  // CPUs in the process's affinity mask (0: unknown).
  int affinity = 0;
  // The cgroup's CPU quota in CPUs (1.5: 150 ms of CPU time per 100 ms), if it has one.
  std::optional<double> quota;

  // min(affinity, quota rounded up), at least 1.
  int cores() const;
};

// This process's budget.
CpuBudget ReadCpuBudget();

// ReadCpuBudget().cores(), read by the first call: every later call, from any thread, gets the same
// answer (gRPC sizes its tables with it, and the upstream loops are counted with it).
int ProcessCpuCores();

}  // namespace pulumi_gateway

#endif  // GATEWAY_HOST_CPU_BUDGET_H_
