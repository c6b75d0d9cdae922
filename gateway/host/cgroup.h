// What this process's cgroups allow it: the CPU quota and the memory limit a container runtime
// sets (a Kubernetes pod's limits), from cgroup v2 or v1, whichever hierarchy holds the
// controller (hybrid hosts mount both). A limit set anywhere on the way up from the process's
// cgroup to the hierarchy's root applies, so the smallest one found counts.
//
//   std::optional<double> cpus = ReadCgroupCpuQuota("");          // 1.5 under a 1500m limit
//   std::optional<uint64_t> bytes = ReadCgroupMemoryLimit("");    // 268435456 under 256Mi
//
// `root` is a directory standing for "/" (empty: "/" itself), holding proc/self/mountinfo,
// proc/self/cgroup and the cgroup file systems they name. Anything unreadable or malformed counts
// as no limit from that file.
#ifndef GATEWAY_HOST_CGROUP_H_
#define GATEWAY_HOST_CGROUP_H_

#include <cstdint>
#include <optional>
#include <string>

namespace pulumi_gateway {

// The CPU quota in CPUs (1.5: 150 ms of CPU time per 100 ms): cgroup v2 `cpu.max`, or v1
// `cpu.cfs_quota_us` over `cpu.cfs_period_us`.
std::optional<double> ReadCgroupCpuQuota(const std::string& root);

// The memory limit in bytes, past which the kernel kills the process: cgroup v2 `memory.max`, or
// v1 `memory.limit_in_bytes` (whose "none" is a number near 2^63: anything from 2^62 up counts as
// none).
std::optional<uint64_t> ReadCgroupMemoryLimit(const std::string& root);

}  // namespace pulumi_gateway

#endif  // GATEWAY_HOST_CGROUP_H_
