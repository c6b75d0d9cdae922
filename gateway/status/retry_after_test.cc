#include "gateway/status/retry_after.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

absl::Time Utc(int y, int mo, int d, int h, int mi, int s) {
  return absl::FromCivil(absl::CivilSecond(y, mo, d, h, mi, s), absl::UTCTimeZone());
}

TEST(ParseRetryAfterTest, Table) {
  const absl::Time now = Utc(2026, 10, 21, 7, 27, 0);
  struct Case {
    std::string value;
    std::optional<absl::Duration> want;
  };
  const std::vector<Case> cases = {
      // delta-seconds
      {"0", absl::ZeroDuration()},
      {"2", absl::Seconds(2)},
      {"120", absl::Seconds(120)},
      {" 7 ", absl::Seconds(7)},
      {"86400", absl::Hours(24)},
      // HTTP-date (IMF-fixdate), measured from now; never negative.
      {"Wed, 21 Oct 2026 07:28:00 GMT", absl::Seconds(60)},
      {"Wed, 21 Oct 2026 08:27:00 GMT", absl::Hours(1)},
      {"Wed, 21 Oct 2026 07:27:00 GMT", absl::ZeroDuration()},
      {"Tue, 20 Oct 2026 07:27:00 GMT", absl::ZeroDuration()},
      // Malformed or empty.
      {"", std::nullopt},
      {"   ", std::nullopt},
      {"-1", std::nullopt},
      {"1.5", std::nullopt},
      {"12abc", std::nullopt},
      {"soon", std::nullopt},
      {"99999999999999999999999", std::nullopt},
      {"Wed, 21 Oct 2026 07:28:00", std::nullopt},
      {"2026-10-21T07:28:00Z", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("Retry-After: \"" + c.value + "\"");
    const std::optional<absl::Duration> got = ParseRetryAfter(c.value, now);
    ASSERT_EQ(got.has_value(), c.want.has_value());
    if (got.has_value()) {
      EXPECT_EQ(*got, *c.want);
    }
  }
}

}  // namespace
}  // namespace pulumi_gateway
