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
#include "emulator/demo_seed.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace pulumi_gateway::testing {
namespace {

constexpr char kGatewayBinary[] = "gateway/pulumi_gateway";

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

std::unique_ptr<emulator::Server> StartEmulator() {
  absl::StatusOr<emulator::Json> seed = emulator::DemoSeed();
  EXPECT_TRUE(seed.ok()) << seed.status();
  if (!seed.ok()) return nullptr;
  emulator::ServerOptions options;
  options.port = 0;
  absl::StatusOr<std::unique_ptr<emulator::Server>> server =
      emulator::Server::Create(*std::move(seed), options);
  EXPECT_TRUE(server.ok()) << server.status();
  if (!server.ok()) return nullptr;
  absl::Status started = (*server)->Start();
  EXPECT_TRUE(started.ok()) << started;
  if (!started.ok()) return nullptr;
  return *std::move(server);
}

std::unique_ptr<ChildProcess> StartGateway(int upstream_port, std::vector<std::string> flags) {
  // The fault tests count upstream requests per call (retries, budget, rate): identical
  // concurrent reads must not be coalesced into one.
  std::vector<std::string> args = {
      "--listen=127.0.0.1:0", absl::StrCat("--upstream=http://127.0.0.1:", upstream_port),
      "--metrics_listen=", "--log_level=warning", "--coalesce_reads=false"};
  args.insert(args.end(), flags.begin(), flags.end());
  auto gateway = std::make_unique<ChildProcess>(kGatewayBinary, std::move(args),
                                                std::vector<std::string>{"PULUMI_ACCESS_TOKEN="});
  absl::StatusOr<std::string> address = gateway->WaitListening(absl::Seconds(30));
  EXPECT_TRUE(address.ok()) << address.status();
  return gateway;
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

std::optional<int> LoggedAttempts(const ChildProcess& gateway, const std::string& request_id,
                                  absl::Duration timeout) {
  const absl::Time give_up = absl::Now() + timeout;
  while (true) {
    for (absl::string_view line : absl::StrSplit(gateway.Stderr(), '\n')) {
      if (!absl::StrContains(line, request_id)) continue;
      nlohmann::json entry = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (entry.is_object() && entry.value("msg", "") == "access" &&
          entry.value("request_id", "") == request_id && entry.contains("attempts")) {
        return entry["attempts"].get<int>();
      }
    }
    if (absl::Now() >= give_up) return std::nullopt;
    absl::SleepFor(absl::Milliseconds(10));  // poll interval; the condition is re-checked
  }
}

}  // namespace pulumi_gateway::testing
