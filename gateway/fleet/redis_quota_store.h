// The QuotaStore of a fleet of gateway replicas: per-token pauses and token buckets shared
// through Redis, answered from memory. docs/fleet-quota.md describes it in full.
//
// - Identities are FleetIdentity digests (HMAC-SHA-256 under the fleet secret); a key that is
//   not one never leaves the process (it is served by the local fallback).
// - Buckets live in Redis and change only by a Lua script on the server's clock. Each replica
//   leases a few tokens at a time and spends them from memory; when a lease runs out it asks for
//   the next in the background, and Take reports a short wait meanwhile.
// - Pauses are mirrored in memory (PausedUntil reads only memory); PauseUntil raises the shared
//   pause key and publishes it; every replica subscribes and re-reads the keys it cares about
//   after a reconnect.
// - Two I/O threads (commands; the subscription) own the connections; a gRPC or timer thread
//   never waits for Redis. While Redis is unreachable or slow the store is degraded: buckets are
//   local at 1/N of the rate and burst (N: --fleet_size or the replicas last seen by heartbeat),
//   pauses stay local, a warning is logged, and it goes back to shared mode by itself.
// - Optionally it carries the read cache's invalidations between replicas (PublishWrite,
//   set_on_remote_write).
//
//   RedisQuotaStoreOptions options;
//   options.connection.endpoint = *ParseRedisUrl("redis://redis:6379");
//   options.fleet_secret = secret;
//   absl::StatusOr<std::unique_ptr<RedisQuotaStore>> store = RedisQuotaStore::Create(options);
//   IdentityThrottle throttle(&inner, &timers, store->get(), throttle_options);
#ifndef GATEWAY_FLEET_REDIS_QUOTA_STORE_H_
#define GATEWAY_FLEET_REDIS_QUOTA_STORE_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gateway/clock/clock.h"
#include "gateway/fleet/fleet_identity.h"
#include "gateway/fleet/redis_connection.h"
#include "gateway/observability/logger.h"
#include "gateway/observability/metric_sink.h"
#include "gateway/upstream/org_scope.h"
#include "gateway/upstream/quota_store.h"

namespace pulumi_gateway {

struct RedisQuotaStoreOptions {
  // Where Redis is and how to log in; its timeouts bound every wait of the I/O threads.
  RedisConnectionOptions connection;
  // Key of the identity digests; at least FleetIdentity::kMinSecretBytes. Every replica of a
  // fleet must hold the same one.
  std::string fleet_secret;
  // Replicas sharing the budget, for the fallback share and the lease size. 0 (default): the
  // replicas whose heartbeat Redis last showed (1 before the first heartbeat).
  int fleet_size = 0;
  // A lease holds about this much of a bucket's rate divided by the fleet size (at least one
  // token, at most the burst). Default 100ms.
  absl::Duration lease_window = absl::Milliseconds(100);
  // Leased tokens not spent within this are dropped (never returned: budget lost, never
  // overshoot). Default 1s.
  absl::Duration lease_lifetime = absl::Seconds(1);
  // How often the replica announces itself and probes Redis. Default 1s.
  absl::Duration heartbeat_interval = absl::Seconds(1);
  // Longest wait between reconnection attempts (backoff from 50ms, doubling, with jitter).
  // Default 2s.
  absl::Duration max_backoff = absl::Seconds(2);
  // Cache invalidations waiting to be published beyond which new ones are dropped (counted).
  // Default 1000.
  size_t max_queued_invalidations = 1000;
  // Lease entries held; beyond it new keys are served by the local fallback. Default 100000.
  size_t max_entries = 100000;
  // Warnings on entering degraded mode and notices on leaving it. Optional; not owned.
  Logger* logger = nullptr;
  // The clock of pauses: the times callers give (PauseUntil, PausedUntil) are on it, the time a
  // pause has left travels between replicas and is re-based on the receiver's. Buckets are on
  // Redis's clock (TIME), leases and heartbeats on the real one. Not owned; null (default):
  // Clock::Real().
  const Clock* clock = nullptr;
};

class RedisQuotaStore final : public QuotaStore {
 public:
  struct Stats {
    bool degraded = true;
    // Replicas sharing the budget as this replica counts them now.
    int fleet_size = 1;
    int64_t calls = 0;           // Redis commands sent
    int64_t call_errors = 0;     // commands or connections that failed or timed out
    double call_seconds = 0;     // time spent waiting for Redis, all commands
    int64_t leases = 0;          // lease scripts answered
    int64_t leased_tokens = 0;   // tokens they granted
    int64_t expired_tokens = 0;  // leased tokens dropped unspent
    int64_t pauses_published = 0;
    int64_t pauses_received = 0;
    int64_t invalidations_published = 0;
    int64_t invalidations_received = 0;
    int64_t invalidations_dropped = 0;
    int64_t reconnects = 0;  // times shared mode resumed after being degraded
  };

  // Checks the options (INVALID_ARGUMENT) and starts the I/O threads; does not wait for Redis:
  // the store starts degraded and turns shared once connected.
  static absl::StatusOr<std::unique_ptr<RedisQuotaStore>> Create(RedisQuotaStoreOptions options);

  // Connects once, synchronously, for start-up checks (RedisConnection::Connect's codes): a
  // PERMISSION_DENIED or FAILED_PRECONDITION is a configuration error, the rest an outage.
  static absl::Status Probe(const RedisConnectionOptions& options);

  // Stops the I/O threads (within the connection timeouts).
  ~RedisQuotaStore() override;

  std::string IdentityOf(absl::string_view authorization) const override;
  void PauseUntil(absl::string_view identity, absl::Time until) override;
  absl::Time PausedUntil(absl::string_view identity, absl::Time now) override;
  absl::Duration Take(absl::Span<const QuotaBucket> buckets, absl::Time now) override;

