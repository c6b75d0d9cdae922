// Plain value types for one upstream HTTP exchange: what goes on the wire and what comes back.
//
// transcode/ produces an HttpRequest from a gRPC request; upstream/ sends it (with the call's
// CallContext, gateway/call/) and hands back an HttpResponse; status/ and transcode/ read that.
// Keeping these types in a leaf of their own means none of those modules depends on another to
// share them.
//
//   HttpRequest req;
//   req.method = "GET";
//   req.path = "/api/stacks/acme-corp/payments-api/prod";
//   req.headers.push_back({"Accept", "application/vnd.pulumi+8"});
#ifndef GATEWAY_HTTP_HTTP_TYPES_H_
#define GATEWAY_HTTP_HTTP_TYPES_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "gateway/http/buffer_budget.h"

namespace pulumi_gateway {

// Header name/value pairs in the order they were added or received.
using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  // "GET", "POST", "PUT", "PATCH", "DELETE" or "HEAD".
  std::string method;
  // Path and query, already percent-encoded, starting with '/'. Appended to the upstream base URL.
  std::string path;
  HttpHeaders headers;
  // Request body; empty with `has_body` false means no body is sent at all.
  std::string body;
  bool has_body = false;
};

struct HttpResponse {
  int status = 0;
  // Header names as received; look them up with FindHeader (case-insensitive).
  HttpHeaders headers;
  std::string body;
  // The share of the process's buffer budget the body and headers hold (see buffer_budget.h);
  // copies of the response share it, and the last one gives it back. Null when unbudgeted.
  std::shared_ptr<const BufferReservation> reservation;
};

// The value of the first header named `name` (ASCII case-insensitive), or an empty view.
absl::string_view FindHeader(const HttpHeaders& headers, absl::string_view name);

}  // namespace pulumi_gateway

#endif  // GATEWAY_HTTP_HTTP_TYPES_H_
