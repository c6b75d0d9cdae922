#include "gateway/upstream/coalescing_upstream.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace pulumi_gateway {
namespace {

// A shared request failing with DEADLINE_EXCEEDED this close to its deadline ran out of the first
// caller's time (libcurl's timeout is whole milliseconds, and may fire a little early); earlier,
// the failure is the upstream's and every caller gets it.
constexpr absl::Duration kDeadlineSlack = absl::Milliseconds(50);

absl::Status OwnDeadlinePassed() {
  return absl::DeadlineExceededError(
      "upstream did not answer in time: the call's deadline passed while it waited for a shared "
      "read");
}

}  // namespace

// One shared upstream request and the readers waiting on it. Guarded by the decorator's mu_.
struct CoalescingUpstream::Flight {
  std::string key;
  OrgScope scope;
  absl::Time deadline;
  // Waiting readers, in the order they came.
  std::vector<std::shared_ptr<Reader>> readers;
  // Attempts of the shared request; added to each reader's own counter when it leaves.
  std::shared_ptr<std::atomic<int>> attempts = std::make_shared<std::atomic<int>>(0);
  // The shared request's own cancellation: no reader left.
  CancellationSource cancel;
  bool open = false;      // in open_: takes joiners
  bool finished = false;  // the inner callback ran
};

// One caller reading through a flight. Guarded by the decorator's mu_.
struct CoalescingUpstream::Reader {
  Callback done;
  // The caller's own request and context (kept for a re-issue, its deadline and attempts).
  HttpRequest request;
  CallContext context;
  // The flight waited on; null once the reader has its answer.
  std::shared_ptr<Flight> flight;
  // Readers whose deadline comes before their flight's: the timer that ends their wait.
  std::optional<uint64_t> deadline_timer;
  CancelRegistration on_cancel;
};

CoalescingUpstream::CoalescingUpstream(UpstreamClient* inner, TimerQueue* timers)
    : inner_(inner), timers_(timers) {}

CoalescingUpstream::~CoalescingUpstream() = default;

void CoalescingUpstream::ExportMetrics(MetricSink& sink) const {
  sink.AddCounter("pulumi_gateway_coalesced_requests_total",
                  "Reads that joined an identical read in flight instead of sending their own.",
                  [this] { return static_cast<double>(coalesced()); });
}

void CoalescingUpstream::Send(HttpRequest request, CallContext context, Callback done) {
  if (request.method != "GET") {
    return SendWrite(std::move(request), std::move(context), std::move(done));
  }
  std::string key = absl::StrCat(FindHeader(request.headers, "Authorization"), "\n", request.path);
  const CancellationToken token = context.cancellation;
  auto reader = std::make_shared<Reader>();
  std::shared_ptr<Flight> launch;
  HttpRequest shared;
  {
    absl::MutexLock lock(&mu_);
    reader->done = std::move(done);
    reader->request = std::move(request);
    reader->context = std::move(context);
    auto open = open_.find(key);
    if (open != open_.end()) {
      reader->flight = open->second;
      reader->flight->readers.push_back(reader);
      WatchDeadlineLocked(reader, *reader->flight);
      coalesced_.fetch_add(1, std::memory_order_relaxed);
    } else {
      launch = std::make_shared<Flight>();
      launch->key = key;
      launch->scope = ReadScope(reader->request.path);
      launch->deadline = reader->context.deadline;
      launch->readers.push_back(reader);
      launch->open = true;
      open_.emplace(std::move(key), launch);
      reader->flight = launch;
      shared = reader->request;
    }
  }
  if (launch != nullptr) Launch(launch, std::move(shared), reader->context);
  // Registered once the reader waits: a cancel that came before runs Leave at once.
  CancelRegistration on_cancel = token.OnCancel([this, weak = std::weak_ptr<Reader>(reader)] {
    if (std::shared_ptr<Reader> alive = weak.lock()) {
      Leave(alive, absl::CancelledError("call cancelled"));
    }
  });
  absl::MutexLock lock(&mu_);
  if (reader->flight != nullptr) reader->on_cancel = std::move(on_cancel);
}

void CoalescingUpstream::Launch(const std::shared_ptr<Flight>& flight, HttpRequest request,
                                const CallContext& like) {
  CallContext context;
  context.deadline = flight->deadline;
  context.route = like.route;
  context.priority = like.priority;
  context.idempotent = like.idempotent;
  context.attempts = flight->attempts;
  context.cancellation = flight->cancel.token();
  inner_->Send(std::move(request), std::move(context),
               [this, flight](absl::StatusOr<HttpResponse> result) {
                 OnFlightDone(flight, std::move(result));
               });
}

