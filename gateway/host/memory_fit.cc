#include "gateway/host/memory_fit.h"

#include <limits>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace pulumi_gateway {
namespace {

constexpr uint64_t kMax = std::numeric_limits<uint64_t>::max();

uint64_t Add(uint64_t a, uint64_t b) { return a > kMax - b ? kMax : a + b; }

uint64_t CallsBytes(uint64_t calls) {
  return calls > kMax / kMemoryPerCallBytes ? kMax : calls * kMemoryPerCallBytes;
}

// Everything but the calls in flight.
uint64_t FixedBytes(const MemorySizing& sizing) {
  return Add(Add(Add(kIdleMemoryBytes, sizing.answer_budget), sizing.largest_answer), sizing.cache);
}

// Bytes in MiB, rounded up ("97 MiB"); below 1 MiB in KiB.
std::string Size(uint64_t bytes) {
  if (bytes < (uint64_t{1} << 20)) return absl::StrCat((bytes + 1023) / 1024, " KiB");
  return absl::StrCat(bytes / (uint64_t{1} << 20) + (bytes % (uint64_t{1} << 20) != 0), " MiB");
}

}  // namespace

absl::StatusOr<MemoryFit> ParseMemoryFit(absl::string_view text) {
  if (text == "warn") return MemoryFit::kWarn;
  if (text == "refuse") return MemoryFit::kRefuse;
  if (text == "off") return MemoryFit::kOff;
  return absl::InvalidArgumentError(
      absl::StrCat("\"", text, "\" is not one of warn, refuse or off"));
}

absl::string_view MemoryFitName(MemoryFit fit) {
  switch (fit) {
    case MemoryFit::kWarn:
      return "warn";
    case MemoryFit::kRefuse:
      return "refuse";
    case MemoryFit::kOff:
      return "off";
  }
  return "warn";
}

uint64_t MemorySizing::Peak() const { return Add(FixedBytes(*this), CallsBytes(calls)); }

std::string MemoryFitProblem(const MemorySizing& sizing, uint64_t limit) {
  const uint64_t peak = sizing.Peak();
  if (peak <= limit) return "";
  const uint64_t fixed = FixedBytes(sizing);
  std::string parts =
      absl::StrCat("idle ", Size(kIdleMemoryBytes), " + --max_buffered_response_bytes ",
                   Size(sizing.answer_budget), " + --max_response_bytes ",
                   Size(sizing.largest_answer), " for one answer being encoded");
  if (sizing.cache > 0) absl::StrAppend(&parts, " + --cache_max_bytes ", Size(sizing.cache));
  absl::StrAppend(&parts, " + --max_in_flight ", sizing.calls, " calls at about ",
                  Size(kMemoryPerCallBytes), " each (", Size(CallsBytes(sizing.calls)), ")");
  std::string remedy;
  if (fixed < limit) {
    remedy = absl::StrFormat("lower --max_in_flight to %d or less, or raise the memory limit",
                             (limit - fixed) / kMemoryPerCallBytes);
  } else {
    remedy =
        absl::StrCat("the byte settings alone take ", Size(fixed), ": lower ",
                     sizing.cache > 0 ? "--max_buffered_response_bytes, --max_response_bytes "
                                        "or --cache_max_bytes"
                                      : "--max_buffered_response_bytes or --max_response_bytes",
                     " (and then --max_in_flight), or raise the memory limit");
  }
  return absl::StrCat("memory: these settings let the gateway grow to about ", Size(peak), " (",
                      parts, "), past its memory limit of ", Size(limit),
                      " (its cgroup's), where the kernel would kill it with every call in "
                      "flight; ",
                      remedy);
}

}  // namespace pulumi_gateway
