#include "gateway/server/reflection_service.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/descriptor.pb.h"
#include "grpc/reflection/v1/reflection.grpc.pb.h"
#include "grpc/reflection/v1alpha/reflection.grpc.pb.h"

namespace pulumi_gateway {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::DescriptorPool;
using google::protobuf::FieldDescriptor;
using google::protobuf::FileDescriptor;
using google::protobuf::FileDescriptorProto;

// Adds `file`, unless already sent on this stream and not `asked_for`, then its imports not yet
// sent.
template <typename FileResponse>
void AddFile(const FileDescriptor* file, bool asked_for, absl::flat_hash_set<std::string>& sent,
             FileResponse* out) {
  if (!sent.insert(file->name()).second && !asked_for) return;
  FileDescriptorProto proto;
  file->CopyTo(&proto);
  out->add_file_descriptor_proto(proto.SerializeAsString());
  for (int i = 0; i < file->dependency_count(); ++i) {
    AddFile(file->dependency(i), /*asked_for=*/false, sent, out);
  }
}

// Fills `response` for `request`. Both versions' generated classes have the same shape, so one
// template serves them.
template <typename Request, typename Response>
void Answer(const std::vector<std::string>& services, const Request& request,
            absl::flat_hash_set<std::string>& sent, Response* response) {
  response->Clear();
  response->set_valid_host(request.host());
  *response->mutable_original_request() = request;
  const DescriptorPool* pool = DescriptorPool::generated_pool();
  auto fail = [response](grpc::StatusCode code, std::string message) {
    auto* error = response->mutable_error_response();
    error->set_error_code(code);
    error->set_error_message(std::move(message));
  };
  // `what`: the kind and name looked for, e.g. `file "x.proto"`.
  auto not_found = [&fail](const std::string& what) {
    fail(grpc::StatusCode::NOT_FOUND,
         absl::StrCat("no ", what, " among the gateway's descriptors"));
  };
  auto files = [&](const FileDescriptor* file) {
    AddFile(file, /*asked_for=*/true, sent, response->mutable_file_descriptor_response());
  };
  auto message_type = [&](const std::string& name) {
    const Descriptor* type = pool->FindMessageTypeByName(name);
    if (type == nullptr) not_found(absl::StrCat("message type \"", name, "\""));
    return type;
  };
  switch (request.message_request_case()) {
    case Request::kListServices:
      for (const std::string& name : services) {
        response->mutable_list_services_response()->add_service()->set_name(name);
      }
      return;
    case Request::kFileByFilename:
      if (const FileDescriptor* file = pool->FindFileByName(request.file_by_filename())) {
        files(file);
      } else {
        not_found(absl::StrCat("file \"", request.file_by_filename(), "\""));
      }
      return;
    case Request::kFileContainingSymbol:
      if (const FileDescriptor* file =
              pool->FindFileContainingSymbol(request.file_containing_symbol())) {
        files(file);
      } else {
        not_found(absl::StrCat("symbol \"", request.file_containing_symbol(), "\""));
      }
      return;
    case Request::kFileContainingExtension: {
      const auto& wanted = request.file_containing_extension();
      const Descriptor* type = message_type(wanted.containing_type());
      if (type == nullptr) return;
      if (const FieldDescriptor* extension =
              pool->FindExtensionByNumber(type, wanted.extension_number())) {
        files(extension->file());
      } else {
        not_found(absl::StrCat("extension ", wanted.extension_number(), " of \"",
                               wanted.containing_type(), "\""));
      }
      return;
    }
    case Request::kAllExtensionNumbersOfType: {
      const Descriptor* type = message_type(request.all_extension_numbers_of_type());
      if (type == nullptr) return;
      std::vector<const FieldDescriptor*> extensions;
      pool->FindAllExtensions(type, &extensions);
      auto* numbers = response->mutable_all_extension_numbers_response();
      numbers->set_base_type_name(type->full_name());
      for (const FieldDescriptor* extension : extensions) {
        numbers->add_extension_number(extension->number());
      }
      return;
    }
    default:
      // Nothing set, or a kind of request newer than these protos.
      fail(grpc::StatusCode::UNIMPLEMENTED,
           "the request asks for nothing this server answers: set one of list_services, "
           "file_by_filename, file_containing_symbol, file_containing_extension or "
           "all_extension_numbers_of_type");
      return;
  }
}

// One reflection stream: each request read is answered before the next is read.
template <typename Request, typename Response>
class ReflectionStream final : public grpc::ServerBidiReactor<Request, Response> {
 public:
  explicit ReflectionStream(const std::vector<std::string>* services) : services_(services) {
    this->StartRead(&request_);
  }

  void OnReadDone(bool ok) override {
    // Not ok: the client closed its side (or went away).
    if (!ok) {
      this->Finish(grpc::Status::OK);
      return;
    }
    Answer(*services_, request_, sent_, &response_);
    this->StartWrite(&response_);
  }

  void OnWriteDone(bool ok) override {
    if (!ok) {
      this->Finish(grpc::Status(grpc::StatusCode::CANCELLED, "the client went away"));
      return;
    }
    this->StartRead(&request_);
  }

  void OnDone() override { delete this; }

 private:
  const std::vector<std::string>* services_;
  Request request_;
  Response response_;
  // The files sent on this stream so far.
  absl::flat_hash_set<std::string> sent_;
};

template <typename Proto>
class ReflectionService final : public Proto::ServerReflection::CallbackService {
 public:
  explicit ReflectionService(const std::vector<std::string>* services) : services_(services) {}

  grpc::ServerBidiReactor<typename Proto::ServerReflectionRequest,
                          typename Proto::ServerReflectionResponse>*
  ServerReflectionInfo(grpc::CallbackServerContext* /*context*/) override {
    return new ReflectionStream<typename Proto::ServerReflectionRequest,
                                typename Proto::ServerReflectionResponse>(services_);
  }

 private:
  const std::vector<std::string>* services_;
};

// The generated names of each version.
struct V1 {
  using ServerReflection = grpc::reflection::v1::ServerReflection;
  using ServerReflectionRequest = grpc::reflection::v1::ServerReflectionRequest;
  using ServerReflectionResponse = grpc::reflection::v1::ServerReflectionResponse;
};
struct V1Alpha {
  using ServerReflection = grpc::reflection::v1alpha::ServerReflection;
  using ServerReflectionRequest = grpc::reflection::v1alpha::ServerReflectionRequest;
  using ServerReflectionResponse = grpc::reflection::v1alpha::ServerReflectionResponse;
};

}  // namespace

ReflectionServices::ReflectionServices(std::vector<std::string> services)
    : services_(std::move(services)) {
  services_.push_back(grpc::reflection::v1::ServerReflection::service_full_name());
  services_.push_back(grpc::reflection::v1alpha::ServerReflection::service_full_name());
  v1_ = std::make_unique<ReflectionService<V1>>(&services_);
  v1alpha_ = std::make_unique<ReflectionService<V1Alpha>>(&services_);
}

ReflectionServices::~ReflectionServices() = default;

void ReflectionServices::RegisterWith(grpc::ServerBuilder& builder) {
  builder.RegisterService(v1_.get());
  builder.RegisterService(v1alpha_.get());
}

}  // namespace pulumi_gateway
