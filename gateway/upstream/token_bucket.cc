#include "gateway/upstream/token_bucket.h"

#include <algorithm>

namespace pulumi_gateway {

double TokenBucket::TokensAt(absl::Time now) const {
  const double elapsed = std::max(0.0, absl::ToDoubleSeconds(now - refilled_at_));
  return std::min(burst_, tokens_ + elapsed * rate_);
}

absl::Duration TokenBucket::WaitAt(absl::Time now) const {
  const double held = TokensAt(now);
  return held >= 1 ? absl::ZeroDuration() : absl::Seconds((1 - held) / rate_);
}

void TokenBucket::Take(absl::Time now) {
  tokens_ = TokensAt(now) - 1;
  refilled_at_ = std::max(refilled_at_, now);
}

void TokenBucket::GiveBack() { tokens_ = std::min(burst_, tokens_ + 1); }

}  // namespace pulumi_gateway
