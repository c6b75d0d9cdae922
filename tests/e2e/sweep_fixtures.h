// What the generated suite knows that the protos cannot say: which seeded entities path values
// name (emulator/README.md "Demo data"), what the emulator's stateful semantics need beyond the
// REQUIRED fields, and the requests the API description itself gets wrong. Everything else about
// a request comes from the descriptors (sweep_request.h).
//
//   SweepValues values = PathValues("/api/orgs/{org_name}/hooks/{hook_name}");
//   auto fixture = Fixtures().find("DeleteStack");   // R"({"force": true})"
#ifndef TESTS_E2E_SWEEP_FIXTURES_H_
#define TESTS_E2E_SWEEP_FIXTURES_H_

#include <map>
#include <string>

#include "tests/e2e/sweep_request.h"

namespace pulumi_gateway::e2e {

inline constexpr char kSweepToken[] = "pul-demo-jdoe-7f3a9c2e41b85d60f1e2a3b4c5d6e7f8";  // jdoe

// Path values naming seeded entities, by JSON name, for a route's path template (organization
// and stack webhooks differ).
SweepValues PathValues(const std::string& pattern);

// By RPC name: proto3 JSON merged into the request (path fields included) before its REQUIRED
// fields are filled.
const std::map<std::string, std::string>& Fixtures();

// The seeded token a route's path may delete, by the list it is on and its name.
struct SeededToken {
  std::string list_path;
  std::string name;
};
SeededToken TokenFor(const std::string& pattern);

// Operations whose correct requests the API description rejects (emulator/README.md): StackTag's
// `name` enum lists only the built-in tag names, which nobody may set; real tags have custom
// names. The emulator counts them rejected with `reason`.
bool KnownNonConforming(const std::string& operation_id, std::string* reason);

}  // namespace pulumi_gateway::e2e

#endif  // TESTS_E2E_SWEEP_FIXTURES_H_