  // Tells the other replicas that a write of `scope` completed through this one (queued; dropped
  // while degraded, when their cache's TTL bounds what they serve).
  void PublishWrite(const OrgScope& scope);
  // Runs `on_write` on the subscription thread for each write another replica published. Setting
  // another (or none) waits for a call of the previous one to return, so its owner may then go.
  void set_on_remote_write(std::function<void(const OrgScope&)> on_write);

  Stats stats() const;

  // pulumi_gateway_quota_store_*: degraded, fleet_size, calls, errors, leases, pauses,
  // invalidations, reconnects and the time spent waiting for Redis.
  void ExportMetrics(MetricSink& sink) const;

  // For tests and start-up: waits until the store is shared (connected and subscribed, pauses
  // re-read) or degraded, or `timeout` passes; returns whether that state was reached.
  bool AwaitShared(absl::Duration timeout) const;
  bool AwaitDegraded(absl::Duration timeout) const;
  // For tests: waits until the command thread has nothing due (leases asked for are answered,
  // pauses published); false after `timeout`.
  bool AwaitIdle(absl::Duration timeout) const;

 private:
  struct Lease {
    double rate = 1;
    double burst = 1;
    int tokens = 0;
    absl::Time expires;
    // Redis said the bucket holds no token before this.
    absl::Time retry_at = absl::InfinitePast();
    // A lease request is queued (due at `due`) or in flight (`in_flight`).
    bool requested = false;
    bool in_flight = false;
    absl::Time due;
    absl::Time requested_at;
    absl::Time last_asked;
  };
  struct LeaseJob {
    std::string key;
    double rate;
    double burst;
    int want;
  };
  struct Work {
    std::vector<LeaseJob> leases;
    std::vector<std::pair<std::string, absl::Time>> pauses;
    std::vector<std::string> invalidations;
    // Re-read the pause keys of `resync` (after a (re)subscription).
    bool resync_due = false;
    std::vector<std::string> resync;
    bool heartbeat = false;
  };

  RedisQuotaStore(RedisQuotaStoreOptions options, FleetIdentity identity);

  // The fallback's view of `buckets`: rate and burst divided by the fleet size.
  std::vector<QuotaBucket> Share(absl::Span<const QuotaBucket> buckets) const
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  int FleetSizeLocked() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  int LeaseSizeLocked(const Lease& lease) const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void RequestLeaseLocked(Lease& lease, absl::Time due) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  bool SharedLocked() const ABSL_SHARED_LOCKS_REQUIRED(mu_) {
    return command_ok_ && subscribed_ && !resync_pending_;
  }
  void UpdateDegradedLocked(absl::string_view reason) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  // The I/O threads (redis_quota_store_io.cc).
  void CommandLoop();
  void SubscriberLoop();
  // What is due now; the earliest later due time in `next`.
  Work TakeDueWork(absl::Time now, absl::Time* next) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status RunWork(RedisConnection& redis, Work& work);
  absl::StatusOr<RedisReply> Call(RedisConnection& redis, const std::vector<std::string>& argv);
  absl::StatusOr<RedisReply> Script(RedisConnection& redis, int script,
                                    const std::vector<std::string>& keys,
                                    const std::vector<std::string>& args);
  void HandleMessage(const RedisReply& message);
  void ConnectionLost(bool command, const absl::Status& status);
  // Sleeps for the backoff unless stopping; returns false when stopping.
  bool Backoff(int attempt);

  const RedisQuotaStoreOptions options_;
  const Clock& clock_;
  const FleetIdentity identity_;
  const std::string replica_id_;
  // Held while on_remote_write_ runs (never together with mu_).
  absl::Mutex callback_mu_;
  std::function<void(const OrgScope&)> on_remote_write_ ABSL_GUARDED_BY(callback_mu_);

  mutable absl::Mutex mu_;
  // Wakes the command thread: work was queued, or the store is stopping.
  absl::CondVar work_cv_;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  bool command_ok_ ABSL_GUARDED_BY(mu_) = false;
  bool subscribed_ ABSL_GUARDED_BY(mu_) = false;
  // Set on (re)subscription until the pause keys have been re-read.
  bool resync_pending_ ABSL_GUARDED_BY(mu_) = false;
  bool degraded_ ABSL_GUARDED_BY(mu_) = true;
  bool ever_shared_ ABSL_GUARDED_BY(mu_) = false;
  // The outage was logged (a warning once per outage, not per reconnection attempt).
  bool outage_logged_ ABSL_GUARDED_BY(mu_) = false;
  bool busy_ ABSL_GUARDED_BY(mu_) = false;  // the command thread is running work
  int heartbeat_fleet_size_ ABSL_GUARDED_BY(mu_) = 0;
  absl::Time next_heartbeat_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
  absl::flat_hash_map<std::string, Lease> leases_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, absl::Time> pauses_ ABSL_GUARDED_BY(mu_);
  // Pauses to raise in Redis, by identity (the latest end).
  absl::flat_hash_map<std::string, absl::Time> pending_pauses_ ABSL_GUARDED_BY(mu_);
  std::deque<std::string> invalidations_ ABSL_GUARDED_BY(mu_);
  // Buckets while degraded, at the fair share.
  std::unique_ptr<LocalQuotaStore> fallback_ ABSL_GUARDED_BY(mu_);
  Stats stats_ ABSL_GUARDED_BY(mu_);

  // The script SHA1s, in the order of the scripts in redis_quota_store_io.cc.
  std::vector<std::string> script_shas_;
  std::thread command_thread_;
  std::thread subscriber_thread_;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_FLEET_REDIS_QUOTA_STORE_H_
