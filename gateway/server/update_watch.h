// Following a live resource (WatchUpdateEvents): one upstream poll loop per watched update and
// token scope, fanned out to every caller watching it.
//
// An UpdateWatch polls the page route with the continuation token the upstream hands back,
// waiting between polls that bring nothing new (backoff up to watch_max_interval), keeps every
// item it has seen, and ends when the upstream returns no token (the update finished). Each
// WatchStream reads that history at its own pace: a late caller gets the items so far, then the
// live ones. When the last caller leaves, the poll loop stops.
//
//   UpdateWatchHub hub;
//   grpc::ServerWriteReactor<grpc::ByteBuffer>* r =
//       WatchStream::Start(env, &hub, context, request, route);
#ifndef GATEWAY_SERVER_UPDATE_WATCH_H_
#define GATEWAY_SERVER_UPDATE_WATCH_H_

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/synchronization/mutex.h"
#include "gateway/call/cancellation.h"
#include "gateway/route/route_table.h"
#include "gateway/server/call_environment.h"
#include "gateway/server/exchange.h"
#include "grpcpp/grpcpp.h"

namespace pulumi_gateway {

class UpdateWatchHub;

// What a watch tells the callers reading it (WatchStream; a test's reader).
class WatchReader {
 public:
  virtual ~WatchReader() = default;
  // Items arrived or the watch ended: read them with UpdateWatch::Item and Ended.
  virtual void Wake() = 0;
  // Keep the reader alive across a Wake, even if it finishes meanwhile.
  virtual void Ref() = 0;
  virtual void Unref() = 0;
};

class UpdateWatch final : public std::enable_shared_from_this<UpdateWatch> {
 public:
  UpdateWatch(const CallEnvironment& env, const StreamRoute& route, UpdateWatchHub* hub,
              std::string key, std::unique_ptr<google::protobuf::Message> page_request,
              CallIdentity identity);

  // Adds a reader; starts polling with the first one.
  void Subscribe(WatchReader* reader);
  // Removes a reader; the last one stops the poll loop.
  void Unsubscribe(WatchReader* reader);

  // The item at `index`, if it has arrived.
  std::optional<grpc::ByteBuffer> Item(size_t index);
  // The final status once the watch ended (every item is then in the history).
  std::optional<absl::Status> Ended();

  // Upstream polls made so far.
  int polls() const { return polls_.load(); }

 private:
  void Poll();
  void OnPage(absl::StatusOr<HttpResponse> result);
  void End(absl::Status status);
  void Notify();

  const CallEnvironment& env_;
  const StreamRoute& route_;
  UpdateWatchHub* const hub_;
  const std::string key_;
  RouteMetrics* const metrics_;
  std::atomic<int> polls_{0};

  absl::Mutex mu_;
  std::unique_ptr<google::protobuf::Message> page_request_ ABSL_GUARDED_BY(mu_);
  CallIdentity identity_ ABSL_GUARDED_BY(mu_);
  std::vector<grpc::ByteBuffer> items_ ABSL_GUARDED_BY(mu_);
  std::optional<absl::Status> ended_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_set<WatchReader*> readers_ ABSL_GUARDED_BY(mu_);
  bool started_ ABSL_GUARDED_BY(mu_) = false;
  bool stopped_ ABSL_GUARDED_BY(mu_) = false;
  absl::Duration interval_ ABSL_GUARDED_BY(mu_);
  std::optional<uint64_t> timer_id_ ABSL_GUARDED_BY(mu_);
  // The poll loop's own cancellation (it serves many callers): cancelled when the last reader
  // leaves, taking the poll in flight with it.
  CancellationSource cancel_;
};

// The watches in progress, by token scope and request.
class UpdateWatchHub final {
 public:
  // The running watch for `key`, or a new one made by `make`.
  std::shared_ptr<UpdateWatch> Join(const std::string& key,
                                    const std::function<std::shared_ptr<UpdateWatch>()>& make);
  // Forgets `watch` (it ended or lost its readers); a later Join starts afresh.
  void Leave(const std::string& key, const UpdateWatch* watch);
  // Watches in progress.
  int size() const;

 private:
  mutable absl::Mutex mu_;
  absl::flat_hash_map<std::string, std::shared_ptr<UpdateWatch>> watches_ ABSL_GUARDED_BY(mu_);
};

class WatchStream final : public grpc::ServerWriteReactor<grpc::ByteBuffer>, public WatchReader {
 public:
  static grpc::ServerWriteReactor<grpc::ByteBuffer>* Start(const CallEnvironment& env,
                                                           UpdateWatchHub* hub,
                                                           grpc::CallbackServerContext* context,
                                                           const grpc::ByteBuffer* request,
                                                           const StreamRoute& route);

  // WatchReader: called by the watch when items arrived or it ended.
  void Wake() override;
  void Ref() override { refs_.fetch_add(1); }
  void Unref() override;

  void OnWriteDone(bool ok) override;
  void OnCancel() override;
  void OnDone() override;

 private:
  WatchStream(const CallEnvironment& env, grpc::CallbackServerContext* context,
              const StreamRoute& route);
  void Run(UpdateWatchHub* hub, const grpc::ByteBuffer* request);
  void WriteNextLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void EndLocked(const absl::Status& status) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const CallEnvironment& env_;
  grpc::CallbackServerContext* const context_;
  const StreamRoute& route_;
  RouteMetrics* const metrics_;
  const absl::Time start_;
  // Request id and tenant of this caller (for its access log line); no token.
  CallIdentity log_identity_;
  std::shared_ptr<UpdateWatch> watch_;
  std::atomic<int> refs_{2};

  absl::Mutex mu_;
  size_t next_ ABSL_GUARDED_BY(mu_) = 0;
  bool writing_ ABSL_GUARDED_BY(mu_) = false;
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
  grpc::ByteBuffer write_buffer_ ABSL_GUARDED_BY(mu_);
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_SERVER_UPDATE_WATCH_H_
