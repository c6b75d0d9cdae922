#include "gateway/host/cpu_budget.h"

#include <sched.h>

#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

TEST(CpuBudgetTest, CoresAreAtLeastOneAndNeverMoreThanTheAffinity) {
  EXPECT_EQ((CpuBudget{0, std::nullopt}).cores(), 1);
  EXPECT_EQ((CpuBudget{8, 0.25}).cores(), 1);
  EXPECT_EQ((CpuBudget{2, 16.0}).cores(), 2);
  EXPECT_EQ((CpuBudget{0, 3.2}).cores(), 4);
  EXPECT_EQ((CpuBudget{96, 1e300}).cores(), 96);
  EXPECT_EQ((CpuBudget{64, 1.5}).cores(), 2);
  EXPECT_EQ((CpuBudget{4, 0.5}).cores(), 1);
  EXPECT_EQ((CpuBudget{8, std::nullopt}).cores(), 8);
}

TEST(CpuBudgetTest, ThisProcessCountsItsAffinityMask) {
  cpu_set_t set;
  ASSERT_EQ(sched_getaffinity(0, sizeof(set), &set), 0);
  const CpuBudget budget = ReadCpuBudget();
  EXPECT_EQ(budget.affinity, CPU_COUNT(&set));
  EXPECT_GE(budget.cores(), 1);
  EXPECT_LE(budget.cores(), budget.affinity);
}

}  // namespace
}  // namespace pulumi_gateway
