#include "gateway/observability/logger.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gateway/status/redact.h"

namespace pulumi_gateway {

absl::string_view LogLevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug:
      return "debug";
    case LogLevel::kInfo:
      return "info";
    case LogLevel::kWarning:
      return "warning";
    case LogLevel::kError:
      return "error";
  }
  return "info";
}

absl::StatusOr<LogLevel> ParseLogLevel(absl::string_view text) {
  for (LogLevel level : {LogLevel::kDebug, LogLevel::kInfo, LogLevel::kWarning, LogLevel::kError}) {
    if (text == LogLevelName(level)) return level;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown log level \"", text, "\"; expected debug, info, warning or error"));
}

void Logger::Log(LogLevel level, absl::string_view message, nlohmann::json fields) {
  if (!Enabled(level)) return;
  nlohmann::json line = nlohmann::json::object();
  line["ts"] = absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", absl::Now(), absl::UTCTimeZone());
  line["level"] = std::string(LogLevelName(level));
  line["msg"] = RedactSecrets(message, 2048);
  for (auto& [key, value] : fields.items()) {
    line[key] = value.is_string() ? nlohmann::json(RedactSecrets(value.get<std::string>(), 2048))
                                  : std::move(value);
  }
  const std::string text =
      absl::StrCat(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "\n");
  absl::MutexLock lock(&mu_);
  fwrite(text.data(), 1, text.size(), out_);
  fflush(out_);
}

}  // namespace pulumi_gateway
