// The I/O threads of RedisQuotaStore: the command thread (leases, pauses, heartbeats, pause
// re-reads, invalidations) and the subscription thread (pauses and writes of other replicas).
// Each owns its connection; both reconnect with backoff and report to the in-memory side, which
// decides between shared and degraded mode.
#include <algorithm>
#include <utility>

#include "absl/random/random.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "gateway/fleet/redis_quota_keys.h"
#include "gateway/fleet/redis_quota_store.h"

namespace pulumi_gateway {
namespace {

enum Script { kLease = 0, kPause = 1, kPttl = 2, kHeartbeat = 3 };

// Each runs atomically on the server, on the server's clock (TIME), so replicas' clocks never
// matter. Numbers go in and out as integers or decimal strings.
constexpr const char* kScripts[] = {
    // kLease. KEYS[1]: a bucket hash {tokens, ts}. ARGV: rate/s, burst, tokens wanted.
    // Refills, grants up to `want` whole tokens it holds, and returns {granted, ms until it
    // holds a whole token again}. The key expires once the bucket would be full anyway.
    R"lua(
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local want = tonumber(ARGV[3])
local v = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = burst
if v[1] and v[2] then
  tokens = math.min(burst, tonumber(v[1]) + math.max(0, now - tonumber(v[2])) * rate / 1000)
end
local granted = math.max(0, math.min(want, math.floor(tokens)))
tokens = tokens - granted
local wait = 0
if tokens < 1 then wait = math.ceil((1 - tokens) * 1000 / rate) end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'ts', string.format('%.3f', now))
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) * 1000 / rate) + 1000)
return {granted, wait}
)lua",
    // kPause. KEYS[1]: the pause key. ARGV: hex digest, ms the pause lasts from now, channel,
    // replica id. Only ever extends; publishes what it set, with the sender's id so the sender
    // does not take its own pause back later than it set it. Returns the ms the pause lasts.
    R"lua(
local ttl = redis.call('PTTL', KEYS[1])
local want = tonumber(ARGV[2])
if ttl >= want then return ttl end
redis.call('SET', KEYS[1], '1', 'PX', want)
redis.call('PUBLISH', ARGV[3], ARGV[4] .. ' ' .. ARGV[1] .. ' ' .. want)
return want
)lua",
    // kPttl. KEYS: pause keys. Returns each one's ms left (negative: none).
    R"lua(
local r = {}
for i, k in ipairs(KEYS) do r[i] = redis.call('PTTL', k) end
return r
)lua",
    // kHeartbeat. KEYS[1]: the replicas sorted set. ARGV: replica id, ms a heartbeat counts.
    // Returns the replicas seen within that time.
    R"lua(
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
redis.call('PEXPIRE', KEYS[1], window)
return redis.call('ZCARD', KEYS[1])
)lua",
};

// Identities whose pause keys one kPttl script reads.
constexpr size_t kResyncBatch = 100;

int64_t Millis(absl::Duration d) {
  return absl::ToInt64Milliseconds(absl::Ceil(d, absl::Milliseconds(1)));
}

}  // namespace

bool RedisQuotaStore::Backoff(int attempt) {
  absl::Duration wait = absl::Milliseconds(50) * (1 << std::min(attempt, 8));
  wait = std::min(wait, options_.max_backoff);
  absl::BitGen bits;
  wait = wait * absl::Uniform(bits, 0.5, 1.0);
  absl::MutexLock lock(&mu_);
  mu_.AwaitWithTimeout(absl::Condition(&stopping_), wait);
  return !stopping_;
}

void RedisQuotaStore::ConnectionLost(bool command, const absl::Status& status) {
  absl::MutexLock lock(&mu_);
  ++stats_.call_errors;
  if (command) {
    command_ok_ = false;
    // Lease requests start again once connected (Take asks anew).
    for (auto& [key, lease] : leases_) lease.requested = lease.in_flight = false;
  } else {
    subscribed_ = false;
  }
  UpdateDegradedLocked(status.message());
}

absl::StatusOr<RedisReply> RedisQuotaStore::Call(RedisConnection& redis,
                                                 const std::vector<std::string>& argv) {
  const absl::Time start = absl::Now();
  absl::StatusOr<RedisReply> reply = redis.Command(argv);
  const absl::Duration took = absl::Now() - start;
  absl::MutexLock lock(&mu_);
  ++stats_.calls;
  stats_.call_seconds += absl::ToDoubleSeconds(took);
  if (reply.ok() && reply->is_error()) {
    // A script or command the server refuses (out of memory, ACL): as good as unreachable.
    return absl::UnavailableError(
        absl::StrCat("Redis at ", redis.endpoint().ToString(), " answered an error: ", reply->str));
  }
  return reply;
}

