// Lets the thread that serves a call finish the call's upstream exchange itself, when that is the
// cheapest way: no hand-off to the upstream loop's thread and back.
//
// A handler opens a scope around the work that sends a call upstream:
//
//   grpc::ServerUnaryReactor* Handle(...) {
//     InlineCompletionScope scope;
//     return UnaryCall::Start(...);  // Sends the call upstream
//   }  // the scope closes: a wait the transport left in it runs here
//
// A transport that starts a transfer on this thread may leave one wait in the innermost open scope
// (Defer); the wait runs when the scope closes: after Send has returned and outside every lock the
// handler took inside the scope, so the call's callback may run there without breaking
// UpstreamClient's "never inside Send" rule. The transport decides whether waiting is worth it
// (see CurlClientOptions::inline_wait) and bounds the wait; a thread without a scope never waits.
#ifndef GATEWAY_CALL_INLINE_COMPLETION_H_
#define GATEWAY_CALL_INLINE_COMPLETION_H_

#include <cstdint>

namespace pulumi_gateway {

class InlineCompletionScope {
 public:
  // What runs when the scope closes: owner's wait for its transfer `id`.
  using Wait = void (*)(void* owner, uint64_t id);

  InlineCompletionScope();
  // Runs the deferred wait, if any.
  ~InlineCompletionScope();
  InlineCompletionScope(const InlineCompletionScope&) = delete;
  InlineCompletionScope& operator=(const InlineCompletionScope&) = delete;

  // Leaves `wait` in the innermost scope open on this thread; false (and nothing left) when no
  // scope is open or it holds a wait already: the caller then completes the transfer its usual way.
  static bool Defer(Wait wait, void* owner, uint64_t id);

 private:
  InlineCompletionScope* const outer_;
  Wait wait_ = nullptr;
  void* owner_ = nullptr;
  uint64_t id_ = 0;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_CALL_INLINE_COMPLETION_H_
