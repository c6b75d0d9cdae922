// Waiting for a condition another thread makes true (a connection closed, a line logged), for
// tests: the condition is awaited, never a wall-clock window asserted.
//
//   ASSERT_TRUE(Eventually([&] { return upstream.closed_connections() == 1; }))
//       << "the upstream connection stayed open";
#ifndef TESTS_SUPPORT_EVENTUALLY_H_
#define TESTS_SUPPORT_EVENTUALLY_H_

#include <functional>

#include "absl/time/time.h"

namespace pulumi_gateway::testing {

// Re-checks `condition` every few milliseconds until it holds (true) or `timeout` passes
// (false). The timeout only bounds a failing test; a passing one returns as soon as it holds.
bool Eventually(const std::function<bool()>& condition, absl::Duration timeout = absl::Seconds(10));

}  // namespace pulumi_gateway::testing

#endif  // TESTS_SUPPORT_EVENTUALLY_H_
