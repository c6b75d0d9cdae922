#include "gateway/transcode/json_to_message.h"

#include <utility>

#include "gateway/transcode/json_dom_fill.h"
#include "gateway/transcode/json_text_fill.h"
#include "nlohmann/json.hpp"

namespace pulumi_gateway {

JsonFill FillMessageFromJson(absl::string_view text, const google::protobuf::FieldDescriptor* field,
                             google::protobuf::Message* message, ParseReport* report) {
  JsonFill fill;
  if (field == nullptr ? FillFromJsonText(text, message, report)
                       : FillFieldFromJsonText(text, field, message, report)) {
    return fill;
  }
  nlohmann::json value =
      nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) {
    message->Clear();
    *report = ParseReport();
    fill.not_json = true;
    fill.status = absl::InvalidArgumentError("body is not valid JSON");
    return fill;
  }
  if (field == nullptr) {
    fill.top_level = value.type_name();
    fill.status = JsonValueToMessage(value, message, report);
  } else {
    fill.status = JsonValueToMessageField(std::move(value), field, message, report);
  }
  return fill;
}

absl::Status JsonToMessage(absl::string_view text, google::protobuf::Message* message,
                           ParseReport* report) {
  return FillMessageFromJson(text, nullptr, message, report).status;
}

}  // namespace pulumi_gateway
