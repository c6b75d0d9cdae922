// The names of this process's threads, as /proc shows them (at most 15 characters each), for
// tests that check which threads a component starts.
//
//   EXPECT_THAT(ThreadNames(), Contains("gateway-timers"));
#ifndef TESTS_SUPPORT_THREAD_NAMES_H_
#define TESTS_SUPPORT_THREAD_NAMES_H_

#include <string>
#include <vector>

namespace pulumi_gateway::testing {

// One entry per thread, in /proc's order; empty when /proc is missing.
std::vector<std::string> ThreadNames();

}  // namespace pulumi_gateway::testing

#endif  // TESTS_SUPPORT_THREAD_NAMES_H_
