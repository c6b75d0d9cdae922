// Hostile caller input through the real gateway: every value either is refused with
// INVALID_ARGUMENT before any upstream call, or reaches the upstream correctly escaped on the route
// the RPC names — never another route, never another host.
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "pulumi/service/v1/stacks.grpc.pb.h"
#include "pulumi/service/v1/updates.grpc.pb.h"
#include "tests/support/fake_upstream.h"
#include "tests/support/harness.h"

namespace pulumi_gateway::testing {
namespace {

namespace v1 = ::pulumi::service::v1;
using ::testing::HasSubstr;

// RFC 3986 escaping written independently of the gateway's: unreserved bytes stay, all others
// become %XX.
std::string Escape(const std::string& value) {
  std::string out;
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      static const char kHex[] = "0123456789ABCDEF";
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return out;
}

struct Hostile {
  std::string name;
  std::string value;
  // Expected for a path segment: refused with INVALID_ARGUMENT (else escaped and sent).
  bool refused_in_path = false;
};

std::vector<Hostile> HostileValues() {
  std::vector<Hostile> values = {
      {"dotdot", "..", true},
      {"dot", ".", true},
      {"empty", "", true},
      {"traversal", "../../admin", false},
      {"traversal_deep", "../../../../api/orgs/acme-corp/members", false},
      {"encoded_slash", "a%2Fb", false},
      {"double_encoded_slash", "a%252Fb", false},
      {"slash", "a/b", false},
      {"backslash", "a\\b", false},
      {"query_injection", "prod?force=true", false},
      {"fragment", "prod#frag", false},
      {"ampersand", "a&b=c", false},
      {"equals", "a=b", false},
      {"plus", "a+b", false},
      {"space", "a b", false},
      {"percent", "100%", false},
      {"at_host", "@evil.example.com", false},
      {"scheme", "http://evil.example.com/", false},
      {"crlf", "prod\r\nX-Injected: 1", true},
      {"lf", "prod\nHost: evil", true},
      {"cr", "prod\r", true},
      {"nul", std::string("pro\0d", 5), true},
      {"tab", "a\tb", true},
      {"del", "a\x7f", true},
      {"unicode", "stäck-プロダクション", false},
      {"emoji", "stack-\xF0\x9F\x9A\x80", false},
      {"quote", "a\"b'c", false},
      {"angle", "<script>", false},
      {"semicolon", "a;b", false},
      {"colon", "a:b", false},
      {"long_4k", std::string(4000, 'a'), false},
      {"long_9k", std::string(9000, 'a'), true},
      {"semicolon_path_param", "prod;jsessionid=1", false},
      {"dot_prefix", ".hidden", false},
      {"dotdot_suffix", "a..", false},
  };
  return values;
}

class HostileInputTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    upstream_ = new FakeUpstream();
    gateway_ = TestGateway::Start(upstream_->base_url(), [](FlagValues& f) {
                 f.log_level = "error";
               }).release();
    ASSERT_NE(gateway_, nullptr);
    channel_ = new std::shared_ptr<grpc::Channel>(gateway_->channel());
  }
  static void TearDownTestSuite() {
    delete channel_;
    delete gateway_;
    delete upstream_;
  }
  void SetUp() override { upstream_->ClearRequests(); }

  static grpc::ClientContext* Context(grpc::ClientContext* context) {
    context->AddMetadata("authorization", "token pul-hostile");
    context->set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(5)));
    return context;
  }

  // Checks a call's outcome: refused without an upstream request, or exactly one upstream
  // request to `expected_target` on this upstream.
  void Check(const grpc::Status& status, bool refused, const std::string& expected_target) {
    const std::vector<RecordedRequest> requests = upstream_->requests();
    if (refused) {
      EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << status.error_message();
      EXPECT_TRUE(requests.empty()) << "refused input reached " << requests[0].target;
      return;
    }
    ASSERT_EQ(requests.size(), 1u) << status.error_message();
    EXPECT_EQ(requests[0].target, expected_target);
    EXPECT_EQ(requests[0].Header("Host"), absl::StrCat("127.0.0.1:", upstream_->port()));
  }

  static FakeUpstream* upstream_;
  static TestGateway* gateway_;
  static std::shared_ptr<grpc::Channel>* channel_;
};
FakeUpstream* HostileInputTest::upstream_ = nullptr;
TestGateway* HostileInputTest::gateway_ = nullptr;
std::shared_ptr<grpc::Channel>* HostileInputTest::channel_ = nullptr;

TEST_F(HostileInputTest, PathSegmentsAreEscapedOrRefused) {
  auto stub = v1::StacksService::NewStub(*channel_);
  for (const Hostile& hostile : HostileValues()) {
    SCOPED_TRACE(hostile.name);
    upstream_->ClearRequests();
    v1::GetStackRequest request;
    request.set_org_name("acme-corp");
    request.set_project_name("payments-api");
    request.set_stack_name(hostile.value);
    grpc::ClientContext context;
    v1::GetStackResponse response;
    grpc::Status status = stub->GetStack(Context(&context), request, &response);
    Check(status, hostile.refused_in_path,
          "/api/stacks/acme-corp/payments-api/" + Escape(hostile.value));
  }
}

