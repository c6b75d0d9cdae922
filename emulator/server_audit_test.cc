// HTTP: audit logs (v1/v2 listing, filters, paging, exports) and audit events from mutations.
#include <set>
#include <string>

#include "emulator/audit_export.h"
#include "emulator/server_test_util.h"

namespace emulator {
namespace {

constexpr char kAudit[] = "/api/orgs/acme-corp/auditlogs";

TEST_F(EmulatorHttpTest, AuditV1RequiresStartTimeOrToken) {
  ExpectError(Call("GET", kAudit, kJdoeToken), 400, "'continuationToken' or 'startTime'");
  HttpResult r = Call("GET", std::string(kAudit) + "?startTime=1754300200", kJdoeToken);
  ASSERT_EQ(r.status, 200) << r.body;
  const Json& first = r.json["auditLogEvents"][0];
  EXPECT_EQ(first["timestamp"], 1754300112);  // newest not after startTime
  EXPECT_EQ(first["event"], "stack.update");
  EXPECT_EQ(first["tokenName"], "ci-deploy-token");
  EXPECT_EQ(first["user"]["githubLogin"], "acme-ci");
  EXPECT_EQ(r.json["auditLogEvents"].size(), 10u);
  ASSERT_TRUE(r.json["continuationToken"].is_string());
  HttpResult next = Call(
      "GET",
      std::string(kAudit) + "?continuationToken=" + r.json["continuationToken"].get<std::string>(),
      kJdoeToken);
  ASSERT_EQ(next.status, 200);
  EXPECT_EQ(next.json["auditLogEvents"].size(), 2u);  // 12 events up to startTime
  EXPECT_FALSE(next.json.contains("continuationToken"));
  ExpectError(Call("GET", std::string(kAudit) + "?startTime=soon", kJdoeToken), 400, "startTime");
}

TEST_F(EmulatorHttpTest, AuditV2LowerBoundFiltersAndPaging) {
  std::string v2 = std::string(kAudit) + "/v2";
  HttpResult r = Call("GET", v2 + "?startTime=1754290000&endTime=1754310000", kJdoeToken);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json["auditLogEvents"].size(), 4u);
  r = Call("GET", v2 + "?userFilter=jdoe&eventFilter=member.role.changed", kJdoeToken);
  ASSERT_EQ(r.json["auditLogEvents"].size(), 1u);
  EXPECT_EQ(r.json["auditLogEvents"][0]["reqOrgAdmin"], true);
  EXPECT_EQ(Call("GET", v2 + "?user=acme-ci", kJdoeToken).json["auditLogEvents"].size(), 3u);
  std::set<int64_t> seen;
  std::string path = v2 + "?maxResults=5";
  for (int pages = 0; pages < 10; ++pages) {
    HttpResult page = Call("GET", path, kJdoeToken);
    ASSERT_EQ(page.status, 200);
    for (const Json& e : page.json["auditLogEvents"]) {
      EXPECT_TRUE(seen.insert(e["timestamp"].get<int64_t>()).second);
    }
    if (!page.json.contains("continuationToken")) break;
    path =
        v2 + "?maxResults=5&continuationToken=" + page.json["continuationToken"].get<std::string>();
  }
  EXPECT_EQ(seen.size(), 14u);
  ExpectError(Call("GET", v2 + "?userFilter=ghost", kJdoeToken), 404, "User 'ghost'");
  ExpectError(Call("GET", v2, kRkumarToken), 403, "Only admins");
  ExpectError(Call("GET", "/api/orgs/globex/auditlogs/v2", kMchenToken), 400, "Enterprise");
  ExpectError(Call("GET", v2 + "?format=xml", kJdoeToken), 400, "format");
}

TEST_F(EmulatorHttpTest, MutationsAppendAuditEventsWithSourceIp) {
  ASSERT_EQ(Call("POST", std::string(kProdPath) + "/tags", kJdoeToken,
                 Json{{"name", "owner"}, {"value", "jdoe"}})
                .status,
            204);
  ASSERT_EQ(
      Call("POST", "/api/orgs/acme-corp/members/srivera", kJdoeToken, Json{{"role", "member"}})
          .status,
      200);
  HttpResult r = Call("GET", std::string(kAudit) + "/v2?maxResults=2", kJdoeToken);
  ASSERT_EQ(r.status, 200);
  const Json& member = r.json["auditLogEvents"][0];
  EXPECT_EQ(member["event"], "member.add");
  EXPECT_EQ(member["sourceIP"], "127.0.0.1");
  EXPECT_EQ(member["user"]["githubLogin"], "jdoe");
  EXPECT_GT(member["timestamp"].get<int64_t>(), 1754320000);
  EXPECT_EQ(r.json["auditLogEvents"][1]["event"], "stack.tag.add");
  EXPECT_EQ(r.json["auditLogEvents"][1]["description"],
            "Added tag \"owner\" to stack \"payments-api/prod\"");
}

TEST_F(EmulatorHttpTest, ExportIsGzippedCsvOrCef) {
  for (const char* route :
       {"/api/orgs/acme-corp/auditlogs/export", "/api/orgs/acme-corp/auditlogs/v2/export"}) {
    HttpResult r = Call("GET", route, kJdoeToken);  // the client inflates gzip
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.Header("Content-Encoding"), "gzip");
    EXPECT_EQ(r.Header("Content-Type"), "text/plain; charset=utf-8");
    EXPECT_EQ(r.body.substr(0, kAuditCsvHeader.size()), kAuditCsvHeader);
    EXPECT_NE(r.body.find("\n2025-08-04T15:06:40Z,Tobi Okafor,tokafor,stack.update,"),
              std::string::npos);
  }
  client_->set_decompress(false);
  HttpResult raw = Call("GET", "/api/orgs/acme-corp/auditlogs/export?format=cef", kJdoeToken);
  ASSERT_EQ(raw.status, 200);
  ASSERT_GT(raw.body.size(), 2u);
  EXPECT_EQ(static_cast<unsigned char>(raw.body[0]), 0x1f);  // gzip magic, compressed once
  EXPECT_EQ(static_cast<unsigned char>(raw.body[1]), 0x8b);
  client_->set_decompress(true);
  HttpResult cef = Call("GET", "/api/orgs/acme-corp/auditlogs/export?format=cef", kJdoeToken);
  EXPECT_EQ(cef.body.rfind("CEF:0|Pulumi|Pulumi Cloud|1.0|stack.update|", 0), 0u);
  ExpectError(Call("GET", "/api/orgs/acme-corp/auditlogs/export?format=json", kJdoeToken), 400,
              "format");
  ExpectError(Call("GET", "/api/orgs/acme-corp/auditlogs/export", kRkumarToken), 403,
              "Only admins");
}

}  // namespace
}  // namespace emulator
