// Test fixture for Store unit tests: the demo seed on a fake clock the test advances.
//
//   TEST_F(StoreTest, Something) {
//     auto stack = store_->GetStack(jdoe_, kProd);
//     Advance(absl::Seconds(3));  // live updates emit events due by then
//   }
#ifndef EMULATOR_STORE_TEST_UTIL_H_
#define EMULATOR_STORE_TEST_UTIL_H_

#include <memory>

#include "absl/time/time.h"
#include "emulator/demo_seed.h"
#include "emulator/store.h"
#include "gtest/gtest.h"

namespace emulator {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<Json> seed = DemoSeed();
    ASSERT_TRUE(seed.ok()) << seed.status();
    StoreOptions options;
    options.clock = [this] { return now_; };
    absl::StatusOr<std::unique_ptr<Store>> store = Store::Create(*seed, options);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  void Advance(absl::Duration d) { now_ += d; }

  // Demo users (emulator/data/demo.json).
  const Caller jdoe_{"jdoe", "10.0.0.1"};        // acme-corp admin, globex member
  const Caller rkumar_{"rkumar", "10.0.0.2"};    // acme-corp member
  const Caller mchen_{"mchen", "10.0.0.3"};      // globex admin, acme-corp billing-manager
  const Caller eve_{"eve", "10.0.0.4"};          // globex member only
  const Caller srivera_{"srivera", "10.0.0.5"};  // no organization

  const StackRef kProd{"acme-corp", "payments-api", "prod"};        // versions 38..42
  const StackRef kStaging{"acme-corp", "payments-api", "staging"};  // running update v19
  const StackRef kDataDev{"acme-corp", "data-pipeline", "dev"};     // no updates, no resources
  static constexpr char kRunningId[] = "a1f0c9e8-d7b6-4a5c-8e3d-2f1a0b9c8d7e";
  static constexpr char kProd42Id[] = "3b9e4f1a-6c2d-4e8f-a0b1-c2d3e4f5a6b7";

  absl::Time now_ = absl::FromUnixSeconds(1760000000);
  std::unique_ptr<Store> store_;
};

// The status code of a StatusOr or Status, for EXPECT_EQ.
template <typename T>
absl::StatusCode CodeOf(const absl::StatusOr<T>& s) {
  return s.status().code();
}
inline absl::StatusCode CodeOf(const absl::Status& s) { return s.code(); }

}  // namespace emulator

#endif  // EMULATOR_STORE_TEST_UTIL_H_
