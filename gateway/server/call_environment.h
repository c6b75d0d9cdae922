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

struct CallEnvironment {
  UpstreamClient* upstream = nullptr;
  const Authenticator* auth = nullptr;
  Logger* logger = nullptr;
  // Server-side metrics; null disables them.
  GatewayMetrics* metrics = nullptr;
  // `Accept` header value, e.g. "application/vnd.pulumi+8".
  std::string accept;
  // `User-Agent` header value, e.g. "pulumi-grpc-gateway/0.2.0".
  std::string user_agent;
  // ErrorInfo.domain for upstream errors: the upstream host.
  std::string error_domain;
  // Timeout for calls that arrive without a deadline.
  absl::Duration default_timeout = absl::Seconds(30);
  // Calls beyond this many in flight are refused with RESOURCE_EXHAUSTED.
  int max_in_flight = 10000;
  std::atomic<int>* in_flight = nullptr;
  // The clock every call reads (deadlines, durations) and the timers of streams that poll
  // (WatchUpdateEvents). Required.
  TimerQueue* timers = nullptr;
  // Follow streams poll again after this long when a poll brought nothing new, doubling up to
  // `watch_max_interval`.
  absl::Duration watch_poll_interval = absl::Seconds(1);
  absl::Duration watch_max_interval = absl::Seconds(10);
  // Composite streaming RPCs (BatchGetStacks, ListStacksWithDetails) keep at most this many
  // upstream requests in flight per call; a request's max_parallelism can only lower it.
  int batch_parallelism = 16;

  absl::Time Now() const { return timers->Now(); }
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_SERVER_CALL_ENVIRONMENT_H_
