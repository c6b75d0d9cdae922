// One budget for a fleet: three gateway processes share each token's quota through a real
// redis-server (started by the test on 127.0.0.1), in front of the in-process emulator limiting
// each token to 20 requests/s. Each replica reaches the emulator through its own small counting
// proxy, so the upstream requests of each replica are told apart (and a 429 can be injected into
// one replica's traffic only).
//
// - Uneven steady load just under the limit (80/10/10 and all on one replica): no caller sees
//   an error and the emulator answers no 429. The same runs on local stores (the limit divided by
//   three, as operators do without a store) are printed for comparison.
// - A Retry-After 429 met by one replica holds the token on all three for the window.
// - Faults: Redis stopped (the fair share, the degraded gauge, a warning, no crash, no queue) and
//   restarted (shared again), frozen (no call waits for it), refusing the password (exit 2
//   naming the flag).
// - Cache invalidation across replicas: a write through one replica drops the other's entries.
//
// Read coalescing is off so every call is one upstream request.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "emulator/demo_seed.h"
#include "emulator/request_log.h"
#include "emulator/server.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "httplib.h"
#include "pulumi/service/v1/stacks.grpc.pb.h"
#include "tests/support/child_process.h"
#include "tests/support/metrics.h"
#include "tests/support/redis_server.h"

namespace pulumi_gateway::testing {
namespace {

namespace v1 = ::pulumi::service::v1;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kJdoe[] = "pul-demo-jdoe-7f3a9c2e41b85d60f1e2a3b4c5d6e7f8";
constexpr char kJdoeCli[] = "pul-demo-jdoe-cli-0a1b2c3d4e5f60718293a4b5c6d7e8f9";
constexpr char kAsmith[] = "pul-demo-asmith-5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b";
constexpr double kUpstreamRps = 20;
constexpr int kReplicas = 3;

int64_t NowMs() { return absl::ToUnixMillis(absl::Now()); }

// Forwards one replica's upstream requests to the emulator, recording each (arrival time, token
// fingerprint, status); can answer the next request itself with a 429.
class CountingProxy {
 public:
  struct Record {
    int64_t time_ms;
    std::string token_hash;
    int status;
  };

  explicit CountingProxy(int emulator_port) : emulator_port_(emulator_port) {
    auto handler = [this](const httplib::Request& req, httplib::Response& res) {
      Forward(req, res);
    };
    server_.Get(".*", handler);
    server_.Post(".*", handler);
    server_.Put(".*", handler);
    server_.Patch(".*", handler);
    server_.Delete(".*", handler);
    server_.new_task_queue = [] { return new httplib::ThreadPool(32); };
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) absl::SleepFor(absl::Milliseconds(1));  // starting up
  }
  ~CountingProxy() {
    server_.stop();
    thread_.join();
  }

  int port() const { return port_; }
  // The next request answers 429 with `retry_after`, without reaching the emulator.
  void Inject429(const std::string& retry_after) {
    absl::MutexLock lock(&mu_);
    inject_ = retry_after;
  }
  std::vector<Record> Of(const std::string& token) {
    const std::string hash = emulator::TokenFingerprint(token);
    absl::MutexLock lock(&mu_);
    std::vector<Record> out;
    for (const Record& r : records_) {
      if (r.token_hash == hash) out.push_back(r);
    }
    return out;
  }

 private:
  void Forward(const httplib::Request& req, httplib::Response& res) {
    const int64_t arrived = NowMs();
    std::string auth = req.get_header_value("Authorization");
    absl::string_view token = auth;
    absl::ConsumePrefix(&token, "token ");
    const std::string hash = emulator::TokenFingerprint(token);
    std::string inject;
    {
      absl::MutexLock lock(&mu_);
      inject.swap(inject_);
    }
    if (!inject.empty()) {
      res.status = 429;
      res.set_header("Retry-After", inject);
      res.set_content(R"({"code":429,"message":"injected"})", "application/json");
      absl::MutexLock lock(&mu_);
      records_.push_back({arrived, hash, 429});
      return;
    }
    httplib::Client client("127.0.0.1", emulator_port_);
    httplib::Headers headers;
    for (const auto& [name, value] : req.headers) {
      if (name == "Host" || name == "Content-Length" || name == "Connection" ||
          name == "Accept-Encoding" || name == "REMOTE_ADDR" || name == "REMOTE_PORT" ||
          name == "LOCAL_ADDR" || name == "LOCAL_PORT") {
        continue;
      }
      headers.emplace(name, value);
    }
    std::string target = req.path;
    if (!req.params.empty()) target += "?" + httplib::detail::params_to_query_str(req.params);
    httplib::Result result = client.send([&] {
      httplib::Request out;
      out.method = req.method;
      out.path = target;
      out.headers = headers;
      out.body = req.body;
      return out;
    }());
    int status = 502;
    if (result) {
      status = result->status;
      res.status = status;
      for (const auto& [name, value] : result->headers) {
        if (name != "Content-Length" && name != "Transfer-Encoding" && name != "Connection" &&
            name != "Content-Encoding") {
          res.set_header(name, value);
        }
      }
      res.body = result->body;
    } else {
      res.status = 502;
    }
    absl::MutexLock lock(&mu_);
    records_.push_back({arrived, hash, status});
  }

