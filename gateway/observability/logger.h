// Structured logs: one JSON object per line on stderr, with a level threshold.
//
//   Logger log(LogLevel::kInfo);
//   log.Log(LogLevel::kInfo, "access", {{"request_id", id}, {"method", "GetStack"}});
//   // {"ts":"2026-11-28T10:00:00.123Z","level":"info","msg":"access","request_id":"...",...}
//
// Values pass through RedactSecrets: a Pulumi token never reaches a log line.
#ifndef GATEWAY_OBSERVABILITY_LOGGER_H_
#define GATEWAY_OBSERVABILITY_LOGGER_H_

#include <cstdio>
#include <initializer_list>
#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "nlohmann/json.hpp"

namespace pulumi_gateway {

enum class LogLevel { kDebug = 0, kInfo = 1, kWarning = 2, kError = 3 };

// Parses debug|info|warning|error; INVALID_ARGUMENT otherwise.
absl::StatusOr<LogLevel> ParseLogLevel(absl::string_view text);
// "debug", "info", "warning" or "error" (what ParseLogLevel reads).
absl::string_view LogLevelName(LogLevel level);

class Logger final {
 public:
  // Writes lines at `threshold` or above to `out` (default stderr; not owned).
  explicit Logger(LogLevel threshold, FILE* out = stderr) : threshold_(threshold), out_(out) {}

  bool Enabled(LogLevel level) const { return level >= threshold_; }

  // Writes one line. String values are redacted; other JSON values are written as they are.
  void Log(LogLevel level, absl::string_view message,
           nlohmann::json fields = nlohmann::json::object());

 private:
  const LogLevel threshold_;
  FILE* const out_;
  absl::Mutex mu_;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_OBSERVABILITY_LOGGER_H_
