// End-to-end: the audit-log RPCs through the real gateway against the real emulator (both
// in-process): V1 and V2 listing with their different time bounds, filters and paging, the CSV
// export, and the refusals (no admin, no Enterprise subscription, bad parameters). The audit trail
// of member and team changes is checked in organization_test.cc, that of stack changes in
// stack_lifecycle_test.cc.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/e2e/e2e_test_base.h"

namespace pulumi_gateway::e2e {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;
using Code = ::grpc::StatusCode;

constexpr char kAcme[] = "acme-corp";

class AuditLogTest : public E2eTest {};

TEST_F(AuditLogTest, AuditLogPagesAndTimeBounds) {
  Caller jdoe = As(kJdoeToken);
  // V2 without bounds: the 14 seeded events, newest first, 10 per page, each once.
  v1::ListAuditLogEventsV2Request v2;
  v2.set_org_name(kAcme);
  std::vector<int64_t> timestamps;
  std::vector<int> page_sizes;
  for (int page = 0; page < 10; ++page) {
    Result<v1::ListAuditLogEventsV2Response> got = jdoe(&Orgs::ListAuditLogEventsV2, v2);
    ASSERT_THAT(got.status, IsOk());
    page_sizes.push_back(got.response.audit_log_events_size());
    for (const v1::AuditLogEvent& e : got.response.audit_log_events())
      timestamps.push_back(e.timestamp());
    if (got.response.continuation_token().empty()) break;
    v2.set_continuation_token(got.response.continuation_token());
  }
  EXPECT_THAT(page_sizes, ElementsAre(10, 4));
  ASSERT_THAT(timestamps, SizeIs(14));
  EXPECT_TRUE(std::is_sorted(timestamps.rbegin(), timestamps.rend())) << "newest first";
  EXPECT_EQ(std::set<int64_t>(timestamps.begin(), timestamps.end()).size(), 14u);

  // V2: start_time is a lower bound, end_time an upper bound, both inclusive.
  v1::ListAuditLogEventsV2Request window;
  window.set_org_name(kAcme);
  window.set_start_time(1754280000);
  window.set_end_time(1754300112);
  Result<v1::ListAuditLogEventsV2Response> in_window = jdoe(&Orgs::ListAuditLogEventsV2, window);
  ASSERT_THAT(in_window.status, IsOk());
  EXPECT_THAT(
      EventIds(in_window.response.audit_log_events()),
      ElementsAre("stack.update", "member.role.changed", "user.login.failed", "stack.export"));
  v1::ListAuditLogEventsV2Request ci;
  ci.set_org_name(kAcme);
  ci.set_user_filter("acme-ci");
  Result<v1::ListAuditLogEventsV2Response> by_ci = jdoe(&Orgs::ListAuditLogEventsV2, ci);
  EXPECT_THAT(EventIds(by_ci.response.audit_log_events()),
              ElementsAre("stack.update", "stack.update", "stack.update"));
  ci.set_user_filter("nobody");
  EXPECT_THAT(jdoe(&Orgs::ListAuditLogEventsV2, ci).status,
              StatusIs(Code::NOT_FOUND, "User 'nobody' not found."));

  // V1: start_time is an upper bound; paging with the opaque token.
  v1::ListAuditLogEventsRequest older;
  older.set_org_name(kAcme);
  older.set_start_time(1754200000);
  Result<v1::ListAuditLogEventsResponse> v1_page = jdoe(&Orgs::ListAuditLogEvents, older);
  ASSERT_THAT(v1_page.status, IsOk());
  EXPECT_THAT(v1_page.response.audit_log_events(), SizeIs(7));
  EXPECT_EQ(v1_page.response.audit_log_events(0).timestamp(), 1754200000);
  older.set_start_time(absl::ToUnixSeconds(absl::Now()) + 60);
  v1_page = jdoe(&Orgs::ListAuditLogEvents, older);
  ASSERT_THAT(v1_page.response.audit_log_events(), SizeIs(10));
  ASSERT_THAT(v1_page.response.continuation_token(), Not(IsEmpty()));
  v1::ListAuditLogEventsRequest next;
  next.set_org_name(kAcme);
  next.set_continuation_token(v1_page.response.continuation_token());
  v1_page = jdoe(&Orgs::ListAuditLogEvents, next);
  ASSERT_THAT(v1_page.status, IsOk());
  EXPECT_THAT(v1_page.response.audit_log_events(), SizeIs(4));
  EXPECT_EQ(v1_page.response.continuation_token(), "");
  v1::ListAuditLogEventsRequest unbounded;
  unbounded.set_org_name(kAcme);
  EXPECT_THAT(jdoe(&Orgs::ListAuditLogEvents, unbounded).status,
              StatusIs(Code::INVALID_ARGUMENT,
                       "Bad Request: either 'continuationToken' or 'startTime' is required"));

  // An export is every matching event at once.
  v1::ExportAuditLogsRequest everything;
  everything.set_org_name(kAcme);
  Result<v1::ExportAuditLogsResponse> csv = jdoe(&Orgs::ExportAuditLogs, everything);
  ASSERT_THAT(csv.status, IsOk());
  std::vector<std::string> lines = absl::StrSplit(csv.response.data(), '\n', absl::SkipEmpty());
  EXPECT_THAT(lines, SizeIs(15));
  everything.set_format("xml");
  EXPECT_THAT(jdoe(&Orgs::ExportAuditLogs, everything).status,
              StatusIs(Code::INVALID_ARGUMENT, "Bad Request: invalid query parameter 'format'"));
}

TEST_F(AuditLogTest, AuditLogsNeedAnAdminAndTheSubscription) {
  // globex has audit logs disabled; mchen is its admin.
  Caller mchen = As(kMchenToken);
  // The service's own 400 message, which the emulator answers verbatim and the gateway passes on.
  const std::string kNoSubscription =
      "Audit Logs is available only to organizations with an Enterprise "
      "subscription.";
  v1::ListAuditLogEventsRequest list;
  list.set_org_name("globex");
  list.set_start_time(absl::ToUnixSeconds(absl::Now()));
  EXPECT_THAT(mchen(&Orgs::ListAuditLogEvents, list).status,
              StatusIs(Code::INVALID_ARGUMENT, kNoSubscription));
  v1::ListAuditLogEventsV2Request list_v2;
  list_v2.set_org_name("globex");
  EXPECT_THAT(mchen(&Orgs::ListAuditLogEventsV2, list_v2).status,
              StatusIs(Code::INVALID_ARGUMENT, kNoSubscription));
  v1::ExportAuditLogsRequest export_v1;
  export_v1.set_org_name("globex");
  EXPECT_THAT(mchen(&Orgs::ExportAuditLogs, export_v1).status,
              StatusIs(Code::INVALID_ARGUMENT, kNoSubscription));
  v1::ExportAuditLogsV2Request export_v2;
  export_v2.set_org_name("globex");
  EXPECT_THAT(mchen(&Orgs::ExportAuditLogsV2, export_v2).status,
              StatusIs(Code::INVALID_ARGUMENT, kNoSubscription));

  // rkumar is an acme-corp member but not an admin.
  Caller rkumar = As(kRkumarToken);
  export_v2.set_org_name(kAcme);
  EXPECT_THAT(
      rkumar(&Orgs::ExportAuditLogsV2, export_v2).status,
      StatusIs(Code::PERMISSION_DENIED, "Only admins of organization 'acme-corp' may do this."));
  list_v2.set_org_name(kAcme);
  EXPECT_THAT(rkumar(&Orgs::ListAuditLogEventsV2, list_v2).status,
              StatusIs(Code::PERMISSION_DENIED, "Only admins"));
}

}  // namespace
}  // namespace pulumi_gateway::e2e
