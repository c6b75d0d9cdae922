// The parse step: the flags' values in, a ready GatewayConfig out — the components' option
// structs filled and every value checked, files read (tokens, TLS PEMs), or the first bad
// setting's error naming its flag. Small per-area parsers (parse_areas.h) do the work.
//
//   absl::StatusOr<GatewayConfig> config = ParseConfig(flags);
//   if (!config.ok()) Die(config.status().message());  // "--listen: \"x\" is not host:port ..."
#ifndef GATEWAY_CONFIG_PARSE_CONFIG_H_
#define GATEWAY_CONFIG_PARSE_CONFIG_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "gateway/config/config.h"
#include "gateway/config/flag_values.h"
#include "gateway/upstream/response_cache.h"

namespace pulumi_gateway {

// INVALID_ARGUMENT "--<flag>: <why>" for the first bad value. The service token's content never
// appears in a message.
absl::StatusOr<GatewayConfig> ParseConfig(const FlagValues& flags);

// --cache_ttl: "RPC=TTL" items separated by commas ("*" is every read route not listed, a zero
// TTL turns a route off) into `cache`'s TTLs; INVALID_ARGUMENT naming --cache_ttl otherwise.
absl::Status ParseCacheTtl(absl::string_view value, ResponseCacheOptions* cache);
// The --cache_ttl text of `cache`'s TTLs (routes sorted, "*" last); "" when it lists none.
std::string FormatCacheTtl(const ResponseCacheOptions& cache);

}  // namespace pulumi_gateway

#endif  // GATEWAY_CONFIG_PARSE_CONFIG_H_
