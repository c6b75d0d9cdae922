#include "tests/faults/fault_env.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace pulumi_gateway::testing {
namespace {

using pulumi::service::v1::CreateStackRequest;
using pulumi::service::v1::CreateStackResponse;
using pulumi::service::v1::GetStackRequest;
using pulumi::service::v1::GetStackResponse;

void Prepare(grpc::ClientContext* context, absl::Duration timeout, const std::string& request_id) {
  context->set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  context->AddMetadata("authorization", absl::StrCat("token ", kDemoToken));
  if (!request_id.empty()) context->AddMetadata("x-request-id", request_id);
}

}  // namespace

std::unique_ptr<TestGateway> StartGateway(int upstream_port, const AdjustFlags& adjust) {
  return TestGateway::Start(absl::StrCat("http://127.0.0.1:", upstream_port), [&](FlagValues& f) {
    f.coalesce_reads = false;
    if (adjust) adjust(f);
  });
}

RefusingPort::RefusingPort() {
  fd_ = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof(addr);
  if (fd_ < 0 || bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 ||
      getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    ADD_FAILURE() << "cannot bind a port on 127.0.0.1";
    return;
  }
  port_ = ntohs(addr.sin_port);  // bound, never listen()ed: SYNs get a RST
}

RefusingPort::~RefusingPort() {
  if (fd_ >= 0) close(fd_);
}

GatewayClient::GatewayClient(const std::string& address)
    : stub_(pulumi::service::v1::StacksService::NewStub(
          grpc::CreateChannel(address, grpc::InsecureChannelCredentials()))) {}

RpcResult GatewayClient::GetStack(const StackName& stack, absl::Duration timeout,
                                  const std::string& request_id) {
  GetStackRequest request;
  request.set_org_name(stack.org);
  request.set_project_name(stack.project);
  request.set_stack_name(stack.stack);
  GetStackResponse response;
  grpc::ClientContext context;
  Prepare(&context, timeout, request_id);
  const absl::Time start = absl::Now();
  RpcResult result;
  result.status = stub_->GetStack(&context, request, &response);
  result.elapsed = absl::Now() - start;
  return result;
}

RpcResult GatewayClient::CreateStack(const StackName& stack, absl::Duration timeout,
                                     const std::string& request_id) {
  CreateStackRequest request;
  request.set_org_name(stack.org);
  request.set_project_name(stack.project);
  request.set_stack_name(stack.stack);
  CreateStackResponse response;
  grpc::ClientContext context;
  Prepare(&context, timeout, request_id);
  const absl::Time start = absl::Now();
  RpcResult result;
  result.status = stub_->CreateStack(&context, request, &response);
  result.elapsed = absl::Now() - start;
  return result;
}

std::vector<RpcResult> GatewayClient::GetStackConcurrently(const StackName& stack, int n,
                                                           absl::Duration timeout) {
  struct Call {
    grpc::ClientContext context;
    GetStackRequest request;
    GetStackResponse response;
    absl::Time start;
    RpcResult result;
  };
  std::vector<std::unique_ptr<Call>> calls;
  absl::Mutex mu;
  int pending = n;
  for (int i = 0; i < n; ++i) {
    auto call = std::make_unique<Call>();
    call->request.set_org_name(stack.org);
    call->request.set_project_name(stack.project);
    call->request.set_stack_name(stack.stack);
    Prepare(&call->context, timeout, "");
    calls.push_back(std::move(call));
  }
  for (auto& call : calls) {
    Call* c = call.get();
    c->start = absl::Now();
    stub_->async()->GetStack(&c->context, &c->request, &c->response,
                             [c, &mu, &pending](grpc::Status s) {
                               absl::MutexLock lock(&mu);
                               c->result.status = std::move(s);
                               c->result.elapsed = absl::Now() - c->start;
                               --pending;
                             });
  }
  {
    absl::MutexLock lock(&mu);
    auto all_done = [&pending]() { return pending == 0; };
    if (!mu.AwaitWithTimeout(absl::Condition(&all_done), timeout + absl::Seconds(10))) {
      ADD_FAILURE() << pending << " of " << n << " concurrent calls did not finish";
      for (auto& call : calls) call->context.TryCancel();
      mu.Await(absl::Condition(&all_done));
    }
  }
  std::vector<RpcResult> results;
  for (auto& call : calls) results.push_back(call->result);
  return results;
}

std::optional<int> LoggedAttempts(const TestGateway& gateway, const std::string& request_id,
                                  absl::Duration timeout) {
  std::optional<nlohmann::json> line = gateway.AccessLine(request_id, timeout);
  if (!line.has_value() || !line->contains("attempts")) return std::nullopt;
  return (*line)["attempts"].get<int>();
}

}  // namespace pulumi_gateway::testing
