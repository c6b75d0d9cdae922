#include "emulator/faults.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "emulator/glob.h"
#include "emulator/params.h"

namespace emulator {
namespace {

constexpr std::pair<FaultKind, absl::string_view> kKindNames[] = {
    {FaultKind::kStatus, "status"},       {FaultKind::kRetryAfter, "retry_after"},
    {FaultKind::kLatency, "latency"},     {FaultKind::kReset, "reset"},
    {FaultKind::kMalformed, "malformed"}, {FaultKind::kTruncated, "truncated"},
    {FaultKind::kSlow, "slow"},           {FaultKind::kWrongContentType, "wrong_content_type"},
    {FaultKind::kHugeBody, "huge"},
};

// Reads an optional integer field into `out`; InvalidArgument on a wrong type.
template <typename T>
absl::Status ReadInt(const Json& body, absl::string_view key, T& out) {
  absl::StatusOr<std::optional<int64_t>> v = OptionalInt(body, key);
  if (!v.ok()) return v.status();
  if (v->has_value()) out = static_cast<T>(**v);
  return absl::OkStatus();
}

absl::Status ReadString(const Json& body, absl::string_view key, std::string& out) {
  absl::StatusOr<std::optional<std::string>> v = OptionalString(body, key);
  if (!v.ok()) return v.status();
  if (v->has_value()) out = **v;
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<FaultKind> ParseFaultKind(absl::string_view name) {
  for (const auto& [kind, kind_name] : kKindNames) {
    if (kind_name == name) return kind;
  }
  return absl::InvalidArgumentError(absl::StrCat("Bad Request: unknown fault kind '", name, "'"));
}

std::string FaultKindName(FaultKind kind) {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) return std::string(name);
  }
  return "unknown";
}

absl::StatusOr<FaultSpec> FaultSpecFromJson(const Json& body) {
  FaultSpec spec;
  absl::StatusOr<std::string> kind = RequiredString(body, "kind");
  if (!kind.ok()) return kind.status();
  absl::StatusOr<FaultKind> parsed = ParseFaultKind(*kind);
  if (!parsed.ok()) return parsed.status();
  spec.kind = *parsed;
  for (absl::Status s :
       {ReadString(body, "route", spec.route), ReadString(body, "method", spec.method),
        ReadString(body, "retry_after", spec.retry_after),
        ReadString(body, "content_type", spec.content_type), ReadInt(body, "status", spec.status),
        ReadInt(body, "latency_ms", spec.latency_ms), ReadInt(body, "count", spec.count),
        ReadInt(body, "chunk_bytes", spec.chunk_bytes),
        ReadInt(body, "body_bytes", spec.body_bytes)}) {
    if (!s.ok()) return s;
  }
  return spec;
}

Json ActiveFaultToJson(const ActiveFault& fault) {
  const FaultSpec& s = fault.spec;
  return {{"id", fault.id},
          {"route", s.route},
          {"method", s.method},
          {"kind", FaultKindName(s.kind)},
          {"status", s.status},
          {"latency_ms", s.latency_ms},
          {"count", s.count},
          {"remaining", fault.remaining},
          {"hits", fault.hits},
          {"retry_after", s.retry_after},
          {"chunk_bytes", s.chunk_bytes},
          {"body_bytes", s.body_bytes},
          {"content_type", s.content_type}};
}

absl::StatusOr<std::string> FaultInjector::Add(FaultSpec spec) {
  if (spec.count < 0 || spec.latency_ms < 0 || spec.chunk_bytes < 1 || spec.body_bytes < 0) {
    return absl::InvalidArgumentError(
        "Bad Request: count, latency_ms and body_bytes must be >= 0, chunk_bytes >= 1");
  }
  if (spec.kind == FaultKind::kStatus && (spec.status < 100 || spec.status > 599)) {
    return absl::InvalidArgumentError("Bad Request: status must be an HTTP status code");
  }
  Rule rule;
  if (!spec.route.empty() && spec.route[0] == '^') {
    try {
      rule.regex = std::make_shared<const std::regex>(spec.route, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
      return absl::InvalidArgumentError(
          absl::StrCat("Bad Request: invalid route regex: ", e.what()));
    }
  }
  absl::MutexLock lock(&mu_);
  rule.active.id = absl::StrCat("f", next_id_++);
  rule.active.remaining = spec.count;
  rule.active.spec = std::move(spec);
  rules_.push_back(rule);
  return rule.active.id;
}

bool FaultInjector::Remove(absl::string_view id) {
  absl::MutexLock lock(&mu_);
  for (auto it = rules_.begin(); it != rules_.end(); ++it) {
    if (it->active.id == id) {
      rules_.erase(it);
      return true;
    }
  }
  return false;
}

void FaultInjector::Clear() {
  absl::MutexLock lock(&mu_);
  rules_.clear();
}

std::vector<ActiveFault> FaultInjector::List() const {
  absl::MutexLock lock(&mu_);
  std::vector<ActiveFault> out;
  for (const Rule& r : rules_) out.push_back(r.active);
  return out;
}

bool FaultInjector::Matches(const Rule& rule, absl::string_view method,
                            absl::string_view path) const {
  const FaultSpec& s = rule.active.spec;
  if (!s.method.empty() && s.method != method) return false;
  if (s.route.empty()) return true;
  if (rule.regex) return std::regex_search(path.begin(), path.end(), *rule.regex);
  return GlobMatch(s.route, path);
}

FaultInjector::Decision FaultInjector::Match(absl::string_view method, absl::string_view path) {
  absl::MutexLock lock(&mu_);
  Decision d;
  for (auto it = rules_.begin(); it != rules_.end();) {
    ActiveFault& a = it->active;
    bool is_latency = a.spec.kind == FaultKind::kLatency;
    if ((!is_latency && d.fault.has_value()) || !Matches(*it, method, path)) {
      ++it;
      continue;
    }
    if (is_latency) {
      d.delay += absl::Milliseconds(a.spec.latency_ms);
    } else {
      d.fault = a.spec;
    }
    ++a.hits;
    if (a.spec.count > 0 && --a.remaining == 0) {
      it = rules_.erase(it);
    } else {
      ++it;
    }
  }
  return d;
}

Reply FaultReply(const FaultSpec& fault) {
  if (fault.kind == FaultKind::kRetryAfter) {
    Reply r = ErrorReply(429, "Too Many Requests: injected fault");
    if (!fault.retry_after.empty()) r.headers.emplace_back("Retry-After", fault.retry_after);
    return r;
  }
  return ErrorReply(fault.status, absl::StrCat(ReasonPhrase(fault.status), ": injected fault"));
}

void ApplyBodyFault(const FaultSpec& fault, Reply& reply) {
  if (reply.status == 204) reply.status = 200;
  if (reply.body.empty()) reply.body = "{}";
  if (reply.content_type.empty()) reply.content_type = std::string(kJsonType);
  switch (fault.kind) {
    case FaultKind::kMalformed:
      reply.body = R"({"emulatorFault": "malformed", "items": [1, 2,, }{)";
      break;
    case FaultKind::kTruncated:
      reply.body = reply.body.substr(0, reply.body.size() / 2);
      break;
    case FaultKind::kWrongContentType:
      reply.content_type = fault.content_type;
      break;
    case FaultKind::kHugeBody: {
      std::string rest = reply.body.size() > 2 && reply.body[0] == '{'
                             ? absl::StrCat(",", reply.body.substr(1))
                             : "}";
      reply.body =
          absl::StrCat(R"({"emulatorPadding":")",
                       std::string(static_cast<size_t>(fault.body_bytes), 'x'), "\"", rest);
      break;
    }
    default:
      break;
  }
}

}  // namespace emulator
