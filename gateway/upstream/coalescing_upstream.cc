#include "gateway/upstream/coalescing_upstream.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace pulumi_gateway {
namespace {

// A shared request failing with DEADLINE_EXCEEDED this close to its deadline ran out of the first
// caller's time (libcurl's timeout is whole milliseconds, and may fire a little early); earlier,
// the failure is the upstream's and every caller gets it.
constexpr absl::Duration kDeadlineSlack = absl::Milliseconds(50);

absl::Status OwnDeadlinePassed() {
  return absl::DeadlineExceededError(
      "upstream did not answer in time: the call's deadline passed while it waited for a shared "
      "read");
}

}  // namespace

// One shared upstream request and the readers waiting on it.
struct CoalescingUpstream::Flight {
  std::string key;
  OrgScope scope;
  absl::Time deadline;
  // Waiting readers, in the order they came.
  std::vector<uint64_t> callers;
  // Attempts of the shared request; added to each caller's own counter when it leaves.
  std::shared_ptr<std::atomic<int>> attempts = std::make_shared<std::atomic<int>>(0);
  // Guarded by the decorator's mu_.
  std::optional<uint64_t> inner_id;
  bool open = false;       // in open_: takes joiners
  bool abandoned = false;  // no caller left: cancel the inner request once its id is known
  bool finished = false;   // the inner callback ran
};

CoalescingUpstream::CoalescingUpstream(UpstreamClient* inner, TimerQueue* timers)
    : inner_(inner), timers_(timers) {}

CoalescingUpstream::~CoalescingUpstream() = default;

uint64_t CoalescingUpstream::Send(HttpRequest request, Callback done) {
  if (request.method != "GET") return SendWrite(std::move(request), std::move(done));
  std::string key = absl::StrCat(FindHeader(request.headers, "Authorization"), "\n", request.path);
  std::shared_ptr<Flight> launch;
  HttpRequest shared;
  uint64_t id;
  {
    absl::MutexLock lock(&mu_);
    id = next_id_++;
    Caller caller;
    caller.done = std::move(done);
    auto open = open_.find(key);
    if (open != open_.end()) {
      caller.flight = open->second;
      caller.request = std::move(request);
      caller.flight->callers.push_back(id);
      WatchDeadlineLocked(id, caller, *caller.flight);
      callers_.emplace(id, std::move(caller));
      coalesced_.fetch_add(1, std::memory_order_relaxed);
      return id;
    }
    launch = std::make_shared<Flight>();
    launch->key = key;
    launch->scope = ReadScope(request.path);
    launch->deadline = request.deadline;
    launch->callers.push_back(id);
    launch->open = true;
    open_.emplace(std::move(key), launch);
    shared = request;
    shared.attempts = launch->attempts;
    caller.flight = launch;
    caller.request = std::move(request);
    callers_.emplace(id, std::move(caller));
  }
  Launch(std::move(launch), std::move(shared));
  return id;
}

void CoalescingUpstream::Launch(std::shared_ptr<Flight> flight, HttpRequest request) {
  const uint64_t inner_id =
      inner_->Send(std::move(request), [this, flight](absl::StatusOr<HttpResponse> result) {
        OnFlightDone(flight, std::move(result));
      });
  bool cancel;
  {
    absl::MutexLock lock(&mu_);
    if (flight->finished) return;
    flight->inner_id = inner_id;
    cancel = flight->abandoned;
  }
  if (cancel) inner_->Cancel(inner_id);
}

void CoalescingUpstream::WatchDeadlineLocked(uint64_t id, Caller& caller, const Flight& flight) {
  if (caller.deadline_timer.has_value() || caller.request.deadline >= flight.deadline) return;
  caller.deadline_timer =
      timers_->Schedule(caller.request.deadline, [this, id] { Leave(id, OwnDeadlinePassed()); });
}