  const int emulator_port_;
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  absl::Mutex mu_;
  std::string inject_ ABSL_GUARDED_BY(mu_);
  std::vector<Record> records_ ABSL_GUARDED_BY(mu_);
};

// Unary GetStack calls started without waiting, each to a chosen replica.
class Calls {
 public:
  explicit Calls(const std::vector<std::string>& addresses) {
    for (const std::string& address : addresses) {
      stubs_.push_back(v1::StacksService::NewStub(
          grpc::CreateChannel(address, grpc::InsecureChannelCredentials())));
    }
  }

  void Start(int replica, const std::string& token, absl::Duration timeout) {
    auto call = std::make_unique<Call>();
    call->context.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
    call->context.AddMetadata("authorization", absl::StrCat("token ", token));
    call->request.set_org_name("acme-corp");
    call->request.set_project_name("payments-api");
    call->request.set_stack_name("prod");
    Call* c = call.get();
    c->started = absl::Now();
    {
      absl::MutexLock lock(&mu_);
      calls_.push_back(std::move(call));
      ++pending_;
    }
    stubs_[replica]->async()->GetStack(&c->context, &c->request, &c->response,
                                       [this, c](grpc::Status s) {
                                         absl::MutexLock lock(&mu_);
                                         c->status = std::move(s);
                                         slowest_ = std::max(slowest_, absl::Now() - c->started);
                                         --pending_;
                                       });
  }

  // Waits for every call started; the failures by code ("RESOURCE_EXHAUSTED: ..." lines).
  std::vector<std::string> WaitFailures(absl::Duration timeout) {
    absl::MutexLock lock(&mu_);
    auto done = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return pending_ == 0; };
    if (!mu_.AwaitWithTimeout(absl::Condition(&done), timeout)) {
      ADD_FAILURE() << pending_ << " calls did not finish within " << timeout;
      for (auto& call : calls_) call->context.TryCancel();
      mu_.Await(absl::Condition(&done));
    }
    std::vector<std::string> failures;
    for (const auto& call : calls_) {
      if (!call->status.ok()) {
        failures.push_back(
            absl::StrCat(call->status.error_code(), ": ", call->status.error_message()));
      }
    }
    calls_.clear();
    return failures;
  }

  // The longest call since the last call of this (for the printed comparison only).
  absl::Duration TakeSlowest() {
    absl::MutexLock lock(&mu_);
    return std::exchange(slowest_, absl::ZeroDuration());
  }

 private:
  struct Call {
    grpc::ClientContext context;
    v1::GetStackRequest request;
    v1::GetStackResponse response;
    grpc::Status status;
    absl::Time started;
  };
  std::vector<std::unique_ptr<v1::StacksService::Stub>> stubs_;
  absl::Mutex mu_;
  std::vector<std::unique_ptr<Call>> calls_ ABSL_GUARDED_BY(mu_);
  int pending_ ABSL_GUARDED_BY(mu_) = 0;
  absl::Duration slowest_ ABSL_GUARDED_BY(mu_);
};

// Paces the offered load (not a synchronisation: nothing is waited for).
void PaceUntil(absl::Time when) {
  const absl::Duration left = when - absl::Now();
  if (left > absl::ZeroDuration()) absl::SleepFor(left);
}

class FleetQuotaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<emulator::Json> seed = emulator::DemoSeed();
    ASSERT_TRUE(seed.ok()) << seed.status();
    emulator::ServerOptions options;
    options.port = 0;
    options.rate_limit_rps = kUpstreamRps;
    options.threads = 64;
    absl::StatusOr<std::unique_ptr<emulator::Server>> server =
        emulator::Server::Create(*std::move(seed), options);
    ASSERT_TRUE(server.ok()) << server.status();
    emulator_ = *std::move(server);
    ASSERT_TRUE(emulator_->Start().ok());
    dir_ = std::getenv("TEST_TMPDIR");
    secret_file_ = dir_ + "/fleet-secret";
    std::ofstream(secret_file_) << "fleet-test-secret-0123456789abcdef\n";
  }

  void StartRedis(RedisServerOptions options = {}) {
    absl::StatusOr<std::unique_ptr<RedisServer>> redis = RedisServer::Start(std::move(options));
    ASSERT_TRUE(redis.ok()) << redis.status();
    redis_ = *std::move(redis);
  }

  std::vector<std::string> RedisFlags() const {
    return {absl::StrCat("--quota_store=", redis_->url()),
            absl::StrCat("--fleet_secret_file=", secret_file_), "--fleet_size=3"};
  }

  // `n` replicas with `flags`, each behind its own counting proxy.
  void StartFleet(int n, const std::vector<std::string>& flags) {
    gateways_.clear();
    proxies_.clear();
    metrics_.clear();
    std::vector<std::string> addresses;
    for (int i = 0; i < n; ++i) {
      proxies_.push_back(std::make_unique<CountingProxy>(emulator_->port()));
      std::vector<std::string> args = {
          "--listen=127.0.0.1:0",
          absl::StrCat("--upstream=http://127.0.0.1:", proxies_.back()->port()),
          "--metrics_listen=127.0.0.1:0", "--log_level=warning", "--coalesce_reads=false"};
      args.insert(args.end(), flags.begin(), flags.end());
      gateways_.push_back(
          std::make_unique<ChildProcess>("gateway/pulumi_gateway", std::move(args),
                                         std::vector<std::string>{"PULUMI_ACCESS_TOKEN="}));
    }
    for (auto& gateway : gateways_) {
      absl::StatusOr<std::string> address = gateway->WaitListening(absl::Seconds(30));
      ASSERT_TRUE(address.ok()) << address.status();
      addresses.push_back(*address);
      std::string metrics;
      for (absl::string_view line : absl::StrSplit(gateway->Stderr(), '\n')) {
        if (absl::ConsumePrefix(&line, "metrics listening on ")) metrics = std::string(line);
      }
      ASSERT_FALSE(metrics.empty()) << gateway->Stderr();
      metrics_.push_back(metrics);
    }
    calls_ = std::make_unique<Calls>(addresses);
  }

  // An unlabelled sample of replica `i`'s /metrics, or -1.
  double Metric(int i, const std::string& name) { return ScrapeSample(metrics_[i], name); }

  // Waits until `name` is `value` on replica `i` (polling /metrics); false after 15 s.
  bool AwaitMetric(int i, const std::string& name, double value) {
    const absl::Time deadline = absl::Now() + absl::Seconds(15);
    while (Metric(i, name) != value) {
      if (absl::Now() > deadline) return false;
      absl::SleepFor(absl::Milliseconds(20));
    }
    return true;
  }
  bool AwaitMetricEverywhere(const std::string& name, double value) {
    for (int i = 0; i < static_cast<int>(metrics_.size()); ++i) {
      if (!AwaitMetric(i, name, value)) return false;
    }
    return true;
  }

  int Emulator429s(const std::string& token) {
    const std::string hash = emulator::TokenFingerprint(token);
    int n = 0;
    for (const auto& r : emulator_->requests().Snapshot())
      n += r.token_hash == hash && r.status == 429;
    return n;
  }

  struct Run {
    std::string name;
    int calls = 0;
    std::vector<std::string> failures;
    int emulator_429s = 0;
    std::vector<int> upstream;  // per replica
  };

  // `calls` GetStacks with `token` at `rps`, call i to replica replica_of(i); 4 s deadline.
  Run Steady(const std::string& name, const std::string& token, double rps, int calls,
             const std::function<int(int)>& replica_of) {
    const absl::Time start = absl::Now();
    for (int i = 0; i < calls; ++i) {
      PaceUntil(start + absl::Seconds(i / rps));
      calls_->Start(replica_of(i), token, absl::Seconds(4));
    }
    Run run;
    run.name = name;
    run.calls = calls;
    run.failures = calls_->WaitFailures(absl::Seconds(20));
    run.emulator_429s = Emulator429s(token);
    for (auto& proxy : proxies_) run.upstream.push_back(proxy->Of(token).size());
    std::printf(
        "%-30s calls %d, caller errors %zu, emulator 429s %d, upstream per replica %d/%d/%d, "
        "slowest call %s\n",
        name.c_str(), calls, run.failures.size(), run.emulator_429s, run.upstream[0],
        run.upstream[1], run.upstream[2], absl::FormatDuration(calls_->TakeSlowest()).c_str());
    for (const std::string& f : run.failures) std::printf("  %s\n", f.c_str());
    return run;
  }

  // Round-robin load with `token`; one Retry-After: 1 429 injected into replica 0's traffic at
  // the 10th call. Returns each replica's upstream requests of `token` inside the window
  // (200 ms after the 429 up to 900 ms after it: the message's way to the others, and the end of
  // the pause, excluded).
  std::vector<int> PauseWindow(const std::string& name, const std::string& token,
                               std::vector<std::string>* failures) {
    const absl::Time start = absl::Now();
    for (int i = 0; i < 38; ++i) {
      PaceUntil(start + absl::Milliseconds(66) * i);
      if (i == 10) proxies_[0]->Inject429("1");
      calls_->Start(i % kReplicas, token, absl::Seconds(5));
    }
    *failures = calls_->WaitFailures(absl::Seconds(20));
    std::vector<CountingProxy::Record> first = proxies_[0]->Of(token);
    auto hit = std::find_if(first.begin(), first.end(), [](auto& r) { return r.status == 429; });
    EXPECT_NE(hit, first.end());
    const int64_t t429 = hit == first.end() ? 0 : hit->time_ms;
    std::vector<int> in_window;
    for (auto& proxy : proxies_) {
      const std::vector<CountingProxy::Record> records = proxy->Of(token);
      in_window.push_back(static_cast<int>(
          std::count_if(records.begin(), records.end(), [t429](const CountingProxy::Record& r) {
            return r.time_ms > t429 + 200 && r.time_ms < t429 + 900;
          })));
    }
    std::printf("%-34s caller errors %zu, upstream requests per replica in the window %d/%d/%d\n",
                name.c_str(), failures->size(), in_window[0], in_window[1], in_window[2]);
    return in_window;
  }

  std::string dir_;
  std::string secret_file_;
  std::unique_ptr<emulator::Server> emulator_;
  std::unique_ptr<RedisServer> redis_;
  std::vector<std::unique_ptr<CountingProxy>> proxies_;
  std::vector<std::unique_ptr<ChildProcess>> gateways_;
  std::vector<std::string> metrics_;
  std::unique_ptr<Calls> calls_;
};

