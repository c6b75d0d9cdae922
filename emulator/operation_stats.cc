#include "emulator/operation_stats.h"

namespace emulator {

void OperationStats::Record(const std::string& operation_id, absl::string_view served_by,
                            const absl::Status& validation) {
  absl::MutexLock lock(&mu_);
  Counts& c = counts_[operation_id];
  ++c.requests;
  c.served_by = std::string(served_by);
  if (validation.ok()) {
    ++c.accepted;
  } else {
    ++c.rejected;
    c.last_rejection = std::string(validation.message());
  }
}

OperationStats::Counts OperationStats::Get(absl::string_view operation_id) const {
  absl::MutexLock lock(&mu_);
  auto it = counts_.find(operation_id);
  return it == counts_.end() ? Counts{} : it->second;
}

std::map<std::string, OperationStats::Counts> OperationStats::Snapshot() const {
  absl::MutexLock lock(&mu_);
  return std::map<std::string, Counts>(counts_.begin(), counts_.end());
}

void OperationStats::Reset() {
  absl::MutexLock lock(&mu_);
  counts_.clear();
}

Json OperationCountsToJson(absl::string_view operation_id, const OperationStats::Counts& c) {
  Json out = {{"operationId", std::string(operation_id)},
              {"requests", c.requests},
              {"accepted", c.accepted},
              {"rejected", c.rejected},
              {"servedBy", c.served_by}};
  if (!c.last_rejection.empty()) out["lastRejection"] = c.last_rejection;
  return out;
}

}  // namespace emulator
