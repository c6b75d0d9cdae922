#include "gateway/upstream/org_scope.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"

namespace pulumi_gateway {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = absl::ascii_tolower(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// Percent-decoded and lower-cased; a malformed escape stays as it is.
std::string Normalize(absl::string_view encoded) {
  std::string out;
  out.reserve(encoded.size());
  for (size_t i = 0; i < encoded.size(); ++i) {
    if (encoded[i] == '%' && i + 2 < encoded.size()) {
      const int high = HexValue(encoded[i + 1]);
      const int low = HexValue(encoded[i + 2]);
      if (high >= 0 && low >= 0) {
        out.push_back(static_cast<char>(high * 16 + low));
        i += 2;
        continue;
      }
    }
    out.push_back(encoded[i]);
  }
  absl::AsciiStrToLower(&out);
  return out;
}

OrgScope OfOrg(absl::string_view encoded) {
  if (encoded.empty()) return OrgScope{};
  return OrgScope{OrgScope::Kind::kOrg, Normalize(encoded)};
}

struct SplitPath {
  std::vector<absl::string_view> segments;  // without the leading empty one
  absl::string_view query;
};

SplitPath Split(absl::string_view path) {
  SplitPath split;
  const size_t question = path.find('?');
  if (question != absl::string_view::npos) {
    split.query = path.substr(question + 1);
    path = path.substr(0, question);
  }
  absl::ConsumePrefix(&path, "/");
  split.segments = absl::StrSplit(path, '/');
  return split;
}

}  // namespace

OrgScope ReadScope(absl::string_view path) {
  const SplitPath split = Split(path);
  const std::vector<absl::string_view>& s = split.segments;
  if (s.size() >= 3 && s[0] == "api" && (s[1] == "stacks" || s[1] == "orgs")) return OfOrg(s[2]);
  if (s.size() == 3 && s[0] == "api" && s[1] == "user" && s[2] == "stacks") {
    for (absl::string_view parameter : absl::StrSplit(split.query, '&')) {
      if (absl::ConsumePrefix(&parameter, "organization=")) return OfOrg(parameter);
    }
  }
  return OrgScope{};
}

OrgScope WriteScope(absl::string_view path) {
  const SplitPath split = Split(path);
  const std::vector<absl::string_view>& s = split.segments;
  // A transfer moves a stack (and what reads of it answer) from one org to another.
  const bool transfer =
      s.size() >= 2 && s[0] == "api" && s[1] == "stacks" && s.back() == "transfer";
  OrgScope scope = ReadScope(path);
  if (transfer || scope.kind != OrgScope::Kind::kOrg)
    return OrgScope{OrgScope::Kind::kEverything, ""};
  return scope;
}

bool Affects(const OrgScope& write, const OrgScope& read) {
  if (write.kind != OrgScope::Kind::kOrg || read.kind != OrgScope::Kind::kOrg) return true;
  return write.org == read.org;
}

}  // namespace pulumi_gateway
