// The in-memory side of RedisQuotaStore: what gRPC and timer threads call. Nothing here touches
// a socket; the I/O threads are in redis_quota_store_io.cc.
#include "gateway/fleet/redis_quota_store.h"

#include <pthread.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/random/random.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "gateway/fleet/redis_quota_keys.h"

namespace pulumi_gateway {
namespace {

// Take's wait while a lease is on its way: the throttle asks again this soon.
constexpr absl::Duration kLeasePoll = absl::Milliseconds(5);

std::string NewReplicaId() {
  absl::BitGen bits;
  return absl::StrFormat("%016x", absl::Uniform<uint64_t>(bits));
}

}  // namespace

absl::StatusOr<std::unique_ptr<RedisQuotaStore>> RedisQuotaStore::Create(
    RedisQuotaStoreOptions options) {
  absl::StatusOr<FleetIdentity> identity = FleetIdentity::Create(options.fleet_secret);
  if (!identity.ok()) return identity.status();
  if (options.fleet_size < 0) return absl::InvalidArgumentError("fleet size must be >= 0");
  if (options.connection.endpoint.host.empty()) {
    return absl::InvalidArgumentError("the Redis endpoint has no host");
  }
  if (options.lease_window <= absl::ZeroDuration() ||
      options.lease_lifetime <= absl::ZeroDuration() ||
      options.heartbeat_interval <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("lease window, lease lifetime and heartbeat must be > 0");
  }
  std::unique_ptr<RedisQuotaStore> store(
      new RedisQuotaStore(std::move(options), *std::move(identity)));
  store->command_thread_ = std::thread([s = store.get()] { s->CommandLoop(); });
  store->subscriber_thread_ = std::thread([s = store.get()] { s->SubscriberLoop(); });
  pthread_setname_np(store->command_thread_.native_handle(), "quota-commands");
  pthread_setname_np(store->subscriber_thread_.native_handle(), "quota-pubsub");
  return store;
}

absl::Status RedisQuotaStore::Probe(const RedisConnectionOptions& options) {
  return RedisConnection::Connect(options).status();
}

RedisQuotaStore::RedisQuotaStore(RedisQuotaStoreOptions options, FleetIdentity identity)
    : options_(std::move(options)),
      clock_(options_.clock != nullptr ? *options_.clock : Clock::Real()),
      identity_(std::move(identity)),
      replica_id_(NewReplicaId()),
      fallback_(std::make_unique<LocalQuotaStore>()) {}

RedisQuotaStore::~RedisQuotaStore() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
    work_cv_.SignalAll();
  }
  if (command_thread_.joinable()) command_thread_.join();
  if (subscriber_thread_.joinable()) subscriber_thread_.join();
}

std::string RedisQuotaStore::IdentityOf(absl::string_view authorization) const {
  return identity_.Of(authorization);
}

void RedisQuotaStore::set_on_remote_write(std::function<void(const OrgScope&)> on_write) {
  absl::MutexLock lock(&callback_mu_);
  on_remote_write_ = std::move(on_write);
}

int RedisQuotaStore::FleetSizeLocked() const {
  if (options_.fleet_size > 0) return options_.fleet_size;
  return std::max(1, heartbeat_fleet_size_);
}

int RedisQuotaStore::LeaseSizeLocked(const Lease& lease) const {
  const double share =
      lease.rate * absl::ToDoubleSeconds(options_.lease_window) / FleetSizeLocked();
  return static_cast<int>(std::max(1.0, std::min(std::floor(lease.burst), std::floor(share))));
}

std::vector<QuotaBucket> RedisQuotaStore::Share(absl::Span<const QuotaBucket> buckets) const {
  const double n = FleetSizeLocked();
  std::vector<QuotaBucket> shared;
  for (const QuotaBucket& b : buckets) {
    shared.push_back({b.key, b.rate / n, std::max(1.0, b.burst / n)});
  }
  return shared;
}

void RedisQuotaStore::RequestLeaseLocked(Lease& lease, absl::Time due) {
  if (lease.requested) return;
  lease.requested = true;
  lease.due = due;
  work_cv_.Signal();
}

