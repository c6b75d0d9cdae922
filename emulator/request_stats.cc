#include "emulator/request_stats.h"

#include <algorithm>

namespace emulator {

RequestStats::Scope::Scope(RequestStats& stats) : stats_(stats) { stats_.Begin(); }

void RequestStats::Scope::End() {
  if (!ended_.exchange(true)) stats_.Finish();
}

void RequestStats::Begin() {
  absl::MutexLock lock(&mu_);
  ++counts_.in_flight;
  ++counts_.requests;
  counts_.max_in_flight = std::max(counts_.max_in_flight, counts_.in_flight);
}

void RequestStats::Finish() {
  absl::MutexLock lock(&mu_);
  --counts_.in_flight;
}

RequestStats::Counts RequestStats::Get() const {
  absl::MutexLock lock(&mu_);
  return counts_;
}

void RequestStats::Reset() {
  absl::MutexLock lock(&mu_);
  counts_.max_in_flight = counts_.in_flight;
  counts_.requests = 0;
}

int64_t RequestStats::WaitForInFlight(int64_t n, absl::Duration timeout) const {
  absl::MutexLock lock(&mu_);
  auto reached = [&]() ABSL_SHARED_LOCKS_REQUIRED(mu_) { return counts_.in_flight >= n; };
  mu_.AwaitWithTimeout(absl::Condition(&reached), timeout);
  return counts_.in_flight;
}

Json RequestStatsToJson(const RequestStats::Counts& counts) {
  return {{"inFlight", counts.in_flight},
          {"maxInFlight", counts.max_in_flight},
          {"requests", counts.requests}};
}

}  // namespace emulator
