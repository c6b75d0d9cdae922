// Error paths through the real gateway binary: upstream HTTP errors (with Pulumi error bodies,
// plain-text bodies, X-Pulumi-Request-ID and Retry-After), malformed 2xx bodies, an unreachable
// upstream, and requests the gateway must refuse before any upstream call (authorization, empty
// path fields, disallowed update kinds). Each asserts the exact gRPC code, a message substring,
// the google.rpc details, and that the caller's token never shows up in what the client sees.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "pulumi/service/v1/organizations.grpc.pb.h"
#include "pulumi/service/v1/stacks.grpc.pb.h"
#include "pulumi/service/v1/updates.grpc.pb.h"
#include "tests/integration/gateway_call.h"
#include "tests/support/fake_upstream.h"
#include "tests/support/harness.h"

namespace pulumi_gateway::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kToken[] = "pul-9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1xyz";
constexpr char kAuthorization[] = "token pul-9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1xyz";
// The gateway's ErrorInfo.domain is the upstream host.
constexpr char kDomain[] = "127.0.0.1";

constexpr char kStackRequest[] =
    R"({"orgName": "acme-corp", "projectName": "payments-api", "stackName": "prod"})";
constexpr char kUpdateId[] = "3b9e4f1a-6c2d-4e8f-a0b1-c2d3e4f5a6b7";

std::string StackRequestWith(const std::string& more) {
  return std::string(
             R"({"orgName": "acme-corp", "projectName": "payments-api", "stackName": "prod", )") +
         more + "}";
}

// Nothing the client sees may carry the caller's token.
void ExpectNoToken(const grpc::Status& status, const std::string& token = kToken) {
  EXPECT_THAT(status.error_message(), Not(HasSubstr(token)));
  EXPECT_THAT(status.error_details(), Not(HasSubstr(token)));
}

// ---- Fixture: one gateway and one fake upstream for the suite ---------------------------------

class GatewayErrorsFixture : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    upstream_ = new FakeUpstream();
    // Every row maps one upstream answer of one call; the fleet-wide 429 pause would make the
    // rows after a 429 wait out its window (that pause is tested in fleet_throttle_test).
    gateway_ = TestGateway::Start(upstream_->base_url(), [](FlagValues& f) {
                 f.throttle_max_pause = absl::ZeroDuration();
               }).release();
    if (gateway_ != nullptr) stub_ = new grpc::GenericStub(gateway_->channel());
  }
  static void TearDownTestSuite() {
    delete stub_;
    delete gateway_;
    delete upstream_;
    stub_ = nullptr;
    gateway_ = nullptr;
    upstream_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(gateway_, nullptr) << "the gateway did not start";
    upstream_->ClearRequests();
    // Any upstream call in a test that expects none gets a success, so a missing local check
    // shows up as OK instead of some other error.
    upstream_->SetHandler([](const httplib::Request&, httplib::Response& res) {
      res.status = 200;
      res.set_content("{}", "application/json");
    });
  }

  static CallResult Call(const std::string& rpc, const std::string& request,
                         const Metadata& metadata = {{"authorization", kAuthorization}}) {
    const google::protobuf::MethodDescriptor* method = FindMethod(rpc);
    EXPECT_NE(method, nullptr) << rpc;
    return CallGateway(*stub_, method, request, metadata);
  }

  static FakeUpstream* upstream_;
  static TestGateway* gateway_;
  static grpc::GenericStub* stub_;
};

FakeUpstream* GatewayErrorsFixture::upstream_ = nullptr;
TestGateway* GatewayErrorsFixture::gateway_ = nullptr;
grpc::GenericStub* GatewayErrorsFixture::stub_ = nullptr;

// ---- Upstream HTTP errors ---------------------------------------------------------------------

