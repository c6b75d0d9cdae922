// The options of the upstream transport (CurlClient), one source for their defaults: the flags
// of gateway/config read theirs from here.
//
//   CurlClientOptions options;
//   options.base_url = "https://api.pulumi.com";
//   options.loops = 2;
#ifndef GATEWAY_UPSTREAM_CURL_OPTIONS_H_
#define GATEWAY_UPSTREAM_CURL_OPTIONS_H_

#include <cstddef>
#include <string>

#include "absl/time/time.h"
#include "gateway/clock/clock.h"
#include "gateway/http/buffer_budget.h"

namespace pulumi_gateway {

struct CurlClientOptions {
  // Scheme, host and optional port (and path prefix) prepended to every request path.
  // No default: required.
  std::string base_url;
  // PEM bundle of CAs to trust for https; empty (default) uses the system store.
  std::string ca_file;
  // Skip TLS certificate and host verification. Default false; main warns loudly when set.
  bool insecure_skip_verify = false;
  // Speak HTTP/2 without TLS from the first byte (h2c). Default false.
  bool http2_prior_knowledge = false;
  // Most connections open to the upstream at once; further transfers wait for one. Default 64.
  int max_connections = 64;
  // Most connections once the upstream is known to speak HTTP/2: each carries up to 100
  // concurrent requests, further requests wait for a free stream. Default 4.
  int max_http2_connections = 4;
  // Responses with a larger body fail with RESOURCE_EXHAUSTED. Default 64 MiB.
  size_t max_response_bytes = 64u << 20;
  // Responses whose status lines, header fields and trailers (interim answers included) add up
  // to more fail with RESOURCE_EXHAUSTED. Default 256 KiB.
  size_t max_header_bytes = 256u << 10;
  // Process-wide budget for buffered answer bytes; over it a call fails with RESOURCE_EXHAUSTED
  // and RetryInfo. Not owned; null (default): unbudgeted.
  BufferBudget* budget = nullptr;
  // The proxy every request goes through, as CURLOPT_PROXY takes it ("http://host:3128",
  // "socks5h://host:1080"; credentials in it are never logged); empty (default): none. libcurl
  // reads the proxy variables of the environment for every request unless told which proxy to
  // use; the client never lets it (gateway/config reads the environment's once, at start).
  std::string proxy;
  // Hosts reached without `proxy`, as CURLOPT_NOPROXY takes them ("localhost,.internal"; "*":
  // all). Default empty.
  std::string no_proxy;
  // Longest wait for a TCP + TLS connection. Default 10 s.
  absl::Duration connect_timeout = absl::Seconds(10);
  // What deadlines are compared with. Not owned; null (default): Clock::Real().
  const Clock* clock = nullptr;
  // Event loops (threads driving libcurl), each with its own share of the connection limits
  // above; calls go to the least loaded. 0 (default): one per CPU the process can keep busy
  // (its affinity, lowered to its cgroup's CPU quota: see gateway/host/cpu_budget.h). Never more
  // than the connection limits allow (each loop needs at least one connection of each limit).
  int loops = 0;
  // How long the thread that starts a call may wait for its answer itself, so the answer is
  // handled where it arrives instead of being handed from a loop thread back to the server's:
  // only inside an InlineCompletionScope (the server opens one only while it has no other call in
  // progress), on a loop with no other call in flight, when answers lately took less than this,
  // and on one thread of the process at a time. Default 1 ms; 0 never.
  absl::Duration inline_wait = absl::Milliseconds(1);
  // How long that thread checks the connection in a busy loop before it sleeps on it, so an
  // answer that comes within this is read without a sleep and a wake-up (on virtual machines the
  // dearest part of a quick call). Only while answers lately came within twice this; at most
  // one thread of the process at a time, as above. Default 100 µs; 0 never.
  absl::Duration inline_spin = absl::Microseconds(100);
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_UPSTREAM_CURL_OPTIONS_H_
