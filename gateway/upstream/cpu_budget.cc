#include "gateway/upstream/cpu_budget.h"

#include <sched.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"

namespace pulumi_gateway {
namespace {

// Where one cgroup hierarchy is mounted: `dir` shows the hierarchy's `root`.
struct Mount {
  std::string dir;
  std::string root;
};

// mountinfo writes a space, tab, newline or backslash in a path as \ and three octal digits.
std::string Unescape(absl::string_view field) {
  const auto octal = [](char c) { return c >= '0' && c <= '7'; };
  std::string out;
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] == '\\' && i + 3 < field.size() && octal(field[i + 1]) && octal(field[i + 2]) &&
        octal(field[i + 3])) {
      out.push_back(static_cast<char>((field[i + 1] - '0') * 64 + (field[i + 2] - '0') * 8 +
                                      (field[i + 3] - '0')));
      i += 3;
    } else {
      out.push_back(field[i]);
    }
  }
  return out;
}

std::optional<std::string> ReadFile(const std::string& path) {
  std::ifstream file(path);
  if (!file) return std::nullopt;
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

// The cgroup v2 mount (`v2`) and the v1 mount whose controllers include cpu (`v1`).
void FindMounts(absl::string_view mountinfo, std::optional<Mount>* v2, std::optional<Mount>* v1) {
  for (absl::string_view line : absl::StrSplit(mountinfo, '\n', absl::SkipEmpty())) {
    // ID PARENT MAJOR:MINOR ROOT MOUNT-POINT OPTIONS [OPTIONAL...] - TYPE SOURCE SUPER-OPTIONS
    const std::vector<absl::string_view> halves = absl::StrSplit(line, absl::MaxSplits(" - ", 1));
    if (halves.size() != 2) continue;
    const std::vector<absl::string_view> mount = absl::StrSplit(halves[0], ' ');
    const std::vector<absl::string_view> fs = absl::StrSplit(halves[1], ' ');
    if (mount.size() < 5 || fs.size() < 3) continue;
    Mount found{Unescape(mount[4]), Unescape(mount[3])};
    if (fs[0] == "cgroup2" && !v2->has_value()) {
      *v2 = std::move(found);
    } else if (fs[0] == "cgroup" && !v1->has_value()) {
      for (absl::string_view option : absl::StrSplit(fs[2], ',')) {
        if (option == "cpu") *v1 = std::move(found);
      }
    }
  }
}

// The process's cgroup path in the v2 hierarchy (`v2`) and in the v1 hierarchy with the cpu
// controller (`v1`), from /proc/self/cgroup.
void FindCgroups(absl::string_view cgroups, std::optional<std::string>* v2,
                 std::optional<std::string>* v1) {
  for (absl::string_view line : absl::StrSplit(cgroups, '\n', absl::SkipEmpty())) {
    // HIERARCHY-ID:CONTROLLERS:PATH (the path may hold colons)
    const std::vector<absl::string_view> fields = absl::StrSplit(line, absl::MaxSplits(':', 2));
    if (fields.size() != 3) continue;
    if (fields[0] == "0" && fields[1].empty()) {
      *v2 = std::string(fields[2]);
      continue;
    }
    for (absl::string_view controller : absl::StrSplit(fields[1], ',')) {
      if (controller == "cpu") *v1 = std::string(fields[2]);
    }
  }
}

// The directories from the process's cgroup up to the hierarchy's mount point, under `root`.
std::vector<std::string> CgroupDirs(const std::string& root, const Mount& mount,
                                    absl::string_view path) {
  // A path outside the mounted part of the hierarchy (another cgroup namespace) is read at the
  // mount point itself.
  absl::string_view relative = path;
  if (mount.root != "/" &&
      (!absl::ConsumePrefix(&relative, mount.root) || !(relative.empty() || relative[0] == '/'))) {
    relative = "";
  }
  relative = absl::StripPrefix(relative, "/");
  std::vector<std::string> dirs;
  std::string dir = root + mount.dir;
  dirs.push_back(dir);
  for (absl::string_view part : absl::StrSplit(relative, '/', absl::SkipEmpty())) {
    if (part == "..") return {root + mount.dir};
    dir += "/" + std::string(part);
    dirs.push_back(dir);
  }
  return dirs;
}

// A quota from its two numbers (microseconds of CPU time per period); none unless both are
// positive.
std::optional<double> Quota(absl::string_view quota_us, absl::string_view period_us) {
  double quota = 0, period = 0;
  if (!absl::SimpleAtod(absl::StripAsciiWhitespace(quota_us), &quota) ||
      !absl::SimpleAtod(absl::StripAsciiWhitespace(period_us), &period) || !(quota > 0) ||
      !(period > 0) || !std::isfinite(quota / period)) {
    return std::nullopt;
  }
  return quota / period;
}

void KeepSmaller(std::optional<double> candidate, std::optional<double>* smallest) {
  if (candidate.has_value() && (!smallest->has_value() || *candidate < **smallest)) {
    *smallest = candidate;
  }
}

// One cgroup v2 directory's quota: its cpu.max, "max 100000" (none) or "150000 100000".
std::optional<double> QuotaV2(const std::string& dir) {
  const std::optional<std::string> max = ReadFile(dir + "/cpu.max");
  if (!max.has_value()) return std::nullopt;
  const std::vector<absl::string_view> fields =
      absl::StrSplit(absl::StripAsciiWhitespace(*max), ' ', absl::SkipEmpty());
  return fields.size() == 2 ? Quota(fields[0], fields[1]) : std::nullopt;
}

// One cgroup v1 directory's quota: cpu.cfs_quota_us (-1: none) over cpu.cfs_period_us.
std::optional<double> QuotaV1(const std::string& dir) {
  const std::optional<std::string> quota = ReadFile(dir + "/cpu.cfs_quota_us");
  const std::optional<std::string> period = ReadFile(dir + "/cpu.cfs_period_us");
  if (!quota.has_value() || !period.has_value()) return std::nullopt;
  return Quota(*quota, *period);
}

// The smallest quota `at` finds in `dirs` (a cgroup and the ones above it), into `smallest`.
void KeepSmallestOf(const std::vector<std::string>& dirs,
                    std::optional<double> (*at)(const std::string& dir),
                    std::optional<double>* smallest) {
  for (const std::string& dir : dirs) KeepSmaller(at(dir), smallest);
}

int AffinityCount() {
  // Machines with more CPUs than a cpu_set_t holds need a larger set.
  for (int cpus = CPU_SETSIZE; cpus <= (1 << 16); cpus *= 2) {
    cpu_set_t* set = CPU_ALLOC(cpus);
    if (set == nullptr) return 0;
    const size_t size = CPU_ALLOC_SIZE(cpus);
    CPU_ZERO_S(size, set);
    const bool got = sched_getaffinity(0, size, set) == 0;
    const int error = errno;
    const int count = got ? CPU_COUNT_S(size, set) : 0;
    CPU_FREE(set);
    if (got) return count;
    if (error != EINVAL) return 0;
  }
  return 0;
}

}  // namespace

