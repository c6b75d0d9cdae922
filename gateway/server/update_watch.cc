#include "gateway/server/update_watch.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "gateway/server/list_stream.h"
#include "gateway/status/grpc_status.h"

namespace pulumi_gateway {

using google::protobuf::Message;

UpdateWatch::UpdateWatch(const CallEnvironment& env, const StreamRoute& route, UpdateWatchHub* hub,
                         std::string key, std::unique_ptr<Message> page_request,
                         CallIdentity identity)
    : env_(env),
      route_(route),
      hub_(hub),
      key_(std::move(key)),
      metrics_(env.metrics != nullptr ? env.metrics->Find(route.page_route->method->name())
                                      : nullptr),
      page_request_(std::move(page_request)),
      identity_(std::move(identity)),
      interval_(env.options.watch_poll_interval) {}

void UpdateWatch::Subscribe(WatchReader* reader) {
  bool start = false;
  {
    absl::MutexLock lock(&mu_);
    readers_.insert(reader);
    start = !started_;
    started_ = true;
  }
  if (start) Poll();
  reader->Wake();
}

void UpdateWatch::Unsubscribe(WatchReader* reader) {
  std::optional<uint64_t> timer_id;
  {
    absl::MutexLock lock(&mu_);
    readers_.erase(reader);
    if (!readers_.empty() || stopped_) return;
    stopped_ = true;
    timer_id = timer_id_;
  }
  // No reader left: stop polling.
  hub_->Leave(key_, this);
  if (timer_id.has_value()) env_.timers->Cancel(*timer_id);
  cancel_.Cancel();
}

std::optional<grpc::ByteBuffer> UpdateWatch::Item(size_t index) {
  absl::MutexLock lock(&mu_);
  if (index >= items_.size()) return std::nullopt;
  return items_[index];
}

std::optional<absl::Status> UpdateWatch::Ended() {
  absl::MutexLock lock(&mu_);
  return ended_;
}

void UpdateWatch::Poll() {
  absl::ReleasableMutexLock lock(&mu_);
  timer_id_.reset();
  if (stopped_) return;
  // Each poll gets a fresh timeout; the callers' own deadlines end their streams.
  identity_.deadline = env_.Now() + env_.options.default_timeout;
  absl::StatusOr<HttpRequest> http =
      PrepareUpstreamRequest(env_, *route_.page_route, *page_request_, identity_);
  if (!http.ok()) {
    lock.Release();
    return End(http.status());
  }
  ++polls_;
  auto self = shared_from_this();
  // Under the lock: the callback never runs inside Send (nor inside a Cancel), and a stop from
  // now on reaches the poll through the token.
  env_.upstream->Send(*std::move(http),
                      UpstreamContext(*route_.page_route, identity_, RequestPriority::kInteractive,
                                      cancel_.token()),
                      [self](absl::StatusOr<HttpResponse> r) { self->OnPage(std::move(r)); });
}

void UpdateWatch::OnPage(absl::StatusOr<HttpResponse> result) {
  std::unique_ptr<Message> page(google::protobuf::MessageFactory::generated_factory()
                                    ->GetPrototype(route_.page_route->method->output_type())
                                    ->New());
  absl::Status status;
  {
    absl::MutexLock lock(&mu_);
    if (stopped_) return;
    status = ReadUpstreamResponse(env_, *route_.page_route, result, identity_.request_id,
                                  page.get(), metrics_);
  }
  if (!status.ok()) return End(status);
  const auto* reflection = page->GetReflection();
  const int count = reflection->FieldSize(*page, route_.items);
  const std::string token = reflection->GetString(*page, route_.response_token);
  {
    absl::MutexLock lock(&mu_);
    for (int i = 0; i < count; ++i) {
      items_.push_back(StreamItem(route_, reflection->GetRepeatedMessage(*page, route_.items, i)));
    }
  }
  if (count > 0) Notify();
  // No token: the update finished and every event was returned.
  if (token.empty()) return End(absl::OkStatus());
  absl::MutexLock lock(&mu_);
  if (stopped_) return;
  page_request_->GetReflection()->SetString(page_request_.get(), route_.request_token, token);
  // New items: ask again at once. Nothing new: wait the poll interval, doubling while nothing
  // is new, up to the maximum.
  absl::Duration wait = absl::ZeroDuration();
  if (count > 0) {
    interval_ = env_.options.watch_poll_interval;
  } else {
    wait = interval_;
    interval_ = std::min(interval_ * 2, env_.options.watch_max_interval);
  }
  auto self = shared_from_this();
  timer_id_ = env_.timers->Schedule(env_.Now() + wait, [self] { self->Poll(); });
}

void UpdateWatch::End(absl::Status status) {
  {
    absl::MutexLock lock(&mu_);
    if (ended_.has_value()) return;
    ended_ = std::move(status);
    stopped_ = true;
  }
  hub_->Leave(key_, this);
  Notify();
}

void UpdateWatch::Notify() {
  std::vector<WatchReader*> readers;
  {
    absl::MutexLock lock(&mu_);
    for (WatchReader* reader : readers_) {
      reader->Ref();  // keeps it alive until Wake returns, even if it finishes meanwhile
      readers.push_back(reader);
    }
  }
  for (WatchReader* reader : readers) {
    reader->Wake();
    reader->Unref();
  }
}

std::shared_ptr<UpdateWatch> UpdateWatchHub::Join(
    const std::string& key, const std::function<std::shared_ptr<UpdateWatch>()>& make) {
  absl::MutexLock lock(&mu_);
  auto it = watches_.find(key);
  if (it != watches_.end()) return it->second;
  std::shared_ptr<UpdateWatch> watch = make();
  watches_.emplace(key, watch);
  return watch;
}

void UpdateWatchHub::Leave(const std::string& key, const UpdateWatch* watch) {
  absl::MutexLock lock(&mu_);
  auto it = watches_.find(key);
  if (it != watches_.end() && it->second.get() == watch) watches_.erase(it);
}

int UpdateWatchHub::size() const {
  absl::MutexLock lock(&mu_);
  return static_cast<int>(watches_.size());
}

grpc::ServerWriteReactor<grpc::ByteBuffer>* WatchStream::Start(const CallEnvironment& env,
                                                               UpdateWatchHub* hub,
                                                               grpc::CallbackServerContext* context,
                                                               const grpc::ByteBuffer* request,
                                                               const StreamRoute& route) {
  auto* stream = new WatchStream(env, context, route);
  stream->Run(hub, request);
  return stream;
}

WatchStream::WatchStream(const CallEnvironment& env, grpc::CallbackServerContext* context,
                         const StreamRoute& route)
    : env_(env),
      context_(context),
      route_(route),
      metrics_(RecordCallStart(env, *route.method)),
      start_(env.Now()) {}

void WatchStream::Run(UpdateWatchHub* hub, const grpc::ByteBuffer* request) {
  CallIdentity identity = IdentifyCall(env_, *context_);
  context_->AddInitialMetadata("x-request-id", identity.request_id);
  absl::StatusOr<std::unique_ptr<Message>> parsed =
      ParseRequest(route_.method->input_type(), *request);
  absl::Status problem = parsed.ok() ? Authorize(env_, *context_, &identity) : parsed.status();
  // The access log of this caller: its own request id and tenant, without the token.
  log_identity_.request_id = identity.request_id;
  log_identity_.tenant = identity.tenant;
  std::unique_ptr<Message> page_request;
  std::string key;
  if (problem.ok()) {
    page_request.reset(google::protobuf::MessageFactory::generated_factory()
                           ->GetPrototype(route_.page_route->method->input_type())
                           ->New());
    CopyFieldsByName(**parsed, page_request.get());
    // Validate now (bad path fields, kind) so the caller gets the error, not a shared watch.
    absl::StatusOr<HttpRequest> probe =
        PrepareUpstreamRequest(env_, *route_.page_route, *page_request, identity);
    problem = probe.status();
    // One poll loop per token scope and request (path and query, starting token included).
    if (probe.ok()) key = absl::StrCat(identity.authorization, "\n", probe->path);
  }
  if (!problem.ok()) {
    {
      absl::MutexLock lock(&mu_);
      EndLocked(problem);
    }
    return Unref();
  }
  watch_ = hub->Join(key, [&] {
    return std::make_shared<UpdateWatch>(env_, route_, hub, key, std::move(page_request),
                                         std::move(identity));
  });
  watch_->Subscribe(this);
  Unref();
}

void WatchStream::Wake() {
  absl::MutexLock lock(&mu_);
  if (!writing_ && !finished_) WriteNextLocked();
}

void WatchStream::WriteNextLocked() {
  if (std::optional<grpc::ByteBuffer> item = watch_->Item(next_)) {
    ++next_;
    write_buffer_ = *std::move(item);
    writing_ = true;
    StartWrite(&write_buffer_);
    return;
  }
  if (std::optional<absl::Status> ended = watch_->Ended()) EndLocked(*ended);
}

void WatchStream::OnWriteDone(bool ok) {
  absl::MutexLock lock(&mu_);
  writing_ = false;
  if (!ok) return EndLocked(absl::CancelledError("the caller stopped reading"));
  if (!finished_) WriteNextLocked();
}

void WatchStream::OnCancel() {
  absl::MutexLock lock(&mu_);
  // A pending write completes with ok=false and ends the stream there.
  if (!writing_) EndLocked(absl::CancelledError("call cancelled"));
}

void WatchStream::EndLocked(const absl::Status& status) {
  if (finished_) return;
  finished_ = true;
  RecordCallEnd(env_, *route_.method, metrics_, log_identity_, start_, status,
                [&](nlohmann::json& fields) { fields["items"] = next_; });
  Finish(ToGrpcStatus(status));
}

void WatchStream::OnDone() {
  if (watch_ != nullptr) watch_->Unsubscribe(this);
  Unref();
}

void WatchStream::Unref() {
  if (refs_.fetch_sub(1) == 1) delete this;
}

}  // namespace pulumi_gateway
