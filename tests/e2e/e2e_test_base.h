// Base fixture of the end-to-end suites: the emulator and the gateway are started once per suite
// (SetUpTestSuite) and the emulator is reset to the demo seed before every test, so each test
// starts from the state described in emulator/README.md "Demo data".
//
//   class StackLifecycleTest : public E2eTest {};
//   TEST_F(StackLifecycleTest, Something) {
//     Caller jdoe = As(kJdoeToken);
//     ...
//   }
#ifndef TESTS_E2E_E2E_TEST_BASE_H_
#define TESTS_E2E_E2E_TEST_BASE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "tests/e2e/e2e_call.h"
#include "tests/e2e/e2e_environment.h"

namespace pulumi_gateway::e2e {

// The event ids ("member.add", ...) of a list of audit-log events, in list order.
inline std::vector<std::string> EventIds(
    const google::protobuf::RepeatedPtrField<v1::AuditLogEvent>& events) {
  std::vector<std::string> ids;
  for (const v1::AuditLogEvent& e : events) ids.push_back(e.event());
  return ids;
}

class E2eTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<std::unique_ptr<E2eEnvironment>> env = E2eEnvironment::Start();
    if (!env.ok()) {
      start_error_ = env.status().ToString();
      return;
    }
    env_ = env->release();
  }

  static void TearDownTestSuite() {
    if (env_ != nullptr) {
      // Everything the gateway wrote during the suite (info-level access logs included) is
      // scanned for tokens: a "pul-" not followed by the redaction marker is a leaked token.
      const std::string output = env_->GatewayOutput();
      EXPECT_THAT(output, ::testing::HasSubstr("\"msg\":\"access\""));
      for (size_t at = output.find("pul-"); at != std::string::npos;
           at = output.find("pul-", at + 4)) {
        if (output.compare(at + 4, 10, "[REDACTED]") == 0) continue;
        ADD_FAILURE() << "the gateway's output shows a token: "
                      << output.substr(at, std::min<size_t>(16, output.size() - at)) << "...";
        break;
      }
    }
    delete env_;
    env_ = nullptr;
  }

  void SetUp() override {
    ASSERT_NE(env_, nullptr) << "the emulator or the gateway did not start: " << start_error_;
    absl::Status reset = env_->admin().Reset();
    ASSERT_TRUE(reset.ok()) << reset;
    // Audit events written from now on have timestamps >= test_start_ (unix seconds).
    test_start_ = absl::ToUnixSeconds(absl::Now()) - 1;
  }

  static E2eEnvironment& env() { return *env_; }
  static EmulatorAdmin& admin() { return env_->admin(); }
  // A caller of the gateway with `token`; no authorization metadata when empty.
  static Caller As(const std::string& token) { return env_->CallerFor(token); }

  // Event ids of the audit-log events of `org` written since the test started, oldest first, as
  // `reader` sees them through ListAuditLogEventsV2 (every page).
  std::vector<std::string> AuditEventsSinceStart(Caller& reader, const std::string& org) {
    std::vector<std::string> events;
    v1::ListAuditLogEventsV2Request request;
    request.set_org_name(org);
    request.set_start_time(test_start_);
    for (int page = 0; page < 50; ++page) {
      Result<v1::ListAuditLogEventsV2Response> got = reader(&Orgs::ListAuditLogEventsV2, request);
      EXPECT_THAT(got.status, IsOk());
      if (!got.status.ok()) break;
      for (const v1::AuditLogEvent& e : got.response.audit_log_events()) {
        events.insert(events.begin(), e.event());  // the log is newest first
      }
      if (got.response.continuation_token().empty()) break;
      request.set_continuation_token(got.response.continuation_token());
    }
    return events;
  }

  int64_t test_start_ = 0;

 private:
  static inline E2eEnvironment* env_ = nullptr;
  static inline std::string start_error_;
};

}  // namespace pulumi_gateway::e2e

#endif  // TESTS_E2E_E2E_TEST_BASE_H_
