// Cancellation of one call across every layer it passes through, without call ids: the owner of
// a call holds a CancellationSource and cancels it; every layer the call passes through registers
// on the source's token what it must undo while the call waits in it (a queued request, a backoff
// timer, a transfer), and drops the registration when the call moves on.
//
//   CancellationSource source;
//   CancelRegistration undo = source.token().OnCancel([timer] { timers.Cancel(timer); });
//   source.Cancel();  // runs the callback above, once
//   undo.Reset();     // after completion: cheap, and the callback will not run any more
//
// Race-free by construction:
// - registering on a token that is already cancelled runs the callback at once, on the
//   registering thread, so a cancel that comes between starting work and registering is never
//   lost;
// - Cancel runs each callback registered before it exactly once, on the cancelling thread, in
//   registration order (one registered while Cancel runs runs at once, on its own thread); a
//   second Cancel does nothing;
// - Reset (or destroying the registration) after the callback ran, or after completion, only
//   removes an entry; while the callback runs on another thread it waits for it to return, so
//   the callback never outlives what it touches. From inside the callback it returns at once.
//
// Because Reset may wait for a running callback, never Reset a registration while holding a lock
// its callback takes. Let the callback capture a weak_ptr to its call's state (holding the
// registration) and take locks only through a strong reference: then the state may even be
// destroyed under such a lock (the callback finds it gone and returns), and the registration can
// simply live as long as the state.
#ifndef GATEWAY_CALL_CANCELLATION_H_
#define GATEWAY_CALL_CANCELLATION_H_

#include <cstdint>
#include <memory>

#include "absl/functional/any_invocable.h"

namespace pulumi_gateway {

namespace cancellation_internal {
struct State;
}  // namespace cancellation_internal

// Unregisters a callback registered with CancellationToken::OnCancel when reset or destroyed.
// Move-only; an empty registration (default, moved-from, or from a token that was already
// cancelled) does nothing.
class CancelRegistration final {
 public:
  CancelRegistration() = default;
  CancelRegistration(CancelRegistration&& other) noexcept;
  CancelRegistration& operator=(CancelRegistration&& other) noexcept;
  CancelRegistration(const CancelRegistration&) = delete;
  CancelRegistration& operator=(const CancelRegistration&) = delete;
  ~CancelRegistration() { Reset(); }

  // After Reset returns the callback is not running (unless on this very thread) and never runs.
  void Reset();

 private:
  friend class CancellationToken;
  CancelRegistration(std::shared_ptr<cancellation_internal::State> state, uint64_t id)
      : state_(std::move(state)), id_(id) {}

  std::shared_ptr<cancellation_internal::State> state_;
  uint64_t id_ = 0;
};

// What a layer sees of a call's cancellation. Copyable and cheap; a default token is never
// cancelled.
class CancellationToken final {
 public:
  using Callback = absl::AnyInvocable<void() &&>;

  CancellationToken() = default;

  bool cancelled() const;

  // Runs `callback` once when the token is cancelled: at once, on this thread, when it already is
  // (the registration returned is then empty). Keep the registration for as long as the callback
  // may run; see the header comment for what callbacks may capture.
  [[nodiscard]] CancelRegistration OnCancel(Callback callback) const;

 private:
  friend class CancellationSource;
  explicit CancellationToken(std::shared_ptr<cancellation_internal::State> state)
      : state_(std::move(state)) {}

  std::shared_ptr<cancellation_internal::State> state_;
};

// The owner's side: cancels every token made from it.
class CancellationSource final {
 public:
  CancellationSource();
  CancellationSource(const CancellationSource&) = delete;
  CancellationSource& operator=(const CancellationSource&) = delete;

  CancellationToken token() const { return CancellationToken(state_); }
  bool cancelled() const;

  // Runs every registered callback on this thread, each once. Idempotent: a second call (or one
  // racing the first) returns at once.
  void Cancel();

 private:
  std::shared_ptr<cancellation_internal::State> state_;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_CALL_CANCELLATION_H_
