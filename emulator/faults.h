// Faults injected on demand into API responses, per route or global, switchable at run time
// (admin API `POST /_emulator/faults`, or from C++ in-process tests).
//
// A rule selects requests by method and path (`route`: empty = every path; starting with '^' =
// ECMAScript regex searched in the path; otherwise a glob, see glob.h) and applies to the next
// `count` matching requests (0 = until removed). Per request, every matching `latency` rule adds
// its delay, then the first matching rule of another kind applies. Paths are matched as received
// (percent-encoded, without the query string). Admin routes are never faulted.
//
//   FaultInjector faults;
//   FaultSpec spec;
//   spec.route = "/api/user/stacks";
//   spec.kind = FaultKind::kStatus;
//   spec.status = 503;
//   spec.count = 1;
//   std::string id = faults.Add(spec).value();
#ifndef EMULATOR_FAULTS_H_
#define EMULATOR_FAULTS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "emulator/http_reply.h"
#include "emulator/model.h"

namespace emulator {

enum class FaultKind {
  kStatus,            // answer `status` with an error body; the handler does not run
  kRetryAfter,        // answer 429 with `Retry-After: retry_after` (header omitted if empty)
  kLatency,           // wait `latency_ms`, then serve normally
  kReset,             // close the connection without any response
  kMalformed,         // serve, then replace the body with invalid JSON
  kTruncated,         // serve, then cut the JSON body in half (Content-Length matches the cut)
  kSlow,              // serve, trickling `chunk_bytes` every `latency_ms`
  kWrongContentType,  // serve with Content-Type `content_type`
  kHugeBody,          // serve, padding the JSON object with a `body_bytes` string field
};

// "status", "retry_after", "latency", "reset", "malformed", "truncated", "slow",
// "wrong_content_type", "huge". InvalidArgument for anything else.
absl::StatusOr<FaultKind> ParseFaultKind(absl::string_view name);
std::string FaultKindName(FaultKind kind);

struct FaultSpec {
  std::string route;   // "" = all paths; "^..." regex; else glob
  std::string method;  // "" = any method
  FaultKind kind = FaultKind::kStatus;
  int status = 503;              // kStatus
  int latency_ms = 0;            // kLatency delay; kSlow pause between chunks (0 -> 50)
  int count = 0;                 // next N matching requests; 0 = until removed
  std::string retry_after;       // kRetryAfter header value
  int chunk_bytes = 16;          // kSlow
  int64_t body_bytes = 8 << 20;  // kHugeBody padding (8 MiB)
  std::string content_type = "text/html; charset=utf-8";  // kWrongContentType
};

// Parses the admin API body {"route","method","kind","status","latency_ms","count",
// "retry_after","chunk_bytes","body_bytes","content_type"}; only `kind` is required.
absl::StatusOr<FaultSpec> FaultSpecFromJson(const Json& body);

struct ActiveFault {
  std::string id;
  FaultSpec spec;
  int remaining = 0;  // 0 with spec.count == 0: unlimited
  int64_t hits = 0;
};
Json ActiveFaultToJson(const ActiveFault& fault);

class FaultInjector final {
 public:
  struct Decision {
    absl::Duration delay = absl::ZeroDuration();  // sum of matching latency rules
    std::optional<FaultSpec> fault;               // first matching non-latency rule
  };

  // Adds a rule; returns its id ("f1", "f2", ...). InvalidArgument for a bad regex or status.
  absl::StatusOr<std::string> Add(FaultSpec spec);
  // False if no rule has this id.
  bool Remove(absl::string_view id);
  void Clear();
  std::vector<ActiveFault> List() const;

  // Picks the faults for one request and consumes their counts.
  Decision Match(absl::string_view method, absl::string_view path);

 private:
  struct Rule {
    ActiveFault active;
    std::shared_ptr<const std::regex> regex;  // set for "^" routes
  };
  bool Matches(const Rule& rule, absl::string_view method, absl::string_view path) const;

  mutable absl::Mutex mu_;
  std::vector<Rule> rules_ ABSL_GUARDED_BY(mu_);
  int64_t next_id_ ABSL_GUARDED_BY(mu_) = 1;
};

// The reply of a kStatus or kRetryAfter fault.
Reply FaultReply(const FaultSpec& fault);

// Mangles a served reply for kMalformed, kTruncated, kWrongContentType and kHugeBody (other
// kinds: unchanged). A 204 becomes 200 so that there is a body to mangle.
void ApplyBodyFault(const FaultSpec& fault, Reply& reply);

}  // namespace emulator

#endif  // EMULATOR_FAULTS_H_
