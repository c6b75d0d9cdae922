// Builds the sweep's requests from the descriptors alone: the smallest request the protos say is
// valid (every REQUIRED field at any depth, path fields naming seeded entities), and the list of
// REQUIRED fields the gateway checks, each with a way to leave it out.
//
//   SweepValues values = {{"orgName", "acme-corp"}, ...};
//   std::unique_ptr<Message> request = NewRequest(route->method->input_type());
//   FillPath(route->path_fields, values, request.get());
//   FillRequired(request.get());          // the valid call
//   FillEveryMessage(request.get());      // every nested REQUIRED field set somewhere
//   for (const RequiredField& field : RequiredFields(*request, route->path_fields)) {
//     std::unique_ptr<Message> without = Without(*request, field);
//     // expect INVALID_ARGUMENT: field "<field.json_path>" is required
//   }
//
// Values: a string with allowed_values takes the first one; other strings take "sweep" (a URL
// when the JSON name says url, an address when it says email); bytes "sweep"; numbers and bools
// with presence 0 and false; a REQUIRED list gets one element and a REQUIRED map one entry
// ("sweep"); Struct is {} and Value is {}.
#ifndef TESTS_E2E_SWEEP_REQUEST_H_
#define TESTS_E2E_SWEEP_REQUEST_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"

namespace pulumi_gateway::e2e {

// Path values by the field's JSON name, compared without letter case (`updateID` and `updateId`
// are one name).
using SweepValues = std::map<std::string, std::string>;

std::unique_ptr<google::protobuf::Message> NewMessage(const google::protobuf::Descriptor* type);

bool IsRequired(const google::protobuf::FieldDescriptor* field);

// The first allowed value of a string field, or "" when it has none.
std::string FirstAllowedValue(const google::protobuf::FieldDescriptor* field);
std::vector<std::string> AllowedValues(const google::protobuf::FieldDescriptor* field);

// Sets each path field to its value in `values` (the text parsed for an integer field); a field
// without one gets the plain value of its type.
void FillPath(const std::vector<const google::protobuf::FieldDescriptor*>& path_fields,
              const SweepValues& values, google::protobuf::Message* request);

// Sets every REQUIRED field that is still unset, at any depth (set messages, list elements and
// map values included). Recursive message types stop after a few levels.
void FillRequired(google::protobuf::Message* message);

// Sets every message field that is still unset, at any depth (one element for a list of
// messages, one entry "sweep" for a map of messages), each with its REQUIRED fields filled, so
// that every REQUIRED field of the request type is set somewhere. A message type is not set again
// below itself.
void FillEveryMessage(google::protobuf::Message* message);

// Merges proto3 JSON (JSON names) into `message`: singular fields are replaced, lists appended.
absl::Status MergeJson(const std::string& json, google::protobuf::Message* message);

// One REQUIRED field the gateway checks before any upstream call, as set in a request.
struct RequiredField {
  // "team.members[0].role": the JSON path the gateway's error names.
  std::string json_path;
  // How to reach it: the field at each level, and the element index (or -1) below it.
  struct Step {
    const google::protobuf::FieldDescriptor* field = nullptr;
    int index = -1;
  };
  std::vector<Step> steps;
};

// The REQUIRED fields set in `request` that the gateway can tell unset (strings and bytes,
// message fields, scalars with presence, integer path fields), depth first in declaration order.
std::vector<RequiredField> RequiredFields(
    const google::protobuf::Message& request,
    const std::vector<const google::protobuf::FieldDescriptor*>& path_fields);

// A copy of `request` with `field` cleared.
std::unique_ptr<google::protobuf::Message> Without(const google::protobuf::Message& request,
                                                   const RequiredField& field);

}  // namespace pulumi_gateway::e2e

#endif  // TESTS_E2E_SWEEP_REQUEST_H_
