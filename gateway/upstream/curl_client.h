// UpstreamClient on libcurl's multi interface: one event-loop thread drives every transfer, so an
// in-flight call costs memory, not a thread. Connections are pooled and kept alive; HTTP/2 is
// negotiated over TLS (or spoken directly with `http2_prior_knowledge`) and multiplexed.
//
//   CurlClientOptions options;
//   options.base_url = "https://api.pulumi.com";
//   absl::StatusOr<std::unique_ptr<CurlClient>> client = CurlClient::Create(options);
//   (*client)->Send(std::move(request), std::move(callback));
//
// Each request's deadline is the transfer timeout. Callbacks run on the loop thread: they must
// not block.
#ifndef GATEWAY_UPSTREAM_CURL_CLIENT_H_
#define GATEWAY_UPSTREAM_CURL_CLIENT_H_

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gateway/upstream/upstream_client.h"

namespace pulumi_gateway {

struct CurlClientOptions {
  // Scheme, host and optional port (and path prefix) prepended to every request path.
  // No default: required.
  std::string base_url;
  // PEM bundle of CAs to trust for https; empty (default) uses the system store.
  std::string ca_file;
  // Skip TLS certificate and host verification. Default false; main warns loudly when set.
  bool insecure_skip_verify = false;
  // Speak HTTP/2 without TLS from the first byte (h2c). Default false.
  bool http2_prior_knowledge = false;
  // Most connections open to the upstream at once; further transfers wait for one. Default 64.
  int max_connections = 64;
  // Responses with a larger body fail with RESOURCE_EXHAUSTED. Default 64 MiB.
  size_t max_response_bytes = 64u << 20;
  // Longest wait for a TCP + TLS connection. Default 10 s.
  absl::Duration connect_timeout = absl::Seconds(10);
};

class CurlClient final : public UpstreamClient {
 public:
  // Returns INVALID_ARGUMENT for an unusable base URL, INTERNAL if libcurl cannot start.
  static absl::StatusOr<std::unique_ptr<CurlClient>> Create(CurlClientOptions options);

  // Stops the loop; calls still in flight complete with UNAVAILABLE.
  ~CurlClient() override;

  uint64_t Send(HttpRequest request, Callback done) override;
  void Cancel(uint64_t id) override;

  // New connections opened so far (for metrics and connection-reuse tests).
  int64_t connections_opened() const { return connections_opened_.load(); }

 private:
  struct Transfer;
  struct MultiDeleter {
    void operator()(void* multi) const;
  };
  struct EasyDeleter {
    void operator()(void* easy) const;
  };
  using EasyHandle = std::unique_ptr<void, EasyDeleter>;

  explicit CurlClient(CurlClientOptions options);
  void Loop();
  void Start(std::unique_ptr<Transfer> transfer);
  void Complete(uint64_t id, int curl_code);
  EasyHandle TakeHandle();
  void ReturnHandle(EasyHandle handle);

  const CurlClientOptions options_;
  // HTTP/2 is possible (https, or h2c by prior knowledge): transfers wait to share a connection.
  const bool may_multiplex_;
  std::unique_ptr<void, MultiDeleter> multi_;
  std::atomic<uint64_t> next_id_{1};
  std::atomic<int64_t> connections_opened_{0};

  absl::Mutex mu_;
  std::vector<std::unique_ptr<Transfer>> incoming_ ABSL_GUARDED_BY(mu_);
  std::vector<uint64_t> cancelled_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;

  // Loop thread only.
  absl::flat_hash_map<uint64_t, std::unique_ptr<Transfer>> active_;
  std::vector<EasyHandle> idle_handles_;

  std::thread thread_;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_UPSTREAM_CURL_CLIENT_H_
