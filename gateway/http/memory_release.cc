#include "gateway/http/memory_release.h"

#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <new>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "absl/base/const_init.h"
#include "absl/synchronization/mutex.h"

#if defined(PULUMI_GATEWAY_MIMALLOC)
#include <mimalloc.h>
#endif

namespace pulumi_gateway {
namespace {

// Releases asked for so far; each collector remembers the last it served.
std::atomic<uint64_t> release_requests{0};

ABSL_CONST_INIT absl::Mutex collectors_mu(absl::kConstInit);

// The wake-ups of the collectors alive now.
std::vector<const std::function<void()>*>& Collectors()
    ABSL_EXCLUSIVE_LOCKS_REQUIRED(collectors_mu) {
  static auto* collectors = new std::vector<const std::function<void()>*>();
  return *collectors;
}

// A release's background thread runs (the glibc trim, or mimalloc's second round).
std::atomic<bool> release_running{false};

// Runs `work` on a short-lived thread of its own, so the caller does not wait; calls while one
// runs are folded into it.
void InBackground(void (*work)()) {
  if (release_running.exchange(true)) return;
  try {
    std::thread([work] {
      work();
      release_running.store(false);
    }).detach();
  } catch (const std::system_error&) {
    release_running.store(false);  // no thread to be had: the memory stays until the next release
  }
}

#if defined(PULUMI_GATEWAY_MIMALLOC)

// Serialises the collections, which set a process-wide option for a moment.
ABSL_CONST_INIT absl::Mutex collect_mu(absl::kConstInit);

// Takes back the blocks other threads freed and returns what is free to the system now, not after
// mimalloc's decommit delay: an idle thread would never reach that later decommit. Meanwhile
// other threads may decommit freed memory early too, which only costs them time.
void CollectThisThread() {
  absl::MutexLock lock(&collect_mu);
  const long delay = mi_option_get(mi_option_decommit_delay);
  mi_option_set(mi_option_decommit_delay, 0);
  mi_collect(/*force=*/true);
  mi_option_set(mi_option_decommit_delay, delay);
}

// Asks every collector to collect.
void AskCollectors() {
  release_requests.fetch_add(1, std::memory_order_relaxed);
  absl::MutexLock lock(&collectors_mu);
  for (const std::function<void()>* wake : Collectors()) (*wake)();
}

#else

void CollectThisThread() {}

#endif

}  // namespace

#if defined(PULUMI_GATEWAY_MIMALLOC)

const char* AllocatorName() {
  // Linked is not enough: mimalloc must be the malloc the process resolves.
  void* probe = std::malloc(1);  // NOLINT(cppcoreguidelines-no-malloc): malloc is what is probed
  const bool served = mi_is_in_heap_region(probe);
  std::free(probe);  // NOLINT(cppcoreguidelines-no-malloc)
  return served ? "mimalloc" : "glibc";
}

void ConfigureAllocator() {}

void ReleaseFreeMemorySoon() {
  CollectThisThread();
  AskCollectors();
  // gRPC frees a reply's last buffers after the call is done: the collectors are asked again.
  InBackground([] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    AskCollectors();
  });
}

#else

const char* AllocatorName() { return "glibc"; }

void ConfigureAllocator() {
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  mallopt(M_TRIM_THRESHOLD, 8 << 20);
}

void ReleaseFreeMemorySoon() {
  InBackground([] { malloc_trim(0); });
}

#endif

MemoryCollector::MemoryCollector(std::function<void()> wake)
    : wake_(std::move(wake)), seen_(release_requests.load(std::memory_order_relaxed)) {
  absl::MutexLock lock(&collectors_mu);
  Collectors().push_back(&wake_);
}

MemoryCollector::~MemoryCollector() {
  absl::MutexLock lock(&collectors_mu);
  std::vector<const std::function<void()>*>& collectors = Collectors();
  collectors.erase(std::find(collectors.begin(), collectors.end(), &wake_));
}

void MemoryCollector::CollectIfAsked() {
  const uint64_t asked = release_requests.load(std::memory_order_relaxed);
  if (asked == seen_) return;
  seen_ = asked;
  CollectThisThread();
}

}  // namespace pulumi_gateway

#if defined(PULUMI_GATEWAY_MIMALLOC)

// Debian's mimalloc is built as C: its operator new cannot throw, and aborts the process when an
// allocation fails (a new-handler does not help). These replace it, and libstdc++'s, in whatever
// links this: memory from malloc (mimalloc's, or an allocation counter preloaded in front of it)
// and std::bad_alloc on failure, which the gateway turns into a failed call.
// NOLINTBEGIN(cppcoreguidelines-no-malloc): operator new is built on malloc here
namespace {

void* Allocate(size_t size) noexcept { return std::malloc(size == 0 ? 1 : size); }

void* NewOrThrow(size_t size) {
  void* p = Allocate(size);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

void* NewAligned(size_t size, std::align_val_t alignment) noexcept {
  void* p = nullptr;
  return posix_memalign(&p, static_cast<size_t>(alignment), size == 0 ? 1 : size) == 0 ? p
                                                                                       : nullptr;
}

void* NewAlignedOrThrow(size_t size, std::align_val_t alignment) {
  void* p = NewAligned(size, alignment);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

}  // namespace

void* operator new(size_t size) { return NewOrThrow(size); }
void* operator new[](size_t size) { return NewOrThrow(size); }
void* operator new(size_t size, const std::nothrow_t&) noexcept { return Allocate(size); }
void* operator new[](size_t size, const std::nothrow_t&) noexcept { return Allocate(size); }
void* operator new(size_t size, std::align_val_t alignment) {
  return NewAlignedOrThrow(size, alignment);
}
void* operator new[](size_t size, std::align_val_t alignment) {
  return NewAlignedOrThrow(size, alignment);
}
void* operator new(size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return NewAligned(size, alignment);
}
void* operator new[](size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return NewAligned(size, alignment);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }
void operator delete[](void* p, size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
// NOLINTEND(cppcoreguidelines-no-malloc)

#endif