int Uneven(int i) { return i % 10 < 8 ? 0 : i % 10 - 7; }  // 80/10/10
int AllOnOne(int) { return 0; }

TEST_F(FleetQuotaTest, SharedStoreUnevenLoadMeetsNo429AndOnePauseHoldsEveryReplica) {
  StartRedis();
  std::vector<std::string> flags = RedisFlags();
  flags.insert(flags.end(), {"--identity_rate_limit=18", "--identity_burst=6"});
  StartFleet(kReplicas, flags);
  ASSERT_TRUE(AwaitMetricEverywhere("pulumi_gateway_quota_store_degraded", 0));
  EXPECT_TRUE(AwaitMetricEverywhere("pulumi_gateway_quota_store_fleet_size", 3));

  // 16/s for 3 s, just under the upstream's 20/s, spread 80/10/10 and then all on one replica.
  for (const Run& run : {Steady("redis, 80/10/10:", kJdoe, 16, 48, Uneven),
                         Steady("redis, all on one:", kJdoeCli, 16, 48, AllOnOne)}) {
    EXPECT_THAT(run.failures, ::testing::IsEmpty()) << run.name;
    EXPECT_EQ(run.emulator_429s, 0) << run.name;
    EXPECT_EQ(run.upstream[0] + run.upstream[1] + run.upstream[2], run.calls) << run.name;
  }

  std::vector<std::string> failures;
  const std::vector<int> in_window = PauseWindow("redis, 429 on replica 0:", kAsmith, &failures);
  EXPECT_THAT(failures, ::testing::IsEmpty());
  EXPECT_THAT(in_window, ::testing::ElementsAre(0, 0, 0))
      << "a replica sent the token's requests upstream inside the 429 window";
  EXPECT_EQ(Emulator429s(kAsmith), 0);
  double published = 0;
  for (int i = 0; i < kReplicas; ++i) {
    const double sent = Metric(i, "pulumi_gateway_quota_store_pauses_published_total");
    published += sent;
    // The publisher ignores its own message; every other replica hears it.
    if (sent == 0) EXPECT_GE(Metric(i, "pulumi_gateway_quota_store_pauses_received_total"), 1) << i;
    EXPECT_GT(Metric(i, "pulumi_gateway_quota_store_leases_total"), 0) << i;
    EXPECT_EQ(Metric(i, "pulumi_gateway_throttle_rejected_total"), 0) << i;
  }
  EXPECT_EQ(published, 1) << "only the replica that met the 429 publishes it";
}