struct HttpErrorRow {
  std::string name;
  std::string rpc;
  std::string request;
  // The upstream answer.
  int http_status = 0;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  // Expected.
  grpc::StatusCode code = grpc::StatusCode::OK;
  std::string message;  // substring of the status message
  std::string reason;   // ErrorInfo.reason
  // ErrorInfo metadata beyond http_status / request_id / gateway_request_id.
  std::map<std::string, std::string> metadata;
  // RetryInfo.retry_delay in seconds; unset: no RetryInfo.
  std::optional<int> retry_seconds;
};

void PrintTo(const HttpErrorRow& row, std::ostream* os) { *os << row.name; }

constexpr char kPulumiRequestId[] = "X-Pulumi-Request-ID";

std::vector<HttpErrorRow> HttpErrorRows() {
  using grpc::StatusCode;
  std::vector<HttpErrorRow> rows;
  rows.push_back({"BadRequest_DeleteStackWithResources",
                  "StacksService.DeleteStack",
                  kStackRequest,
                  400,
                  R"({"code": 400, "message": "Bad Request: Stack still contains resources."})",
                  "application/json",
                  {{kPulumiRequestId, "b1f0c9a8-7e6d-4c5b-9a4f-3e2d1c0b9a87"}},
                  StatusCode::INVALID_ARGUMENT,
                  "Bad Request: Stack still contains resources.",
                  "HTTP_400",
                  {},
                  std::nullopt});
  rows.push_back(
      {"Unauthorized_GetStack",
       "StacksService.GetStack",
       kStackRequest,
       401,
       R"({"code": 401, "message": "Unauthorized: No credentials provided or are invalid."})",
       "application/json",
       {},
       StatusCode::UNAUTHENTICATED,
       "Unauthorized: No credentials provided or are invalid.",
       "HTTP_401",
       {},
       std::nullopt});
  // SAML re-auth errors name the organization in `attribute`.
  rows.push_back({"Unauthorized_SamlReauth",
                  "OrganizationsService.ListMembers",
                  R"({"orgName": "acme-corp"})",
                  401,
                  R"({"code": 401, "message": "Unauthorized: SAML re-authentication required.",
                      "errors": [{"resource": "organization", "attribute": "acme-corp",
                                  "errorType": "saml_reauth_required"}]})",
                  "application/json",
                  {},
                  StatusCode::UNAUTHENTICATED,
                  "SAML re-authentication required",
                  "SAML_REAUTH_REQUIRED",
                  {{"resource", "organization"}, {"attribute", "acme-corp"}},
                  std::nullopt});
  rows.push_back(
      {"Forbidden_ListAuditLogEvents",
       "OrganizationsService.ListAuditLogEvents",
       R"({"orgName": "acme-corp", "startTime": 1754300200})",
       403,
       R"({"code": 403, "message": "Forbidden: only organization admins can view audit logs"})",
       "application/json",
       {{kPulumiRequestId, "req-403-7d1e"}},
       StatusCode::PERMISSION_DENIED,
       "Forbidden: only organization admins can view audit logs",
       "HTTP_403",
       {},
       std::nullopt});
  rows.push_back({"NotFound_GetTeamWithErrorDetails",
                  "OrganizationsService.GetTeam",
                  R"({"orgName": "acme-corp", "teamName": "ghost"})",
                  404,
                  R"({"code": 404, "message": "Not Found: team 'ghost' not found",
                      "errors": [{"resource": "team", "attribute": "ghost", "errorType": "not_found"}]})",
                  "application/json",
                  {},
                  StatusCode::NOT_FOUND,
                  "Not Found: team 'ghost' not found",
                  "NOT_FOUND",
                  {{"resource", "team"}, {"attribute", "ghost"}},
                  std::nullopt});
  // Router-level 404s come as plain text.
  rows.push_back({"NotFound_PlainText",
                  "StackUpdatesService.GetLatestUpdate",
                  kStackRequest,
                  404,
                  "404 page not found\n",
                  "text/plain; charset=utf-8",
                  {},
                  StatusCode::NOT_FOUND,
                  "404 page not found",
                  "HTTP_404",
                  {},
                  std::nullopt});
  constexpr char kConflictBody[] =
      R"({"code": 409, "message": "Conflict: Another update is currently in progress.",
          "documentationUrl": "https://www.pulumi.com/docs/support/troubleshooting/",
          "errors": [{"resource": "stack", "attribute": "payments-api/prod", "errorType": "custom",
                      "customMessage": "update 3b9e4f1a-6c2d-4e8f-a0b1-c2d3e4f5a6b7 is running"}]})";
  const std::map<std::string, std::string> conflict_metadata = {
      {"resource", "stack"},
      {"attribute", "payments-api/prod"},
      {"detail", "update 3b9e4f1a-6c2d-4e8f-a0b1-c2d3e4f5a6b7 is running"},
      {"documentation_url", "https://www.pulumi.com/docs/support/troubleshooting/"}};
  rows.push_back({"Conflict_DeleteStackIsAborted",
                  "StacksService.DeleteStack",
                  kStackRequest,
                  409,
                  kConflictBody,
                  "application/json",
                  {{kPulumiRequestId, "c0ffee00-1234-4abc-8def-0123456789ab"}},
                  StatusCode::ABORTED,
                  "Conflict: Another update is currently in progress.",
                  "CUSTOM",
                  conflict_metadata,
                  std::nullopt});
  rows.push_back({"Conflict_ReplaceStackTagsIsAborted",
                  "StacksService.ReplaceStackTags",
                  StackRequestWith(R"("tags": {"team": "payments"})"),
                  409,
                  kConflictBody,
                  "application/json",
                  {},
                  StatusCode::ABORTED,
                  "Conflict: Another update is currently in progress.",
                  "CUSTOM",
                  conflict_metadata,
                  std::nullopt});
  rows.push_back(
      {"Conflict_CancelUpdateIsAborted",
       "StackUpdatesService.CancelUpdate",
       StackRequestWith(std::string(R"("kind": "update", "updateId": ")") + kUpdateId + "\""),
       409,
       R"({"code": 409, "message": "Conflict: the update has not started"})",
       "application/json",
       {},
       StatusCode::ABORTED,
       "Conflict: the update has not started",
       "HTTP_409",
       {},
       std::nullopt});
  rows.push_back(
      {"Conflict_CreateStackAlreadyExists",
       "StacksService.CreateStack",
       R"({"orgName": "acme-corp", "projectName": "payments-api", "stackName": "prod"})",
       409,
       R"({"code": 409, "message": "Conflict: stack 'acme-corp/payments-api/prod' already exists",
                      "errors": [{"resource": "stack", "attribute": "prod", "errorType": "already_exists"}]})",
       "application/json",
       {},
       StatusCode::ALREADY_EXISTS,
       "stack 'acme-corp/payments-api/prod' already exists",
       "ALREADY_EXISTS",
       {{"resource", "stack"}, {"attribute", "prod"}},
       std::nullopt});
  rows.push_back({"Conflict_CreateTeamAlreadyExists",
                  "OrganizationsService.CreateTeam",
                  R"({"orgName": "acme-corp", "name": "payments", "displayName": "Payments"})",
                  409,
                  R"({"code": 409, "message": "Conflict: team 'payments' already exists"})",
                  "application/json",
                  {},
                  StatusCode::ALREADY_EXISTS,
                  "Conflict: team 'payments' already exists",
                  "HTTP_409",
                  {},
                  std::nullopt});
  rows.push_back(
      {"Conflict_AddMemberAlreadyExists",
       "OrganizationsService.AddMember",
       R"({"orgName": "acme-corp", "userLogin": "rkumar", "role": "member"})",
       409,
       R"({"code": 409, "message": "Conflict: rkumar is already a member of acme-corp"})",
       "application/json",
       {{kPulumiRequestId, "req-409-member"}},
       StatusCode::ALREADY_EXISTS,
       "Conflict: rkumar is already a member of acme-corp",
       "HTTP_409",
       {},
       std::nullopt});
  // Rate limits come from the WAF, often with an empty body.
  rows.push_back({"RateLimited_RetryAfter",
                  "StacksService.ListStacks",
                  R"({"organization": "acme-corp"})",
                  429,
                  "",
                  "",
                  {{"Retry-After", "7"}},
                  StatusCode::RESOURCE_EXHAUSTED,
                  "HTTP 429",
                  "HTTP_429",
                  {},
                  7});
  rows.push_back({"RateLimited_NoRetryAfter",
                  "StacksService.ListStacks",
                  R"({"organization": "acme-corp"})",
                  429,
                  R"({"code": 429, "message": "Too Many Requests"})",
                  "application/json",
                  {},
                  StatusCode::RESOURCE_EXHAUSTED,
                  "Too Many Requests",
                  "HTTP_429",
                  {},
                  std::nullopt});
  rows.push_back({"InternalServerError",
                  "StacksService.GetStack",
                  kStackRequest,
                  500,
                  R"({"code": 500, "message": "Internal Server Error"})",
                  "application/json",
                  // Retry-After on a 500 is not a retry hint the gateway passes on.
                  {{kPulumiRequestId, "req-500-5e4d3c"}, {"Retry-After", "5"}},
                  StatusCode::INTERNAL,
                  "Internal Server Error",
                  "HTTP_500",
                  {},
                  std::nullopt});
  rows.push_back({"BadGateway_Html",
                  "StackUpdatesService.ListUpdates",
                  kStackRequest,
                  502,
                  "<html><body><h1>502 Bad Gateway</h1></body></html>\n",
                  "text/html",
                  {},
                  StatusCode::UNAVAILABLE,
                  "502 Bad Gateway",
                  "HTTP_502",
                  {},
                  std::nullopt});
  rows.push_back({"Unavailable_RetryAfter",
                  "OrganizationsService.ListTeams",
                  R"({"orgName": "acme-corp"})",
                  503,
                  R"({"code": 503, "message": "Service Unavailable: maintenance in progress"})",
                  "application/json",
                  {{"Retry-After", "30"}},
                  StatusCode::UNAVAILABLE,
                  "Service Unavailable: maintenance in progress",
                  "HTTP_503",
                  {},
                  30});
  rows.push_back({"Unavailable_NoRetryAfter",
                  "OrganizationsService.ListTeams",
                  R"({"orgName": "acme-corp"})",
                  503,
                  "",
                  "",
                  {},
                  StatusCode::UNAVAILABLE,
                  "HTTP 503",
                  "HTTP_503",
                  {},
                  std::nullopt});
  rows.push_back({"GatewayTimeout",
                  "StacksService.ExportStack",
                  kStackRequest,
                  504,
                  "upstream request timeout",
                  "text/plain",
                  {},
                  StatusCode::DEADLINE_EXCEEDED,
                  "upstream request timeout",
                  "HTTP_504",
                  {},
                  std::nullopt});
  return rows;
}

