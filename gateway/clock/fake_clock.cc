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
  const uint64_t id = next_id_++;
  due_.emplace(when, id);
  callbacks_.emplace(id, std::make_pair(when, std::move(callback)));
  return id;
}

bool FakeClock::Cancel(uint64_t id) {
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
  while (!due_.empty() && due_.begin()->first <= target) {
    // Each callback sees the time it was due at (never earlier than a time already reached).
    now_ = std::max(now_, due_.begin()->first);
    auto it = callbacks_.find(due_.begin()->second);
    due_.erase(due_.begin());
    Callback callback = std::move(it->second.second);
    callbacks_.erase(it);
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
  return static_cast<int>(callbacks_.size());
}

std::optional<absl::Time> FakeClock::next_due() const {
  absl::MutexLock lock(&mu_);
  if (due_.empty()) return std::nullopt;
  return due_.begin()->first;
}

}  // namespace pulumi_gateway
