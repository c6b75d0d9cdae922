#include "gateway/status/upstream_error.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"

#include "absl/strings/cord.h"
#include "absl/time/civil_time.h"
#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kDomain[] = "api.pulumi.com";
constexpr char kGatewayId[] = "gw-7f3a";

UpstreamErrorContext Context(ConflictMeaning conflict = ConflictMeaning::kAborted) {
  UpstreamErrorContext context;
  context.conflict = conflict;
  context.domain = kDomain;
  context.request_id = kGatewayId;
  context.now = absl::FromCivil(absl::CivilSecond(2026, 10, 21, 7, 27, 0), absl::UTCTimeZone());
  return context;
}

HttpResponse Response(int status, std::string body, HttpHeaders headers = {}) {
  HttpResponse response;
  response.status = status;
  response.body = std::move(body);
  response.headers = std::move(headers);
  return response;
}

std::optional<google::rpc::ErrorInfo> ErrorInfoOf(const absl::Status& status) {
  auto payload = status.GetPayload(kErrorInfoTypeUrl);
  if (!payload.has_value()) return std::nullopt;
  google::rpc::ErrorInfo info;
  if (!info.ParseFromString(std::string(*payload))) return std::nullopt;
  return info;
}

std::optional<google::rpc::RetryInfo> RetryInfoOf(const absl::Status& status) {
  auto payload = status.GetPayload(kRetryInfoTypeUrl);
  if (!payload.has_value()) return std::nullopt;
  google::rpc::RetryInfo info;
  if (!info.ParseFromString(std::string(*payload))) return std::nullopt;
  return info;
}

std::string Message(const absl::Status& status) { return std::string(status.message()); }

TEST(UpstreamHttpErrorTest, JsonErrorBodyBecomesMessageAndErrorInfo) {
  const absl::Status status = UpstreamHttpError(
      Response(409,
               R"({"code": 409, "message": "Conflict: Another update is currently in progress.",
                   "documentationUrl": "https://www.pulumi.com/docs/support/troubleshooting/",
                   "errors": [{"resource": "stack", "attribute": "payments-api/prod",
                               "errorType": "custom",
                               "customMessage": "update 3b9e4f1a is running"}]})",
               {{"Content-Type", "application/json"}, {"X-Pulumi-Request-ID", "upstream-42"}}),
      Context());
  EXPECT_EQ(status.code(), absl::StatusCode::kAborted);
  EXPECT_EQ(Message(status), "Conflict: Another update is currently in progress. (HTTP 409)");

  std::optional<google::rpc::ErrorInfo> info = ErrorInfoOf(status);
  ASSERT_TRUE(info.has_value());
  EXPECT_EQ(info->reason(), "CUSTOM");
  EXPECT_EQ(info->domain(), kDomain);
  const auto& m = info->metadata();
  EXPECT_EQ(m.at("http_status"), "409");
  EXPECT_EQ(m.at("request_id"), "upstream-42");
  EXPECT_EQ(m.at("gateway_request_id"), kGatewayId);
  EXPECT_EQ(m.at("documentation_url"), "https://www.pulumi.com/docs/support/troubleshooting/");
  EXPECT_EQ(m.at("resource"), "stack");
  EXPECT_EQ(m.at("attribute"), "payments-api/prod");
  EXPECT_EQ(m.at("detail"), "update 3b9e4f1a is running");
  // 409 carries no retry advice.
  EXPECT_FALSE(RetryInfoOf(status).has_value());
}

TEST(UpstreamHttpErrorTest, ConflictOnACreateMethodIsAlreadyExists) {
  const absl::Status status =
      UpstreamHttpError(Response(409, R"({"code": 409, "message": "Conflict: stack already exists",
                        "errors": [{"resource": "stack", "errorType": "already_exists"}]})"),
                        Context(ConflictMeaning::kAlreadyExists));
  EXPECT_EQ(status.code(), absl::StatusCode::kAlreadyExists);
  ASSERT_TRUE(ErrorInfoOf(status).has_value());
  EXPECT_EQ(ErrorInfoOf(status)->reason(), "ALREADY_EXISTS");
}

