// The gateway's version (semver), reported in the upstream User-Agent and --version.
#ifndef GATEWAY_VERSION_H_
#define GATEWAY_VERSION_H_

namespace pulumi_gateway {

inline constexpr char kVersion[] = "0.2.0";
inline constexpr char kProductName[] = "pulumi-grpc-gateway";

}  // namespace pulumi_gateway

#endif  // GATEWAY_VERSION_H_
