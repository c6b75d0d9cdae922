// The hostile or broken answers the gateway is tried against (tests/hostile): each case is one
// way an upstream (or a proxy before it) can misbehave, the gRPC code the caller must get and how
// long that may take.
//
//   for (const HostileCase& c : HostileCases()) ... upstream answers with c.answer ...
#ifndef TESTS_HOSTILE_HOSTILE_CASES_H_
#define TESTS_HOSTILE_HOSTILE_CASES_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"
#include "tests/hostile/raw_upstream.h"

namespace pulumi_gateway::testing {

// The gateway flags the cases are written for: small limits keep bombs quick.
inline constexpr size_t kCaseMaxResponseBytes = size_t{8} << 20;

struct HostileCase {
  std::string name;
  // Answers one request of this case on `connection`; false: the connection ends afterwards.
  std::function<bool(RawConnection& connection, const RawRequest& request)> answer;
  grpc::StatusCode code;
  // A substring of the status message ("" for OK).
  std::string message;
  // The call's deadline, and the longest the call may take (retries included).
  absl::Duration deadline = absl::Seconds(3);
  absl::Duration max_time = absl::Seconds(2);
};

// A token-like value ("pul-" + 40 hex digits) built at run time: none is committed.
std::string PlantedToken();

// An HTTP/1.1 answer with a Content-Length.
std::string HttpAnswer(int status, absl::string_view body, absl::string_view headers = "");

std::vector<HostileCase> HostileCases();

}  // namespace pulumi_gateway::testing

#endif  // TESTS_HOSTILE_HOSTILE_CASES_H_
