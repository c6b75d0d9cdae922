// Helpers shared by the route and error integration tests: one unary call to any method of the
// served services through a grpc::GenericStub, with the request given as proto JSON, and the
// google.rpc details of its status.
//
//   auto gateway = TestGateway::Start(upstream.base_url());   // tests/support/harness.h
//   grpc::GenericStub stub(gateway->channel());
//   const auto* method = FindMethod("StacksService.GetStack");
//   CallResult result = CallGateway(stub, method, R"({"orgName": "acme-corp", ...})",
//                                   {{"authorization", "token pul-..."}});
//   EXPECT_TRUE(result.status.ok());
//   EXPECT_EQ(result.request_id, upstream.requests()[0].Header("X-Request-ID"));
#ifndef TESTS_INTEGRATION_GATEWAY_CALL_H_
#define TESTS_INTEGRATION_GATEWAY_CALL_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "google/protobuf/any.pb.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/duration.pb.h"
#include "google/protobuf/message.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"

namespace pulumi_gateway::testing {

inline constexpr char kServicePackage[] = "pulumi.service.v1";

using Metadata = std::vector<std::pair<std::string, std::string>>;

// "StacksService.GetStack" → the method descriptor from the generated pool, or null.
inline const google::protobuf::MethodDescriptor* FindMethod(const std::string& service_dot_method) {
  return google::protobuf::DescriptorPool::generated_pool()->FindMethodByName(
      std::string(kServicePackage) + "." + service_dot_method);
}

// A new message of `descriptor`'s generated type.
inline std::unique_ptr<google::protobuf::Message> NewMessage(
    const google::protobuf::Descriptor* descriptor) {
  const google::protobuf::Message* prototype =
      google::protobuf::MessageFactory::generated_factory()->GetPrototype(descriptor);
  return std::unique_ptr<google::protobuf::Message>(prototype->New());
}

struct CallResult {
  grpc::Status status;
  // The decoded response (of the method's output type); empty message when the call failed.
  std::unique_ptr<google::protobuf::Message> response;
  // The "x-request-id" initial metadata the gateway returned; empty if none.
  std::string request_id;
};

// Calls `method` through the gateway with `request`, sending `metadata`. Waits at most 10 s.
inline CallResult CallGateway(grpc::GenericStub& stub,
                              const google::protobuf::MethodDescriptor* method,
                              const google::protobuf::Message& request, const Metadata& metadata) {
  CallResult result;
  result.response = NewMessage(method->output_type());
  grpc::ClientContext context;
  for (const auto& [key, value] : metadata) context.AddMetadata(key, value);
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));

  std::string bytes;
  request.SerializeToString(&bytes);
  grpc::Slice slice(bytes);
  grpc::ByteBuffer request_buffer(&slice, 1);
  grpc::ByteBuffer response_buffer;
  absl::Notification done;
  stub.UnaryCall(&context, "/" + method->service()->full_name() + "/" + method->name(),
                 grpc::StubOptions(), &request_buffer, &response_buffer, [&](grpc::Status status) {
                   result.status = std::move(status);
                   done.Notify();
                 });
  if (!done.WaitForNotificationWithTimeout(absl::Seconds(15))) {
    ADD_FAILURE() << "the call to " << method->full_name() << " did not finish";
    context.TryCancel();
    done.WaitForNotification();
  }
  const auto& initial = context.GetServerInitialMetadata();
  if (auto it = initial.find("x-request-id"); it != initial.end()) {
    result.request_id.assign(it->second.data(), it->second.size());
  }
  if (result.status.ok()) {
    grpc::Slice single;
    EXPECT_TRUE(response_buffer.DumpToSingleSlice(&single).ok());
    EXPECT_TRUE(result.response->ParseFromArray(single.begin(), static_cast<int>(single.size())))
        << "the gateway's response is not a valid " << method->output_type()->full_name();
  }
  return result;
}

// Same, with the request given as proto3 JSON (json_name or field names).
inline CallResult CallGateway(grpc::GenericStub& stub,
                              const google::protobuf::MethodDescriptor* method,
                              const std::string& request_json, const Metadata& metadata) {
  std::unique_ptr<google::protobuf::Message> request = NewMessage(method->input_type());
  const auto parsed = google::protobuf::util::JsonStringToMessage(request_json, request.get());
  EXPECT_TRUE(parsed.ok()) << "bad test request for " << method->full_name() << ": "
                           << parsed.ToString();
  return CallGateway(stub, method, *request, metadata);
}

