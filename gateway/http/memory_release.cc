#include "gateway/http/memory_release.h"

#include <malloc.h>

#include <atomic>
#include <system_error>
#include <thread>

namespace pulumi_gateway {
namespace {

std::atomic<bool> trim_running{false};

}  // namespace

void TuneAllocatorForLargeBuffers() {
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  mallopt(M_TRIM_THRESHOLD, 8 << 20);
}

void ReleaseFreeMemorySoon() {
  if (trim_running.exchange(true)) return;
  try {
    std::thread([] {
      malloc_trim(0);
      trim_running.store(false);
    }).detach();
  } catch (const std::system_error&) {
    trim_running.store(false);  // no thread to be had: the memory stays until the next trim
  }
}

}  // namespace pulumi_gateway
