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
constexpr char kPackage[] = "pulumi.service.v1";

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
  if (const auto* m = pool->FindMethodByName(absl::StrCat(kPackage, ".", dotted))) return m;
  for (const char* service :
       {"StacksService", "StackUpdatesService", "OrganizationsService", "UsersService"}) {
    if (const auto* m = pool->FindMethodByName(absl::StrCat(kPackage, ".", service, ".", dotted))) {
      return m;
    }
  }
  return nullptr;
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
  client->stacks_ = v1::StacksService::NewStub(client->channel_);
  client->updates_ = v1::StackUpdatesService::NewStub(client->channel_);
  client->organizations_ = v1::OrganizationsService::NewStub(client->channel_);
  client->users_ = v1::UsersService::NewStub(client->channel_);
  return client;
}

std::unique_ptr<grpc::ClientContext> PulumiClient::NewContext() const {
  auto context = std::make_unique<grpc::ClientContext>();
  if (!options_.token.empty()) context->AddMetadata("authorization", "token " + options_.token);
  context->set_deadline(absl::ToChronoTime(absl::Now() + options_.default_deadline));
  return context;
}

absl::Status PulumiClient::ForEachStack(v1::ListStacksRequest request,
                                        const std::function<bool(const v1::StackSummary&)>& visit) {
  while (true) {
    v1::ListStacksResponse page;
    grpc::Status status = stacks_->ListStacks(NewContext().get(), request, &page);
    if (!status.ok()) return ToStatus(status);
    for (const v1::StackSummary& stack : page.stacks()) {
      if (!visit(stack)) return absl::OkStatus();
    }
    if (page.continuation_token().empty()) return absl::OkStatus();
    request.set_continuation_token(page.continuation_token());
  }
}

absl::Status PulumiClient::ForEachMember(
    v1::ListMembersRequest request,
    const std::function<bool(const v1::OrganizationMember&)>& visit) {
  while (true) {
    v1::ListMembersResponse page;
    grpc::Status status = organizations_->ListMembers(NewContext().get(), request, &page);
    if (!status.ok()) return ToStatus(status);
    for (const v1::OrganizationMember& member : page.members()) {
      if (!visit(member)) return absl::OkStatus();
    }
    if (page.continuation_token().empty()) return absl::OkStatus();
    request.set_continuation_token(page.continuation_token());
  }
}

absl::Status PulumiClient::ForEachUpdateEvent(
    v1::ListUpdateEventsRequest request, const std::function<bool(const v1::EngineEvent&)>& visit,
    absl::Duration poll_interval) {
  while (true) {
    v1::ListUpdateEventsResponse page;
    grpc::Status status = updates_->ListUpdateEvents(NewContext().get(), request, &page);
    if (!status.ok()) return ToStatus(status);
    for (const v1::EngineEvent& event : page.events()) {
      if (!visit(event)) return absl::OkStatus();
    }
    if (page.continuation_token().empty()) return absl::OkStatus();
    if (page.events_size() == 0) absl::SleepFor(poll_interval);
    request.set_continuation_token(page.continuation_token());
  }
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
  std::string bytes;
  request->SerializeToString(&bytes);
  grpc::Slice slice(bytes);
  grpc::ByteBuffer request_buffer(&slice, 1);
  grpc::ByteBuffer response_buffer;
  grpc::GenericStub stub(channel_);
  std::unique_ptr<grpc::ClientContext> context = NewContext();
  absl::Notification done;
  grpc::Status status;
  stub.UnaryCall(context.get(),
                 absl::StrCat("/", descriptor->service()->full_name(), "/", descriptor->name()),
                 grpc::StubOptions(), &request_buffer, &response_buffer, [&](grpc::Status s) {
                   status = std::move(s);
                   done.Notify();
                 });
  done.WaitForNotification();
  if (!status.ok()) return ToStatus(status);
  grpc::Slice out;
  if (!response_buffer.DumpToSingleSlice(&out).ok() ||
      !response->ParseFromArray(out.begin(), static_cast<int>(out.size()))) {
    return absl::InternalError("the gateway sent a response that does not parse");
  }
  google::protobuf::util::JsonPrintOptions print;
  print.add_whitespace = true;
  print.preserve_proto_field_names = false;
  std::string json;
  auto printed = google::protobuf::util::MessageToJsonString(*response, &json, print);
  if (!printed.ok()) return absl::InternalError(printed.message().as_string());
  return json;
}

}  // namespace pulumi_client
