#include "gateway/route/path_template.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pulumi/service/v1/stacks.pb.h"
#include "pulumi/service/v1/updates.pb.h"

namespace pulumi_gateway {
namespace {

using ::pulumi::service::v1::CreateStackRequest;
using ::pulumi::service::v1::ExportStackAtVersionRequest;
using ::pulumi::service::v1::GetStackRequest;
using ::pulumi::service::v1::ListUpdateEventsRequest;
using ::pulumi::service::v1::TransferStackRequest;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kStackPattern[] = "/api/stacks/{org_name}/{project_name}/{stack_name}";

// ---------------------------------------------------------------------------------------------
// Compile

struct CompileErrorCase {
  const char* name;
  std::string pattern;
  const google::protobuf::Descriptor* request;
  std::string message;  // Expected substring of the INVALID_ARGUMENT message.
};

TEST(PathTemplateCompileTest, RejectsMalformedPatterns) {
  const std::vector<CompileErrorCase> cases = {
      {"empty", "", GetStackRequest::descriptor(), "must start with '/'"},
      {"no leading slash", "api/stacks/{org_name}", GetStackRequest::descriptor(),
       "must start with '/'"},
      {"trailing slash", "/api/stacks/{org_name}/", GetStackRequest::descriptor(),
       "must not end with '/'"},
      {"empty segment", "/api//stacks/{org_name}", GetStackRequest::descriptor(), "empty segment"},
      {"unknown field", "/api/stacks/{org}", GetStackRequest::descriptor(),
       "no field \"org\" in pulumi.service.v1.GetStackRequest"},
      {"empty variable name", "/api/stacks/{}", GetStackRequest::descriptor(), "no field \"\""},
      {"repeated field", "/api/{types}", ListUpdateEventsRequest::descriptor(),
       "field \"types\" must be a singular string or integer"},
      {"bool field", "/api/{include_non_activated}", ListUpdateEventsRequest::descriptor(),
       "field \"include_non_activated\" must be a singular string or integer"},
      {"message field", "/api/{transfer}", TransferStackRequest::descriptor(),
       "field \"transfer\" must be a singular string or integer"},
      {"map field", "/api/{tags}", CreateStackRequest::descriptor(),
       "field \"tags\" must be a singular string or integer"},
      {"multi-segment variable", "/api/stacks/{org_name=**}", GetStackRequest::descriptor(),
       "only single-segment variables are supported"},
      {"literal sub-pattern", "/api/stacks/{org_name=acme}", GetStackRequest::descriptor(),
       "only single-segment variables are supported"},
      // Segments are split on '/' before variables are parsed, so a multi-segment sub-pattern
      // reads as an unterminated variable; what matters is that it is rejected.
      {"multi-segment sub-pattern", "/api/stacks/{org_name=orgs/*}", GetStackRequest::descriptor(),
       "unterminated variable"},
      {"empty sub-pattern", "/api/stacks/{org_name=}", GetStackRequest::descriptor(),
       "has an empty pattern"},
      {"nested field path", "/api/{transfer.to_org}", TransferStackRequest::descriptor(),
       "nested field paths are not supported"},
      {"field bound twice", "/api/stacks/{org_name}/{org_name}", GetStackRequest::descriptor(),
       "field \"org_name\" is bound twice"},
      {"unterminated variable", "/api/stacks/{org_name", GetStackRequest::descriptor(),
       "unterminated variable"},
      {"space in literal", "/api/sta cks", GetStackRequest::descriptor(),
       "unsupported character ' ' in literal \"sta cks\""},
      {"custom verb", "/api/stacks/{org_name}:export", GetStackRequest::descriptor(),
       "unterminated variable"},
      {"colon in literal", "/api/stacks:export", GetStackRequest::descriptor(),
       "unsupported character ':'"},
      {"brace inside literal", "/api/x{org_name}", GetStackRequest::descriptor(),
       "unsupported character '{'"},
      {"percent in literal", "/api/%2F", GetStackRequest::descriptor(),
       "unsupported character '%'"},
      {"query in literal", "/api/stacks?x=1", GetStackRequest::descriptor(),
       "unsupported character '?'"},
  };
  for (const CompileErrorCase& c : cases) {
    SCOPED_TRACE(c.name);
    absl::StatusOr<PathTemplate> compiled = PathTemplate::Compile(c.pattern, c.request);
    ASSERT_FALSE(compiled.ok());
    EXPECT_EQ(compiled.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(compiled.status().message()), HasSubstr(c.message));
    // Every message names the offending pattern so start-up failures are actionable.
    EXPECT_THAT(std::string(compiled.status().message()),
                HasSubstr(absl::StrCat("path template \"", c.pattern, "\"")));
  }
}

TEST(PathTemplateCompileTest, BindsFieldsInPatternOrder) {
  absl::StatusOr<PathTemplate> compiled =
      PathTemplate::Compile("/api/stacks/{org_name}/{project_name}/{stack_name}/export/{version}",
                            ExportStackAtVersionRequest::descriptor());
  ASSERT_TRUE(compiled.ok()) << compiled.status();
  EXPECT_EQ(compiled->pattern(),
            "/api/stacks/{org_name}/{project_name}/{stack_name}/export/{version}");
  std::vector<std::string> names;
  for (const auto* field : compiled->BoundFields()) names.push_back(field->name());
  EXPECT_THAT(names, ElementsAre("org_name", "project_name", "stack_name", "version"));
}

TEST(PathTemplateCompileTest, AcceptsExplicitSingleSegmentPatternAndLiteralOnly) {
  absl::StatusOr<PathTemplate> star =
      PathTemplate::Compile("/api/stacks/{org_name=*}", GetStackRequest::descriptor());
  ASSERT_TRUE(star.ok()) << star.status();
  ASSERT_EQ(star->BoundFields().size(), 1u);
  EXPECT_EQ(star->BoundFields()[0]->name(), "org_name");

  absl::StatusOr<PathTemplate> literal =
      PathTemplate::Compile("/api/user/stacks", GetStackRequest::descriptor());
  ASSERT_TRUE(literal.ok()) << literal.status();
  EXPECT_TRUE(literal->BoundFields().empty());
  absl::StatusOr<std::string> path = literal->Expand(GetStackRequest());
  ASSERT_TRUE(path.ok()) << path.status();
  EXPECT_EQ(*path, "/api/user/stacks");
}

// ---------------------------------------------------------------------------------------------
// Expand

PathTemplate MustCompile(absl::string_view pattern, const google::protobuf::Descriptor* request) {
  absl::StatusOr<PathTemplate> compiled = PathTemplate::Compile(pattern, request);
  EXPECT_TRUE(compiled.ok()) << compiled.status();
  return *std::move(compiled);
}

TEST(PathTemplateExpandTest, ExpandsARealRequest) {
  PathTemplate t = MustCompile(kStackPattern, GetStackRequest::descriptor());
  GetStackRequest request;
  request.set_org_name("acme-corp");
  request.set_project_name("payments-api");
  request.set_stack_name("prod");
  absl::StatusOr<std::string> path = t.Expand(request);
  ASSERT_TRUE(path.ok()) << path.status();
  EXPECT_EQ(*path, "/api/stacks/acme-corp/payments-api/prod");
}

TEST(PathTemplateExpandTest, ExpandsIntegerFields) {
  PathTemplate t =
      MustCompile("/api/stacks/{org_name}/{project_name}/{stack_name}/export/{version}",
                  ExportStackAtVersionRequest::descriptor());
  ExportStackAtVersionRequest request;
  request.set_org_name("acme-corp");
  request.set_project_name("payments-api");
  request.set_stack_name("prod");
  request.set_version(41);
  absl::StatusOr<std::string> path = t.Expand(request);
  ASSERT_TRUE(path.ok()) << path.status();
  EXPECT_EQ(*path, "/api/stacks/acme-corp/payments-api/prod/export/41");

  request.set_version(9223372036854775807);
  path = t.Expand(request);
  ASSERT_TRUE(path.ok()) << path.status();
  EXPECT_EQ(*path, "/api/stacks/acme-corp/payments-api/prod/export/9223372036854775807");
}

struct HostileValueCase {
  const char* name;
  std::string value;
  // Either the expected path (code OK) or the expected error substring.
  absl::StatusCode code;
  std::string expected;
};

// A caller-controlled value can never add a segment, climb a level, start a query or fragment,
// or smuggle a header: it is one encoded segment or an INVALID_ARGUMENT.
TEST(PathTemplateExpandTest, HostileValuesStayInsideTheirSegment) {
  const std::string prefix = "/api/stacks/acme-corp/payments-api/";
  const std::vector<HostileValueCase> cases = {
      {"plain", "prod", absl::StatusCode::kOk, prefix + "prod"},
      {"unreserved kept", "a-b_c.d~e", absl::StatusCode::kOk, prefix + "a-b_c.d~e"},
      {"parent traversal", "../x", absl::StatusCode::kOk, prefix + "..%2Fx"},
      {"slash", "a/b", absl::StatusCode::kOk, prefix + "a%2Fb"},
      {"already encoded slash", "%2F", absl::StatusCode::kOk, prefix + "%252F"},
      {"question mark", "?", absl::StatusCode::kOk, prefix + "%3F"},
      {"query injection", "prod?force=true", absl::StatusCode::kOk, prefix + "prod%3Fforce%3Dtrue"},
      {"hash", "#", absl::StatusCode::kOk, prefix + "%23"},
      {"space", " ", absl::StatusCode::kOk, prefix + "%20"},
      {"backslash", "a\\b", absl::StatusCode::kOk, prefix + "a%5Cb"},
      {"unicode",
       "st\xC3\xA4"
       "ck",
       absl::StatusCode::kOk, prefix + "st%C3%A4ck"},
      {"three dots", "...", absl::StatusCode::kOk, prefix + "..."},
      {"dot prefix", ".hidden", absl::StatusCode::kOk, prefix + ".hidden"},
      {"empty", "", absl::StatusCode::kInvalidArgument,
       "field \"stackName\" is required (it is part of the path)"},
      {"dot", ".", absl::StatusCode::kInvalidArgument, "field \"stackName\" must not be \".\""},
      {"dot dot", "..", absl::StatusCode::kInvalidArgument,
       "field \"stackName\" must not be \"..\""},
      {"CRLF", "\r\n", absl::StatusCode::kInvalidArgument,
       "field \"stackName\" contains a control character"},
      {"header injection", "prod\r\nX-Evil: 1", absl::StatusCode::kInvalidArgument,
       "field \"stackName\" contains a control character"},
      {"NUL byte", std::string("a\0b", 3), absl::StatusCode::kInvalidArgument,
       "field \"stackName\" contains a control character"},
      {"tab", "a\tb", absl::StatusCode::kInvalidArgument,
       "field \"stackName\" contains a control character"},
      {"DEL",
       "a\x7F"
       "b",
       absl::StatusCode::kInvalidArgument, "field \"stackName\" contains a control character"},
  };
  PathTemplate t = MustCompile(kStackPattern, GetStackRequest::descriptor());
  for (const HostileValueCase& c : cases) {
    SCOPED_TRACE(c.name);
    GetStackRequest request;
    request.set_org_name("acme-corp");
    request.set_project_name("payments-api");
    request.set_stack_name(c.value);
    absl::StatusOr<std::string> path = t.Expand(request);
    if (c.code == absl::StatusCode::kOk) {
      ASSERT_TRUE(path.ok()) << path.status();
      EXPECT_EQ(*path, c.expected);
    } else {
      ASSERT_FALSE(path.ok()) << *path;
      EXPECT_EQ(path.status().code(), c.code);
      EXPECT_THAT(std::string(path.status().message()), HasSubstr(c.expected));
    }
  }
}

TEST(PathTemplateExpandTest, EmptyFieldIsNamedByItsJsonName) {
  PathTemplate t = MustCompile(kStackPattern, GetStackRequest::descriptor());
  GetStackRequest request;
  request.set_org_name("acme-corp");
  request.set_stack_name("prod");  // project_name left empty.
  absl::StatusOr<std::string> path = t.Expand(request);
  ASSERT_FALSE(path.ok());
  EXPECT_EQ(path.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(path.status().message()), HasSubstr("field \"projectName\" is required"));
}

// ---------------------------------------------------------------------------------------------
// PercentEncode

TEST(PercentEncodeTest, EncodesEverythingButUnreserved) {
  struct Case {
    std::string in;
    std::string out;
  };
  const std::vector<Case> cases = {
      {"", ""},
      {"abcXYZ0189", "abcXYZ0189"},
      {"-._~", "-._~"},
      {"/", "%2F"},
      {"%", "%25"},
      {" ", "%20"},
      {"+", "%2B"},
      {"&=", "%26%3D"},
      {"?#[]@", "%3F%23%5B%5D%40"},
      {"!$'()*,;:", "%21%24%27%28%29%2A%2C%3B%3A"},
      {"\"<>`{}|^\\", "%22%3C%3E%60%7B%7D%7C%5E%5C"},
      {"\r\n", "%0D%0A"},
      {std::string("\0", 1), "%00"},
      {"\x7F", "%7F"},
      {"\xC3\xA4", "%C3%A4"},
      {"\xFF", "%FF"},
      {"eyJvIjoiYWNtZS1jb3JwIn0=", "eyJvIjoiYWNtZS1jb3JwIn0%3D"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(PercentEncode(c.in), c.out);
  }
}

}  // namespace
}  // namespace pulumi_gateway
