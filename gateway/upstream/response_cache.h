// An UpstreamClient decorator that serves repeated reads from memory for a few seconds: 2xx
// answers to GETs are kept per token scope (the `Authorization` value with the path and query;
// never shared across tokens) for a time to live chosen per route, in an LRU bounded by bytes.
// Off unless a route has a TTL.
//
//   ResponseCacheOptions options;
//   options.ttl_by_route["GetStack"] = absl::Seconds(5);
//   ResponseCache cache(&coalescing, &timers, options);
//   cache.Send(get_prod, context, done);  // miss: goes upstream, the 200 is kept
//   cache.Send(get_prod, context, done);  // hit within 5 s: answered from memory, nothing sent
//
// The gateway's own writes invalidate: every request of another method, when it is sent and when
// it completes, drops the entries of every token scope for the organization it touches
// (org_scope.h), plus the entries whose organization is unknown; a transfer drops everything. A
// read that was in flight across such an invalidation is not stored, so no answer older than a
// write completed through this gateway is served after it. Writes made elsewhere show after at
// most the TTL, counted from when the read was sent, or, with a fleet's shared store, as soon as
// another replica's write reaches Invalidate.
#ifndef GATEWAY_UPSTREAM_RESPONSE_CACHE_H_
#define GATEWAY_UPSTREAM_RESPONSE_CACHE_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gateway/clock/timer_queue.h"
#include "gateway/observability/metric_sink.h"
#include "gateway/upstream/org_scope.h"
#include "gateway/upstream/upstream_client.h"

namespace pulumi_gateway {

struct ResponseCacheOptions {
  // How long a route's answers are served from memory (CallContext.route, the RPC name, e.g.
  // "GetStack"); zero: not cached. Routes not listed use `default_ttl`. Default: none listed.
  absl::flat_hash_map<std::string, absl::Duration> ttl_by_route;
  // TTL of every read route not in `ttl_by_route` ("*" in --cache_ttl). Default zero: none.
  absl::Duration default_ttl = absl::ZeroDuration();
  // Most bytes held (bodies, headers, keys); least recently used entries go first. Answers
  // larger than an eighth of this are never kept. Default 64 MiB.
  int64_t max_bytes = int64_t{64} << 20;
  // Called (outside the cache's lock) each time a write completes through this cache, with what
  // it may have changed: how other replicas learn of it (gateway/fleet). Default: none.
  std::function<void(const OrgScope&)> on_write;

  // Whether any route has a TTL (otherwise the layer is not worth installing).
  bool enabled() const;
};

class ResponseCache final : public UpstreamClient {
 public:
  struct Stats {
    int64_t hits = 0;
    // Reads of a cached route that went upstream.
    int64_t misses = 0;
    // Entries dropped to stay within max_bytes.
    int64_t evictions = 0;
    // Entries dropped because a write may have changed them.
    int64_t invalidations = 0;
    // What the cache holds now (expired entries until looked up or evicted).
    int64_t entries = 0;
    int64_t bytes = 0;
  };

  // `inner` and `timers` (its clock dates the entries; hits are answered from a timer, never
  // inside Send) must outlive this object.
  ResponseCache(UpstreamClient* inner, TimerQueue* timers, ResponseCacheOptions options);
  ~ResponseCache() override;

  // A hit is answered from a timer (a cancel before then answers CANCELLED); everything else is
  // forwarded, and a cancel of it is the inner client's to apply.
  void Send(HttpRequest request, CallContext context, Callback done) override;

  // Drops what a write of `scope` made elsewhere (another replica) may have changed, as the
  // cache's own writes do; a read in flight across it is not stored.
  void Invalidate(const OrgScope& scope);

  Stats stats() const;

  // pulumi_gateway_cache_{hits,misses,evictions,invalidations}_total, pulumi_gateway_cache_entries
  // and pulumi_gateway_cache_bytes.
  void ExportMetrics(MetricSink& sink) const;

 private:
  struct Entry;
  // Generations a read saw when it was sent: it is stored only if they have not moved since.
  struct Stamp {
    uint64_t all = 0;
    uint64_t scoped = 0;
    bool operator==(const Stamp& other) const { return all == other.all && scoped == other.scoped; }
  };
  // A hit between Send and its delivery from a timer.
  struct Hit;
  static constexpr size_t kOrgSlots = 64;

  absl::Duration TtlOf(const std::string& route) const;
  // Sends `request` on; `on_done` runs (before the caller's callback) with the result.
  void Forward(HttpRequest request, CallContext context, Callback done,
               std::function<void(const absl::StatusOr<HttpResponse>&)> on_done);
  // Answers `hit` with `result`, unless a cancel answered it first.
  void Deliver(const std::shared_ptr<Hit>& hit, absl::StatusOr<HttpResponse> result);
  Stamp StampLocked(const OrgScope& read) const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void InvalidateLocked(const OrgScope& write) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void StoreLocked(std::string key, const OrgScope& scope,
                   std::shared_ptr<const HttpResponse> response, absl::Time expires)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void EraseLocked(Entry* entry) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  UpstreamClient* const inner_;
  TimerQueue* const timers_;
  const ResponseCacheOptions options_;

  mutable absl::Mutex mu_;
  // By token scope + path; most recently used first in lru_.
  absl::flat_hash_map<std::string, std::unique_ptr<Entry>> entries_ ABSL_GUARDED_BY(mu_);
  std::list<Entry*> lru_ ABSL_GUARDED_BY(mu_);
  // Entries by organization ("" = unknown), for invalidation.
  absl::flat_hash_map<std::string, absl::flat_hash_set<Entry*>> by_org_ ABSL_GUARDED_BY(mu_);
  int64_t bytes_ ABSL_GUARDED_BY(mu_) = 0;
  // Write generations: every write; writes that change everything; writes per org (hashed into
  // slots, so the table stays small whatever orgs are named; a shared slot only costs a store).
  uint64_t write_generation_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t all_generation_ ABSL_GUARDED_BY(mu_) = 0;
  std::array<uint64_t, kOrgSlots> org_generation_ ABSL_GUARDED_BY(mu_){};
  Stats stats_ ABSL_GUARDED_BY(mu_);
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_UPSTREAM_RESPONSE_CACHE_H_