class GatewayHttpErrorTest : public GatewayErrorsFixture,
                             public ::testing::WithParamInterface<HttpErrorRow> {};

TEST_P(GatewayHttpErrorTest, MapsStatusMessageAndDetails) {
  const HttpErrorRow& row = GetParam();
  upstream_->SetHandler([row](const httplib::Request&, httplib::Response& res) {
    res.status = row.http_status;
    for (const auto& [name, value] : row.headers) res.set_header(name, value);
    if (!row.body.empty()) res.set_content(row.body, row.content_type);
  });

  CallResult result = Call(row.rpc, row.request);

  // The design allows retrying idempotent calls on 429/502/503/504 within the deadline; nothing
  // else may be sent twice.
  const bool retryable = row.http_status == 429 || row.http_status >= 502;
  const size_t sent = upstream_->requests().size();
  if (retryable) {
    EXPECT_GE(sent, 1u);
  } else {
    EXPECT_EQ(sent, 1u) << "the gateway must not retry HTTP " << row.http_status;
  }
  EXPECT_EQ(result.status.error_code(), row.code) << result.status.error_message();
  EXPECT_THAT(result.status.error_message(), HasSubstr(row.message));
  EXPECT_THAT(result.status.error_message(), HasSubstr(absl::StrCat("HTTP ", row.http_status)));
  ExpectNoToken(result.status);
  ASSERT_FALSE(result.request_id.empty()) << "no x-request-id initial metadata on an error";

  const ErrorDetails details = DecodeDetails(result.status);
  ASSERT_TRUE(details.present) << "no google.rpc.Status in grpc-status-details-bin";
  EXPECT_EQ(details.code, static_cast<int>(row.code));
  EXPECT_EQ(details.message, result.status.error_message());
  ASSERT_TRUE(details.error_info.has_value()) << "no google.rpc.ErrorInfo";
  const ErrorInfoView& info = *details.error_info;
  EXPECT_EQ(info.reason, row.reason);
  EXPECT_EQ(info.domain, kDomain);

  std::map<std::string, std::string> expected = row.metadata;
  expected["http_status"] = absl::StrCat(row.http_status);
  expected["gateway_request_id"] = result.request_id;
  expected["request_id"] = result.request_id;
  for (const auto& [name, value] : row.headers) {
    if (name == kPulumiRequestId) expected["request_id"] = value;
  }
  EXPECT_EQ(info.metadata, expected);

  if (row.retry_seconds.has_value()) {
    ASSERT_TRUE(details.retry_delay.has_value()) << "no google.rpc.RetryInfo";
    EXPECT_EQ(details.retry_delay->seconds(), *row.retry_seconds);
    EXPECT_EQ(details.retry_delay->nanos(), 0);
  } else {
    EXPECT_FALSE(details.retry_delay.has_value())
        << "unexpected RetryInfo of " << details.retry_delay->seconds() << " s";
  }
}

