#include "gateway/transcode/response_translator.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "gateway/status/redact.h"
#include "gateway/transcode/json_wire.h"
#include "google/protobuf/unknown_field_set.h"

namespace pulumi_gateway {

absl::Status TranslateResponse(const Route& route, const HttpResponse& response,
                               google::protobuf::Message* out, ParseReport* report) {
  out->Clear();
  const google::protobuf::Reflection* reflection = out->GetReflection();
  if (route.raw_response_field != nullptr) {
    reflection->SetString(out, route.raw_response_field, response.body);
    if (route.content_type_field != nullptr) {
      reflection->SetString(out, route.content_type_field,
                            std::string(FindHeader(response.headers, "Content-Type")));
    }
    return absl::OkStatus();
  }
  if (absl::StripAsciiWhitespace(response.body).empty()) return absl::OkStatus();

  auto fail = [&](absl::string_view why) {
    return absl::InternalError(absl::StrCat("upstream response to ", route.method->name(), " (",
                                            route.http_method, " ", route.path.pattern(), ") ",
                                            why));
  };
  auto not_json = [&] {
    absl::string_view type = FindHeader(response.headers, "Content-Type");
    return fail(absl::StrCat("is not valid JSON (HTTP ", response.status, ", Content-Type \"",
                             RedactSecrets(type, 64), "\", ", response.body.size(), " bytes)"));
  };
  if (route.response_body_field == nullptr && !OpaqueFields(out->GetDescriptor()).empty() &&
      absl::StartsWith(
          absl::StripLeadingAsciiWhitespace(absl::StripPrefix(response.body, "\xEF\xBB\xBF")),
          "{")) {
    // Opaque fields (a stack export's deployment: tens of MB) are encoded straight to wire
    // bytes and kept in the message's unknown fields under their numbers, which serialise as
    // the field would; only the rest of the object goes through a DOM.
    OpaqueFieldSplit split;
    const JsonSplitResult result = SplitOpaqueFields(response.body, out->GetDescriptor(), &split);
    if (result.error == JsonSplitError::kNotJson) return not_json();
    if (result.error == JsonSplitError::kMismatch) {
      return fail(absl::StrCat("does not match the API: ", result.message));
    }
    const JsonFill fill = FillMessageFromJson(split.others, nullptr, out, report);
    if (fill.not_json) return not_json();
    if (!fill.status.ok()) {
      return fail(absl::StrCat("does not match the API: ", fill.status.message()));
    }
    google::protobuf::UnknownFieldSet* unknown = reflection->MutableUnknownFields(out);
    for (auto& [field, bytes] : split.encoded) {
      unknown->AddLengthDelimited(field->number())->swap(bytes);
    }
    return absl::OkStatus();
  }
  // With response_body the answer (an object, array, map, string, boolean or number) is the value
  // of that one field.
  const google::protobuf::FieldDescriptor* field = route.response_body_field;
  const JsonFill fill = FillMessageFromJson(response.body, field, out, report);
  if (fill.not_json) return not_json();
  if (field == nullptr && fill.top_level != "object") {
    return fail(absl::StrCat("is a JSON ", fill.top_level, ", expected an object"));
  }
  if (!fill.status.ok()) {
    return fail(absl::StrCat("does not match the API: ", fill.status.message()));
  }
  return absl::OkStatus();
}

}  // namespace pulumi_gateway
