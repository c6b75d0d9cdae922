#include "emulator/router.h"

#include <cstdio>
#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace emulator {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = absl::ascii_tolower(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace

std::string PercentDecode(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::vector<std::string> SplitPath(absl::string_view raw_path) {
  absl::ConsumePrefix(&raw_path, "/");
  std::vector<std::string> out;
  for (absl::string_view seg : absl::StrSplit(raw_path, '/')) out.push_back(PercentDecode(seg));
  return out;
}

void Router::Add(absl::string_view method, absl::string_view pattern, RouteHandler handler) {
  Route route{std::string(method), std::string(pattern), {}, 0, std::move(handler)};
  absl::string_view rest = pattern;
  if (!absl::ConsumePrefix(&rest, "/")) {
    std::fprintf(stderr, "router: pattern must start with '/': %s\n", route.pattern.c_str());
    std::abort();
  }
  for (absl::string_view seg : absl::StrSplit(rest, '/')) {
    Segment s;
    if (absl::ConsumePrefix(&seg, "{")) {
      if (!absl::ConsumeSuffix(&seg, "}") || seg.empty()) {
        std::fprintf(stderr, "router: bad parameter in %s\n", route.pattern.c_str());
        std::abort();
      }
      std::vector<std::string> parts = absl::StrSplit(seg, absl::MaxSplits(':', 1));
      s.param = parts[0];
      if (parts.size() == 2) s.alternatives = absl::StrSplit(parts[1], '|');
    } else {
      s.literal = std::string(seg);
      ++route.literals;
    }
    route.segments.push_back(std::move(s));
  }
  routes_.push_back(std::move(route));
}

std::optional<Router::Match> Router::Find(absl::string_view method,
                                          absl::string_view raw_path) const {
  std::vector<std::string> segments = SplitPath(raw_path);
  const Route* best = nullptr;
  for (const Route& route : routes_) {
    if (route.method != method || route.segments.size() != segments.size()) continue;
    if (best != nullptr && route.literals <= best->literals) continue;
    bool ok = true;
    for (size_t i = 0; ok && i < segments.size(); ++i) {
      const Segment& s = route.segments[i];
      if (s.param.empty()) {
        ok = s.literal == segments[i];
      } else if (segments[i].empty()) {
        ok = false;
      } else if (!s.alternatives.empty()) {
        ok = false;
        for (const std::string& alt : s.alternatives) ok = ok || alt == segments[i];
      }
    }
    if (ok) best = &route;
  }
  if (best == nullptr) return std::nullopt;
  Match m{&best->handler, best->pattern, {}};
  for (size_t i = 0; i < segments.size(); ++i) {
    if (!best->segments[i].param.empty()) m.params[best->segments[i].param] = segments[i];
  }
  return m;
}

}  // namespace emulator