INSTANTIATE_TEST_SUITE_P(Upstream, GatewayHttpErrorTest, ::testing::ValuesIn(HttpErrorRows()),
                         [](const ::testing::TestParamInfo<HttpErrorRow>& info) {
                           return info.param.name;
                         });

// ---- Other upstream failures --------------------------------------------------------------------

class GatewayErrorsTest : public GatewayErrorsFixture {};

// An upstream message that echoes the caller's token is redacted before it reaches the client.
TEST_F(GatewayErrorsTest, UpstreamMessageEchoingTheTokenIsRedacted) {
  upstream_->SetHandler([](const httplib::Request&, httplib::Response& res) {
    res.status = 401;
    res.set_content(absl::StrCat(R"({"code": 401, "message": "Unauthorized: token )", kToken,
                                 R"( has been revoked", "errors": [{"resource": "token",
                                 "attribute": ")",
                                 kToken, R"(", "errorType": "invalid"}]})"),
                    "application/json");
  });
  CallResult result = Call("StacksService.GetStack", kStackRequest);
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(result.status.error_message(), HasSubstr("Unauthorized: token"));
  EXPECT_THAT(result.status.error_message(), HasSubstr("has been revoked"));
  ExpectNoToken(result.status);
  const ErrorDetails details = DecodeDetails(result.status);
  ASSERT_TRUE(details.error_info.has_value());
  EXPECT_EQ(details.error_info->reason, "INVALID");
  EXPECT_THAT(details.error_info->metadata.at("attribute"), Not(HasSubstr(kToken)));
}

