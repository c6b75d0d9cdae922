// The real gateway binary against an upstream that sends whatever a hostile or broken server
// might (tests/hostile/hostile_cases.cc): each case must end with its documented gRPC code within
// its time bound, leave the process's memory where it was, and leave the gateway clean for the
// next call. Answers must never cross between calls, the buffer budget must fail calls (never
// the process), and a planted token must never reach a caller or a log line.
//
// HOSTILE_ADDRESS_SPACE_MIB (set by the :hostile_upstream_limited_test target) runs the gateway
// under that address-space limit (prlimit --as) with a budget too large to protect it, so
// allocations really fail: every case must still end with a status, never a dead process.
#include <atomic>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "pulumi/service/v1/stacks.grpc.pb.h"
#include "tests/hostile/hostile_cases.h"
#include "tests/hostile/raw_upstream.h"
#include "tests/support/child_process.h"
#include "tests/support/harness.h"

namespace pulumi_gateway::testing {
namespace {

namespace v1 = ::pulumi::service::v1;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kCallerToken[] = "token sekret-caller-credential-0042";
// RSS the process may keep above its level before a case (glibc keeps some freed memory).
constexpr int64_t kRssSlackKib = 24 << 10;
// AddressSanitizer holds freed memory in quarantine: RSS says nothing about leaks there (ASan
// itself reports those).
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
constexpr bool kChecksRss = !kSanitized;

int AddressSpaceLimitMib() {
  const char* value = std::getenv("HOSTILE_ADDRESS_SPACE_MIB");
  int mib = 0;
  return value != nullptr && absl::SimpleAtoi(value, &mib) ? mib : 0;
}

struct Answered {
  grpc::Status status;
  v1::GetStackResponse response;
  absl::Duration took;
};

// "held_large": a 7 MiB answer whose last byte waits until every call of the test has either
// received the rest or given up, so all of them hold their bodies at once.
std::atomic<int> held_started{0};
std::atomic<int> held_ready{0};
constexpr int kHeldCalls = 12;

bool HeldLargeAnswer(RawConnection& c) {
  held_started.fetch_add(1);
  const std::string body = absl::StrCat(R"({"stackName":")", std::string(7 << 20, 's'), "\"}");
  const std::string answer = HttpAnswer(200, body);
  const bool sent = c.Write(absl::string_view(answer).substr(0, answer.size() - 1));
  held_ready.fetch_add(1);
  if (!sent) return false;
  const absl::Time until = absl::Now() + absl::Seconds(10);
  while (held_ready.load() < kHeldCalls && absl::Now() < until) {
    if (!c.Pause(absl::Milliseconds(5))) return false;
  }
  return c.Write(absl::string_view(answer).substr(answer.size() - 1));
}

// AddressSanitizer reserves terabytes of address space for its shadow memory, so a process
// under an address-space limit dies before main: the limited run means nothing in such a build.
bool LimitedRunImpossible() { return kSanitized && AddressSpaceLimitMib() > 0; }

class HostileUpstreamTest : public ::testing::TestWithParam<HostileCase> {
 protected:
  static void SetUpTestSuite() {
    if (LimitedRunImpossible()) return;
    cases_ = new std::vector<HostileCase>(HostileCases());
    upstream_ = new RawUpstream([](RawConnection& c) {
      while (std::optional<RawRequest> request = c.ReadRequest(absl::Seconds(60))) {
        const std::string name = request->target.substr(request->target.rfind('/') + 1);
        if (absl::StartsWith(name, "held_large")) {
          if (!HeldLargeAnswer(c)) return;
          continue;
        }
        if (name == "clean") {
          if (!c.Write(HttpAnswer(200, R"({"stackName":"clean","tags":{"a":"b"}})"))) return;
          continue;
        }
        const HostileCase* found = nullptr;
        for (const HostileCase& hostile : *cases_) {
          if (hostile.name == name) found = &hostile;
        }
        if (found == nullptr) {
          if (!c.Write(HttpAnswer(404, R"({"message":"no such case"})"))) return;
          continue;
        }
        if (!found->answer(c, *request)) return;
      }
    });
    std::vector<std::string> args = {
        "--listen=127.0.0.1:0",
        "--metrics_listen=",
        "--log_level=debug",
        "--upstream=" + upstream_->base_url(),
        absl::StrCat("--max_response_bytes=", kCaseMaxResponseBytes),
        "--retry_initial_backoff=5ms",
        "--retry_max_backoff=10ms",
        "--breaker_failure_threshold=0",
        "--default_timeout=5s",
        // A 429 case must not pause the token for the cases after it.
        "--throttle_max_pause=0",
    };
    std::string binary = "gateway/pulumi_gateway";
    if (const int limit = AddressSpaceLimitMib(); limit > 0) {
      // A budget far beyond the limit: the limit, not the budget, is what allocations meet.
      args.push_back("--max_buffered_response_bytes=1073741824");
      args.insert(args.begin(), {absl::StrCat("--as=", int64_t{limit} << 20), "--", binary});
      binary = "/usr/bin/prlimit";
    } else {
      args.push_back(absl::StrCat("--max_buffered_response_bytes=", 3 * kCaseMaxResponseBytes));
    }
    gateway_ = new ChildProcess(binary, args, {"PULUMI_ACCESS_TOKEN=", "MALLOC_ARENA_MAX=2"});
    absl::StatusOr<std::string> address = gateway_->WaitListening(absl::Seconds(30));
    ASSERT_TRUE(address.ok()) << address.status();
    grpc::ChannelArguments channel_args;
    channel_args.SetMaxReceiveMessageSize(-1);  // the huge map is larger than gRPC's 4 MiB
    stub_ =
        v1::StacksService::NewStub(
            grpc::CreateCustomChannel(*address, grpc::InsecureChannelCredentials(), channel_args))
            .release();
  }

