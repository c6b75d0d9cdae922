// A C++ client for the Pulumi gRPC gateway: a typed stub of every service of its API plus the
// small conveniences every caller needs — the token attached as `authorization` metadata, a
// default deadline, TLS, decoded error details, iteration over every page of any list with a
// continuation token, and over the messages of any server stream.
//
//   absl::StatusOr<std::unique_ptr<PulumiClient>> client =
//       PulumiClient::Connect({.address = "localhost:50051", .token = "pul-..."});
//   v1::ListStacksRequest request;
//   request.set_organization("acme-corp");
//   absl::Status s = (*client)->ForEachItem<v1::StackSummary>(
//       &v1::StacksService::Stub::ListStacks, request, [](const v1::StackSummary& stack) {
//         std::cout << stack.stack_name() << "\n";
//         return true;  // keep going
//       });
//   if (!s.ok()) std::cerr << s << "\n";  // code, message, and ErrorInfo metadata
//   grpc::ClientContext context;  // or (*client)->NewContext(): token and default deadline
//   (*client)->Stub<v1::WebhooksService>().ListStackWebhooks(...);
#ifndef CLIENTS_CPP_PULUMI_CLIENT_H_
#define CLIENTS_CPP_PULUMI_CLIENT_H_

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <typeindex>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "clients/cpp/paging.h"
#include "google/protobuf/message.h"
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

// Keeps a template parameter out of deduction (the lambdas passed as visitors).
template <typename T>
struct Identity {
  using type = T;
};

class PulumiClient final {
 public:
  // Creates the channel; INVALID_ARGUMENT for bad options (unreadable TLS files, no address).
  static absl::StatusOr<std::unique_ptr<PulumiClient>> Connect(const ClientOptions& options);

  // Every service of the API linked into the binary (pulumi.service.v1), sorted by full name.
  static std::vector<const google::protobuf::ServiceDescriptor*> Services() {
    return ApiServices();
  }

  // The stub of any service of the API on this client's channel, made on first use and kept:
  // Stub<v1::WebhooksService>().GetStackWebhook(NewContext().get(), request, &response).
  template <typename Service>
  typename Service::Stub& Stub() {
    return StubOf<typename Service::Stub>();
  }
  // The first four services, by their first names.
  pulumi::service::v1::StacksService::Stub& stacks() {
    return Stub<pulumi::service::v1::StacksService>();
  }
  pulumi::service::v1::StackUpdatesService::Stub& updates() {
    return Stub<pulumi::service::v1::StackUpdatesService>();
  }
  pulumi::service::v1::OrganizationsService::Stub& organizations() {
    return Stub<pulumi::service::v1::OrganizationsService>();
  }
  pulumi::service::v1::UsersService::Stub& users() {
    return Stub<pulumi::service::v1::UsersService>();
  }
  const std::shared_ptr<grpc::Channel>& channel() const { return channel_; }

  // A context carrying the token and the default deadline; use one per call.
  std::unique_ptr<grpc::ClientContext> NewContext() const;

  // Calls a list RPC with a continuation token (see FindPageSpec) page after page, from the
  // request's own token, handing each answer to `visit` until it returns false or a page has an
  // empty token. Each page is one call with a NewContext(). A live list (an update's events) is
  // followed while the resource runs: after a page without items it waits `poll_interval` and
  // asks again. Returns the first failed call's status (ToStatus), INVALID_ARGUMENT when `rpc`
  // is not such a list, INTERNAL when a list that is not followed hands back the token it was
  // given (it would loop forever).
  //
  //   client->ForEachPage(&v1::StacksService::Stub::ListStacks, request,
  //                       [](const v1::ListStacksResponse& page) { return true; });
  template <typename StubType, typename Request, typename Response>
  absl::Status ForEachPage(
      grpc::Status (StubType::*rpc)(grpc::ClientContext*, const Request&, Response*),
      Request request, const std::function<bool(const typename Identity<Response>::type&)>& visit,
      absl::Duration poll_interval = absl::Seconds(1)) {
    absl::StatusOr<PageSpec> spec = FindPageSpec(Request::descriptor(), Response::descriptor());
    if (!spec.ok()) return spec.status();
    StubType& stub = StubOf<StubType>();
    Response page;
    return WalkPages(
        *spec, &request, &page,
        [&](grpc::ClientContext* context, const google::protobuf::Message& r,
            google::protobuf::Message* out) {
          return (stub.*rpc)(context, static_cast<const Request&>(r), static_cast<Response*>(out));
        },
        [&](const google::protobuf::Message& p) { return visit(static_cast<const Response&>(p)); },
        poll_interval);
  }

