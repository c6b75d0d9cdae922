#include "gateway/upstream/response_reader.h"

#include <string>
#include <vector>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "gateway/status/curl_status.h"
#include "gateway/status/upstream_error.h"
#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

using ::testing::HasSubstr;
using Failure = ResponseReader::Failure;

ResponseLimits Limits(size_t max_body = 1 << 20, BufferBudget* budget = nullptr) {
  ResponseLimits limits;
  limits.max_body_bytes = max_body;
  limits.max_header_bytes = 1024;
  limits.budget = budget;
  return limits;
}

// Feeds header lines (each gets its CRLF) until one is refused; returns how many were taken.
size_t Feed(ResponseReader& reader, const std::vector<std::string>& lines) {
  size_t taken = 0;
  for (const std::string& line : lines) {
    if (!reader.OnHeaderLine(line + "\r\n")) break;
    ++taken;
  }
  return taken;
}

TEST(ResponseReaderTest, KeepsTheFinalAnswersHeadersAndBody) {
  ResponseReader reader(Limits());
  EXPECT_EQ(Feed(reader, {"HTTP/1.1 100 Continue", "", "HTTP/1.1 200 OK", "Content-Length: 4",
                          "X-Pulumi-Request-ID: r1", ""}),
            6u);
  EXPECT_TRUE(reader.OnBody("{}"));
  EXPECT_TRUE(reader.OnBody("  "));
  HttpResponse response = reader.TakeResponse(200);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "{}  ");
  EXPECT_EQ(FindHeader(response.headers, "x-pulumi-request-id"), "r1");
}

TEST(ResponseReaderTest, KeepsOnlyTheHeadersTheGatewayReads) {
  ResponseReader reader(Limits());
  Feed(reader, {"HTTP/1.1 429 Too Many Requests", "Server: nginx", "content-type: application/json",
                "Date: Sun, 06 Dec 2026 07:37:30 GMT", "Retry-After: 2", "Location: /api/x",
                "X-Pulumi-Request-ID: r1", "Set-Cookie: session=secret", ""});
  // Dropped fields still count against the header limit.
  EXPECT_EQ(reader.header_bytes(), 205u);
  const HttpResponse response = reader.TakeResponse(429);
  EXPECT_EQ(response.headers, (HttpHeaders{{"content-type", "application/json"},
                                           {"Retry-After", "2"},
                                           {"Location", "/api/x"},
                                           {"X-Pulumi-Request-ID", "r1"}}));
}

TEST(ResponseReaderTest, TrailersAreCountedButNeverKept) {
  ResponseReader reader(Limits());
  Feed(reader, {"HTTP/1.1 200 OK", "Transfer-Encoding: chunked", "Content-Type: a/b", ""});
  EXPECT_TRUE(reader.OnBody("{}"));
  EXPECT_TRUE(reader.OnHeaderLine("Retry-After: 1\r\n"));
  EXPECT_EQ(reader.TakeResponse(200).headers, (HttpHeaders{{"Content-Type", "a/b"}}));

  // A trailer section that never ends runs into the header limit.
  ResponseReader endless(Limits());
  Feed(endless, {"HTTP/1.1 200 OK", "Transfer-Encoding: chunked", ""});
  size_t trailers = 0;
  while (endless.OnHeaderLine("X-Trailer: 0123456789abcdef\r\n")) ++trailers;
  EXPECT_LT(trailers, 40u);
  EXPECT_EQ(endless.failure(), Failure::kHeadersTooLarge);
  EXPECT_EQ(endless.FailureStatus().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(endless.FailureStatus().message()),
              HasSubstr("headers and trailers are larger than the gateway's limit (1 KiB)"));
}

TEST(ResponseReaderTest, InterimAnswersCountTowardsTheHeaderLimit) {
  ResponseReader reader(Limits());
  size_t lines = 0;
  while (reader.OnHeaderLine("HTTP/1.1 102 Processing\r\n") && reader.OnHeaderLine("\r\n")) {
    lines += 2;
  }
  EXPECT_LT(lines, 100u);
  EXPECT_EQ(reader.failure(), Failure::kHeadersTooLarge);
}

TEST(ResponseReaderTest, BodyOverTheLimitFails) {
  ResponseReader reader(Limits(10));
  Feed(reader, {"HTTP/1.1 200 OK", ""});
  EXPECT_TRUE(reader.OnBody("0123456789"));
  EXPECT_FALSE(reader.OnBody("x"));
  EXPECT_EQ(reader.failure(), Failure::kBodyTooLarge);
  EXPECT_THAT(std::string(reader.FailureStatus().message()), HasSubstr("--max_response_bytes"));
}

TEST(ResponseReaderTest, ADeclaredLengthReservesNothing) {
  BufferBudget budget(1 << 20);
  ResponseReader reader(Limits(1 << 30, &budget));
  Feed(reader, {"HTTP/1.1 200 OK", "Content-Length: 1073741824", ""});
  EXPECT_LT(budget.used(), 1024u);
  EXPECT_TRUE(reader.OnBody("x"));
  EXPECT_LT(budget.used(), 64u << 10);
}

