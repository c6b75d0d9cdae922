// Matches request paths against route patterns, segment by segment, on the *raw* path.
//
// Each segment is percent-decoded on its own, so "prod%2Fexport" is one segment "prod/export"
// (an unknown stack name) and never the `export` route. Patterns are "/"-separated segments:
// a literal, "{name}" (any non-empty segment) or "{name:a|b}" (one of the alternatives). When
// several routes match, the one with the most literal segments wins (`updates/latest` beats
// `updates/{version}`); ties go to the first added.
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

class Router final {
 public:
  struct Match {
    const RouteHandler* handler = nullptr;  // owned by the router
    std::string pattern;
    std::map<std::string, std::string> params;
  };

  // Aborts on a malformed pattern (a programming error caught by any test).
  void Add(absl::string_view method, absl::string_view pattern, RouteHandler handler);

  // `raw_path` excludes the query string. nullopt when no route of `method` matches.
  std::optional<Match> Find(absl::string_view method, absl::string_view raw_path) const;

 private:
  struct Segment {
    std::string literal;                    // set for literal segments
    std::string param;                      // set for parameters
    std::vector<std::string> alternatives;  // allowed values of a parameter; empty = any
  };
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<Segment> segments;
    int literals = 0;
    RouteHandler handler;
  };
  std::vector<Route> routes_;
};

// "/a/b%20c" -> {"a", "b c"}. Invalid escapes are kept literally.
std::vector<std::string> SplitPath(absl::string_view raw_path);

// Decodes %XX escapes (no '+' handling: this is for path segments).
std::string PercentDecode(absl::string_view s);

}  // namespace emulator

#endif  // EMULATOR_ROUTER_H_
