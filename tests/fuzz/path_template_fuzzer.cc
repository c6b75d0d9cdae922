// Fuzzes path-template compilation and expansion: input = pattern '\n' stack name. Whatever the
// bytes, an expanded path has exactly as many '/' as the pattern and no raw '?', '#' or control
// character: caller input never changes the route.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "absl/strings/str_split.h"
#include "gateway/route/path_template.h"
#include "pulumi/service/v1/stacks.pb.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::pair<std::string, std::string> parts = absl::StrSplit(input, absl::MaxSplits('\n', 1));
  const auto* descriptor = pulumi::service::v1::GetStackRequest::descriptor();
  absl::StatusOr<pulumi_gateway::PathTemplate> compiled =
      pulumi_gateway::PathTemplate::Compile(parts.first, descriptor);
  if (!compiled.ok()) return 0;
  pulumi::service::v1::GetStackRequest request;
  request.set_org_name("acme-corp");
  request.set_project_name(parts.second);
  request.set_stack_name(parts.second);
  absl::StatusOr<std::string> path = compiled->Expand(request);
  if (!path.ok()) return 0;
  const auto slashes = [](const std::string& s) { return std::count(s.begin(), s.end(), '/'); };
  if (slashes(*path) != slashes(parts.first)) std::abort();
  for (char c : *path) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (c == '?' || c == '#' || byte < 0x20 || byte >= 0x7F) std::abort();
  }
  return 0;
}
