#include "emulator/server.h"

#include <httplib.h>

#include <algorithm>
#include <exception>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "emulator/admin.h"
#include "emulator/conformance.h"
#include "emulator/connection_abort.h"
#include "emulator/request_validator.h"
#include "emulator/routes.h"

namespace emulator {
namespace {

// Matches every decoded path (including ones with newlines); routing happens in Router.
constexpr char kAnyPath[] = R"([\s\S]*)";

bool IsAdminPath(absl::string_view path) {
  return path == kAdminPrefix || absl::StartsWith(path, absl::StrCat(kAdminPrefix, "/"));
}

bool HasHeader(const Reply& reply, absl::string_view name) {
  return std::any_of(reply.headers.begin(), reply.headers.end(),
                     [&](const auto& h) { return absl::EqualsIgnoreCase(h.first, name); });
}

}  // namespace

std::multimap<std::string, std::string> ParseQuery(absl::string_view query) {
  std::multimap<std::string, std::string> out;
  auto decode = [](absl::string_view s) {
    std::string plus_as_space(s);
    std::replace(plus_as_space.begin(), plus_as_space.end(), '+', ' ');
    return PercentDecode(plus_as_space);
  };
  for (absl::string_view pair : absl::StrSplit(query, '&', absl::SkipEmpty())) {
    std::pair<absl::string_view, absl::string_view> kv =
        absl::StrSplit(pair, absl::MaxSplits('=', 1));
    out.emplace(decode(kv.first), decode(kv.second));
  }
  return out;
}

std::string TokenFromAuthorization(absl::string_view header) {
  header = absl::StripAsciiWhitespace(header);
  constexpr absl::string_view kScheme = "token ";
  if (header.size() <= kScheme.size() ||
      !absl::EqualsIgnoreCase(header.substr(0, kScheme.size()), kScheme)) {
    return "";
  }
  return std::string(absl::StripAsciiWhitespace(header.substr(kScheme.size())));
}

absl::StatusOr<std::unique_ptr<Server>> Server::Create(Json seed, ServerOptions options) {
  absl::StatusOr<std::unique_ptr<Store>> store = Store::Create(std::move(seed), options.store);
  if (!store.ok()) return store.status();
  return std::unique_ptr<Server>(new Server(*std::move(store), std::move(options)));
}

Server::Server(std::unique_ptr<Store> store, ServerOptions options)
    : options_(std::move(options)),
      store_(std::move(store)),
      limiter_(options_.rate_limit_rps),
      api_(options_.api_description != nullptr ? options_.api_description
                                               : ApiDescription::Embedded()) {
  AddApiRoutes(routes_, *store_);
  // Always added, so a path's owner is decided the same way with conformance answers off (they
  // are then refused in ServeApi).
  AddConformanceRoutes(routes_, api_);
  stateful_ = StatefulOperations(routes_, *api_);
  AdminTargets admin;
  admin.store = store_.get();
  admin.faults = &faults_;
  admin.requests = &requests_;
  admin.stats = &stats_;
  admin.limiter = &limiter_;
  admin.operations = &operations_;
  admin.api = api_.get();
  admin.stateful = &stateful_;
  AddAdminRoutes(admin_, admin);
}

Server::~Server() { Stop(); }

absl::Status Server::Start() {
  if (http_ != nullptr) return absl::FailedPreconditionError("server already started");
  http_ = std::make_unique<httplib::Server>();
  // Small responses must not wait for delayed ACKs (~40 ms per reused connection otherwise).
  http_->set_tcp_nodelay(true);
  int threads = std::max(1, options_.threads);
  http_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  auto handler = [this](const httplib::Request& req, httplib::Response& res) { Handle(req, res); };
  http_->Get(kAnyPath, handler)
      .Post(kAnyPath, handler)
      .Put(kAnyPath, handler)
      .Patch(kAnyPath, handler)
      .Delete(kAnyPath, handler)
      .Options(kAnyPath, handler);
  // httplib's own errors (bad request line, payload too large) get the JSON error body too.
  httplib::Server::HandlerWithResponse on_error = [](const httplib::Request& req,
                                                     httplib::Response& res) {
    if (!res.body.empty() || res.content_length_ > 0) {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    std::string message = ReasonPhrase(res.status);
    // httplib caps form-encoded bodies at 8 KiB, which `curl -d @seed.json` runs into.
    if (res.status == 413 && absl::StartsWithIgnoreCase(req.get_header_value("Content-Type"),
                                                        "application/x-www-form-urlencoded")) {
      absl::StrAppend(&message,
                      ": form-encoded bodies are limited to 8 KiB; send JSON with "
                      "Content-Type: application/json");
    }
    Reply r = ErrorReply(res.status, message);
    res.set_content(r.body, r.content_type);
    return httplib::Server::HandlerResponse::Handled;
  };
  http_->set_error_handler(std::move(on_error));
  port_ = options_.port;
  if (port_ == 0) {
    port_ = http_->bind_to_any_port(options_.host);
  } else if (!http_->bind_to_port(options_.host, port_)) {
    port_ = -1;
  }
  if (port_ <= 0) {
    http_.reset();
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", options_.host, ":", options_.port));
  }
  thread_ = std::thread([this] { http_->listen_after_bind(); });
  absl::Time deadline = absl::Now() + absl::Seconds(10);
  while (!http_->is_running()) {  // httplib 0.11 has no wait_until_ready
    if (absl::Now() > deadline) {
      Stop();
      return absl::DeadlineExceededError("server did not start within 10s");
    }
    absl::SleepFor(absl::Milliseconds(1));
  }
  return absl::OkStatus();
}

void Server::Stop() {
  if (http_ == nullptr) return;
  if (!stopping_.HasBeenNotified()) stopping_.Notify();
  http_->stop();
  if (thread_.joinable()) thread_.join();
}

void Server::Handle(const httplib::Request& req, httplib::Response& res) {
  size_t q = req.target.find('?');
  RouteRequest request;
  request.method = req.method;
  request.path = req.target.substr(0, q);
  // From the target only: httplib also files form-encoded body fields under params.
  if (q != std::string::npos)
    request.query = ParseQuery(absl::string_view(req.target).substr(q + 1));
  request.body = req.body;
  request.caller.source_ip = req.remote_addr;

  if (options_.enable_admin && IsAdminPath(request.path)) {
    std::optional<Router::Match> m = admin_.Find(request.method, request.path);
    if (!m.has_value()) {
      return Write(ErrorReply(404, absl::StrCat("Not Found: no admin route for ", request.method,
                                                " ", request.path)),
                   nullptr, nullptr, res);
    }
    request.params = m->params;
    return Write((*m->handler)(request), nullptr, nullptr, res);
  }

  auto in_flight = std::make_shared<RequestStats::Scope>(stats_);
  std::string token = TokenFromAuthorization(req.get_header_value("Authorization"));
  RequestRecord record;
  record.method = request.method;
  record.path = request.path;
  record.query = q == std::string::npos ? "" : req.target.substr(q + 1);
  record.token_hash = TokenFingerprint(token);
  record.time_ms = absl::ToUnixMillis(absl::Now());

  FaultInjector::Decision decision = faults_.Match(request.method, request.path);
  if (decision.delay > absl::ZeroDuration()) {
    stopping_.WaitForNotificationWithTimeout(decision.delay);
  }
  const FaultSpec* fault = decision.fault ? &*decision.fault : nullptr;
  if (fault != nullptr) record.fault = FaultKindName(fault->kind);
  if (fault != nullptr && fault->kind == FaultKind::kReset) {
    requests_.Record(record);  // status 0: no response
    AbortConnection(req.local_port, req.remote_port).IgnoreError();
    return;
  }
  Reply reply;
  if (fault != nullptr &&
      (fault->kind == FaultKind::kStatus || fault->kind == FaultKind::kRetryAfter)) {
    reply = FaultReply(*fault);
  } else {
    try {
      reply = ServeApi(request, token, record);
    } catch (const std::exception& e) {  // a defect; keep serving
      reply = ErrorReply(500, absl::StrCat("Internal Server Error: ", e.what()));
    }
    if (fault != nullptr && fault->kind != FaultKind::kSlow) ApplyBodyFault(*fault, reply);
  }
  record.status = reply.status;
  requests_.Record(record);
  Write(reply, fault != nullptr && fault->kind == FaultKind::kSlow ? fault : nullptr,
        std::move(in_flight), res);
}

Reply Server::ServeApi(RouteRequest& request, const std::string& token, RequestRecord& record) {
  if (std::optional<int> retry = limiter_.Acquire(record.token_hash)) {
    Reply r = ErrorReply(429, "Too Many Requests: rate limit exceeded");
    r.headers.emplace_back("Retry-After", std::to_string(*retry));
    return r;
  }
  absl::StatusOr<Caller> caller = store_->Authenticate(token);
  if (!caller.ok()) return StatusReply(caller.status());
  caller->source_ip = std::move(request.caller.source_ip);
  request.caller = *std::move(caller);
  std::optional<Router::Match> m = routes_.Find(request.method, request.path);
  if (m.has_value() && m->options.conformance && !options_.conformance) m.reset();
  std::optional<ApiDescription::Match> op = api_->Find(request.method, request.path);
  if (!m.has_value() && options_.conformance) {
    // A template that fits but for an empty parameter segment: name it rather than 404.
    op = api_->Find(request.method, request.path, /*allow_empty_params=*/true);
    if (op.has_value()) {
      absl::Status invalid =
          ValidateRequest(*api_, *op->operation, op->params, request.query, request.body);
      record.operation_id = op->operation->operation_id;
      if (invalid.ok()) invalid = absl::InvalidArgumentError("Bad Request: empty path segment");
      operations_.Record(record.operation_id, "conformance", invalid);
      return StatusReply(invalid);
    }
  }
  if (!m.has_value()) {
    return ErrorReply(404,
                      absl::StrCat("Not Found: no route for ", request.method, " ", request.path));
  }
  record.route = m->pattern;
  request.params = m->params;
  if (op.has_value()) {
    record.operation_id = op->operation->operation_id;
    absl::Status valid =
        ValidateRequest(*api_, *op->operation, op->params, request.query, request.body);
    operations_.Record(record.operation_id, m->options.conformance ? "conformance" : "stateful",
                       valid);
    if (!valid.ok() && m->options.validation == Validation::kEnforce) return StatusReply(valid);
  }
  return (*m->handler)(request);
}

void Server::Write(const Reply& reply, const FaultSpec* slow,
                   std::shared_ptr<RequestStats::Scope> in_flight, httplib::Response& res) {
  res.status = reply.status;
  for (const auto& [name, value] : reply.headers) res.set_header(name, value);
  if (reply.body.empty()) {
    if (!reply.content_type.empty()) res.set_header("Content-Type", reply.content_type);
    return;
  }
  // Pre-encoded bodies go through a sized provider: httplib never re-compresses those.
  if (slow == nullptr && !HasHeader(reply, "Content-Encoding")) {
    res.set_content(reply.body, reply.content_type);
    return;
  }
  auto body = std::make_shared<const std::string>(reply.body);
  size_t chunk = slow != nullptr ? static_cast<size_t>(slow->chunk_bytes) : body->size();
  absl::Duration pause = slow != nullptr
                             ? absl::Milliseconds(slow->latency_ms > 0 ? slow->latency_ms : 50)
                             : absl::ZeroDuration();
  res.set_content_provider(
      body->size(), reply.content_type,
      [this, body, chunk, pause, in_flight](size_t offset, size_t length, httplib::DataSink& sink) {
        if (pause > absl::ZeroDuration() && stopping_.WaitForNotificationWithTimeout(pause)) {
          return false;  // shutting down; `in_flight` ends with the response
        }
        size_t n = std::min(chunk, length);
        if (n == length && in_flight != nullptr) in_flight->End();
        sink.write(body->data() + offset, n);
        return true;
      });
}

}  // namespace emulator
