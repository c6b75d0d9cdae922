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

PathPattern::PathPattern(absl::string_view pattern) : pattern_(pattern) {
  absl::string_view rest = pattern;
  if (!absl::ConsumePrefix(&rest, "/")) {
    std::fprintf(stderr, "router: pattern must start with '/': %s\n", pattern_.c_str());
    std::abort();
  }
  for (absl::string_view seg : absl::StrSplit(rest, '/')) {
    Segment s;
    if (absl::ConsumePrefix(&seg, "{")) {
      if (!absl::ConsumeSuffix(&seg, "}") || seg.empty()) {
        std::fprintf(stderr, "router: bad parameter in %s\n", pattern_.c_str());
        std::abort();
      }
      std::vector<std::string> parts = absl::StrSplit(seg, absl::MaxSplits(':', 1));
      s.param = parts[0];
      if (parts.size() == 2) s.alternatives = absl::StrSplit(parts[1], '|');
    } else {
      s.literal = std::string(seg);
    }
    if (s.fixed()) ++fixed_;
    segments_.push_back(std::move(s));
  }
}

std::vector<std::string> PathPattern::ParamNames() const {
  std::vector<std::string> out;
  for (const Segment& s : segments_) {
    if (!s.param.empty()) out.push_back(s.param);
  }
  return out;
}

bool PathPattern::Match(const std::vector<std::string>& segments,
                        std::map<std::string, std::string>* params, bool allow_empty_params) const {
  if (segments.size() != segments_.size()) return false;
  for (size_t i = 0; i < segments.size(); ++i) {
    const Segment& s = segments_[i];
    if (s.param.empty()) {
      if (s.literal != segments[i]) return false;
    } else if (segments[i].empty()) {
      if (!allow_empty_params) return false;
    } else if (!s.alternatives.empty()) {
      bool any = false;
      for (const std::string& alt : s.alternatives) any = any || alt == segments[i];
      if (!any) return false;
    }
  }
  if (params != nullptr) {
    for (size_t i = 0; i < segments.size(); ++i) {
      if (!segments_[i].param.empty()) (*params)[segments_[i].param] = segments[i];
    }
  }
  return true;
}

bool PathPattern::MoreSpecificThan(const PathPattern& other) const {
  if (fixed_ != other.fixed_) return fixed_ > other.fixed_;
  for (size_t i = 0; i < segments_.size() && i < other.segments_.size(); ++i) {
    bool mine = segments_[i].fixed();
    bool theirs = other.segments_[i].fixed();
    if (mine != theirs) return mine;
  }
  return false;
}

void Router::Add(absl::string_view method, absl::string_view pattern, RouteHandler handler,
                 RouteOptions options) {
  PathPattern compiled(pattern);
  size_t size = compiled.size();
  auto& by_size = routes_[std::string(method)];
  by_size[size].push_back(Route{std::move(compiled), std::move(handler), options});
}

std::optional<Router::Match> Router::Find(absl::string_view method,
                                          absl::string_view raw_path) const {
  auto by_method = routes_.find(method);
  if (by_method == routes_.end()) return std::nullopt;
  std::vector<std::string> segments = SplitPath(raw_path);
  auto candidates = by_method->second.find(segments.size());
  if (candidates == by_method->second.end()) return std::nullopt;
  const Route* best = nullptr;
  for (const Route& route : candidates->second) {
    if (best != nullptr && !route.pattern.MoreSpecificThan(best->pattern)) continue;
    if (route.pattern.Match(segments, nullptr)) best = &route;
  }
  if (best == nullptr) return std::nullopt;
  Match m{&best->handler, best->pattern.pattern(), {}, best->options};
  best->pattern.Match(segments, &m.params);
  return m;
}

}  // namespace emulator
