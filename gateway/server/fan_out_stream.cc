#include "gateway/server/fan_out_stream.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gateway/status/grpc_status.h"
#include "gateway/status/macros.h"

namespace pulumi_gateway {
namespace {

grpc::ByteBuffer Serialize(const google::protobuf::Message& message) {
  std::string bytes;
  message.SerializeToString(&bytes);
  grpc::Slice slice(std::move(bytes));
  return grpc::ByteBuffer(&slice, 1);
}

}  // namespace

absl::StatusOr<int> EffectiveParallelism(int requested, int gateway_bound) {
  if (requested < 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "max_parallelism must not be negative (0 means the gateway's bound, ", gateway_bound, ")"));
  }
  return requested == 0 ? gateway_bound : std::min(requested, gateway_bound);
}

FanOutStream::FanOutStream(const CallEnvironment& env, grpc::CallbackServerContext* context,
                           const google::protobuf::MethodDescriptor& method)
    : env_(env),
      context_(context),
      method_(method),
      metrics_(RecordCallStart(env, method)),
      start_(env.Now()) {
  identity_ = IdentifyCall(env_, *context_);
  identity_.attempts = attempts_;
  has_deadline_ = context_->deadline() != std::chrono::system_clock::time_point::max();
  context_->AddInitialMetadata("x-request-id", identity_.request_id);
}

absl::Status FanOutStream::AuthorizeCall() { return Authorize(env_, *context_, &identity_); }

absl::StatusOr<FanOutStream::Job> FanOutStream::PrepareJob(const Route& route,
                                                           const google::protobuf::Message& request,
                                                           int64_t tag) {
  ASSIGN_OR_RETURN(HttpRequest http, PrepareUpstreamRequest(env_, route, request, identity_));
  return Job{std::move(http), &route, tag};
}

RouteMetrics* FanOutStream::RouteMetricsOf(const Route& route) const {
  return env_.metrics == nullptr ? nullptr : env_.metrics->Find(route.method->name());
}

void FanOutStream::Begin(const absl::Status& setup) {
  if (setup.ok()) {
    Pump();
  } else {
    {
      absl::MutexLock lock(&mu_);
      finished_ = true;
    }
    RecordCallEnd(env_, method_, metrics_, identity_, start_, setup, [](nlohmann::json& fields) {
      fields = {{"items", 0}, {"item_errors", 0}, {"upstream_requests", 0}};
    });
    Finish(ToGrpcStatus(setup));
  }
  Unref();
}

void FanOutStream::Emit(const google::protobuf::Message& message, bool item_error) {
  grpc::ByteBuffer bytes = Serialize(message);
  absl::MutexLock lock(&mu_);
  if (cancelled_ || write_failed_) return;
  ready_.emplace_back(std::move(bytes), item_error);
}

void FanOutStream::EmitLocked(const google::protobuf::Message& message, bool item_error) {
  if (cancelled_ || write_failed_) return;
  ready_.emplace_back(Serialize(message), item_error);
}

void FanOutStream::SetEndStatusLocked(const absl::Status& status) {
  if (end_status_.ok()) end_status_ = status;
}

void FanOutStream::Pump() {
  std::vector<Job> to_send;
  bool write = false;
  bool finish = false;
  absl::Status final_status;
  nlohmann::json fields;
  {
    absl::MutexLock lock(&mu_);
    if (finished_) return;
    const bool stopped = cancelled_ || write_failed_;
    if (stopped) ready_.clear();
    // Backpressure: no new request while `parallelism_` messages already wait for the caller.
    while (!stopped && in_flight_ < parallelism_ &&
           static_cast<int>(ready_.size()) < parallelism_) {
      std::optional<Job> job = NextJob();
      if (!job.has_value()) break;
      ++in_flight_;
      ++upstream_requests_;
      to_send.push_back(*std::move(job));
    }
    if (!writing_ && !ready_.empty()) {
      write_buffer_ = std::move(ready_.front().first);
      writing_item_error_ = ready_.front().second;
      ready_.pop_front();
      writing_ = true;
      write = true;
    } else if (!writing_ && in_flight_ == 0 && (stopped || Exhausted())) {
      finished_ = true;
      finish = true;
      final_status = FinalStatus();
      fields = {{"items", items_},
                {"item_errors", item_errors_},
                {"upstream_requests", upstream_requests_},
                {"attempts", attempts_->load()},
                {"parallelism", parallelism_}};
    }
  }
  for (Job& job : to_send) {
    refs_.fetch_add(1);
    CallIdentity identity = identity_;
    // Without a call deadline each request gets the default timeout: a large batch may take
    // longer than one timeout in all.
    if (!has_deadline_) identity.deadline = env_.Now() + env_.options.default_timeout;
    // A cancel that came meanwhile reaches the request through the token.
    env_.upstream->Send(
        std::move(job.request),
        UpstreamContext(*job.route, identity, RequestPriority::kBulk, cancel_.token()),
        [this, tag = job.tag](absl::StatusOr<HttpResponse> result) {
          OnUpstream(tag, std::move(result));
        });
  }
  if (write) StartWrite(&write_buffer_);
  if (finish) {
    RecordCallEnd(env_, method_, metrics_, identity_, start_, final_status,
                  [&](nlohmann::json& logged) { logged = std::move(fields); });
    Finish(ToGrpcStatus(final_status));
  }
}

void FanOutStream::OnUpstream(int64_t tag, absl::StatusOr<HttpResponse> result) {
  OnAnswer(tag, std::move(result));
  {
    absl::MutexLock lock(&mu_);
    --in_flight_;
  }
  Pump();
  Unref();
}

void FanOutStream::OnWriteDone(bool ok) {
  {
    absl::MutexLock lock(&mu_);
    writing_ = false;
    if (ok) {
      ++items_;
      if (writing_item_error_) ++item_errors_;
    } else {
      write_failed_ = true;
    }
  }
  if (!ok) cancel_.Cancel();
  Pump();
}

void FanOutStream::OnCancel() {
  {
    absl::MutexLock lock(&mu_);
    cancelled_ = true;
  }
  cancel_.Cancel();
  Pump();
}

absl::Status FanOutStream::FinalStatus() {
  if (cancelled_) {
    if (has_deadline_ && env_.Now() >= identity_.deadline) {
      return absl::DeadlineExceededError("the call's deadline passed");
    }
    return absl::CancelledError("call cancelled");
  }
  if (write_failed_) return absl::CancelledError("the caller stopped reading");
  return end_status_;
}

void FanOutStream::OnDone() {
  cancel_.Cancel();
  Unref();
}

void FanOutStream::Unref() {
  if (refs_.fetch_sub(1) == 1) delete this;
}

}  // namespace pulumi_gateway
