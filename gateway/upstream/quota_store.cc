#include "gateway/upstream/quota_store.h"

#include <algorithm>
#include <cstdint>

#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace pulumi_gateway {

absl::string_view AuthorizationToken(absl::string_view authorization) {
  absl::string_view token = absl::StripAsciiWhitespace(authorization);
  const size_t space = token.find(' ');
  if (space != absl::string_view::npos)
    token = absl::StripLeadingAsciiWhitespace(token.substr(space));
  return token;
}

std::string IdentityFingerprint(absl::string_view authorization) {
  const absl::string_view token = AuthorizationToken(authorization);
  if (token.empty()) return "";
  // FNV-1a 64, as the emulator's TokenFingerprint: stable across replicas and restarts, and a
  // high-entropy token cannot be recovered from it.
  uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : token) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return absl::StrCat("fnv1a64:", absl::Hex(hash, absl::kZeroPad16));
}

LocalQuotaStore::LocalQuotaStore(LocalQuotaStoreOptions options) : options_(options) {}

void LocalQuotaStore::PauseUntil(absl::string_view identity, absl::Time until) {
  absl::MutexLock lock(&mu_);
  auto it = pauses_.find(identity);
  if (it != pauses_.end()) {
    it->second = std::max(it->second, until);
    return;
  }
  // A pause is the upstream's explicit word: it is kept even past max_entries.
  pauses_.emplace(std::string(identity), until);
}

absl::Time LocalQuotaStore::PausedUntil(absl::string_view identity, absl::Time now) {
  absl::MutexLock lock(&mu_);
  MaybeSweep(now, /*force=*/false);
  auto it = pauses_.find(identity);
  if (it == pauses_.end() || it->second <= now) return absl::InfinitePast();
  return it->second;
}

absl::Duration LocalQuotaStore::Take(absl::Span<const QuotaBucket> buckets, absl::Time now) {
  absl::MutexLock lock(&mu_);
  MaybeSweep(now, /*force=*/false);
  absl::Duration wait = absl::ZeroDuration();
  // Each bucket as it stands at `now` under the limits asked for; a bucket not stored is full.
  absl::InlinedVector<TokenBucket, 2> updated;
  for (const QuotaBucket& spec : buckets) {
    auto it = buckets_.find(spec.key);
    TokenBucket bucket =
        it != buckets_.end() ? it->second : TokenBucket(spec.rate, spec.burst, now);
    bucket.SetLimits(spec.rate, spec.burst);
    wait = std::max(wait, bucket.WaitAt(now));
    updated.push_back(bucket);
  }
  if (wait > absl::ZeroDuration()) return wait;
  for (size_t i = 0; i < buckets.size(); ++i) {
    updated[i].Take(now);
    auto it = buckets_.find(buckets[i].key);
    if (it == buckets_.end()) {
      if (Full()) MaybeSweep(now, /*force=*/true);
      if (Full()) continue;  // served as a full bucket, not stored (see max_entries)
      buckets_.emplace(buckets[i].key, updated[i]);
    } else {
      it->second = updated[i];
    }
  }
  return absl::ZeroDuration();
}

int LocalQuotaStore::PausedCount(absl::Time now) const {
  absl::MutexLock lock(&mu_);
  return static_cast<int>(std::count_if(pauses_.begin(), pauses_.end(),
                                        [now](const auto& pause) { return pause.second > now; }));
}

size_t LocalQuotaStore::entries() const {
  absl::MutexLock lock(&mu_);
  return buckets_.size() + pauses_.size();
}

bool LocalQuotaStore::Full() const {
  return buckets_.size() + pauses_.size() >= options_.max_entries;
}

void LocalQuotaStore::MaybeSweep(absl::Time now, bool force) {
  if (!force && now - swept_at_ < options_.sweep_interval) return;
  swept_at_ = now;
  // A bucket refilled to its burst is the same as no bucket; a pause that ended is no pause.
  absl::erase_if(buckets_, [now](const auto& entry) { return entry.second.FullAt(now); });
  absl::erase_if(pauses_, [now](const auto& entry) { return entry.second <= now; });
}

}  // namespace pulumi_gateway