absl::Duration RedisQuotaStore::Take(absl::Span<const QuotaBucket> buckets, absl::Time now) {
  absl::MutexLock lock(&mu_);
  if (degraded_) return fallback_->Take(Share(buckets), now);
  absl::Duration wait = absl::ZeroDuration();
  std::vector<Lease*> held;
  for (const QuotaBucket& spec : buckets) {
    auto it = leases_.find(spec.key);
    if (it == leases_.end()) {
      // Not ours to share (not a fleet identity), or too many keys held: this replica's share.
      if (!fleet_keys::BucketKey(spec.key).has_value() || leases_.size() >= options_.max_entries) {
        return fallback_->Take(Share(buckets), now);
      }
      it = leases_.emplace(spec.key, Lease{}).first;
    }
    Lease& lease = it->second;
    lease.rate = spec.rate;
    lease.burst = spec.burst;
    lease.last_asked = now;
    if (lease.tokens > 0 && lease.expires <= now) {
      stats_.expired_tokens += lease.tokens;
      lease.tokens = 0;
    }
    if (lease.tokens >= 1) {
      held.push_back(&lease);
      continue;
    }
    if (lease.in_flight && now - lease.requested_at > 2 * options_.connection.io_timeout) {
      // Redis is slow to answer: this call goes by the fair share rather than wait for it.
      return fallback_->Take(Share(buckets), now);
    }
    RequestLeaseLocked(lease, std::max(now, lease.retry_at));
    wait = std::max(wait, std::max(kLeasePoll, lease.retry_at - now));
  }
  if (wait > absl::ZeroDuration()) return wait;
  for (Lease* lease : held) {
    --lease->tokens;
    // Ask for the next lease before this one runs out, so a busy identity rarely waits.
    if (lease->tokens < 1) RequestLeaseLocked(*lease, std::max(now, lease->retry_at));
  }
  return absl::ZeroDuration();
}

void RedisQuotaStore::PauseUntil(absl::string_view identity, absl::Time until) {
  absl::MutexLock lock(&mu_);
  auto [it, inserted] = pauses_.try_emplace(identity, until);
  if (!inserted) {
    if (it->second >= until) return;  // only ever extends; nothing new to tell the fleet
    it->second = until;
  }
  if (!fleet_keys::HexOf(identity).has_value()) return;
  if (pending_pauses_.size() >= options_.max_entries && !pending_pauses_.contains(identity)) {
    return;
  }
  absl::Time& pending = pending_pauses_[identity];
  pending = std::max(pending, until);
  work_cv_.Signal();
}

absl::Time RedisQuotaStore::PausedUntil(absl::string_view identity, absl::Time now) {
  absl::MutexLock lock(&mu_);
  auto it = pauses_.find(identity);
  if (it == pauses_.end()) return absl::InfinitePast();
  if (it->second <= now) {
    pauses_.erase(it);
    return absl::InfinitePast();
  }
  return it->second;
}

void RedisQuotaStore::PublishWrite(const OrgScope& scope) {
  absl::MutexLock lock(&mu_);
  if (degraded_) return;
  if (invalidations_.size() >= options_.max_queued_invalidations) {
    ++stats_.invalidations_dropped;
    return;
  }
  invalidations_.push_back(scope.kind == OrgScope::Kind::kOrg
                               ? absl::StrCat(replica_id_, " org ", scope.org)
                               : absl::StrCat(replica_id_, " all"));
  work_cv_.Signal();
}

RedisQuotaStore::Stats RedisQuotaStore::stats() const {
  absl::MutexLock lock(&mu_);
  Stats stats = stats_;
  stats.degraded = degraded_;
  stats.fleet_size = FleetSizeLocked();
  return stats;
}

void RedisQuotaStore::UpdateDegradedLocked(absl::string_view reason) {
  const bool degraded = !SharedLocked();
  const int n = FleetSizeLocked();
  if (degraded && !outage_logged_ && !reason.empty()) {
    outage_logged_ = true;
    if (options_.logger != nullptr) {
      options_.logger->Log(LogLevel::kWarning,
                           "quota store unreachable: each replica now spends its fair share "
                           "of every token's budget locally until it is back",
                           {{"store", options_.connection.endpoint.ToString()},
                            {"reason", std::string(reason)},
                            {"fleet_size", n}});
    }
  }
  if (degraded == degraded_) return;
  degraded_ = degraded;
  if (degraded) {
    // Fresh local buckets at the fair share; pauses stay as mirrored.
    fallback_ = std::make_unique<LocalQuotaStore>();
    return;
  }
  if (ever_shared_) ++stats_.reconnects;
  const bool was_outage = outage_logged_;
  ever_shared_ = true;
  outage_logged_ = false;
  if (options_.logger != nullptr) {
    options_.logger->Log(was_outage ? LogLevel::kWarning : LogLevel::kInfo,
                         "quota store connected: the fleet shares every token's budget",
                         {{"store", options_.connection.endpoint.ToString()}, {"fleet_size", n}});
  }
}

