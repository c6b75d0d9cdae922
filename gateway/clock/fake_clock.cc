#include "gateway/clock/fake_clock.h"

#include <algorithm>
#include <utility>

namespace pulumi_gateway {

const absl::Time FakeClock::kStart = absl::FromUnixSeconds(1700000000);

absl::Time FakeClock::Now() const {
  absl::MutexLock lock(&mu_);
  return now_;
}

uint64_t FakeClock::Schedule(absl::Time when, Callback callback) {
  absl::MutexLock lock(&mu_);
  return schedule_.Add(when, std::move(callback));
}

bool FakeClock::Cancel(uint64_t id) {
  absl::MutexLock lock(&mu_);
  return schedule_.Remove(id);
}

void FakeClock::WaitForRunning() {
  absl::MutexLock lock(&mu_);
  const std::thread::id self = std::this_thread::get_id();
  auto idle = [this, self]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return !running_.has_value() || *running_ == self;
  };
  mu_.Await(absl::Condition(&idle));
}

int FakeClock::Advance(absl::Duration by) {
  absl::Time target;
  {
    absl::MutexLock lock(&mu_);
    target = now_ + std::max(by, absl::ZeroDuration());
  }
  return AdvanceTo(target);
}

int FakeClock::AdvanceTo(absl::Time when) {
  int ran = 0;
  absl::MutexLock lock(&mu_);
  const absl::Time target = std::max(when, now_);
  absl::Time due;
  Callback callback;
  while (schedule_.PopDue(target, &due, &callback)) {
    // Each callback sees the time it was due at (never earlier than a time already reached).
    now_ = std::max(now_, due);
    running_ = std::this_thread::get_id();
    mu_.Unlock();
    std::move(callback)();
    callback = nullptr;  // what it captured goes before the next one runs
    mu_.Lock();
    running_.reset();
    ++ran;
  }
  now_ = target;
  return ran;
}

int FakeClock::pending() const {
  absl::MutexLock lock(&mu_);
  return static_cast<int>(schedule_.size());
}

std::optional<absl::Time> FakeClock::next_due() const {
  absl::MutexLock lock(&mu_);
  return schedule_.next_due();
}

}  // namespace pulumi_gateway
