#include "gateway/transcode/json_reader.h"

#include <cstdint>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace pulumi_gateway {
namespace {

// Whole documents: Skip() over the text, then only white space. The fast paths trust the reader's
// verdict, so it must never accept what nlohmann::json::parse rejects; where it is stricter, the
// fast path gives up and the DOM path decides.
struct DocumentRow {
  const char* name;
  std::string text;
  bool valid;
  // nlohmann accepts what the reader rejects.
  bool stricter = false;
};

bool ReaderAccepts(const std::string& text) {
  JsonReader reader(text);
  reader.SkipBom();
  if (!reader.Skip()) return false;
  reader.SkipSpace();
  return reader.AtEnd();
}

class DocumentTest : public testing::TestWithParam<DocumentRow> {};

TEST_P(DocumentTest, AcceptsWhatNlohmannAccepts) {
  const DocumentRow& row = GetParam();
  const bool nlohmann_accepts = !nlohmann::json::parse(row.text, nullptr, false).is_discarded();
  ASSERT_EQ(nlohmann_accepts, row.valid || row.stricter)
      << "the row disagrees with nlohmann: " << row.text;
  EXPECT_EQ(ReaderAccepts(row.text), row.valid) << row.text;
}

INSTANTIATE_TEST_SUITE_P(
    Documents, DocumentTest,
    testing::Values(
        DocumentRow{"empty_object", "{}", true}, DocumentRow{"empty_array", "[]", true},
        DocumentRow{"nested", R"({"a":[1,{"b":null}],"c":{"d":true}})", true},
        DocumentRow{"spaces", " \t\r\n{ \"a\" : [ 1 , 2 ] } \n", true},
        DocumentRow{"bom", "\xEF\xBB\xBF{}", true}, DocumentRow{"scalar_top", "12", true},
        DocumentRow{"string_top", R"("x")", true},
        DocumentRow{"literals", "[true,false,null]", true}, DocumentRow{"empty_text", "", false},
        DocumentRow{"only_space", "  ", false}, DocumentRow{"trailing_comma_array", "[1,]", false},
        DocumentRow{"trailing_comma_object", R"({"a":1,})", false},
        DocumentRow{"missing_colon", R"({"a" 1})", false},
        DocumentRow{"unquoted_key", "{a:1}", false}, DocumentRow{"single_quotes", "{'a':1}", false},
        DocumentRow{"unclosed_object", R"({"a":1)", false},
        DocumentRow{"unclosed_array", "[1,2", false}, DocumentRow{"mismatched_close", "[1}", false},
        DocumentRow{"two_values", "{} {}", false}, DocumentRow{"leading_zero", "[01]", false},
        DocumentRow{"plus_sign", "[+1]", false}, DocumentRow{"bare_dot", "[1.]", false},
        DocumentRow{"leading_dot", "[.5]", false}, DocumentRow{"bare_exponent", "[1e]", false},
        DocumentRow{"exponent", "[1.5e-3]", true}, DocumentRow{"overflow", "[1e400]", false},
        DocumentRow{"nan_word", "[NaN]", false}, DocumentRow{"short_literal", "[tru]", false},
        DocumentRow{"capital_literal", "[True]", false},
        DocumentRow{"escapes", R"(["\" \\ \/ \b \f \n \r \t \u00e9"])", true},
        DocumentRow{"bad_escape", R"(["\x"])", false},
        DocumentRow{"short_unicode_escape", R"(["\u12"])", false},
        DocumentRow{"surrogate_pair", R"(["\ud83d\ude00"])", true},
        DocumentRow{"lone_high_surrogate", R"(["\ud83d"])", false},
        DocumentRow{"lone_low_surrogate", R"(["\ude00"])", false},
        DocumentRow{"raw_control", std::string("[\"a\x01\"]"), false},
        DocumentRow{"raw_newline_in_string", "[\"a\nb\"]", false},
        DocumentRow{"utf8_two_bytes", "[\"\xC3\xA9\"]", true},
        DocumentRow{"utf8_four_bytes", "[\"\xF0\x9F\x98\x80\"]", true},
        DocumentRow{"utf8_overlong", "[\"\xC0\xAF\"]", false},
        DocumentRow{"utf8_surrogate_encoded", "[\"\xED\xA0\x80\"]", false},
        DocumentRow{"utf8_truncated", "[\"\xE2\x82\"]", false},
        DocumentRow{"utf8_beyond_unicode", "[\"\xF4\x90\x80\x80\"]", false},
        // nlohmann stops at a NUL byte after the value; the reader wants the text's end.
        DocumentRow{"nul_after_value", std::string("[1]\0", 4), false, /*stricter=*/true},
        DocumentRow{"nul_in_value", std::string("[1\0]", 4), false}),
    [](const testing::TestParamInfo<DocumentRow>& info) { return std::string(info.param.name); });

// One string at the cursor: its decoded value.
struct StringRow {
  std::string text;
  bool valid;
  std::string decoded;
};

class StringTest : public testing::TestWithParam<StringRow> {};