absl::StatusOr<RedisReply> RedisQuotaStore::Script(RedisConnection& redis, int script,
                                                   const std::vector<std::string>& keys,
                                                   const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"EVALSHA", script_shas_[script], absl::StrCat(keys.size())};
  argv.insert(argv.end(), keys.begin(), keys.end());
  argv.insert(argv.end(), args.begin(), args.end());
  return Call(redis, argv);
}

RedisQuotaStore::Work RedisQuotaStore::TakeDueWork(absl::Time now, absl::Time* next) {
  Work work;
  const absl::Time paused_now = clock_.Now();  // pauses are on their own clock
  if (now >= next_heartbeat_) {
    work.heartbeat = true;
    next_heartbeat_ = now + options_.heartbeat_interval;
    // Forget what no longer matters: ended pauses, idle leases.
    absl::erase_if(pauses_, [paused_now](const auto& p) { return p.second <= paused_now; });
    absl::erase_if(leases_, [&](const auto& entry) {
      const Lease& l = entry.second;
      return !l.requested && now - l.last_asked > options_.lease_lifetime &&
             (l.tokens == 0 || l.expires <= now);
    });
  }
  *next = std::min(*next, next_heartbeat_);
  if (subscribed_ && resync_pending_) {
    work.resync_due = true;
    absl::flat_hash_set<std::string> identities;
    for (const auto& [identity, until] : pauses_) identities.insert(identity);
    for (const auto& [key, lease] : leases_) {
      identities.insert(std::string(fleet_keys::IdentityOfBucket(key)));
    }
    work.resync.assign(identities.begin(), identities.end());
  }
  for (auto& [identity, until] : pending_pauses_) {
    if (until > paused_now) work.pauses.emplace_back(identity, until);
  }
  pending_pauses_.clear();
  work.invalidations.assign(invalidations_.begin(), invalidations_.end());
  invalidations_.clear();
  for (auto& [key, lease] : leases_) {
    if (!lease.requested || lease.in_flight) continue;
    if (lease.due > now) {
      *next = std::min(*next, lease.due);
      continue;
    }
    lease.in_flight = true;
    lease.requested_at = now;
    work.leases.push_back({key, lease.rate, lease.burst, LeaseSizeLocked(lease)});
  }
  return work;
}