TEST(UpstreamHttpErrorTest, WithoutUpstreamIdOrErrorsTheGatewayIdAndStatusAreUsed) {
  const absl::Status status = UpstreamHttpError(
      Response(400, R"({"code": 400, "message": "Bad Request: Stack still contains resources."})"),
      Context());
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Message(status), "Bad Request: Stack still contains resources. (HTTP 400)");
  std::optional<google::rpc::ErrorInfo> info = ErrorInfoOf(status);
  ASSERT_TRUE(info.has_value());
  EXPECT_EQ(info->reason(), "HTTP_400");
  EXPECT_EQ(info->metadata().at("request_id"), kGatewayId);
  EXPECT_EQ(info->metadata().at("http_status"), "400");
  // Empty values are left out rather than sent as "".
  EXPECT_FALSE(info->metadata().contains("documentation_url"));
  EXPECT_FALSE(info->metadata().contains("resource"));
}

TEST(UpstreamHttpErrorTest, ReasonIsTheUpperCasedErrorType) {
  const absl::Status status = UpstreamHttpError(
      Response(404, R"({"code": 404, "message": "Not Found: stack 'prod' not found",
                        "errors": [{"resource": "stack", "errorType": "not_found"}]})"),
      Context());
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  ASSERT_TRUE(ErrorInfoOf(status).has_value());
  EXPECT_EQ(ErrorInfoOf(status)->reason(), "NOT_FOUND");
}

TEST(UpstreamHttpErrorTest, HeaderNamesAreCaseInsensitive) {
  const absl::Status status = UpstreamHttpError(
      Response(500, R"({"message": "boom"})", {{"x-pulumi-request-id", "abc"}}), Context());
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  ASSERT_TRUE(ErrorInfoOf(status).has_value());
  EXPECT_EQ(ErrorInfoOf(status)->metadata().at("request_id"), "abc");
}

TEST(UpstreamHttpErrorTest, PlainTextBodyUsesItsFirstLine) {
  const absl::Status status = UpstreamHttpError(
      Response(404, "404 page not found\nrouter: no route\n", {{"Content-Type", "text/plain"}}),
      Context());
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(Message(status), "404 page not found (HTTP 404)");
  ASSERT_TRUE(ErrorInfoOf(status).has_value());
  EXPECT_EQ(ErrorInfoOf(status)->reason(), "HTTP_404");
  EXPECT_EQ(ErrorInfoOf(status)->metadata().at("http_status"), "404");
}

TEST(UpstreamHttpErrorTest, EmptyOrUselessBodySaysWhatTheUpstreamAnswered) {
  for (const char* body : {"", "[]", "\"oops\"", "{}", "{\"message\": 42}"}) {
    SCOPED_TRACE(body);
    const absl::Status status = UpstreamHttpError(Response(502, body), Context());
    EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
    EXPECT_EQ(Message(status), "upstream answered HTTP 502");
    ASSERT_TRUE(ErrorInfoOf(status).has_value());
    EXPECT_EQ(ErrorInfoOf(status)->reason(), "HTTP_502");
  }
}

TEST(UpstreamHttpErrorTest, RateLimitWithRetryAfterSecondsCarriesRetryInfo) {
  const absl::Status status =
      UpstreamHttpError(Response(429, "", {{"Retry-After", "7"}}), Context());
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
  std::optional<google::rpc::RetryInfo> retry = RetryInfoOf(status);
  ASSERT_TRUE(retry.has_value());
  EXPECT_EQ(retry->retry_delay().seconds(), 7);
  EXPECT_EQ(retry->retry_delay().nanos(), 0);
  EXPECT_TRUE(ErrorInfoOf(status).has_value());
}

TEST(UpstreamHttpErrorTest, RateLimitWithRetryAfterDateCarriesRetryInfo) {
  // Context().now is Wed, 21 Oct 2026 07:27:00 GMT.
  const absl::Status status =
      UpstreamHttpError(Response(429, R"({"code": 429, "message": "Too Many Requests"})",
                                 {{"retry-after", "Wed, 21 Oct 2026 07:28:30 GMT"}}),
                        Context());
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(Message(status), "Too Many Requests (HTTP 429)");
  std::optional<google::rpc::RetryInfo> retry = RetryInfoOf(status);
  ASSERT_TRUE(retry.has_value());
  EXPECT_EQ(retry->retry_delay().seconds(), 90);
}

