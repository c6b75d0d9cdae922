// Running updates that grow over time (for "follow an update" streaming tests).
//
// Nothing runs in the background: whenever the store reads a stack it calls AdvanceLive(), which
// appends every event that became due since the last call (event i is due at start +
// (i+1)*interval) and finishes the update after its last event. Time comes from the store's
// clock, so unit tests step it deterministically.
//
//   StartLive(update, absl::Milliseconds(50), 10, "succeeded", clock());   // seed.h
//   AdvanceLive("payments-api", "staging", update, clock());
#ifndef EMULATOR_LIVE_UPDATE_H_
#define EMULATOR_LIVE_UPDATE_H_

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "emulator/model.h"

namespace emulator {

// Appends the engine (and legacy) events of `update` due at `now`; on the last one sets the final
// status and `endTime`. No-op unless `update.live.active`.
void AdvanceLive(absl::string_view project, absl::string_view stack, UpdateRecord& update,
                 absl::Time now);

// Ends a running update as cancelled: appends a cancelEvent and stops live emission.
void CancelUpdate(UpdateRecord& update, absl::Time now);

}  // namespace emulator

#endif  // EMULATOR_LIVE_UPDATE_H_
