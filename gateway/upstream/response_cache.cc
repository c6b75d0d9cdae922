#include "gateway/upstream/response_cache.h"

#include <utility>
#include <vector>

#include "absl/hash/hash.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace pulumi_gateway {
namespace {

// Bookkeeping per entry beyond its strings (nodes, pointers, the response object).
constexpr int64_t kEntryOverhead = 256;

int64_t EntryBytes(const std::string& key, const HttpResponse& response) {
  int64_t bytes = kEntryOverhead + 2 * static_cast<int64_t>(key.size()) +
                  static_cast<int64_t>(response.body.size());
  for (const auto& [name, value] : response.headers) bytes += name.size() + value.size();
  return bytes;
}

}  // namespace

struct ResponseCache::Entry {
  std::string key;
  // The organization the read belongs to; "" when unknown.
  std::string org;
  std::shared_ptr<const HttpResponse> response;
  absl::Time expires;
  int64_t bytes = 0;
  std::list<Entry*>::iterator lru;
};

bool ResponseCacheOptions::enabled() const {
  if (default_ttl > absl::ZeroDuration()) return true;
  for (const auto& [route, ttl] : ttl_by_route) {
    if (ttl > absl::ZeroDuration()) return true;
  }
  return false;
}

ResponseCache::ResponseCache(UpstreamClient* inner, TimerQueue* timers,
                             ResponseCacheOptions options)
    : inner_(inner), timers_(timers), options_(std::move(options)) {}

ResponseCache::~ResponseCache() = default;

absl::Time ResponseCache::Now() const { return options_.now ? options_.now() : absl::Now(); }

absl::Duration ResponseCache::TtlOf(const std::string& route) const {
  auto it = options_.ttl_by_route.find(route);
  return it != options_.ttl_by_route.end() ? it->second : options_.default_ttl;
}

uint64_t ResponseCache::Send(HttpRequest request, Callback done) {
  uint64_t id;
  if (request.method != "GET") {
    const OrgScope scope = WriteScope(request.path);
    {
      absl::MutexLock lock(&mu_);
      id = next_id_++;
      calls_.emplace(id, Call{std::move(done)});
      InvalidateLocked(scope);
    }
    // Again at completion: reads sent while the write was under way may hold the old state.
    return Forward(id, std::move(request), [this, scope](const absl::StatusOr<HttpResponse>&) {
      {
        absl::MutexLock lock(&mu_);
        InvalidateLocked(scope);
      }
      if (options_.on_write) options_.on_write(scope);
    });
  }
  const absl::Duration ttl = TtlOf(request.route);
  if (ttl <= absl::ZeroDuration()) {
    {
      absl::MutexLock lock(&mu_);
      id = next_id_++;
      calls_.emplace(id, Call{std::move(done)});
    }
    return Forward(id, std::move(request), nullptr);
  }

  std::string key = absl::StrCat(FindHeader(request.headers, "Authorization"), "\n", request.path);
  const OrgScope scope = ReadScope(request.path);
  const absl::Time now = Now();
  Stamp stamp;
  {
    absl::MutexLock lock(&mu_);
    id = next_id_++;
    Call call{std::move(done)};
    auto found = entries_.find(key);
    if (found != entries_.end()) {
      Entry* entry = found->second.get();
      if (entry->expires > now) {
        ++stats_.hits;
        lru_.splice(lru_.begin(), lru_, entry->lru);
        std::shared_ptr<const HttpResponse> response = entry->response;
        // Never inside Send: the timer thread answers.
        call.timer_id = timers_->Schedule(
            absl::Now(), [this, id, response] { Deliver(id, HttpResponse(*response)); });
        calls_.emplace(id, std::move(call));
        return id;
      }
      EraseLocked(entry);
    }
    ++stats_.misses;
    stamp = StampLocked(scope);
    calls_.emplace(id, std::move(call));
  }
  return Forward(id, std::move(request),
                 [this, key = std::move(key), scope, stamp,
                  expires = now + ttl](const absl::StatusOr<HttpResponse>& result) {
                   if (!result.ok() || result->status < 200 || result->status >= 300) return;
                   if (EntryBytes(key, *result) > options_.max_bytes / 8) return;
                   auto response = std::make_shared<const HttpResponse>(*result);
                   absl::MutexLock lock(&mu_);
                   // A write was sent or completed meanwhile: this answer may predate it.
                   if (!(StampLocked(scope) == stamp)) return;
                   StoreLocked(key, scope, std::move(response), expires);
                 });
}