// A large raw error body is cut to a short message.
TEST_F(GatewayErrorsTest, LargeErrorBodyIsCappedInTheMessage) {
  const std::string html = "<html><head><title>500 Internal Server Error</title></head>" +
                           std::string(20000, 'x') + "</html>";
  upstream_->SetHandler([html](const httplib::Request&, httplib::Response& res) {
    res.status = 500;
    res.set_content(html, "text/html");
  });
  CallResult result = Call("StacksService.GetStack", kStackRequest);
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_THAT(result.status.error_message(), HasSubstr("500 Internal Server Error"));
  EXPECT_LT(result.status.error_message().size(), 400u);
}

TEST_F(GatewayErrorsTest, MalformedJsonOnSuccessIsInternal) {
  upstream_->SetHandler([](const httplib::Request&, httplib::Response& res) {
    res.status = 200;
    // Truncated mid-object, as a dropped connection behind a proxy leaves it.
    res.set_content(
        R"({"id": "5f0d2c7e-8a1b-4c3d-9e2f-0a1b2c3d4e5f", "orgName": "acme-corp", "proj)",
        "application/json");
  });
  CallResult result = Call("StacksService.GetStack", kStackRequest);
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_THAT(result.status.error_message(), HasSubstr("not valid JSON"));
  EXPECT_THAT(result.status.error_message(), HasSubstr("GetStack"));
  ExpectNoToken(result.status);
  EXPECT_EQ(upstream_->requests().size(), 1u);
}

