#include "gateway/http/huge_pages.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>

namespace pulumi_gateway {

void AdviseHugePages(char* data, size_t size) {
  constexpr size_t kWorthIt = 8 << 20;
  if (size < kWorthIt) return;
  const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  const uintptr_t begin = (reinterpret_cast<uintptr_t>(data) + page - 1) & ~(page - 1);
  const uintptr_t end = (reinterpret_cast<uintptr_t>(data) + size) & ~(page - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

}  // namespace pulumi_gateway