TEST_F(FleetQuotaTest, LocalStoresForComparison) {
  // Without a store an operator divides the limit by the replica count.
  StartFleet(kReplicas, {"--identity_rate_limit=6", "--identity_burst=2"});
  Steady("local (limit/3), 80/10/10:", kJdoe, 16, 48, Uneven);
  Steady("local (limit/3), all on one:", kJdoeCli, 16, 48, AllOnOne);
  std::vector<std::string> failures;
  const std::vector<int> in_window = PauseWindow("local, 429 on replica 0:", kAsmith, &failures);
  // Replica 0 waits; the others learn nothing and go on sending into the window.
  EXPECT_EQ(in_window[0], 0);
  EXPECT_GT(in_window[1] + in_window[2], 0);
}

TEST_F(FleetQuotaTest, RedisStoppedMeansTheFairShareThenSharedAgainAfterItsRestart) {
  StartRedis();
  std::vector<std::string> flags = RedisFlags();
  flags.insert(flags.end(),
               {"--identity_rate_limit=18", "--identity_burst=6", "--quota_store_timeout=100ms"});
  StartFleet(kReplicas, flags);
  ASSERT_TRUE(AwaitMetricEverywhere("pulumi_gateway_quota_store_degraded", 0));
  auto round_robin = [](int i) { return i % kReplicas; };
  // 9/s in all, 3/s a replica: within each replica's fair share (18/3) whatever the store does.
  EXPECT_THAT(Steady("shared:", kJdoe, 9, 9, round_robin).failures, ::testing::IsEmpty());

  redis_->Stop();
  ASSERT_TRUE(AwaitMetricEverywhere("pulumi_gateway_quota_store_degraded", 1));
  EXPECT_THAT(Steady("redis stopped:", kJdoe, 9, 18, round_robin).failures, ::testing::IsEmpty());
  for (int i = 0; i < kReplicas; ++i) {
    EXPECT_THAT(gateways_[i]->Stderr(), HasSubstr("quota store unreachable")) << i;
    EXPECT_FALSE(gateways_[i]->Wait(absl::ZeroDuration()).ok()) << "replica " << i << " exited";
    EXPECT_EQ(Metric(i, "pulumi_gateway_throttle_queued_interactive"), 0) << i;
    EXPECT_GT(Metric(i, "pulumi_gateway_quota_store_errors_total"), 0) << i;
  }

  ASSERT_TRUE(redis_->Restart().ok());
  ASSERT_TRUE(AwaitMetricEverywhere("pulumi_gateway_quota_store_degraded", 0));
  EXPECT_TRUE(AwaitMetricEverywhere("pulumi_gateway_quota_store_reconnects_total", 1));
  const double leases_before = Metric(0, "pulumi_gateway_quota_store_leases_total");
  EXPECT_THAT(Steady("restarted:", kJdoe, 9, 9, round_robin).failures, ::testing::IsEmpty());
  EXPECT_GT(Metric(0, "pulumi_gateway_quota_store_leases_total"), leases_before)
      << "the budget is shared again";
  EXPECT_EQ(Emulator429s(kJdoe), 0);
}

TEST_F(FleetQuotaTest, AFrozenRedisHoldsNoCall) {
  StartRedis();
  std::vector<std::string> flags = RedisFlags();
  flags.insert(flags.end(), {"--identity_rate_limit=18", "--identity_burst=6"});
  StartFleet(1, flags);
  ASSERT_TRUE(AwaitMetricEverywhere("pulumi_gateway_quota_store_degraded", 0));
  redis_->Freeze();
  // Calls go on at once (the fair share) while the store's own thread waits out its timeouts;
  // each has 1.5 s, far less than a call that queued behind a frozen Redis would need.
  const absl::Time start = absl::Now();
  for (int i = 0; i < 10; ++i) {
    PaceUntil(start + absl::Milliseconds(200) * i);
    calls_->Start(0, kJdoe, absl::Milliseconds(1500));
  }
  EXPECT_THAT(calls_->WaitFailures(absl::Seconds(20)), ::testing::IsEmpty());
  EXPECT_TRUE(AwaitMetricEverywhere("pulumi_gateway_quota_store_degraded", 1));
  redis_->Thaw();
  EXPECT_TRUE(AwaitMetricEverywhere("pulumi_gateway_quota_store_degraded", 0));
}

