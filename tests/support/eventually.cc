#include "tests/support/eventually.h"

#include "absl/time/clock.h"

namespace pulumi_gateway::testing {

bool Eventually(const std::function<bool()>& condition, absl::Duration timeout) {
  const absl::Time give_up = absl::Now() + timeout;
  while (!condition()) {
    if (absl::Now() >= give_up) return false;
    absl::SleepFor(absl::Milliseconds(5));  // poll interval; the condition is re-checked
  }
  return true;
}

}  // namespace pulumi_gateway::testing
