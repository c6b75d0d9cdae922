// Reads one upstream answer as libcurl hands it over (header lines, then body pieces) and
// enforces what the upstream may cost: every byte it sends — status lines of interim (1xx) and
// final answers, header fields, trailers, body — counts, buffers grow only as bytes arrive
// (a declared Content-Length can only make the first one smaller, never reserve more), and each
// growth is taken from the process's buffer budget first. It also rejects answers that break HTTP
// in ways libcurl lets through.
//
//   ResponseReader reader({.max_body_bytes = 64 << 20, .budget = &budget});
//   // in CURLOPT_HEADERFUNCTION:  return reader.OnHeaderLine(line) ? size : 0;
//   // in CURLOPT_WRITEFUNCTION:   return reader.OnBody(data) ? size : 0;
//   if (reader.failed()) return reader.FailureStatus();
//   HttpResponse response = reader.TakeResponse(status);
//
// Plain class without curl, so every rule is tested with bytes alone. Not thread-safe (one
// transfer's callbacks run on one thread).
#ifndef GATEWAY_UPSTREAM_RESPONSE_READER_H_
#define GATEWAY_UPSTREAM_RESPONSE_READER_H_

#include <cstddef>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "gateway/http/buffer_budget.h"
#include "gateway/http/http_types.h"

namespace pulumi_gateway {

struct ResponseLimits {
  // Largest body (after content decoding). Default 64 MiB (--max_response_bytes).
  size_t max_body_bytes = size_t{64} << 20;
  // Largest sum of status lines, header fields and trailers of one exchange, interim answers
  // included. Default 256 KiB.
  size_t max_header_bytes = size_t{256} << 10;
  // Process-wide budget every buffered byte is taken from; null: unbudgeted. Default null.
  BufferBudget* budget = nullptr;
  // The wait RetryInfo suggests when the budget is exhausted. Default 1 s.
  absl::Duration budget_retry_delay = absl::Seconds(1);
};

class ResponseReader final {
 public:
  enum class Failure {
    kNone,
    kBodyTooLarge,     // RESOURCE_EXHAUSTED
    kHeadersTooLarge,  // RESOURCE_EXHAUSTED
    kBudgetExhausted,  // RESOURCE_EXHAUSTED + RetryInfo
    kOutOfMemory,      // RESOURCE_EXHAUSTED + RetryInfo (an allocation failed)
    kProtocol,         // UNAVAILABLE, protocol error (see curl_status.h)
  };

  explicit ResponseReader(const ResponseLimits& limits);

  // One line from libcurl's header callback, CRLF included: a status line, a header field, the
  // blank line ending a header block, or a trailer. False stops the transfer (see failure()).
  bool OnHeaderLine(absl::string_view line);
  // Decoded body bytes from libcurl's write callback. False stops the transfer.
  bool OnBody(absl::string_view bytes);

  bool failed() const { return failure_ != Failure::kNone; }
  Failure failure() const { return failure_; }
  // The status for failure(); OK when nothing failed.
  absl::Status FailureStatus() const;

  // The answer read (the final answer's headers that the gateway reads: Content-Type, Location,
  // Retry-After and X-Pulumi-Request-ID; no trailers; the body) with the budget it holds;
  // `status` is the final status code.
  HttpResponse TakeResponse(int status);

  // Starts over for a new attempt of the same request (everything read is dropped).
  void Reset();

  // Bytes received so far (header lines and body), for tests and metrics.
  size_t header_bytes() const { return header_bytes_; }

 private:
  bool Fail(Failure failure, absl::string_view protocol_error = {});
  bool StatusLine(absl::string_view line);
  bool HeaderField(absl::string_view line);
  bool Reserve();

  ResponseLimits limits_;
  BufferReservation reservation_;
  HttpHeaders headers_;
  std::string body_;
  size_t header_bytes_ = 0;
  // The final answer's header block has ended: further lines are trailers.
  bool in_trailers_ = false;
  // The latest status line's code (an interim 1xx until a final one arrives).
  int status_ = 0;
  // The latest answer's Content-Length value as first seen, empty if none.
  std::string content_length_;
  Failure failure_ = Failure::kNone;
  std::string protocol_error_;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_UPSTREAM_RESPONSE_READER_H_