  void SetUp() override {
    if (LimitedRunImpossible()) {
      GTEST_SKIP() << "an address-space limit cannot hold an AddressSanitizer build";
    }
  }

  static void TearDownTestSuite() {
    delete stub_;
    delete gateway_;
    delete upstream_;
    delete cases_;
  }

  static Answered Call(const std::string& stack, absl::Duration deadline = absl::Seconds(5)) {
    Answered answered;
    v1::GetStackRequest request;
    request.set_org_name("acme");
    request.set_project_name("p");
    request.set_stack_name(stack);
    grpc::ClientContext context;
    context.AddMetadata("authorization", kCallerToken);
    context.set_deadline(absl::ToChronoTime(absl::Now() + deadline));
    const absl::Time start = absl::Now();
    answered.status = stub_->GetStack(&context, request, &answered.response);
    answered.took = absl::Now() - start;
    return answered;
  }

  // Every string of a status a caller sees: message, ErrorInfo and RetryInfo fields.
  static std::vector<std::string> CallerVisibleText(const grpc::Status& status,
                                                    google::rpc::RetryInfo* retry = nullptr) {
    std::vector<std::string> text = {status.error_message()};
    google::rpc::Status details;
    if (!details.ParseFromString(status.error_details())) return text;
    for (const google::protobuf::Any& any : details.details()) {
      google::rpc::ErrorInfo info;
      if (any.UnpackTo(&info)) {
        text.push_back(info.reason());
        text.push_back(info.domain());
        for (const auto& [key, value] : info.metadata()) {
          text.push_back(key);
          text.push_back(value);
        }
      }
      google::rpc::RetryInfo retry_info;
      if (any.UnpackTo(&retry_info)) {
        text.push_back(retry_info.DebugString());
        if (retry != nullptr) *retry = retry_info;
      }
    }
    return text;
  }

  static void ExpectClean() {
    const Answered clean = Call("clean");
    ASSERT_TRUE(clean.status.ok()) << clean.status.error_message();
    EXPECT_EQ(clean.response.stack().stack_name(), "clean");
    EXPECT_EQ(clean.response.stack().tags().at("a"), "b");
  }

