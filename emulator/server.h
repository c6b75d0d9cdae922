// The emulator's HTTP server: cpp-httplib wired to the REST routes (routes.h), the admin API
// (admin.h), fault injection (faults.h), the request log, per-token rate limiting and token auth.
//
// Use it in-process from tests: start on port 0, read the bound port, drive faults and read
// request counts directly.
//
//   ServerOptions options;
//   options.port = 0;  // any free port
//   auto server = Server::Create(DemoSeed().value(), options).value();
//   ABSL_CHECK_OK-style: server->Start();
//   httplib::Client client("127.0.0.1", server->port());
//   server->faults().Add(spec);                        // inject
//   server->requests().Count("GET", "/api/user/stacks");  // assert upstream calls
//   server->stats().max_in_flight();                   // concurrency high-water mark
//   server->rate_limiter().SetRate(5);                 // per-token limit at run time
//   server->Stop();                                    // also done by the destructor
//
// Request pipeline for /api/...: counted in flight (stats()) from here, latency faults, then a
// status/429/reset fault if one matches, rate limit (429 + Retry-After), `Authorization: token X`
// (401), route (404 JSON), validation against the API description (counted per operation in
// operations(); a 400 on routes that enforce it), handler, then body faults
// (malformed/truncated/slow/wrong type/huge). Every API request is recorded in the request log,
// with its operation id, before its response is written.
//
// Routes: the stateful ones (routes.h) and, in conformance mode (on by default), a generated
// answer for every other operation of the API description (conformance.h).
#ifndef EMULATOR_SERVER_H_
#define EMULATOR_SERVER_H_

#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/notification.h"
#include "emulator/api_description.h"
#include "emulator/faults.h"
#include "emulator/operation_stats.h"
#include "emulator/rate_limiter.h"
#include "emulator/request_log.h"
#include "emulator/request_stats.h"
#include "emulator/router.h"
#include "emulator/store.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace emulator {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;            // 0 = pick a free port (see Server::port()).
  bool enable_admin = true;   // serve /_emulator/*; otherwise those paths are unknown routes.
  double rate_limit_rps = 0;  // per token; 0 = off. Changeable later: rate_limiter().SetRate().
  int threads = 16;           // HTTP worker threads (slow/latency faults hold one each).
  // Answer every operation of the API description that no stateful route serves (validated
  // request, schema-complete example answer). Off: those paths answer 404 as unknown routes.
  bool conformance = true;
  // The API description; nullptr = the copy compiled in (ApiDescription::Embedded()).
  std::shared_ptr<const ApiDescription> api_description;
  StoreOptions store;
};

class Server final {
 public:
  // InvalidArgument if `seed` is not a valid seed document.
  static absl::StatusOr<std::unique_ptr<Server>> Create(Json seed, ServerOptions options);
  ~Server();

  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and serves on a background thread; returns once the server accepts connections.
  // Unavailable if the address cannot be bound; FailedPrecondition if called twice.
  absl::Status Start();
  // Stops serving and joins the thread; interrupts injected delays. Idempotent.
  void Stop();

  // The bound port (meaningful after Start()).
  int port() const { return port_; }
  const std::string& host() const { return options_.host; }

  Store& store() { return *store_; }
  FaultInjector& faults() { return faults_; }
  RequestLog& requests() { return requests_; }
  // In-flight /api requests and their high-water mark (request_stats.h).
  RequestStats& stats() { return stats_; }
  // The per-token limit; Reset() (also done by POST /_emulator/reset) restores
  // ServerOptions::rate_limit_rps.
  RateLimiter& rate_limiter() { return limiter_; }
  // Per-operation validation counters (operation_stats.h).
  OperationStats& operations() { return operations_; }
  const ApiDescription& api_description() const { return *api_; }
  // Operation ids a stateful route serves (the rest get conformance answers).
  const std::set<std::string>& stateful_operations() const { return stateful_; }

 private:
  Server(std::unique_ptr<Store> store, ServerOptions options);

  void Handle(const httplib::Request& req, httplib::Response& res);
  // Rate limit, auth, routing and the handler.
  Reply ServeApi(RouteRequest& request, const std::string& token, RequestRecord& record);
  // `slow`: trickle the body per a kSlow fault. `in_flight` (may be null) ends before the last
  // body bytes are written, so a client that has the whole response sees it ended.
  void Write(const Reply& reply, const FaultSpec* slow,
             std::shared_ptr<RequestStats::Scope> in_flight, httplib::Response& res);

  const ServerOptions options_;
  std::unique_ptr<Store> store_;
  FaultInjector faults_;
  RequestLog requests_;
  RequestStats stats_;
  RateLimiter limiter_;
  std::shared_ptr<const ApiDescription> api_;
  OperationStats operations_;
  Router routes_;
  std::set<std::string> stateful_;
  Router admin_;
  std::unique_ptr<httplib::Server> http_;
  std::thread thread_;
  absl::Notification stopping_;
  int port_ = 0;
};

// Decoded `key=value` pairs of a query string (no leading '?'); '+' is a space.
std::multimap<std::string, std::string> ParseQuery(absl::string_view query);

// The token of an `Authorization: token <X>` header value; "" if absent or another scheme.
std::string TokenFromAuthorization(absl::string_view header);

}  // namespace emulator

#endif  // EMULATOR_SERVER_H_
