#include "gateway/call/inline_completion.h"

#include <cstdint>
#include <vector>

#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

// Records the ids it is called with, and may defer another wait from inside one.
struct Recorder {
  std::vector<uint64_t> ran;
  bool defer_from_inside = false;
  bool deferred_from_inside = true;

  static void Wait(void* owner, uint64_t id) {
    auto* self = static_cast<Recorder*>(owner);
    self->ran.push_back(id);
    if (self->defer_from_inside) {
      self->deferred_from_inside = InlineCompletionScope::Defer(&Recorder::Wait, self, id + 100);
    }
  }
};

TEST(InlineCompletionScopeTest, WithoutAScopeNothingIsDeferred) {
  Recorder recorder;
  EXPECT_FALSE(InlineCompletionScope::Defer(&Recorder::Wait, &recorder, 1));
  EXPECT_TRUE(recorder.ran.empty());
}

TEST(InlineCompletionScopeTest, TheWaitRunsWhenTheScopeClosesAndOnlyOneIsTaken) {
  Recorder recorder;
  {
    InlineCompletionScope scope;
    EXPECT_TRUE(InlineCompletionScope::Defer(&Recorder::Wait, &recorder, 1));
    EXPECT_FALSE(InlineCompletionScope::Defer(&Recorder::Wait, &recorder, 2));
    EXPECT_TRUE(recorder.ran.empty()) << "ran before the scope closed";
  }
  EXPECT_EQ(recorder.ran, std::vector<uint64_t>({1}));
  // Closed: nothing more is deferred on this thread.
  EXPECT_FALSE(InlineCompletionScope::Defer(&Recorder::Wait, &recorder, 3));
}

TEST(InlineCompletionScopeTest, TheInnermostScopeTakesTheWait) {
  Recorder recorder;
  {
    InlineCompletionScope outer;
    {
      InlineCompletionScope inner;
      EXPECT_TRUE(InlineCompletionScope::Defer(&Recorder::Wait, &recorder, 1));
    }
    EXPECT_EQ(recorder.ran, std::vector<uint64_t>({1}));
    EXPECT_TRUE(InlineCompletionScope::Defer(&Recorder::Wait, &recorder, 2));
  }
  EXPECT_EQ(recorder.ran, std::vector<uint64_t>({1, 2}));
}

TEST(InlineCompletionScopeTest, AWaitDeferringAnotherFindsItsScopeClosed) {
  Recorder recorder;
  recorder.defer_from_inside = true;
  {
    InlineCompletionScope scope;
    EXPECT_TRUE(InlineCompletionScope::Defer(&Recorder::Wait, &recorder, 1));
  }
  EXPECT_FALSE(recorder.deferred_from_inside);
  EXPECT_EQ(recorder.ran, std::vector<uint64_t>({1}));
}

}  // namespace
}  // namespace pulumi_gateway
