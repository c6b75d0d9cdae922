#include "gateway/http/buffer_budget.h"

namespace pulumi_gateway {

bool BufferBudget::TryTake(size_t bytes) {
  size_t used = used_.load(std::memory_order_relaxed);
  do {
    if (bytes > limit_ || used > limit_ - bytes) {
      refusals_.fetch_add(1, std::memory_order_relaxed);
      return false;
    }
  } while (!used_.compare_exchange_weak(used, used + bytes, std::memory_order_relaxed));
  return true;
}

void BufferBudget::GiveBack(size_t bytes) { used_.fetch_sub(bytes, std::memory_order_relaxed); }

BufferReservation& BufferReservation::operator=(BufferReservation&& other) noexcept {
  if (this != &other) {
    Release();
    budget_ = other.budget_;
    bytes_ = other.bytes_;
    other.bytes_ = 0;
  }
  return *this;
}

bool BufferReservation::GrowTo(size_t bytes) {
  if (bytes <= bytes_) return true;
  if (budget_ != nullptr && !budget_->TryTake(bytes - bytes_)) return false;
  bytes_ = bytes;
  return true;
}

void BufferReservation::Release() {
  if (budget_ != nullptr && bytes_ > 0) budget_->GiveBack(bytes_);
  bytes_ = 0;
}

void BufferBudget::ExportMetrics(MetricSink& sink) const {
  sink.AddGauge("pulumi_gateway_buffered_response_bytes",
                "Upstream answer bytes held now, within --max_buffered_response_bytes.",
                [this] { return static_cast<double>(used()); });
  sink.AddCounter("pulumi_gateway_buffer_budget_refusals_total",
                  "Upstream calls failed because --max_buffered_response_bytes was reached.",
                  [this] { return static_cast<double>(refusals()); });
}

}  // namespace pulumi_gateway
