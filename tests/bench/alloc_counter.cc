// Counts the heap allocations of the process it is preloaded into, for run.sh's "heap
// allocations per call" figure: a count, so unlike CPU time it does not move with the machine's
// load.
//
//   ALLOC_COUNTER_FILE=/tmp/count LD_PRELOAD=liballoc_counter.so pulumi_gateway ... &
//   kill -USR2 $!   # /tmp/count now holds the allocations so far, in decimal
//
// malloc, calloc, realloc, the aligned allocators and operator new are counted and handed to the
// next definition in the process (RTLD_NEXT): glibc's, or those of an allocator the program links
// (the gateway's mimalloc, whose operator new never reaches malloc). An operator new that calls
// malloc (libstdc++'s) counts once. free and delete are not counted. The count is written on
// SIGUSR2 and at exit.
#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>

namespace {

std::atomic<unsigned long long> allocations{0};
// ALLOC_COUNTER_FILE, copied at load: getenv is not safe in a signal handler.
char count_path[4096];

// Set while this thread is inside a counted operator new, whose malloc then does not count.
__attribute__((tls_model("initial-exec"))) thread_local bool in_new = false;

void Count() {
  if (!in_new) allocations.fetch_add(1, std::memory_order_relaxed);
}

// The next definition of `name`, looked up once.
template <typename F>
F Next(const char* name, F& cached) {
  if (cached == nullptr) cached = reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
  return cached;
}

using MallocFn = void* (*)(size_t);
using CallocFn = void* (*)(size_t, size_t);
using ReallocFn = void* (*)(void*, size_t);
using MemalignFn = void* (*)(size_t, size_t);
using PosixMemalignFn = int (*)(void**, size_t, size_t);
using NewFn = void* (*)(size_t);
using NewNothrowFn = void* (*)(size_t, const std::nothrow_t&);
using NewAlignedFn = void* (*)(size_t, std::align_val_t);
using NewAlignedNothrowFn = void* (*)(size_t, std::align_val_t, const std::nothrow_t&);

MallocFn next_malloc;
CallocFn next_calloc;
ReallocFn next_realloc;
MemalignFn next_memalign;
MemalignFn next_aligned_alloc;
PosixMemalignFn next_posix_memalign;
NewFn next_new;
NewFn next_new_array;
NewNothrowFn next_new_nothrow;
NewNothrowFn next_new_array_nothrow;
NewAlignedFn next_new_aligned;
NewAlignedFn next_new_array_aligned;
NewAlignedNothrowFn next_new_aligned_nothrow;
NewAlignedNothrowFn next_new_array_aligned_nothrow;

// Counts one operator new and hands it on with in_new set.
template <typename F, typename... Args>
void* CountedNew(const char* name, F& cached, Args... args) {
  Count();
  const bool outer = !in_new;
  in_new = true;
  void* p = Next(name, cached)(args...);
  if (outer) in_new = false;
  return p;
}

// Async-signal-safe: formats by hand and uses only open, write and close.
void WriteCount() {
  if (count_path[0] == '\0') return;
  char digits[24];
  char* end = digits + sizeof(digits);
  char* p = end;
  unsigned long long n = allocations.load(std::memory_order_relaxed);
  do {
    *--p = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n != 0);
  const int fd = open(count_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return;
  [[maybe_unused]] const ssize_t written = write(fd, p, static_cast<size_t>(end - p));
  close(fd);
}

void OnSignal(int /*signal*/) {
  const int saved = errno;
  WriteCount();
  errno = saved;
}

__attribute__((constructor)) void Start() {
  const char* path = getenv("ALLOC_COUNTER_FILE");
  if (path == nullptr || strlen(path) >= sizeof(count_path)) return;
  strcpy(count_path, path);
  struct sigaction action = {};
  action.sa_handler = &OnSignal;
  action.sa_flags = SA_RESTART;
  sigemptyset(&action.sa_mask);
  sigaction(SIGUSR2, &action, nullptr);
}

__attribute__((destructor)) void Stop() { WriteCount(); }

}  // namespace

extern "C" {

void* malloc(size_t size) {
  Count();
  return Next("malloc", next_malloc)(size);
}

void* calloc(size_t count, size_t size) {
  Count();
  return Next("calloc", next_calloc)(count, size);
}

void* realloc(void* p, size_t size) {
  Count();
  return Next("realloc", next_realloc)(p, size);
}

void* memalign(size_t alignment, size_t size) {
  Count();
  return Next("memalign", next_memalign)(alignment, size);
}

void* aligned_alloc(size_t alignment, size_t size) {
  Count();
  return Next("aligned_alloc", next_aligned_alloc)(alignment, size);
}

int posix_memalign(void** out, size_t alignment, size_t size) {
  Count();
  return Next("posix_memalign", next_posix_memalign)(out, alignment, size);
}

}  // extern "C"

void* operator new(size_t size) { return CountedNew("_Znwm", next_new, size); }
void* operator new[](size_t size) { return CountedNew("_Znam", next_new_array, size); }
void* operator new(size_t size, const std::nothrow_t& tag) noexcept {
  return CountedNew<NewNothrowFn, size_t, const std::nothrow_t&>("_ZnwmRKSt9nothrow_t",
                                                                 next_new_nothrow, size, tag);
}
void* operator new[](size_t size, const std::nothrow_t& tag) noexcept {
  return CountedNew<NewNothrowFn, size_t, const std::nothrow_t&>("_ZnamRKSt9nothrow_t",
                                                                 next_new_array_nothrow, size, tag);
}
void* operator new(size_t size, std::align_val_t alignment) {
  return CountedNew("_ZnwmSt11align_val_t", next_new_aligned, size, alignment);
}
void* operator new[](size_t size, std::align_val_t alignment) {
  return CountedNew("_ZnamSt11align_val_t", next_new_array_aligned, size, alignment);
}
void* operator new(size_t size, std::align_val_t alignment, const std::nothrow_t& tag) noexcept {
  return CountedNew<NewAlignedNothrowFn, size_t, std::align_val_t, const std::nothrow_t&>(
      "_ZnwmSt11align_val_tRKSt9nothrow_t", next_new_aligned_nothrow, size, alignment, tag);
}
void* operator new[](size_t size, std::align_val_t alignment, const std::nothrow_t& tag) noexcept {
  return CountedNew<NewAlignedNothrowFn, size_t, std::align_val_t, const std::nothrow_t&>(
      "_ZnamSt11align_val_tRKSt9nothrow_t", next_new_array_aligned_nothrow, size, alignment, tag);
}
