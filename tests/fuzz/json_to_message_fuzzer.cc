// Fuzzes upstream JSON parsing into response messages (lists, nested payloads, Struct), and checks
// the two fill paths against each other: whenever the text fast path takes an input, the DOM path
// must fill the same message with the same report. Any input ends in OK or INVALID_ARGUMENT,
// never a crash, and a parsed message serializes.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "gateway/transcode/json_dom_fill.h"
#include "gateway/transcode/json_text_fill.h"
#include "gateway/transcode/json_to_message.h"
#include "google/protobuf/util/message_differencer.h"
#include "nlohmann/json.hpp"
#include "pulumi/service/v1/organizations.pb.h"
#include "pulumi/service/v1/stacks.pb.h"
#include "pulumi/service/v1/updates.pb.h"

namespace {

bool SameReport(const pulumi_gateway::ParseReport& a, const pulumi_gateway::ParseReport& b) {
  return a.unknown_keys == b.unknown_keys && a.unknown_key_count == b.unknown_key_count;
}

template <typename Message>
void Parse(const std::string& json) {
  // The entry point: OK or INVALID_ARGUMENT only.
  Message message;
  pulumi_gateway::ParseReport report;
  const absl::Status status = pulumi_gateway::JsonToMessage(json, &message, &report);
  if (!status.ok() && status.code() != absl::StatusCode::kInvalidArgument) std::abort();
  std::string bytes;
  if (status.ok() && !message.SerializeToString(&bytes)) std::abort();

  // The DOM path on its own.
  Message slow;
  pulumi_gateway::ParseReport slow_report;
  absl::Status slow_status = absl::InvalidArgumentError("body is not valid JSON");
  const nlohmann::json dom = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!dom.is_discarded()) {
    slow_status = pulumi_gateway::JsonValueToMessage(dom, &slow, &slow_report);
  }
  // The entry point's verdict is the DOM path's, whichever path it took.
  if (status.code() != slow_status.code()) std::abort();
  if (status.ok() && (!google::protobuf::util::MessageDifferencer::Equals(message, slow) ||
                      !SameReport(report, slow_report))) {
    std::abort();
  }

  // The fast path on its own: when it takes the text, it agrees with the DOM path exactly.
  Message fast;
  pulumi_gateway::ParseReport fast_report;
  if (pulumi_gateway::FillFromJsonText(json, &fast, &fast_report)) {
    if (!slow_status.ok()) std::abort();
    if (!google::protobuf::util::MessageDifferencer::Equals(fast, slow)) std::abort();
    if (!SameReport(fast_report, slow_report)) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string json(reinterpret_cast<const char*>(data), size);
  Parse<pulumi::service::v1::ListStacksResponse>(json);
  Parse<pulumi::service::v1::ListUpdateEventsResponse>(json);
  Parse<pulumi::service::v1::ExportStackResponse>(json);
  Parse<pulumi::service::v1::Team>(json);
  return 0;
}