  // The items of every page (the answer's item field; see FindPageSpec), as ForEachPage walks
  // them. `Item` is the item's message type, or std::string for a list of strings;
  // INVALID_ARGUMENT when the answer has no item field of that type.
  //
  //   client->ForEachItem<v1::AccessToken>(&v1::AccessTokensService::Stub::ListPersonalTokens,
  //                                        request, [](const v1::AccessToken& t) { return true; });
  template <typename Item, typename StubType, typename Request, typename Response>
  absl::Status ForEachItem(grpc::Status (StubType::*rpc)(grpc::ClientContext*, const Request&,
                                                         Response*),
                           Request request,
                           const std::function<bool(const typename Identity<Item>::type&)>& visit,
                           absl::Duration poll_interval = absl::Seconds(1)) {
    absl::StatusOr<PageSpec> spec = FindPageSpec(Request::descriptor(), Response::descriptor());
    if (!spec.ok()) return spec.status();
    const google::protobuf::FieldDescriptor* items = spec->items;
    bool fits = items != nullptr;
    if constexpr (std::is_same_v<Item, std::string>) {
      fits = fits && items->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_STRING;
    } else {
      fits = fits && items->message_type() == Item::descriptor();
    }
    if (!fits) {
      return absl::InvalidArgumentError(absl::StrCat(Response::descriptor()->full_name(),
                                                     " has no repeated item field of that type"));
    }
    return ForEachPage(
        rpc, std::move(request),
        [&](const Response& page) {
          const google::protobuf::Reflection* reflection = page.GetReflection();
          for (int i = 0, n = reflection->FieldSize(page, items); i < n; ++i) {
            if constexpr (std::is_same_v<Item, std::string>) {
              if (!visit(reflection->GetRepeatedString(page, items, i))) return false;
            } else {
              if (!visit(
                      static_cast<const Item&>(reflection->GetRepeatedMessage(page, items, i)))) {
                return false;
              }
            }
          }
          return true;
        },
        poll_interval);
  }

  // Reads a server stream (StreamStacks, StreamMembers, StreamAuditLogs, WatchUpdateEvents, ...)
  // message by message until it ends or `visit` returns false (the call is then cancelled).
  // One NewContext() bounds the whole stream. Returns the stream's final status (ToStatus).
  //
  //   client->ForEachStreamed(&v1::OrganizationsService::Stub::StreamMembers, request,
  //                           [](const v1::StreamMembersResponse& m) { return true; });
  template <typename StubType, typename Request, typename Response>
  absl::Status ForEachStreamed(
      std::unique_ptr<grpc::ClientReader<Response>> (StubType::*rpc)(grpc::ClientContext*,
                                                                     const Request&),
      const Request& request,
      const std::function<bool(const typename Identity<Response>::type&)>& visit) {
    std::unique_ptr<grpc::ClientContext> context = NewContext();
    std::unique_ptr<grpc::ClientReader<Response>> reader =
        (StubOf<StubType>().*rpc)(context.get(), request);
    Response message;
    while (reader->Read(&message)) {
      if (!visit(message)) {
        context->TryCancel();
        reader->Finish();
        return absl::OkStatus();
      }
    }
    return ToStatus(reader->Finish());
  }

  // The first release's iterators: ForEachItem over ListStacks, ListMembers and (followed)
  // ListUpdateEvents.
  absl::Status ForEachStack(
      pulumi::service::v1::ListStacksRequest request,
      const std::function<bool(const pulumi::service::v1::StackSummary&)>& visit);
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

  // Calls any unary RPC by name ("StacksService/GetStack",
  // "pulumi.service.v1.StacksService.GetStack" or "GetStack") with a JSON request (upstream
  // keys) and returns the JSON response. A server-streaming RPC returns its messages, one JSON
  // document per line.
  absl::StatusOr<std::string> CallJson(absl::string_view method, absl::string_view request_json);

 private:
  using PageCall = std::function<grpc::Status(
      grpc::ClientContext*, const google::protobuf::Message&, google::protobuf::Message*)>;

  PulumiClient() = default;

  template <typename StubType>
  StubType& StubOf() {
    absl::MutexLock lock(&stubs_mu_);
    std::shared_ptr<void>& slot = stubs_[std::type_index(typeid(StubType))];
    if (slot == nullptr) slot = std::make_shared<StubType>(channel_);
    return *static_cast<StubType*>(slot.get());
  }

  // The page loop behind ForEachPage, on type-erased messages.
  absl::Status WalkPages(const PageSpec& spec, google::protobuf::Message* request,
                         google::protobuf::Message* page, const PageCall& call,
                         const std::function<bool(const google::protobuf::Message&)>& visit,
                         absl::Duration poll_interval);

  ClientOptions options_;
  std::shared_ptr<grpc::Channel> channel_;
  absl::Mutex stubs_mu_;
  // One stub per stub type, made on first use.
  absl::flat_hash_map<std::type_index, std::shared_ptr<void>> stubs_ ABSL_GUARDED_BY(stubs_mu_);
};

}  // namespace pulumi_client

#endif  // CLIENTS_CPP_PULUMI_CLIENT_H_
