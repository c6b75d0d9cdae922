#include "gateway/host/cgroup.h"

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

// The cgroup v2 mount (`v2`) and the v1 mount whose controllers include `controller` (`v1`).
void FindMounts(absl::string_view mountinfo, absl::string_view controller, std::optional<Mount>* v2,
                std::optional<Mount>* v1) {
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
        if (option == controller) *v1 = std::move(found);
      }
    }
  }
}

// The process's cgroup path in the v2 hierarchy (`v2`) and in the v1 hierarchy with `controller`
// (`v1`), from /proc/self/cgroup.
void FindCgroups(absl::string_view cgroups, absl::string_view controller,
                 std::optional<std::string>* v2, std::optional<std::string>* v1) {
  for (absl::string_view line : absl::StrSplit(cgroups, '\n', absl::SkipEmpty())) {
    // HIERARCHY-ID:CONTROLLERS:PATH (the path may hold colons)
    const std::vector<absl::string_view> fields = absl::StrSplit(line, absl::MaxSplits(':', 2));
    if (fields.size() != 3) continue;
    if (fields[0] == "0" && fields[1].empty()) {
      *v2 = std::string(fields[2]);
      continue;
    }
    for (absl::string_view listed : absl::StrSplit(fields[1], ',')) {
      if (listed == controller) *v1 = std::string(fields[2]);
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

// The smallest limit found from the process's cgroup up, in the v2 hierarchy (`at_v2` reads one
// directory's) and in the v1 hierarchy holding `controller` (`at_v1`): on a hybrid host the
// controller is in one of them, and a limit counts wherever it is set.
template <typename T>
std::optional<T> SmallestLimit(const std::string& root, absl::string_view controller,
                               std::optional<T> (*at_v2)(const std::string& dir),
                               std::optional<T> (*at_v1)(const std::string& dir)) {
  const std::optional<std::string> mountinfo = ReadFile(root + "/proc/self/mountinfo");
  const std::optional<std::string> cgroups = ReadFile(root + "/proc/self/cgroup");
  if (!mountinfo.has_value() || !cgroups.has_value()) return std::nullopt;
  std::optional<Mount> v2_mount, v1_mount;
  FindMounts(*mountinfo, controller, &v2_mount, &v1_mount);
  std::optional<std::string> v2_path, v1_path;
  FindCgroups(*cgroups, controller, &v2_path, &v1_path);
  std::optional<T> smallest;
  const auto keep = [&smallest](const std::vector<std::string>& dirs,
                                std::optional<T> (*at)(const std::string& dir)) {
    for (const std::string& dir : dirs) {
      const std::optional<T> limit = at(dir);
      if (limit.has_value() && (!smallest.has_value() || *limit < *smallest)) smallest = limit;
    }
  };
  if (v2_mount.has_value() && v2_path.has_value()) {
    keep(CgroupDirs(root, *v2_mount, *v2_path), at_v2);
  }
  if (v1_mount.has_value() && v1_path.has_value()) {
    keep(CgroupDirs(root, *v1_mount, *v1_path), at_v1);
  }
  return smallest;
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

// A memory limit file's bytes; none for "max", for v1's near-2^63 "none" and for anything else.
std::optional<uint64_t> MemoryBytes(const std::string& file) {
  const std::optional<std::string> text = ReadFile(file);
  uint64_t bytes = 0;
  if (!text.has_value() || !absl::SimpleAtoi(absl::StripAsciiWhitespace(*text), &bytes) ||
      bytes >= (uint64_t{1} << 62)) {
    return std::nullopt;
  }
  return bytes;
}

std::optional<uint64_t> MemoryV2(const std::string& dir) {
  return MemoryBytes(dir + "/memory.max");
}

std::optional<uint64_t> MemoryV1(const std::string& dir) {
  return MemoryBytes(dir + "/memory.limit_in_bytes");
}

}  // namespace

std::optional<double> ReadCgroupCpuQuota(const std::string& root) {
  return SmallestLimit<double>(root, "cpu", &QuotaV2, &QuotaV1);
}

std::optional<uint64_t> ReadCgroupMemoryLimit(const std::string& root) {
  return SmallestLimit<uint64_t>(root, "memory", &MemoryV2, &MemoryV1);
}

}  // namespace pulumi_gateway
