#include "gateway/host/cgroup.h"

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
constexpr char kV1MemoryMount[] =
    "35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n";
// cgroup v1's memory.limit_in_bytes when no limit is set.
constexpr char kV1NoLimit[] = "9223372036854771712\n";

TEST(CgroupTest, ContainerViewOfCgroupV2) {
  FakeRoot fs;
  fs.Write("/proc/self/mountinfo", std::string("22 1 8:1 / / rw - ext4 /dev/vda rw\n") + kV2Mount);
  fs.Write("/proc/self/cgroup", "0::/\n");
  fs.Write("/sys/fs/cgroup/cpu.max", "150000 100000\n");
  EXPECT_EQ(ReadCgroupCpuQuota(fs.root()), 1.5);
}

TEST(CgroupTest, TheSmallestQuotaOnTheWayUpCounts) {
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

TEST(CgroupTest, NoQuotaWhenEveryLevelSaysMax) {
  FakeRoot fs;
  fs.Write("/proc/self/mountinfo", kV2Mount);
  fs.Write("/proc/self/cgroup", "0::/user.slice\n");
  fs.Write("/sys/fs/cgroup/user.slice/cpu.max", "max 100000\n");
  EXPECT_EQ(ReadCgroupCpuQuota(fs.root()), std::nullopt);
}

TEST(CgroupTest, CgroupV1CpuController) {
  FakeRoot fs;
  fs.Write("/proc/self/mountinfo", kV1CpuMount);
  fs.Write("/proc/self/cgroup", "4:memory:/docker/abc\n3:cpu,cpuacct:/docker/abc\n");
  fs.Write("/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us", "-1\n");
  fs.Write("/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us", "100000\n");
  fs.Write("/sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_quota_us", "50000\n");
  fs.Write("/sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_period_us", "100000\n");
  EXPECT_EQ(ReadCgroupCpuQuota(fs.root()), 0.5);
}

TEST(CgroupTest, HybridHostWithTheCpuControllerInV1) {
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

TEST(CgroupTest, HostViewWhereTheMountShowsPartOfTheHierarchy) {
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

TEST(CgroupTest, MalformedOrMissingFilesMeanNoQuota) {
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

TEST(CgroupTest, MemoryLimitOfAPodOnCgroupV2) {
  FakeRoot fs;
  fs.Write("/proc/self/mountinfo", kV2Mount);
  fs.Write("/proc/self/cgroup", "0::/kubepods/burstable/pod1/gateway\n");
  fs.Write("/sys/fs/cgroup/kubepods/memory.max", "max\n");
  fs.Write("/sys/fs/cgroup/kubepods/burstable/memory.max", "max\n");
  fs.Write("/sys/fs/cgroup/kubepods/burstable/pod1/memory.max", "536870912\n");
  fs.Write("/sys/fs/cgroup/kubepods/burstable/pod1/gateway/memory.max", "268435456\n");
  EXPECT_EQ(ReadCgroupMemoryLimit(fs.root()), uint64_t{256} << 20);

  // The pod's limit below the container's: the pod's counts.
  fs.Write("/sys/fs/cgroup/kubepods/burstable/pod1/memory.max", "134217728\n");
  EXPECT_EQ(ReadCgroupMemoryLimit(fs.root()), uint64_t{128} << 20);
  // The CPU quota is read from the same directories, and there is none.
  EXPECT_EQ(ReadCgroupCpuQuota(fs.root()), std::nullopt);
}

TEST(CgroupTest, MemoryLimitFromTheV1MemoryHierarchy) {
  FakeRoot fs;
  // A hybrid host: v1's memory and cpu hierarchies next to a unified one without controllers.
  fs.Write("/proc/self/mountinfo",
           std::string("41 31 0:38 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw\n") +
               kV1CpuMount + kV1MemoryMount);
  fs.Write("/proc/self/cgroup", "4:memory:/docker/abc\n3:cpu,cpuacct:/\n0::/\n");
  fs.Write("/sys/fs/cgroup/memory/memory.limit_in_bytes", kV1NoLimit);
  fs.Write("/sys/fs/cgroup/memory/docker/memory.limit_in_bytes", kV1NoLimit);
  EXPECT_EQ(ReadCgroupMemoryLimit(fs.root()), std::nullopt);

  fs.Write("/sys/fs/cgroup/memory/docker/abc/memory.limit_in_bytes", "1073741824\n");
  EXPECT_EQ(ReadCgroupMemoryLimit(fs.root()), uint64_t{1} << 30);
  // The memory controller's path, not the cpu controller's, is the one walked.
  fs.Write("/sys/fs/cgroup/cpu,cpuacct/memory.limit_in_bytes", "4096\n");
  EXPECT_EQ(ReadCgroupMemoryLimit(fs.root()), uint64_t{1} << 30);
}

TEST(CgroupTest, MalformedMemoryLimitsMeanNoLimit) {
  FakeRoot fs;
  EXPECT_EQ(ReadCgroupMemoryLimit(fs.root()), std::nullopt);  // no /proc at all
  fs.Write("/proc/self/mountinfo", kV2Mount);
  fs.Write("/proc/self/cgroup", "0::/a\n");
  EXPECT_EQ(ReadCgroupMemoryLimit(fs.root()), std::nullopt);  // no memory.max anywhere
  for (const char* max :
       {"max", "", "-1", "12abc", "1.5e9", "99999999999999999999999", "4611686018427387904"}) {
    fs.Write("/sys/fs/cgroup/a/memory.max", max);
    EXPECT_EQ(ReadCgroupMemoryLimit(fs.root()), std::nullopt) << max;
  }
  fs.Write("/sys/fs/cgroup/a/memory.max", "0\n");  // a limit nothing fits
  EXPECT_EQ(ReadCgroupMemoryLimit(fs.root()), 0u);
}

}  // namespace
}  // namespace pulumi_gateway
