// Deterministic, schema-complete example documents built from the API description's schemas:
// the answers of the conformance mode for operations the emulator does not serve statefully.
//
// Rules (the conformance tests check answers against exactly these):
//   * object: every property (allOf members merged), each named after its key; a map
//     (`additionalProperties`) gets one entry "<name>-key"; a bare `{"type":"object"}` is {};
//   * discriminator: the first name of its mapping (in document order); the answer is that
//     mapped schema's example with the discriminator property set to the name;
//   * array: one element, except an array of `byte` strings (a Go byte slice, which the service
//     sends as one base64 string): base64 of "<name>-example"; string: the first enum value,
//     kExampleDateTime for `date-time`, base64 of "<name>-example" for `byte`, else
//     "<name>-example" ("example" without a name);
//     integer: the first enum value, else 1; number: 1.5; boolean: true; no type: {};
//   * recursion: a `$ref` already being expanded on the same branch is not expanded again: an
//     array or map of it is empty, an optional property of it is left out, a required one is {}
//     (object) or [] (array). That bounds `$ref` cycles (PermissionDescriptorGroup.entries, ...);
//   * replies: the operation's first 2xx status; no body for 204, HEAD or a response without
//     content; application/json the example document; text/plain, text/markdown and
//     application/x-yaml a short text naming the operation; application/x-tar a one-file ustar
//     archive; text/event-stream one `data:` event carrying the example document.
//
//   Json doc = ExampleValue(*api, *op.success_schema, "");
//   Reply reply = ExampleReply(*api, op);   // status, Content-Type and body
#ifndef EMULATOR_SCHEMA_EXAMPLE_H_
#define EMULATOR_SCHEMA_EXAMPLE_H_

#include <string>

#include "absl/strings/string_view.h"
#include "emulator/api_description.h"
#include "emulator/http_reply.h"
#include "emulator/model.h"

namespace emulator {

inline constexpr char kExampleDateTime[] = "2024-01-02T03:04:05Z";

// The example of `schema` (not yet resolved), for a value named `name` ("" at the top level).
Json ExampleValue(const ApiDescription& api, const Json& schema, absl::string_view name);

// The conformance answer of `operation` (see the rules above).
Reply ExampleReply(const ApiDescription& api, const ApiOperation& operation);

// A POSIX ustar archive holding one regular file, mode 0644, mtime 0.
std::string TarArchive(absl::string_view file_name, absl::string_view content);

}  // namespace emulator

#endif  // EMULATOR_SCHEMA_EXAMPLE_H_
