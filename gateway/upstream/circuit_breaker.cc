#include "gateway/upstream/circuit_breaker.h"

#include <utility>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "gateway/status/curl_status.h"

namespace pulumi_gateway {

CircuitBreaker::CircuitBreaker(UpstreamClient* inner, TimerQueue* timers,
                               CircuitBreakerOptions options)
    : inner_(inner), timers_(timers), options_(options) {}

bool CircuitBreaker::IsFailure(const absl::StatusOr<HttpResponse>& result) {
  if (result.ok()) {
    return result->status == 502 || result->status == 503 || result->status == 504;
  }
  const absl::StatusCode code = result.status().code();
  return code == absl::StatusCode::kUnavailable || code == absl::StatusCode::kDeadlineExceeded;
}

CircuitBreaker::State CircuitBreaker::state() const {
  absl::MutexLock lock(&mu_);
  return state_;
}

void CircuitBreaker::Send(HttpRequest request, CallContext context, Callback done) {
  bool probe = false;
  bool refused = false;
  absl::Duration retry_in;
  {
    absl::MutexLock lock(&mu_);
    if (options_.failure_threshold > 0 && state_ != State::kClosed) {
      const absl::Time now = timers_->Now();
      if (state_ == State::kOpen && now - opened_at_ >= options_.open_duration) {
        state_ = State::kHalfOpen;
      }
      if (state_ == State::kHalfOpen && !probe_in_flight_) {
        probe_in_flight_ = true;
        probe = true;
      } else {
        refused = true;
        retry_in = std::max(absl::ZeroDuration(), opened_at_ + options_.open_duration - now);
      }
    }
  }
  if (refused) {
    absl::Status status = absl::UnavailableError(absl::StrCat(
        "upstream is failing; the gateway stopped sending to it for now (circuit breaker "
        "open, next probe in ",
        absl::FormatDuration(absl::Ceil(retry_in, absl::Milliseconds(100))), ")"));
    status.SetPayload(kBreakerOpenPayload, absl::Cord("1"));
    timers_->Schedule(timers_->Now(),
                      [done = std::move(done), status]() mutable { std::move(done)(status); });
    return;
  }
  inner_->Send(std::move(request), std::move(context),
               [this, probe, done = std::move(done)](absl::StatusOr<HttpResponse> result) mutable {
                 // A cancelled call, or one a lower layer refused before sending it (a per-token
                 // throttle), says nothing about the upstream's health.
                 const bool says_nothing =
                     !result.ok() &&
                     (result.status().code() == absl::StatusCode::kCancelled ||
                      (result.status().code() == absl::StatusCode::kResourceExhausted &&
                       result.status().GetPayload(kNotSentPayload).has_value()));
                 if (!says_nothing) {
                   Record(IsFailure(result), probe);
                 } else if (probe) {
                   absl::MutexLock lock(&mu_);
                   probe_in_flight_ = false;
                 }
                 std::move(done)(std::move(result));
               });
}

void CircuitBreaker::ExportMetrics(MetricSink& sink) const {
  sink.AddGauge("pulumi_upstream_circuit_breaker_state",
                "Upstream circuit breaker: 0 closed, 1 open (failing fast), 2 half-open (probing).",
                [this] { return static_cast<double>(state()); });
}

void CircuitBreaker::Record(bool failure, bool probe) {
  absl::MutexLock lock(&mu_);
  if (probe) probe_in_flight_ = false;
  if (!failure) {
    consecutive_failures_ = 0;
    state_ = State::kClosed;
    return;
  }
  ++consecutive_failures_;
  if (options_.failure_threshold > 0 &&
      (probe || consecutive_failures_ >= options_.failure_threshold)) {
    if (state_ != State::kOpen) opened_at_ = timers_->Now();
    state_ = State::kOpen;
  }
}

}  // namespace pulumi_gateway
