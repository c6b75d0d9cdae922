// The gateway binary as shipped, where a process of its own is the point: its thread count under
// a thousand concurrent calls, its memory while a slow reader streams 64 MiB, the proxy it reads
// from its environment, its settings checked against a cgroup's memory limit, and flags that stop
// start-up with exit code 2 and a message naming the flag (the parser's every branch is in
// gateway/config's unit test).
#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gateway/http/memory_release.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "httplib.h"
#include "nlohmann/json.hpp"
#include "pulumi/service/v1/stacks.grpc.pb.h"
#include "tests/support/fake_upstream.h"
#include "tests/support/harness.h"
#include "tests/support/held_upstream.h"
#include "tests/support/metrics.h"
#include "tests/support/thread_names.h"

namespace pulumi_gateway::testing {
namespace {

using ::pulumi::service::v1::GetStackRequest;
using ::pulumi::service::v1::GetStackResponse;
using ::pulumi::service::v1::StacksService;
using ::pulumi::service::v1::StreamStacksRequest;
using ::pulumi::service::v1::StreamStacksResponse;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kGateway[] = "gateway/pulumi_gateway";

std::unique_ptr<ChildProcess> StartGateway(const std::string& upstream,
                                           std::vector<std::string> extra = {}) {
  // These tests count one upstream request per call: identical concurrent reads must not be
  // coalesced into one.
  std::vector<std::string> flags = {"--upstream=" + upstream, "--coalesce_reads=false"};
  flags.insert(flags.end(), extra.begin(), extra.end());
  return StartGatewayBinary(std::move(flags));
}

// ListStacks pages from a fake upstream: page N (token "N") holds `per_page` stacks named
// "s<N>-<i>", each padded to `item_bytes`; `pages` pages in all.
void ServePages(FakeUpstream* upstream, int pages, int per_page, int item_bytes) {
  upstream->SetHandler([=](const httplib::Request& req, httplib::Response& res) {
    int page = 1;
    if (req.has_param("continuationToken")) {
      (void)absl::SimpleAtoi(req.get_param_value("continuationToken"), &page);
    }
    nlohmann::json body = {{"stacks", nlohmann::json::array()}};
    for (int i = 0; i < per_page; ++i) {
      body["stacks"].push_back({{"orgName", "acme-corp"},
                                {"projectName", "p"},
                                {"stackName", absl::StrCat("s", page, "-", i)},
                                {"links", {{"self", std::string(item_bytes, 'x')}}}});
    }
    if (page < pages) body["continuationToken"] = absl::StrCat(page + 1);
    res.set_content(body.dump(), "application/json");
  });
}

GetStackRequest StackRequest() {
  GetStackRequest request;
  request.set_org_name("acme-corp");
  request.set_project_name("payments-api");
  request.set_stack_name("prod");
  return request;
}

TEST(BinaryTest, ThousandConcurrentCallsUseBoundedThreads) {
  constexpr int kCalls = 1000;
  HeldUpstream upstream(
      absl::Seconds(1),
      R"({"orgName":"acme-corp","projectName":"payments-api","stackName":"prod"})");
  auto gateway = StartGateway(upstream.base_url(), {"--upstream_max_connections=1100"});
  const int idle_threads = gateway->ThreadCount();

  auto channel = grpc::CreateChannel(gateway->address(), grpc::InsecureChannelCredentials());
  auto stub = StacksService::NewStub(channel);
  std::vector<std::unique_ptr<grpc::ClientContext>> contexts(kCalls);
  std::vector<GetStackResponse> responses(kCalls);
  const GetStackRequest request = StackRequest();
  std::atomic<int> ok{0};
  std::atomic<int> finished{0};
  absl::Notification all_done;
  const absl::Time start = absl::Now();
  for (int i = 0; i < kCalls; ++i) {
    contexts[i] = std::make_unique<grpc::ClientContext>();
    contexts[i]->AddMetadata("authorization", "token pul-test");
    contexts[i]->set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
    stub->async()->GetStack(contexts[i].get(), &request, &responses[i], [&](grpc::Status s) {
      if (s.ok()) ++ok;
      if (++finished == kCalls) all_done.Notify();
    });
  }
  // Sample the thread count while the calls are held upstream.
  int peak_threads = 0;
  while (!all_done.WaitForNotificationWithTimeout(absl::Milliseconds(100))) {
    peak_threads = std::max(peak_threads, gateway->ThreadCount());
    ASSERT_LT(absl::Now() - start, absl::Seconds(30));
  }
  const absl::Duration took = absl::Now() - start;

  EXPECT_EQ(ok.load(), kCalls);
  EXPECT_EQ(upstream.requests(), kCalls);
  EXPECT_EQ(upstream.peak_concurrency(), kCalls) << "calls were not all in flight at once";
  EXPECT_EQ(responses[kCalls - 1].stack().stack_name(), "prod");
  EXPECT_LT(took, absl::Seconds(3));
  EXPECT_GT(peak_threads, 0);
  EXPECT_LE(peak_threads, 32) << "idle threads: " << idle_threads;
  std::cout << kCalls << " concurrent calls held 1 s upstream: " << absl::FormatDuration(took)
            << "; gateway threads idle " << idle_threads << ", peak " << peak_threads << std::endl;
}

TEST(BinaryTest, TheStartedLineNamesTheAllocatorServingMalloc) {
  std::unique_ptr<ChildProcess> gateway =
      StartGatewayBinary({"--upstream=http://127.0.0.1:1", "--log_level=info"});
  // This build's choice (mimalloc; glibc's malloc in sanitizer builds), as this test process has
  // it, made good in the shipped binary: mimalloc must be the malloc the process resolves.
  EXPECT_THAT(gateway->Stderr(),
              HasSubstr(absl::StrCat("\"allocator\":\"", AllocatorName(), "\"")));
}

// "One upstream loop per core" counts the CPUs the process may run on: started with one CPU in
// its affinity mask (as `taskset -c 0` or a Kubernetes cpuset leaves it), the gateway runs one
// loop thread, however many CPUs the machine has.
TEST(BinaryTest, OneUpstreamLoopPerCpuTheProcessMayRunOn) {
  cpu_set_t original;
  ASSERT_EQ(sched_getaffinity(0, sizeof(original), &original), 0);
  int first = 0;
  while (!CPU_ISSET(first, &original)) ++first;
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(first, &one);
  // The child inherits the mask of the thread that starts it.
  ASSERT_EQ(sched_setaffinity(0, sizeof(one), &one), 0);
  std::unique_ptr<ChildProcess> gateway =
      StartGatewayBinary({"--upstream=http://127.0.0.1:1", "--log_level=info"});
  ASSERT_EQ(sched_setaffinity(0, sizeof(original), &original), 0);

  std::vector<std::string> loops;
  for (const std::string& name : ThreadNames(gateway->pid())) {
    if (absl::StartsWith(name, "upstream-")) loops.push_back(name);
  }
  EXPECT_THAT(loops, ::testing::ElementsAre("upstream-0"));
  EXPECT_THAT(gateway->Stderr(), HasSubstr(R"("upstream_loops":1,)"));
}

// gRPC's count of the CPUs, which sizes its threads and tables, is the process's budget as for the
// upstream loops (gateway/server/grpc_cpu_count.cc, tested there): the object of gRPC's own count
// of the machine's CPUs, and with it its log message, is not in the shipped binary.
TEST(BinaryTest, GrpcsOwnCpuCountIsNotLinked) {
  std::ifstream binary(kGateway, std::ios::binary);
  ASSERT_TRUE(binary.good()) << kGateway;
  const std::string bytes{std::istreambuf_iterator<char>(binary), std::istreambuf_iterator<char>()};
  ASSERT_GT(bytes.size(), 1000000u);
  EXPECT_EQ(bytes.find("Cannot handle hot-plugged CPUs"), std::string::npos);
}

// The proxy variables of the environment are read at start, not by libcurl for every request;
// the started line names the variable, never its value (a proxy URL may hold credentials).
TEST(BinaryTest, TheEnvironmentsProxyCarriesTheCallsAndOnlyItsNameIsLogged) {
  FakeUpstream upstream;
  FakeUpstream proxy;
  proxy.SetHandler([](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"orgName":"acme-corp","projectName":"payments-api","stackName":"prod"})",
                    "application/json");
  });
  const std::string proxy_url =
      absl::StrCat("http://gateway:pul-proxy-secret@127.0.0.1:", proxy.port());
  ChildProcess gateway(kGateway,
                       {"--listen=127.0.0.1:0", "--metrics_listen=", "--log_level=info",
                        "--upstream=" + upstream.base_url()},
                       {"PULUMI_ACCESS_TOKEN=", "http_proxy=" + proxy_url, "no_proxy=example.com"});
  absl::StatusOr<std::string> address = gateway.WaitListening(absl::Seconds(30));
  ASSERT_TRUE(address.ok()) << address.status();

  auto stub =
      StacksService::NewStub(grpc::CreateChannel(*address, grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.AddMetadata("authorization", "token pul-test");
  GetStackResponse response;
  const grpc::Status status = stub->GetStack(&context, StackRequest(), &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.stack().stack_name(), "prod");

  ASSERT_EQ(proxy.requests().size(), 1u);
  EXPECT_EQ(proxy.requests()[0].target,
            upstream.base_url() + "/api/stacks/acme-corp/payments-api/prod");
  EXPECT_THAT(proxy.requests()[0].Header("Proxy-Authorization"), HasSubstr("Basic "));
  EXPECT_TRUE(upstream.requests().empty());
  EXPECT_THAT(gateway.Stderr(), HasSubstr(R"("upstream_proxy":"http_proxy")"));
  EXPECT_THAT(gateway.Stderr(), Not(HasSubstr("pul-proxy-secret")));
}

// A cgroup v1 memory cgroup of its own under this process's, with a memory limit; the processes
// this one starts between Enter() and Leave() are in it (a child starts in its parent's cgroup).
// Not `usable()` where this process may not create one (not root, or no v1 memory hierarchy).
class MemoryCgroup {
 public:
  explicit MemoryCgroup(uint64_t limit) {
    std::ifstream cgroups("/proc/self/cgroup");
    for (std::string line; std::getline(cgroups, line);) {
      // HIERARCHY-ID:CONTROLLERS:PATH
      const std::vector<std::string> fields = absl::StrSplit(line, absl::MaxSplits(':', 2));
      if (fields.size() == 3 && fields[1] == "memory") {
        own_ = "/sys/fs/cgroup/memory" + fields[2];
      }
    }
    if (own_.empty()) return;
    dir_ = absl::StrCat(own_, "/memory-fit-test-", getpid());
    std::error_code error;
    if (!std::filesystem::create_directory(dir_, error)) {
      dir_.clear();
      return;
    }
    usable_ = Write(dir_ + "/memory.limit_in_bytes", absl::StrCat(limit));
  }
  ~MemoryCgroup() {
    if (!dir_.empty()) rmdir(dir_.c_str());
  }

  bool usable() const { return usable_; }
  bool Enter() { return Write(dir_ + "/cgroup.procs", absl::StrCat(getpid())); }
  bool Leave() { return Write(own_ + "/cgroup.procs", absl::StrCat(getpid())); }

 private:
  static bool Write(const std::string& path, const std::string& text) {
    std::ofstream file(path);
    file << text;
    file.close();
    return file.good();
  }

  std::string own_;
  std::string dir_;
  bool usable_ = false;
};

// Started in a cgroup limited to 256 MiB, the gateway checks what its settings allow against the
// limit (--memory_fit): with the defaults' 10,000 calls in flight (537 MiB at the peak) it warns,
// or refuses to start, naming the most calls that fit; 1,500 calls (the base manifests') fit.
TEST(BinaryTest, SettingsPastTheCgroupsMemoryLimitAreReportedAtStart) {
  MemoryCgroup cgroup(uint64_t{256} << 20);
  if (!cgroup.usable()) GTEST_SKIP() << "no writable cgroup v1 memory hierarchy here";
  const auto start = [&cgroup](std::vector<std::string> flags) {
    std::vector<std::string> args = {"--listen=127.0.0.1:0", "--metrics_listen=127.0.0.1:0",
                                     "--log_level=info", "--upstream=http://127.0.0.1:1"};
    args.insert(args.end(), flags.begin(), flags.end());
    EXPECT_TRUE(cgroup.Enter());
    auto gateway = std::make_unique<ChildProcess>(kGateway, std::move(args),
                                                  std::vector<std::string>{"PULUMI_ACCESS_TOKEN="});
    EXPECT_TRUE(cgroup.Leave());
    return gateway;
  };
  const std::string advice = "lower --max_in_flight to 2019 or less";

  std::unique_ptr<ChildProcess> refused = start({"--memory_fit=refuse"});
  absl::StatusOr<int> exit_code = refused->Wait(absl::Seconds(10));
  ASSERT_TRUE(exit_code.ok());
  EXPECT_EQ(*exit_code, 2);
  EXPECT_THAT(refused->Stderr(), HasSubstr("past its memory limit of 256 MiB"));
  EXPECT_THAT(refused->Stderr(), HasSubstr(advice));

  std::unique_ptr<ChildProcess> warned = start({});
  ASSERT_TRUE(warned->WaitListening(absl::Seconds(30)).ok());
  EXPECT_THAT(warned->Stderr(), HasSubstr(R"("level":"warning")"));
  EXPECT_THAT(warned->Stderr(), HasSubstr(advice));
  EXPECT_THAT(warned->Stderr(), HasSubstr(R"("memory_limit":268435456)"));
  // Both sides as gauges, for the alert on a pod that started under "warn".
  std::string metrics;
  for (absl::string_view line : absl::StrSplit(warned->Stderr(), '\n')) {
    if (absl::ConsumePrefix(&line, "metrics listening on ")) metrics = std::string(line);
  }
  ASSERT_FALSE(metrics.empty()) << warned->Stderr();
  const std::string scraped = ScrapeMetrics(metrics);
  EXPECT_EQ(SampleValue(scraped, "pulumi_gateway_memory_limit_bytes"), 268435456);
  EXPECT_EQ(SampleValue(scraped, "pulumi_gateway_memory_peak_bytes"),
            (25 + 96 + 64) * (1 << 20) + 10000 * 36 * 1024);

  std::unique_ptr<ChildProcess> fits = start({"--memory_fit=refuse", "--max_in_flight=1500"});
  ASSERT_TRUE(fits->WaitListening(absl::Seconds(30)).ok());
  EXPECT_THAT(fits->Stderr(), Not(HasSubstr("past its memory limit")));
  EXPECT_THAT(fits->Stderr(), HasSubstr(R"("memory_peak":249282560)"));  // 185 MiB + 1,500 x 36 KiB
}

TEST(BinaryTest, InvalidFlagsStopStartupNamingTheFlag) {
  struct Row {
    std::vector<std::string> args;
    std::string expected;
  };
  for (const Row& row : std::vector<Row>{
           {{"--listen=nonsense"}, "--listen"},
           {{"--upstream=ftp://x"}, "--upstream"},
           {{"--api_version=0"}, "--api_version"},
           {{"--auth_mode=mtls"}, "--auth_mode"},
           {{"--auth_mode=service", "--token_file=/nonexistent/token"}, "--token_file"},
           {{"--upstream_ca_file=/nonexistent/ca.pem"}, "--upstream_ca_file"},
           {{"--max_in_flight=0"}, "--max_in_flight"},
           {{"--log_level=loud"}, "--log_level"},
           {{"--memory_fit=strict"}, "--memory_fit"},
           // Debian 12's libcurl (7.88) breaks reused h2c connections.
           {{"--upstream=http://127.0.0.1:1", "--upstream_http2_prior_knowledge"},
            "--upstream_http2_prior_knowledge: needs libcurl 8.0.0"},
           {{"--tls_cert_file=/nonexistent/server.pem"}, "--tls_key_file"},
           {{"--tls_client_ca_file=/nonexistent/ca.pem"}, "--tls_client_ca_file"},
           {{"--tls_cert_file=/nonexistent/server.pem", "--tls_key_file=/nonexistent/server.key"},
            "--tls_cert_file: cannot read /nonexistent/server.pem"},
           {{"--cache_ttl=CreateStack=5s"},
            "--cache_ttl: \"CreateStack\" is not an RPC the gateway sends as GET"},
       }) {
    SCOPED_TRACE(row.expected);
    std::vector<std::string> args = {"--listen=127.0.0.1:0", "--metrics_listen="};
    args.insert(args.end(), row.args.begin(), row.args.end());
    ChildProcess gateway(kGateway, args, {"PULUMI_ACCESS_TOKEN="});
    absl::StatusOr<int> exit_code = gateway.Wait(absl::Seconds(10));
    ASSERT_TRUE(exit_code.ok());
    EXPECT_EQ(*exit_code, 2);
    EXPECT_THAT(gateway.Stderr(), HasSubstr(row.expected));
  }
}

TEST(BinaryTest, SlowReaderHoldsBackUpstreamPagesAndMemory) {
  constexpr int kPages = 200;
  constexpr int kPerPage = 10;
  constexpr int kItemBytes = 32 * 1024;  // 320 KiB per page, 64 MiB in all
  FakeUpstream upstream;
  ServePages(&upstream, kPages, kPerPage, kItemBytes);
  auto gateway = StartGateway(upstream.base_url());
  ASSERT_FALSE(gateway->address().empty());
  const int64_t rss_before = gateway->RssKib();
  auto stub = StacksService::NewStub(
      grpc::CreateChannel(gateway->address(), grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.AddMetadata("authorization", "token pul-test");
  auto reader = stub->StreamStacks(&context, StreamStacksRequest());
  StreamStacksResponse item;
  for (int i = 0; i < 20; ++i) ASSERT_TRUE(reader->Read(&item));
  // The reader pauses. Without backpressure the gateway would now pull all 200 pages.
  absl::SleepFor(absl::Seconds(1));
  const int pages_while_paused = upstream.request_count();
  const int64_t rss_paused = gateway->RssKib();
  // Flow-control windows may hold a few MiB; 40 pages are 12.5 MiB.
  EXPECT_LT(pages_while_paused, 40) << "the gateway kept fetching for a reader that stopped";
  int received = 20;
  int64_t rss_peak = rss_paused;
  while (reader->Read(&item)) {
    if (++received % 500 == 0) rss_peak = std::max(rss_peak, gateway->RssKib());
  }
  ASSERT_TRUE(reader->Finish().ok());
  EXPECT_EQ(received, kPages * kPerPage);
  EXPECT_EQ(upstream.request_count(), kPages);
  std::cout << "slow reader: " << pages_while_paused << " pages fetched while paused; RSS "
            << rss_before / 1024 << " MiB before, peak " << rss_peak / 1024 << " MiB" << std::endl;
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer keeps freed memory in quarantine, so RSS says nothing about buffering.
  GTEST_SKIP() << "the memory bound is not measurable under AddressSanitizer";
#endif
  EXPECT_LT(rss_peak - rss_before, 48 * 1024)
      << "streaming 64 MiB grew the gateway by " << (rss_peak - rss_before) / 1024 << " MiB";
}

}  // namespace
}  // namespace pulumi_gateway::testing