TEST(ResponseReaderTest, ASmallDeclaredBodyTakesOneBufferOfItsSize) {
  BufferBudget budget(1 << 20);
  ResponseReader reader(Limits(1 << 20, &budget));
  Feed(reader, {"HTTP/1.1 200 OK", "Content-Length: 1000", ""});
  const std::string body(1000, 'x');
  ASSERT_TRUE(reader.OnBody(body.substr(0, 300)));
  ASSERT_TRUE(reader.OnBody(body.substr(300)));
  EXPECT_LT(budget.used(), 2048u) << "the usual 16 KiB first buffer for a 1,000-byte answer";
  const HttpResponse response = reader.TakeResponse(200);
  EXPECT_EQ(response.body, body);
  EXPECT_LT(response.body.capacity(), 2048u);
}

TEST(ResponseReaderTest, TheBudgetGrowsWithTheBodyAndFailsTheCallWhenExhausted) {
  BufferBudget budget(256 << 10);
  ResponseReader reader(Limits(1 << 20, &budget));
  Feed(reader, {"HTTP/1.1 200 OK", ""});
  const std::string chunk(16 << 10, 'x');
  int taken = 0;
  while (reader.OnBody(chunk)) ++taken;
  EXPECT_GE(taken, 4);
  EXPECT_LE(budget.used(), budget.limit());
  EXPECT_EQ(reader.failure(), Failure::kBudgetExhausted);
  const absl::Status status = reader.FailureStatus();
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(status.message()), HasSubstr("--max_buffered_response_bytes"));
  google::rpc::RetryInfo retry;
  ASSERT_TRUE(status.GetPayload(kRetryInfoTypeUrl).has_value());
  ASSERT_TRUE(retry.ParseFromString(std::string(*status.GetPayload(kRetryInfoTypeUrl))));
  EXPECT_EQ(retry.retry_delay().seconds(), 1);
  google::rpc::ErrorInfo info;
  ASSERT_TRUE(info.ParseFromString(std::string(*status.GetPayload(kErrorInfoTypeUrl))));
  EXPECT_EQ(info.reason(), "BUFFER_BUDGET_EXHAUSTED");
  // A failed answer gives everything back with the reader.
  reader.Reset();
  EXPECT_EQ(budget.used(), 0u);
}

TEST(ResponseReaderTest, ATakenAnswerHoldsItsBudgetUntilTheLastCopyIsGone) {
  BufferBudget budget(1 << 20);
  ResponseReader reader(Limits(1 << 20, &budget));
  Feed(reader, {"HTTP/1.1 200 OK", ""});
  ASSERT_TRUE(reader.OnBody(std::string(100 << 10, 'x')));
  const size_t held = budget.used();
  EXPECT_GE(held, 100u << 10);
  {
    HttpResponse response = reader.TakeResponse(200);
    HttpResponse copy = response;
    response = HttpResponse();
    EXPECT_EQ(budget.used(), held);
  }
  EXPECT_EQ(budget.used(), 0u);
}

TEST(ResponseReaderTest, AnswersThatBreakHttpAreProtocolErrors) {
  struct Case {
    std::vector<std::string> lines;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"HTTP/1.1 600 Beyond"}, "status code 600 is outside 100-599"},
      {{"HTTP/1.1 999 Nine"}, "status code 999 is outside 100-599"},
      {{"HTTP/1.1 OK"}, "a status line without a status code"},
      {{"HTTP/1.1 101 Switching Protocols"}, "switched protocols (101) unasked"},
      {{"HTTP/1.1 200 OK", "Content-Length: 5", "Content-Length: 6"},
       "two different Content-Length values"},
      {{"HTTP/1.1 200 OK", "Content-Length: 5, 6"}, "two different Content-Length values"},
      {{"HTTP/1.1 200 OK", "Content-Length: -1"}, "a malformed Content-Length"},
      {{"HTTP/1.1 200 OK", "Content-Length: 5x"}, "a malformed Content-Length"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    ResponseReader reader(Limits());
    EXPECT_EQ(Feed(reader, c.lines), c.lines.size() - 1);
    EXPECT_EQ(reader.failure(), Failure::kProtocol);
    const absl::Status status = reader.FailureStatus();
    EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
    EXPECT_EQ(status.message(), "upstream broke HTTP: " + c.message);
    EXPECT_TRUE(status.GetPayload(kProtocolErrorPayload).has_value());
  }
}

TEST(ResponseReaderTest, RepeatedEqualLengthsAreFine) {
  ResponseReader reader(Limits());
  EXPECT_EQ(Feed(reader, {"HTTP/1.1 200 OK", "Content-Length: 5", "content-length: 5",
                          "Content-Length: 5, 5", ""}),
            5u);
  EXPECT_FALSE(reader.failed());
  // A new answer (after an interim one) starts its own length.
  ResponseReader interim(Limits());
  EXPECT_EQ(Feed(interim, {"HTTP/1.1 103 Early Hints", "Content-Length: 0", "", "HTTP/1.1 200 OK",
                           "Content-Length: 7", ""}),
            6u);
}

}  // namespace
}  // namespace pulumi_gateway