TEST_F(GatewayErrorsTest, HtmlOnSuccessIsInternal) {
  upstream_->SetHandler([](const httplib::Request&, httplib::Response& res) {
    res.status = 200;
    res.set_content("<!DOCTYPE html><html><body>Sign in to Pulumi</body></html>", "text/html");
  });
  CallResult result = Call("OrganizationsService.ListTeams", R"({"orgName": "acme-corp"})");
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_THAT(result.status.error_message(), HasSubstr("not valid JSON"));
  EXPECT_THAT(result.status.error_message(), HasSubstr("text/html"));
}

TEST_F(GatewayErrorsTest, JsonArrayOnSuccessIsInternal) {
  upstream_->SetHandler([](const httplib::Request&, httplib::Response& res) {
    res.status = 200;
    res.set_content(R"([{"id": "5f0d2c7e-8a1b-4c3d-9e2f-0a1b2c3d4e5f", "orgName": "acme-corp"}])",
                    "application/json");
  });
  CallResult list = Call("StacksService.ListStacks", R"({"organization": "acme-corp"})");
  EXPECT_EQ(list.status.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_THAT(list.status.error_message(), HasSubstr("array"));
  ExpectNoToken(list.status);

  // A response_body route wraps the body in a message field: an array cannot be a Stack.
  CallResult get = Call("StacksService.GetStack", kStackRequest);
  EXPECT_EQ(get.status.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_THAT(get.status.error_message(), HasSubstr("does not match the API"));
  EXPECT_EQ(upstream_->requests().size(), 2u);
}

TEST_F(GatewayErrorsTest, WrongJsonTypeOnSuccessIsInternal) {
  upstream_->SetHandler([](const httplib::Request&, httplib::Response& res) {
    res.status = 200;
    res.set_content(R"({"resourceCount": "many", "version": 42})", "application/json");
  });
  CallResult result = Call("StacksService.GetStackResourceCount", kStackRequest);
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_THAT(result.status.error_message(), HasSubstr("does not match the API"));
}

// Bind a port and close it again: nothing listens there afterwards.
int ClosedPort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  EXPECT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  socklen_t length = sizeof(addr);
  EXPECT_EQ(getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length), 0);
  close(fd);
  return ntohs(addr.sin_port);
}

