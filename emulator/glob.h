// Shell-style wildcard matching for route selectors: '*' matches any run of characters
// (including '/'), '?' one character; everything else literally.
//
//   GlobMatch("/api/stacks/*/events", "/api/stacks/acme/web/prod/update/42/events");  // true
#ifndef EMULATOR_GLOB_H_
#define EMULATOR_GLOB_H_

#include "absl/strings/string_view.h"

namespace emulator {

bool GlobMatch(absl::string_view pattern, absl::string_view text);

}  // namespace emulator

#endif  // EMULATOR_GLOB_H_
