#include "gateway/auth/ip_range.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace pulumi_gateway {
namespace {

constexpr uint8_t kV4MappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

bool IsV4Mapped(const IpAddress& address) {
  return address.size == 16 && std::memcmp(address.bytes.data(), kV4MappedPrefix, 12) == 0;
}

IpAddress V4FromMapped(const IpAddress& mapped) {
  IpAddress v4;
  std::memcpy(v4.bytes.data(), mapped.bytes.data() + 12, 4);
  v4.size = 4;
  return v4;
}

}  // namespace

std::optional<IpAddress> ParseIpAddress(absl::string_view text) {
  if (absl::ConsumePrefix(&text, "[") && !absl::ConsumeSuffix(&text, "]")) return std::nullopt;
  text = text.substr(0, text.find('%'));
  if (text.empty() || text.size() > 45) return std::nullopt;
  const std::string zero_terminated(text);
  IpAddress address;
  if (inet_pton(AF_INET, zero_terminated.c_str(), address.bytes.data()) == 1) {
    address.size = 4;
    return address;
  }
  if (inet_pton(AF_INET6, zero_terminated.c_str(), address.bytes.data()) == 1) {
    address.size = 16;
    return IsV4Mapped(address) ? V4FromMapped(address) : address;
  }
  return std::nullopt;
}

std::optional<IpAddress> IpFromGrpcPeer(absl::string_view peer) {
  if (absl::ConsumePrefix(&peer, "ipv4:")) {
    return ParseIpAddress(peer.substr(0, peer.rfind(':')));
  }
  if (!absl::ConsumePrefix(&peer, "ipv6:")) return std::nullopt;
  std::string host;
  if (absl::ConsumePrefix(&peer, "%5B") || absl::ConsumePrefix(&peer, "%5b")) {
    const size_t end = absl::AsciiStrToUpper(peer).find("%5D");
    if (end == absl::string_view::npos) return std::nullopt;
    // A zone is percent-encoded too ("fe80::1%25eth0"); ParseIpAddress drops it at the '%'.
    return ParseIpAddress(peer.substr(0, end));
  }
  if (absl::ConsumePrefix(&peer, "[")) {
    const size_t end = peer.find(']');
    if (end == absl::string_view::npos) return std::nullopt;
    return ParseIpAddress(peer.substr(0, end));
  }
  return std::nullopt;
}

absl::StatusOr<IpRange> IpRange::Parse(absl::string_view text) {
  const absl::string_view original = text;
  text = absl::StripAsciiWhitespace(text);
  absl::string_view address_text = text;
  std::optional<int> prefix;
  if (const size_t slash = text.find('/'); slash != absl::string_view::npos) {
    address_text = text.substr(0, slash);
    int value = -1;
    if (!absl::SimpleAtoi(text.substr(slash + 1), &value)) value = -1;
    prefix = value;
  }
  std::optional<IpAddress> address = ParseIpAddress(address_text);
  const int bits = address.has_value() ? address->size * 8 : 0;
  // A mapped IPv6 range (::ffff:10.0.0.0/104) is the IPv4 range it covers; ParseIpAddress already
  // turned its address into IPv4.
  if (address.has_value() && address->size == 4 && prefix.has_value() &&
      absl::StrContains(address_text, ':')) {
    *prefix = *prefix >= 96 ? *prefix - 96 : -1;
  }
  if (!address.has_value() || (prefix.has_value() && (*prefix < 0 || *prefix > bits))) {
    return absl::InvalidArgumentError(absl::StrCat(
        "\"", original, "\" is not an IP range (CIDR like 10.0.0.0/8 or fd00::/8, or an address)"));
  }
  IpRange range(*address, prefix.value_or(bits));
  for (int i = 0; i < address->size; ++i) {
    const int keep = std::min(8, std::max(0, range.prefix_ - i * 8));
    range.network_.bytes[i] &= static_cast<uint8_t>(0xff00 >> keep);
  }
  return range;
}

bool IpRange::Contains(const IpAddress& address) const {
  if (address.size != network_.size) return false;
  int bits = prefix_;
  for (int i = 0; bits > 0; ++i, bits -= 8) {
    const uint8_t mask = static_cast<uint8_t>(0xff00 >> std::min(8, bits));
    if ((address.bytes[i] & mask) != network_.bytes[i]) return false;
  }
  return true;
}

std::string IpRange::ToString() const {
  char text[INET6_ADDRSTRLEN] = {};
  inet_ntop(network_.size == 4 ? AF_INET : AF_INET6, network_.bytes.data(), text, sizeof(text));
  return absl::StrCat(text, "/", prefix_);
}

absl::StatusOr<std::vector<IpRange>> ParseIpRanges(absl::string_view list) {
  std::vector<IpRange> ranges;
  for (absl::string_view item : absl::StrSplit(list, ',', absl::SkipWhitespace())) {
    absl::StatusOr<IpRange> range = IpRange::Parse(item);
    if (!range.ok()) return range.status();
    ranges.push_back(*range);
  }
  return ranges;
}

bool AnyRangeContains(const std::vector<IpRange>& ranges, const IpAddress& address) {
  for (const IpRange& range : ranges) {
    if (range.Contains(address)) return true;
  }
  return false;
}

}  // namespace pulumi_gateway