TEST_F(FleetQuotaTest, ARefusedPasswordStopsStartUpNamingTheFlag) {
  StartRedis({.password = "pw-test-right"});
  const std::string password_file = dir_ + "/redis-password";
  std::ofstream(password_file) << "pw-test-wrong\n";
  for (const std::vector<std::string>& extra :
       {std::vector<std::string>{absl::StrCat("--quota_store_password_file=", password_file)},
        std::vector<std::string>{}}) {
    std::vector<std::string> args = {"--listen=127.0.0.1:0", "--metrics_listen="};
    std::vector<std::string> flags = RedisFlags();
    args.insert(args.end(), flags.begin(), flags.end());
    args.insert(args.end(), extra.begin(), extra.end());
    ChildProcess gateway("gateway/pulumi_gateway", args);
    absl::StatusOr<int> exit_code = gateway.Wait(absl::Seconds(20));
    ASSERT_TRUE(exit_code.ok()) << "still running: " << gateway.Stderr();
    EXPECT_EQ(*exit_code, 2);
    EXPECT_THAT(gateway.Stderr(), HasSubstr("--quota_store_password_file: Redis at redis://"));
    EXPECT_THAT(gateway.Stderr(), Not(HasSubstr("pw-test")));
  }
  // And a fleet secret is required.
  ChildProcess gateway(
      "gateway/pulumi_gateway",
      {"--listen=127.0.0.1:0", "--metrics_listen=", absl::StrCat("--quota_store=", redis_->url())});
  ASSERT_EQ(gateway.Wait(absl::Seconds(20)).value_or(-1), 2);
  EXPECT_THAT(gateway.Stderr(), HasSubstr("--fleet_secret_file: required with --quota_store"));
}

TEST_F(FleetQuotaTest, AWriteThroughOneReplicaDropsTheOthersCachedReads) {
  StartRedis();
  std::vector<std::string> flags = RedisFlags();
  flags.push_back("--cache_ttl=GetStack=60s");
  StartFleet(2, flags);
  ASSERT_TRUE(AwaitMetricEverywhere("pulumi_gateway_quota_store_degraded", 0));
  auto stub = [this](int i) {
    return v1::StacksService::NewStub(
        grpc::CreateChannel(gateways_[i]->address(), grpc::InsecureChannelCredentials()));
  };
  auto tags = [&](int i) {
    grpc::ClientContext context;
    context.AddMetadata("authorization", absl::StrCat("token ", kJdoe));
    v1::GetStackRequest request;
    request.set_org_name("acme-corp");
    request.set_project_name("payments-api");
    request.set_stack_name("prod");
    v1::GetStackResponse response;
    EXPECT_TRUE(stub(i)->GetStack(&context, request, &response).ok());
    return std::map<std::string, std::string>(response.stack().tags().begin(),
                                              response.stack().tags().end());
  };
  ASSERT_EQ(tags(1).count("fleet-cache"), 0u);
  ASSERT_EQ(tags(1).count("fleet-cache"), 0u);
  ASSERT_EQ(proxies_[1]->Of(kJdoe).size(), 1u) << "replica 1's second read is a hit";

  grpc::ClientContext context;
  context.AddMetadata("authorization", absl::StrCat("token ", kJdoe));
  v1::AddStackTagRequest tag;
  tag.set_org_name("acme-corp");
  tag.set_project_name("payments-api");
  tag.set_stack_name("prod");
  tag.set_name("fleet-cache");
  tag.set_value("written");
  v1::AddStackTagResponse tagged;
  ASSERT_TRUE(stub(0)->AddStackTag(&context, tag, &tagged).ok());
  // Replica 1 hears of the write from replica 0 and reads again instead of serving its entry.
  ASSERT_TRUE(AwaitMetric(1, "pulumi_gateway_quota_store_invalidations_received_total", 1));
  EXPECT_EQ(tags(1)["fleet-cache"], "written");
  EXPECT_EQ(proxies_[1]->Of(kJdoe).size(), 2u);
  EXPECT_EQ(Metric(0, "pulumi_gateway_quota_store_invalidations_published_total"), 1);
}

}  // namespace
}  // namespace pulumi_gateway::testing
