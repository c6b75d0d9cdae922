#include "gateway/upstream/rate_limiter.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"

namespace pulumi_gateway {

RateLimiter::RateLimiter(UpstreamClient* inner, TimerQueue* timers, RateLimiterOptions options)
    : inner_(inner),
      timers_(timers),
      options_(options),
      tokens_(options.burst),
      refilled_at_(timers->Now()) {}

int RateLimiter::queued() const {
  absl::MutexLock lock(&mu_);
  return queued_;
}

uint64_t RateLimiter::Send(HttpRequest request, Callback done) {
  const absl::Time now = timers_->Now();
  absl::MutexLock lock(&mu_);
  tokens_ = std::min(options_.burst, tokens_ + absl::ToDoubleSeconds(now - refilled_at_) *
                                                   options_.requests_per_second);
  refilled_at_ = now;
  const uint64_t id = next_id_++;
  const absl::Duration wait = tokens_ >= 1
                                  ? absl::ZeroDuration()
                                  : absl::Seconds((1 - tokens_) / options_.requests_per_second);
  if (now + wait >= request.deadline) {
    absl::Status status = absl::ResourceExhaustedError(absl::StrCat(
        "outbound rate limit (--upstream_rate_limit=", options_.requests_per_second,
        "/s) would delay this call past its deadline by ",
        absl::FormatDuration(absl::Trunc(now + wait - request.deadline, absl::Milliseconds(1)))));
    timers_->Schedule(now, [done = std::move(done), status]() mutable { std::move(done)(status); });
    return id;
  }
  tokens_ -= 1;
  Waiting& waiting = calls_[id];
  waiting.delayed = wait > absl::ZeroDuration();
  waiting.done = std::make_shared<Callback>(std::move(done));
  if (waiting.delayed) ++queued_;
  waiting.timer_id =
      timers_->Schedule(now + wait, [this, id, request = std::move(request)]() mutable {
        absl::ReleasableMutexLock lock(&mu_);
        auto it = calls_.find(id);
        if (it == calls_.end()) return;
        if (it->second.delayed) --queued_;
        std::shared_ptr<Callback> done = it->second.done;
        if (it->second.cancelled) {
          tokens_ = std::min(options_.burst, tokens_ + 1);
          calls_.erase(it);
          lock.Release();
          std::move (*done)(absl::CancelledError("call cancelled while waiting for its turn"));
          return;
        }
        it->second.inner_id =
            inner_->Send(std::move(request), [this, id, done](absl::StatusOr<HttpResponse> result) {
              {
                absl::MutexLock lock(&mu_);
                calls_.erase(id);
              }
              std::move (*done)(std::move(result));
            });
      });
  return id;
}

void RateLimiter::Cancel(uint64_t id) {
  std::optional<uint64_t> inner_id;
  {
    absl::MutexLock lock(&mu_);
    auto it = calls_.find(id);
    if (it == calls_.end()) return;
    inner_id = it->second.inner_id;
    if (!inner_id.has_value() && !timers_->Cancel(it->second.timer_id)) {
      // Its turn came and the timer callback is about to send it: that callback finishes it.
      it->second.cancelled = true;
    } else if (!inner_id.has_value()) {
      // Still waiting (its timer is now cancelled): give the reservation back and report the
      // cancel ourselves.
      tokens_ = std::min(options_.burst, tokens_ + 1);
      if (it->second.delayed) --queued_;
      std::shared_ptr<Callback> done = it->second.done;
      calls_.erase(it);
      timers_->Schedule(timers_->Now(), [done] {
        std::move (*done)(absl::CancelledError("call cancelled while waiting for its turn"));
      });
    }
  }
  if (inner_id.has_value()) inner_->Cancel(*inner_id);
}

}  // namespace pulumi_gateway
