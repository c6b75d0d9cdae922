// What time it is, behind an interface, so time-dependent logic (rate limits, breakers, retries,
// caches, poll loops) can be driven by hand in tests. Production code uses Clock::Real(); tests
// use FakeClock (fake_clock.h), which only moves when told to.
//
// One time base serves deadlines, timer due times and measured durations: gRPC hands the gateway
// its callers' deadlines as wall-clock instants, and comparing them with anything else would need
// a conversion at every check.
//
//   const Clock& clock = Clock::Real();
//   if (clock.Now() >= deadline) return absl::DeadlineExceededError("...");
#ifndef GATEWAY_CLOCK_CLOCK_H_
#define GATEWAY_CLOCK_CLOCK_H_

#include "absl/time/time.h"

namespace pulumi_gateway {

class Clock {
 public:
  virtual ~Clock() = default;

  // The current time. Thread-safe.
  virtual absl::Time Now() const = 0;

  // The system clock (absl::Now). Lives for the whole process.
  static const Clock& Real();
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_CLOCK_CLOCK_H_