TEST(GatewayUnreachableTest, ConnectionRefusedIsUnavailable) {
  auto gateway = TestGateway::Start(absl::StrCat("http://127.0.0.1:", ClosedPort()));
  ASSERT_NE(gateway, nullptr);
  grpc::GenericStub stub(gateway->channel());
  for (const char* rpc : {"StacksService.GetStack", "StacksService.DeleteStack"}) {
    SCOPED_TRACE(rpc);
    CallResult result =
        CallGateway(stub, FindMethod(rpc), kStackRequest, {{"authorization", kAuthorization}});
    EXPECT_EQ(result.status.error_code(), grpc::StatusCode::UNAVAILABLE)
        << result.status.error_message();
    EXPECT_THAT(result.status.error_message(), HasSubstr("upstream unreachable"));
    EXPECT_FALSE(result.request_id.empty());
    ExpectNoToken(result.status);
  }
}

// ---- Refused before any upstream call -----------------------------------------------------------

TEST_F(GatewayErrorsTest, MissingAuthorizationIsUnauthenticatedWithoutUpstreamCall) {
  for (const char* rpc : {"StacksService.GetStack", "StacksService.DeleteStack"}) {
    SCOPED_TRACE(rpc);
    CallResult result = Call(rpc, kStackRequest, {{"x-pulumi-token", kToken}});
    EXPECT_EQ(result.status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
    EXPECT_THAT(result.status.error_message(), HasSubstr("missing authorization metadata"));
    ExpectNoToken(result.status);
    EXPECT_FALSE(result.request_id.empty());
  }
  EXPECT_EQ(upstream_->requests().size(), 0u);
}

TEST_F(GatewayErrorsTest, MalformedAuthorizationIsUnauthenticatedWithoutUpstreamCall) {
  struct Case {
    std::string authorization;
    std::string message;
    // A secret in the value that must not be echoed.
    std::string secret;
  };
  const std::string long_token = "pul-" + std::string(1100, 'a');
  const std::vector<Case> cases = {
      {"Basic cHVsLXNlY3JldDpodW50ZXIy", "must be \"token <pulumi-access-token>\"",
       "cHVsLXNlY3JldDpodW50ZXIy"},
      {"token ", "must be \"token <pulumi-access-token>\"", ""},
      {"Bearer", "must be \"token <pulumi-access-token>\"", ""},
      {"", "must be \"token <pulumi-access-token>\"", ""},
      {kToken, "must be \"token <pulumi-access-token>\"", kToken},
      {"tokenpul-4a5b6c7d8e9f", "must be \"token <pulumi-access-token>\"", "pul-4a5b6c7d8e9f"},
      {"token pul-4a5b6c7d 8e9f0a1b", "invalid access token", "pul-4a5b6c7d"},
      {"Bearer " + long_token, "longer than 1024", long_token.substr(0, 64)},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("authorization: \"" + c.authorization.substr(0, 80) + "\"");
    CallResult result =
        Call("StacksService.GetStack", kStackRequest, {{"authorization", c.authorization}});
    EXPECT_EQ(result.status.error_code(), grpc::StatusCode::UNAUTHENTICATED)
        << result.status.error_message();
    EXPECT_THAT(result.status.error_message(), HasSubstr(c.message));
    if (!c.secret.empty()) ExpectNoToken(result.status, c.secret);
  }
  EXPECT_EQ(upstream_->requests().size(), 0u);
}

TEST_F(GatewayErrorsTest, EmptyRequiredPathFieldIsInvalidArgumentWithoutUpstreamCall) {
  struct Case {
    std::string rpc;
    std::string request;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"StacksService.GetStack", R"({"orgName": "acme-corp", "projectName": "payments-api"})",
       "field \"stackName\" is required"},
      {"StacksService.DeleteStack",
       R"({"orgName": "", "projectName": "payments-api", "stackName": "prod", "force": true})",
       "field \"orgName\" is required"},
      {"StacksService.DeleteStackTag", kStackRequest, "field \"tagName\" is required"},
      {"StackUpdatesService.GetUpdateStatus", StackRequestWith(R"("kind": "update")"),
       "field \"updateId\" is required"},
      {"OrganizationsService.AddMember", R"({"orgName": "acme-corp", "role": "admin"})",
       "field \"userLogin\" is required"},
      {"OrganizationsService.RemoveTeamMember", R"({"orgName": "acme-corp", "member": "rkumar"})",
       "field \"teamName\" is required"},
      {"OrganizationsService.ListMembers", "{}", "field \"orgName\" is required"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.rpc);
    CallResult result = Call(c.rpc, c.request);
    EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
        << result.status.error_message();
    EXPECT_THAT(result.status.error_message(), HasSubstr(c.message));
    ExpectNoToken(result.status);
  }
  EXPECT_EQ(upstream_->requests().size(), 0u);
}