  static std::vector<HostileCase>* cases_;
  static RawUpstream* upstream_;
  static ChildProcess* gateway_;
  static v1::StacksService::Stub* stub_;
};
std::vector<HostileCase>* HostileUpstreamTest::cases_ = nullptr;
RawUpstream* HostileUpstreamTest::upstream_ = nullptr;
ChildProcess* HostileUpstreamTest::gateway_ = nullptr;
v1::StacksService::Stub* HostileUpstreamTest::stub_ = nullptr;

TEST_P(HostileUpstreamTest, EndsWithItsCodeInTimeAndLeavesTheGatewayClean) {
  const HostileCase& hostile = GetParam();
  ExpectClean();
  const int64_t rss_before = gateway_->RssKib();
  const Answered answered = Call(hostile.name, hostile.deadline);
  const bool limited = AddressSpaceLimitMib() > 0;
  if (limited && answered.status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED) {
    // Under the limit an allocation may fail first: the call says so, the process goes on.
  } else {
    EXPECT_EQ(answered.status.error_code(), hostile.code) << answered.status.error_message();
    EXPECT_THAT(answered.status.error_message(), HasSubstr(hostile.message));
  }
  EXPECT_LE(answered.took, hostile.max_time);
  google::rpc::RetryInfo retry;
  for (const std::string& text : CallerVisibleText(answered.status, &retry)) {
    EXPECT_THAT(text, Not(HasSubstr(PlantedToken().substr(4))));
    EXPECT_THAT(text, Not(HasSubstr("sekret-caller-credential")));
  }
  EXPECT_LE(retry.retry_delay().seconds(), 300);
  // The process lives, the next call is clean, and memory went back to where it was.
  ExpectClean();
  const int64_t rss_after = gateway_->RssKib();
  std::cerr << "case " << hostile.name << ": " << answered.status.error_code() << " in "
            << absl::ToInt64Milliseconds(answered.took) << " ms; RSS " << rss_before / 1024
            << " -> " << rss_after / 1024 << " MiB\n";
  if (kChecksRss) {
    EXPECT_LE(rss_after, rss_before + kRssSlackKib);
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, HostileUpstreamTest, ::testing::ValuesIn(HostileCases()),
                         [](const ::testing::TestParamInfo<HostileCase>& info) {
                           return info.param.name;
                         });

TEST_F(HostileUpstreamTest, TheHugeMapArrivesWhole) {
  const Answered answered = Call("huge_map", absl::Seconds(10));
  ASSERT_TRUE(answered.status.ok()) << answered.status.error_message();
  EXPECT_EQ(answered.response.stack().tags().size(), 200000u);
  EXPECT_EQ(answered.response.stack().tags().at("k199999"), "v199999");
}

TEST_F(HostileUpstreamTest, AnswersNeverCrossBetweenCallers) {
  // A second upstream whose every answer is followed, a little later, by a complete stray one.
  std::atomic<int> strays{0};
  RawUpstream stray([&strays](RawConnection& c) {
    while (std::optional<RawRequest> request = c.ReadRequest()) {
      const std::string name = request->target.substr(request->target.rfind('/') + 1);
      if (!c.Write(HttpAnswer(200, absl::StrCat(R"({"stackName":")", name, R"("})")))) return;
      if (!c.Pause(absl::Milliseconds(60))) return;
      if (!c.Write(HttpAnswer(200, R"({"stackName":"stray"})"))) return;
      strays.fetch_add(1);
    }
  });
  // The gateway in this process: nothing here concerns the process.
  std::unique_ptr<TestGateway> gateway = TestGateway::Start(stray.base_url());
  ASSERT_NE(gateway, nullptr);
  auto stub = v1::StacksService::NewStub(gateway->channel());
  for (int i = 0; i < 6; ++i) {
    const std::string name = absl::StrCat(i % 2 == 0 ? "a" : "b", i);
    v1::GetStackRequest request;
    request.set_org_name("acme");
    request.set_project_name("p");
    request.set_stack_name(name);
    grpc::ClientContext context;
    context.AddMetadata("authorization", kCallerToken);
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(5)));
    v1::GetStackResponse response;
    const grpc::Status status = stub->GetStack(&context, request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
    EXPECT_EQ(response.stack().stack_name(), name);
    // The stray answer is in the pooled connection before the next call goes out.
    const absl::Time until = absl::Now() + absl::Seconds(5);
    while (strays.load() < i + 1 && absl::Now() < until) absl::SleepFor(absl::Milliseconds(1));
  }
}

TEST_F(HostileUpstreamTest, AnAnswerPastTheAddressSpaceFailsTheCallNotTheProcess) {
  const int limit = AddressSpaceLimitMib();
  if (limit == 0) GTEST_SKIP() << "runs under HOSTILE_ADDRESS_SPACE_MIB";
  // A 200 MB answer, allowed by every limit but the address space: growing its buffer fails.
  const std::string giant =
      HttpAnswer(200, absl::StrCat(R"({"stackName":")", std::string(200 << 20, 'g'), "\"}"));
  RawUpstream upstream([&giant](RawConnection& c) {
    while (std::optional<RawRequest> request = c.ReadRequest()) {
      const bool clean = absl::EndsWith(request->target, "/clean");
      if (!c.Write(clean ? HttpAnswer(200, R"({"stackName":"clean"})") : giant)) return;
    }
  });
  ChildProcess gateway("/usr/bin/prlimit",
                       {absl::StrCat("--as=", int64_t{limit} << 20), "--", "gateway/pulumi_gateway",
                        "--listen=127.0.0.1:0", "--metrics_listen=", "--log_level=warning",
                        "--upstream=" + upstream.base_url(), "--max_response_bytes=268435456",
                        "--max_buffered_response_bytes=1073741824"},
                       {"PULUMI_ACCESS_TOKEN=", "MALLOC_ARENA_MAX=2"});
  absl::StatusOr<std::string> address = gateway.WaitListening(absl::Seconds(30));
  ASSERT_TRUE(address.ok()) << address.status();
  auto stub =
      v1::StacksService::NewStub(grpc::CreateChannel(*address, grpc::InsecureChannelCredentials()));
  for (const std::string name : {"giant", "clean"}) {
    v1::GetStackRequest request;
    request.set_org_name("acme");
    request.set_project_name("p");
    request.set_stack_name(name);
    grpc::ClientContext context;
    context.AddMetadata("authorization", kCallerToken);
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(20)));
    v1::GetStackResponse response;
    const grpc::Status status = stub->GetStack(&context, request, &response);
    if (name == "giant") {
      EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
      EXPECT_THAT(status.error_message(), HasSubstr("ran out of memory"));
    } else {
      EXPECT_TRUE(status.ok()) << status.error_message();
      EXPECT_EQ(response.stack().stack_name(), "clean");
    }
  }
}