TEST(UpstreamHttpErrorTest, UnavailableWithRetryAfterCarriesRetryInfo) {
  const absl::Status status =
      UpstreamHttpError(Response(503, "", {{"Retry-After", "30"}}), Context());
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
  ASSERT_TRUE(RetryInfoOf(status).has_value());
  EXPECT_EQ(RetryInfoOf(status)->retry_delay().seconds(), 30);
}

TEST(UpstreamHttpErrorTest, NoRetryInfoWithoutAUsableRetryAfterOrOnOtherStatuses) {
  EXPECT_FALSE(RetryInfoOf(UpstreamHttpError(Response(429, ""), Context())).has_value());
  EXPECT_FALSE(
      RetryInfoOf(UpstreamHttpError(Response(429, "", {{"Retry-After", "soon"}}), Context()))
          .has_value());
  EXPECT_FALSE(RetryInfoOf(UpstreamHttpError(Response(500, "", {{"Retry-After", "5"}}), Context()))
                   .has_value());
  EXPECT_FALSE(RetryInfoOf(UpstreamHttpError(Response(502, "", {{"Retry-After", "5"}}), Context()))
                   .has_value());
}

TEST(UpstreamHttpErrorTest, TokensInUpstreamTextAreRedacted) {
  const absl::Status json = UpstreamHttpError(
      Response(401, R"({"code": 401, "message": "Unauthorized: token pul-abc123 is invalid",
                        "errors": [{"resource": "token", "attribute": "pul-abc123",
                                    "errorType": "invalid",
                                    "customMessage": "pul-abc123 expired"}]})",
               {{"X-Pulumi-Request-ID", "pul-abc123"}}),
      Context());
  EXPECT_EQ(json.code(), absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(Message(json), "Unauthorized: token pul-[REDACTED] is invalid (HTTP 401)");
  std::optional<google::rpc::ErrorInfo> info = ErrorInfoOf(json);
  ASSERT_TRUE(info.has_value());
  for (const auto& [key, value] : info->metadata()) {
    SCOPED_TRACE(key);
    EXPECT_THAT(value, Not(HasSubstr("abc123")));
  }
  EXPECT_EQ(info->metadata().at("detail"), "pul-[REDACTED] expired");

  const absl::Status text =
      UpstreamHttpError(Response(403, "forbidden for pul-abc123\n"), Context());
  EXPECT_EQ(text.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(Message(text), "forbidden for pul-[REDACTED] (HTTP 403)");
}

TEST(UpstreamHttpErrorTest, LongMessagesAreCappedAndControlCharactersRemoved) {
  const std::string long_message(5000, 'x');
  const absl::Status status =
      UpstreamHttpError(Response(400, "{\"message\": \"" + long_message + "\"}"), Context());
  EXPECT_LE(Message(status).size(), 300u + 3u + std::string(" (HTTP 400)").size());
  EXPECT_THAT(Message(status), HasSubstr("... (HTTP 400)"));

  const absl::Status injected =
      UpstreamHttpError(Response(400, R"({"message": "bad\r\nX-Injected: 1"})"), Context());
  EXPECT_EQ(Message(injected), "bad  X-Injected: 1 (HTTP 400)");
}

// A token-like value ("pul-" + 40 hex digits) built at run time, so none is committed.
std::string PlantedToken() {
  std::string token = "pul-";
  for (int i = 0; i < 40; ++i) token.push_back("0123456789abcdef"[(i * 7 + 3) % 16]);
  return token;
}

// Every string the caller can see: the message, and each ErrorInfo and RetryInfo field.
std::vector<std::string> CallerVisibleText(const absl::Status& status) {
  std::vector<std::string> text = {std::string(status.message())};
  if (std::optional<google::rpc::ErrorInfo> info = ErrorInfoOf(status)) {
    text.push_back(info->reason());
    text.push_back(info->domain());
    for (const auto& [key, value] : info->metadata()) {
      text.push_back(key);
      text.push_back(value);
    }
  }
  if (std::optional<google::rpc::RetryInfo> retry = RetryInfoOf(status)) {
    text.push_back(retry->DebugString());
  }
  return text;
}

TEST(UpstreamHttpErrorTest, APlantedTokenNeverReachesAnyField) {
  const std::string token = PlantedToken();
  const std::string hex = token.substr(4);
  // The token in every place an upstream can put text, bare and inside longer words.
  for (const std::string& planted :
       {token, "req-" + token, "x" + token, "\"" + token + "\"", "Bearer " + token}) {
    SCOPED_TRACE(planted);
    const std::string body = absl::StrCat(
        R"({"code":429,"message":")", planted, R"(","documentationUrl":"https://x/)", planted,
        R"(","errors":[{"errorType":")", planted, R"(","resource":")", planted,
        R"(","attribute":")", planted, R"(","customMessage":")", planted, R"("}]})");
    for (int status_code : {301, 400, 429, 503, 500}) {
      const absl::Status status =
          UpstreamHttpError(Response(status_code, body,
                                     {{"X-Pulumi-Request-ID", planted},
                                      {"Retry-After", planted},
                                      {"Location", "https://elsewhere/" + planted}}),
                            Context());
      for (const std::string& text : CallerVisibleText(status)) {
        EXPECT_THAT(text, Not(HasSubstr(hex))) << "HTTP " << status_code;
      }
    }
    // A plain-text body's first line too.
    const absl::Status plain = UpstreamHttpError(Response(502, planted + "\nmore"), Context());
    for (const std::string& text : CallerVisibleText(plain)) {
      EXPECT_THAT(text, Not(HasSubstr(hex)));
    }
  }
}

