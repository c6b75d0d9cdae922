#include "emulator/http_reply.h"

namespace emulator {

std::string RouteRequest::Query(absl::string_view key) const {
  auto it = query.find(std::string(key));
  return it == query.end() ? "" : it->second;
}

bool RouteRequest::HasQuery(absl::string_view key) const {
  return query.count(std::string(key)) > 0;
}

std::vector<std::string> RouteRequest::QueryAll(absl::string_view key) const {
  std::vector<std::string> out;
  auto range = query.equal_range(std::string(key));
  for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
  return out;
}

std::string RouteRequest::Param(absl::string_view key) const {
  auto it = params.find(std::string(key));
  return it == params.end() ? "" : it->second;
}

Reply JsonReply(int status, const Json& body) {
  return Reply{status, std::string(kJsonType), body.dump(), {}};
}

Reply ErrorReply(int status, absl::string_view message) {
  return JsonReply(status, Json{{"code", status}, {"message", std::string(message)}});
}

Reply EmptyReply(int status) { return Reply{status, "", "", {}}; }

Reply StatusReply(const absl::Status& status) {
  return ErrorReply(HttpStatusFor(status.code()), status.message());
}

Reply ResultReply(const absl::StatusOr<Json>& result, int ok_status) {
  if (!result.ok()) return StatusReply(result.status());
  return JsonReply(ok_status, *result);
}

Reply DoneReply(const absl::Status& status, int ok_status) {
  if (!status.ok()) return StatusReply(status);
  return EmptyReply(ok_status);
}

int HttpStatusFor(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kOk:
      return 200;
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kOutOfRange:
      return 400;
    case absl::StatusCode::kUnauthenticated:
      return 401;
    case absl::StatusCode::kPermissionDenied:
      return 403;
    case absl::StatusCode::kNotFound:
      return 404;
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kAborted:
      return 409;
    case absl::StatusCode::kResourceExhausted:
      return 429;
    case absl::StatusCode::kUnimplemented:
      return 501;
    case absl::StatusCode::kUnavailable:
      return 503;
    default:
      return 500;
  }
}

std::string ReasonPhrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 402:
      return "Payment Required";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Payload Too Large";
    case 422:
      return "Unprocessable Entity";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "Error";
  }
}

}  // namespace emulator
