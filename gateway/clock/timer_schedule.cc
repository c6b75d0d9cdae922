#include "gateway/clock/timer_schedule.h"

namespace pulumi_gateway {

uint64_t TimerSchedule::Add(absl::Time when, Callback callback) {
  const uint64_t id = next_id_++;
  due_.emplace(when, id);
  callbacks_.emplace(id, std::make_pair(when, std::move(callback)));
  return id;
}

bool TimerSchedule::Remove(uint64_t id) {
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

bool TimerSchedule::PopDue(absl::Time now, absl::Time* when, Callback* callback) {
  if (due_.empty() || due_.begin()->first > now) return false;
  auto it = callbacks_.find(due_.begin()->second);
  due_.erase(due_.begin());
  *when = it->second.first;
  *callback = std::move(it->second.second);
  callbacks_.erase(it);
  return true;
}

absl::flat_hash_map<uint64_t, std::pair<absl::Time, TimerSchedule::Callback>>
TimerSchedule::TakeAll() {
  due_.clear();
  absl::flat_hash_map<uint64_t, std::pair<absl::Time, Callback>> taken;
  taken.swap(callbacks_);
  return taken;
}

std::optional<absl::Time> TimerSchedule::next_due() const {
  if (due_.empty()) return std::nullopt;
  return due_.begin()->first;
}

}  // namespace pulumi_gateway
