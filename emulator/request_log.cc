#include "emulator/request_log.h"

#include "absl/strings/str_format.h"
#include "emulator/glob.h"

namespace emulator {

std::string TokenFingerprint(absl::string_view token) {
  if (token.empty()) return "";
  uint64_t h = 14695981039346656037ULL;  // FNV-1a 64
  for (unsigned char c : token) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return absl::StrFormat("fnv1a64:%016x", h);
}

Json RequestRecordToJson(const RequestRecord& r) {
  return {{"seq", r.seq},
          {"method", r.method},
          {"path", r.path},
          {"query", r.query},
          {"tokenHash", r.token_hash},
          {"route", r.route},
          {"operationId", r.operation_id},
          {"fault", r.fault},
          {"status", r.status},
          {"timeMs", r.time_ms}};
}

void RequestLog::Record(RequestRecord record) {
  absl::MutexLock lock(&mu_);
  record.seq = next_seq_++;
  records_.push_back(std::move(record));
  // Counts rely on the retained window; keep it generous and drop only beyond capacity.
  while (records_.size() > capacity_) records_.pop_front();
}

std::vector<RequestRecord> RequestLog::Snapshot() const {
  absl::MutexLock lock(&mu_);
  return std::vector<RequestRecord>(records_.begin(), records_.end());
}

int64_t RequestLog::CountLocked(absl::string_view method, absl::string_view path_glob) const {
  int64_t n = 0;
  for (const RequestRecord& r : records_) {
    if (!method.empty() && r.method != method) continue;
    if (!path_glob.empty() && !GlobMatch(path_glob, r.path)) continue;
    ++n;
  }
  return n;
}

int64_t RequestLog::Count(absl::string_view method, absl::string_view path_glob) const {
  absl::ReaderMutexLock lock(&mu_);
  return CountLocked(method, path_glob);
}

int64_t RequestLog::WaitForCount(absl::string_view method, absl::string_view path_glob, int64_t n,
                                 absl::Duration timeout) const {
  absl::MutexLock lock(&mu_);
  auto reached = [&]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
    return CountLocked(method, path_glob) >= n;
  };
  mu_.AwaitWithTimeout(absl::Condition(&reached), timeout);
  return CountLocked(method, path_glob);
}

void RequestLog::Clear() {
  absl::MutexLock lock(&mu_);
  records_.clear();
}

}  // namespace emulator
