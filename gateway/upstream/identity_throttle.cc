#include "gateway/upstream/identity_throttle.h"

#include <algorithm>
#include <iterator>
#include <utility>
#include <vector>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "gateway/status/curl_status.h"
#include "gateway/status/retry_after.h"
#include "gateway/status/upstream_error.h"
#include "google/rpc/error_details.pb.h"

namespace pulumi_gateway {
namespace {

constexpr char kErrorDomain[] = "pulumi-gateway";

std::string Rounded(absl::Duration wait) {
  return absl::FormatDuration(absl::Ceil(wait, absl::Milliseconds(100)));
}

// A status for a request that never left the gateway: marked so retry layers know it is safe to
// resend, with ErrorInfo a program can branch on and, when known, RetryInfo with the wait.
absl::Status NotSent(absl::StatusCode code, absl::string_view message, absl::string_view reason,
                     std::optional<absl::Duration> retry_delay) {
  absl::Status status(code, message);
  status.SetPayload(kNotSentPayload, absl::Cord("1"));
  AttachErrorInfo(&status, reason, kErrorDomain, {{"sent", "false"}});
  if (retry_delay.has_value()) {
    google::rpc::RetryInfo retry;
    const int64_t nanos = absl::ToInt64Nanoseconds(std::max(*retry_delay, absl::ZeroDuration()));
    retry.mutable_retry_delay()->set_seconds(nanos / 1000000000);
    retry.mutable_retry_delay()->set_nanos(static_cast<int32_t>(nanos % 1000000000));
    status.SetPayload(kRetryInfoTypeUrl, absl::Cord(retry.SerializeAsString()));
  }
  return status;
}

absl::Status PausedError(absl::Duration remaining) {
  return NotSent(absl::StatusCode::kResourceExhausted,
                 absl::StrCat("the Pulumi API rate-limited this access token (HTTP 429) and the "
                              "gateway holds its requests for another ",
                              Rounded(remaining),
                              ", past this call's deadline; not sent. Retry after that delay, "
                              "call with a longer deadline, or spread this token's calls out"),
                 "IDENTITY_PAUSED", remaining);
}

absl::Status RateLimitedError(double rate, absl::Duration wait) {
  return NotSent(absl::StatusCode::kResourceExhausted,
                 absl::StrCat("this access token's upstream rate limit (--identity_rate_limit=",
                              rate, "/s) would hold this call at least ", Rounded(wait),
                              ", past its deadline; not sent. Retry later, call with a longer "
                              "deadline, or spread this token's calls out"),
                 "IDENTITY_RATE_LIMITED", wait);
}

absl::Status ExpiredError() {
  return NotSent(absl::StatusCode::kDeadlineExceeded,
                 "deadline passed while this call waited for its access token's upstream "
                 "budget; not sent",
                 "IDENTITY_WAIT_EXPIRED", std::nullopt);
}

}  // namespace

IdentityThrottle::IdentityThrottle(UpstreamClient* inner, TimerQueue* timers, QuotaStore* store,
                                   IdentityThrottleOptions options)
    : inner_(inner), timers_(timers), store_(store), options_(options) {}

IdentityThrottle::~IdentityThrottle() {
  std::vector<uint64_t> timers;
  {
    absl::MutexLock lock(&mu_);
    closing_ = true;
    for (auto& [identity, state] : identities_) {
      if (state.wake_timer != 0) timers.push_back(state.wake_timer);
      for (const std::list<CallPtr>& queue : state.queued) {
        for (const CallPtr& call : queue) {
          if (call->expiry_timer != 0) timers.push_back(call->expiry_timer);
        }
      }
    }
  }
  for (uint64_t timer : timers) timers_->Cancel(timer);
  // A timer callback that had already started (a Wake sending the requests it released) may
  // still be using this object.
  timers_->WaitForRunning();
}

IdentityThrottleStats IdentityThrottle::stats() const {
  const absl::Time now = timers_->Now();
  absl::MutexLock lock(&mu_);
  absl::erase_if(pauses_, [now](const auto& pause) { return pause.second <= now; });
  IdentityThrottleStats stats;
  stats.paused_identities = static_cast<int>(pauses_.size());
  stats.queued_interactive = queued_[0];
  stats.queued_bulk = queued_[1];
  stats.pauses_total = pauses_total_;
  stats.rejected_total = rejected_total_;
  return stats;
}

void IdentityThrottle::ExportMetrics(MetricSink& sink) const {
  sink.AddGauge("pulumi_gateway_throttle_paused_identities",
                "Access tokens whose requests wait after an upstream 429.",
                [this] { return stats().paused_identities; });
  sink.AddGauge("pulumi_gateway_throttle_queued_interactive",
                "Interactive requests waiting for their token's upstream budget.",
                [this] { return stats().queued_interactive; });
  sink.AddGauge("pulumi_gateway_throttle_queued_bulk",
                "Bulk requests waiting for their token's upstream budget.",
                [this] { return stats().queued_bulk; });
  sink.AddCounter("pulumi_gateway_throttle_pauses_total",
                  "Pauses of an access token started by a 429.",
                  [this] { return static_cast<double>(stats().pauses_total); });
  sink.AddCounter(
      "pulumi_gateway_throttle_rejected_total",
      "Requests failed unsent: their token's budget came too late or its queue was full.",
      [this] { return static_cast<double>(stats().rejected_total); });
}

int IdentityThrottle::tracked_identities() const {
  absl::MutexLock lock(&mu_);
  return static_cast<int>(identities_.size());
}

std::vector<QuotaBucket> IdentityThrottle::Buckets(const std::string& identity,
                                                   RequestPriority priority,
                                                   const Identity& state) const {
  std::vector<QuotaBucket> buckets = {{identity, options_.requests_per_second, options_.burst}};
  const bool interactive_active = !state.queued[0].empty() || state.in_flight[0] > 0;
  if (priority == RequestPriority::kBulk && interactive_active && options_.bulk_share < 1) {
    buckets.push_back({absl::StrCat(identity, "/bulk"),
                       options_.requests_per_second * options_.bulk_share,
                       std::max(1.0, options_.burst * options_.bulk_share)});
  }
  return buckets;
}

void IdentityThrottle::Send(HttpRequest request, CallContext context, Callback done) {
  const absl::Time now = timers_->Now();
  std::string identity = store_->IdentityOf(FindHeader(request.headers, "Authorization"));
  const int p = Index(context.priority);
  const double rate = options_.requests_per_second;
  const CancellationToken token = context.cancellation;
  auto call = std::make_shared<Call>();
  bool send_now = false;
  {
    absl::MutexLock lock(&mu_);
    Identity& state = identities_[identity];
    const absl::Time paused = store_->PausedUntil(identity, now);
    if (paused > now) pauses_[identity] = paused;
    // Requests of this identity that go before this one.
    const size_t ahead = state.queued[0].size() + (p == 1 ? state.queued[1].size() : 0);
    absl::Duration wait = std::max(absl::ZeroDuration(), paused - now);
    bool go_now = false;
    if (wait == absl::ZeroDuration() && ahead == 0) {
      if (rate > 0) wait = store_->Take(Buckets(identity, context.priority, state), now);
      go_now = wait == absl::ZeroDuration();
    } else if (rate > 0) {
      // Each request ahead needs a token of its own: a lower bound on this one's wait.
      wait = std::max(wait, absl::Seconds(std::max(0.0, ahead + 1 - options_.burst) / rate));
    }

    absl::Status refused;
    if (!go_now && now + wait + options_.min_time_left >= context.deadline) {
      refused = paused > now || rate <= 0 ? PausedError(wait) : RateLimitedError(rate, wait);
    } else if (!go_now && state.queued[0].size() + state.queued[1].size() >=
                              static_cast<size_t>(options_.max_queued)) {
      refused = NotSent(absl::StatusCode::kResourceExhausted,
                        absl::StrCat(options_.max_queued,
                                     " requests of this access token are already waiting for "
                                     "its upstream budget (--identity_max_queued); not sent. "
                                     "Slow down this token's calls"),
                        "IDENTITY_QUEUE_FULL", wait);
    }
    if (!refused.ok()) {
      ++rejected_total_;
      ForgetIfIdle(identity);
      timers_->Schedule(now,
                        [done = std::move(done), refused]() mutable { std::move(done)(refused); });
      return;
    }

    call->identity = std::move(identity);
    call->priority = context.priority;
    call->deadline = context.deadline;
    call->request = std::move(request);
    call->context = std::move(context);
    call->done = std::move(done);
    if (go_now) {
      ++state.in_flight[p];
      call->phase = Phase::kSent;
      send_now = true;
    } else {
      state.queued[p].push_back(call);
      call->position = std::prev(state.queued[p].end());
      ++queued_[p];
      if (call->deadline != absl::InfiniteFuture()) {
        call->expiry_timer =
            timers_->Schedule(call->deadline, [this, weak = std::weak_ptr<Call>(call)] {
              if (CallPtr alive = weak.lock()) Expire(alive);
            });
      }
      ScheduleWake(call->identity, state, now + wait);
    }
  }
  if (send_now) {
    Transmit(call);
    return;  // a cancel is the inner client's to apply
  }
  // Registered once the request waits: a cancel that came before runs Withdraw at once.
  CancelRegistration on_cancel = token.OnCancel([this, weak = std::weak_ptr<Call>(call)] {
    if (CallPtr alive = weak.lock()) Withdraw(alive);
  });
  absl::MutexLock lock(&mu_);
  if (call->phase == Phase::kQueued) call->on_cancel = std::move(on_cancel);
}

void IdentityThrottle::Pump(const std::string& identity, Identity& state, absl::Time now,
                            Actions* actions) {
  while (true) {
    const int p = !state.queued[0].empty() ? 0 : !state.queued[1].empty() ? 1 : -1;
    if (p < 0) return;
    const CallPtr call = state.queued[p].front();
    if (call->deadline <= now) {
      // Its expiry timer is due: finish it here rather than spend a token on it.
      ++rejected_total_;
      actions->complete.emplace_back(Dequeue(*call, state), ExpiredError());
      continue;
    }
    const absl::Time paused = store_->PausedUntil(identity, now);
    if (paused > now) {
      pauses_[identity] = paused;
      ScheduleWake(identity, state, paused);
      return;
    }
    if (options_.requests_per_second > 0) {
      const absl::Duration wait = store_->Take(Buckets(identity, call->priority, state), now);
      if (wait > absl::ZeroDuration()) {
        ScheduleWake(identity, state, now + wait);
        return;
      }
    }
    state.queued[p].pop_front();
    --queued_[p];
    if (call->expiry_timer != 0) timers_->Cancel(call->expiry_timer);
    call->expiry_timer = 0;
    ++state.in_flight[p];
    Release(call, actions);
  }
}

void IdentityThrottle::ScheduleWake(const std::string& identity, Identity& state, absl::Time when) {
  if (closing_) return;
  if (state.wake_timer != 0 && state.wake_at <= when) return;
  // A timer that already fired finds a newer generation and does nothing.
  if (state.wake_timer != 0) timers_->Cancel(state.wake_timer);
  const uint64_t generation = ++state.wake_generation;
  state.wake_at = when;
  state.wake_timer =
      timers_->Schedule(when, [this, identity, generation] { Wake(identity, generation); });
}

void IdentityThrottle::Wake(const std::string& identity, uint64_t generation) {
  Actions actions;
  {
    absl::MutexLock lock(&mu_);
    auto it = identities_.find(identity);
    if (it == identities_.end() || it->second.wake_generation != generation) return;
    it->second.wake_timer = 0;
    it->second.wake_at = absl::InfiniteFuture();
    Pump(identity, it->second, timers_->Now(), &actions);
    ForgetIfIdle(identity);
  }
  Run(std::move(actions));
}

void IdentityThrottle::Expire(const CallPtr& call) {
  Callback done;
  {
    absl::MutexLock lock(&mu_);
    if (call->phase != Phase::kQueued) return;
    call->expiry_timer = 0;  // this is it, running
    const std::string identity = call->identity;
    done = Dequeue(*call, identities_[identity]);
    ++rejected_total_;
    ForgetIfIdle(identity);
  }
  std::move(done)(ExpiredError());
}

void IdentityThrottle::Withdraw(const CallPtr& call) {
  Callback done;
  {
    absl::MutexLock lock(&mu_);
    if (call->phase != Phase::kQueued) return;
    const std::string identity = call->identity;
    done = Dequeue(*call, identities_[identity]);
    ForgetIfIdle(identity);
  }
  // Never inside the Cancel that got us here.
  timers_->Schedule(timers_->Now(), [done = std::move(done)]() mutable {
    std::move(done)(absl::CancelledError(
        "call cancelled while waiting for its access token's upstream budget"));
  });
}

UpstreamClient::Callback IdentityThrottle::Dequeue(Call& call, Identity& state) {
  const int p = Index(call.priority);
  state.queued[p].erase(call.position);  // may drop the last reference but the caller's
  --queued_[p];
  if (call.expiry_timer != 0) timers_->Cancel(call.expiry_timer);
  call.expiry_timer = 0;
  call.phase = Phase::kDone;
  return std::move(call.done);
}

void IdentityThrottle::ForgetIfIdle(const std::string& identity) {
  auto it = identities_.find(identity);
  if (it == identities_.end()) return;
  const Identity& state = it->second;
  if (!state.queued[0].empty() || !state.queued[1].empty() || state.in_flight[0] > 0 ||
      state.in_flight[1] > 0) {
    return;
  }
  if (state.wake_timer != 0) timers_->Cancel(state.wake_timer);
  identities_.erase(it);
}

void IdentityThrottle::Pause(const std::string& identity, absl::Time until, absl::Time now,
                             Actions* actions) {
  const absl::Time before = store_->PausedUntil(identity, now);
  if (before <= now) ++pauses_total_;
  store_->PauseUntil(identity, until);
  const absl::Time end = std::max(before, until);
  pauses_[identity] = end;
  absl::erase_if(pauses_, [now](const auto& pause) { return pause.second <= now; });
  // Waiting requests that cannot outlast the pause fail now rather than at their deadline.
  Identity& state = identities_[identity];
  for (std::list<CallPtr>& queue : state.queued) {
    for (auto it = queue.begin(); it != queue.end();) {
      const CallPtr call = *it++;  // Dequeue erases the current position
      if (call->deadline > end + options_.min_time_left) continue;
      ++rejected_total_;
      actions->complete.emplace_back(Dequeue(*call, state), PausedError(end - now));
    }
  }
}

void IdentityThrottle::Finish(const CallPtr& call, absl::StatusOr<HttpResponse> result) {
  const absl::Time now = timers_->Now();
  Actions actions;
  Callback done;
  {
    absl::MutexLock lock(&mu_);
    // The call, and with it its identity, lives as long as the callback that runs this.
    const std::string& identity = call->identity;
    const int p = Index(call->priority);
    done = std::move(call->done);
    call->phase = Phase::kDone;
    Identity& state = identities_[identity];
    --state.in_flight[p];
    if (result.ok() && result->status == 429) {
      std::optional<absl::Duration> asked =
          ParseRetryAfter(FindHeader(result->headers, "Retry-After"), now);
      const absl::Duration pause =
          std::min(asked.value_or(options_.default_pause), options_.max_pause);
      if (pause > absl::ZeroDuration()) Pause(identity, now + pause, now, &actions);
    }
    Pump(identity, state, now, &actions);
    ForgetIfIdle(identity);
  }
  Run(std::move(actions));
  std::move(done)(std::move(result));
}

void IdentityThrottle::Release(const CallPtr& call, Actions* actions) {
  // From here on a cancel is the inner client's to apply (Withdraw and Expire find the call
  // sent). The registration is not reset here: that could wait for a Withdraw waiting for this
  // lock.
  call->phase = Phase::kSent;
  actions->send.push_back(call);
}

void IdentityThrottle::Transmit(const CallPtr& call) {
  // A sent call's request and context are read by nothing else, so they move out without the
  // lock; Finish may then run on the inner client's thread before Send returns here, and takes the
  // lock for the bookkeeping (the call counted in flight before it was released).
  inner_->Send(
      std::move(call->request), std::move(call->context),
      [this, call](absl::StatusOr<HttpResponse> result) { Finish(call, std::move(result)); });
}

void IdentityThrottle::Run(Actions actions) {
  for (const CallPtr& call : actions.send) Transmit(call);
  for (auto& [done, status] : actions.complete) std::move(done)(status);
}

}  // namespace pulumi_gateway
