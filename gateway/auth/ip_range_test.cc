#include "gateway/auth/ip_range.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

using ::testing::HasSubstr;

IpAddress Ip(absl::string_view text) {
  std::optional<IpAddress> address = ParseIpAddress(text);
  EXPECT_TRUE(address.has_value()) << text;
  return address.value_or(IpAddress{});
}

TEST(IpRangeTest, ContainsIsDecidedByThePrefix) {
  struct Row {
    std::string range;
    std::string address;
    bool contains;
  };
  for (const Row& row : std::vector<Row>{
           {"10.0.0.0/8", "10.255.1.2", true},
           {"10.0.0.0/8", "11.0.0.1", false},
           {"192.168.1.0/24", "192.168.1.77", true},
           {"192.168.1.0/24", "192.168.2.77", false},
           {"172.16.0.0/12", "172.31.255.255", true},
           {"172.16.0.0/12", "172.32.0.0", false},
           {"127.0.0.1", "127.0.0.1", true},
           {"127.0.0.1", "127.0.0.2", false},
           {"127.0.0.1/32", "127.0.0.1", true},
           {"0.0.0.0/0", "203.0.113.9", true},
           {"0.0.0.0/0", "::1", false},       // families never match each other
           {"10.1.2.3/8", "10.9.9.9", true},  // host bits are ignored
           {"::1/128", "::1", true},
           {"::1", "::2", false},
           {"fd00::/8", "fd12:3456::1", true},
           {"fd00::/8", "fe80::1", false},
           {"2001:db8::/33", "2001:db8:7fff::1", true},
           {"2001:db8::/33", "2001:db8:8000::1", false},
           {"::/0", "2001:db8::1", true},
           {"::/0", "10.0.0.1", false},
           // IPv4-mapped IPv6 addresses are their IPv4 address, in either position.
           {"10.0.0.0/8", "::ffff:10.1.2.3", true},
           {"::ffff:10.0.0.0/104", "10.1.2.3", true},
           {"::ffff:10.0.0.0/104", "11.1.2.3", false},
           {"[::1]/128", "::1", true},
       }) {
    SCOPED_TRACE(row.range + " " + row.address);
    absl::StatusOr<IpRange> range = IpRange::Parse(row.range);
    ASSERT_TRUE(range.ok()) << range.status();
    EXPECT_EQ(range->Contains(Ip(row.address)), row.contains);
  }
}

TEST(IpRangeTest, CanonicalFormMasksHostBits) {
  EXPECT_EQ(IpRange::Parse("10.1.2.3/8")->ToString(), "10.0.0.0/8");
  EXPECT_EQ(IpRange::Parse("192.168.1.130/25")->ToString(), "192.168.1.128/25");
  EXPECT_EQ(IpRange::Parse("2001:db8::ff/120")->ToString(), "2001:db8::/120");
  EXPECT_EQ(IpRange::Parse(" 127.0.0.1 ")->ToString(), "127.0.0.1/32");
}

TEST(IpRangeTest, RejectsWhatIsNotARange) {
  for (const std::string text :
       {"", "10.0.0.0/33", "::/129", "10.0.0.0/-1", "10.0.0.0/", "10.0.0.0/8x", "10.0.0/8",
        "localhost", "256.0.0.1", "10.0.0.0/8/8", "::ffff:10.0.0.0/95", "[::1"}) {
    SCOPED_TRACE(text);
    absl::StatusOr<IpRange> range = IpRange::Parse(text);
    ASSERT_FALSE(range.ok());
    EXPECT_EQ(range.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(range.status().message()), HasSubstr("is not an IP range"));
  }
}

TEST(IpRangeTest, ParsesCommaLists) {
  absl::StatusOr<std::vector<IpRange>> ranges = ParseIpRanges(" 10.0.0.0/8, ,::1/128,");
  ASSERT_TRUE(ranges.ok()) << ranges.status();
  ASSERT_EQ(ranges->size(), 2u);
  EXPECT_TRUE(AnyRangeContains(*ranges, Ip("10.3.3.3")));
  EXPECT_TRUE(AnyRangeContains(*ranges, Ip("::1")));
  EXPECT_FALSE(AnyRangeContains(*ranges, Ip("127.0.0.1")));
  EXPECT_TRUE(ParseIpRanges("")->empty());
  absl::StatusOr<std::vector<IpRange>> bad = ParseIpRanges("10.0.0.0/8,10.0.0.0/99");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(std::string(bad.status().message()), HasSubstr("\"10.0.0.0/99\""));
}

TEST(IpFromGrpcPeerTest, ReadsTheAddressOfIpPeers) {
  struct Row {
    std::string peer;
    std::string address;
  };
  for (const Row& row : std::vector<Row>{
           {"ipv4:127.0.0.1:40312", "127.0.0.1"},
           {"ipv4:10.1.2.3:1", "10.1.2.3"},
           {"ipv6:[::1]:50051", "::1"},
           {"ipv6:%5B::1%5D:50051", "::1"},
           {"ipv6:%5b2001:db8::7%5d:443", "2001:db8::7"},
           {"ipv6:%5Bfe80::1%25eth0%5D:443", "fe80::1"},
           {"ipv6:[::ffff:127.0.0.1]:9", "127.0.0.1"},
       }) {
    SCOPED_TRACE(row.peer);
    std::optional<IpAddress> address = IpFromGrpcPeer(row.peer);
    ASSERT_TRUE(address.has_value());
    EXPECT_EQ(*address, Ip(row.address));
  }
  for (const std::string peer : {"unix:/run/gateway.sock", "", "ipv4:", "ipv4:example.com:80",
                                 "ipv6:::1:80", "ipv6:%5B::1:80", "dns:127.0.0.1:80"}) {
    SCOPED_TRACE(peer);
    EXPECT_FALSE(IpFromGrpcPeer(peer).has_value());
  }
}

}  // namespace
}  // namespace pulumi_gateway