TEST(UpstreamHttpErrorTest, RedirectsSayWhereTheyPointedWithoutTheQuery) {
  const absl::Status status = UpstreamHttpError(
      Response(302, "<html>moved</html>",
               {{"Location", "https://login.example.com/sso?session=secret#frag"}}),
      Context());
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_EQ(Message(status),
            "upstream redirected to https://login.example.com/sso; the gateway follows no "
            "redirects (check --upstream) (HTTP 302)");
  ASSERT_TRUE(ErrorInfoOf(status).has_value());
  EXPECT_EQ(ErrorInfoOf(status)->metadata().at("location"), "https://login.example.com/sso");
  EXPECT_EQ(ErrorInfoOf(status)->reason(), "HTTP_302");
}

TEST(UpstreamHttpErrorTest, AbsurdRetryAfterIsCappedInRetryInfo) {
  for (const std::string value :
       {"999999999999", "9223372036854775807", "Fri, 31 Dec 9999 23:59:59 GMT"}) {
    SCOPED_TRACE(value);
    const absl::Status status =
        UpstreamHttpError(Response(429, "", {{"Retry-After", value}}), Context());
    ASSERT_TRUE(RetryInfoOf(status).has_value());
    EXPECT_EQ(RetryInfoOf(status)->retry_delay().seconds(), 300);
    EXPECT_EQ(RetryInfoOf(status)->retry_delay().nanos(), 0);
  }
  absl::Status status = absl::ResourceExhaustedError("x");
  AttachRetryInfo(&status, -absl::Seconds(3));
  EXPECT_EQ(RetryInfoOf(status)->retry_delay().seconds(), 0);
}

TEST(AttachErrorInfoTest, AttachesReasonDomainAndNonEmptyMetadata) {
  absl::Status status = absl::UnauthenticatedError("missing authorization metadata");
  AttachErrorInfo(&status, "MISSING_TOKEN", "gateway", {{"policy", "passthrough"}, {"empty", ""}});
  std::optional<google::rpc::ErrorInfo> info = ErrorInfoOf(status);
  ASSERT_TRUE(info.has_value());
  EXPECT_EQ(info->reason(), "MISSING_TOKEN");
  EXPECT_EQ(info->domain(), "gateway");
  EXPECT_EQ(info->metadata().size(), 1u);
  EXPECT_EQ(info->metadata().at("policy"), "passthrough");
}

}  // namespace
}  // namespace pulumi_gateway
