#include "gateway/upstream/retry_policy.h"

#include <algorithm>

#include "gateway/status/curl_status.h"
#include "gateway/status/retry_after.h"
#include "gateway/upstream/upstream_client.h"

namespace pulumi_gateway {

bool RetryPolicy::IsRetryable(const absl::StatusOr<HttpResponse>& result, bool idempotent) {
  if (result.ok()) {
    const int status = result->status;
    // Each of these means the upstream received the request: only idempotent ones go again.
    return idempotent && (status == 429 || status == 502 || status == 503 || status == 504);
  }
  if (result.status().code() != absl::StatusCode::kUnavailable ||
      result.status().GetPayload(kBreakerOpenPayload).has_value()) {
    return false;
  }
  if (result.status().GetPayload(kNotSentPayload).has_value()) return true;
  return idempotent;
}

bool RetryPolicy::IsProtocolError(const absl::StatusOr<HttpResponse>& result) {
  return !result.ok() && result.status().GetPayload(kProtocolErrorPayload).has_value();
}

std::optional<absl::Duration> RetryPolicy::NextDelay(const absl::StatusOr<HttpResponse>& result,
                                                     const CallContext& context, int attempt,
                                                     absl::Time now,
                                                     std::mt19937_64* random) const {
  if (attempt >= options_.max_attempts || !IsRetryable(result, context.idempotent)) {
    return std::nullopt;
  }
  // An answer that broke HTTP is worth one more try, on a new connection, not a series.
  if (IsProtocolError(result) && attempt >= 2) return std::nullopt;
  absl::Duration cap = options_.initial_backoff;
  for (int i = 1; i < attempt && cap < options_.max_backoff; ++i) cap *= 2;
  cap = std::min(cap, options_.max_backoff);
  std::uniform_int_distribution<int64_t> jitter(0, absl::ToInt64Microseconds(cap));
  absl::Duration delay = absl::Microseconds(jitter(*random));

  if (result.ok()) {
    std::optional<absl::Duration> asked =
        ParseRetryAfter(FindHeader(result->headers, "Retry-After"), now);
    if (asked.has_value()) {
      if (*asked > options_.max_retry_after) return std::nullopt;
      delay = std::max(delay, *asked);
    }
  }
  // A retry that cannot finish before the caller's deadline only burns upstream quota.
  if (now + delay >= context.deadline) return std::nullopt;
  return delay;
}

void RetryBudget::Deposit() {
  absl::MutexLock lock(&mu_);
  tokens_ = std::min(max_tokens_, tokens_ + ratio_);
}

bool RetryBudget::TryWithdraw() {
  absl::MutexLock lock(&mu_);
  if (tokens_ < 1) return false;
  tokens_ -= 1;
  return true;
}

double RetryBudget::tokens() const {
  absl::MutexLock lock(&mu_);
  return tokens_;
}

}  // namespace pulumi_gateway
