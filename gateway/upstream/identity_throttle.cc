#include "gateway/upstream/identity_throttle.h"

#include <algorithm>
#include <iterator>
#include <utility>
#include <vector>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
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
    for (auto& [id, call] : calls_) {
      if (call.expiry_timer != 0) timers.push_back(call.expiry_timer);
    }
    for (auto& [identity, state] : identities_) {
      if (state.wake_timer != 0) timers.push_back(state.wake_timer);
    }
  }
  for (uint64_t timer : timers) timers_->Cancel(timer);
  // A timer callback that had already started (a Wake sending the requests it released) may
  // still be using this object.
  timers_->WaitForRunning();
}

IdentityThrottleStats IdentityThrottle::stats() const {
  const absl::Time now = absl::Now();
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

uint64_t IdentityThrottle::Send(HttpRequest request, Callback done) {
  const absl::Time now = absl::Now();
  std::string identity = store_->IdentityOf(FindHeader(request.headers, "Authorization"));
  const int p = Index(request.priority);
  const double rate = options_.requests_per_second;
  absl::MutexLock lock(&mu_);
  const uint64_t id = next_id_++;
  Identity& state = identities_[identity];
  const absl::Time paused = store_->PausedUntil(identity, now);
  if (paused > now) pauses_[identity] = paused;
  // Requests of this identity that go before this one.
  const size_t ahead = state.queued[0].size() + (p == 1 ? state.queued[1].size() : 0);
  absl::Duration wait = std::max(absl::ZeroDuration(), paused - now);
  bool go_now = false;
  if (wait == absl::ZeroDuration() && ahead == 0) {
    if (rate > 0) wait = store_->Take(Buckets(identity, request.priority, state), now);
    go_now = wait == absl::ZeroDuration();
  } else if (rate > 0) {
    // Each request ahead needs a token of its own: a lower bound on this one's wait.
    wait = std::max(wait, absl::Seconds(std::max(0.0, ahead + 1 - options_.burst) / rate));
  }

  absl::Status refused;
  if (!go_now && now + wait + options_.min_time_left >= request.deadline) {
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
    return id;
  }

  Call& call = calls_[id];
  call.identity = identity;
  call.priority = request.priority;
  call.done = std::make_shared<Callback>(std::move(done));
  const absl::Time deadline = request.deadline;
  call.request = std::move(request);
  if (go_now) {
    ++state.in_flight[p];
    SendLocked(id, call);
  } else {
    state.queued[p].push_back(id);
    call.position = std::prev(state.queued[p].end());
    ++queued_[p];
    if (deadline != absl::InfiniteFuture()) {
      call.expiry_timer = timers_->Schedule(deadline, [this, id] { Expire(id); });
    }
    ScheduleWake(identity, state, now + wait);
  }
  return id;
}

void IdentityThrottle::Cancel(uint64_t id) {
  std::optional<uint64_t> inner_id;
  std::shared_ptr<Callback> done;
  {
    absl::MutexLock lock(&mu_);
    auto it = calls_.find(id);
    if (it == calls_.end()) return;
    Call& call = it->second;
    switch (call.phase) {
      case Phase::kQueued: {
        const std::string identity = call.identity;
        done = Dequeue(id, identities_[identity]);
        ForgetIfIdle(identity);
        break;
      }
      case Phase::kSent:
        inner_id = call.inner_id;
        break;
    }
  }
  if (done != nullptr) {
    timers_->Schedule(absl::Now(), [done] {
      std::move (*done)(absl::CancelledError(
          "call cancelled while waiting for its access token's upstream budget"));
    });
  }
  if (inner_id.has_value()) inner_->Cancel(*inner_id);
}

void IdentityThrottle::Pump(const std::string& identity, Identity& state, absl::Time now,
                            Actions* actions) {
  while (true) {
    const int p = !state.queued[0].empty() ? 0 : !state.queued[1].empty() ? 1 : -1;
    if (p < 0) return;
    const uint64_t id = state.queued[p].front();
    Call& call = calls_.at(id);
    if (call.request.deadline <= now) {
      // Its expiry timer is due: finish it here rather than spend a token on it.
      ++rejected_total_;
      actions->complete.emplace_back(Dequeue(id, state), ExpiredError());
      continue;
    }
    const absl::Time paused = store_->PausedUntil(identity, now);
    if (paused > now) {
      pauses_[identity] = paused;
      ScheduleWake(identity, state, paused);
      return;
    }
    if (options_.requests_per_second > 0) {
      const absl::Duration wait = store_->Take(Buckets(identity, call.priority, state), now);
      if (wait > absl::ZeroDuration()) {
        ScheduleWake(identity, state, now + wait);
        return;
      }
    }
    state.queued[p].pop_front();
    --queued_[p];
    if (call.expiry_timer != 0) timers_->Cancel(call.expiry_timer);
    call.expiry_timer = 0;
    ++state.in_flight[p];
    SendLocked(id, call);
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
    Pump(identity, it->second, absl::Now(), &actions);
    ForgetIfIdle(identity);
  }
  Run(std::move(actions));
}

void IdentityThrottle::Expire(uint64_t id) {
  std::shared_ptr<Callback> done;
  {
    absl::MutexLock lock(&mu_);
    auto it = calls_.find(id);
    if (it == calls_.end() || it->second.phase != Phase::kQueued) return;
    it->second.expiry_timer = 0;  // this is it, running
    const std::string identity = it->second.identity;
    done = Dequeue(id, identities_[identity]);
    ++rejected_total_;
    ForgetIfIdle(identity);
  }
  std::move (*done)(ExpiredError());
}

std::shared_ptr<UpstreamClient::Callback> IdentityThrottle::Dequeue(uint64_t id, Identity& state) {
  auto it = calls_.find(id);
  const int p = Index(it->second.priority);
  state.queued[p].erase(it->second.position);
  --queued_[p];
  if (it->second.expiry_timer != 0) timers_->Cancel(it->second.expiry_timer);
  std::shared_ptr<Callback> done = std::move(it->second.done);
  calls_.erase(it);
  return done;
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
  for (std::list<uint64_t>& queue : state.queued) {
    for (auto it = queue.begin(); it != queue.end();) {
      const uint64_t id = *it++;  // Dequeue erases the current position
      if (calls_.at(id).request.deadline > end + options_.min_time_left) continue;
      ++rejected_total_;
      actions->complete.emplace_back(Dequeue(id, state), PausedError(end - now));
    }
  }
}

void IdentityThrottle::Finish(uint64_t id, absl::StatusOr<HttpResponse> result) {
  const absl::Time now = absl::Now();
  Actions actions;
  std::shared_ptr<Callback> done;
  {
    absl::MutexLock lock(&mu_);
    auto it = calls_.find(id);
    if (it == calls_.end()) return;  // cannot happen: only Finish erases a sent call
    const std::string identity = it->second.identity;
    const int p = Index(it->second.priority);
    done = std::move(it->second.done);
    calls_.erase(it);
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
  std::move (*done)(std::move(result));
}

void IdentityThrottle::SendLocked(uint64_t id, Call& call) {
  // Under the lock, as RateLimiter does: inner clients never call back inside Send, so Finish
  // (which takes the lock) cannot run before the inner id is stored, and nothing here touches
  // this object after the call can complete and its owner go away.
  call.phase = Phase::kSent;
  call.inner_id = inner_->Send(
      std::move(call.request),
      [this, id](absl::StatusOr<HttpResponse> result) { Finish(id, std::move(result)); });
}

void IdentityThrottle::Run(Actions actions) {
  for (auto& [done, status] : actions.complete) std::move (*done)(status);
}

}  // namespace pulumi_gateway
