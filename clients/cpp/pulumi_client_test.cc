// The C++ client against the real gateway and emulator: every service of the descriptors, the
// general pagers on a new list, the streams, decoded errors, and the command line.
#include "clients/cpp/pulumi_client.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pulumi/service/v1/access_tokens.grpc.pb.h"
#include "pulumi/service/v1/policy_results.grpc.pb.h"
#include "pulumi/service/v1/webhooks.grpc.pb.h"
#include "tests/support/child_process.h"

namespace pulumi_client {
namespace {

namespace v1 = ::pulumi::service::v1;
using ::pulumi_gateway::testing::ChildProcess;
using ::testing::AnyOf;
using ::testing::Contains;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Pair;
using ::testing::SizeIs;

constexpr char kJdoeToken[] = "pul-demo-jdoe-7f3a9c2e41b85d60f1e2a3b4c5d6e7f8";

class PulumiClientTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    emulator_ = new ChildProcess("emulator/pulumi_emulator", {"--listen=127.0.0.1:0"});
    absl::StatusOr<std::string> upstream = emulator_->WaitListening(absl::Seconds(20));
    ASSERT_TRUE(upstream.ok()) << upstream.status();
    gateway_ = new ChildProcess("gateway/pulumi_gateway",
                                {"--listen=127.0.0.1:0", "--metrics_listen=", "--log_level=warning",
                                 "--upstream=http://" + *upstream});
    absl::StatusOr<std::string> address = gateway_->WaitListening(absl::Seconds(20));
    ASSERT_TRUE(address.ok()) << address.status();
  }
  static void TearDownTestSuite() {
    delete gateway_;
    delete emulator_;
  }

  void SetUp() override {
    client_ = PulumiClient::Connect({.address = gateway_->address(), .token = kJdoeToken}).value();
  }

  static ChildProcess* emulator_;
  static ChildProcess* gateway_;
  std::unique_ptr<PulumiClient> client_;
};

ChildProcess* PulumiClientTest::emulator_ = nullptr;
ChildProcess* PulumiClientTest::gateway_ = nullptr;

template <typename Request>
Request ForProd() {
  Request request;
  request.set_org_name("acme-corp");
  request.set_project_name("payments-api");
  request.set_stack_name("prod");
  return request;
}

TEST_F(PulumiClientTest, FindsEveryServiceAndEveryListWithAToken) {
  std::vector<std::string> names;
  std::vector<std::string> paged;
  for (const auto* service : PulumiClient::Services()) {
    names.push_back(service->full_name());
    for (int i = 0; i < service->method_count(); ++i) {
      const auto* method = service->method(i);
      if (!method->server_streaming() &&
          FindPageSpec(method->input_type(), method->output_type()).ok()) {
        paged.push_back(method->name());
      }
    }
  }
  EXPECT_GE(names.size(), 29u);
  EXPECT_THAT(names, Contains("pulumi.service.v1.WebhooksService"));
  EXPECT_THAT(names, Contains("pulumi.service.v1.StackConfigService"));
  for (const char* list : {"ListStacks", "ListMembers", "ListPersonalTokens",
                           "GetPolicyComplianceResults", "ListUpdateEvents"}) {
    EXPECT_THAT(paged, Contains(list));
  }
  EXPECT_THAT(paged, Not(Contains("ListUpdates")));  // numbered pages

  absl::StatusOr<PageSpec> events = FindPageSpec(v1::ListUpdateEventsRequest::descriptor(),
                                                 v1::ListUpdateEventsResponse::descriptor());
  ASSERT_TRUE(events.ok()) << events.status();
  EXPECT_TRUE(events->follow);  // WatchUpdateEvents follows it
  absl::StatusOr<PageSpec> compliance =
      FindPageSpec(v1::GetPolicyComplianceResultsRequest::descriptor(),
                   v1::GetPolicyComplianceResultsResponse::descriptor());
  ASSERT_TRUE(compliance.ok()) << compliance.status();
  EXPECT_EQ(compliance->items->name(), "rows");  // `columns` are strings
  EXPECT_FALSE(compliance->follow);
}

