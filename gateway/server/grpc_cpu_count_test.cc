#include <grpc/support/cpu.h>
#include <sched.h>

#include "gtest/gtest.h"

namespace {

// Both answers are read in a process narrowed to one CPU, the last of its mask: gRPC's own
// definitions would count every CPU of the machine and report that CPU's number.
class GrpcCpuCountTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    cpu_set_t mask;
    CPU_ZERO(&mask);
    ASSERT_EQ(sched_getaffinity(0, sizeof(mask), &mask), 0);
    for (int cpu = CPU_SETSIZE - 1; cpu >= 0; --cpu) {
      if (!CPU_ISSET(cpu, &mask)) continue;
      if (CPU_COUNT(&mask) < 2) break;
      cpu_set_t last;
      CPU_ZERO(&last);
      CPU_SET(cpu, &last);
      ASSERT_EQ(sched_setaffinity(0, sizeof(last), &last), 0);
      pinned_cpu = cpu;
      break;
    }
  }
  // The CPU the test runs on (-1: fewer than two CPUs in the mask, nothing to tell apart).
  static int pinned_cpu;
};
int GrpcCpuCountTest::pinned_cpu = -1;

TEST_F(GrpcCpuCountTest, CountsTheCpusTheProcessMayRunOn) {
  if (pinned_cpu < 0) GTEST_SKIP() << "needs two CPUs in the affinity mask";
  EXPECT_EQ(gpr_cpu_num_cores(), 1u);
}

TEST_F(GrpcCpuCountTest, CurrentCpuStaysBelowTheCount) {
  if (pinned_cpu < 0) GTEST_SKIP() << "needs two CPUs in the affinity mask";
  ASSERT_EQ(sched_getcpu(), pinned_cpu);
  EXPECT_LT(gpr_cpu_current_cpu(), gpr_cpu_num_cores());
}

}  // namespace