TEST_F(HostileInputTest, QueryValuesAreEscaped) {
  auto stub = v1::StacksService::NewStub(*channel_);
  for (const Hostile& hostile : HostileValues()) {
    SCOPED_TRACE(hostile.name);
    upstream_->ClearRequests();
    v1::ListStacksRequest request;
    request.set_tag_name(hostile.value);
    grpc::ClientContext context;
    v1::ListStacksResponse response;
    grpc::Status status = stub->ListStacks(Context(&context), request, &response);
    // In a query, only a URL too long to send is refused; everything else is escaped data.
    const bool refused = hostile.value.size() > 8192;
    Check(status, refused, "/api/user/stacks?tagName=" + Escape(hostile.value));
  }
}

TEST_F(HostileInputTest, RouteSelectingValuesOutsideTheirListAreRefused) {
  auto stub = v1::StackUpdatesService::NewStub(*channel_);
  for (const std::string kind : {"export", "updates", "tags", "../update", "UPDATE", "update ", "",
                                 "update/..", "destroy\n", "preview%00"}) {
    SCOPED_TRACE(kind);
    upstream_->ClearRequests();
    v1::GetUpdateStatusRequest request;
    request.set_org_name("acme-corp");
    request.set_project_name("payments-api");
    request.set_stack_name("prod");
    request.set_kind(kind);
    request.set_update_id("3b9e4f1a-6c2d-4e8f-a0b1-c2d3e4f5a6b7");
    grpc::ClientContext context;
    v1::GetUpdateStatusResponse response;
    grpc::Status status = stub->GetUpdateStatus(Context(&context), request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    // A path field is REQUIRED: empty is missing, anything else must be a listed kind.
    EXPECT_THAT(status.error_message(),
                HasSubstr(kind.empty() ? "is required" : "update, preview, refresh, destroy"));
    EXPECT_TRUE(upstream_->requests().empty());
  }
}

TEST_F(HostileInputTest, HugeRepeatedFieldsAreRefusedBeforeTheUpstream) {
  auto stub = v1::StackUpdatesService::NewStub(*channel_);
  v1::ListUpdateEventsRequest request;
  request.set_org_name("acme-corp");
  request.set_project_name("payments-api");
  request.set_stack_name("prod");
  request.set_kind("update");
  request.set_update_id("3b9e4f1a");
  for (int i = 0; i < 5000; ++i) request.add_types("diagnosticEvent");
  grpc::ClientContext context;
  v1::ListUpdateEventsResponse response;
  grpc::Status status = stub->ListUpdateEvents(Context(&context), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("URL of"));
  EXPECT_TRUE(upstream_->requests().empty());
}

TEST_F(HostileInputTest, InvalidUtf8AndGarbageRequestsAreInvalidArgument) {
  grpc::GenericStub generic(*channel_);
  // Field 3 (stack_name) with bytes that are not UTF-8; then bytes that are not protobuf at all.
  for (const std::string& bytes :
       {std::string("\x1a\x02\xff\xfe", 4), std::string("\xff\xff\xff\xff\xff", 5)}) {
    upstream_->ClearRequests();
    grpc::Slice slice(bytes);
    grpc::ByteBuffer request(&slice, 1);
    grpc::ByteBuffer response;
    grpc::ClientContext context;
    grpc::Status status;
    absl::Notification done;
    generic.UnaryCall(Context(&context), "/pulumi.service.v1.StacksService/GetStack",
                      grpc::StubOptions(), &request, &response, [&](grpc::Status s) {
                        status = std::move(s);
                        done.Notify();
                      });
    ASSERT_TRUE(done.WaitForNotificationWithTimeout(absl::Seconds(5)));
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(status.error_message(), HasSubstr("not a valid pulumi.service.v1.GetStackRequest"));
    EXPECT_TRUE(upstream_->requests().empty());
  }
}

TEST_F(HostileInputTest, BodyStringsAreJsonEscaped) {
  auto stub = v1::StacksService::NewStub(*channel_);
  for (const Hostile& hostile : HostileValues()) {
    if (hostile.value.empty() || hostile.value.size() > 8192) continue;
    SCOPED_TRACE(hostile.name);
    upstream_->ClearRequests();
    v1::AddStackTagRequest request;
    request.set_org_name("acme-corp");
    request.set_project_name("payments-api");
    request.set_stack_name("prod");
    request.set_name("team");
    request.set_value(hostile.value);
    grpc::ClientContext context;
    v1::AddStackTagResponse response;
    grpc::Status status = stub->AddStackTag(Context(&context), request, &response);
    const std::vector<RecordedRequest> requests = upstream_->requests();
    ASSERT_EQ(requests.size(), 1u) << status.error_message();
    EXPECT_EQ(requests[0].target, "/api/stacks/acme-corp/payments-api/prod/tags");
    nlohmann::json body = nlohmann::json::parse(requests[0].body, nullptr, false);
    ASSERT_FALSE(body.is_discarded()) << requests[0].body;
    EXPECT_EQ(body["value"], hostile.value);
    EXPECT_EQ(body.size(), 2u) << "a value added keys to the body: " << requests[0].body;
  }
}

}  // namespace
}  // namespace pulumi_gateway::testing
