// Server reflection over a real gRPC server on 127.0.0.1: both versions, each kind of request,
// each file once per stream, and the errors a client can act on.
#include "gateway/server/reflection_service.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "gmock/gmock.h"
#include "google/api/annotations.pb.h"
#include "google/protobuf/descriptor.pb.h"
#include "grpc/reflection/v1/reflection.grpc.pb.h"
#include "grpc/reflection/v1alpha/reflection.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "pulumi/service/v1/stacks.grpc.pb.h"

namespace pulumi_gateway {
namespace {

using google::protobuf::FileDescriptorProto;
using grpc::reflection::v1::ServerReflection;
using grpc::reflection::v1::ServerReflectionRequest;
using grpc::reflection::v1::ServerReflectionResponse;
using pulumi::service::v1::StacksService;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsSupersetOf;

class ReflectionServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
    reflection_.RegisterWith(builder);
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    channel_ = grpc::CreateChannel("127.0.0.1:" + std::to_string(port),
                                   grpc::InsecureChannelCredentials());
  }

  void TearDown() override {
    if (server_ != nullptr) server_->Shutdown();
  }

  // Sends `requests` on one stream of `Service`, reading an answer after each; the stream must
  // end OK.
  template <typename Service, typename Request, typename Response>
  std::vector<Response> Exchange(const std::vector<Request>& requests) {
    auto stub = Service::NewStub(channel_);
    grpc::ClientContext context;
    auto stream = stub->ServerReflectionInfo(&context);
    std::vector<Response> answers;
    for (const Request& request : requests) {
      EXPECT_TRUE(stream->Write(request));
      Response answer;
      EXPECT_TRUE(stream->Read(&answer));
      answers.push_back(answer);
    }
    stream->WritesDone();
    const grpc::Status status = stream->Finish();
    EXPECT_TRUE(status.ok()) << status.error_message();
    return answers;
  }

  std::vector<ServerReflectionResponse> Exchange(
      const std::vector<ServerReflectionRequest>& requests) {
    return Exchange<ServerReflection, ServerReflectionRequest, ServerReflectionResponse>(requests);
  }

  ServerReflectionResponse Ask(const ServerReflectionRequest& request) {
    std::vector<ServerReflectionResponse> answers = Exchange({request});
    return answers.empty() ? ServerReflectionResponse() : answers[0];
  }

  ReflectionServices reflection_{{StacksService::service_full_name()}};
  std::unique_ptr<grpc::Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
};

// The file names of a file answer, in order.
std::vector<std::string> FileNames(const ServerReflectionResponse& answer) {
  std::vector<std::string> names;
  for (const std::string& bytes : answer.file_descriptor_response().file_descriptor_proto()) {
    FileDescriptorProto file;
    EXPECT_TRUE(file.ParseFromString(bytes));
    names.push_back(file.name());
  }
  return names;
}

ServerReflectionRequest ForSymbol(const std::string& symbol) {
  ServerReflectionRequest request;
  request.set_file_containing_symbol(symbol);
  return request;
}

ServerReflectionRequest ForFile(const std::string& name) {
  ServerReflectionRequest request;
  request.set_file_by_filename(name);
  return request;
}

const std::string& StacksFile() {
  return pulumi::service::v1::GetStackRequest::descriptor()->file()->name();
}

TEST_F(ReflectionServiceTest, ListsTheGivenServicesAndBothReflectionVersions) {
  ServerReflectionRequest request;
  request.set_host("gateway.internal");
  request.set_list_services("");
  const ServerReflectionResponse answer = Ask(request);
  EXPECT_EQ(answer.valid_host(), "gateway.internal");
  EXPECT_EQ(answer.original_request().host(), "gateway.internal");
  EXPECT_TRUE(answer.original_request().has_list_services());
  std::vector<std::string> names;
  for (const auto& service : answer.list_services_response().service()) {
    names.push_back(service.name());
  }
  EXPECT_THAT(names,
              ElementsAre("pulumi.service.v1.StacksService", "grpc.reflection.v1.ServerReflection",
                          "grpc.reflection.v1alpha.ServerReflection"));
}

TEST_F(ReflectionServiceTest, AFileComesWithItsImportsAndEachGoesOutOncePerStream) {
  const std::vector<ServerReflectionResponse> answers =
      Exchange({ForFile(StacksFile()), ForFile("pulumi/service/v1/common.proto"),
                ForSymbol("pulumi.service.v1.StacksService")});
  ASSERT_EQ(answers.size(), 3u);
  const std::vector<std::string> first = FileNames(answers[0]);
  ASSERT_FALSE(first.empty());
  EXPECT_EQ(first[0], StacksFile());
  EXPECT_THAT(first, IsSupersetOf({"pulumi/service/v1/common.proto", "google/api/annotations.proto",
                                   "google/api/http.proto", "google/protobuf/descriptor.proto"}));
  // Every import of every file sent is among them: a client can build the pool from the answer.
  absl::flat_hash_set<std::string> sent(first.begin(), first.end());
  EXPECT_EQ(sent.size(), first.size()) << "a file went out twice in one answer";
  for (const std::string& bytes : answers[0].file_descriptor_response().file_descriptor_proto()) {
    FileDescriptorProto file;
    ASSERT_TRUE(file.ParseFromString(bytes));
    for (const std::string& import : file.dependency()) {
      EXPECT_TRUE(sent.contains(import)) << file.name() << " imports " << import;
    }
  }
  // Asked for by name again: the file alone, its imports were sent already.
  EXPECT_THAT(FileNames(answers[1]), ElementsAre("pulumi/service/v1/common.proto"));
  EXPECT_THAT(FileNames(answers[2]), ElementsAre(StacksFile()));
}

