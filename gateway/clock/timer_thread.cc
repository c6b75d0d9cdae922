#include "gateway/clock/timer_thread.h"

#include <pthread.h>

#include <thread>
#include <vector>

namespace pulumi_gateway {

TimerThread::~TimerThread() { Stop(); }

void TimerThread::Stop() {
  std::thread thread;
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
    thread.swap(thread_);
  }
  if (thread.joinable()) thread.join();
  // Dropped outside the lock (callbacks may own objects that take locks of their own).
  absl::flat_hash_map<uint64_t, std::pair<absl::Time, Callback>> dropped;
  {
    absl::MutexLock lock(&mu_);
    dropped = schedule_.TakeAll();
  }
}

uint64_t TimerThread::Schedule(absl::Time when, Callback callback) {
  absl::MutexLock lock(&mu_);
  if (stopping_) {
    const uint64_t id = schedule_.SkipId();
    // Never runs; destroyed outside the lock (it may own objects that take locks of their own).
    mu_.Unlock();
    callback = nullptr;
    mu_.Lock();
    return id;
  }
  if (thread_id_ == std::thread::id()) {
    thread_ = std::thread([this] { Run(); });
    thread_id_ = thread_.get_id();
    pthread_setname_np(thread_.native_handle(), "gateway-timers");
  }
  return schedule_.Add(when, std::move(callback));
}

bool TimerThread::Cancel(uint64_t id) {
  absl::MutexLock lock(&mu_);
  return schedule_.Remove(id);
}

void TimerThread::WaitForRunning() {
  absl::MutexLock lock(&mu_);
  if (!running_ || std::this_thread::get_id() == thread_id_) return;
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
    absl::Time due;
    Callback callback;
    while (schedule_.PopDue(now, &due, &callback)) ready.push_back(std::move(callback));
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
    const absl::Time until = schedule_.next_due().value_or(absl::InfiniteFuture());
    auto earlier = [this, until]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
      return stopping_ || schedule_.next_due().value_or(absl::InfiniteFuture()) < until;
    };
    mu_.AwaitWithDeadline(absl::Condition(&earlier), until);
  }
  mu_.Unlock();
}

}  // namespace pulumi_gateway
