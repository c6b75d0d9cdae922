// Concurrency statistics of the API requests being served, so tests can assert how many upstream
// requests a client had open at once (e.g. that a gateway's concurrency limit held).
//
// A request is in flight from its arrival (before any injected `latency`) until its response is
// handed to the connection; a `slow` body stays in flight until its last chunk. `requests` counts
// the requests that started since the last Reset().
//
//   RequestStats stats;
//   {
//     RequestStats::Scope scope(stats);      // in flight until End() or the end of the scope
//   }
//   stats.WaitForInFlight(3, absl::Seconds(5));  // waits without sleeping
//   stats.Get().max_in_flight;
#ifndef EMULATOR_REQUEST_STATS_H_
#define EMULATOR_REQUEST_STATS_H_

#include <atomic>
#include <cstdint>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "emulator/model.h"

namespace emulator {

class RequestStats final {
 public:
  struct Counts {
    int64_t in_flight = 0;
    int64_t max_in_flight = 0;  // high-water mark of in_flight since the last Reset()
    int64_t requests = 0;       // requests started since the last Reset()
  };

  // One request in flight, from construction until End() or destruction, whichever is first.
  class Scope final {
   public:
    explicit Scope(RequestStats& stats);
    ~Scope() { End(); }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

    // Idempotent.
    void End();

   private:
    RequestStats& stats_;
    std::atomic<bool> ended_{false};
  };

  Counts Get() const;
  int64_t in_flight() const { return Get().in_flight; }
  int64_t max_in_flight() const { return Get().max_in_flight; }
  int64_t requests() const { return Get().requests; }

  // The high-water mark goes back to the current in-flight count, the request counter to 0.
  void Reset();

  // Waits until at least `n` requests are in flight or `timeout` passes; returns the in-flight
  // count then.
  int64_t WaitForInFlight(int64_t n, absl::Duration timeout) const;

 private:
  void Begin();
  void Finish();

  mutable absl::Mutex mu_;
  Counts counts_ ABSL_GUARDED_BY(mu_);
};

// {"inFlight", "maxInFlight", "requests"}.
Json RequestStatsToJson(const RequestStats::Counts& counts);

}  // namespace emulator

#endif  // EMULATOR_REQUEST_STATS_H_
