// A C++ client for the Pulumi gRPC gateway: typed stubs for the three services plus the small
// conveniences every caller needs — the token attached as `authorization` metadata, a default
// deadline, TLS, decoded error details and iteration over every page of a list.
//
//   absl::StatusOr<std::unique_ptr<PulumiClient>> client =
//       PulumiClient::Connect({.address = "localhost:50051", .token = "pul-..."});
//   ListStacksRequest request;
//   request.set_organization("acme-corp");
//   absl::Status s = (*client)->ForEachStack(request, [](const StackSummary& stack) {
//     std::cout << stack.stack_name() << "\n";
//     return true;  // keep going
//   });
//   if (!s.ok()) std::cerr << s << "\n";  // code, message, and ErrorInfo metadata as payload
#ifndef CLIENTS_CPP_PULUMI_CLIENT_H_
#define CLIENTS_CPP_PULUMI_CLIENT_H_

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"
#include "pulumi/service/v1/organizations.grpc.pb.h"
#include "pulumi/service/v1/stacks.grpc.pb.h"
#include "pulumi/service/v1/updates.grpc.pb.h"
#include "pulumi/service/v1/users.grpc.pb.h"

namespace pulumi_client {

struct ClientOptions {
  // host:port of the gateway. Required.
  std::string address;
  // Pulumi access token sent as "authorization: token <token>". Empty: none (for gateways in
  // service auth mode).
  std::string token;
  // Deadline for calls whose context has none. Default 30 s.
  absl::Duration default_deadline = absl::Seconds(30);
  // Use TLS. Default false (plaintext, e.g. inside a mesh that adds mTLS).
  bool tls = false;
  // PEM CA bundle for TLS; empty: the system roots.
  std::string ca_file;
  // Client certificate and key (PEM files) for mutual TLS; both or neither.
  std::string cert_file;
  std::string key_file;
};

// What a failed call said, decoded from grpc-status-details-bin.
struct CallError {
  grpc::StatusCode code = grpc::StatusCode::OK;
  std::string message;
  // google.rpc.ErrorInfo: reason, and metadata such as http_status and request_id.
  std::string reason;
  std::map<std::string, std::string> metadata;
  // google.rpc.RetryInfo: how long the upstream asked callers to wait.
  std::optional<absl::Duration> retry_delay;
};

// Decodes the details of `status`. For an OK status returns code OK and nothing else.
CallError DecodeError(const grpc::Status& status);

// The absl::Status for a gRPC status, with the decoded ErrorInfo metadata in the message
// ("... [http_status=404 request_id=...]").
absl::Status ToStatus(const grpc::Status& status);

class PulumiClient final {
 public:
  // Creates the channel; INVALID_ARGUMENT for bad options (unreadable TLS files, no address).
  static absl::StatusOr<std::unique_ptr<PulumiClient>> Connect(const ClientOptions& options);

  pulumi::service::v1::StacksService::Stub& stacks() { return *stacks_; }
  pulumi::service::v1::StackUpdatesService::Stub& updates() { return *updates_; }
  pulumi::service::v1::OrganizationsService::Stub& organizations() { return *organizations_; }
  pulumi::service::v1::UsersService::Stub& users() { return *users_; }
  const std::shared_ptr<grpc::Channel>& channel() const { return channel_; }

  // A context carrying the token and the default deadline; use one per call.
  std::unique_ptr<grpc::ClientContext> NewContext() const;

  // Calls ListStacks page after page (following continuationToken), handing each stack to
  // `visit` until it returns false or the list ends.
  absl::Status ForEachStack(
      pulumi::service::v1::ListStacksRequest request,
      const std::function<bool(const pulumi::service::v1::StackSummary&)>& visit);
  // The same for ListMembers.
  absl::Status ForEachMember(
      pulumi::service::v1::ListMembersRequest request,
      const std::function<bool(const pulumi::service::v1::OrganizationMember&)>& visit);
  // Engine events of an update, page after page, until the continuation token is null (the
  // update finished and every event was returned). While the update runs the same token comes
  // back; the iteration then waits `poll_interval` and asks again.
  absl::Status ForEachUpdateEvent(
      pulumi::service::v1::ListUpdateEventsRequest request,
      const std::function<bool(const pulumi::service::v1::EngineEvent&)>& visit,
      absl::Duration poll_interval = absl::Seconds(1));

  // Calls any RPC by name ("StacksService/GetStack", "pulumi.service.v1.StacksService.GetStack"
  // or "GetStack") with a JSON request (upstream keys) and returns the JSON response.
  absl::StatusOr<std::string> CallJson(absl::string_view method, absl::string_view request_json);

 private:
  PulumiClient() = default;

  ClientOptions options_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<pulumi::service::v1::StacksService::Stub> stacks_;
  std::unique_ptr<pulumi::service::v1::StackUpdatesService::Stub> updates_;
  std::unique_ptr<pulumi::service::v1::OrganizationsService::Stub> organizations_;
  std::unique_ptr<pulumi::service::v1::UsersService::Stub> users_;
};

}  // namespace pulumi_client

#endif  // CLIENTS_CPP_PULUMI_CLIENT_H_
