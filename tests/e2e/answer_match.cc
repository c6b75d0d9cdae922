#include "tests/e2e/answer_match.h"

#include <cmath>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/util/json_util.h"

namespace pulumi_gateway::e2e {
namespace {

using nlohmann::json;

std::string Child(const std::string& path, const std::string& key) {
  return path.empty() ? key : absl::StrCat(path, ".", key);
}

bool SameNumber(const json& upstream, const json& reply) {
  double want = upstream.get<double>();
  double got = 0;
  if (reply.is_number()) {
    got = reply.get<double>();
  } else if (!reply.is_string() || !absl::SimpleAtod(reply.get<std::string>(), &got)) {
    return false;
  }
  return want == got || std::fabs(want - got) <= 1e-6 * std::fabs(want);
}

void Compare(const json& upstream, const json& reply, const std::string& path,
             std::vector<std::string>* lost) {
  if (upstream.is_object()) {
    if (!reply.is_object()) {
      lost->push_back(absl::StrCat(path, ": an object upstream, ", reply.dump(), " in the reply"));
      return;
    }
    for (const auto& [key, value] : upstream.items()) {
      auto it = reply.find(key);
      if (it == reply.end()) {
        if (!value.is_null()) lost->push_back(absl::StrCat(Child(path, key), ": missing"));
        continue;
      }
      Compare(value, *it, Child(path, key), lost);
    }
    return;
  }
  if (upstream.is_array()) {
    if (!reply.is_array() || reply.size() != upstream.size()) {
      lost->push_back(
          absl::StrCat(path, ": ", upstream.dump(), " upstream, ", reply.dump(), " in the reply"));
      return;
    }
    for (size_t i = 0; i < upstream.size(); ++i) {
      Compare(upstream[i], reply[i], absl::StrCat(path, "[", i, "]"), lost);
    }
    return;
  }
  const bool same = upstream.is_number() ? SameNumber(upstream, reply)
                    : upstream.is_null() ? reply.is_null()
                                         : upstream == reply;
  if (!same) {
    lost->push_back(
        absl::StrCat(path, ": ", upstream.dump(), " upstream, ", reply.dump(), " in the reply"));
  }
}

}  // namespace

json MessageJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.always_print_primitive_fields = true;
  std::string text;
  if (!google::protobuf::util::MessageToJsonString(message, &text, options).ok()) return json();
  return json::parse(text, nullptr, /*allow_exceptions=*/false);
}

std::vector<std::string> LostInReply(const json& upstream, const json& reply) {
  std::vector<std::string> lost;
  Compare(upstream, reply, "", &lost);
  return lost;
}

}  // namespace pulumi_gateway::e2e
