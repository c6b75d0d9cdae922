// A compiled `google.api.http` path template, e.g.
// "/api/stacks/{org_name}/{project_name}/{stack_name}/export/{version}".
//
// Compile once at start-up; Expand per call:
//
//   absl::StatusOr<PathTemplate> t = PathTemplate::Compile(rule.get(), request_descriptor);
//   absl::StatusOr<std::string> path = t->Expand(request);  // "/api/stacks/acme/p/prod/export/3"
//
// Supported grammar: literal segments and single-segment variables `{field}` / `{field=*}`, where
// `field` is a top-level string or integer field of the request. Multi-segment (`**`) patterns and
// custom verbs are rejected at compile time: no Pulumi route needs them, and a variable that can
// never contain a '/' is what keeps caller input from changing the route.
#ifndef GATEWAY_ROUTE_PATH_TEMPLATE_H_
#define GATEWAY_ROUTE_PATH_TEMPLATE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"

namespace pulumi_gateway {

class PathTemplate final {
 public:
  struct Segment {
    // Literal text, or empty for a variable.
    std::string literal;
    // The bound field, or null for a literal.
    const google::protobuf::FieldDescriptor* field = nullptr;
  };

  // Parses `pattern` and binds its variables to fields of `request`. Returns INVALID_ARGUMENT
  // naming the problem for a malformed pattern, an unknown field, a field of a type that cannot
  // be a path segment, or a field bound twice.
  static absl::StatusOr<PathTemplate> Compile(absl::string_view pattern,
                                              const google::protobuf::Descriptor* request);

  // The percent-encoded path for `request`. Returns INVALID_ARGUMENT when a bound field is empty
  // (or 0, for integers),
  // is "." or "..", or holds a control character (CR, LF, NUL, ...), naming the field.
  absl::StatusOr<std::string> Expand(const google::protobuf::Message& request) const;

  // The fields bound by variables, in pattern order.
  std::vector<const google::protobuf::FieldDescriptor*> BoundFields() const;

  const std::string& pattern() const { return pattern_; }

 private:
  std::string pattern_;
  std::vector<Segment> segments_;
};

// Percent-encodes `value` for use as one path segment or one query key/value (RFC 3986): every
// byte outside ALPHA / DIGIT / "-" / "." / "_" / "~" becomes %XX.
std::string PercentEncode(absl::string_view value);

}  // namespace pulumi_gateway

#endif  // GATEWAY_ROUTE_PATH_TEMPLATE_H_
