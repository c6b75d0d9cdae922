#include "clients/cpp/paging.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor_database.h"
#include "pulumi/gateway/v1/options.pb.h"

namespace pulumi_client {
namespace {

namespace pb = ::google::protobuf;

constexpr char kTokenField[] = "continuation_token";

const pb::FieldDescriptor* StringField(const pb::Descriptor* message, const char* name) {
  const pb::FieldDescriptor* field = message->FindFieldByName(name);
  if (field == nullptr || field->is_repeated() ||
      field->cpp_type() != pb::FieldDescriptor::CPPTYPE_STRING) {
    return nullptr;
  }
  return field;
}

const pb::FieldDescriptor* ItemsField(const pb::Descriptor* message) {
  std::vector<const pb::FieldDescriptor*> repeated;
  std::vector<const pb::FieldDescriptor*> messages;
  for (int i = 0; i < message->field_count(); ++i) {
    const pb::FieldDescriptor* field = message->field(i);
    if (!field->is_repeated() || field->is_map()) continue;
    repeated.push_back(field);
    if (field->cpp_type() == pb::FieldDescriptor::CPPTYPE_MESSAGE) messages.push_back(field);
  }
  if (repeated.size() == 1) return repeated.front();
  return messages.size() == 1 ? messages.front() : nullptr;
}

bool Followed(const pb::MethodDescriptor& method) {
  const pb::ServiceDescriptor& service = *method.service();
  for (int i = 0; i < service.method_count(); ++i) {
    const pb::MethodDescriptor& other = *service.method(i);
    if (!other.server_streaming()) continue;
    const auto& walk = other.options().GetExtension(pulumi::gateway::v1::pagination);
    if (walk.method() == method.name() && walk.follow()) return true;
  }
  return false;
}

}  // namespace

std::vector<const pb::ServiceDescriptor*> ApiServices() {
  // The generated pool builds a file only when asked for it by name; the database behind it
  // knows every file whose generated code registered itself.
  std::vector<std::string> files;
  pb::DescriptorPool::internal_generated_database()->FindAllFileNames(&files);
  const pb::DescriptorPool* pool = pb::DescriptorPool::generated_pool();
  std::vector<const pb::ServiceDescriptor*> services;
  for (const std::string& name : files) {
    const pb::FileDescriptor* file = pool->FindFileByName(name);
    if (file == nullptr || file->package() != kApiPackage) continue;
    for (int i = 0; i < file->service_count(); ++i) services.push_back(file->service(i));
  }
  std::sort(services.begin(), services.end(),
            [](const auto* a, const auto* b) { return a->full_name() < b->full_name(); });
  return services;
}

const pb::MethodDescriptor* MethodOfRequest(const pb::Descriptor* request) {
  for (const pb::ServiceDescriptor* service : ApiServices()) {
    for (int i = 0; i < service->method_count(); ++i) {
      if (service->method(i)->input_type() == request) return service->method(i);
    }
  }
  return nullptr;
}

absl::StatusOr<PageSpec> FindPageSpec(const pb::Descriptor* request,
                                      const pb::Descriptor* response) {
  PageSpec spec;
  spec.request_token = StringField(request, kTokenField);
  spec.response_token = StringField(response, kTokenField);
  if (spec.request_token == nullptr || spec.response_token == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(
        request->full_name(), " -> ", response->full_name(),
        " is not a list with a continuation token (both need a string continuation_token)"));
  }
  spec.items = ItemsField(response);
  const pb::MethodDescriptor* method = MethodOfRequest(request);
  spec.follow = method != nullptr && Followed(*method);
  return spec;
}

}  // namespace pulumi_client
