#include "gateway/http/buffer_budget.h"

#include <functional>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

TEST(BufferBudgetTest, TakesUpToTheLimitAndCountsRefusals) {
  BufferBudget budget(100);
  EXPECT_TRUE(budget.TryTake(60));
  EXPECT_FALSE(budget.TryTake(41));
  EXPECT_TRUE(budget.TryTake(40));
  EXPECT_FALSE(budget.TryTake(1));
  EXPECT_EQ(budget.used(), 100u);
  EXPECT_EQ(budget.refusals(), 2u);
  budget.GiveBack(100);
  EXPECT_EQ(budget.used(), 0u);
  // A request larger than the whole budget never wraps around.
  EXPECT_FALSE(budget.TryTake(~size_t{0}));
}

TEST(BufferBudgetTest, ReservationGrowsAndGivesBackOnDestruction) {
  BufferBudget budget(100);
  {
    BufferReservation a(&budget);
    EXPECT_TRUE(a.GrowTo(30));
    EXPECT_TRUE(a.GrowTo(20));  // already holds more
    EXPECT_EQ(a.bytes(), 30u);
    BufferReservation b(&budget);
    EXPECT_FALSE(b.GrowTo(80));
    EXPECT_EQ(b.bytes(), 0u);
    EXPECT_TRUE(b.GrowTo(70));
    BufferReservation moved = std::move(a);
    EXPECT_EQ(a.bytes(), 0u);
    EXPECT_EQ(budget.used(), 100u);
  }
  EXPECT_EQ(budget.used(), 0u);
}

TEST(BufferBudgetTest, WithoutABudgetEverythingIsGranted) {
  BufferReservation unbudgeted;
  EXPECT_TRUE(unbudgeted.GrowTo(size_t{1} << 40));
}

TEST(BufferBudgetTest, ConcurrentTakersNeverExceedTheLimit) {
  BufferBudget budget(1000);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&budget] {
      for (int i = 0; i < 10000; ++i) {
        if (budget.TryTake(7)) {
          EXPECT_LE(budget.used(), 1000u);
          budget.GiveBack(7);
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(budget.used(), 0u);
}

// Reads every exported metric by name.
class MetricReader final : public MetricSink {
 public:
  void AddCounter(std::string name, std::string, std::function<double()> read) override {
    counters_[name] = std::move(read);
  }
  void AddGauge(std::string name, std::string, std::function<double()> read) override {
    gauges_[name] = std::move(read);
  }
  std::map<std::string, std::function<double()>> counters_;
  std::map<std::string, std::function<double()>> gauges_;
};

TEST(BufferBudgetTest, ExportsWhatItHoldsAndItsRefusals) {
  BufferBudget budget(100);
  MetricReader metrics;
  budget.ExportMetrics(metrics);
  ASSERT_EQ(metrics.gauges_.count("pulumi_gateway_buffered_response_bytes"), 1u);
  ASSERT_EQ(metrics.counters_.count("pulumi_gateway_buffer_budget_refusals_total"), 1u);
  EXPECT_TRUE(budget.TryTake(60));
  EXPECT_FALSE(budget.TryTake(50));
  EXPECT_EQ(metrics.gauges_["pulumi_gateway_buffered_response_bytes"](), 60);
  EXPECT_EQ(metrics.counters_["pulumi_gateway_buffer_budget_refusals_total"](), 1);
  budget.GiveBack(60);
  EXPECT_EQ(metrics.gauges_["pulumi_gateway_buffered_response_bytes"](), 0);
}

}  // namespace
}  // namespace pulumi_gateway
