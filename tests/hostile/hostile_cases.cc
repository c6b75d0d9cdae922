#include "tests/hostile/hostile_cases.h"

#include <zlib.h>

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"

namespace pulumi_gateway::testing {
namespace {

using grpc::StatusCode;

// `bytes` zeros, gzip-compressed (a "bomb": about a thousandth of its decoded size).
std::string GzipZeros(size_t bytes) {
  z_stream z = {};
  deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
  std::string in(1 << 20, '\0');
  std::string out;
  char buffer[1 << 16];
  for (size_t done = 0; done < bytes; done += in.size()) {
    z.next_in = reinterpret_cast<Bytef*>(in.data());
    z.avail_in = static_cast<uInt>(in.size());
    const int flush = done + in.size() >= bytes ? Z_FINISH : Z_NO_FLUSH;
    do {
      z.next_out = reinterpret_cast<Bytef*>(buffer);
      z.avail_out = sizeof(buffer);
      deflate(&z, flush);
      out.append(buffer, sizeof(buffer) - z.avail_out);
    } while (z.avail_out == 0);
  }
  deflateEnd(&z);
  return out;
}

// A JSON stack whose "tags" map has `entries` entries.
std::string StackWithTags(int entries) {
  std::string json = R"({"orgName":"acme","projectName":"p","stackName":"big","tags":{)";
  for (int i = 0; i < entries; ++i) {
    if (i > 0) json += ',';
    absl::StrAppend(&json, "\"k", i, "\":\"v", i, "\"");
  }
  return json + "}}";
}

// Answers `answer` to every request on the connection.
std::function<bool(RawConnection&, const RawRequest&)> Always(std::string answer) {
  return
      [answer = std::move(answer)](RawConnection& c, const RawRequest&) { return c.Write(answer); };
}

// Writes `answer` then ends the connection.
std::function<bool(RawConnection&, const RawRequest&)> ThenClose(std::string answer) {
  return [answer = std::move(answer)](RawConnection& c, const RawRequest&) {
    c.Write(answer);
    return false;
  };
}

// Writes `head`, then `piece` over and over until the gateway stops reading.
std::function<bool(RawConnection&, const RawRequest&)> Endless(std::string head,
                                                               std::string piece) {
  return [head = std::move(head), piece = std::move(piece)](RawConnection& c, const RawRequest&) {
    if (!c.Write(head)) return false;
    while (c.Write(piece)) {
    }
    return false;
  };
}

// Writes `head`, then one byte of `drip` every `every` until done or the gateway leaves.
std::function<bool(RawConnection&, const RawRequest&)> Drip(std::string head, std::string drip,
                                                            absl::Duration every) {
  return [=](RawConnection& c, const RawRequest&) {
    if (!c.Write(head)) return false;
    for (char byte : drip) {
      if (!c.Pause(every) || !c.Write(std::string(1, byte))) return false;
    }
    return false;
  };
}

// Writes `head` and then nothing, until the gateway gives up.
std::function<bool(RawConnection&, const RawRequest&)> Stall(std::string head) {
  return [head = std::move(head)](RawConnection& c, const RawRequest&) {
    if (c.Write(head)) c.WaitPeerClosed(absl::Seconds(20));
    return false;
  };
}

std::string Repeat(absl::string_view text, size_t times) {
  std::string out;
  out.reserve(text.size() * times);
  for (size_t i = 0; i < times; ++i) out.append(text.data(), text.size());
  return out;
}

}  // namespace

std::string PlantedToken() {
  std::string token = "pul-";
  for (int i = 0; i < 40; ++i) token.push_back("0123456789abcdef"[(i * 11 + 5) % 16]);
  return token;
}

std::string HttpAnswer(int status, absl::string_view body, absl::string_view headers) {
  return absl::StrCat("HTTP/1.1 ", status, " X\r\nContent-Type: application/json\r\n", headers,
                      "Content-Length: ", body.size(), "\r\n\r\n", body);
}

std::vector<HostileCase> HostileCases() {
  const std::string ok_stack = R"({"orgName":"acme","projectName":"p","stackName":"s"})";
  const std::string token = PlantedToken();
  std::vector<HostileCase> cases = {
      // --- Bodies that never end or grow without bound --------------------------------------
      {"gzip_bomb",
       Always(absl::StrCat("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: ",
                           GzipZeros(32 << 20).size(), "\r\n\r\n", GzipZeros(32 << 20))),
       StatusCode::RESOURCE_EXHAUSTED, "--max_response_bytes"},
      {"corrupt_gzip",
       Always("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 16\r\n\r\n"
              "not gzip at all!"),
       StatusCode::UNAVAILABLE, "upstream broke HTTP"},
      {"endless_chunked_body",
       Endless("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
               "4000\r\n" + std::string(0x4000, ' ') + "\r\n"),
       StatusCode::RESOURCE_EXHAUSTED, "--max_response_bytes"},
      {"endless_body_until_close", Endless("HTTP/1.1 200 OK\r\n\r\n", std::string(1 << 16, ' ')),
       StatusCode::RESOURCE_EXHAUSTED, "--max_response_bytes"},
      {"declared_length_over_limit", Stall("HTTP/1.1 200 OK\r\nContent-Length: 67108864\r\n\r\n{"),
       StatusCode::RESOURCE_EXHAUSTED, "--max_response_bytes"},
      {"huge_declared_length_then_stall",
       Stall("HTTP/1.1 200 OK\r\nContent-Length: 8000000\r\n\r\n{\"stackName\":\""),
       StatusCode::DEADLINE_EXCEEDED, "", absl::Seconds(1), absl::Seconds(2)},
      {"slow_drip", Drip("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n", std::string(100, ' '),
                         absl::Milliseconds(50)),
       StatusCode::DEADLINE_EXCEEDED, "", absl::Seconds(1), absl::Seconds(2)},
      {"slow_drip_headers", Drip("HTTP/1.1 200 OK\r\n", std::string(1000, 'X'),
                                 absl::Milliseconds(20)),
       StatusCode::DEADLINE_EXCEEDED, "", absl::Seconds(1), absl::Seconds(2)},
      {"endless_trailers",
       Endless("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n",
               "X-Trailer: " + std::string(100, 't') + "\r\n"),
       StatusCode::RESOURCE_EXHAUSTED, "headers and trailers"},
      {"header_flood",
       Endless("HTTP/1.1 200 OK\r\n", "X-Flood: " + std::string(1000, 'h') + "\r\n"),
       StatusCode::RESOURCE_EXHAUSTED, "headers and trailers"},
      {"interim_answer_storm", Endless("", "HTTP/1.1 102 Processing\r\n\r\n"),
       StatusCode::RESOURCE_EXHAUSTED, "headers and trailers"},
      // --- Framing --------------------------------------------------------------------------
      {"truncated_body", ThenClose("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"stack"),
       StatusCode::UNAVAILABLE, ""},
      {"closed_before_answer", ThenClose(""), StatusCode::UNAVAILABLE, ""},
      {"not_http", ThenClose("hello there\r\n\r\n"), StatusCode::UNAVAILABLE, ""},
      {"status_without_code", Always("HTTP/1.1 OK\r\nContent-Length: 2\r\n\r\n{}"),
       StatusCode::UNAVAILABLE, ""},
      {"status_600", Always(HttpAnswer(600, ok_stack)), StatusCode::UNAVAILABLE,
       "status code 600 is outside 100-599"},
      {"status_999", Always(HttpAnswer(999, ok_stack)), StatusCode::UNAVAILABLE,
       "status code 999 is outside 100-599"},
      {"status_099", Always(HttpAnswer(99, ok_stack)), StatusCode::UNAVAILABLE,
       "upstream broke HTTP"},
      {"unsolicited_101",
       Stall("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"),
       StatusCode::UNAVAILABLE, "switched protocols (101) unasked", absl::Seconds(5),
       absl::Seconds(1)},
      {"two_different_content_lengths",
       Always("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}"),
       StatusCode::UNAVAILABLE, "two different Content-Length values"},
      {"two_equal_content_lengths",
       Always(absl::StrCat("HTTP/1.1 200 OK\r\nContent-Length: ", ok_stack.size(),
                           "\r\nContent-Length: ", ok_stack.size(), "\r\n\r\n", ok_stack)),
       StatusCode::OK, ""},
      {"bad_chunk_size", ThenClose("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"),
       StatusCode::UNAVAILABLE, ""},
      {"continue_then_answer",
       Always("HTTP/1.1 100 Continue\r\n\r\n" + HttpAnswer(200, ok_stack)), StatusCode::OK, ""},
      // --- Statuses the gateway does not follow -----------------------------------------------
      {"redirect_301",
       Always(HttpAnswer(301, "", "Location: https://elsewhere.example/login?session=x\r\n")),
       StatusCode::INTERNAL, "upstream redirected to https://elsewhere.example/login;"},
      {"redirect_307", Always(HttpAnswer(307, "", "Location: /api/other\r\n")),
       StatusCode::INTERNAL, "the gateway follows no redirects"},
      // --- JSON that does not fit -------------------------------------------------------------
      {"deep_json_in_a_field", Always(HttpAnswer(200, R"({"stackName":)" + Repeat("[", 100000) +
                                                         Repeat("]", 100000) + "}")),
       StatusCode::INTERNAL, "expected a string, got array"},
      {"deep_json_in_an_unknown_key",
       Always(HttpAnswer(200, R"({"stackName":"s","x":)" + Repeat("[", 100000) +
                                  Repeat("]", 100000) + "}")),
       StatusCode::OK, ""},
      {"deep_json_unclosed", Always(HttpAnswer(200, R"({"x":)" + Repeat("[", 200000))),
       StatusCode::INTERNAL, "is not valid JSON"},
      {"huge_map", Always(HttpAnswer(200, StackWithTags(200000))), StatusCode::OK, "",
       absl::Seconds(10), absl::Seconds(8)},
      {"large_string",
       Always(HttpAnswer(200, absl::StrCat(R"({"stackName":")", std::string(7 << 20, 's'), "\"}"))),
       StatusCode::OK, "", absl::Seconds(10), absl::Seconds(8)},
      {"huge_map_over_the_limit", Always(HttpAnswer(200, StackWithTags(600000))),
       StatusCode::RESOURCE_EXHAUSTED, "--max_response_bytes"},
      {"number_overflow", Always(HttpAnswer(200, R"({"version":1e999})")), StatusCode::INTERNAL,
       "is not valid JSON"},
      {"integer_out_of_range",
       Always(HttpAnswer(200, R"({"version":99999999999999999999999})")), StatusCode::INTERNAL,
       "expected an integer"},
      {"integer_as_text_with_junk", Always(HttpAnswer(200, R"({"version":"12abc"})")),
       StatusCode::INTERNAL, "expected an integer"},
      {"number_for_a_string", Always(HttpAnswer(200, R"({"stackName":12345})")),
       StatusCode::INTERNAL, "expected a string, got number"},
      {"boolean_for_a_string", Always(HttpAnswer(200, R"({"stackName":true})")),
       StatusCode::INTERNAL, "expected a string, got boolean"},
      {"bad_utf8", Always(HttpAnswer(200, "{\"stackName\":\"\xC3\x28\"}")), StatusCode::INTERNAL,
       "is not valid JSON"},
      {"lone_surrogate", Always(HttpAnswer(200, R"({"stackName":"\ud800"})")),
       StatusCode::INTERNAL, "is not valid JSON"},
      {"not_json_at_all", Always(HttpAnswer(200, "<html>maintenance</html>")),
       StatusCode::INTERNAL, "is not valid JSON"},
      // --- Errors ---------------------------------------------------------------------------
      {"huge_error_body", Always(HttpAnswer(404, std::string(6 << 20, 'e'))),
       StatusCode::NOT_FOUND, ""},
      {"error_body_over_the_limit", Always(HttpAnswer(500, std::string(9 << 20, 'e'))),
       StatusCode::RESOURCE_EXHAUSTED, "--max_response_bytes"},
      {"absurd_retry_after_seconds",
       Always(HttpAnswer(429, R"({"message":"slow down"})", "Retry-After: 99999999999999\r\n")),
       StatusCode::RESOURCE_EXHAUSTED, "slow down"},
      {"absurd_retry_after_date",
       Always(HttpAnswer(503, "", "Retry-After: Fri, 31 Dec 9999 23:59:59 GMT\r\n")),
       StatusCode::UNAVAILABLE, ""},
      {"token_echoed_back",
       Always(HttpAnswer(401,
                         absl::StrCat(R"({"message":"bad token )", token,
                                      R"(","errors":[{"errorType":")", token, R"(","resource":")",
                                      token, R"(","attribute":"x)", token, R"(","customMessage":")",
                                      token, R"("}],"documentationUrl":"https://d/)", token, "\"}"),
                         absl::StrCat("X-Pulumi-Request-ID: req-", token, "\r\n"))),
       StatusCode::UNAUTHENTICATED, "pul-[REDACTED]"},
      {"caller_token_echoed_back",
       [](RawConnection& c, const RawRequest& request) {
         // Whatever the credential looks like, the answer carries it back verbatim.
         return c.Write(HttpAnswer(
             403, absl::StrCat(R"({"message":"denied for )", request.Header("Authorization"),
                               "\"}")));
       },
       StatusCode::PERMISSION_DENIED, "denied for token [REDACTED]"},
      {"unknown_key_named_like_a_token",
       Always(HttpAnswer(200, absl::StrCat(R"({"stackName":"s",")", token, R"(":1})"))),
       StatusCode::OK, ""},
  };
  return cases;
}

}  // namespace pulumi_gateway::testing
