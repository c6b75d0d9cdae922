// Seed parsers for the resources beyond users, orgs and stacks: token details, custom roles,
// webhooks and deployments (seed format in README.md). Used by seed.cc; they throw
// Json::exception on a wrong type, which ParseSeed turns into InvalidArgument.
//
//   Role role = ParseRole(j);                  // {"id","name","uxPurpose","details",...}
//   std::string id = DerivedUuid("personal/jdoe/jdoe-laptop");   // stable across runs
#ifndef EMULATOR_SEED_RESOURCES_H_
#define EMULATOR_SEED_RESOURCES_H_

#include <string>

#include "absl/strings/string_view.h"
#include "emulator/model.h"

namespace emulator {

// A UUID-shaped id that is a pure function of `key`, for seeded entities without an id.
std::string DerivedUuid(absl::string_view key);

// id (default DerivedUuid(`id_key`)), description, created, expires, lastUsed, createdBy and, for
// organization tokens, admin (default true) and roleID. `j` may be a bare token value (string).
void ParseTokenDetails(const Json& j, absl::string_view id_key, AccessToken& token);

Role ParseRole(const Json& j);
Webhook ParseWebhook(const Json& j);
// Seeded deployments are finished ones (`status` succeeded or failed, default succeeded).
Deployment ParseDeployment(const Json& j);

}  // namespace emulator

#endif  // EMULATOR_SEED_RESOURCES_H_
