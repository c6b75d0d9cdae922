// Whether the memory the gateway's settings let it reach fits the memory limit of its cgroup (a
// Kubernetes pod's limit: ReadCgroupMemoryLimit in cgroup.h). Past that limit the kernel kills
// the process with every call in flight, so a pod whose settings allow more is one slow upstream
// away from losing all its calls at once; the budgets and --max_in_flight exist to refuse calls
// before that. The peak is docs/operations.md's sizing ("Memory"), from the benchmarks: idle about
// 25 MiB, plus the answers held (up to --max_buffered_response_bytes), one answer being encoded
// (up to --max_response_bytes), the read cache (--cache_max_bytes, when on) and about 36 KiB per
// call in flight (T3: 5,000 calls held upstream over HTTP/1.1, a connection each).
//
//   MemorySizing sizing{96 << 20, 64 << 20, 0, 8000};  // budget, largest answer, cache, calls
//   sizing.Peak();                                  // 466.25 MiB
//   MemoryFitProblem(sizing, 256 << 20);            // "... lower --max_in_flight to 2019 ..."
#ifndef GATEWAY_HOST_MEMORY_FIT_H_
#define GATEWAY_HOST_MEMORY_FIT_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace pulumi_gateway {

// What the gateway does at start when its settings do not fit its memory limit (--memory_fit).
enum class MemoryFit {
  kWarn,    // logs a warning naming what to lower (the default)
  kRefuse,  // does not start: the error names what to lower
  kOff,     // does not check
};

// "warn", "refuse" or "off"; INVALID_ARGUMENT naming them otherwise.
absl::StatusOr<MemoryFit> ParseMemoryFit(absl::string_view text);
absl::string_view MemoryFitName(MemoryFit fit);

inline constexpr uint64_t kIdleMemoryBytes = uint64_t{25} << 20;
inline constexpr uint64_t kMemoryPerCallBytes = uint64_t{36} << 10;

// The settings that bound the gateway's memory.
struct MemorySizing {
  uint64_t answer_budget = 0;   // --max_buffered_response_bytes
  uint64_t largest_answer = 0;  // --max_response_bytes
  uint64_t cache = 0;           // --cache_max_bytes while a route is cached, else 0
  uint64_t calls = 0;           // --max_in_flight

  // Idle, plus everything above at once (saturating at 2^64 - 1).
  uint64_t Peak() const;
};

// Empty when `sizing`'s peak fits `limit` bytes; otherwise a sentence for the operator: the peak
// and its parts, the limit, and what to change (the most --max_in_flight that fits, or the byte
// settings when they alone do not fit).
std::string MemoryFitProblem(const MemorySizing& sizing, uint64_t limit);

}  // namespace pulumi_gateway

#endif  // GATEWAY_HOST_MEMORY_FIT_H_
