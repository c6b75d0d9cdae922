// A process-wide budget for bytes buffered from the upstream, so that many large (or hostile)
// answers at once fail one call each with RESOURCE_EXHAUSTED instead of taking the process past
// its memory limit. Buffers take from it as bytes arrive — never from a length the upstream
// declares — and give back when the buffer is freed.
//
//   BufferBudget budget(96 << 20);
//   BufferReservation reserved(&budget);
//   if (!reserved.GrowTo(body.size() + chunk.size())) ...  // over budget: fail this call
//   // ~BufferReservation gives the bytes back
//
// Thread-safe: taking and giving back are single atomic operations.
#ifndef GATEWAY_HTTP_BUFFER_BUDGET_H_
#define GATEWAY_HTTP_BUFFER_BUDGET_H_

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "gateway/observability/metric_sink.h"

namespace pulumi_gateway {

class BufferBudget final {
 public:
  // `limit_bytes`: most bytes reserved at once across the process.
  explicit BufferBudget(size_t limit_bytes) : limit_(limit_bytes) {}
  BufferBudget(const BufferBudget&) = delete;
  BufferBudget& operator=(const BufferBudget&) = delete;

  // Takes `bytes` when they fit under the limit (true); otherwise takes nothing and counts a
  // refusal (false).
  bool TryTake(size_t bytes);
  void GiveBack(size_t bytes);

  size_t limit() const { return limit_; }
  size_t used() const { return used_.load(std::memory_order_relaxed); }
  // Refused TryTake calls so far (each fails one upstream call).
  uint64_t refusals() const { return refusals_.load(std::memory_order_relaxed); }

  // pulumi_gateway_buffered_response_bytes and pulumi_gateway_buffer_budget_refusals_total.
  void ExportMetrics(MetricSink& sink) const;

 private:
  const size_t limit_;
  std::atomic<size_t> used_{0};
  std::atomic<uint64_t> refusals_{0};
};

// Bytes one buffer holds from a budget (or from none: a null budget always grants). Move-only;
// gives everything back when destroyed.
class BufferReservation final {
 public:
  explicit BufferReservation(BufferBudget* budget = nullptr) : budget_(budget) {}
  ~BufferReservation() { Release(); }
  BufferReservation(BufferReservation&& other) noexcept
      : budget_(other.budget_), bytes_(other.bytes_) {
    other.bytes_ = 0;
  }
  BufferReservation& operator=(BufferReservation&& other) noexcept;
  BufferReservation(const BufferReservation&) = delete;
  BufferReservation& operator=(const BufferReservation&) = delete;

  // Holds at least `bytes` (takes the difference); false, holding what it held, when the budget
  // cannot give it.
  bool GrowTo(size_t bytes);
  // Gives everything back.
  void Release();
  size_t bytes() const { return bytes_; }

 private:
  BufferBudget* budget_;
  size_t bytes_ = 0;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_HTTP_BUFFER_BUDGET_H_