void CoalescingUpstream::OnFlightDone(const std::shared_ptr<Flight>& flight,
                                      absl::StatusOr<HttpResponse> result) {
  std::vector<Callback> finished;
  std::shared_ptr<Flight> again;
  HttpRequest again_request;
  {
    absl::MutexLock lock(&mu_);
    flight->finished = true;
    if (flight->open) {
      open_.erase(flight->key);
      flight->open = false;
    }
    const absl::Time now = timers_->Now();
    const bool out_of_time = !result.ok() &&
                             result.status().code() == absl::StatusCode::kDeadlineExceeded &&
                             now + kDeadlineSlack >= flight->deadline;
    std::vector<uint64_t> remaining;
    for (uint64_t id : flight->callers) {
      auto it = callers_.find(id);
      Caller& caller = it->second;
      if (caller.request.attempts != nullptr) *caller.request.attempts += flight->attempts->load();
      if (out_of_time && caller.request.deadline > now) {
        remaining.push_back(id);
        continue;
      }
      if (caller.deadline_timer.has_value()) timers_->Cancel(*caller.deadline_timer);
      finished.push_back(std::move(caller.done));
      callers_.erase(it);
    }
    if (!remaining.empty()) {
      // The first caller's time ran out, not the others': one new shared request for them, with
      // the latest of their deadlines (the earlier ones end on their own timers).
      again = std::make_shared<Flight>();
      again->key = flight->key;
      again->scope = flight->scope;
      again->callers = std::move(remaining);
      again->deadline = absl::InfinitePast();
      for (uint64_t id : again->callers) {
        again->deadline = std::max(again->deadline, callers_.at(id).request.deadline);
      }
      for (uint64_t id : again->callers) {
        Caller& caller = callers_.at(id);
        caller.flight = again;
        WatchDeadlineLocked(id, caller, *again);
      }
      if (open_.emplace(again->key, again).second) again->open = true;
      again_request = callers_.at(again->callers.front()).request;
      again_request.deadline = again->deadline;
      again_request.attempts = again->attempts;
    }
  }
  if (again != nullptr) Launch(std::move(again), std::move(again_request));
  for (size_t i = 0; i < finished.size(); ++i) {
    if (i + 1 == finished.size()) {
      std::move(finished[i])(std::move(result));
    } else {
      std::move(finished[i])(result);
    }
  }
}

void CoalescingUpstream::Leave(uint64_t id, absl::Status status) {
  Callback done;
  std::optional<uint64_t> cancel_inner;
  {
    absl::MutexLock lock(&mu_);
    auto it = callers_.find(id);
    if (it == callers_.end() || it->second.flight == nullptr) return;
    Caller& caller = it->second;
    Flight& flight = *caller.flight;
    flight.callers.erase(std::find(flight.callers.begin(), flight.callers.end(), id));
    if (caller.request.attempts != nullptr) *caller.request.attempts += flight.attempts->load();
    if (caller.deadline_timer.has_value()) timers_->Cancel(*caller.deadline_timer);
    if (flight.callers.empty() && !flight.finished) {
      // Nobody is left to read the answer.
      if (flight.open) {
        open_.erase(flight.key);
        flight.open = false;
      }
      flight.abandoned = true;
      cancel_inner = flight.inner_id;
    }
    done = std::move(caller.done);
    callers_.erase(it);
  }
  if (cancel_inner.has_value()) inner_->Cancel(*cancel_inner);
  std::move(done)(std::move(status));
}

uint64_t CoalescingUpstream::SendWrite(HttpRequest request, Callback done) {
  const OrgScope scope = WriteScope(request.path);
  uint64_t id;
  {
    absl::MutexLock lock(&mu_);
    id = next_id_++;
    Caller caller;
    caller.done = std::move(done);
    callers_.emplace(id, std::move(caller));
    CloseFlightsLocked(scope);
  }
  const uint64_t inner_id =
      inner_->Send(std::move(request), [this, id, scope](absl::StatusOr<HttpResponse> result) {
        OnWriteDone(id, scope, std::move(result));
      });
  bool cancel = false;
  {
    absl::MutexLock lock(&mu_);
    auto it = callers_.find(id);
    if (it != callers_.end()) {
      it->second.inner_id = inner_id;
      cancel = it->second.cancelled;
    }
  }
  if (cancel) inner_->Cancel(inner_id);
  return id;
}

void CoalescingUpstream::OnWriteDone(uint64_t id, const OrgScope& scope,
                                     absl::StatusOr<HttpResponse> result) {
  Callback done;
  {
    absl::MutexLock lock(&mu_);
    CloseFlightsLocked(scope);
    auto it = callers_.find(id);
    done = std::move(it->second.done);
    callers_.erase(it);
  }
  std::move(done)(std::move(result));
}

void CoalescingUpstream::CloseFlightsLocked(const OrgScope& write) {
  for (auto it = open_.begin(); it != open_.end();) {
    if (Affects(write, it->second->scope)) {
      it->second->open = false;
      open_.erase(it++);
    } else {
      ++it;
    }
  }
}

void CoalescingUpstream::Cancel(uint64_t id) {
  std::optional<uint64_t> inner_id;
  {
    absl::MutexLock lock(&mu_);
    auto it = callers_.find(id);
    if (it == callers_.end()) return;
    Caller& caller = it->second;
    if (caller.flight == nullptr) {
      // A write: the inner call completes it with CANCELLED (Send cancels it if the id is not
      // known yet).
      caller.cancelled = true;
      inner_id = caller.inner_id;
    }
  }
  if (inner_id.has_value()) {
    inner_->Cancel(*inner_id);
    return;
  }
  // A reader (or a write whose Send has not returned yet: Leave ignores it).
  Leave(id, absl::CancelledError("call cancelled"));
}

}  // namespace pulumi_gateway
