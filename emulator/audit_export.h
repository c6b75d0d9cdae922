// Renders audit log events (the `auditLogEvents` JSON of Store::ListAuditLogs) as the export
// formats of `/auditlogs[/v2]/export`, and gzips them (the service always gzips exports).
//
//   std::string csv = AuditCsv(events);   // header + one line per event
//   absl::StatusOr<std::string> gz = Gzip(csv);
#ifndef EMULATOR_AUDIT_EXPORT_H_
#define EMULATOR_AUDIT_EXPORT_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "emulator/model.h"

namespace emulator {

inline constexpr absl::string_view kAuditCsvHeader =
    "Timestamp,Name,Login,Event,Description,SourceIP,RequireOrgAdmin,RequireStackAdmin,"
    "AuthenticationFailure";

// CSV with kAuditCsvHeader, RFC3339 UTC timestamps, RFC 4180 quoting, "\n" line ends.
std::string AuditCsv(const Json& events);

// One ArcSight CEF line per event: CEF:0|Pulumi|Pulumi Cloud|1.0|<event>|<description>|<sev>|...
std::string AuditCef(const Json& events);

// gzip (RFC 1952) of `data`. Internal if zlib fails.
absl::StatusOr<std::string> Gzip(absl::string_view data);

}  // namespace emulator

#endif  // EMULATOR_AUDIT_EXPORT_H_
