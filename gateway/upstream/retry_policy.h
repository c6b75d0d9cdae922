// When and how long to wait before resending an upstream request. Pure decisions, no I/O, so the
// rules are tested row by row; RetryingUpstream applies them.
//
//   RetryPolicy policy(options);
//   std::optional<absl::Duration> wait = policy.NextDelay(result, context, attempt, now, &random);
//   if (wait && budget.TryWithdraw()) schedule a resend after *wait;
#ifndef GATEWAY_UPSTREAM_RETRY_POLICY_H_
#define GATEWAY_UPSTREAM_RETRY_POLICY_H_

#include <optional>
#include <random>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gateway/call/call_context.h"
#include "gateway/http/http_types.h"

namespace pulumi_gateway {

struct RetryOptions {
  // Most attempts per call, the first included. 1 disables retries. Default 3.
  int max_attempts = 3;
  // Backoff before retry n is uniform in [0, min(max_backoff, initial_backoff * 2^(n-1))]
  // (full jitter). Defaults 100 ms and 5 s.
  absl::Duration initial_backoff = absl::Milliseconds(100);
  absl::Duration max_backoff = absl::Seconds(5);
  // Retry-After values longer than this are not waited for. Default 30 s.
  absl::Duration max_retry_after = absl::Seconds(30);
  // Retry budget: each call earns `budget_ratio` tokens (up to `budget_max_tokens`) and each retry
  // spends one, so retries stay under ~ratio of traffic. Defaults 0.2 and 20 (the initial balance).
  double budget_ratio = 0.2;
  double budget_max_tokens = 20;
};

class RetryPolicy final {
 public:
  explicit RetryPolicy(RetryOptions options) : options_(options) {}

  // Whether `result` may be retried at all: 429, 502, 503, 504 and broken connections for
  // idempotent requests; connection failures (request never sent) for any request.
  static bool IsRetryable(const absl::StatusOr<HttpResponse>& result, bool idempotent);

  // An answer that broke HTTP (curl_status.h kProtocolErrorPayload): retried at most once, and
  // on a new connection (CallContext::fresh_connection).
  static bool IsProtocolError(const absl::StatusOr<HttpResponse>& result);

  // The wait before the next attempt, or nullopt to give up: not retryable, attempts used up
  // (`attempt` is the number of the attempt that produced `result`, from 1; a protocol error
  // allows only attempt 2), a Retry-After longer than max_retry_after, or a wait that would end
  // past `context.deadline`. Idempotency comes from `context` too.
  std::optional<absl::Duration> NextDelay(const absl::StatusOr<HttpResponse>& result,
                                          const CallContext& context, int attempt, absl::Time now,
                                          std::mt19937_64* random) const;

  const RetryOptions& options() const { return options_; }

 private:
  const RetryOptions options_;
};

// Bounds retries to a fraction of traffic (see RetryOptions). Thread-safe.
class RetryBudget final {
 public:
  explicit RetryBudget(const RetryOptions& options)
      : ratio_(options.budget_ratio),
        max_tokens_(options.budget_max_tokens),
        tokens_(options.budget_max_tokens) {}

  // A call started.
  void Deposit();
  // True (and one token spent) when a retry is allowed now.
  bool TryWithdraw();
  double tokens() const;

 private:
  const double ratio_;
  const double max_tokens_;
  mutable absl::Mutex mu_;
  double tokens_ ABSL_GUARDED_BY(mu_);
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_UPSTREAM_RETRY_POLICY_H_
