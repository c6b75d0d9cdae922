// Log of the API requests the emulator received, so tests can assert how many upstream calls
// arrived (e.g. that a gateway cache or retry policy did what it should).
//
// Tokens are never stored: only TokenFingerprint(), a stable non-reversible hash. Bounded: the
// oldest records are dropped beyond `capacity` (counts keep including them).
//
//   RequestLog log;
//   log.Record({.method = "GET", .path = "/api/user/stacks", ...});
//   log.Count("GET", "/api/user/stacks");                 // 1
//   log.WaitForCount("GET", "/api/*", 3, absl::Seconds(5));  // polls without sleeping
#ifndef EMULATOR_REQUEST_LOG_H_
#define EMULATOR_REQUEST_LOG_H_

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "emulator/model.h"

namespace emulator {

struct RequestRecord {
  int64_t seq = 0;  // assigned by Record(), from 1
  std::string method;
  std::string path;          // as received, without the query string
  std::string query;         // raw query string (no leading '?')
  std::string token_hash;    // TokenFingerprint() of the presented token; "" if none
  std::string route;         // matched route pattern; "" if none
  std::string operation_id;  // the API description's operation for this path; "" if none
  std::string fault;         // FaultKindName() of the injected fault; "" if none
  int status = 0;            // 0 for a reset connection
  int64_t time_ms = 0;       // unix milliseconds when the request arrived
};

// "fnv1a64:<16 hex digits>" of `token`; "" for an empty token.
std::string TokenFingerprint(absl::string_view token);

Json RequestRecordToJson(const RequestRecord& record);

class RequestLog final {
 public:
  explicit RequestLog(size_t capacity = 10000) : capacity_(capacity) {}

  void Record(RequestRecord record);
  // Oldest first.
  std::vector<RequestRecord> Snapshot() const;
  // Requests ever recorded (since the last Clear()) with `method` ("" = any) and a path matching
  // `path_glob` ("" = any; glob.h syntax).
  int64_t Count(absl::string_view method, absl::string_view path_glob) const;
  // Waits until Count(method, path_glob) >= n or `timeout` passes; returns the last count.
  int64_t WaitForCount(absl::string_view method, absl::string_view path_glob, int64_t n,
                       absl::Duration timeout) const;
  void Clear();

 private:
  int64_t CountLocked(absl::string_view method, absl::string_view path_glob) const
      ABSL_SHARED_LOCKS_REQUIRED(mu_);

  const size_t capacity_;
  mutable absl::Mutex mu_;
  std::deque<RequestRecord> records_ ABSL_GUARDED_BY(mu_);
  int64_t next_seq_ ABSL_GUARDED_BY(mu_) = 1;
};

}  // namespace emulator

#endif  // EMULATOR_REQUEST_LOG_H_
