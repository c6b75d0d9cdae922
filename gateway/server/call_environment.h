// What every call needs from the process: the upstream client, auth policy, logging and the
// per-call limits. Built once by GatewayServer and shared (read-only) by all calls.
#ifndef GATEWAY_SERVER_CALL_ENVIRONMENT_H_
#define GATEWAY_SERVER_CALL_ENVIRONMENT_H_

#include <atomic>
#include <string>

#include "absl/time/time.h"
#include "gateway/auth/authenticator.h"
#include "gateway/clock/timer_queue.h"
#include "gateway/observability/logger.h"
#include "gateway/observability/metrics.h"
#include "gateway/upstream/upstream_client.h"

namespace pulumi_gateway {

// What the server applies to every call (the --api_version, --default_timeout, --max_in_flight,
// --batch_parallelism and --watch_* settings).
struct CallOptions {
  // N in the upstream `Accept: application/vnd.pulumi+N` header. Default 8.
  int api_version = 8;
  // Upstream timeout for calls that arrive without a deadline. Default 30s.
  absl::Duration default_timeout = absl::Seconds(30);
  // Calls beyond this many in flight are refused with RESOURCE_EXHAUSTED. Default 10000.
  int max_in_flight = 10000;
  // Composite streaming RPCs (BatchGetStacks, ListStacksWithDetails) keep at most this many
  // upstream requests in flight per call; a request's max_parallelism can only lower it.
  // Default 16.
  int batch_parallelism = 16;
  // Follow streams (WatchUpdateEvents) poll again after `watch_poll_interval` when a poll brought
  // nothing new, doubling the wait up to `watch_max_interval`. Defaults 1s and 10s.
  absl::Duration watch_poll_interval = absl::Seconds(1);
  absl::Duration watch_max_interval = absl::Seconds(10);
};

struct CallEnvironment {
  UpstreamClient* upstream = nullptr;
  const Authenticator* auth = nullptr;
  Logger* logger = nullptr;
  // Server-side metrics; null disables them.
  GatewayMetrics* metrics = nullptr;
  CallOptions options;
  // `Accept` header value, e.g. "application/vnd.pulumi+8" (from options.api_version).
  std::string accept;
  // `User-Agent` header value, e.g. "pulumi-grpc-gateway/0.2.0".
  std::string user_agent;
  // ErrorInfo.domain for upstream errors: the upstream host.
  std::string error_domain;
  // Calls in flight (set by GatewayServer).
  std::atomic<int>* in_flight = nullptr;
  // The clock every call reads (deadlines, durations) and the timers of streams that poll
  // (WatchUpdateEvents). Required.
  TimerQueue* timers = nullptr;

  absl::Time Now() const { return timers->Now(); }
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_SERVER_CALL_ENVIRONMENT_H_