// "." and ".." are valid segment text but would change the route once a server normalises the
// path.
TEST_F(GatewayErrorsTest, DotSegmentsAreInvalidArgumentWithoutUpstreamCall) {
  for (const char* stack : {".", ".."}) {
    SCOPED_TRACE(stack);
    CallResult result = Call(
        "StacksService.GetStack",
        absl::StrCat(R"({"orgName": "acme-corp", "projectName": "payments-api", "stackName": ")",
                     stack, "\"}"));
    EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(result.status.error_message(), HasSubstr("\"stackName\""));
  }
  EXPECT_EQ(upstream_->requests().size(), 0u);
}

// proto3 cannot tell an unset int64 from 0, and update versions start at 1: an unset `version`
// is an empty required path field and must not turn into ".../updates/0".
TEST_F(GatewayErrorsTest, UnsetVersionPathFieldIsInvalidArgumentWithoutUpstreamCall) {
  for (const char* rpc : {"StackUpdatesService.GetUpdate", "StacksService.ExportStackAtVersion"}) {
    SCOPED_TRACE(rpc);
    CallResult result = Call(rpc, kStackRequest);
    EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
        << result.status.error_message();
    EXPECT_THAT(result.status.error_message(), HasSubstr("\"version\""));
  }
  const auto requests = upstream_->requests();
  EXPECT_EQ(requests.size(), 0u) << "first upstream target: "
                                 << (requests.empty() ? "" : requests[0].target);
}

TEST_F(GatewayErrorsTest, KindOutsideAllowedValuesIsInvalidArgumentWithoutUpstreamCall) {
  const std::vector<std::string> rpcs = {"StackUpdatesService.GetUpdateStatus",
                                         "StackUpdatesService.ListUpdateEvents",
                                         "StackUpdatesService.CancelUpdate"};
  // `rename` and `import` are update kinds, but have no status route; the rest would steer the
  // request elsewhere.
  const std::vector<std::string> kinds = {
      "rename", "import", "Update", "", "updates", "update/../../../../user/stacks", "export"};
  for (const std::string& rpc : rpcs) {
    for (const std::string& kind : kinds) {
      SCOPED_TRACE(rpc + " kind \"" + kind + "\"");
      CallResult result =
          Call(rpc, StackRequestWith(absl::StrCat(R"("kind": ")", kind, R"(", "updateId": ")",
                                                  kUpdateId, "\"")));
      EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
          << result.status.error_message();
      EXPECT_THAT(result.status.error_message(), HasSubstr("\"kind\""));
      // A path field is REQUIRED: empty is missing, anything else must be a listed kind.
      EXPECT_THAT(result.status.error_message(),
                  HasSubstr(kind.empty() ? "is required" : "update, preview, refresh, destroy"));
      ExpectNoToken(result.status);
    }
  }
  EXPECT_EQ(upstream_->requests().size(), 0u);
}

// Local refusals still return the call's request id, so a client can quote it.
TEST_F(GatewayErrorsTest, LocalRefusalsCarryTheRequestId) {
  CallResult result =
      Call("StacksService.GetStack", kStackRequest, {{"x-request-id", "trace-local-refusal-1"}});
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(result.request_id, "trace-local-refusal-1");
  EXPECT_EQ(upstream_->requests().size(), 0u);
}

}  // namespace
}  // namespace pulumi_gateway::testing
