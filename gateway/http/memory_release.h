// The gateway's allocator and how memory goes back to the system after large upstream answers.
//
// The gateway links mimalloc (sanitizer builds keep glibc's malloc, whose calls the sanitizers
// intercept). A call starts on a gRPC thread and ends on an upstream loop, so much of its memory
// is freed by a thread other than the one that allocated it: glibc then takes the allocating
// thread's arena lock, and at 64 calls in flight about 0.8 futex calls per call were that lock's.
// mimalloc hands such blocks back without a lock.
//
// What each allocator needs after a large answer:
//   glibc     keeps freed heap memory for reuse and raises its mmap threshold after a large
//             buffer is freed, so a pod that served one 60 MB answer would keep that memory for
//             good: the threshold is fixed, and the heap trimmed after large answers.
//   mimalloc  reclaims a block another thread freed only when the allocating thread next runs
//             the allocator; the upstream loops, which build the answers and then may sleep,
//             collect when asked.
//
//   ConfigureAllocator();  // once, in main, before any thread starts
//   ...
//   if (body_size >= kLargeAnswerBytes) ReleaseFreeMemorySoon();  // the answer freed
//
//   MemoryCollector collector([this] { Wake(); });  // a long-lived thread that builds answers
//   ...
//   collector.CollectIfAsked();  // on that thread, once per turn
#ifndef GATEWAY_HTTP_MEMORY_RELEASE_H_
#define GATEWAY_HTTP_MEMORY_RELEASE_H_

#include <cstddef>
#include <cstdint>
#include <functional>

namespace pulumi_gateway {

// Answers at least this large are worth a release afterwards.
inline constexpr size_t kLargeAnswerBytes = size_t{4} << 20;

// "mimalloc" or "glibc": the allocator this build links.
const char* AllocatorName();

// glibc: fixes the mmap threshold at 1 MiB (buffers at least that large are mapped on their own
// and unmapped when freed) and trims the heap top once 8 MiB are free there. mimalloc: nothing (it
// maps large blocks on their own already; this library's own operator new makes a failed
// allocation std::bad_alloc, as with glibc, where mimalloc's would abort the process).
void ConfigureAllocator();

// Returns free memory to the system without making the caller (often an upstream loop or a gRPC
// thread) wait. glibc: malloc_trim on a short-lived thread of its own, calls while one runs
// folded into it. mimalloc: collects the calling thread's memory and asks every MemoryCollector
// to collect its own, waking its thread; asks them again 100 ms later (gRPC frees a reply's last
// buffers after the call is done).
void ReleaseFreeMemorySoon();

// A long-lived thread's part in ReleaseFreeMemorySoon: registered while it lives, woken through
// `wake` (from any thread, under a lock of this module's: it must not block) when a release is
// asked for. Not copyable or movable.
class MemoryCollector {
 public:
  explicit MemoryCollector(std::function<void()> wake);
  ~MemoryCollector();
  MemoryCollector(const MemoryCollector&) = delete;
  MemoryCollector& operator=(const MemoryCollector&) = delete;

  // On the owning thread: collects its memory when a release was asked for since the last call.
  // One atomic load otherwise.
  void CollectIfAsked();

 private:
  std::function<void()> wake_;
  uint64_t seen_;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_HTTP_MEMORY_RELEASE_H_
