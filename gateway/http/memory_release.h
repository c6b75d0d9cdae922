// Gives memory back to the system after large upstream answers. glibc keeps freed heap memory
// for reuse and, by default, raises its mmap threshold after a large buffer is freed, so the
// next large buffers land on the heap too and stay resident after their call: a pod that served
// one 60 MB answer would keep that memory for good.
//
//   TuneAllocatorForLargeBuffers();  // once, in main, before any thread starts
//   ...
//   if (body_size >= kLargeAnswerBytes) ReleaseFreeMemorySoon();
#ifndef GATEWAY_HTTP_MEMORY_RELEASE_H_
#define GATEWAY_HTTP_MEMORY_RELEASE_H_

#include <cstddef>

namespace pulumi_gateway {

// Answers at least this large are worth a trim afterwards.
inline constexpr size_t kLargeAnswerBytes = size_t{4} << 20;

// Fixes glibc's mmap threshold at 1 MiB (buffers at least that large are mapped on their own
// and unmapped when freed) and trims the heap top once 8 MiB are free there.
void TuneAllocatorForLargeBuffers();

// Returns free heap pages to the system (malloc_trim) on a short-lived thread of its own, so the
// caller (often the upstream loop) does not wait; calls while one runs are folded into it.
void ReleaseFreeMemorySoon();

}  // namespace pulumi_gateway

#endif  // GATEWAY_HTTP_MEMORY_RELEASE_H_
