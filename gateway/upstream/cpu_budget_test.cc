#include "gateway/upstream/cpu_budget.h"

#include <sched.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

// A directory standing for "/", with the files a test writes into it.
class FakeRoot {
 public:
  FakeRoot() {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  ~FakeRoot() { std::filesystem::remove_all(dir_); }

  void Write(const std::string& path, const std::string& text) {
    const std::filesystem::path file = dir_ / path.substr(1);
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << text;
  }
  std::string root() const { return dir_.string(); }

 private:
  std::filesystem::path dir_;
};

constexpr char kV2Mount[] =
    "30 23 0:26 / /sys/fs/cgroup rw,nosuid shared:4 - cgroup2 cgroup2 rw,nsdelegate\n";
constexpr char kV1CpuMount[] =
    "31 23 0:27 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid shared:9 - cgroup cgroup rw,cpu,cpuacct\n";

TEST(CpuBudgetTest, ContainerViewOfCgroupV2) {
  FakeRoot fs;
  fs.Write("/proc/self/mountinfo", std::string("22 1 8:1 / / rw - ext4 /dev/vda rw\n") + kV2Mount);
  fs.Write("/proc/self/cgroup", "0::/\n");
  fs.Write("/sys/fs/cgroup/cpu.max", "150000 100000\n");
  ASSERT_EQ(ReadCgroupCpuQuota(fs.root()), 1.5);
  EXPECT_EQ((CpuBudget{64, 1.5}).cores(), 2);
}

TEST(CpuBudgetTest, TheSmallestQuotaOnTheWayUpCounts) {
  FakeRoot fs;
  fs.Write("/proc/self/mountinfo", kV2Mount);
  fs.Write("/proc/self/cgroup", "0::/kubepods/pod1/gateway\n");
  fs.Write("/sys/fs/cgroup/cpu.max", "max 100000\n");
  fs.Write("/sys/fs/cgroup/kubepods/cpu.max", "max 100000\n");
  fs.Write("/sys/fs/cgroup/kubepods/pod1/cpu.max", "300000 100000\n");
  fs.Write("/sys/fs/cgroup/kubepods/pod1/gateway/cpu.max", "max 100000\n");
  EXPECT_EQ(ReadCgroupCpuQuota(fs.root()), 3.0);

  fs.Write("/sys/fs/cgroup/kubepods/pod1/gateway/cpu.max", "50000 20000\n");
  EXPECT_EQ(ReadCgroupCpuQuota(fs.root()), 2.5);
}

TEST(CpuBudgetTest, NoQuotaWhenEveryLevelSaysMax) {
  FakeRoot fs;
  fs.Write("/proc/self/mountinfo", kV2Mount);
  fs.Write("/proc/self/cgroup", "0::/user.slice\n");
  fs.Write("/sys/fs/cgroup/user.slice/cpu.max", "max 100000\n");
  EXPECT_EQ(ReadCgroupCpuQuota(fs.root()), std::nullopt);
  EXPECT_EQ((CpuBudget{8, std::nullopt}).cores(), 8);
}

TEST(CpuBudgetTest, CgroupV1CpuController) {
  FakeRoot fs;
  fs.Write("/proc/self/mountinfo", kV1CpuMount);
  fs.Write("/proc/self/cgroup", "4:memory:/docker/abc\n3:cpu,cpuacct:/docker/abc\n");
  fs.Write("/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us", "-1\n");
  fs.Write("/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us", "100000\n");
  fs.Write("/sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_quota_us", "50000\n");
  fs.Write("/sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_period_us", "100000\n");
  ASSERT_EQ(ReadCgroupCpuQuota(fs.root()), 0.5);
  EXPECT_EQ((CpuBudget{4, 0.5}).cores(), 1);
}

TEST(CpuBudgetTest, HybridHostWithTheCpuControllerInV1) {
  FakeRoot fs;
  // systemd's unified hierarchy without controllers, next to v1's cpu hierarchy.
  fs.Write(
      "/proc/self/mountinfo",
      std::string("30 23 0:26 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw\n") + kV1CpuMount);
  fs.Write("/proc/self/cgroup", "3:cpu,cpuacct:/\n0::/\n");
  fs.Write("/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us", "200000\n");
  fs.Write("/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us", "100000\n");
  EXPECT_EQ(ReadCgroupCpuQuota(fs.root()), 2.0);
}

TEST(CpuBudgetTest, HostViewWhereTheMountShowsPartOfTheHierarchy) {
  FakeRoot fs;
  // The mount shows the hierarchy from /kubepods down; the process's path starts above it.
  fs.Write("/proc/self/mountinfo",
           "30 23 0:26 /kubepods /sys/fs/my\\040cgroup rw - cgroup2 cgroup2 rw\n");
  fs.Write("/proc/self/cgroup", "0::/kubepods/pod1\n");
  fs.Write("/sys/fs/my cgroup/pod1/cpu.max", "100000 100000\n");
  EXPECT_EQ(ReadCgroupCpuQuota(fs.root()), 1.0);

  // Outside the mounted part: the mount point itself is read.
  fs.Write("/proc/self/cgroup", "0::/system.slice/other\n");
  fs.Write("/sys/fs/my cgroup/cpu.max", "400000 100000\n");
  EXPECT_EQ(ReadCgroupCpuQuota(fs.root()), 4.0);
  // A sibling whose name starts with the mount's root is outside it too.
  fs.Write("/proc/self/cgroup", "0::/kubepods2/pod1\n");
  fs.Write("/sys/fs/my cgroup/2/pod1/cpu.max", "100000 100000\n");  // not its cgroup
  EXPECT_EQ(ReadCgroupCpuQuota(fs.root()), 4.0);
}

TEST(CpuBudgetTest, MalformedOrMissingFilesMeanNoQuota) {
  FakeRoot fs;
  EXPECT_EQ(ReadCgroupCpuQuota(fs.root()), std::nullopt);  // no /proc at all

  fs.Write("/proc/self/mountinfo", "garbage\n - \n\n" + std::string(kV2Mount));
  fs.Write("/proc/self/cgroup", "nonsense\n0::/a\n");
  EXPECT_EQ(ReadCgroupCpuQuota(fs.root()), std::nullopt);  // no cpu.max anywhere
  for (const char* max :
       {"abc def", "0 100000", "100000 0", "-5 100000", "100000", "", "1e400 1", "nan 100000"}) {
    fs.Write("/sys/fs/cgroup/a/cpu.max", max);
    EXPECT_EQ(ReadCgroupCpuQuota(fs.root()), std::nullopt) << max;
  }
  // A path that climbs out of the hierarchy is read at the mount point.
  fs.Write("/proc/self/cgroup", "0::/../../etc\n");
  fs.Write("/sys/fs/cgroup/cpu.max", "100000 100000");
  EXPECT_EQ(ReadCgroupCpuQuota(fs.root()), 1.0);
}

TEST(CpuBudgetTest, CoresAreAtLeastOneAndNeverMoreThanTheAffinity) {
  EXPECT_EQ((CpuBudget{0, std::nullopt}).cores(), 1);
  EXPECT_EQ((CpuBudget{8, 0.25}).cores(), 1);
  EXPECT_EQ((CpuBudget{2, 16.0}).cores(), 2);
  EXPECT_EQ((CpuBudget{0, 3.2}).cores(), 4);
  EXPECT_EQ((CpuBudget{96, 1e300}).cores(), 96);
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
