#include "emulator/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace emulator {
namespace {

// Keeps Retry-After meaningful (and an int) for tiny rates.
constexpr double kMaxRetryAfterSeconds = 86400;

}  // namespace

RateLimiter::RateLimiter(double rps, std::function<absl::Time()> clock)
    : initial_rps_(rps), clock_(clock ? std::move(clock) : absl::Now), rps_(rps) {}

std::optional<int> RateLimiter::Acquire(absl::string_view key) {
  absl::Time now = clock_();
  absl::MutexLock lock(&mu_);
  if (rps_ <= 0) return std::nullopt;
  double capacity = std::max(1.0, rps_);
  auto [it, inserted] = buckets_.try_emplace(std::string(key), Bucket{capacity, now});
  Bucket& b = it->second;
  if (!inserted) {
    b.tokens = std::min(capacity, b.tokens + absl::ToDoubleSeconds(now - b.updated) * rps_);
    b.updated = now;
  }
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return std::nullopt;
  }
  double wait_seconds = std::ceil((1.0 - b.tokens) / rps_);
  return static_cast<int>(std::clamp(wait_seconds, 1.0, kMaxRetryAfterSeconds));
}

void RateLimiter::SetRate(double rps) {
  absl::MutexLock lock(&mu_);
  rps_ = rps;
  buckets_.clear();
}

double RateLimiter::rate() const {
  absl::MutexLock lock(&mu_);
  return rps_;
}

void RateLimiter::Reset() { SetRate(initial_rps_); }

}  // namespace emulator
