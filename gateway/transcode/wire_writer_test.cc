#include "gateway/transcode/wire_writer.h"

#include <cstdint>
#include <string>

#include "absl/strings/escaping.h"
#include "google/protobuf/struct.pb.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

std::string Written(void (*write)(WireWriter&)) {
  std::string bytes;
  WireWriter out(&bytes, 16);
  write(out);
  EXPECT_TRUE(out.Finish());
  return bytes;
}

struct VarintRow {
  uint64_t value;
  const char* hex;
};

class VarintTest : public testing::TestWithParam<VarintRow> {};

TEST_P(VarintTest, WritesTheWireFormat) {
  std::string bytes;
  WireWriter out(&bytes, 16);
  out.Varint(GetParam().value);
  ASSERT_TRUE(out.Finish());
  EXPECT_EQ(absl::BytesToHexString(bytes), GetParam().hex);
}

INSTANTIATE_TEST_SUITE_P(Varints, VarintTest,
                         testing::Values(VarintRow{0, "00"}, VarintRow{1, "01"},
                                         VarintRow{127, "7f"}, VarintRow{128, "8001"},
                                         VarintRow{300, "ac02"},
                                         VarintRow{UINT64_MAX, "ffffffffffffffffff01"}));

// The wire format is little-endian whatever the host's byte order: each byte is spelled out.
TEST(WireWriterTest, DoubleIsLittleEndian) {
  EXPECT_EQ(absl::BytesToHexString(Written([](WireWriter& out) { out.Double(0x11, 1.0); })),
            "11000000000000f03f");
  EXPECT_EQ(absl::BytesToHexString(Written([](WireWriter& out) { out.Double(0x11, -2.5); })),
            "1100000000000004c0");
}

TEST(WireWriterTest, FixedWidthIsLittleEndian) {
  EXPECT_EQ(absl::BytesToHexString(Written([](WireWriter& out) { out.Fixed32(0x01020304); })),
            "04030201");
  EXPECT_EQ(
      absl::BytesToHexString(Written([](WireWriter& out) { out.Fixed64(0x0102030405060708ULL); })),
      "0807060504030201");
}

// A double as a google.protobuf.Value's number_value: the bytes protobuf itself writes.
TEST(WireWriterTest, DoubleMatchesProtobuf) {
  for (double d : {0.0, -0.0, 1.5, -1e300, 6.02214076e23}) {
    google::protobuf::Value value;
    value.set_number_value(d);
    std::string bytes;
    WireWriter out(&bytes, 16);
    out.Double(0x11, d);
    ASSERT_TRUE(out.Finish());
    EXPECT_EQ(bytes, value.SerializeAsString()) << d;
  }
}

// Nested messages, short and long (whose length varints Finish inserts), as protobuf writes them:
// a ListValue of string Values and of a nested ListValue.
TEST(WireWriterTest, NestedLengthsMatchProtobuf) {
  constexpr char kValues = 0x0A;       // ListValue.values
  constexpr char kStringValue = 0x1A;  // Value.string_value
  constexpr char kListValue = 0x32;    // Value.list_value
  google::protobuf::ListValue expected;
  std::string bytes;
  WireWriter out(&bytes, 16);
  auto add_string = [&](google::protobuf::ListValue* list, const std::string& s) {
    list->add_values()->set_string_value(s);
    out.Byte(kValues);
    out.Open();
    out.LengthDelimited(kStringValue, s.data(), s.size());
    out.Close();
  };
  add_string(&expected, "short");
  add_string(&expected, std::string(300, 'x'));
  google::protobuf::ListValue* inner = expected.add_values()->mutable_list_value();
  out.Byte(kValues);
  out.Open();
  out.Byte(kListValue);
  out.Open();
  add_string(inner, std::string(20000, 'y'));
  add_string(inner, "tail");
  out.Close();
  out.Close();
  add_string(&expected, "");
  ASSERT_TRUE(out.Finish());
  EXPECT_EQ(bytes, expected.SerializeAsString());
}

}  // namespace
}  // namespace pulumi_gateway
