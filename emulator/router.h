// Matches request paths against route patterns, segment by segment, on the *raw* path.
//
// Each segment is percent-decoded on its own, so "prod%2Fexport" is one segment "prod/export"
// (an unknown stack name) and never the `export` route. Patterns are "/"-separated segments:
// a literal, "{name}" (any non-empty segment) or "{name:a|b}" (one of the alternatives). When
// several routes match, the most specific wins: the one with more literal segments (a parameter
// with alternatives counts as a literal), then the one whose first literal comes earlier
// (`deployments/schedules/{id}` beats `deployments/{id}/logs`); remaining ties go to the first
// added, which is how the stateful routes keep priority over the conformance answers added after
// them.
//
//   Router router;
//   router.Add("GET", "/api/stacks/{org}/{project}/{stack}", handler);
//   std::optional<Router::Match> m = router.Find("GET", "/api/stacks/acme-corp/web/prod");
//   m->params.at("stack");  // "prod"
#ifndef EMULATOR_ROUTER_H_
#define EMULATOR_ROUTER_H_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "emulator/http_reply.h"

namespace emulator {

using RouteHandler = std::function<Reply(const RouteRequest&)>;

// One compiled route pattern. Shared by the Router and the API description's operation index.
class PathPattern final {
 public:
  // Aborts on a malformed pattern (a programming error caught by any test).
  explicit PathPattern(absl::string_view pattern);

  const std::string& pattern() const { return pattern_; }
  size_t size() const { return segments_.size(); }
  // Names of the parameters, in path order.
  std::vector<std::string> ParamNames() const;

  // True when `segments` (decoded, from SplitPath) fit the pattern; fills `params` if given.
  // With `allow_empty_params`, a parameter may match an empty segment (used to name an empty
  // path parameter in a 400 instead of answering 404).
  bool Match(const std::vector<std::string>& segments, std::map<std::string, std::string>* params,
             bool allow_empty_params = false) const;

  // True when this pattern should win over `other` for a path both match (see the file comment).
  bool MoreSpecificThan(const PathPattern& other) const;

 private:
  struct Segment {
    std::string literal;                    // set for literal segments
    std::string param;                      // set for parameters
    std::vector<std::string> alternatives;  // allowed values of a parameter; empty = any
    bool fixed() const { return param.empty() || !alternatives.empty(); }
  };
  std::string pattern_;
  std::vector<Segment> segments_;
  int fixed_ = 0;  // literal segments plus parameters with alternatives
};

// How the server treats a request the API description judges invalid on this route.
enum class Validation {
  kObserve,  // counted per operation (OperationStats) but served anyway: the older stateful routes
  kEnforce,  // answered with the description's 400 before the handler runs
};

struct RouteOptions {
  Validation validation = Validation::kObserve;
  bool conformance = false;  // a generated answer of the conformance mode, not a stateful route
};

class Router final {
 public:
  struct Match {
    const RouteHandler* handler = nullptr;  // owned by the router
    std::string pattern;
    std::map<std::string, std::string> params;
    RouteOptions options;
  };

  // Aborts on a malformed pattern.
  void Add(absl::string_view method, absl::string_view pattern, RouteHandler handler,
           RouteOptions options = {});

  // `raw_path` excludes the query string. nullopt when no route of `method` matches.
  std::optional<Match> Find(absl::string_view method, absl::string_view raw_path) const;

 private:
  struct Route {
    PathPattern pattern;
    RouteHandler handler;
    RouteOptions options;
  };
  // By method, then by segment count; in insertion order.
  std::map<std::string, std::map<size_t, std::vector<Route>>, std::less<>> routes_;
};

// "/a/b%20c" -> {"a", "b c"}. Invalid escapes are kept literally.
std::vector<std::string> SplitPath(absl::string_view raw_path);

// Decodes %XX escapes (no '+' handling: this is for path segments).
std::string PercentDecode(absl::string_view s);

}  // namespace emulator

#endif  // EMULATOR_ROUTER_H_
