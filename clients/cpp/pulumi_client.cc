#include "clients/cpp/pulumi_client.h"

#include <fstream>
#include <sstream>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/notification.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/dynamic_message.h"
#include "google/protobuf/util/json_util.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "grpcpp/generic/generic_stub.h"

namespace pulumi_client {
namespace {

namespace v1 = ::pulumi::service::v1;

absl::StatusOr<std::string> ReadFile(const std::string& path, absl::string_view what) {
  std::ifstream in(path);
  if (!in) return absl::InvalidArgumentError(absl::StrCat("cannot read ", what, " ", path));
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Finds a method of the gateway's services by any of the accepted spellings.
const google::protobuf::MethodDescriptor* FindMethod(absl::string_view name) {
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  std::string dotted(name);
  std::replace(dotted.begin(), dotted.end(), '/', '.');
  if (const auto* m = pool->FindMethodByName(dotted)) return m;
  if (const auto* m = pool->FindMethodByName(absl::StrCat(kApiPackage, ".", dotted))) return m;
  for (const google::protobuf::ServiceDescriptor* service : ApiServices()) {
    if (const auto* m = service->FindMethodByName(dotted)) return m;
  }
  return nullptr;
}

grpc::ByteBuffer Serialize(const google::protobuf::Message& message) {
  std::string bytes;
  message.SerializeToString(&bytes);
  grpc::Slice slice(bytes);
  return grpc::ByteBuffer(&slice, 1);
}

// Reads every message of a server stream through the generic stub: one request, then half-close,
// then read until the end (gRPC does not tell stream kinds apart on the wire).
class StreamReader final : public grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
 public:
  explicit StreamReader(grpc::ByteBuffer request) : request_(std::move(request)) {}

  void Start() {
    StartWrite(&request_);
    StartRead(&message_);
    StartCall();
  }
  void OnWriteDone(bool /*ok*/) override { StartWritesDone(); }
  void OnReadDone(bool ok) override {
    if (!ok) return;  // the stream ended; OnDone follows
    messages_.push_back(message_);
    StartRead(&message_);
  }
  void OnDone(const grpc::Status& status) override {
    status_ = status;
    done_.Notify();
  }

  // The messages and the final status, once the stream ended.
  grpc::Status Wait(std::vector<grpc::ByteBuffer>* messages) {
    done_.WaitForNotification();
    *messages = std::move(messages_);
    return status_;
  }

 private:
  grpc::ByteBuffer request_;
  grpc::ByteBuffer message_;
  std::vector<grpc::ByteBuffer> messages_;
  grpc::Status status_;
  absl::Notification done_;
};

absl::StatusOr<std::string> ToJson(const grpc::ByteBuffer& buffer,
                                   google::protobuf::Message* message, bool pretty) {
  grpc::Slice slice;
  if (!buffer.DumpToSingleSlice(&slice).ok() ||
      !message->ParseFromArray(slice.begin(), static_cast<int>(slice.size()))) {
    return absl::InternalError("the gateway sent a response that does not parse");
  }
  google::protobuf::util::JsonPrintOptions print;
  print.add_whitespace = pretty;
  print.preserve_proto_field_names = false;
  std::string json;
  auto printed = google::protobuf::util::MessageToJsonString(*message, &json, print);
  if (!printed.ok()) return absl::InternalError(printed.message().as_string());
  return json;
}

}  // namespace

CallError DecodeError(const grpc::Status& status) {
  CallError error;
  error.code = status.error_code();
  error.message = status.error_message();
  google::rpc::Status details;
  if (status.ok() || !details.ParseFromString(status.error_details())) return error;
  for (const google::protobuf::Any& any : details.details()) {
    google::rpc::ErrorInfo info;
    google::rpc::RetryInfo retry;
    if (any.UnpackTo(&info)) {
      error.reason = info.reason();
      error.metadata.insert(info.metadata().begin(), info.metadata().end());
    } else if (any.UnpackTo(&retry)) {
      error.retry_delay = absl::Seconds(retry.retry_delay().seconds()) +
                          absl::Nanoseconds(retry.retry_delay().nanos());
    }
  }
  return error;
}

absl::Status ToStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  CallError error = DecodeError(status);
  std::string message = error.message;
  if (!error.metadata.empty() || error.retry_delay.has_value()) {
    std::vector<std::string> parts;
    if (!error.reason.empty()) parts.push_back(absl::StrCat("reason=", error.reason));
    for (const auto& [key, value] : error.metadata) parts.push_back(absl::StrCat(key, "=", value));
    if (error.retry_delay.has_value()) {
      parts.push_back(absl::StrCat("retry_after=", absl::FormatDuration(*error.retry_delay)));
    }
    absl::StrAppend(&message, " [", absl::StrJoin(parts, " "), "]");
  }
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()), message);
}

absl::StatusOr<std::unique_ptr<PulumiClient>> PulumiClient::Connect(const ClientOptions& options) {
  if (options.address.empty()) return absl::InvalidArgumentError("address is required");
  if (options.cert_file.empty() != options.key_file.empty()) {
    return absl::InvalidArgumentError("cert_file and key_file go together");
  }
  std::shared_ptr<grpc::ChannelCredentials> credentials = grpc::InsecureChannelCredentials();
  if (options.tls) {
    grpc::SslCredentialsOptions ssl;
    if (!options.ca_file.empty()) {
      absl::StatusOr<std::string> ca = ReadFile(options.ca_file, "CA file");
      if (!ca.ok()) return ca.status();
      ssl.pem_root_certs = *ca;
    }
    if (!options.cert_file.empty()) {
      absl::StatusOr<std::string> cert = ReadFile(options.cert_file, "certificate");
      absl::StatusOr<std::string> key = ReadFile(options.key_file, "key");
      if (!cert.ok()) return cert.status();
      if (!key.ok()) return key.status();
      ssl.pem_cert_chain = *cert;
      ssl.pem_private_key = *key;
    }
    credentials = grpc::SslCredentials(ssl);
  }
  std::unique_ptr<PulumiClient> client(new PulumiClient());
  client->options_ = options;
  client->channel_ = grpc::CreateChannel(options.address, credentials);
  return client;
}