int CpuBudget::cores() const {
  int cores = affinity;
  if (quota.has_value()) {
    const int whole = static_cast<int>(std::min(std::ceil(*quota), 1e6));
    cores = cores > 0 ? std::min(cores, whole) : whole;
  }
  return std::max(cores, 1);
}

std::optional<double> ReadCgroupCpuQuota(const std::string& root) {
  const std::optional<std::string> mountinfo = ReadFile(root + "/proc/self/mountinfo");
  const std::optional<std::string> cgroups = ReadFile(root + "/proc/self/cgroup");
  if (!mountinfo.has_value() || !cgroups.has_value()) return std::nullopt;
  std::optional<Mount> v2_mount, v1_mount;
  FindMounts(*mountinfo, &v2_mount, &v1_mount);
  std::optional<std::string> v2_path, v1_path;
  FindCgroups(*cgroups, &v2_path, &v1_path);
  // Hybrid hosts mount both: the cpu controller is in one of them, and a quota counts wherever
  // it is set.
  std::optional<double> quota;
  if (v2_mount.has_value() && v2_path.has_value()) {
    KeepSmallestOf(CgroupDirs(root, *v2_mount, *v2_path), &QuotaV2, &quota);
  }
  if (v1_mount.has_value() && v1_path.has_value()) {
    KeepSmallestOf(CgroupDirs(root, *v1_mount, *v1_path), &QuotaV1, &quota);
  }
  return quota;
}

CpuBudget ReadCpuBudget() {
  CpuBudget budget;
  budget.affinity = AffinityCount();
  budget.quota = ReadCgroupCpuQuota("");
  return budget;
}

int ProcessCpuCores() {
  static const int cores = ReadCpuBudget().cores();
  return cores;
}

}  // namespace pulumi_gateway
