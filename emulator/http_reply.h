// The transport-neutral request and reply that route handlers see, and the single table mapping
// absl::Status codes to HTTP statuses.
//
// Handlers (routes_*.cc) never touch httplib: they read a RouteRequest and return a Reply, which
// server.cc writes out (after applying any injected fault).
//
//   Reply r = ResultReply(store.GetStack(req.caller, ref));   // 200 JSON or the error body
//   Reply e = ErrorReply(404, "Not Found: no such route");    // {"code":404,"message":...}
#ifndef EMULATOR_HTTP_REPLY_H_
#define EMULATOR_HTTP_REPLY_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "emulator/model.h"

namespace emulator {

struct RouteRequest {
  std::string method;
  std::string path;                               // as received (percent-encoded), no query
  std::map<std::string, std::string> params;      // decoded path parameters
  std::multimap<std::string, std::string> query;  // decoded query parameters
  std::string body;
  Caller caller;  // login empty on unauthenticated (admin) routes

  // First value of a query parameter, or "".
  std::string Query(absl::string_view key) const;
  bool HasQuery(absl::string_view key) const;
  std::vector<std::string> QueryAll(absl::string_view key) const;
  // A path parameter; "" if absent.
  std::string Param(absl::string_view key) const;
};

struct Reply {
  int status = 200;
  std::string content_type;  // empty: no body
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

inline constexpr absl::string_view kJsonType = "application/json";

Reply JsonReply(int status, const Json& body);
// Error body {"code": status, "message": message}.
Reply ErrorReply(int status, absl::string_view message);
Reply EmptyReply(int status = 204);
// Error body for a non-OK status (its message is the wire message).
Reply StatusReply(const absl::Status& status);
// 200 (or `ok_status`) JSON, or the error body.
Reply ResultReply(const absl::StatusOr<Json>& result, int ok_status = 200);
// 204 (or `ok_status`) empty, or the error body.
Reply DoneReply(const absl::Status& status, int ok_status = 204);

// InvalidArgument/FailedPrecondition/OutOfRange 400, Unauthenticated 401, PermissionDenied 403,
// NotFound 404, AlreadyExists/Aborted 409, ResourceExhausted 429, Unimplemented 501,
// Unavailable 503, anything else 500.
int HttpStatusFor(absl::StatusCode code);

// "Not Found" for 404 etc.; "Error" for unknown codes.
std::string ReasonPhrase(int status);

}  // namespace emulator

#endif  // EMULATOR_HTTP_REPLY_H_
