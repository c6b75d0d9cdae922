#include "gateway/status/curl_status.h"

#include <string>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "gateway/status/redact.h"

namespace pulumi_gateway {

TransportFailure ClassifyCurlResult(CURLcode code) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return TransportFailure::kTimeout;
    case CURLE_ABORTED_BY_CALLBACK:
      return TransportFailure::kCancelled;
    case CURLE_FILESIZE_EXCEEDED:
    case CURLE_WRITE_ERROR:  // Our write callback refuses bodies over the configured cap.
      return TransportFailure::kTooLarge;
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
      return TransportFailure::kConnect;
    case CURLE_OUT_OF_MEMORY:
      return TransportFailure::kTooLarge;
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:  // also what libcurl reports for malformed chunked framing
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP3:
      return TransportFailure::kNetwork;
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_BAD_CONTENT_ENCODING:
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_UNSUPPORTED_PROTOCOL:  // a status line libcurl cannot read (code < 100, HTTP/0.9)
      return TransportFailure::kProtocol;
    default:
      return TransportFailure::kInternal;
  }
}

absl::Status UpstreamProtocolError(absl::string_view what) {
  absl::Status status =
      absl::UnavailableError(absl::StrCat("upstream broke HTTP: ", RedactSecrets(what, 200)));
  status.SetPayload(kProtocolErrorPayload, absl::Cord("1"));
  return status;
}

absl::Status CurlResultToStatus(CURLcode code, absl::string_view detail) {
  std::string what = RedactSecrets(detail.empty() ? curl_easy_strerror(code) : detail, 200);
  switch (ClassifyCurlResult(code)) {
    case TransportFailure::kTimeout:
      return absl::DeadlineExceededError(absl::StrCat("upstream did not answer in time: ", what));
    case TransportFailure::kCancelled:
      return absl::CancelledError("call cancelled");
    case TransportFailure::kTooLarge:
      if (code == CURLE_OUT_OF_MEMORY) {
        return absl::ResourceExhaustedError("the gateway ran out of memory for this upstream call");
      }
      return absl::ResourceExhaustedError(
          "upstream response is larger than the gateway's limit (--max_response_bytes)");
    case TransportFailure::kProtocol:
      return UpstreamProtocolError(what);
    case TransportFailure::kConnect: {
      absl::Status status = absl::UnavailableError(absl::StrCat("upstream unreachable: ", what));
      status.SetPayload(kNotSentPayload, absl::Cord("1"));
      return status;
    }
    case TransportFailure::kNetwork:
      return absl::UnavailableError(absl::StrCat("upstream connection failed: ", what));
    case TransportFailure::kInternal:
      break;
  }
  return absl::InternalError(absl::StrCat("upstream transfer failed: ", what));
}

}  // namespace pulumi_gateway
