#include "gateway/call/inline_completion.h"

namespace pulumi_gateway {
namespace {

thread_local InlineCompletionScope* innermost = nullptr;

}  // namespace

InlineCompletionScope::InlineCompletionScope() : outer_(innermost) { innermost = this; }

InlineCompletionScope::~InlineCompletionScope() {
  innermost = outer_;
  // Closed first: a Send from inside the wait (a callback starting the next request) finds this
  // scope gone and completes that request its usual way.
  if (wait_ != nullptr) wait_(owner_, id_);
}

bool InlineCompletionScope::Defer(Wait wait, void* owner, uint64_t id) {
  InlineCompletionScope* scope = innermost;
  if (scope == nullptr || scope->wait_ != nullptr) return false;
  scope->wait_ = wait;
  scope->owner_ = owner;
  scope->id_ = id;
  return true;
}

}  // namespace pulumi_gateway