TEST_P(StringTest, Decodes) {
  const StringRow& row = GetParam();
  JsonReader reader(row.text);
  absl::string_view text;
  std::string scratch;
  ASSERT_EQ(reader.String(&text, &scratch), row.valid) << row.text;
  if (row.valid) {
    EXPECT_EQ(text, row.decoded);
    EXPECT_TRUE(reader.AtEnd());
  }
}

INSTANTIATE_TEST_SUITE_P(Strings, StringTest,
                         testing::Values(StringRow{R"("")", true, ""},
                                         StringRow{R"("plain")", true, "plain"},
                                         StringRow{R"("a\"b")", true, "a\"b"},
                                         StringRow{R"("tab\there")", true, "tab\there"},
                                         StringRow{R"("\u00e9")", true, "\xC3\xA9"},
                                         StringRow{R"("\ud83d\ude00")", true, "\xF0\x9F\x98\x80"},
                                         StringRow{R"("\u0000")", true, std::string(1, '\0')},
                                         StringRow{R"("open)", false, ""},
                                         StringRow{"plain", false, ""}));

// Numbers at the cursor as JsonToMessage turns them into doubles.
struct NumberRow {
  std::string text;
  bool valid;
  double value;
};

class NumberTest : public testing::TestWithParam<NumberRow> {};

TEST_P(NumberTest, Reads) {
  const NumberRow& row = GetParam();
  double value = 0;
  EXPECT_EQ(NumberFromText(row.text, &value), row.valid) << row.text;
  if (row.valid) {
    EXPECT_EQ(value, row.value) << row.text;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Numbers, NumberTest,
    testing::Values(NumberRow{"0", true, 0}, NumberRow{"-0", true, 0}, NumberRow{"42", true, 42},
                    NumberRow{"-17", true, -17}, NumberRow{"1.5", true, 1.5},
                    NumberRow{"2e3", true, 2000}, NumberRow{"2E-1", true, 0.2},
                    NumberRow{"9007199254740993", true, 9007199254740992.0},
                    NumberRow{"18446744073709551615", true, 18446744073709551615.0},
                    NumberRow{"1e400", false, 0}, NumberRow{"", false, 0},
                    NumberRow{"01", false, 0}, NumberRow{"1 ", false, 0}, NumberRow{"+1", false, 0},
                    NumberRow{"0x10", false, 0}, NumberRow{"Infinity", false, 0}));

// Integer strings take the strict proto3 form: optional '-', decimal digits, in range.
struct IntegerRow {
  std::string text;
  bool signed_valid;
  int64_t signed_value;
  bool unsigned_valid;
  uint64_t unsigned_value;
};

class IntegerTest : public testing::TestWithParam<IntegerRow> {};

TEST_P(IntegerTest, ReadsStrictly) {
  const IntegerRow& row = GetParam();
  int64_t s = 0;
  uint64_t u = 0;
  EXPECT_EQ(IntegerFromText(row.text, &s), row.signed_valid) << row.text;
  if (row.signed_valid) {
    EXPECT_EQ(s, row.signed_value);
  }
  EXPECT_EQ(UnsignedFromText(row.text, &u), row.unsigned_valid) << row.text;
  if (row.unsigned_valid) {
    EXPECT_EQ(u, row.unsigned_value);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Integers, IntegerTest,
    testing::Values(IntegerRow{"0", true, 0, true, 0}, IntegerRow{"123", true, 123, true, 123},
                    IntegerRow{"-5", true, -5, false, 0},
                    IntegerRow{"9223372036854775807", true, INT64_MAX, true, 9223372036854775807u},
                    IntegerRow{"9223372036854775808", false, 0, true, 9223372036854775808u},
                    IntegerRow{"18446744073709551616", false, 0, false, 0},
                    IntegerRow{"-9223372036854775808", true, INT64_MIN, false, 0},
                    IntegerRow{"", false, 0, false, 0}, IntegerRow{"-", false, 0, false, 0},
                    IntegerRow{"+1", false, 0, false, 0}, IntegerRow{" 1", false, 0, false, 0},
                    IntegerRow{"1 ", false, 0, false, 0}, IntegerRow{"1e3", false, 0, false, 0},
                    IntegerRow{"1.0", false, 0, false, 0}));

// The JSON type of the value at the cursor, as nlohmann names it.
TEST(JsonReaderTest, NamesTypesAsNlohmann) {
  for (const char* text : {"{}", "[]", R"("s")", "true", "false", "null", "-1", "2.5"}) {
    EXPECT_STREQ(JsonReader(text).TypeName(), nlohmann::json::parse(text).type_name()) << text;
  }
  EXPECT_STREQ(JsonReader("").TypeName(), "discarded");
}

// Skip needs no recursion: nesting far deeper than any recursive parser's stack is fine.
TEST(JsonReaderTest, SkipsDeepNesting) {
  const int depth = 100000;
  const std::string text = std::string(depth, '[') + std::string(depth, ']');
  JsonReader reader(text);
  EXPECT_TRUE(reader.Skip());
  EXPECT_TRUE(reader.AtEnd());
}

}  // namespace
}  // namespace pulumi_gateway