void CoalescingUpstream::WatchDeadlineLocked(const std::shared_ptr<Reader>& reader,
                                             const Flight& flight) {
  if (reader->deadline_timer.has_value() || reader->context.deadline >= flight.deadline) return;
  reader->deadline_timer =
      timers_->Schedule(reader->context.deadline, [this, weak = std::weak_ptr<Reader>(reader)] {
        if (std::shared_ptr<Reader> alive = weak.lock()) Leave(alive, OwnDeadlinePassed());
      });
}

void CoalescingUpstream::OnFlightDone(const std::shared_ptr<Flight>& flight,
                                      absl::StatusOr<HttpResponse> result) {
  std::vector<Callback> finished;
  std::shared_ptr<Flight> again;
  HttpRequest again_request;
  CallContext again_like;
  {
    absl::MutexLock lock(&mu_);
    flight->finished = true;
    if (flight->open) {
      open_.erase(flight->key);
      flight->open = false;
    }
    const absl::Time now = timers_->Now();
    const bool out_of_time = !result.ok() &&
                             result.status().code() == absl::StatusCode::kDeadlineExceeded &&
                             now + kDeadlineSlack >= flight->deadline;
    std::vector<std::shared_ptr<Reader>> remaining;
    for (const std::shared_ptr<Reader>& reader : flight->readers) {
      if (reader->context.attempts != nullptr)
        *reader->context.attempts += flight->attempts->load();
      if (out_of_time && reader->context.deadline > now) {
        remaining.push_back(reader);
        continue;
      }
      if (reader->deadline_timer.has_value()) timers_->Cancel(*reader->deadline_timer);
      finished.push_back(std::move(reader->done));
      reader->flight = nullptr;
    }
    flight->readers.clear();
    if (!remaining.empty()) {
      // The first caller's time ran out, not the others': one new shared request for them, with
      // the latest of their deadlines (the earlier ones end on their own timers).
      again = std::make_shared<Flight>();
      again->key = flight->key;
      again->scope = flight->scope;
      again->deadline = absl::InfinitePast();
      for (const std::shared_ptr<Reader>& reader : remaining) {
        again->deadline = std::max(again->deadline, reader->context.deadline);
      }
      for (const std::shared_ptr<Reader>& reader : remaining) {
        reader->flight = again;
        WatchDeadlineLocked(reader, *again);
      }
      again->readers = std::move(remaining);
      if (open_.emplace(again->key, again).second) again->open = true;
      again_request = again->readers.front()->request;
      again_like = again->readers.front()->context;
    }
  }
  if (again != nullptr) Launch(again, std::move(again_request), again_like);
  for (size_t i = 0; i < finished.size(); ++i) {
    if (i + 1 == finished.size()) {
      std::move(finished[i])(std::move(result));
    } else {
      std::move(finished[i])(result);
    }
  }
}

void CoalescingUpstream::Leave(const std::shared_ptr<Reader>& reader, absl::Status status) {
  Callback done;
  std::shared_ptr<Flight> abandoned;
  {
    absl::MutexLock lock(&mu_);
    if (reader->flight == nullptr) return;  // it has its answer already
    Flight& flight = *reader->flight;
    flight.readers.erase(std::find(flight.readers.begin(), flight.readers.end(), reader));
    if (reader->context.attempts != nullptr) *reader->context.attempts += flight.attempts->load();
    if (reader->deadline_timer.has_value()) timers_->Cancel(*reader->deadline_timer);
    if (flight.readers.empty() && !flight.finished) {
      // Nobody is left to read the answer.
      if (flight.open) {
        open_.erase(flight.key);
        flight.open = false;
      }
      abandoned = reader->flight;
    }
    reader->flight = nullptr;
    done = std::move(reader->done);
  }
  if (abandoned != nullptr) abandoned->cancel.Cancel();
  // Never inside Send or the Cancel that got us here.
  timers_->Schedule(timers_->Now(), [done = std::move(done), status = std::move(status)]() mutable {
    std::move(done)(std::move(status));
  });
}

void CoalescingUpstream::SendWrite(HttpRequest request, CallContext context, Callback done) {
  const OrgScope scope = WriteScope(request.path);
  {
    absl::MutexLock lock(&mu_);
    CloseFlightsLocked(scope);
  }
  // A write keeps nothing here: a cancel is the inner client's to apply.
  inner_->Send(std::move(request), std::move(context),
               [this, scope, done = std::move(done)](absl::StatusOr<HttpResponse> result) mutable {
                 {
                   absl::MutexLock lock(&mu_);
                   CloseFlightsLocked(scope);
                 }
                 std::move(done)(std::move(result));
               });
}

void CoalescingUpstream::CloseFlightsLocked(const OrgScope& write) {
  for (auto it = open_.begin(); it != open_.end();) {
    if (Affects(write, it->second->scope)) {
      it->second->open = false;
      open_.erase(it++);
    } else {
      ++it;
    }
  }
}

}  // namespace pulumi_gateway
