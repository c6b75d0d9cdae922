#include "emulator/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace emulator {

RateLimiter::RateLimiter(double rps, std::function<absl::Time()> clock)
    : rps_(rps), clock_(clock ? std::move(clock) : absl::Now) {}

std::optional<int> RateLimiter::Acquire(absl::string_view key) {
  if (rps_ <= 0) return std::nullopt;
  double capacity = std::max(1.0, rps_);
  absl::Time now = clock_();
  absl::MutexLock lock(&mu_);
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
  return std::max(1, static_cast<int>(std::ceil((1.0 - b.tokens) / rps_)));
}

}  // namespace emulator
