#include "gateway/upstream/response_reader.h"

#include <algorithm>
#include <iterator>
#include <memory>
#include <new>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gateway/http/huge_pages.h"
#include "gateway/status/curl_status.h"
#include "gateway/status/upstream_error.h"

namespace pulumi_gateway {
namespace {

constexpr size_t kFirstBodyBytes = 16 << 10;
// Below this a body's buffer doubles; above it, it grows by half, so the buffer is never much
// larger than the body (each byte is still copied only about three times).
constexpr size_t kDoublingLimit = 4 << 20;
constexpr char kGatewayDomain[] = "pulumi-gateway";
// The header fields the gateway reads from an answer (response_translator.cc, upstream_error.cc,
// retry_policy.cc, identity_throttle.cc); the others are counted against the header limit and
// dropped, so they cost no allocation and nothing downstream (the response cache) holds them.
constexpr absl::string_view kKeptHeaders[] = {"Content-Type", "Location", "Retry-After",
                                              "X-Pulumi-Request-ID"};

bool IsKeptHeader(absl::string_view name) {
  return std::any_of(std::begin(kKeptHeaders), std::end(kKeptHeaders),
                     [name](absl::string_view kept) { return absl::EqualsIgnoreCase(name, kept); });
}

bool AllDigits(absl::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return absl::ascii_isdigit(c); });
}

}  // namespace

ResponseReader::ResponseReader(const ResponseLimits& limits)
    : limits_(limits), reservation_(limits.budget) {}

bool ResponseReader::Fail(Failure failure, absl::string_view protocol_error) {
  failure_ = failure;
  protocol_error_ = std::string(protocol_error);
  return false;
}

bool ResponseReader::Reserve() {
  if (reservation_.GrowTo(header_bytes_ + body_.capacity())) return true;
  return Fail(Failure::kBudgetExhausted);
}

bool ResponseReader::OnHeaderLine(absl::string_view line) {
  if (failed()) return false;
  header_bytes_ += line.size();
  if (header_bytes_ > limits_.max_header_bytes) return Fail(Failure::kHeadersTooLarge);
  if (!Reserve()) return false;
  // Trailers are counted, never kept: nothing reads them, and an endless trailer section would
  // otherwise grow the header list without bound.
  if (in_trailers_) return true;
  absl::string_view content = absl::StripTrailingAsciiWhitespace(line);
  try {
    if (content.empty()) {
      // The blank line ending a header block: after a final answer's, only trailers follow.
      if (status_ >= 200) in_trailers_ = true;
      return true;
    }
    if (absl::StartsWith(content, "HTTP/")) return StatusLine(content);
    return HeaderField(content);
  } catch (const std::bad_alloc&) {
    return Fail(Failure::kOutOfMemory);
  }
}

bool ResponseReader::StatusLine(absl::string_view line) {
  // "HTTP/1.1 200 OK", "HTTP/2 200": the code is the 3 digits after the first space.
  const size_t space = line.find(' ');
  absl::string_view code_text =
      space == absl::string_view::npos ? absl::string_view() : line.substr(space + 1, 3);
  int code = 0;
  if (code_text.size() != 3 || !AllDigits(code_text)) {
    return Fail(Failure::kProtocol, "a status line without a status code");
  }
  code = (code_text[0] - '0') * 100 + (code_text[1] - '0') * 10 + (code_text[2] - '0');
  if (code < 100 || code > 599) {
    return Fail(Failure::kProtocol, absl::StrCat("status code ", code, " is outside 100-599"));
  }
  // The gateway never asks to switch protocols: what follows a 101 is not HTTP any more, and
  // waiting for an answer would only wait out the deadline.
  if (code == 101) return Fail(Failure::kProtocol, "switched protocols (101) unasked");
  status_ = code;
  headers_.clear();
  content_length_.clear();
  return true;
}

