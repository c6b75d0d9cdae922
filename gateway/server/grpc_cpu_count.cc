// gRPC sizes its pools and per-CPU tables from gpr_cpu_num_cores(): the callback API's
// `nexting_thread`s (half the count, 2 to 16), its executor (up to twice the count), its timer
// shards and per-CPU statistics. Its own definition (libgpr's cpu_linux) counts the machine's CPUs
// (sysconf), so a pod limited to 2 CPUs on a 64-CPU node would start 16 polling threads and size
// the rest for 64 CPUs it cannot use. gRPC is linked statically (third_party/BUILD.bazel), so this
// file's definitions of both functions of that object replace it: the count is the CPUs this
// process can keep busy (CpuBudget, as for the upstream loops), and the current CPU is folded into
// [0, count), as gRPC's callers index their tables with it.
//
// Linked whole (alwayslink) into the binaries that want it; gRPC calls it, nothing else does.
#include <grpc/support/cpu.h>
#include <sched.h>

#include "gateway/host/cpu_budget.h"

unsigned gpr_cpu_num_cores() { return static_cast<unsigned>(pulumi_gateway::ProcessCpuCores()); }

unsigned gpr_cpu_current_cpu() {
  const unsigned cores = gpr_cpu_num_cores();
  if (cores == 1) return 0;
  const int cpu = sched_getcpu();
  return cpu < 0 ? 0 : static_cast<unsigned>(cpu) % cores;
}
