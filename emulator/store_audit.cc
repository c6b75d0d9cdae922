// Store: audit log queries (v1 and v2 filters, paging). Events are appended by Store::Audit().
#include <cstdint>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "emulator/paging.h"
#include "emulator/store.h"
#include "emulator/wire.h"

namespace emulator {

absl::StatusOr<Json> Store::ListAuditLogs(const Caller& caller, const std::string& org,
                                          const AuditQuery& query) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Org*> o = AdminOrg(caller, org);
  if (!o.ok()) return o.status();
  if (!(*o)->audit_logs_enabled) {
    return absl::FailedPreconditionError(
        "Bad Request: Audit Logs is available only to organizations with an Enterprise "
        "subscription.");
  }
  if (!query.v2 && !query.unpaged && query.continuation_token.empty() &&
      !query.start_time.has_value()) {
    return absl::InvalidArgumentError(
        "Bad Request: either 'continuationToken' or 'startTime' is required");
  }
  if (!query.user_filter.empty() && !state_.users.count(query.user_filter)) {
    return absl::NotFoundError(
        absl::StrCat("Not Found: User '", query.user_filter, "' not found."));
  }
  // v1: startTime is an upper bound ("entries older than"); v2: a lower bound. Both inclusive.
  std::optional<int64_t> lower;
  std::optional<int64_t> upper = query.end_time;
  if (query.start_time.has_value()) {
    if (query.v2) {
      lower = query.start_time;
    } else if (!upper.has_value() || *query.start_time < *upper) {
      upper = query.start_time;
    }
  }
  int64_t before_seq = INT64_MAX;
  if (!query.continuation_token.empty()) {
    absl::StatusOr<std::string> pos = DecodeToken("audit", query.continuation_token);
    if (!pos.ok()) return pos.status();
    if (!absl::SimpleAtoi(*pos, &before_seq)) {
      return absl::InvalidArgumentError("Bad Request: Invalid continuation token");
    }
  }
  int64_t page = query.max_results > 0 ? query.max_results : options_.audit_page_size;
  Json events = Json::array();
  Json out = Json::object();
  int64_t last_seq = 0;
  const std::vector<AuditEvent>& log = (*o)->audit_log;
  for (auto it = log.rbegin(); it != log.rend(); ++it) {
    const AuditEvent& e = *it;
    if (e.seq >= before_seq) continue;
    if (lower.has_value() && e.timestamp < *lower) continue;
    if (upper.has_value() && e.timestamp > *upper) continue;
    if (!query.user_filter.empty() && e.login != query.user_filter) continue;
    if (!query.event_filter.empty() && e.event != query.event_filter) continue;
    if (!query.unpaged && static_cast<int64_t>(events.size()) == page) {
      out["continuationToken"] = EncodeToken("audit", std::to_string(last_seq));
      break;
    }
    events.push_back(AuditEventJson(state_, e));
    last_seq = e.seq;
  }
  out["auditLogEvents"] = std::move(events);
  return out;
}

}  // namespace emulator
