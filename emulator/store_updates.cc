// Store: update history, update status, engine events (polling tokens) and cancellation.
#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "emulator/live_update.h"
#include "emulator/seed.h"
#include "emulator/store.h"
#include "emulator/wire.h"

namespace emulator {
namespace {

bool IsRunning(const UpdateRecord& u) {
  return u.status == "running" || u.status == "requested" || u.status == "not started";
}

// Position encoded in an events/status token: a decimal index into the update's event list.
absl::StatusOr<size_t> EventPosition(const std::string& token, size_t size) {
  if (token.empty()) return 0;
  size_t pos = 0;
  if (!absl::SimpleAtoi(token, &pos) || pos > size) {
    return absl::InvalidArgumentError("Bad Request: Invalid continuation token");
  }
  return pos;
}

std::string EventUrn(const Json& event) {
  auto payload = event.find(event.value("type", ""));
  if (payload == event.end() || !payload->is_object()) return "";
  if (payload->contains("metadata") && (*payload)["metadata"].is_object()) {
    return (*payload)["metadata"].value("urn", "");
  }
  if (payload->contains("urn")) return payload->value("urn", "");
  return payload->value("resourceUrn", "");
}

bool EventMatches(const Json& event, const EventsQuery& q) {
  if (!q.types.empty() &&
      std::find(q.types.begin(), q.types.end(), event.value("type", "")) == q.types.end()) {
    return false;
  }
  return q.urn.empty() || EventUrn(event) == q.urn;
}

}  // namespace

absl::StatusOr<Json> Store::ListUpdates(const Caller& caller, const StackRef& ref,
                                        const UpdateListQuery& query) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  if (query.page < 0 || query.page_size < 0) {
    return absl::InvalidArgumentError("Bad Request: invalid page or pageSize");
  }
  const std::vector<UpdateRecord>& all = (*stack)->updates;
  int64_t total = static_cast<int64_t>(all.size());
  int64_t page_size = query.page_size == 0 ? 10 : query.page_size;
  int64_t begin = 0;
  int64_t end = total;
  if (query.page > 0) {
    begin = std::min(total, (query.page - 1) * page_size);
    end = std::min(total, begin + page_size);
  }
  Json updates = Json::array();
  for (int64_t i = begin; i < end; ++i) {
    const UpdateRecord& u = all[total - 1 - i];  // newest first
    updates.push_back(query.service_format ? UpdateInfoServiceJson(state_, **stack, u)
                                           : UpdateInfoCliJson(u));
  }
  Json out = {{"updates", updates}};
  if (query.service_format) {
    out["itemsPerPage"] = query.page > 0 ? page_size : total;
    out["total"] = total;
  }
  return out;
}

absl::StatusOr<Json> Store::GetUpdate(const Caller& caller, const StackRef& ref,
                                      std::optional<int64_t> version) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  const std::vector<UpdateRecord>& all = (*stack)->updates;
  if (!version.has_value()) {
    if (all.empty()) {
      return absl::NotFoundError(
          absl::StrCat("Not Found: Stack '", StackLabel(ref), "' has no updates."));
    }
    return UpdateInfoServiceJson(state_, **stack, all.back());
  }
  for (const UpdateRecord& u : all) {
    if (u.version == *version) return UpdateInfoServiceJson(state_, **stack, u);
  }
  return absl::NotFoundError(absl::StrCat("Not Found: Update version ", *version, " of stack '",
                                          StackLabel(ref), "' not found."));
}

absl::StatusOr<Json> Store::GetUpdateStatus(const Caller& caller, const StackRef& ref,
                                            const std::string& kind, const std::string& update_id,
                                            const std::string& continuation_token) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  absl::StatusOr<UpdateRecord*> update = FindUpdate(**stack, kind, update_id);
  if (!update.ok()) return update.status();
  const std::vector<Json>& legacy = (*update)->legacy_events;
  absl::StatusOr<size_t> start = EventPosition(continuation_token, legacy.size());
  if (!start.ok()) return start.status();
  Json out = {{"status", (*update)->status},
              {"events", Json(std::vector<Json>(legacy.begin() + *start, legacy.end()))}};
  if (IsRunning(**update)) out["continuationToken"] = std::to_string(legacy.size());
  return out;
}

