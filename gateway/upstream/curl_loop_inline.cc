// Completing a transfer on the thread that started it (see CurlClientOptions::inline_wait and
// gateway/call/inline_completion.h). A quiet loop lets the calling thread wait for the answer on
// the connection's socket itself, taken out of the loop's epoll set meanwhile, so the answer is
// read, converted and replied to where its bytes arrive: one thread wake-up per call, as a plain
// HTTP client has, instead of the loop's wake-up plus the hand-off back to the server's threads.
// When answers come back within microseconds, the thread first checks the socket in a short busy
// loop (CurlClientOptions::inline_spin): an answer caught there costs no sleep and no wake-up.
#include <poll.h>
#include <sys/epoll.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <utility>

#include "absl/cleanup/cleanup.h"
#include "absl/container/inlined_vector.h"
#include "gateway/call/inline_completion.h"
#include "gateway/upstream/curl_loop.h"
#include "gateway/upstream/curl_loop_transfer.h"

namespace pulumi_gateway {
namespace {

// At most one thread of the process waits inline at a time: the server's other threads keep
// taking calls, and a burst never parks several of them.
std::atomic<bool> inline_waiter{false};

// Waits up to `left` for `ready.fd` to turn readable: first checking it in a busy loop for up to
// `spin` (a steady clock, whatever clock the loop was given), then asleep. ppoll's result;
// `*spun` tells whether the busy loop saw it.
int WaitReadable(pollfd& ready, absl::Duration left, absl::Duration spin, bool* spun) {
  using SteadyClock = std::chrono::steady_clock;
  const timespec no_wait = {0, 0};
  const auto spin_until = SteadyClock::now() + absl::ToChronoNanoseconds(std::min(spin, left));
  int got = 0;
  while (spin > absl::ZeroDuration() && (got = ppoll(&ready, 1, &no_wait, nullptr)) == 0 &&
         SteadyClock::now() < spin_until) {
  }
  *spun = got > 0;
  if (got != 0) return got;
  const timespec timeout = absl::ToTimespec(left);
  return ppoll(&ready, 1, &timeout, nullptr);
}

}  // namespace

bool CurlLoop::DeferToCaller(uint64_t id) {
  if (options_.inline_wait <= absl::ZeroDuration()) return false;
  // Only this transfer in flight here, and answers lately quicker than the wait.
  if (in_flight() != 1 || RecentAnswerTime() >= options_.inline_wait) return false;
  if (inline_waiter.exchange(true, std::memory_order_acquire)) return false;
  if (InlineCompletionScope::Defer(&CurlLoop::CompleteInline, this, id)) return true;
  inline_waiter.store(false, std::memory_order_release);
  return false;
}

void CurlLoop::CompleteInline(void* loop, uint64_t id) {
  absl::Cleanup release = [] { inline_waiter.store(false, std::memory_order_release); };
  static_cast<CurlLoop*>(loop)->WaitInline(id);
}

void CurlLoop::WaitInline(uint64_t id) {
  absl::InlinedVector<Answer, 1> answers;
  {
    absl::MutexLock drive(&loop_mu_);
    const absl::Time until = clock_.Now() + options_.inline_wait;
    const bool was_active = active_.contains(id);
    // Busy-polling pays only when the answer is likely to come within it.
    const absl::Duration spin =
        RecentAnswerTime() < 2 * options_.inline_spin ? options_.inline_spin : absl::ZeroDuration();
    bool spun = false;
    CollectFinished();
    for (;;) {
      auto it = active_.find(id);
      if (it == active_.end() || !finished_.empty()) break;
      const Transfer& transfer = *it->second;
      // The connection the request went out on (known from the pre-request check): waited on
      // only while curl just reads it, the request sent whole.
      auto connection = sockets_.find(transfer.socket);
      if (connection == sockets_.end() || connection->second.wanted != EPOLLIN) break;
      const int fd = connection->first;
      const absl::Duration left = std::min(until, transfer.context.deadline) - clock_.Now();
      if (left <= absl::ZeroDuration()) break;
      // Out of the loop's set while this thread waits on it, so the answer wakes one thread.
      Unregister(fd, connection->second);
      loop_mu_.Unlock();
      pollfd ready = {fd, POLLIN, 0};
      const int got = WaitReadable(ready, left, spin, &spun);
      loop_mu_.Lock();
      // Meanwhile the loop may have ended the transfer (a cancel) and closed the socket.
      if (got > 0 && sockets_.contains(fd)) {
        SocketAction(fd, CURL_CSELECT_IN | (ready.revents & POLLERR ? CURL_CSELECT_ERR : 0));
        CollectFinished();
      }
      // Back in the loop's set for whatever curl waits for on it now (when curl changed that
      // meanwhile, it was put back already).
      if (auto socket = sockets_.find(fd); socket != sockets_.end() && socket->second.wanted != 0) {
        Register(fd, socket->second);
      }
      if (got <= 0) break;
    }
    CompleteFinished();
    ApplyProtocol();
    if (was_active && !active_.contains(id)) {
      inline_completions_.fetch_add(1);
      if (spun) inline_spin_hits_.fetch_add(1);
    }
    answers.reserve(answers_.size());
    for (Answer& answer : answers_) answers.push_back(std::move(answer));
    answers_.clear();
    // Curl's timers when due before the loop's epoll_wait returns.
    if (!finished_.empty() || timer_deadline_ < loop_wakes_at_) WakeLoop();
  }
  for (Answer& answer : answers) std::move(answer.done)(std::move(answer.result));
}

}  // namespace pulumi_gateway
