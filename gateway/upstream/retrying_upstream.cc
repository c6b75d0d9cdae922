#include "gateway/upstream/retrying_upstream.h"

#include <optional>
#include <utility>

#include "absl/time/clock.h"

namespace pulumi_gateway {

// One call across its attempts. `mu` orders the inner callback, timers and Cancel.
struct RetryingUpstream::Call {
  uint64_t id = 0;
  HttpRequest request;
  Callback done;
  int attempt = 0;
  absl::Mutex mu;
  bool finished ABSL_GUARDED_BY(mu) = false;
  bool cancelled ABSL_GUARDED_BY(mu) = false;
  std::optional<uint64_t> inner_id ABSL_GUARDED_BY(mu);
  std::optional<uint64_t> timer_id ABSL_GUARDED_BY(mu);
};

RetryingUpstream::RetryingUpstream(UpstreamClient* inner, TimerQueue* timers, RetryOptions options,
                                   std::function<void(const HttpRequest&)> on_retry)
    : inner_(inner),
      timers_(timers),
      policy_(options),
      on_retry_(std::move(on_retry)),
      budget_(options) {}

RetryingUpstream::~RetryingUpstream() = default;

uint64_t RetryingUpstream::Send(HttpRequest request, Callback done) {
  auto call = std::make_shared<Call>();
  call->request = std::move(request);
  call->done = std::move(done);
  {
    absl::MutexLock lock(&mu_);
    call->id = next_id_++;
    calls_.emplace(call->id, call);
  }
  budget_.Deposit();
  const uint64_t id = call->id;
  Attempt(std::move(call));
  return id;
}

void RetryingUpstream::Attempt(std::shared_ptr<Call> call) {
  {
    absl::MutexLock lock(&call->mu);
    if (call->finished) return;
    call->timer_id.reset();
    if (!call->cancelled) {
      ++call->attempt;
      call->inner_id =
          inner_->Send(call->request, [this, call](absl::StatusOr<HttpResponse> result) {
            OnAttemptDone(call, std::move(result));
          });
      return;
    }
  }
  Finish(call, absl::CancelledError("call cancelled"));
}

void RetryingUpstream::OnAttemptDone(std::shared_ptr<Call> call,
                                     absl::StatusOr<HttpResponse> result) {
  std::optional<absl::Duration> delay;
  {
    absl::MutexLock lock(&call->mu);
    call->inner_id.reset();
    if (!call->cancelled) {
      absl::MutexLock random_lock(&mu_);
      delay = policy_.NextDelay(result, call->request, call->attempt, absl::Now(), &random_);
    }
    if (delay.has_value() && budget_.TryWithdraw()) {
      // The connection that broke HTTP is not trusted; neither is any other pooled one.
      if (RetryPolicy::IsProtocolError(result)) call->request.fresh_connection = true;
      if (on_retry_) on_retry_(call->request);
      call->timer_id = timers_->Schedule(absl::Now() + *delay, [this, call] { Attempt(call); });
      return;
    }
  }
  Finish(call, std::move(result));
}

void RetryingUpstream::Finish(const std::shared_ptr<Call>& call,
                              absl::StatusOr<HttpResponse> result) {
  {
    absl::MutexLock lock(&call->mu);
    if (call->finished) return;
    call->finished = true;
  }
  {
    absl::MutexLock lock(&mu_);
    calls_.erase(call->id);
  }
  std::move(call->done)(std::move(result));
}

void RetryingUpstream::Cancel(uint64_t id) {
  std::shared_ptr<Call> call;
  {
    absl::MutexLock lock(&mu_);
    auto it = calls_.find(id);
    if (it == calls_.end()) return;
    call = it->second;
  }
  std::optional<uint64_t> inner_id;
  bool waiting = false;
  {
    absl::MutexLock lock(&call->mu);
    call->cancelled = true;
    inner_id = call->inner_id;
    waiting = call->timer_id.has_value() && timers_->Cancel(*call->timer_id);
  }
  if (inner_id.has_value()) inner_->Cancel(*inner_id);  // its callback finishes the call
  if (waiting) Finish(call, absl::CancelledError("call cancelled"));
}

}  // namespace pulumi_gateway