absl::StatusOr<Json> Store::GetEngineEvents(const Caller& caller, const StackRef& ref,
                                            const std::string& kind, const std::string& update_id,
                                            const EventsQuery& query) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  absl::StatusOr<UpdateRecord*> update = FindUpdate(**stack, kind, update_id);
  if (!update.ok()) return update.status();
  const std::vector<Json>& all = (*update)->events;
  absl::StatusOr<size_t> pos = EventPosition(query.continuation_token, all.size());
  if (!pos.ok()) return pos.status();
  Json events = Json::array();
  size_t i = *pos;
  for (; i < all.size() && static_cast<int64_t>(events.size()) < options_.events_page_size; ++i) {
    if (EventMatches(all[i], query)) events.push_back(all[i]);
  }
  Json out = {{"events", events}, {"continuationToken", nullptr}};
  // The token stays non-null until the update finished and everything was returned.
  if (i < all.size() || IsRunning(**update)) out["continuationToken"] = std::to_string(i);
  return out;
}

absl::Status Store::CancelUpdate(const Caller& caller, const StackRef& ref, const std::string& kind,
                                 const std::string& update_id) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  absl::StatusOr<UpdateRecord*> update = FindUpdate(**stack, kind, update_id);
  if (!update.ok()) return update.status();
  if (!IsRunning(**update)) {
    return absl::AbortedError(absl::StrCat("Conflict: Update '", update_id, "' is not running (",
                                           (*update)->status, ")."));
  }
  emulator::CancelUpdate(**update, Now());
  Audit(state_.orgs.at(ref.org), caller, "stack.update.cancel",
        absl::StrCat("Cancelled ", kind, " \"", update_id, "\" of stack \"", ref.project, "/",
                     ref.stack, "\""),
        false);
  return absl::OkStatus();
}

absl::StatusOr<Json> Store::StartLiveUpdate(const StackRef& ref, const LiveUpdateSpec& spec) {
  absl::MutexLock lock(&mu_);
  auto it = state_.stacks.find(StackKey{ref.org, ref.project, ref.stack});
  if (it == state_.stacks.end()) {
    return absl::NotFoundError(absl::StrCat("Not Found: Stack '", StackLabel(ref), "' not found."));
  }
  Stack& stack = it->second;
  AdvanceLiveUpdates(stack);
  if (RunningUpdate(stack) != nullptr) {
    return absl::AbortedError("Conflict: Another update is currently in progress.");
  }
  if (spec.event_count < 1 || spec.interval < absl::ZeroDuration()) {
    return absl::InvalidArgumentError("Bad Request: eventCount must be >= 1, intervalMs >= 0");
  }
  std::string requested_by = spec.requested_by;
  if (requested_by.empty()) {
    for (const auto& [login, member] : state_.orgs.at(ref.org).members) {
      if (member.role == "admin") {
        requested_by = login;
        break;
      }
    }
  }
  UpdateRecord u;
  u.id = NewUuid();
  u.kind = spec.kind;
  u.version = StackVersion(stack) + 1;
  u.requested_by = requested_by;
  u.info = {{"message", "Live update started through the emulator"},
            {"environment", {{"exec.kind", "cli"}}},
            {"config", Json::object()},
            {"startTime", absl::ToUnixSeconds(Now())}};
  u.state = CurrentState(stack);
  StartLive(u, spec.interval, spec.event_count, spec.final_status, Now());
  Json out = {{"updateID", u.id}, {"version", u.version}, {"kind", u.kind}};
  stack.updates.push_back(std::move(u));
  return out;
}

}  // namespace emulator
