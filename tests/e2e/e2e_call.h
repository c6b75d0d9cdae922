// One-line typed gateway calls for the end-to-end suites, and matchers for their status.
//
//   Caller jdoe(std::move(client));
//   Result<v1::GetStackResponse> got = jdoe(&Stacks::GetStack,
//   ForStack<v1::GetStackRequest>(kProd)); EXPECT_THAT(got.status, IsOk());
//   EXPECT_THAT(jdoe(&Stacks::GetStack, missing).status,
//               StatusIs(grpc::StatusCode::NOT_FOUND, "Not Found: Stack"));
#ifndef TESTS_E2E_E2E_CALL_H_
#define TESTS_E2E_E2E_CALL_H_

#include <memory>
#include <ostream>
#include <string>
#include <utility>

#include "absl/strings/match.h"
#include "clients/cpp/pulumi_client.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "pulumi/service/v1/organizations.grpc.pb.h"
#include "pulumi/service/v1/stacks.grpc.pb.h"
#include "pulumi/service/v1/updates.grpc.pb.h"
#include "pulumi/service/v1/users.grpc.pb.h"

namespace grpc {
// Readable failure messages for grpc::Status in gMock expectations.
inline void PrintTo(const Status& status, std::ostream* os) {
  *os << "grpc::Status(code " << static_cast<int>(status.error_code()) << ", \""
      << status.error_message() << "\")";
}
}  // namespace grpc

namespace pulumi_gateway::e2e {

namespace v1 = ::pulumi::service::v1;
using Stacks = v1::StacksService::Stub;
using Updates = v1::StackUpdatesService::Stub;
using Orgs = v1::OrganizationsService::Stub;
using Users = v1::UsersService::Stub;

// The outcome of one unary call.
template <typename Response>
struct Result {
  grpc::Status status;
  Response response;
};

// Calls RPCs of the four services as one user, each call with a fresh context (token, 30 s
// deadline) from the C++ client library.
class Caller final {
 public:
  explicit Caller(std::unique_ptr<pulumi_client::PulumiClient> client)
      : client_(std::move(client)) {}

  template <typename Stub, typename Request, typename Response>
  Result<Response> operator()(grpc::Status (Stub::*rpc)(grpc::ClientContext*, const Request&,
                                                        Response*),
                              const Request& request) {
    std::unique_ptr<grpc::ClientContext> context = client_->NewContext();
    Result<Response> result;
    result.status =
        (StubOf(static_cast<Stub*>(nullptr)).*rpc)(context.get(), request, &result.response);
    return result;
  }

  pulumi_client::PulumiClient& client() { return *client_; }

 private:
  Stacks& StubOf(Stacks*) { return client_->stacks(); }
  Updates& StubOf(Updates*) { return client_->updates(); }
  Orgs& StubOf(Orgs*) { return client_->organizations(); }
  Users& StubOf(Users*) { return client_->users(); }

  std::unique_ptr<pulumi_client::PulumiClient> client_;
};

// Names one stack.
struct StackRef {
  std::string org;
  std::string project;
  std::string stack;
};

// A request of any stack-scoped RPC with its path fields set to `ref`.
template <typename Request>
Request ForStack(const StackRef& ref) {
  Request request;
  request.set_org_name(ref.org);
  request.set_project_name(ref.project);
  request.set_stack_name(ref.stack);
  return request;
}

MATCHER(IsOk, "is OK") {
  if (arg.ok()) return true;
  *result_listener << "code " << static_cast<int>(arg.error_code()) << ": " << arg.error_message();
  return false;
}

// The exact code and a substring of the message.
MATCHER_P2(StatusIs, code, message_part,
           "has code " + ::testing::PrintToString(static_cast<int>(code)) +
               " and a message containing \"" + std::string(message_part) + "\"") {
  *result_listener << "code " << static_cast<int>(arg.error_code()) << ": " << arg.error_message();
  return arg.error_code() == code && absl::StrContains(arg.error_message(), message_part);
}

}  // namespace pulumi_gateway::e2e

#endif  // TESTS_E2E_E2E_CALL_H_