TEST_F(PulumiClientTest, CallsANewServiceAndDecodesItsError) {
  auto& hooks = client_->Stub<v1::WebhooksService>();
  v1::CreateStackWebhookRequest create = ForProd<v1::CreateStackWebhookRequest>();
  const std::string display = absl::StrCat("C++ hook ", absl::ToUnixNanos(absl::Now()));
  create.mutable_body()->set_organization_name("acme-corp");
  create.mutable_body()->set_display_name(display);
  create.mutable_body()->set_payload_url("https://hooks.example.com/pulumi");
  create.mutable_body()->set_active(true);
  v1::CreateStackWebhookResponse created;
  grpc::Status status = hooks.CreateStackWebhook(client_->NewContext().get(), create, &created);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(created.webhook().display_name(), display);

  v1::GetStackWebhookRequest get = ForProd<v1::GetStackWebhookRequest>();
  get.set_hook_name("no-such-hook");
  v1::GetStackWebhookResponse got;
  status = hooks.GetStackWebhook(client_->NewContext().get(), get, &got);
  CallError error = DecodeError(status);
  EXPECT_EQ(error.code, grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(error.reason, "HTTP_404");
  EXPECT_THAT(error.metadata, Contains(Pair("http_status", "404")));
  EXPECT_THAT(ToStatus(status).message(), HasSubstr("http_status=404"));
}

TEST_F(PulumiClientTest, PagersWalkEveryPageOfANewList) {
  auto& tokens = client_->Stub<v1::AccessTokensService>();
  const std::string tag = absl::StrCat("cpppager", absl::ToUnixNanos(absl::Now()));
  std::vector<std::string> ids;
  std::vector<std::string> want;
  for (int i = 0; i < 3; ++i) {
    v1::CreatePersonalTokenRequest create;
    create.mutable_body()->set_description(absl::StrCat(tag, " ", i));
    create.mutable_body()->set_expires(0);
    v1::CreatePersonalTokenResponse created;
    grpc::Status status = tokens.CreatePersonalToken(client_->NewContext().get(), create, &created);
    ASSERT_TRUE(status.ok()) << status.error_message();
    ids.push_back(created.id());
    want.push_back(create.body().description());
  }

  v1::ListPersonalTokensRequest request;
  request.set_filter(tag);
  request.set_max_results(1);
  int pages = 0;
  absl::Status walked =
      client_->ForEachPage(&v1::AccessTokensService::Stub::ListPersonalTokens, request,
                           [&](const v1::ListPersonalTokensResponse& page) {
                             EXPECT_LE(page.tokens_size(), 1);
                             ++pages;
                             return true;
                           });
  ASSERT_TRUE(walked.ok()) << walked;
  EXPECT_GE(pages, 3);
  std::vector<std::string> got;
  walked = client_->ForEachItem<v1::AccessToken>(&v1::AccessTokensService::Stub::ListPersonalTokens,
                                                 request, [&](const v1::AccessToken& token) {
                                                   got.push_back(token.description());
                                                   return true;
                                                 });
  ASSERT_TRUE(walked.ok()) << walked;
  std::sort(got.begin(), got.end());
  EXPECT_THAT(got, ElementsAreArray(want));

  // The wrong item type, and an RPC that is not such a list.
  walked =
      client_->ForEachItem<v1::StackSummary>(&v1::AccessTokensService::Stub::ListPersonalTokens,
                                             request, [](const v1::StackSummary&) { return true; });
  EXPECT_EQ(walked.code(), absl::StatusCode::kInvalidArgument);
  walked = client_->ForEachPage(&v1::WebhooksService::Stub::ListStackWebhooks,
                                ForProd<v1::ListStackWebhooksRequest>(),
                                [](const v1::ListStackWebhooksResponse&) { return true; });
  EXPECT_EQ(walked.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(walked.message(), HasSubstr("not a list with a continuation token"));

  for (const std::string& id : ids) {
    v1::DeletePersonalTokenRequest remove;
    remove.set_token_id(id);
    v1::DeletePersonalTokenResponse removed;
    EXPECT_TRUE(tokens.DeletePersonalToken(client_->NewContext().get(), remove, &removed).ok());
  }
}

TEST_F(PulumiClientTest, StreamsYieldEveryItemAndDecodeTheirErrors) {
  std::vector<std::string> streamed;
  absl::Status read =
      client_->ForEachStreamed(&v1::StacksService::Stub::StreamStacks, v1::StreamStacksRequest(),
                               [&](const v1::StreamStacksResponse& message) {
                                 streamed.push_back(message.stack().stack_name());
                                 return true;
                               });
  ASSERT_TRUE(read.ok()) << read;
  std::vector<std::string> listed;
  v1::ListStacksRequest small_pages;
  small_pages.set_max_results(3);
  ASSERT_TRUE(client_
                  ->ForEachStack(small_pages,
                                 [&](const v1::StackSummary& stack) {
                                   listed.push_back(stack.stack_name());
                                   return true;
                                 })
                  .ok());
  EXPECT_THAT(streamed, SizeIs(14));
  EXPECT_EQ(streamed, listed);

  int first = 0;
  read = client_->ForEachStreamed(
      &v1::OrganizationsService::Stub::StreamMembers,
      [] {
        v1::StreamMembersRequest r;
        r.set_org_name("acme-corp");
        return r;
      }(),
      [&](const v1::StreamMembersResponse&) { return ++first < 2; });
  EXPECT_TRUE(read.ok()) << read;  // stopped early: cancelled, not an error
  EXPECT_EQ(first, 2);

  v1::StreamMembersRequest unknown;
  unknown.set_org_name("no-such-org");
  read = client_->ForEachStreamed(&v1::OrganizationsService::Stub::StreamMembers, unknown,
                                  [](const v1::StreamMembersResponse&) { return true; });
  EXPECT_THAT(read.code(), AnyOf(absl::StatusCode::kNotFound, absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(read.message(), HasSubstr("http_status=4"));
}

// pulumi_cli lists every service's RPCs and calls a stream.
TEST_F(PulumiClientTest, CommandLineCoversEveryServiceAndStreams) {
  auto run = [](const std::string& args) {
    FILE* pipe = popen(absl::StrCat("clients/cpp/pulumi_cli ", args, " 2>&1").c_str(), "r");
    std::string output;
    char buffer[4096];
    while (size_t n = fread(buffer, 1, sizeof(buffer), pipe)) output.append(buffer, n);
    return std::make_pair(pclose(pipe), output);
  };
  auto [listed, methods] = run("--list");
  EXPECT_EQ(listed, 0) << methods;
  EXPECT_THAT(methods, HasSubstr("WebhooksService/CreateStackWebhook"));
  EXPECT_THAT(methods, HasSubstr("AccessTokensService/ListPersonalTokens"));
  EXPECT_THAT(
      methods,
      HasSubstr(
          "OrganizationsService/StreamMembers  {orgName, continuationToken, type}  (stream)"));

  auto [streamed, lines] =
      run(absl::StrCat("--address=", gateway_->address(), " --token=", kJdoeToken,
                       " StreamMembers '{\"orgName\": \"acme-corp\"}'"));
  EXPECT_EQ(streamed, 0) << lines;
  EXPECT_EQ(std::count(lines.begin(), lines.end(), '\n'), 7) << lines;  // one line per member
  EXPECT_THAT(lines, HasSubstr("\"member\":"));
}

}  // namespace
}  // namespace pulumi_client
