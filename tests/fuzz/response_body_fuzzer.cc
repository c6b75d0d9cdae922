// Fuzzes answers whose whole JSON value is one field (an http rule's response_body: arrays, maps,
// strings, booleans, numbers, objects): the fast path (FillFieldFromJsonText) and the DOM path
// must agree whenever the fast path takes the text, and nothing ever crashes. The first byte picks
// the field; the rest is the answer.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "gateway/transcode/json_dom_fill.h"
#include "gateway/transcode/json_text_fill.h"
#include "gateway/transcode/json_to_message.h"
#include "google/protobuf/util/message_differencer.h"
#include "nlohmann/json.hpp"
#include "pulumi/service/v1/stacks.pb.h"
#include "testdata/forms.pb.h"

namespace {

namespace testdata = ::pulumi_gateway::route::testdata;

struct Shape {
  const google::protobuf::Message* prototype;
  const char* field;
};

const Shape kShapes[] = {
    {&testdata::ItemList::default_instance(), "items"},
    {&testdata::ItemMap::default_instance(), "entries"},
    {&testdata::NameList::default_instance(), "names"},
    {&testdata::SizeMap::default_instance(), "sizes"},
    {&testdata::StringAnswer::default_instance(), "value"},
    {&testdata::BoolAnswer::default_instance(), "value"},
    {&testdata::NumberAnswer::default_instance(), "value"},
    {&testdata::DoubleAnswer::default_instance(), "value"},
    {&testdata::AnyAnswer::default_instance(), "value"},
    {&pulumi::service::v1::GetStackResponse::default_instance(), "stack"},
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const Shape& shape = kShapes[data[0] % (sizeof(kShapes) / sizeof(kShapes[0]))];
  const std::string json(reinterpret_cast<const char*>(data + 1), size - 1);
  const google::protobuf::FieldDescriptor* field =
      shape.prototype->GetDescriptor()->FindFieldByName(shape.field);

  std::unique_ptr<google::protobuf::Message> fast(shape.prototype->New());
  pulumi_gateway::ParseReport fast_report;
  const bool took = pulumi_gateway::FillFieldFromJsonText(json, field, fast.get(), &fast_report);

  nlohmann::json dom = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (dom.is_discarded()) {
    if (took) std::abort();  // the fast path took what is not JSON
    return 0;
  }
  std::unique_ptr<google::protobuf::Message> slow(shape.prototype->New());
  pulumi_gateway::ParseReport slow_report;
  const absl::Status status =
      pulumi_gateway::JsonValueToMessageField(std::move(dom), field, slow.get(), &slow_report);
  if (!status.ok() && status.code() != absl::StatusCode::kInvalidArgument) std::abort();
  if (took) {
    if (!status.ok()) std::abort();
    if (!google::protobuf::util::MessageDifferencer::Equals(*fast, *slow)) std::abort();
    if (fast_report.unknown_keys != slow_report.unknown_keys ||
        fast_report.unknown_key_count != slow_report.unknown_key_count) {
      std::abort();
    }
  }
  std::string bytes;
  if (status.ok() && !slow->SerializeToString(&bytes)) std::abort();
  return 0;
}