TEST_F(ReflectionServiceTest, FindsTheFileOfServicesMethodsMessagesAndFields) {
  for (const char* symbol :
       {"pulumi.service.v1.StacksService", "pulumi.service.v1.StacksService.GetStack",
        "pulumi.service.v1.GetStackRequest", "pulumi.service.v1.GetStackRequest.stack_name"}) {
    const std::vector<std::string> files = FileNames(Ask(ForSymbol(symbol)));
    ASSERT_FALSE(files.empty()) << symbol;
    EXPECT_EQ(files[0], StacksFile()) << symbol;
  }
}

TEST_F(ReflectionServiceTest, AnswersExtensionQueries) {
  ServerReflectionRequest by_number;
  by_number.mutable_file_containing_extension()->set_containing_type(
      "google.protobuf.MethodOptions");
  by_number.mutable_file_containing_extension()->set_extension_number(google::api::http.number());
  const std::vector<std::string> files = FileNames(Ask(by_number));
  ASSERT_FALSE(files.empty());
  EXPECT_EQ(files[0], "google/api/annotations.proto");

  ServerReflectionRequest all;
  all.set_all_extension_numbers_of_type("google.protobuf.MethodOptions");
  const ServerReflectionResponse answer = Ask(all);
  EXPECT_EQ(answer.all_extension_numbers_response().base_type_name(),
            "google.protobuf.MethodOptions");
  EXPECT_THAT(answer.all_extension_numbers_response().extension_number(),
              ::testing::Contains(google::api::http.number()));
}

TEST_F(ReflectionServiceTest, UnknownNamesAreNotFoundAndTheStreamGoesOn) {
  ServerReflectionRequest unknown_extension;
  unknown_extension.mutable_file_containing_extension()->set_containing_type(
      "google.protobuf.MethodOptions");
  unknown_extension.mutable_file_containing_extension()->set_extension_number(9);
  ServerReflectionRequest unknown_type;
  unknown_type.set_all_extension_numbers_of_type("no.such.Message");
  const std::vector<ServerReflectionResponse> answers = Exchange(
      {ForSymbol("pulumi.service.v1.NoSuchService"), ForFile("no/such.proto"), unknown_extension,
       unknown_type, ServerReflectionRequest(), ForSymbol("pulumi.service.v1.StacksService")});
  ASSERT_EQ(answers.size(), 6u);
  const std::vector<std::string> messages = {
      "no symbol \"pulumi.service.v1.NoSuchService\"", "no file \"no/such.proto\"",
      "no extension 9 of \"google.protobuf.MethodOptions\"", "no message type \"no.such.Message\""};
  for (size_t i = 0; i < messages.size(); ++i) {
    EXPECT_EQ(answers[i].error_response().error_code(), grpc::StatusCode::NOT_FOUND) << i;
    EXPECT_THAT(answers[i].error_response().error_message(), HasSubstr(messages[i])) << i;
  }
  EXPECT_EQ(answers[4].error_response().error_code(), grpc::StatusCode::UNIMPLEMENTED);
  EXPECT_THAT(answers[4].error_response().error_message(), HasSubstr("set one of list_services"));
  // The stream still answers after the errors.
  EXPECT_THAT(FileNames(answers[5]), ::testing::Contains(StacksFile()));
}

TEST_F(ReflectionServiceTest, TheOlderVersionAnswersTheSame) {
  namespace v1alpha = grpc::reflection::v1alpha;
  v1alpha::ServerReflectionRequest list;
  list.set_list_services("");
  v1alpha::ServerReflectionRequest symbol;
  symbol.set_file_containing_symbol("pulumi.service.v1.StacksService.GetStack");
  const std::vector<v1alpha::ServerReflectionResponse> answers =
      Exchange<v1alpha::ServerReflection, v1alpha::ServerReflectionRequest,
               v1alpha::ServerReflectionResponse>({list, symbol});
  ASSERT_EQ(answers.size(), 2u);
  ASSERT_GE(answers[0].list_services_response().service_size(), 1);
  EXPECT_EQ(answers[0].list_services_response().service(0).name(),
            "pulumi.service.v1.StacksService");
  ASSERT_GE(answers[1].file_descriptor_response().file_descriptor_proto_size(), 1);
  FileDescriptorProto file;
  ASSERT_TRUE(file.ParseFromString(answers[1].file_descriptor_response().file_descriptor_proto(0)));
  EXPECT_EQ(file.name(), StacksFile());
}

}  // namespace
}  // namespace pulumi_gateway
