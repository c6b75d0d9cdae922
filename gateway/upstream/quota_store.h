// What IdentityThrottle needs from the request budget it may share with other gateway replicas:
// per-identity pauses (after the upstream answered 429) and token buckets. Keys are identity
// fingerprints (IdentityFingerprint), never tokens. LocalQuotaStore keeps them in this process;
// docs/fleet-quota.md describes a shared store (Redis) for a fleet of replicas.
//
//   LocalQuotaStore store;
//   const std::string id = IdentityFingerprint("token pul-test-abc");  // "fnv1a64:<16 hex>"
//   store.PauseUntil(id, absl::Now() + absl::Seconds(2));
//   absl::Time until = store.PausedUntil(id, absl::Now());        // ~2 s from now
//   absl::Duration wait = store.Take({{id, 10, 20}}, absl::Now());  // zero: a token was taken
#ifndef GATEWAY_UPSTREAM_QUOTA_STORE_H_
#define GATEWAY_UPSTREAM_QUOTA_STORE_H_

#include <cstddef>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "gateway/upstream/token_bucket.h"

namespace pulumi_gateway {

// The token of an `Authorization` header value ("token X" or "Bearer X"; the scheme is ignored).
absl::string_view AuthorizationToken(absl::string_view authorization);

// A stable, non-reversible name for the upstream identity behind an `Authorization` header value
// ("token X" or "Bearer X"; the scheme is ignored, so both name the same identity):
// "fnv1a64:<16 hex>" of the token, the same value the emulator logs as `tokenHash`. Empty for an
// empty header. The token itself never becomes a key, a log field or a metric label.
std::string IdentityFingerprint(absl::string_view authorization);

// One token bucket: `burst` tokens when idle, refilled at `rate` per second.
struct QuotaBucket {
  // An identity fingerprint, possibly with a suffix naming a sub-budget ("<fp>/bulk").
  std::string key;
  // Tokens per second; > 0.
  double rate = 1;
  // Capacity; >= 1.
  double burst = 1;
};

class QuotaStore {
 public:
  virtual ~QuotaStore() = default;

  // Every method answers from memory and never blocks: the throttle calls them on gRPC and timer
  // threads while holding its own lock. A shared implementation syncs in the background.

  // The identity an `Authorization` header value names: the key of its pauses and buckets. The
  // store names identities because it decides who can see the names: in one process the
  // emulator-compatible IdentityFingerprint; a shared store a keyed digest (gateway/fleet), so
  // nothing it writes outside the process can be matched to a token without the fleet secret.
  virtual std::string IdentityOf(absl::string_view authorization) const {
    return IdentityFingerprint(authorization);
  }

  // Holds `identity`'s requests until `until`. Extends a pause, never shortens one.
  virtual void PauseUntil(absl::string_view identity, absl::Time until) = 0;

  // The end of `identity`'s pause, or InfinitePast when it is not paused at `now`.
  virtual absl::Time PausedUntil(absl::string_view identity, absl::Time now) = 0;

  // Takes one token from every bucket in `buckets`, or from none: zero when they were taken,
  // otherwise the wait until all of them would hold a token (nothing is taken or reserved, so a
  // caller can pick which waiting request goes when the wait is over).
  virtual absl::Duration Take(absl::Span<const QuotaBucket> buckets, absl::Time now) = 0;
};

struct LocalQuotaStoreOptions {
  // How often entries that no longer matter (full buckets, pauses over) are dropped. Default 30s.
  absl::Duration sweep_interval = absl::Seconds(30);
  // Most entries kept. Beyond it (after a sweep) a new key is served as a full bucket without
  // being stored: a flood of distinct tokens cannot grow memory without bound. Default 100000.
  size_t max_entries = 100000;
};

// The QuotaStore of one replica: exact, in memory, bounded.
class LocalQuotaStore final : public QuotaStore {
 public:
  explicit LocalQuotaStore(LocalQuotaStoreOptions options = {});

  void PauseUntil(absl::string_view identity, absl::Time until) override;
  absl::Time PausedUntil(absl::string_view identity, absl::Time now) override;
  absl::Duration Take(absl::Span<const QuotaBucket> buckets, absl::Time now) override;

  // Pauses still running at `now`.
  int PausedCount(absl::Time now) const;
  // Buckets and pauses held (for tests of the memory bound).
  size_t entries() const;

 private:
  // Drops full buckets and finished pauses, at most once per sweep_interval unless `force`.
  void MaybeSweep(absl::Time now, bool force) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  bool Full() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const LocalQuotaStoreOptions options_;
  mutable absl::Mutex mu_;
  absl::flat_hash_map<std::string, TokenBucket> buckets_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, absl::Time> pauses_ ABSL_GUARDED_BY(mu_);
  absl::Time swept_at_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_UPSTREAM_QUOTA_STORE_H_
