// What filling a message from upstream JSON noticed without failing: keys the message has no
// field for, so schema drift can be counted.
//
//   ParseReport report;
//   absl::Status s = JsonToMessage(R"({"newKey":1})", &response, &report);
//   // report.unknown_keys == {"newKey"}, report.unknown_key_count == 1
#ifndef GATEWAY_TRANSCODE_PARSE_REPORT_H_
#define GATEWAY_TRANSCODE_PARSE_REPORT_H_

#include <cstddef>
#include <string>
#include <vector>

namespace pulumi_gateway {

struct ParseReport {
  // Locations of keys the message has no field for, e.g. "stacks.links.edit". Each distinct
  // location is listed once, at most kMaxUnknownKeys of them.
  std::vector<std::string> unknown_keys;
  // Total unknown keys seen, counting repeats.
  int unknown_key_count = 0;
  static constexpr size_t kMaxUnknownKeys = 32;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_TRANSCODE_PARSE_REPORT_H_
