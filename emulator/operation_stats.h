// Per-operation counters of the API description's request validation, so end-to-end tests can
// assert "the emulator accepted the request" and "this operation was never called".
//
// Every /api request that matches an operation of the description is validated against it
// (request_validator.h) and counted here under the operation id, whoever serves it: `accepted`
// when it conforms, `rejected` (with the message) when it does not. A conformance-mode route or a
// route that enforces validation answered the rejected request with that 400; an older stateful
// route (Validation::kObserve) served it anyway.
//
//   OperationStats stats;
//   stats.Record("GetStackConfig", "stateful", absl::OkStatus());
//   stats.Get("GetStackConfig").accepted;  // 1
//   OperationStatsToJson(stats.Snapshot());
#ifndef EMULATOR_OPERATION_STATS_H_
#define EMULATOR_OPERATION_STATS_H_

#include <cstdint>
#include <map>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "emulator/model.h"

namespace emulator {

class OperationStats final {
 public:
  struct Counts {
    int64_t requests = 0;
    int64_t accepted = 0;
    int64_t rejected = 0;
    std::string last_rejection;  // the 400 message of the last rejected request
    std::string served_by;       // "stateful" or "conformance", for the last request
  };

  // One request for `operation_id`; `validation` is ValidateRequest()'s result.
  void Record(const std::string& operation_id, absl::string_view served_by,
              const absl::Status& validation);
  // Zero counts for an operation never seen since the last Reset().
  Counts Get(absl::string_view operation_id) const;
  // Operations seen since the last Reset(), by id.
  std::map<std::string, Counts> Snapshot() const;
  void Reset();

 private:
  mutable absl::Mutex mu_;
  std::map<std::string, Counts, std::less<>> counts_ ABSL_GUARDED_BY(mu_);
};

// {"operationId", "requests", "accepted", "rejected", "servedBy"[, "lastRejection"]}.
Json OperationCountsToJson(absl::string_view operation_id, const OperationStats::Counts& counts);

}  // namespace emulator

#endif  // EMULATOR_OPERATION_STATS_H_
