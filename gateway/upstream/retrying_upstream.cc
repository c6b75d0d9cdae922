#include "gateway/upstream/retrying_upstream.h"

#include <optional>
#include <utility>

namespace pulumi_gateway {

// One call across its attempts. `mu` orders the attempts' callbacks, the backoff timer and a
// cancel.
struct RetryingUpstream::Call {
  HttpRequest request;
  CallContext context;
  Callback done;
  int attempt = 0;
  CancelRegistration on_cancel;
  absl::Mutex mu;
  bool finished ABSL_GUARDED_BY(mu) = false;
  // The backoff timer, while one runs.
  std::optional<uint64_t> timer ABSL_GUARDED_BY(mu);
};

RetryingUpstream::RetryingUpstream(UpstreamClient* inner, TimerQueue* timers, RetryOptions options,
                                   std::function<void(const CallContext&)> on_retry)
    : inner_(inner),
      timers_(timers),
      policy_(options),
      on_retry_(std::move(on_retry)),
      budget_(options) {}

RetryingUpstream::~RetryingUpstream() = default;

void RetryingUpstream::ExportMetrics(MetricSink& sink) const {
  sink.AddGauge("pulumi_upstream_retry_budget_tokens",
                "Retries the retry budget would allow right now.",
                [this] { return budget_.tokens(); });
}

void RetryingUpstream::Send(HttpRequest request, CallContext context, Callback done) {
  auto call = std::make_shared<Call>();
  call->request = std::move(request);
  call->context = std::move(context);
  call->done = std::move(done);
  budget_.Deposit();
  Attempt(call);
  // Only a backoff is this layer's to cancel; an attempt in flight sees the same token below.
  call->on_cancel = call->context.cancellation.OnCancel([this, weak = std::weak_ptr<Call>(call)] {
    if (std::shared_ptr<Call> alive = weak.lock()) Withdraw(alive);
  });
}

void RetryingUpstream::Attempt(const std::shared_ptr<Call>& call) {
  {
    absl::MutexLock lock(&call->mu);
    if (call->finished) return;
    call->timer.reset();
  }
  // Cancelled while the backoff timer was already on its way: no new attempt.
  if (call->context.cancellation.cancelled()) {
    return Finish(call, absl::CancelledError("call cancelled"));
  }
  ++call->attempt;
  inner_->Send(call->request, call->context, [this, call](absl::StatusOr<HttpResponse> result) {
    OnAttemptDone(call, std::move(result));
  });
}

void RetryingUpstream::OnAttemptDone(const std::shared_ptr<Call>& call,
                                     absl::StatusOr<HttpResponse> result) {
  std::optional<absl::Duration> delay;
  if (!call->context.cancellation.cancelled()) {
    absl::MutexLock lock(&random_mu_);
    delay = policy_.NextDelay(result, call->context, call->attempt, timers_->Now(), &random_);
  }
  if (delay.has_value() && budget_.TryWithdraw()) {
    // The connection that broke HTTP is not trusted; neither is any other pooled one.
    if (RetryPolicy::IsProtocolError(result)) call->context.fresh_connection = true;
    if (on_retry_) on_retry_(call->context);
    absl::MutexLock lock(&call->mu);
    call->timer = timers_->Schedule(timers_->Now() + *delay, [this, call] { Attempt(call); });
    // A cancel between the check above and this timer found no backoff to stop: stop it here.
    if (!call->context.cancellation.cancelled() || !timers_->Cancel(*call->timer)) return;
    call->timer.reset();
    result = absl::CancelledError("call cancelled");
  }
  Finish(call, std::move(result));
}

void RetryingUpstream::Withdraw(const std::shared_ptr<Call>& call) {
  {
    absl::MutexLock lock(&call->mu);
    // No backoff running (an attempt is in flight, or the call ended), or its timer is already
    // on its way (Attempt sees the token).
    if (call->finished || !call->timer.has_value() || !timers_->Cancel(*call->timer)) return;
    call->timer.reset();
  }
  // Never inside the Cancel that got us here.
  timers_->Schedule(timers_->Now(),
                    [this, call] { Finish(call, absl::CancelledError("call cancelled")); });
}

void RetryingUpstream::Finish(const std::shared_ptr<Call>& call,
                              absl::StatusOr<HttpResponse> result) {
  {
    absl::MutexLock lock(&call->mu);
    if (call->finished) return;
    call->finished = true;
  }
  std::move(call->done)(std::move(result));
}

}  // namespace pulumi_gateway
