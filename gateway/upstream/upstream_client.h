// The interface every upstream HTTP client implements, so cross-cutting layers (retries, metrics)
// and test fakes can wrap or replace the curl implementation.
//
//   uint64_t id = client.Send(std::move(request), [](absl::StatusOr<HttpResponse> r) { ... });
//   client.Cancel(id);  // the callback then runs with CANCELLED, unless it already ran
#ifndef GATEWAY_UPSTREAM_UPSTREAM_CLIENT_H_
#define GATEWAY_UPSTREAM_UPSTREAM_CLIENT_H_

#include <cstdint>

#include "absl/functional/any_invocable.h"
#include "absl/status/statusor.h"
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

  // Starts `request`. `done` runs exactly once, on a client thread, never inside Send. Returns an
  // id for Cancel.
  virtual uint64_t Send(HttpRequest request, Callback done) = 0;

  // Abandons call `id` (closing its connection if the transfer is under way). No-op when the call
  // has already completed.
  virtual void Cancel(uint64_t id) = 0;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_UPSTREAM_UPSTREAM_CLIENT_H_
