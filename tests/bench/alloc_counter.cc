// Counts the heap allocations of the process it is preloaded into, for run.sh's "heap
// allocations per call" figure: a count, so unlike CPU time it does not move with the machine's
// load.
//
//   ALLOC_COUNTER_FILE=/tmp/count LD_PRELOAD=liballoc_counter.so pulumi_gateway ... &
//   kill -USR2 $!   # /tmp/count now holds the allocations so far, in decimal
//
// malloc, calloc, realloc and the aligned allocators are counted and handed to glibc's own
// (glibc routes its internal allocations, strdup's say, through the interposed malloc too). free
// is not counted. The count is written on SIGUSR2 and at exit.
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdlib>
#include <cstring>

extern "C" {
void* __libc_malloc(size_t size);
void* __libc_calloc(size_t count, size_t size);
void* __libc_realloc(void* p, size_t size);
void* __libc_memalign(size_t alignment, size_t size);
}

namespace {

std::atomic<unsigned long long> allocations{0};
// ALLOC_COUNTER_FILE, copied at load: getenv is not safe in a signal handler.
char count_path[4096];

void Count() { allocations.fetch_add(1, std::memory_order_relaxed); }

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
  return __libc_malloc(size);
}

void* calloc(size_t count, size_t size) {
  Count();
  return __libc_calloc(count, size);
}

void* realloc(void* p, size_t size) {
  Count();
  return __libc_realloc(p, size);
}

void* memalign(size_t alignment, size_t size) {
  Count();
  return __libc_memalign(alignment, size);
}

void* aligned_alloc(size_t alignment, size_t size) {
  Count();
  return __libc_memalign(alignment, size);
}

int posix_memalign(void** out, size_t alignment, size_t size) {
  if (alignment % sizeof(void*) != 0 || (alignment & (alignment - 1)) != 0) return EINVAL;
  Count();
  void* p = __libc_memalign(alignment, size);
  if (p == nullptr) return ENOMEM;
  *out = p;
  return 0;
}

}  // extern "C"
