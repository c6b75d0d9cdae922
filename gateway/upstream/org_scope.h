// Which organization an upstream request touches, so that layers keeping reads (the response
// cache, the read coalescer) can tell which of them the gateway's own writes may have changed.
//
//   OrgScope read = ReadScope("/api/stacks/acme-corp/payments-api/prod");  // org "acme-corp"
//   OrgScope write = WriteScope("/api/stacks/acme-corp/payments-api/prod/tags");  // a POST
//   Affects(write, read);  // true
//
// Org names are compared percent-decoded and ASCII lower-cased: two spellings of one org can only
// make a write invalidate more, never less.
#ifndef GATEWAY_UPSTREAM_ORG_SCOPE_H_
#define GATEWAY_UPSTREAM_ORG_SCOPE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace pulumi_gateway {

struct OrgScope {
  enum class Kind {
    // One organization, named by `org`.
    kOrg,
    // A read whose organization the path does not name (`/api/user`, `/api/user/stacks` without
    // `organization`): any write may change it.
    kUnknown,
    // A write that may change any read: a stack transfer (two organizations), or a write whose
    // organization the path does not name.
    kEverything,
  };
  Kind kind = Kind::kUnknown;
  // Percent-decoded and lower-cased; set only for kOrg.
  std::string org;
};

// What a read of `path` (path and query, as sent upstream) depends on: the org of
// `/api/stacks/{org}/...` and `/api/orgs/{org}/...`, the `organization` query parameter of
// `/api/user/stacks`; kUnknown otherwise.
OrgScope ReadScope(absl::string_view path);

// What a write (any method but GET) to `path` may change: its org, or kEverything for a
// stack transfer or a path without an org.
OrgScope WriteScope(absl::string_view path);

// Whether a write of scope `write` may change a read of scope `read`.
bool Affects(const OrgScope& write, const OrgScope& read);

}  // namespace pulumi_gateway

#endif  // GATEWAY_UPSTREAM_ORG_SCOPE_H_
