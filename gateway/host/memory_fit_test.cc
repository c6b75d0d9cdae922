#include "gateway/host/memory_fit.h"

#include <limits>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr uint64_t kMiB = uint64_t{1} << 20;

// The base manifests' settings (deploy/base/gateway.env): the defaults' budgets, 1,500 calls.
MemorySizing BaseManifest() { return {96 * kMiB, 64 * kMiB, 0, 1500}; }

TEST(MemoryFitTest, PeakIsIdlePlusEverySetting) {
  EXPECT_EQ(MemorySizing{}.Peak(), kIdleMemoryBytes);
  EXPECT_EQ(BaseManifest().Peak(), (25 + 96 + 64) * kMiB + 1500 * kMemoryPerCallBytes);
  EXPECT_EQ((MemorySizing{1, 2, 3, 4}).Peak(), kIdleMemoryBytes + 6 + 4 * kMemoryPerCallBytes);
  const uint64_t max = std::numeric_limits<uint64_t>::max();
  EXPECT_EQ((MemorySizing{max, max, max, max}).Peak(), max);
  EXPECT_EQ((MemorySizing{0, 0, 0, max}).Peak(), max);
}

TEST(MemoryFitTest, TheShippedManifestsFitTheirLimits) {
  EXPECT_EQ(MemoryFitProblem(BaseManifest(), 256 * kMiB), "");                   // deploy/base
  EXPECT_EQ(MemoryFitProblem({96 * kMiB, 64 * kMiB, 0, 8000}, 512 * kMiB), "");  // production
  EXPECT_EQ(MemoryFitProblem(BaseManifest(), BaseManifest().Peak()), "");  // exactly at the limit
}

TEST(MemoryFitTest, TooManyCallsNamesTheMostThatFit) {
  // The defaults (10,000 calls in flight) in the base manifests' 256 MiB.
  const std::string problem = MemoryFitProblem({96 * kMiB, 64 * kMiB, 0, 10000}, 256 * kMiB);
  EXPECT_THAT(problem,
              AllOf(HasSubstr("about 537 MiB"), HasSubstr("memory limit of 256 MiB"),
                    HasSubstr("--max_buffered_response_bytes 96 MiB"),
                    HasSubstr("--max_response_bytes 64 MiB"),
                    HasSubstr("--max_in_flight 10000 calls at about 36 KiB each (352 MiB)"),
                    // (256 - 185) MiB / 36 KiB = 2019.5
                    HasSubstr("lower --max_in_flight to 2019 or less"), Not(HasSubstr("cache"))));
  // 2019 calls fit, 2020 do not.
  EXPECT_EQ(MemoryFitProblem({96 * kMiB, 64 * kMiB, 0, 2019}, 256 * kMiB), "");
  EXPECT_NE(MemoryFitProblem({96 * kMiB, 64 * kMiB, 0, 2020}, 256 * kMiB), "");
}

TEST(MemoryFitTest, BudgetsThatAloneDoNotFitAreNamed) {
  const std::string problem = MemoryFitProblem({1024 * kMiB, 64 * kMiB, 32 * kMiB, 10}, 512 * kMiB);
  EXPECT_THAT(problem,
              AllOf(HasSubstr("--cache_max_bytes 32 MiB"),
                    HasSubstr("the byte settings alone take 1145 MiB"),
                    HasSubstr("lower --max_buffered_response_bytes, --max_response_bytes or "
                              "--cache_max_bytes"),
                    Not(HasSubstr("lower --max_in_flight to"))));
  EXPECT_THAT(MemoryFitProblem({1024 * kMiB, 64 * kMiB, 0, 10}, 512 * kMiB),
              HasSubstr("lower --max_buffered_response_bytes or --max_response_bytes (and then"));
  // A limit of nothing (memory.max 0) fits nothing.
  EXPECT_THAT(MemoryFitProblem({}, 0), HasSubstr("memory limit of 0 KiB"));
}

TEST(MemoryFitTest, ModeNamesRoundTrip) {
  for (MemoryFit fit : {MemoryFit::kWarn, MemoryFit::kRefuse, MemoryFit::kOff}) {
    EXPECT_EQ(*ParseMemoryFit(MemoryFitName(fit)), fit);
  }
  const absl::StatusOr<MemoryFit> bad = ParseMemoryFit("strict");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(bad.status().message()), HasSubstr("warn, refuse or off"));
}

}  // namespace
}  // namespace pulumi_gateway
