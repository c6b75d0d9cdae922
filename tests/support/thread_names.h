// The names of a process's threads (this one's by default), as /proc shows them (at most 15
// characters each), for tests that check which threads a component starts.
//
//   EXPECT_THAT(ThreadNames(), Contains("gateway-timers"));
//   EXPECT_THAT(ThreadNames(gateway->pid()), Contains("upstream-0"));
#ifndef TESTS_SUPPORT_THREAD_NAMES_H_
#define TESTS_SUPPORT_THREAD_NAMES_H_

#include <sys/types.h>

#include <string>
#include <vector>

namespace pulumi_gateway::testing {

// One entry per thread, in /proc's order; empty when /proc is missing.
std::vector<std::string> ThreadNames(pid_t pid = 0);

}  // namespace pulumi_gateway::testing

#endif  // TESTS_SUPPORT_THREAD_NAMES_H_
