#include "gateway/upstream/response_cache.h"

#include <utility>
#include <vector>

#include "absl/hash/hash.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

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

absl::Duration ResponseCache::TtlOf(const std::string& route) const {
  auto it = options_.ttl_by_route.find(route);
  return it != options_.ttl_by_route.end() ? it->second : options_.default_ttl;
}

struct ResponseCache::Hit {
  absl::Mutex mu;
  Callback done ABSL_GUARDED_BY(mu);
  uint64_t timer ABSL_GUARDED_BY(mu) = 0;
  CancelRegistration on_cancel;
};

void ResponseCache::Send(HttpRequest request, CallContext context, Callback done) {
  if (request.method != "GET") {
    const OrgScope scope = WriteScope(request.path);
    {
      absl::MutexLock lock(&mu_);
      InvalidateLocked(scope);
    }
    // Again at completion: reads sent while the write was under way may hold the old state.
    return Forward(std::move(request), std::move(context), std::move(done),
                   [this, scope](const absl::StatusOr<HttpResponse>&) {
                     {
                       absl::MutexLock lock(&mu_);
                       InvalidateLocked(scope);
                     }
                     if (options_.on_write) options_.on_write(scope);
                   });
  }
  const absl::Duration ttl = TtlOf(context.route);
  if (ttl <= absl::ZeroDuration()) {
    return Forward(std::move(request), std::move(context), std::move(done), nullptr);
  }

  std::string key = absl::StrCat(FindHeader(request.headers, "Authorization"), "\n", request.path);
  const OrgScope scope = ReadScope(request.path);
  const absl::Time now = timers_->Now();
  Stamp stamp;
  std::shared_ptr<const HttpResponse> response;
  {
    absl::MutexLock lock(&mu_);
    auto found = entries_.find(key);
    if (found != entries_.end()) {
      Entry* entry = found->second.get();
      if (entry->expires > now) {
        ++stats_.hits;
        lru_.splice(lru_.begin(), lru_, entry->lru);
        response = entry->response;
      } else {
        EraseLocked(entry);
      }
    }
    if (response == nullptr) {
      ++stats_.misses;
      stamp = StampLocked(scope);
    }
  }
  if (response != nullptr) {
    // Never inside Send: a timer answers.
    auto hit = std::make_shared<Hit>();
    {
      absl::MutexLock lock(&hit->mu);
      hit->done = std::move(done);
      hit->timer =
          timers_->Schedule(now, [this, hit, response] { Deliver(hit, HttpResponse(*response)); });
    }
    hit->on_cancel = context.cancellation.OnCancel([this, weak = std::weak_ptr<Hit>(hit)] {
      std::shared_ptr<Hit> alive = weak.lock();
      if (alive == nullptr) return;
      {
        absl::MutexLock lock(&alive->mu);
        // When the timer is already on its way, Deliver finds the hit answered.
        timers_->Cancel(alive->timer);
      }
      // Never inside the Cancel that got us here.
      timers_->Schedule(timers_->Now(),
                        [this, alive] { Deliver(alive, absl::CancelledError("call cancelled")); });
    });
    return;
  }
  Forward(std::move(request), std::move(context), std::move(done),
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

void ResponseCache::Forward(HttpRequest request, CallContext context, Callback done,
                            std::function<void(const absl::StatusOr<HttpResponse>&)> on_done) {
  inner_->Send(std::move(request), std::move(context),
               [on_done = std::move(on_done),
                done = std::move(done)](absl::StatusOr<HttpResponse> result) mutable {
                 if (on_done) on_done(result);
                 std::move(done)(std::move(result));
               });
}

void ResponseCache::Deliver(const std::shared_ptr<Hit>& hit, absl::StatusOr<HttpResponse> result) {
  Callback done;
  {
    absl::MutexLock lock(&hit->mu);
    done = std::move(hit->done);
    hit->done = nullptr;  // a moved-from callback need not be empty
  }
  if (done) std::move(done)(std::move(result));
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
  if (expires <= timers_->Now()) return;
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

void ResponseCache::ExportMetrics(MetricSink& sink) const {
  auto read = [this](int64_t Stats::*value) {
    return [this, value] { return static_cast<double>(stats().*value); };
  };
  sink.AddCounter("pulumi_gateway_cache_hits_total", "Reads answered from the cache.",
                  read(&Stats::hits));
  sink.AddCounter("pulumi_gateway_cache_misses_total",
                  "Reads of a cached route that went upstream.", read(&Stats::misses));
  sink.AddCounter("pulumi_gateway_cache_evictions_total",
                  "Cache entries dropped to stay within --cache_max_bytes.",
                  read(&Stats::evictions));
  sink.AddCounter("pulumi_gateway_cache_invalidations_total",
                  "Cache entries dropped because a write may have changed them.",
                  read(&Stats::invalidations));
  sink.AddGauge("pulumi_gateway_cache_entries", "Responses held by the cache.",
                read(&Stats::entries));
  sink.AddGauge("pulumi_gateway_cache_bytes", "Bytes held by the cache.", read(&Stats::bytes));
}

ResponseCache::Stats ResponseCache::stats() const {
  absl::MutexLock lock(&mu_);
  Stats stats = stats_;
  stats.entries = static_cast<int64_t>(entries_.size());
  stats.bytes = bytes_;
  return stats;
}

}  // namespace pulumi_gateway
