#include "gateway/call/cancellation.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/container/inlined_vector.h"
#include "absl/synchronization/mutex.h"

namespace pulumi_gateway {
namespace cancellation_internal {

struct State {
  absl::Mutex mu;
  std::atomic<bool> cancelled{false};
  uint64_t next_id ABSL_GUARDED_BY(mu) = 1;
  // Registered callbacks by id; ids grow, so the list is in registration order. A call has a few
  // at a time (one per layer it waits in): inline, no allocation per registration.
  absl::InlinedVector<std::pair<uint64_t, CancellationToken::Callback>, 2> callbacks
      ABSL_GUARDED_BY(mu);
  // The callback Cancel is running right now (0: none), and the thread running it.
  uint64_t running ABSL_GUARDED_BY(mu) = 0;
  std::thread::id running_thread ABSL_GUARDED_BY(mu);
};

}  // namespace cancellation_internal

using cancellation_internal::State;

CancelRegistration::CancelRegistration(CancelRegistration&& other) noexcept
    : state_(std::move(other.state_)), id_(other.id_) {
  other.id_ = 0;
}

CancelRegistration& CancelRegistration::operator=(CancelRegistration&& other) noexcept {
  if (this != &other) {
    Reset();
    state_ = std::move(other.state_);
    id_ = other.id_;
    other.id_ = 0;
  }
  return *this;
}

void CancelRegistration::Reset() {
  if (state_ == nullptr) return;
  std::shared_ptr<State> state = std::move(state_);
  const uint64_t id = id_;
  id_ = 0;
  CancellationToken::Callback unused;
  {
    absl::MutexLock lock(&state->mu);
    auto it = std::find_if(state->callbacks.begin(), state->callbacks.end(),
                           [id](const auto& entry) { return entry.first == id; });
    if (it != state->callbacks.end()) {
      unused = std::move(it->second);  // destroyed outside the lock
      state->callbacks.erase(it);
    } else if (state->running == id && state->running_thread != std::this_thread::get_id()) {
      auto finished = [&state, id]()
                          ABSL_EXCLUSIVE_LOCKS_REQUIRED(state->mu) { return state->running != id; };
      state->mu.Await(absl::Condition(&finished));
    }
  }
}

bool CancellationToken::cancelled() const {
  return state_ != nullptr && state_->cancelled.load(std::memory_order_acquire);
}

CancelRegistration CancellationToken::OnCancel(Callback callback) const {
  if (state_ == nullptr) return CancelRegistration();
  {
    absl::MutexLock lock(&state_->mu);
    if (!state_->cancelled.load(std::memory_order_relaxed)) {
      const uint64_t id = state_->next_id++;
      state_->callbacks.emplace_back(id, std::move(callback));
      return CancelRegistration(state_, id);
    }
  }
  std::move(callback)();
  return CancelRegistration();
}

CancellationSource::CancellationSource() : state_(std::make_shared<State>()) {}

bool CancellationSource::cancelled() const {
  return state_->cancelled.load(std::memory_order_acquire);
}

void CancellationSource::Cancel() {
  State& state = *state_;
  absl::MutexLock lock(&state.mu);
  if (state.cancelled.load(std::memory_order_relaxed)) return;
  state.cancelled.store(true, std::memory_order_release);
  // One at a time, without the lock: a callback may register (it then runs at once), reset
  // other registrations, or cancel other sources.
  while (!state.callbacks.empty()) {
    auto first = state.callbacks.begin();
    const uint64_t id = first->first;
    CancellationToken::Callback callback = std::move(first->second);
    state.callbacks.erase(first);
    state.running = id;
    state.running_thread = std::this_thread::get_id();
    state.mu.Unlock();
    std::move(callback)();
    callback = nullptr;
    state.mu.Lock();
    state.running = 0;
  }
}

}  // namespace pulumi_gateway
