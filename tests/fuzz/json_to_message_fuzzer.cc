// Fuzzes upstream JSON parsing into response messages (lists, nested payloads, Struct): any input
// ends in OK or INVALID_ARGUMENT, never a crash, and a parsed message serializes.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "gateway/transcode/json_to_message.h"
#include "pulumi/service/v1/organizations.pb.h"
#include "pulumi/service/v1/stacks.pb.h"
#include "pulumi/service/v1/updates.pb.h"

namespace {

template <typename Message>
void Parse(const std::string& json) {
  Message message;
  pulumi_gateway::ParseReport report;
  absl::Status status = pulumi_gateway::JsonToMessage(json, &message, &report);
  if (!status.ok() && status.code() != absl::StatusCode::kInvalidArgument) std::abort();
  std::string bytes;
  if (status.ok() && !message.SerializeToString(&bytes)) std::abort();
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
