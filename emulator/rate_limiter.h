// Per-key token-bucket rate limiter (the emulator keys it by token fingerprint) for the
// `--rate_limit_rps` option and `PUT /_emulator/rate-limit`: bursts up to `rps` requests,
// refilled at `rps` per second. Thread-safe; the rate can change at run time.
//
//   RateLimiter limiter(5.0);
//   std::optional<int> retry = limiter.Acquire(TokenFingerprint(token));
//   if (retry) { /* answer 429 with Retry-After: *retry */ }
//   limiter.SetRate(0);  // off until Reset() or the next SetRate()
#ifndef EMULATOR_RATE_LIMITER_H_
#define EMULATOR_RATE_LIMITER_H_

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace emulator {

class RateLimiter final {
 public:
  // `rps` <= 0 disables limiting. `clock` defaults to the wall clock.
  explicit RateLimiter(double rps, std::function<absl::Time()> clock = absl::Now);

  // Takes one request from `key`'s bucket. nullopt when allowed; otherwise the whole seconds
  // (>= 1) until a request would be allowed, for `Retry-After`.
  std::optional<int> Acquire(absl::string_view key);

  // Replaces the rate (<= 0 disables limiting) and forgets every bucket, so each key starts
  // again with a full burst.
  void SetRate(double rps);
  double rate() const;
  // Back to the constructor's rate, buckets forgotten.
  void Reset();

 private:
  struct Bucket {
    double tokens = 0;
    absl::Time updated;
  };
  const double initial_rps_;
  const std::function<absl::Time()> clock_;
  mutable absl::Mutex mu_;
  double rps_ ABSL_GUARDED_BY(mu_);
  std::map<std::string, Bucket> buckets_ ABSL_GUARDED_BY(mu_);
};

}  // namespace emulator

#endif  // EMULATOR_RATE_LIMITER_H_
