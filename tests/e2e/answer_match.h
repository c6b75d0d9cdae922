// Compares a gateway reply with the upstream answer it came from: every key and value the
// upstream sent must be in the reply, so nothing was dropped on the way (an unknown key, a value
// in the wrong field).
//
//   std::vector<std::string> lost = LostInReply(upstream_json, ReplyJson(*response, route));
//   EXPECT_THAT(lost, IsEmpty());   // e.g. {"items[0].lines: missing"}
//
// Values compare as JSON, except that a number may arrive as the decimal string proto3 JSON
// gives 64-bit integers, and an upstream null matches an absent key.
#ifndef TESTS_E2E_ANSWER_MATCH_H_
#define TESTS_E2E_ANSWER_MATCH_H_

#include <string>
#include <vector>

#include "google/protobuf/message.h"
#include "nlohmann/json.hpp"

namespace pulumi_gateway::e2e {

// `message` as proto3 JSON with JSON names, default values included.
nlohmann::json MessageJson(const google::protobuf::Message& message);

// What of `upstream` is not in `reply`: one line per lost key or differing value, by JSON path.
std::vector<std::string> LostInReply(const nlohmann::json& upstream, const nlohmann::json& reply);

}  // namespace pulumi_gateway::e2e

#endif  // TESTS_E2E_ANSWER_MATCH_H_
