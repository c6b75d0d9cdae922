// Builds the emulator's initial `State` from a seed document (JSON; format in README.md, example
// in emulator/data/demo.json) and loads seed files.
//
//   absl::StatusOr<Json> doc = LoadSeedFile("/path/seed.json");
//   absl::StatusOr<State> state = ParseSeed(*doc, absl::Now());
//
// `now` anchors seeded running updates: their first live event is due at now + interval.
#ifndef EMULATOR_SEED_H_
#define EMULATOR_SEED_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "emulator/model.h"

namespace emulator {

// Reads and parses a JSON file. NotFound if unreadable, InvalidArgument if not JSON.
absl::StatusOr<Json> LoadSeedFile(const std::string& path);

// Validates a seed document and builds the state. InvalidArgument (with the offending entity in
// the message) on a wrong type, a dangling reference (member/stack of an unknown user/org) or a
// duplicate (login, token, stack, update version).
absl::StatusOr<State> ParseSeed(const Json& seed, absl::Time now);

// Turns a running update into a live one (see LiveSpec) starting at `now`.
void StartLive(UpdateRecord& update, absl::Duration interval, int total_events,
               const std::string& final_status, absl::Time now);

}  // namespace emulator

#endif  // EMULATOR_SEED_H_
