// IP addresses and CIDR ranges, for deciding whether a gRPC peer is a trusted proxy.
//
//   absl::StatusOr<std::vector<IpRange>> ranges = ParseIpRanges("10.0.0.0/8, fd00::/8");
//   std::optional<IpAddress> peer = IpFromGrpcPeer(context.peer());  // "ipv4:10.1.2.3:40312"
//   bool trusted = peer.has_value() && AnyRangeContains(*ranges, *peer);
//
// IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) are treated as the IPv4 address they carry, so a
// dual-stack listener matches IPv4 ranges.
#ifndef GATEWAY_AUTH_IP_RANGE_H_
#define GATEWAY_AUTH_IP_RANGE_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace pulumi_gateway {

struct IpAddress {
  // Network byte order; only the first `size` bytes are used.
  std::array<uint8_t, 16> bytes{};
  // 4 (IPv4) or 16 (IPv6).
  int size = 4;

  friend bool operator==(const IpAddress& a, const IpAddress& b) {
    return a.size == b.size && a.bytes == b.bytes;
  }
};

// "192.0.2.1", "2001:db8::1" or "[2001:db8::1]"; nullopt for anything else. A zone ("%eth0") is
// ignored.
std::optional<IpAddress> ParseIpAddress(absl::string_view text);

// The address in a gRPC peer string: "ipv4:192.0.2.1:5000", "ipv6:[::1]:5000" or its
// percent-encoded form "ipv6:%5B::1%5D:5000". nullopt for other peers (e.g. "unix:/path").
std::optional<IpAddress> IpFromGrpcPeer(absl::string_view peer);

// A CIDR block: an address and a prefix length.
class IpRange final {
 public:
  // "10.0.0.0/8", "fd00::/8", or a bare address (a /32 or /128). Host bits after the prefix are
  // ignored. INVALID_ARGUMENT naming the text otherwise.
  static absl::StatusOr<IpRange> Parse(absl::string_view text);

  bool Contains(const IpAddress& address) const;
  // "10.0.0.0/8" (canonical form, for logs).
  std::string ToString() const;

 private:
  IpRange(IpAddress network, int prefix) : network_(network), prefix_(prefix) {}

  IpAddress network_;
  int prefix_ = 0;
};

// A comma-separated list of ranges (spaces allowed, empty items ignored); the first bad item
// fails with INVALID_ARGUMENT.
absl::StatusOr<std::vector<IpRange>> ParseIpRanges(absl::string_view list);

bool AnyRangeContains(const std::vector<IpRange>& ranges, const IpAddress& address);

}  // namespace pulumi_gateway

#endif  // GATEWAY_AUTH_IP_RANGE_H_
