// A hint for large buffers about to be written (an upstream body, an encoded export): back them
// with transparent huge pages, so filling them costs one page fault per 2 MiB instead of one per
// 4 KiB, which on some VMs costs more than the copy itself.
//
//   body.reserve(content_length);
//   AdviseHugePages(body.data(), body.capacity());
#ifndef GATEWAY_HTTP_HUGE_PAGES_H_
#define GATEWAY_HTTP_HUGE_PAGES_H_

#include <cstddef>

namespace pulumi_gateway {

// Advises huge pages for the whole pages inside [data, data + size) when size is at least 8 MiB;
// smaller buffers are left alone. Errors are ignored (it is only a hint).
void AdviseHugePages(char* data, size_t size);

}  // namespace pulumi_gateway

#endif  // GATEWAY_HTTP_HUGE_PAGES_H_