TEST_F(HostileUpstreamTest, ManyLargeAnswersAtOnceMeetTheBudgetNotTheProcess) {
  // Under an address-space limit without a budget, gRPC's own allocations could meet the limit
  // too (and gRPC aborts rather than failing a call): that run tests single answers instead.
  if (AddressSpaceLimitMib() > 0) GTEST_SKIP() << "needs the budget";
  // Twelve 7 MiB answers at once against a 24 MiB budget: some must come back later.
  std::vector<std::thread> threads;
  absl::Mutex mu;
  int ok = 0;
  int exhausted = 0;
  for (int i = 0; i < kHeldCalls; ++i) {
    // Distinct stacks: identical reads would share one upstream request.
    threads.emplace_back([&, i] {
      const Answered answered = Call(absl::StrCat("held_large_", i), absl::Seconds(20));
      absl::MutexLock lock(&mu);
      if (answered.status.ok()) ++ok;
      if (answered.status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED) {
        ++exhausted;
        google::rpc::RetryInfo retry;
        CallerVisibleText(answered.status, &retry);
        if (AddressSpaceLimitMib() == 0) {
          EXPECT_THAT(answered.status.error_message(), HasSubstr("retry later"));
          EXPECT_EQ(retry.retry_delay().seconds(), 1);
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(ok + exhausted, 12);
  EXPECT_GE(ok, 1);
  if (AddressSpaceLimitMib() == 0) {
    EXPECT_GE(exhausted, 1);
  }
  std::cerr << "12 concurrent 7 MiB answers: " << ok << " OK, " << exhausted
            << " RESOURCE_EXHAUSTED; RSS " << gateway_->RssKib() / 1024 << " MiB\n";
  ExpectClean();
}

TEST_F(HostileUpstreamTest, StalledDeclaredLengthsReserveNothing) {
  // 32 answers that each declare 8 MB and stall: nothing is reserved up front.
  const int64_t rss_before = gateway_->RssKib();
  std::vector<std::thread> threads;
  std::atomic<int> deadline_exceeded{0};
  for (int i = 0; i < 32; ++i) {
    threads.emplace_back([&] {
      const Answered answered = Call("huge_declared_length_then_stall", absl::Seconds(1));
      if (answered.status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED) ++deadline_exceeded;
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(deadline_exceeded.load(), 32);
  if (kChecksRss) {
    EXPECT_LE(gateway_->RssKib(), rss_before + kRssSlackKib);
  }
  ExpectClean();
}

TEST_F(HostileUpstreamTest, NoLogLineCarriesAPlantedToken) {
  for (const char* name :
       {"token_echoed_back", "caller_token_echoed_back", "unknown_key_named_like_a_token"}) {
    Call(name);
  }
  ExpectClean();
  const std::string log = gateway_->Stderr();
  EXPECT_THAT(log, HasSubstr("pul-[REDACTED]"));
  EXPECT_THAT(log, Not(HasSubstr(PlantedToken().substr(4))));
  EXPECT_THAT(log, Not(HasSubstr("sekret-caller-credential")));
}

}  // namespace
}  // namespace pulumi_gateway::testing
