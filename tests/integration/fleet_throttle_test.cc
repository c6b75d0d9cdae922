// Per-token rate-limit protection through the real gateway binary in front of the in-process
// emulator, whose per-token limit answers 429 + Retry-After (emulator/README.md). With the
// emulator allowing 20 requests/s per token and the gateway's --identity_rate_limit just under it:
// steady load at the upstream's limit and a burst of three times it both finish without one
// RESOURCE_EXHAUSTED or one upstream 429; and when the upstream does answer 429, the token's
// other calls wait out the Retry-After window instead of going upstream (counted in the
// emulator's request log) while another token's calls go on.
//
// Read coalescing is off (--coalesce_reads=false) so every call is one upstream request.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "emulator/demo_seed.h"
#include "emulator/faults.h"
#include "emulator/request_log.h"
#include "emulator/server.h"
#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "pulumi/service/v1/stacks.grpc.pb.h"
#include "tests/support/harness.h"
#include "tests/support/metrics.h"

namespace pulumi_gateway::testing {
namespace {

namespace v1 = ::pulumi::service::v1;
using ::testing::HasSubstr;

// Two tokens of jdoe (emulator/data/demo.json): one upstream identity each.
constexpr char kTokenA[] = "pul-demo-jdoe-7f3a9c2e41b85d60f1e2a3b4c5d6e7f8";
constexpr char kTokenB[] = "pul-demo-jdoe-cli-0a1b2c3d4e5f60718293a4b5c6d7e8f9";
constexpr char kProdPath[] = "/api/stacks/acme-corp/payments-api/prod";
constexpr double kUpstreamRps = 20;

// Unary GetStack calls started without waiting (callback API), each with its own deadline.
class Calls {
 public:
  explicit Calls(const std::string& address)
      : stub_(v1::StacksService::NewStub(
            grpc::CreateChannel(address, grpc::InsecureChannelCredentials()))) {}

  void Start(const std::string& token, const std::string& stack, absl::Duration timeout) {
    auto call = std::make_unique<Call>();
    call->context.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
    call->context.AddMetadata("authorization", absl::StrCat("token ", token));
    call->request.set_org_name("acme-corp");
    call->request.set_project_name("payments-api");
    call->request.set_stack_name(stack);
    Call* c = call.get();
    {
      absl::MutexLock lock(&mu_);
      calls_.push_back(std::move(call));
      ++pending_;
    }
    stub_->async()->GetStack(&c->context, &c->request, &c->response, [this, c](grpc::Status s) {
      absl::MutexLock lock(&mu_);
      c->status = std::move(s);
      c->finished = absl::Now();
      --pending_;
    });
  }

  // Waits for every started call; the statuses in start order.
  std::vector<grpc::Status> WaitAll(absl::Duration timeout) {
    absl::MutexLock lock(&mu_);
    auto done = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return pending_ == 0; };
    if (!mu_.AwaitWithTimeout(absl::Condition(&done), timeout)) {
      ADD_FAILURE() << pending_ << " calls did not finish within " << timeout;
      for (auto& call : calls_) call->context.TryCancel();
      mu_.Await(absl::Condition(&done));
    }
    std::vector<grpc::Status> statuses;
    for (const auto& call : calls_) statuses.push_back(call->status);
    return statuses;
  }

  absl::Time finished(size_t i) {
    absl::MutexLock lock(&mu_);
    return calls_[i]->finished;
  }

 private:
  struct Call {
    grpc::ClientContext context;
    v1::GetStackRequest request;
    v1::GetStackResponse response;
    grpc::Status status;
    absl::Time finished;
  };

  std::unique_ptr<v1::StacksService::Stub> stub_;
  absl::Mutex mu_;
  std::vector<std::unique_ptr<Call>> calls_ ABSL_GUARDED_BY(mu_);
  int pending_ ABSL_GUARDED_BY(mu_) = 0;
};

// Per token: 18 requests a second, 10 at once.
void PerTokenRate(FlagValues& f) {
  f.identity_rate_limit = 18;
  f.identity_burst = 10;
}

class FleetThrottleTest : public ::testing::Test {
 protected:
  // The emulator limiting each token to `upstream_rps` (0: no limit), and the gateway in front of
  // it with `adjust`'s settings.
  void Start(double upstream_rps, const AdjustFlags& adjust) {
    emulator::ServerOptions options;
    options.rate_limit_rps = upstream_rps;
    // A keep-alive connection holds an emulator worker thread: enough for every gateway
    // connection, so a burst meets the rate limit rather than the thread pool.
    options.threads = 64;
    emulator_ = StartEmulator(options);
    ASSERT_NE(emulator_, nullptr);

    gateway_ = TestGateway::Start(UpstreamUrl(*emulator_), [&](FlagValues& f) {
      f.metrics_listen = "127.0.0.1:0";
      f.coalesce_reads = false;
      adjust(f);
    });
    ASSERT_NE(gateway_, nullptr);
    metrics_ = gateway_->metrics_address();
    ASSERT_FALSE(metrics_.empty());
    calls_ = std::make_unique<Calls>(gateway_->address());
  }