// The google.rpc details the gateway put in grpc-status-details-bin. They are decoded through the
// generated descriptor pool (the google.rpc messages are linked in by @google_rpc_protos//:rpc)
// rather than through their generated headers: a stale copy of google/rpc/*.pb.h without
// ErrorInfo can sit under the googleapis_protos output tree and shadow the right one.
struct ErrorInfoView {
  std::string reason;
  std::string domain;
  std::map<std::string, std::string> metadata;
};

struct ErrorDetails {
  bool present = false;  // grpc-status-details-bin was sent and parsed as google.rpc.Status
  int code = 0;
  std::string message;
  std::vector<std::string> type_urls;
  std::optional<ErrorInfoView> error_info;
  std::optional<google::protobuf::Duration> retry_delay;  // RetryInfo.retry_delay
};

inline std::unique_ptr<google::protobuf::Message> NewMessageNamed(const std::string& full_name) {
  const google::protobuf::Descriptor* descriptor =
      google::protobuf::DescriptorPool::generated_pool()->FindMessageTypeByName(full_name);
  EXPECT_NE(descriptor, nullptr) << full_name << " is not linked in";
  if (descriptor == nullptr) return nullptr;
  return NewMessage(descriptor);
}

inline ErrorDetails DecodeDetails(const grpc::Status& status) {
  using google::protobuf::FieldDescriptor;
  using google::protobuf::Message;
  ErrorDetails details;
  if (status.error_details().empty()) return details;
  std::unique_ptr<Message> rpc_status = NewMessageNamed("google.rpc.Status");
  if (rpc_status == nullptr || !rpc_status->ParseFromString(status.error_details())) return details;
  details.present = true;
  const auto* d = rpc_status->GetDescriptor();
  const auto* r = rpc_status->GetReflection();
  details.code = r->GetInt32(*rpc_status, d->FindFieldByName("code"));
  details.message = r->GetString(*rpc_status, d->FindFieldByName("message"));
  const FieldDescriptor* details_field = d->FindFieldByName("details");
  for (int i = 0; i < r->FieldSize(*rpc_status, details_field); ++i) {
    google::protobuf::Any any;
    any.CopyFrom(r->GetRepeatedMessage(*rpc_status, details_field, i));
    details.type_urls.push_back(any.type_url());
    if (any.type_url() == "type.googleapis.com/google.rpc.ErrorInfo") {
      std::unique_ptr<Message> info = NewMessageNamed("google.rpc.ErrorInfo");
      EXPECT_TRUE(info->ParseFromString(any.value()));
      const auto* id = info->GetDescriptor();
      const auto* ir = info->GetReflection();
      ErrorInfoView view;
      view.reason = ir->GetString(*info, id->FindFieldByName("reason"));
      view.domain = ir->GetString(*info, id->FindFieldByName("domain"));
      const FieldDescriptor* metadata = id->FindFieldByName("metadata");
      for (int k = 0; k < ir->FieldSize(*info, metadata); ++k) {
        const Message& entry = ir->GetRepeatedMessage(*info, metadata, k);
        const auto* ed = entry.GetDescriptor();
        const auto* er = entry.GetReflection();
        view.metadata[er->GetString(entry, ed->FindFieldByName("key"))] =
            er->GetString(entry, ed->FindFieldByName("value"));
      }
      details.error_info = std::move(view);
    } else if (any.type_url() == "type.googleapis.com/google.rpc.RetryInfo") {
      std::unique_ptr<Message> retry = NewMessageNamed("google.rpc.RetryInfo");
      EXPECT_TRUE(retry->ParseFromString(any.value()));
      google::protobuf::Duration delay;
      delay.CopyFrom(retry->GetReflection()->GetMessage(
          *retry, retry->GetDescriptor()->FindFieldByName("retry_delay")));
      details.retry_delay = delay;
    }
  }
  return details;
}

}  // namespace pulumi_gateway::testing

#endif  // TESTS_INTEGRATION_GATEWAY_CALL_H_
