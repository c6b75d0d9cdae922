#include "gateway/clock/timer_thread.h"

#include <thread>
#include <vector>

namespace pulumi_gateway {

TimerThread::TimerThread() : thread_([this] { Run(); }) {}

TimerThread::~TimerThread() { Stop(); }

void TimerThread::Stop() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  if (thread_.joinable()) thread_.join();
  absl::flat_hash_map<uint64_t, std::pair<absl::Time, Callback>> dropped;
  {
    absl::MutexLock lock(&mu_);
    due_.clear();
    dropped.swap(callbacks_);
  }
}

uint64_t TimerThread::Schedule(absl::Time when, Callback callback) {
  absl::MutexLock lock(&mu_);
  const uint64_t id = next_id_++;
  if (stopping_) {
    // Never runs; destroyed outside the lock (it may own objects that take locks of their own).
    mu_.Unlock();
    callback = nullptr;
    mu_.Lock();
    return id;
  }
  due_.emplace(when, id);
  callbacks_.emplace(id, std::make_pair(when, std::move(callback)));
  return id;
}

bool TimerThread::Cancel(uint64_t id) {
  absl::MutexLock lock(&mu_);
  auto it = callbacks_.find(id);
  if (it == callbacks_.end()) return false;
  auto range = due_.equal_range(it->second.first);
  for (auto d = range.first; d != range.second; ++d) {
    if (d->second == id) {
      due_.erase(d);
      break;
    }
  }
  callbacks_.erase(it);
  return true;
}

void TimerThread::WaitForRunning() {
  if (std::this_thread::get_id() == thread_.get_id()) return;
  absl::MutexLock lock(&mu_);
  if (!running_) return;
  const uint64_t batch = batch_;
  auto done = [this, batch]()
                  ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return !running_ || batch_ != batch; };
  mu_.Await(absl::Condition(&done));
}

void TimerThread::Run() {
  mu_.Lock();
  while (!stopping_) {
    std::vector<Callback> ready;
    const absl::Time now = clock().Now();
    while (!due_.empty() && due_.begin()->first <= now) {
      auto it = callbacks_.find(due_.begin()->second);
      due_.erase(due_.begin());
      ready.push_back(std::move(it->second.second));
      callbacks_.erase(it);
    }
    if (!ready.empty()) {
      running_ = true;
      ++batch_;
      mu_.Unlock();
      for (Callback& callback : ready) std::move(callback)();
      mu_.Lock();
      running_ = false;
      continue;
    }
    // Sleep until the earliest timer, or until a new timer comes due before it.
    const absl::Time until = due_.empty() ? absl::InfiniteFuture() : due_.begin()->first;
    auto earlier = [this, until]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
      return stopping_ || (!due_.empty() && due_.begin()->first < until);
    };
    mu_.AwaitWithDeadline(absl::Condition(&earlier), until);
  }
  mu_.Unlock();
}

}  // namespace pulumi_gateway
