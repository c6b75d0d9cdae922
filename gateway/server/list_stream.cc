#include "gateway/server/list_stream.h"

#include <string>
#include <utility>

#include "gateway/status/grpc_status.h"

namespace pulumi_gateway {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

void CopyFieldsByName(const Message& from, Message* to) {
  const Reflection* in = from.GetReflection();
  const Reflection* out = to->GetReflection();
  std::vector<const FieldDescriptor*> fields;
  in->ListFields(from, &fields);
  for (const FieldDescriptor* field : fields) {
    const FieldDescriptor* target = to->GetDescriptor()->FindFieldByName(field->name());
    if (target == nullptr) continue;
    if (field->is_repeated()) {
      for (int i = 0; i < in->FieldSize(from, field); ++i) {
        switch (field->cpp_type()) {
          case FieldDescriptor::CPPTYPE_STRING:
            out->AddString(to, target, in->GetRepeatedString(from, field, i));
            break;
          case FieldDescriptor::CPPTYPE_MESSAGE:
            out->AddMessage(to, target)->CopyFrom(in->GetRepeatedMessage(from, field, i));
            break;
          default:
            break;  // StreamRoute compilation rejects other repeated types.
        }
      }
      continue;
    }
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING:
        out->SetString(to, target, in->GetString(from, field));
        break;
      case FieldDescriptor::CPPTYPE_BOOL:
        out->SetBool(to, target, in->GetBool(from, field));
        break;
      case FieldDescriptor::CPPTYPE_INT32:
        out->SetInt32(to, target, in->GetInt32(from, field));
        break;
      case FieldDescriptor::CPPTYPE_INT64:
        out->SetInt64(to, target, in->GetInt64(from, field));
        break;
      case FieldDescriptor::CPPTYPE_UINT32:
        out->SetUInt32(to, target, in->GetUInt32(from, field));
        break;
      case FieldDescriptor::CPPTYPE_UINT64:
        out->SetUInt64(to, target, in->GetUInt64(from, field));
        break;
      case FieldDescriptor::CPPTYPE_DOUBLE:
        out->SetDouble(to, target, in->GetDouble(from, field));
        break;
      case FieldDescriptor::CPPTYPE_FLOAT:
        out->SetFloat(to, target, in->GetFloat(from, field));
        break;
      case FieldDescriptor::CPPTYPE_ENUM:
        out->SetEnumValue(to, target, in->GetEnumValue(from, field));
        break;
      case FieldDescriptor::CPPTYPE_MESSAGE:
        out->MutableMessage(to, target)->CopyFrom(in->GetMessage(from, field));
        break;
    }
  }
}

grpc::ByteBuffer StreamItem(const StreamRoute& route, const Message& item) {
  std::unique_ptr<Message> response(google::protobuf::MessageFactory::generated_factory()
                                        ->GetPrototype(route.method->output_type())
                                        ->New());
  response->GetReflection()->MutableMessage(response.get(), route.item_out)->CopyFrom(item);
  std::string bytes;
  response->SerializeToString(&bytes);
  grpc::Slice slice(std::move(bytes));
  return grpc::ByteBuffer(&slice, 1);
}

grpc::ServerWriteReactor<grpc::ByteBuffer>* ListStream::Start(const CallEnvironment& env,
                                                              grpc::CallbackServerContext* context,
                                                              const grpc::ByteBuffer* request,
                                                              const StreamRoute& route) {
  auto* stream = new ListStream(env, context, route);
  stream->Run(request);
  return stream;
}

ListStream::ListStream(const CallEnvironment& env, grpc::CallbackServerContext* context,
                       const StreamRoute& route)
    : env_(env),
      context_(context),
      route_(route),
      metrics_(RecordCallStart(env, *route.method)),
      start_(env.Now()) {}

void ListStream::Run(const grpc::ByteBuffer* request) {
  identity_ = IdentifyCall(env_, *context_);
  has_deadline_ = context_->deadline() != std::chrono::system_clock::time_point::max();
  context_->AddInitialMetadata("x-request-id", identity_.request_id);
  absl::StatusOr<std::unique_ptr<Message>> parsed =
      ParseRequest(route_.method->input_type(), *request);
  absl::Status authorized = parsed.ok() ? Authorize(env_, *context_, &identity_) : parsed.status();
  if (!authorized.ok()) {
    End(authorized);
    return Unref();
  }
  page_request_.reset(google::protobuf::MessageFactory::generated_factory()
                          ->GetPrototype(route_.page_route->method->input_type())
                          ->New());
  CopyFieldsByName(**parsed, page_request_.get());
  FetchPage();
  Unref();
}

void ListStream::FetchPage() {
  // Without a call deadline each page gets the default timeout (a long list may take longer).
  if (!has_deadline_) identity_.deadline = env_.Now() + env_.options.default_timeout;
  absl::StatusOr<HttpRequest> http =
      PrepareUpstreamRequest(env_, *route_.page_route, *page_request_, identity_);
  if (!http.ok()) return End(http.status());
  if (cancel_.cancelled()) return End(absl::CancelledError("call cancelled"));
  // A cancel from now on reaches the page request through the token.
  env_.upstream->Send(
      *std::move(http),
      UpstreamContext(*route_.page_route, identity_, RequestPriority::kBulk, cancel_.token()),
      [this](absl::StatusOr<HttpResponse> r) { OnPage(std::move(r)); });
}

void ListStream::OnPage(absl::StatusOr<HttpResponse> result) {
  page_.reset(google::protobuf::MessageFactory::generated_factory()
                  ->GetPrototype(route_.page_route->method->output_type())
                  ->New());
  absl::Status status = ReadUpstreamResponse(env_, *route_.page_route, result, identity_.request_id,
                                             page_.get(), metrics_);
  if (!status.ok()) return End(status);
  next_item_ = 0;
  Advance();
}

void ListStream::Advance() {
  const Reflection* reflection = page_->GetReflection();
  if (next_item_ < reflection->FieldSize(*page_, route_.items)) {
    write_buffer_ =
        StreamItem(route_, reflection->GetRepeatedMessage(*page_, route_.items, next_item_++));
    ++items_sent_;
    StartWrite(&write_buffer_);
    return;
  }
  const std::string token = reflection->GetString(*page_, route_.response_token);
  if (token.empty()) return End(absl::OkStatus());
  page_request_->GetReflection()->SetString(page_request_.get(), route_.request_token, token);
  page_.reset();  // only one page is ever held
  FetchPage();
}

void ListStream::OnWriteDone(bool ok) {
  if (!ok) return End(absl::CancelledError("the caller stopped reading"));
  Advance();
}

void ListStream::OnCancel() { cancel_.Cancel(); }

void ListStream::End(const absl::Status& status) {
  {
    absl::MutexLock lock(&mu_);
    if (finished_) return;
    finished_ = true;
  }
  RecordCallEnd(env_, *route_.method, metrics_, identity_, start_, status,
                [&](nlohmann::json& fields) { fields["items"] = items_sent_; });
  Finish(ToGrpcStatus(status));
}

void ListStream::OnDone() {
  cancel_.Cancel();
  Unref();
}

void ListStream::Unref() {
  if (refs_.fetch_sub(1) == 1) delete this;
}

}  // namespace pulumi_gateway
