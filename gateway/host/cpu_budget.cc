#include "gateway/host/cpu_budget.h"

#include <sched.h>

#include <algorithm>
#include <cerrno>
#include <cmath>

#include "gateway/host/cgroup.h"

namespace pulumi_gateway {
namespace {

int AffinityCount() {
  // Machines with more CPUs than a cpu_set_t holds need a larger set.
  for (int cpus = CPU_SETSIZE; cpus <= (1 << 16); cpus *= 2) {
    cpu_set_t* set = CPU_ALLOC(cpus);
    if (set == nullptr) return 0;
    const size_t size = CPU_ALLOC_SIZE(cpus);
    CPU_ZERO_S(size, set);
    const bool got = sched_getaffinity(0, size, set) == 0;
    const int error = errno;
    const int count = got ? CPU_COUNT_S(size, set) : 0;
    CPU_FREE(set);
    if (got) return count;
    if (error != EINVAL) return 0;
  }
  return 0;
}

}  // namespace

int CpuBudget::cores() const {
  int cores = affinity;
  if (quota.has_value()) {
    const int whole = static_cast<int>(std::min(std::ceil(*quota), 1e6));
    cores = cores > 0 ? std::min(cores, whole) : whole;
  }
  return std::max(cores, 1);
}

CpuBudget ReadCpuBudget() {
  CpuBudget budget;
  budget.affinity = AffinityCount();
  budget.quota = ReadCgroupCpuQuota("");
  return budget;
}

int ProcessCpuCores() {
  static const int cores = ReadCpuBudget().cores();
  return cores;
}

}  // namespace pulumi_gateway