bool RedisQuotaStore::AwaitShared(absl::Duration timeout) const {
  absl::MutexLock lock(&mu_);
  auto shared = [this]() ABSL_SHARED_LOCKS_REQUIRED(mu_) { return !degraded_; };
  return mu_.AwaitWithTimeout(absl::Condition(&shared), timeout);
}

bool RedisQuotaStore::AwaitDegraded(absl::Duration timeout) const {
  absl::MutexLock lock(&mu_);
  return mu_.AwaitWithTimeout(absl::Condition(&degraded_), timeout);
}

bool RedisQuotaStore::AwaitIdle(absl::Duration timeout) const {
  absl::MutexLock lock(&mu_);
  auto idle = [this]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
    if (busy_ || !pending_pauses_.empty() || !invalidations_.empty()) return false;
    const absl::Time now = absl::Now();
    for (const auto& [key, lease] : leases_) {
      if (lease.requested && (lease.in_flight || lease.due <= now)) return false;
    }
    return true;
  };
  return mu_.AwaitWithTimeout(absl::Condition(&idle), timeout);
}

void RedisQuotaStore::ExportMetrics(MetricSink& sink) const {
  sink.AddGauge("pulumi_gateway_quota_store_degraded",
                "1 while the shared quota store is unreachable and this replica spends its fair "
                "share alone; 0 while the fleet shares the budget.",
                [this] { return stats().degraded ? 1.0 : 0.0; });
  sink.AddGauge("pulumi_gateway_quota_store_fleet_size",
                "Replicas sharing the quota store, as this replica counts them.",
                [this] { return static_cast<double>(stats().fleet_size); });
  struct Counter {
    const char* name;
    const char* help;
    int64_t Stats::*value;
  };
  for (const Counter& counter : {
           Counter{"pulumi_gateway_quota_store_calls_total",
                   "Commands sent to the shared quota store.", &Stats::calls},
           Counter{"pulumi_gateway_quota_store_errors_total",
                   "Quota store commands and connections that failed or timed out.",
                   &Stats::call_errors},
           Counter{"pulumi_gateway_quota_store_leases_total",
                   "Token leases the quota store answered.", &Stats::leases},
           Counter{"pulumi_gateway_quota_store_leased_tokens_total", "Tokens those leases granted.",
                   &Stats::leased_tokens},
           Counter{"pulumi_gateway_quota_store_expired_tokens_total",
                   "Leased tokens dropped unspent (budget lost, never overshoot).",
                   &Stats::expired_tokens},
           Counter{"pulumi_gateway_quota_store_pauses_published_total",
                   "429 pauses this replica shared with the fleet.", &Stats::pauses_published},
           Counter{"pulumi_gateway_quota_store_pauses_received_total",
                   "429 pauses other replicas announced through the store.",
                   &Stats::pauses_received},
           Counter{"pulumi_gateway_quota_store_invalidations_published_total",
                   "Cache invalidations of this replica's writes sent to the fleet.",
                   &Stats::invalidations_published},
           Counter{"pulumi_gateway_quota_store_invalidations_received_total",
                   "Cache invalidations received from other replicas' writes.",
                   &Stats::invalidations_received},
           Counter{"pulumi_gateway_quota_store_reconnects_total",
                   "Times shared mode resumed after the store was unreachable.",
                   &Stats::reconnects},
       }) {
    sink.AddCounter(counter.name, counter.help,
                    [this, value = counter.value] { return static_cast<double>(stats().*value); });
  }
  sink.AddCounter("pulumi_gateway_quota_store_call_seconds_total",
                  "Time spent waiting for the quota store (its I/O threads only); divided by the "
                  "calls: the mean latency.",
                  [this] { return stats().call_seconds; });
}

}  // namespace pulumi_gateway
