#include "gateway/status/curl_status.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct Row {
  CURLcode curl;
  TransportFailure failure;
  absl::StatusCode code;
};

TEST(CurlStatusTest, EveryRow) {
  const std::vector<Row> rows = {
      {CURLE_OPERATION_TIMEDOUT, TransportFailure::kTimeout, absl::StatusCode::kDeadlineExceeded},
      {CURLE_ABORTED_BY_CALLBACK, TransportFailure::kCancelled, absl::StatusCode::kCancelled},
      {CURLE_WRITE_ERROR, TransportFailure::kTooLarge, absl::StatusCode::kResourceExhausted},
      {CURLE_FILESIZE_EXCEEDED, TransportFailure::kTooLarge, absl::StatusCode::kResourceExhausted},
      {CURLE_COULDNT_RESOLVE_PROXY, TransportFailure::kConnect, absl::StatusCode::kUnavailable},
      {CURLE_COULDNT_RESOLVE_HOST, TransportFailure::kConnect, absl::StatusCode::kUnavailable},
      {CURLE_COULDNT_CONNECT, TransportFailure::kConnect, absl::StatusCode::kUnavailable},
      {CURLE_SSL_CONNECT_ERROR, TransportFailure::kConnect, absl::StatusCode::kUnavailable},
      {CURLE_PEER_FAILED_VERIFICATION, TransportFailure::kConnect, absl::StatusCode::kUnavailable},
      {CURLE_SSL_CERTPROBLEM, TransportFailure::kConnect, absl::StatusCode::kUnavailable},
      {CURLE_SSL_CIPHER, TransportFailure::kConnect, absl::StatusCode::kUnavailable},
      {CURLE_SSL_CACERT_BADFILE, TransportFailure::kConnect, absl::StatusCode::kUnavailable},
      {CURLE_SSL_ISSUER_ERROR, TransportFailure::kConnect, absl::StatusCode::kUnavailable},
      {CURLE_SEND_ERROR, TransportFailure::kNetwork, absl::StatusCode::kUnavailable},
      {CURLE_RECV_ERROR, TransportFailure::kNetwork, absl::StatusCode::kUnavailable},
      {CURLE_GOT_NOTHING, TransportFailure::kNetwork, absl::StatusCode::kUnavailable},
      {CURLE_PARTIAL_FILE, TransportFailure::kNetwork, absl::StatusCode::kUnavailable},
      {CURLE_HTTP3, TransportFailure::kNetwork, absl::StatusCode::kUnavailable},
      // The answer broke HTTP: one retry on a new connection.
      {CURLE_HTTP2, TransportFailure::kProtocol, absl::StatusCode::kUnavailable},
      {CURLE_HTTP2_STREAM, TransportFailure::kProtocol, absl::StatusCode::kUnavailable},
      {CURLE_BAD_CONTENT_ENCODING, TransportFailure::kProtocol, absl::StatusCode::kUnavailable},
      {CURLE_WEIRD_SERVER_REPLY, TransportFailure::kProtocol, absl::StatusCode::kUnavailable},
      {CURLE_UNSUPPORTED_PROTOCOL, TransportFailure::kProtocol, absl::StatusCode::kUnavailable},
      // Memory: this call fails, the process goes on.
      {CURLE_OUT_OF_MEMORY, TransportFailure::kTooLarge, absl::StatusCode::kResourceExhausted},
      // Anything else is the gateway's own problem.
      {CURLE_URL_MALFORMAT, TransportFailure::kInternal, absl::StatusCode::kInternal},
      {CURLE_BAD_FUNCTION_ARGUMENT, TransportFailure::kInternal, absl::StatusCode::kInternal},
      {CURLE_READ_ERROR, TransportFailure::kInternal, absl::StatusCode::kInternal},
      {CURLE_TOO_MANY_REDIRECTS, TransportFailure::kInternal, absl::StatusCode::kInternal},
      {CURLE_UNKNOWN_OPTION, TransportFailure::kInternal, absl::StatusCode::kInternal},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(::testing::Message() << "CURLcode " << static_cast<int>(row.curl) << " "
                                      << curl_easy_strerror(row.curl));
    EXPECT_EQ(ClassifyCurlResult(row.curl), row.failure);
    const absl::Status status = CurlResultToStatus(row.curl, "");
    EXPECT_EQ(status.code(), row.code);
    // Only connection failures certify that the request never reached the upstream.
    EXPECT_EQ(status.GetPayload(kNotSentPayload).has_value(),
              row.failure == TransportFailure::kConnect);
    EXPECT_EQ(status.GetPayload(kProtocolErrorPayload).has_value(),
              row.failure == TransportFailure::kProtocol);
  }
}

TEST(CurlStatusTest, MessagesSayWhatHappened) {
  absl::Status timeout =
      CurlResultToStatus(CURLE_OPERATION_TIMEDOUT, "Operation timed out after 5000 milliseconds");
  EXPECT_THAT(
      std::string(timeout.message()),
      HasSubstr("upstream did not answer in time: Operation timed out after 5000 milliseconds"));

  absl::Status connect = CurlResultToStatus(CURLE_COULDNT_CONNECT, "");
  // Without a detail, curl's own description of the code is used.
  EXPECT_THAT(std::string(connect.message()), HasSubstr(std::string("upstream unreachable: ") +
                                                        curl_easy_strerror(CURLE_COULDNT_CONNECT)));

  EXPECT_EQ(CurlResultToStatus(CURLE_ABORTED_BY_CALLBACK, "x").message(), "call cancelled");
  EXPECT_THAT(std::string(CurlResultToStatus(CURLE_WRITE_ERROR, "").message()),
              HasSubstr("larger than the gateway's limit"));
  EXPECT_THAT(std::string(CurlResultToStatus(CURLE_WEIRD_SERVER_REPLY, "bad status").message()),
              HasSubstr("upstream broke HTTP: bad status"));
  EXPECT_THAT(std::string(CurlResultToStatus(CURLE_OUT_OF_MEMORY, "").message()),
              HasSubstr("ran out of memory"));
  EXPECT_THAT(std::string(CurlResultToStatus(CURLE_URL_MALFORMAT, "bad url").message()),
              HasSubstr("upstream transfer failed: bad url"));
}

TEST(CurlStatusTest, DetailIsRedactedAndCapped) {
  absl::Status status =
      CurlResultToStatus(CURLE_RECV_ERROR, "recv failed for token pul-0123456789abcdef\r\nmore");
  const std::string message(status.message());
  EXPECT_THAT(message, HasSubstr("pul-[REDACTED]"));
  EXPECT_THAT(message, Not(HasSubstr("0123456789abcdef")));
  EXPECT_THAT(message, Not(HasSubstr("\r")));
  EXPECT_THAT(message, Not(HasSubstr("\n")));

  absl::Status long_detail = CurlResultToStatus(CURLE_SEND_ERROR, std::string(5000, 'x'));
  EXPECT_LT(long_detail.message().size(), 300u);
}

}  // namespace
}  // namespace pulumi_gateway