bool ResponseReader::HeaderField(absl::string_view line) {
  const size_t colon = line.find(':');
  if (colon == absl::string_view::npos) return true;  // obsolete line folding: ignored
  absl::string_view name = absl::StripAsciiWhitespace(line.substr(0, colon));
  absl::string_view value = absl::StripAsciiWhitespace(line.substr(colon + 1));
  if (absl::EqualsIgnoreCase(name, "Content-Length")) {
    // RFC 9112 §6.3: differing lengths (in one field or several) make the framing unknowable;
    // the same length repeated is harmless.
    for (absl::string_view part : absl::StrSplit(value, ',')) {
      part = absl::StripAsciiWhitespace(part);
      if (!AllDigits(part)) return Fail(Failure::kProtocol, "a malformed Content-Length");
      if (content_length_.empty()) {
        content_length_ = std::string(part);
      } else if (part != content_length_) {
        return Fail(Failure::kProtocol, "two different Content-Length values");
      }
    }
  }
  if (!IsKeptHeader(name)) return true;
  // Room for every kept field at once.
  if (headers_.capacity() == 0) headers_.reserve(std::size(kKeptHeaders));
  headers_.emplace_back(std::string(name), std::string(value));
  return true;
}

bool ResponseReader::OnBody(absl::string_view bytes) {
  if (failed()) return false;
  const size_t needed = body_.size() + bytes.size();
  if (needed > limits_.max_body_bytes) return Fail(Failure::kBodyTooLarge);
  if (needed > body_.capacity()) {
    const size_t capacity = body_.capacity();
    size_t target = capacity < kDoublingLimit ? capacity * 2 : capacity + capacity / 2;
    // The first buffer: the declared length when that is smaller (a small answer takes one
    // allocation of its size), never more: a declaration reserves nothing beyond it.
    size_t first = kFirstBodyBytes;
    if (size_t declared = 0; body_.empty() && absl::SimpleAtoi(content_length_, &declared)) {
      first = std::min(first, declared);
    }
    target = std::min(std::max({target, needed, first}), limits_.max_body_bytes);
    if (!reservation_.GrowTo(header_bytes_ + target)) return Fail(Failure::kBudgetExhausted);
    try {
      body_.reserve(target);
    } catch (const std::bad_alloc&) {
      return Fail(Failure::kOutOfMemory);
    }
    AdviseHugePages(body_.data(), body_.capacity());
  }
  body_.append(bytes.data(), bytes.size());
  return true;
}

absl::Status ResponseReader::FailureStatus() const {
  switch (failure_) {
    case Failure::kNone:
      return absl::OkStatus();
    case Failure::kBodyTooLarge:
      return absl::ResourceExhaustedError(
          "upstream response is larger than the gateway's limit (--max_response_bytes)");
    case Failure::kHeadersTooLarge:
      return absl::ResourceExhaustedError(
          absl::StrCat("upstream response headers and trailers are larger than the gateway's "
                       "limit (",
                       limits_.max_header_bytes >> 10, " KiB)"));
    case Failure::kBudgetExhausted: {
      absl::Status status = absl::ResourceExhaustedError(
          "the gateway holds as many upstream bytes as it may (--max_buffered_response_bytes); "
          "retry later");
      AttachErrorInfo(&status, "BUFFER_BUDGET_EXHAUSTED", kGatewayDomain, {});
      AttachRetryInfo(&status, limits_.budget_retry_delay);
      return status;
    }
    case Failure::kOutOfMemory: {
      absl::Status status = absl::ResourceExhaustedError(
          "the gateway ran out of memory for this upstream answer; retry later");
      AttachErrorInfo(&status, "OUT_OF_MEMORY", kGatewayDomain, {});
      AttachRetryInfo(&status, limits_.budget_retry_delay);
      return status;
    }
    case Failure::kProtocol:
      return UpstreamProtocolError(protocol_error_);
  }
  return absl::InternalError("unknown read failure");
}

HttpResponse ResponseReader::TakeResponse(int status) {
  HttpResponse response;
  response.status = status;
  response.headers = std::move(headers_);
  response.body = std::move(body_);
  response.reservation = std::make_shared<const BufferReservation>(std::move(reservation_));
  Reset();
  return response;
}

void ResponseReader::Reset() {
  reservation_ = BufferReservation(limits_.budget);
  headers_.clear();
  std::string().swap(body_);
  header_bytes_ = 0;
  in_trailers_ = false;
  status_ = 0;
  content_length_.clear();
  failure_ = Failure::kNone;
  protocol_error_.clear();
}

}  // namespace pulumi_gateway
