// A token bucket: `burst` tokens when idle, refilled continuously at `rate` per second. The
// outbound RateLimiter and LocalQuotaStore's per-identity budgets both keep theirs in one.
// It is a plain value: the owner holds the lock and passes the time, read from its clock
// (gateway/clock), so tests drive it with a fake clock.
//
//   TokenBucket bucket(/*rate=*/10, /*burst=*/20, clock.Now());
//   absl::Duration wait = bucket.WaitAt(clock.Now());  // zero: a token is there
//   bucket.Take(clock.Now());                          // 19 left
#ifndef GATEWAY_UPSTREAM_TOKEN_BUCKET_H_
#define GATEWAY_UPSTREAM_TOKEN_BUCKET_H_

#include "absl/time/time.h"

namespace pulumi_gateway {

class TokenBucket final {
 public:
  // A full bucket at `now`. `rate` > 0 tokens per second; `burst` >= 1.
  TokenBucket(double rate, double burst, absl::Time now)
      : rate_(rate), burst_(burst), tokens_(burst), refilled_at_(now) {}

  // New limits from `now` on: the tokens held are not refilled first, so the new rate counts
  // from the last refill and the new burst caps them.
  void SetLimits(double rate, double burst) {
    rate_ = rate;
    burst_ = burst;
  }

  // Tokens at `now`: those left at the last refill plus the refill since (a clock read out of
  // order adds none), capped at the burst. Fractions count; below zero, tokens are reserved ahead.
  double TokensAt(absl::Time now) const;

  // The wait from `now` until a whole token is there; zero when one already is.
  absl::Duration WaitAt(absl::Time now) const;

  // Takes one token at `now`, even one not there yet: the count goes below one, and each token
  // taken ahead is a reservation that later requests wait behind.
  void Take(absl::Time now);

  // Gives back one token taken and never used (a reservation withdrawn), up to the burst.
  void GiveBack();

  // Refilled to its burst at `now`: no different from a fresh bucket, so it need not be kept.
  bool FullAt(absl::Time now) const { return TokensAt(now) >= burst_; }

 private:
  double rate_;
  double burst_;
  double tokens_;
  absl::Time refilled_at_;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_UPSTREAM_TOKEN_BUCKET_H_
