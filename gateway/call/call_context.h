// What every layer between the server and the HTTP client needs to know about one upstream call
// besides the wire request itself: until when, for which RPC, how urgent, whether it may be sent
// twice, how many attempts it took, and its cancellation. The wire request (HttpRequest: method,
// path, headers, body) stays a plain value that transcode produces; the server makes the context.
//
//   CancellationSource cancel;  // owned by the gRPC call
//   CallContext context;
//   context.deadline = call_deadline;
//   context.route = "GetStack";
//   context.idempotent = true;
//   context.cancellation = cancel.token();
//   upstream->Send(std::move(request), std::move(context), std::move(done));
//   cancel.Cancel();  // on the gRPC call's cancel: see upstream_client.h for the contract
#ifndef GATEWAY_CALL_CALL_CONTEXT_H_
#define GATEWAY_CALL_CALL_CONTEXT_H_

#include <atomic>
#include <memory>
#include <string>

#include "absl/time/time.h"
#include "gateway/call/cancellation.h"

namespace pulumi_gateway {

// Who waits first when an upstream identity's request budget is short: interactive calls (unary
// RPCs) go before bulk work (the pages of list streams, batch and composite RPCs).
enum class RequestPriority { kInteractive, kBulk };

struct CallContext {
  // The transfer is abandoned (DEADLINE_EXCEEDED) when this passes. InfiniteFuture: no limit.
  absl::Time deadline = absl::InfiniteFuture();
  // The RPC this request serves (e.g. "GetStack"): a label for metrics, the cache's TTL table and
  // logs, never sent.
  std::string route;
  RequestPriority priority = RequestPriority::kInteractive;
  // Safe to send more than once (GET, PUT, DELETE, or an idempotent RPC): retries may resend it
  // after it reached the upstream. Other requests are retried only when they were never sent.
  bool idempotent = false;
  // When set, every attempt (first try and retries) adds one, so the caller can log attempts.
  std::shared_ptr<std::atomic<int>> attempts;
  // Send on a newly opened connection, never a pooled one (set by retries for the attempt after
  // an answer that broke HTTP's framing, whose connection is not trusted).
  bool fresh_connection = false;
  // Cancelled by the call's owner; every layer honours it (upstream_client.h). Default: never.
  CancellationToken cancellation;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_CALL_CALL_CONTEXT_H_
