#include "emulator/demo_seed.h"

namespace emulator {

absl::StatusOr<Json> DemoSeed() {
  Json doc = Json::parse(kDemoSeedJson, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return absl::InternalError("embedded demo seed is not valid JSON");
  return doc;
}

}  // namespace emulator
