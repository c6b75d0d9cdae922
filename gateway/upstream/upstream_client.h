// The interface every upstream HTTP client implements, so cross-cutting layers (cache, coalescing,
// retries, breaker, throttles, metrics) and test fakes can wrap or replace the curl
// implementation. A call is the wire request plus its CallContext (gateway/call/call_context.h):
// deadline, route, priority, idempotency, attempts and a cancellation token.
//
//   CancellationSource cancel;
//   CallContext context;
//   context.deadline = deadline;
//   context.route = "GetStack";
//   context.cancellation = cancel.token();
//   client.Send(std::move(request), std::move(context),
//               [](absl::StatusOr<HttpResponse> result) { ... });
//   cancel.Cancel();  // `done` then runs with CANCELLED, unless the call already completed
//
// The cancellation contract, which every implementation and decorator keeps:
// - There are no call ids: the caller cancels the token it put in the context. Cancelling after
//   completion does nothing.
// - `done` runs exactly once, cancelled or not: with CANCELLED when the call was cancelled while
//   it waited or was in flight, with its result when it completed first. It never runs inside
//   Send, nor inside the CancellationSource::Cancel that cancelled it, so a caller may cancel
//   while holding its own lock.
// - A layer registers on the token only what it must undo itself while the call waits in it (a
//   queued request, a backoff timer, a cache hit not yet delivered, a reader of a shared
//   request), and forwards the same context when it passes the call on, so a cancel reaches
//   whichever layer holds the call now; the registration goes when the call leaves the layer.
// - A layer starts its work, then registers (or registers, then checks the token before the next
//   step): registering on an already-cancelled token runs the callback at once, so a cancel that
//   came in between is never lost.
// - A layer that sends one request on behalf of several callers (read coalescing) gives it a
//   token of its own, cancelled when no caller is left.
#ifndef GATEWAY_UPSTREAM_UPSTREAM_CLIENT_H_
#define GATEWAY_UPSTREAM_UPSTREAM_CLIENT_H_

#include "absl/functional/any_invocable.h"
#include "absl/status/statusor.h"
#include "gateway/call/call_context.h"
#include "gateway/http/http_types.h"

namespace pulumi_gateway {

// Payload on statuses of calls refused because the upstream is known to be failing (circuit
// breaker open): never sent, and not worth retrying until the breaker probes again.
inline constexpr char kBreakerOpenPayload[] = "pulumi-gateway/breaker-open";

class UpstreamClient {
 public:
  // Receives the response (any HTTP status) or a transport error: DEADLINE_EXCEEDED,
  // UNAVAILABLE (connect, TLS, reset), CANCELLED, RESOURCE_EXHAUSTED (body over the limit).
  using Callback = absl::AnyInvocable<void(absl::StatusOr<HttpResponse>) &&>;

  virtual ~UpstreamClient() = default;

  // Starts `request` for the call `context` describes. `done` runs exactly once, on a thread of
  // the client's (or its timers'), or where the sending thread's InlineCompletionScope closes
  // (gateway/call/inline_completion.h), never inside Send or inside a Cancel (see above).
  virtual void Send(HttpRequest request, CallContext context, Callback done) = 0;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_UPSTREAM_UPSTREAM_CLIENT_H_
