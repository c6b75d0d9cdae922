#include "gateway/server/item_error.h"

#include <string>

#include "absl/strings/cord.h"
#include "absl/strings/numbers.h"
#include "absl/types/optional.h"
#include "gateway/status/upstream_error.h"
#include "google/rpc/error_details.pb.h"

namespace pulumi_gateway {

pulumi::service::v1::ItemError ItemErrorFromStatus(const absl::Status& status) {
  pulumi::service::v1::ItemError error;
  error.set_code(static_cast<int>(status.code()));
  error.set_message(std::string(status.message()));
  absl::optional<absl::Cord> payload = status.GetPayload(kErrorInfoTypeUrl);
  google::rpc::ErrorInfo info;
  if (!payload.has_value() || !info.ParseFromString(std::string(*payload))) return error;
  error.set_reason(info.reason());
  auto http_status = info.metadata().find("http_status");
  int value = 0;
  if (http_status != info.metadata().end() && absl::SimpleAtoi(http_status->second, &value)) {
    error.set_http_status(value);
  }
  return error;
}

}  // namespace pulumi_gateway