absl::Status RedisQuotaStore::RunWork(RedisConnection& redis, Work& work) {
  if (work.heartbeat) {
    const int64_t window = Millis(3 * options_.heartbeat_interval);
    absl::StatusOr<RedisReply> n =
        Script(redis, kHeartbeat, {fleet_keys::kReplicas}, {replica_id_, absl::StrCat(window)});
    if (!n.ok()) return n.status();
    absl::MutexLock lock(&mu_);
    heartbeat_fleet_size_ = static_cast<int>(n->integer);
  }
  if (work.resync_due) {
    // Pauses set while this replica could not hear them.
    for (size_t i = 0; i < work.resync.size(); i += kResyncBatch) {
      std::vector<std::string> keys;
      std::vector<std::string> identities;
      for (size_t j = i; j < std::min(work.resync.size(), i + kResyncBatch); ++j) {
        std::optional<std::string> hex = fleet_keys::HexOf(work.resync[j]);
        if (!hex.has_value()) continue;
        keys.push_back(fleet_keys::PauseKey(*hex));
        identities.push_back(work.resync[j]);
      }
      if (keys.empty()) continue;
      absl::StatusOr<RedisReply> ttls = Script(redis, kPttl, keys, {});
      if (!ttls.ok()) return ttls.status();
      const absl::Time now = clock_.Now();
      absl::MutexLock lock(&mu_);
      for (size_t j = 0; j < ttls->elements.size() && j < identities.size(); ++j) {
        const int64_t ms = ttls->elements[j].integer;
        if (ms <= 0) continue;
        absl::Time& until = pauses_[identities[j]];
        until = std::max(until, now + absl::Milliseconds(ms));
      }
    }
  }
  if (work.resync_due) {
    absl::MutexLock lock(&mu_);
    if (subscribed_ && resync_pending_) {
      resync_pending_ = false;
      UpdateDegradedLocked("");
    }
  }
  for (size_t i = 0; i < work.pauses.size(); ++i) {
    const auto& [identity, until] = work.pauses[i];
    const absl::Duration left = until - clock_.Now();
    if (left <= absl::ZeroDuration()) continue;
    const std::string hex = *fleet_keys::HexOf(identity);
    absl::StatusOr<RedisReply> set =
        Script(redis, kPause, {fleet_keys::PauseKey(hex)},
               {hex, absl::StrCat(Millis(left)), fleet_keys::kPauseChannel, replica_id_});
    if (!set.ok()) {
      // Not told yet: keep it (and the rest) for when Redis is back.
      absl::MutexLock lock(&mu_);
      for (size_t j = i; j < work.pauses.size(); ++j) {
        absl::Time& pending = pending_pauses_[work.pauses[j].first];
        pending = std::max(pending, work.pauses[j].second);
      }
      return set.status();
    }
    // The script answers the pause the key holds: longer than ours when another replica set
    // one this replica has not heard of (it was not listening yet); adopt it at once.
    const int64_t held_ms = set->integer;
    absl::MutexLock lock(&mu_);
    if (held_ms > Millis(left)) {
      absl::Time& paused = pauses_[identity];
      paused = std::max(paused, clock_.Now() + absl::Milliseconds(held_ms));
    } else {
      ++stats_.pauses_published;
    }
  }
  for (const LeaseJob& job : work.leases) {
    const std::string key = *fleet_keys::BucketKey(job.key);
    absl::StatusOr<RedisReply> answer =
        Script(redis, kLease, {key},
               {absl::StrCat(job.rate), absl::StrCat(job.burst), absl::StrCat(job.want)});
    if (!answer.ok()) return answer.status();
    if (answer->elements.size() != 2) {
      return absl::DataLossError("the lease script answered an unexpected shape");
    }
    const int64_t granted = answer->elements[0].integer;
    const int64_t wait_ms = answer->elements[1].integer;
    const absl::Time now = absl::Now();
    absl::MutexLock lock(&mu_);
    ++stats_.leases;
    stats_.leased_tokens += granted;
    auto it = leases_.find(job.key);
    if (it == leases_.end()) continue;
    Lease& lease = it->second;
    lease.requested = lease.in_flight = false;
    lease.retry_at = wait_ms > 0 ? now + absl::Milliseconds(wait_ms) : absl::InfinitePast();
    if (granted > 0) {
      lease.tokens += static_cast<int>(granted);
      lease.expires = now + options_.lease_lifetime;
    } else if (now - lease.last_asked < options_.lease_lifetime) {
      // Someone is waiting: ask again as soon as the bucket holds a token.
      RequestLeaseLocked(lease, lease.retry_at);
    }
  }
  for (const std::string& message : work.invalidations) {
    absl::StatusOr<RedisReply> sent = Call(redis, {"PUBLISH", fleet_keys::kWriteChannel, message});
    absl::MutexLock lock(&mu_);
    if (!sent.ok()) {
      stats_.invalidations_dropped += 1;
      return sent.status();
    }
    ++stats_.invalidations_published;
  }
  return absl::OkStatus();
}

void RedisQuotaStore::CommandLoop() {
  int attempt = 0;
  std::unique_ptr<RedisConnection> redis;
  while (true) {
    if (redis == nullptr) {
      {
        absl::MutexLock lock(&mu_);
        if (stopping_) return;
      }
      absl::StatusOr<std::unique_ptr<RedisConnection>> connected =
          RedisConnection::Connect(options_.connection);
      absl::Status status = connected.status();
      std::vector<std::string> shas;
      for (const char* script : kScripts) {
        if (!status.ok()) break;
        absl::StatusOr<RedisReply> sha = Call(**connected, {"SCRIPT", "LOAD", script});
        if (!sha.ok()) status = sha.status();
        shas.push_back(sha.ok() ? sha->str : "");
      }
      if (!status.ok()) {
        ConnectionLost(/*command=*/true, status);
        if (!Backoff(attempt++)) return;
        continue;
      }
      script_shas_ = std::move(shas);
      redis = *std::move(connected);
      attempt = 0;
      absl::MutexLock lock(&mu_);
      command_ok_ = true;
      next_heartbeat_ = absl::InfinitePast();  // learn the fleet size at once
      UpdateDegradedLocked("");
    }
    Work work;
    bool stopping = false;
    {
      absl::MutexLock lock(&mu_);
      while (true) {
        if (stopping_) {
          stopping = true;
          break;
        }
        const absl::Time now = absl::Now();
        absl::Time next = now + options_.heartbeat_interval;
        work = TakeDueWork(now, &next);
        if (work.heartbeat || work.resync_due || !work.pauses.empty() || !work.leases.empty() ||
            !work.invalidations.empty()) {
          busy_ = true;
          break;
        }
        work_cv_.WaitWithDeadline(&mu_, next);
      }
    }
    if (stopping) {
      // Leave the fleet's count at once rather than when the heartbeat runs out (best effort).
      (void)redis->Command({"ZREM", fleet_keys::kReplicas, replica_id_});
      return;
    }
    absl::Status status = RunWork(*redis, work);
    {
      absl::MutexLock lock(&mu_);
      busy_ = false;
    }
    if (!status.ok()) {
      redis.reset();
      ConnectionLost(/*command=*/true, status);
      if (!Backoff(attempt++)) return;
    }
  }
}

