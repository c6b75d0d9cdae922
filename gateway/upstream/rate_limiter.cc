#include "gateway/upstream/rate_limiter.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"

namespace pulumi_gateway {

// One request between Send and its turn. `phase` is guarded by the limiter's mu_.
struct RateLimiter::Waiting {
  enum class Phase { kWaiting, kReleased, kWithdrawn };
  HttpRequest request;
  CallContext context;
  Callback done;
  bool delayed = false;
  uint64_t timer = 0;
  Phase phase = Phase::kWaiting;
  CancelRegistration on_cancel;
};

RateLimiter::RateLimiter(UpstreamClient* inner, TimerQueue* timers, RateLimiterOptions options)
    : inner_(inner),
      timers_(timers),
      options_(options),
      bucket_(options.requests_per_second, options.burst, timers->Now()) {}

int RateLimiter::queued() const {
  absl::MutexLock lock(&mu_);
  return queued_;
}

void RateLimiter::ExportMetrics(MetricSink& sink) const {
  sink.AddGauge("pulumi_upstream_rate_limit_queued",
                "Requests waiting for the outbound rate limit.", [this] { return queued(); });
}

void RateLimiter::Send(HttpRequest request, CallContext context, Callback done) {
  const absl::Time now = timers_->Now();
  const CancellationToken token = context.cancellation;
  auto waiting = std::make_shared<Waiting>();
  {
    absl::MutexLock lock(&mu_);
    const absl::Duration wait = bucket_.WaitAt(now);
    if (now + wait >= context.deadline) {
      absl::Status status = absl::ResourceExhaustedError(absl::StrCat(
          "outbound rate limit (--upstream_rate_limit=", options_.requests_per_second,
          "/s) would delay this call past its deadline by ",
          absl::FormatDuration(absl::Trunc(now + wait - context.deadline, absl::Milliseconds(1)))));
      timers_->Schedule(now,
                        [done = std::move(done), status]() mutable { std::move(done)(status); });
      return;
    }
    bucket_.Take(now);
    waiting->request = std::move(request);
    waiting->context = std::move(context);
    waiting->done = std::move(done);
    waiting->delayed = wait > absl::ZeroDuration();
    if (waiting->delayed) ++queued_;
    // Even a request with a token goes from the timer: never inside Send.
    waiting->timer = timers_->Schedule(now + wait, [this, waiting] { Release(waiting); });
  }
  // Registered once the request waits: a cancel that came before runs Withdraw at once.
  waiting->on_cancel = token.OnCancel([this, weak = std::weak_ptr<Waiting>(waiting)] {
    if (std::shared_ptr<Waiting> alive = weak.lock()) Withdraw(alive);
  });
}

void RateLimiter::Release(const std::shared_ptr<Waiting>& waiting) {
  {
    absl::MutexLock lock(&mu_);
    if (waiting->phase != Waiting::Phase::kWaiting) return;
    waiting->phase = Waiting::Phase::kReleased;
    if (waiting->delayed) --queued_;
  }
  // From here on a cancel is the inner client's to apply.
  inner_->Send(std::move(waiting->request), std::move(waiting->context), std::move(waiting->done));
}

void RateLimiter::Withdraw(const std::shared_ptr<Waiting>& waiting) {
  Callback done;
  {
    absl::MutexLock lock(&mu_);
    if (waiting->phase != Waiting::Phase::kWaiting) return;
    waiting->phase = Waiting::Phase::kWithdrawn;
    bucket_.GiveBack();
    if (waiting->delayed) --queued_;
    // When the timer is already on its way, Release finds the request withdrawn.
    timers_->Cancel(waiting->timer);
    done = std::move(waiting->done);
  }
  // Never inside the Cancel that got us here.
  timers_->Schedule(timers_->Now(), [done = std::move(done)]() mutable {
    std::move(done)(absl::CancelledError("call cancelled while waiting for its turn"));
  });
}

}  // namespace pulumi_gateway