  // The value of an unlabelled sample on the gateway's /metrics, or -1.
  double Metric(const std::string& name) { return ScrapeSample(metrics_, name); }

  // The emulator's records of requests made with `token`.
  std::vector<emulator::RequestRecord> RequestsOf(const std::string& token) {
    const std::string hash = emulator::TokenFingerprint(token);
    std::vector<emulator::RequestRecord> records;
    for (const emulator::RequestRecord& r : emulator_->requests().Snapshot()) {
      if (r.token_hash == hash) records.push_back(r);
    }
    return records;
  }

  static int Count(const std::vector<emulator::RequestRecord>& records, int status) {
    return static_cast<int>(std::count_if(records.begin(), records.end(),
                                          [status](const auto& r) { return r.status == status; }));
  }

  std::unique_ptr<emulator::Server> emulator_;
  std::unique_ptr<TestGateway> gateway_;
  std::string metrics_;
  std::unique_ptr<Calls> calls_;
};

// Paces the offered load (not a synchronisation: nothing is waited for).
void PaceUntil(absl::Time when) {
  const absl::Duration left = when - absl::Now();
  if (left > absl::ZeroDuration()) absl::SleepFor(left);
}

std::string Describe(const std::vector<grpc::Status>& statuses) {
  std::string out;
  for (const grpc::Status& s : statuses) {
    if (!s.ok()) absl::StrAppend(&out, s.error_code(), ": ", s.error_message(), "\n");
  }
  return out;
}

int Failures(const std::vector<grpc::Status>& statuses) {
  return static_cast<int>(std::count_if(statuses.begin(), statuses.end(),
                                        [](const grpc::Status& s) { return !s.ok(); }));
}

TEST_F(FleetThrottleTest, SteadyLoadAtTheUpstreamsLimitMeetsNo429) {
  Start(kUpstreamRps, PerTokenRate);
  // Offered at the upstream's own limit, 20/s for 3 s: the gateway holds it to 18/s (+10 burst),
  // so the few calls it delays wait well inside their deadline.
  constexpr int kCalls = 60;
  const absl::Time start = absl::Now();
  for (int i = 0; i < kCalls; ++i) {
    PaceUntil(start + absl::Milliseconds(50) * i);  // pacing the load, not synchronising
    calls_->Start(kTokenA, "prod", absl::Seconds(5));
  }
  const std::vector<grpc::Status> statuses = calls_->WaitAll(absl::Seconds(15));
  EXPECT_EQ(Failures(statuses), 0) << Describe(statuses);
  const std::vector<emulator::RequestRecord> upstream = RequestsOf(kTokenA);
  EXPECT_EQ(upstream.size(), static_cast<size_t>(kCalls));
  EXPECT_EQ(Count(upstream, 429), 0);
  EXPECT_EQ(Metric("pulumi_gateway_throttle_rejected_total"), 0);
  EXPECT_EQ(Metric("pulumi_gateway_throttle_pauses_total"), 0);
}

TEST_F(FleetThrottleTest, ABurstOfThreeTimesTheLimitQueuesAndAllSucceed) {
  Start(kUpstreamRps, PerTokenRate);
  constexpr int kCalls = 3 * static_cast<int>(kUpstreamRps);
  const absl::Time start = absl::Now();
  for (int i = 0; i < kCalls; ++i) calls_->Start(kTokenA, "prod", absl::Seconds(10));
  const std::vector<grpc::Status> statuses = calls_->WaitAll(absl::Seconds(20));
  absl::Time last = start;
  for (size_t i = 0; i < statuses.size(); ++i) last = std::max(last, calls_->finished(i));
  std::cout << "burst: " << kCalls << " concurrent calls, gateway limit 18/s burst 10, took "
            << last - start << std::endl;
  EXPECT_EQ(Failures(statuses), 0) << Describe(statuses);
  const std::vector<emulator::RequestRecord> upstream = RequestsOf(kTokenA);
  EXPECT_EQ(upstream.size(), static_cast<size_t>(kCalls)) << "every call went upstream once";
  EXPECT_EQ(Count(upstream, 429), 0);
  // 10 at once, then 50 at 18/s: about 2.8 s.
  EXPECT_GE(last - start, absl::Milliseconds(2500));
  EXPECT_EQ(Metric("pulumi_gateway_throttle_rejected_total"), 0);
}

TEST_F(FleetThrottleTest, AfterA429TheTokensCallsWaitOutTheWindowAndOtherTokensGoOn) {
  Start(/*upstream_rps=*/0, PerTokenRate);
  // The next GET of prod (token A's stack) answers 429 with Retry-After: 1.
  emulator::FaultSpec fault;
  fault.kind = emulator::FaultKind::kRetryAfter;
  fault.retry_after = "1";
  fault.method = "GET";
  fault.route = kProdPath;
  fault.count = 1;

  // Token A calls prod every 50 ms and token B calls staging every 100 ms, for 2.5 s; the fault
  // goes in after 0.5 s.
  const absl::Time start = absl::Now();
  for (int i = 0; i < 50; ++i) {
    PaceUntil(start + absl::Milliseconds(50) * i);  // pacing the load
    if (i == 10) {
      ASSERT_TRUE(emulator_->faults().Add(fault).ok());
    }
    calls_->Start(kTokenA, "prod", absl::Seconds(5));
    if (i % 2 == 0) calls_->Start(kTokenB, "staging", absl::Seconds(5));
  }
  const std::vector<grpc::Status> statuses = calls_->WaitAll(absl::Seconds(15));
  EXPECT_EQ(Failures(statuses), 0) << Describe(statuses);

  const std::vector<emulator::RequestRecord> a = RequestsOf(kTokenA);
  ASSERT_EQ(Count(a, 429), 1);
  const int64_t t429 =
      std::find_if(a.begin(), a.end(), [](const auto& r) { return r.status == 429; })->time_ms;
  auto in_window = [t429](const std::vector<emulator::RequestRecord>& records) {
    return std::count_if(records.begin(), records.end(), [t429](const auto& r) {
      return r.time_ms > t429 + 100 && r.time_ms < t429 + 900;
    });
  };
  // About 16 of A's calls started inside the window: all waited in the gateway.
  EXPECT_EQ(in_window(a), 0) << "token A's requests reached the upstream during its 429 window";
  EXPECT_GE(in_window(RequestsOf(kTokenB)), 5) << "token B was held up by token A's pause";
  // Every call of A went upstream exactly once, plus the one retry of the call that met the 429.
  EXPECT_EQ(a.size(), 51u);
  EXPECT_EQ(Metric("pulumi_gateway_throttle_pauses_total"), 1);
  EXPECT_EQ(Metric("pulumi_gateway_throttle_rejected_total"), 0);
}

TEST_F(FleetThrottleTest, ACallWhoseDeadlineEndsInsideThePauseFailsAtOnceUnsent) {
  Start(/*upstream_rps=*/0, [](FlagValues&) {});
  emulator::FaultSpec fault;
  fault.kind = emulator::FaultKind::kRetryAfter;
  fault.retry_after = "3";
  fault.method = "GET";
  fault.route = kProdPath;
  fault.count = 1;
  ASSERT_TRUE(emulator_->faults().Add(fault).ok());
  // The first call meets the 429; with a 1 s deadline it is not retried after 3 s.
  calls_->Start(kTokenA, "prod", absl::Seconds(1));
  ASSERT_EQ(calls_->WaitAll(absl::Seconds(5))[0].error_code(),
            grpc::StatusCode::RESOURCE_EXHAUSTED);
  ASSERT_EQ(RequestsOf(kTokenA).size(), 1u);

  auto stub = v1::StacksService::NewStub(
      grpc::CreateChannel(gateway_->address(), grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Milliseconds(500)));
  context.AddMetadata("authorization", absl::StrCat("token ", kTokenA));
  v1::GetStackRequest request;
  request.set_org_name("acme-corp");
  request.set_project_name("payments-api");
  request.set_stack_name("prod");
  v1::GetStackResponse response;
  const grpc::Status status = stub->GetStack(&context, request, &response);
  // Failing at once: a call that waited for the pause would end in DEADLINE_EXCEEDED instead.
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(status.error_message(), HasSubstr("rate-limited this access token (HTTP 429)"));
  EXPECT_THAT(status.error_message(), HasSubstr("not sent"));
  EXPECT_THAT(status.error_message(), ::testing::Not(HasSubstr(kTokenA)));
  google::rpc::Status details;
  ASSERT_TRUE(details.ParseFromString(status.error_details()));
  bool has_retry_info = false;
  for (const auto& any : details.details()) {
    google::rpc::RetryInfo retry;
    if (any.UnpackTo(&retry)) {
      has_retry_info = true;
      EXPECT_GT(retry.retry_delay().seconds(), 0) << "the wait left in the 3 s pause";
    }
    google::rpc::ErrorInfo info;
    if (any.UnpackTo(&info)) {
      EXPECT_EQ(info.reason(), "IDENTITY_PAUSED");
      EXPECT_EQ(info.metadata().at("sent"), "false");
    }
  }
  EXPECT_TRUE(has_retry_info);
  EXPECT_EQ(RequestsOf(kTokenA).size(), 1u) << "the refused call reached the upstream";
  EXPECT_EQ(Metric("pulumi_gateway_throttle_paused_identities"), 1);
  EXPECT_EQ(Metric("pulumi_gateway_throttle_rejected_total"), 1);
}

}  // namespace
}  // namespace pulumi_gateway::testing
