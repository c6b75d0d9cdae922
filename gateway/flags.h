// The binary's command line: the flags (flags.cc, one per setting, defaults from the components'
// option structs) and reading them, with PULUMI_ACCESS_TOKEN, into the values ParseConfig checks.
//
//   absl::ParseCommandLine(argc, argv);
//   absl::StatusOr<GatewayConfig> config = ParseConfig(ReadFlags());
#ifndef GATEWAY_FLAGS_H_
#define GATEWAY_FLAGS_H_

#include "gateway/config/flag_values.h"

namespace pulumi_gateway {

// The flags as parsed from the command line, and PULUMI_ACCESS_TOKEN from the environment.
FlagValues ReadFlags();

}  // namespace pulumi_gateway

#endif  // GATEWAY_FLAGS_H_