void RedisQuotaStore::HandleMessage(const RedisReply& message) {
  if (message.type != RedisReply::Type::kArray || message.elements.size() != 3 ||
      message.elements[0].str != "message") {
    return;  // subscription confirmations and PING answers
  }
  const std::string& channel = message.elements[1].str;
  const std::string& payload = message.elements[2].str;
  if (channel == fleet_keys::kPauseChannel) {
    // "<replica> <hex> <ms>"; a replica's own pause is in its map already, exactly.
    std::vector<std::string> parts = absl::StrSplit(payload, absl::MaxSplits(' ', 2));
    if (parts.size() != 3 || parts[0] == replica_id_) return;
    int64_t ms = 0;
    const std::string identity = absl::StrCat(kFleetIdentityPrefix, parts[1]);
    if (!fleet_keys::HexOf(identity).has_value() || !absl::SimpleAtoi(parts[2], &ms) || ms <= 0) {
      return;
    }
    const absl::Time until = clock_.Now() + absl::Milliseconds(ms);
    absl::MutexLock lock(&mu_);
    ++stats_.pauses_received;
    absl::Time& paused = pauses_[identity];
    paused = std::max(paused, until);
    return;
  }
  if (channel != fleet_keys::kWriteChannel) return;
  std::vector<std::string> parts = absl::StrSplit(payload, absl::MaxSplits(' ', 2));
  if (parts.size() < 2 || parts[0] == replica_id_) return;
  OrgScope scope;
  if (parts[1] == "org" && parts.size() == 3 && !parts[2].empty()) {
    scope.kind = OrgScope::Kind::kOrg;
    scope.org = parts[2];
  } else {
    scope.kind = OrgScope::Kind::kEverything;
  }
  {
    absl::MutexLock lock(&mu_);
    ++stats_.invalidations_received;
  }
  absl::MutexLock lock(&callback_mu_);
  if (on_remote_write_) on_remote_write_(scope);
}

void RedisQuotaStore::SubscriberLoop() {
  int attempt = 0;
  while (true) {
    {
      absl::MutexLock lock(&mu_);
      if (stopping_) return;
    }
    absl::StatusOr<std::unique_ptr<RedisConnection>> connected =
        RedisConnection::Connect(options_.connection);
    absl::Status status = connected.status();
    if (status.ok()) {
      status =
          (*connected)->Send({"SUBSCRIBE", fleet_keys::kPauseChannel, fleet_keys::kWriteChannel});
    }
    for (int i = 0; i < 2 && status.ok(); ++i) {
      absl::StatusOr<RedisReply> confirmed = (*connected)->Read(options_.connection.io_timeout);
      if (!confirmed.ok())
        status = confirmed.status();
      else if (confirmed->type != RedisReply::Type::kArray || confirmed->elements.empty() ||
               confirmed->elements[0].str != "subscribe") {
        status = absl::UnavailableError(
            absl::StrCat("Redis at ", options_.connection.endpoint.ToString(),
                         " refused the subscription: ", confirmed->str));
      }
    }
    if (!status.ok()) {
      ConnectionLost(/*command=*/false, status);
      if (!Backoff(attempt++)) return;
      continue;
    }
    attempt = 0;
    {
      absl::MutexLock lock(&mu_);
      subscribed_ = true;
      // Pauses published while this replica was not listening: the command thread re-reads them
      // before the store counts as shared again.
      resync_pending_ = true;
      work_cv_.Signal();
    }
    RedisConnection& redis = **connected;
    absl::Time last_heard = absl::Now();
    absl::Time last_ping = last_heard;
    // A server that stopped answering (paused, half-open connection) is noticed by the missing
    // PING answers.
    const absl::Duration silence = 3 * options_.heartbeat_interval + options_.connection.io_timeout;
    while (true) {
      {
        absl::MutexLock lock(&mu_);
        if (stopping_) return;
      }
      absl::StatusOr<RedisReply> message = redis.Read(absl::Milliseconds(200));
      const absl::Time now = absl::Now();
      if (message.ok()) {
        last_heard = now;
        HandleMessage(*message);
        continue;
      }
      if (!absl::IsDeadlineExceeded(message.status())) {
        status = message.status();
        break;
      }
      if (now - last_heard > silence) {
        status = absl::DeadlineExceededError(
            absl::StrCat("Redis at ", options_.connection.endpoint.ToString(),
                         " stopped answering the subscription's PING"));
        break;
      }
      if (now - last_ping >= options_.heartbeat_interval) {
        last_ping = now;
        if (status = redis.Send({"PING"}); !status.ok()) break;
      }
    }
    ConnectionLost(/*command=*/false, status);
  }
}

}  // namespace pulumi_gateway
