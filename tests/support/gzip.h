// Gzip-compresses test payloads, as an upstream sending `Content-Encoding: gzip` would.
//
//   reply.body = Gzip(text);
#ifndef TESTS_SUPPORT_GZIP_H_
#define TESTS_SUPPORT_GZIP_H_

#include <string>

#include "absl/strings/string_view.h"

namespace pulumi_gateway::testing {

// `text` as one gzip member (zlib's default level); empty only if zlib fails, which it does only
// when out of memory.
std::string Gzip(absl::string_view text);

}  // namespace pulumi_gateway::testing

#endif  // TESTS_SUPPORT_GZIP_H_