uint64_t ResponseCache::Forward(uint64_t id, HttpRequest request,
                                std::function<void(const absl::StatusOr<HttpResponse>&)> on_done) {
  const uint64_t inner_id =
      inner_->Send(std::move(request),
                   [this, id, on_done = std::move(on_done)](absl::StatusOr<HttpResponse> result) {
                     if (on_done) on_done(result);
                     Deliver(id, std::move(result));
                   });
  bool cancel = false;
  {
    absl::MutexLock lock(&mu_);
    auto it = calls_.find(id);
    if (it != calls_.end()) {
      it->second.inner_id = inner_id;
      cancel = it->second.cancelled;
    }
  }
  if (cancel) inner_->Cancel(inner_id);
  return id;
}

void ResponseCache::Deliver(uint64_t id, absl::StatusOr<HttpResponse> result) {
  Callback done;
  {
    absl::MutexLock lock(&mu_);
    auto it = calls_.find(id);
    if (it == calls_.end()) return;  // a hit cancelled meanwhile
    done = std::move(it->second.done);
    calls_.erase(it);
  }
  std::move(done)(std::move(result));
}

void ResponseCache::Cancel(uint64_t id) {
  Callback done;
  std::optional<uint64_t> inner_id;
  {
    absl::MutexLock lock(&mu_);
    auto it = calls_.find(id);
    if (it == calls_.end()) return;
    Call& call = it->second;
    if (call.timer_id.has_value()) {
      // A hit not delivered yet: it ends here (its timer, if it already runs, finds nothing).
      timers_->Cancel(*call.timer_id);
      done = std::move(call.done);
      calls_.erase(it);
    } else if (call.inner_id.has_value()) {
      inner_id = call.inner_id;  // the inner call completes it with CANCELLED
    } else {
      call.cancelled = true;  // Forward cancels once it knows the inner id
    }
  }
  if (inner_id.has_value()) inner_->Cancel(*inner_id);
  if (done) std::move(done)(absl::CancelledError("call cancelled"));
}

ResponseCache::Stamp ResponseCache::StampLocked(const OrgScope& read) const {
  if (read.kind != OrgScope::Kind::kOrg) return Stamp{0, write_generation_};
  return Stamp{all_generation_, org_generation_[absl::Hash<std::string>{}(read.org) % kOrgSlots]};
}

void ResponseCache::Invalidate(const OrgScope& scope) {
  absl::MutexLock lock(&mu_);
  InvalidateLocked(scope);
}

void ResponseCache::InvalidateLocked(const OrgScope& write) {
  ++write_generation_;
  if (write.kind != OrgScope::Kind::kOrg) {
    ++all_generation_;
    stats_.invalidations += static_cast<int64_t>(entries_.size());
    lru_.clear();
    by_org_.clear();
    entries_.clear();
    bytes_ = 0;
    return;
  }
  ++org_generation_[absl::Hash<std::string>{}(write.org) % kOrgSlots];
  for (const std::string& org : {write.org, std::string()}) {
    auto it = by_org_.find(org);
    if (it == by_org_.end()) continue;
    const std::vector<Entry*> doomed(it->second.begin(), it->second.end());
    for (Entry* entry : doomed) EraseLocked(entry);
    stats_.invalidations += static_cast<int64_t>(doomed.size());
  }
}

void ResponseCache::StoreLocked(std::string key, const OrgScope& scope,
                                std::shared_ptr<const HttpResponse> response, absl::Time expires) {
  if (expires <= Now()) return;
  auto existing = entries_.find(key);
  if (existing != entries_.end()) EraseLocked(existing->second.get());
  auto entry = std::make_unique<Entry>();
  entry->bytes = EntryBytes(key, *response);
  while (bytes_ + entry->bytes > options_.max_bytes && !lru_.empty()) {
    EraseLocked(lru_.back());
    ++stats_.evictions;
  }
  entry->key = key;
  entry->org = scope.kind == OrgScope::Kind::kOrg ? scope.org : std::string();
  entry->response = std::move(response);
  entry->expires = expires;
  lru_.push_front(entry.get());
  entry->lru = lru_.begin();
  by_org_[entry->org].insert(entry.get());
  bytes_ += entry->bytes;
  entries_.emplace(std::move(key), std::move(entry));
}

void ResponseCache::EraseLocked(Entry* entry) {
  lru_.erase(entry->lru);
  auto org = by_org_.find(entry->org);
  org->second.erase(entry);
  if (org->second.empty()) by_org_.erase(org);
  bytes_ -= entry->bytes;
  entries_.erase(entries_.find(entry->key));
}

ResponseCache::Stats ResponseCache::stats() const {
  absl::MutexLock lock(&mu_);
  Stats stats = stats_;
  stats.entries = static_cast<int64_t>(entries_.size());
  stats.bytes = bytes_;
  return stats;
}

}  // namespace pulumi_gateway