std::unique_ptr<grpc::ClientContext> PulumiClient::NewContext() const {
  auto context = std::make_unique<grpc::ClientContext>();
  if (!options_.token.empty()) context->AddMetadata("authorization", "token " + options_.token);
  context->set_deadline(absl::ToChronoTime(absl::Now() + options_.default_deadline));
  return context;
}

absl::Status PulumiClient::WalkPages(
    const PageSpec& spec, google::protobuf::Message* request, google::protobuf::Message* page,
    const PageCall& call, const std::function<bool(const google::protobuf::Message&)>& visit,
    absl::Duration poll_interval) {
  const google::protobuf::Reflection& in = *request->GetReflection();
  const google::protobuf::Reflection& out = *page->GetReflection();
  while (true) {
    page->Clear();
    grpc::Status status = call(NewContext().get(), *request, page);
    if (!status.ok()) return ToStatus(status);
    if (!visit(*page)) return absl::OkStatus();
    std::string token = out.GetString(*page, spec.response_token);
    if (token.empty()) return absl::OkStatus();
    if (spec.follow) {
      // Nothing new yet: the resource is still running.
      if (spec.items != nullptr && out.FieldSize(*page, spec.items) == 0) {
        absl::SleepFor(poll_interval);
      }
    } else if (token == in.GetString(*request, spec.request_token)) {
      return absl::InternalError(absl::StrCat(request->GetDescriptor()->full_name(),
                                              ": the gateway returned continuation token \"", token,
                                              "\" again"));
    }
    in.SetString(request, spec.request_token, std::move(token));
  }
}

absl::Status PulumiClient::ForEachStack(v1::ListStacksRequest request,
                                        const std::function<bool(const v1::StackSummary&)>& visit) {
  return ForEachItem<v1::StackSummary>(&v1::StacksService::Stub::ListStacks, std::move(request),
                                       visit);
}

absl::Status PulumiClient::ForEachMember(
    v1::ListMembersRequest request,
    const std::function<bool(const v1::OrganizationMember&)>& visit) {
  return ForEachItem<v1::OrganizationMember>(&v1::OrganizationsService::Stub::ListMembers,
                                             std::move(request), visit);
}

absl::Status PulumiClient::ForEachUpdateEvent(
    v1::ListUpdateEventsRequest request, const std::function<bool(const v1::EngineEvent&)>& visit,
    absl::Duration poll_interval) {
  return ForEachItem<v1::EngineEvent>(&v1::StackUpdatesService::Stub::ListUpdateEvents,
                                      std::move(request), visit, poll_interval);
}

absl::StatusOr<std::string> PulumiClient::CallJson(absl::string_view method,
                                                   absl::string_view request_json) {
  const google::protobuf::MethodDescriptor* descriptor = FindMethod(method);
  if (descriptor == nullptr) {
    return absl::NotFoundError(absl::StrCat("no RPC named \"", method, "\""));
  }
  google::protobuf::DynamicMessageFactory factory;
  std::unique_ptr<google::protobuf::Message> request(
      factory.GetPrototype(descriptor->input_type())->New());
  std::unique_ptr<google::protobuf::Message> response(
      factory.GetPrototype(descriptor->output_type())->New());
  google::protobuf::util::JsonParseOptions parse;
  auto parsed = google::protobuf::util::JsonStringToMessage(
      request_json.empty() ? "{}" : std::string(request_json), request.get(), parse);
  if (!parsed.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("request is not a valid ",
                                                   descriptor->input_type()->full_name(), ": ",
                                                   parsed.message().as_string()));
  }
  grpc::ByteBuffer request_buffer = Serialize(*request);
  const std::string path =
      absl::StrCat("/", descriptor->service()->full_name(), "/", descriptor->name());
  grpc::GenericStub stub(channel_);
  std::unique_ptr<grpc::ClientContext> context = NewContext();
  if (descriptor->server_streaming()) {
    StreamReader reader(std::move(request_buffer));
    stub.PrepareBidiStreamingCall(context.get(), path, grpc::StubOptions(), &reader);
    reader.Start();
    std::vector<grpc::ByteBuffer> messages;
    grpc::Status status = reader.Wait(&messages);
    if (!status.ok()) return ToStatus(status);
    std::string lines;
    for (const grpc::ByteBuffer& message : messages) {
      absl::StatusOr<std::string> json = ToJson(message, response.get(), /*pretty=*/false);
      if (!json.ok()) return json.status();
      absl::StrAppend(&lines, lines.empty() ? "" : "\n", *json);
    }
    return lines;
  }
  grpc::ByteBuffer response_buffer;
  absl::Notification done;
  grpc::Status status;
  stub.UnaryCall(context.get(), path, grpc::StubOptions(), &request_buffer, &response_buffer,
                 [&](grpc::Status s) {
                   status = std::move(s);
                   done.Notify();
                 });
  done.WaitForNotification();
  if (!status.ok()) return ToStatus(status);
  return ToJson(response_buffer, response.get(), /*pretty=*/true);
}

}  // namespace pulumi_client
