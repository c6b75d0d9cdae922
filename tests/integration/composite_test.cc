// Composite RPCs through the real gateway binary: BatchGetStacks and ListStacksWithDetails over a
// 1,000-stack fleet on the in-process emulator (bounded parallelism measured by the emulator's
// in-flight high-water mark, per-item errors, cancellation, slow readers, failed pages), and
// WhoAmI for personal, organization and team tokens in passthrough and service mode.
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "emulator/demo_seed.h"
#include "emulator/server.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "httplib.h"
#include "nlohmann/json.hpp"
#include "pulumi/service/v1/stacks.grpc.pb.h"
#include "pulumi/service/v1/users.grpc.pb.h"
#include "tests/support/eventually.h"
#include "tests/support/fake_upstream.h"
#include "tests/support/harness.h"

namespace pulumi_gateway::testing {
namespace {

namespace v1 = ::pulumi::service::v1;
using ::testing::HasSubstr;

constexpr char kFleetToken[] = "pul-test-fleet-owner-0001";
constexpr char kFleetOrg[] = "fleet";
constexpr int kFleetSize = 1000;
constexpr int kGatewayParallelism = 16;
// GetStack only, not the other /api/stacks/... routes.
constexpr char kGetStackPath[] = "^/api/stacks/[^/]+/[^/]+/[^/]+$";

std::string FleetProject(int i) { return absl::StrCat("svc-", i / 100); }
std::string FleetStack(int i) { return absl::StrCat("s", i); }
// Stack i has updates 1..LatestVersion(i); 0 = never updated.
int LatestVersion(int i) { return i % 4 == 0 ? 0 : i % 3 + 1; }

// Owner (admin of "fleet") with 1,000 stacks, plus an org the owner cannot see.
nlohmann::json FleetSeed() {
  nlohmann::json seed = {
      {"users",
       {{{"login", "owner"}, {"name", "Fleet Owner"}, {"tokens", {kFleetToken}}},
        {{"login", "outsider"}, {"tokens", {"pul-test-fleet-outsider-0002"}}}}},
      {"orgs",
       {{{"name", kFleetOrg}, {"members", {{{"login", "owner"}, {"role", "admin"}}}}},
        {{"name", "elsewhere"}, {"members", {{{"login", "outsider"}, {"role", "admin"}}}}}}},
      {"stacks", {{{"org", "elsewhere"}, {"project", "app"}, {"stack", "prod"}}}}};
  for (int i = 0; i < kFleetSize; ++i) {
    nlohmann::json updates = nlohmann::json::array();
    for (int v = 1; v <= LatestVersion(i); ++v) {
      updates.push_back({{"updateID", absl::StrCat("u-", i, "-", v)},
                         {"version", v},
                         {"info", {{"kind", "update"}, {"startTime", 1700000000 + v}}}});
    }
    seed["stacks"].push_back({{"org", kFleetOrg},
                              {"project", FleetProject(i)},
                              {"stack", FleetStack(i)},
                              {"updates", std::move(updates)}});
  }
  return seed;
}

std::unique_ptr<TestGateway> StartGateway(const std::string& upstream,
                                          const AdjustFlags& adjust = nullptr) {
  return TestGateway::Start(upstream, [&](FlagValues& f) {
    f.log_level = "info";
    f.batch_parallelism = kGatewayParallelism;
    if (adjust) adjust(f);
  });
}

// The access-log entries the gateway wrote for `method` ("BatchGetStacks").
std::vector<nlohmann::json> AccessLog(const TestGateway& gateway, const std::string& method) {
  std::vector<nlohmann::json> entries;
  for (nlohmann::json& entry : gateway.AccessLog()) {
    if (absl::EndsWith(entry.value("method", ""), absl::StrCat(".", method))) {
      entries.push_back(std::move(entry));
    }
  }
  return entries;
}

v1::BatchGetStacksRequest FleetBatch(int count, int max_parallelism = 0) {
  v1::BatchGetStacksRequest request;
  for (int i = 0; i < count; ++i) {
    v1::GetStackRequest* entry = request.add_stacks();
    entry->set_org_name(kFleetOrg);
    entry->set_project_name(FleetProject(i));
    entry->set_stack_name(FleetStack(i));
  }
  request.set_max_parallelism(max_parallelism);
  return request;
}

class FleetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    emulator::ServerOptions options;
    // More workers than any parallelism under test: each latency fault holds one.
    options.threads = 64;
    emulator_ = StartEmulator(options, FleetSeed());
    ASSERT_NE(emulator_, nullptr);
    gateway_ = StartGateway(UpstreamUrl(*emulator_));
    ASSERT_NE(gateway_, nullptr);
    stacks_ = v1::StacksService::NewStub(gateway_->channel());
    // Opens the gateway's upstream connections before any test counts or times requests: a
    // burst of new connections can meet the emulator's short listen backlog, and a connection
    // whose SYN was dropped is retried a second later.
    ASSERT_TRUE(Batch(FleetBatch(kGatewayParallelism)).status.ok());
    emulator_->stats().Reset();
  }

  void AddLatency(const std::string& route, int ms) {
    emulator::FaultSpec fault;
    fault.kind = emulator::FaultKind::kLatency;
    fault.method = "GET";
    fault.route = route;
    fault.latency_ms = ms;
    ASSERT_TRUE(emulator_->faults().Add(fault).ok());
  }

  struct BatchResult {
    grpc::Status status;
    std::vector<v1::BatchGetStacksResponse> items;
    absl::Duration elapsed;
  };

  BatchResult Batch(const v1::BatchGetStacksRequest& request) {
    grpc::ClientContext context;
    context.AddMetadata("authorization", absl::StrCat("token ", kFleetToken));
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(60)));
    BatchResult result;
    const absl::Time start = absl::Now();
    auto reader = stacks_->BatchGetStacks(&context, request);
    v1::BatchGetStacksResponse item;
    while (reader->Read(&item)) result.items.push_back(item);
    result.status = reader->Finish();
    result.elapsed = absl::Now() - start;
    return result;
  }

  // The access-log entries of the test's own calls to `method` (after the warm-up batch).
  std::vector<nlohmann::json> CallLog(const std::string& method) const {
    std::vector<nlohmann::json> entries = AccessLog(*gateway_, method);
    if (method == "BatchGetStacks" && !entries.empty()) entries.erase(entries.begin());
    return entries;
  }

  // Waits until the emulator has no request in flight (cancelled requests still sit out their
  // injected latency there).
  // Waits until the emulator has nothing in flight and has taken no request for 300 ms (longer
  // than the latencies these tests add): requests the gateway sent just before a call ended can
  // still wait in the emulator's accept queue and start after a moment with nothing in flight.
  void WaitForEmulatorIdle() {
    const absl::Time deadline = absl::Now() + absl::Seconds(10);
    int64_t seen = -1;
    while (absl::Now() < deadline) {
      const int64_t requests = emulator_->stats().requests();
      if (requests == seen && emulator_->stats().in_flight() == 0) break;
      seen = requests;
      absl::SleepFor(absl::Milliseconds(300));
    }
    ASSERT_EQ(emulator_->stats().in_flight(), 0);
    ASSERT_EQ(emulator_->stats().requests(), seen) << "the emulator never went quiet";
  }

  std::unique_ptr<emulator::Server> emulator_;
  std::unique_ptr<TestGateway> gateway_;
  std::unique_ptr<v1::StacksService::Stub> stacks_;
};

TEST_F(FleetTest, BatchOfAThousandSlowStacksStaysWithinTheParallelismBound) {
  AddLatency(kGetStackPath, 50);
  emulator_->stats().Reset();
  BatchResult result = Batch(FleetBatch(kFleetSize));
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  ASSERT_EQ(result.items.size(), static_cast<size_t>(kFleetSize));
  std::vector<int> answers(kFleetSize, 0);
  for (const v1::BatchGetStacksResponse& item : result.items) {
    ASSERT_GE(item.index(), 0);
    ASSERT_LT(item.index(), kFleetSize);
    ++answers[item.index()];
    ASSERT_TRUE(item.has_stack()) << item.index() << ": " << item.error().message();
    EXPECT_EQ(item.stack().stack_name(), FleetStack(item.index()));
    EXPECT_EQ(item.stack().project_name(), FleetProject(item.index()));
  }
  EXPECT_EQ(std::count(answers.begin(), answers.end(), 1), kFleetSize)
      << "every index must be answered exactly once";
  const int64_t max_in_flight = emulator_->stats().max_in_flight();
  std::cout << "BatchGetStacks: " << kFleetSize << " stacks at 50 ms each in "
            << absl::FormatDuration(result.elapsed) << ", upstream max in flight " << max_in_flight
            << " (bound " << kGatewayParallelism << ")" << std::endl;
  EXPECT_LE(max_in_flight, kGatewayParallelism);
  EXPECT_GE(max_in_flight, kGatewayParallelism * 3 / 4) << "the bound was not used";
  EXPECT_EQ(emulator_->stats().requests(), kFleetSize);
  // Serially this is 50 s; at 16 in parallel about 3.2 s.
  EXPECT_LT(result.elapsed, absl::Seconds(10));
  const std::vector<nlohmann::json> log = CallLog("BatchGetStacks");
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0]["code"], "OK");
  EXPECT_EQ(log[0]["items"], kFleetSize);
  EXPECT_EQ(log[0]["item_errors"], 0);
  EXPECT_EQ(log[0]["upstream_requests"], kFleetSize);
}

TEST_F(FleetTest, MaxParallelismLowersTheBound) {
  AddLatency(kGetStackPath, 50);
  emulator_->stats().Reset();
  BatchResult result = Batch(FleetBatch(/*count=*/60, /*max_parallelism=*/4));
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  EXPECT_EQ(result.items.size(), 60u);
  const int64_t max_in_flight = emulator_->stats().max_in_flight();
  EXPECT_LE(max_in_flight, 4);
  EXPECT_GE(max_in_flight, 3);
  // 15 rounds of 50 ms.
  EXPECT_GE(result.elapsed, absl::Milliseconds(700));

  // A request cannot raise the gateway's bound.
  emulator_->stats().Reset();
  result = Batch(FleetBatch(/*count=*/100, /*max_parallelism=*/1000));
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  EXPECT_LE(emulator_->stats().max_in_flight(), kGatewayParallelism);
}

TEST_F(FleetTest, ResultsArriveInCompletionOrder) {
  AddLatency("^/api/stacks/fleet/svc-0/s0$", 1000);
  BatchResult result = Batch(FleetBatch(20));
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  ASSERT_EQ(result.items.size(), 20u);
  EXPECT_EQ(result.items.back().index(), 0) << "the slow first entry must not hold back the rest";
  EXPECT_NE(result.items.front().index(), 0);
}

TEST_F(FleetTest, FailedItemsCarryTheErrorGetStackWouldReturn) {
  v1::BatchGetStacksRequest request = FleetBatch(3);
  v1::GetStackRequest missing;
  missing.set_org_name(kFleetOrg);
  missing.set_project_name("svc-0");
  missing.set_stack_name("no-such-stack");
  *request.add_stacks() = missing;                        // index 3
  v1::GetStackRequest* forbidden = request.add_stacks();  // index 4: not the owner's org
  forbidden->set_org_name("elsewhere");
  forbidden->set_project_name("app");
  forbidden->set_stack_name("prod");
  BatchResult result = Batch(request);
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  ASSERT_EQ(result.items.size(), 5u);
  std::sort(result.items.begin(), result.items.end(),
            [](const auto& a, const auto& b) { return a.index() < b.index(); });
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(result.items[i].has_stack()) << i;
  ASSERT_TRUE(result.items[3].has_error());
  ASSERT_TRUE(result.items[4].has_error());
  EXPECT_EQ(result.items[3].error().code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(result.items[3].error().http_status(), 404);
  EXPECT_EQ(result.items[4].error().http_status(), 403);
  EXPECT_EQ(result.items[4].error().code(), grpc::StatusCode::PERMISSION_DENIED);

  // Exactly what the unary GetStack reports for the same stack.
  grpc::ClientContext context;
  context.AddMetadata("authorization", absl::StrCat("token ", kFleetToken));
  v1::GetStackResponse unused;
  const grpc::Status unary = stacks_->GetStack(&context, missing, &unused);
  EXPECT_EQ(result.items[3].error().code(), unary.error_code());
  EXPECT_EQ(result.items[3].error().message(), unary.error_message());
  EXPECT_THAT(unary.error_message(), HasSubstr("(HTTP 404)"));
  EXPECT_FALSE(result.items[3].error().reason().empty());
  EXPECT_THAT(unary.error_details(), HasSubstr(result.items[3].error().reason()));

  const std::vector<nlohmann::json> log = CallLog("BatchGetStacks");
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0]["items"], 5);
  EXPECT_EQ(log[0]["item_errors"], 2);
}

TEST_F(FleetTest, InvalidBatchesFailBeforeAnyUpstreamRequest) {
  emulator_->stats().Reset();
  BatchResult empty = Batch(v1::BatchGetStacksRequest());
  EXPECT_EQ(empty.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(empty.status.error_message(), HasSubstr("stacks"));

  v1::BatchGetStacksRequest too_many = FleetBatch(10001);
  BatchResult big = Batch(too_many);
  EXPECT_EQ(big.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(big.status.error_message(), HasSubstr("10001 entries; at most 10000"));

  v1::BatchGetStacksRequest bad_entry = FleetBatch(5);
  bad_entry.mutable_stacks(2)->clear_stack_name();
  BatchResult bad = Batch(bad_entry);
  EXPECT_EQ(bad.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(bad.status.error_message(), HasSubstr("stacks[2]: "));
  EXPECT_TRUE(bad.items.empty());

  BatchResult negative = Batch(FleetBatch(5, /*max_parallelism=*/-1));
  EXPECT_EQ(negative.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(negative.status.error_message(), HasSubstr("max_parallelism"));

  grpc::ClientContext context;  // no credential
  auto reader = stacks_->BatchGetStacks(&context, FleetBatch(5));
  v1::BatchGetStacksResponse item;
  EXPECT_FALSE(reader->Read(&item));
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::UNAUTHENTICATED);

  EXPECT_EQ(emulator_->stats().requests(), 0);
}

TEST_F(FleetTest, CancellingABatchStopsUpstreamWork) {
  AddLatency(kGetStackPath, 200);
  grpc::ClientContext context;
  context.AddMetadata("authorization", absl::StrCat("token ", kFleetToken));
  auto reader = stacks_->BatchGetStacks(&context, FleetBatch(kFleetSize));
  v1::BatchGetStacksResponse item;
  for (int i = 0; i < 20; ++i) ASSERT_TRUE(reader->Read(&item));
  context.TryCancel();
  while (reader->Read(&item)) {
  }
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::CANCELLED);
  WaitForEmulatorIdle();
  const int64_t after_cancel = emulator_->stats().requests();
  // Nothing new starts: a pause is the only way to see that nothing happens.
  absl::SleepFor(absl::Milliseconds(500));
  EXPECT_EQ(emulator_->stats().requests(), after_cancel);
  EXPECT_LE(after_cancel, 20 + 4 * kGatewayParallelism);
  // The call ends (access log) once every upstream request it cancelled has called back.
  const absl::Time deadline = absl::Now() + absl::Seconds(5);
  while (CallLog("BatchGetStacks").empty() && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(20));
  }
  const std::vector<nlohmann::json> log = CallLog("BatchGetStacks");
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0]["code"], "CANCELLED");
}

TEST_F(FleetTest, CancelAbandonsTheRequestsInFlight) {
  AddLatency(kGetStackPath, 3000);
  grpc::ClientContext context;
  context.AddMetadata("authorization", absl::StrCat("token ", kFleetToken));
  auto reader = stacks_->BatchGetStacks(&context, FleetBatch(kFleetSize));
  ASSERT_EQ(emulator_->stats().WaitForInFlight(kGatewayParallelism, absl::Seconds(10)),
            kGatewayParallelism);
  context.TryCancel();
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::CANCELLED);
  // The call ends once the callbacks of its upstream requests have run: at once when they are
  // cancelled, only after the emulator's 3 s latency if they were left to finish. So the call's
  // log line must appear while the emulator still holds every one of those requests.
  ASSERT_TRUE(Eventually([&] { return !CallLog("BatchGetStacks").empty(); }));
  EXPECT_EQ(emulator_->stats().in_flight(), kGatewayParallelism)
      << "the call waited for its upstream requests to finish";
  const std::vector<nlohmann::json> log = CallLog("BatchGetStacks");
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0]["code"], "CANCELLED");
  EXPECT_EQ(log[0]["upstream_requests"], kGatewayParallelism);
}

TEST_F(FleetTest, BatchDeadlineStopsUpstreamWork) {
  AddLatency(kGetStackPath, 200);
  grpc::ClientContext context;
  context.AddMetadata("authorization", absl::StrCat("token ", kFleetToken));
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Milliseconds(700)));
  auto reader = stacks_->BatchGetStacks(&context, FleetBatch(kFleetSize));
  v1::BatchGetStacksResponse item;
  int received = 0;
  while (reader->Read(&item)) ++received;
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_GT(received, 0);
  WaitForEmulatorIdle();
  const int64_t after_deadline = emulator_->stats().requests();
  absl::SleepFor(absl::Milliseconds(500));
  EXPECT_EQ(emulator_->stats().requests(), after_deadline);
  EXPECT_LT(after_deadline, 200);
}

TEST_F(FleetTest, StacksWithDetailsWalksEveryPageOnce) {
  AddLatency("^/api/stacks/.*/updates/latest$", 10);
  emulator_->stats().Reset();
  grpc::ClientContext context;
  context.AddMetadata("authorization", absl::StrCat("token ", kFleetToken));
  v1::ListStacksWithDetailsRequest request;
  request.set_organization(kFleetOrg);
  request.set_max_results(100);
  auto reader = stacks_->ListStacksWithDetails(&context, request);
  v1::ListStacksWithDetailsResponse item;
  std::set<std::string> seen;
  int updated = 0;
  while (reader->Read(&item)) {
    const std::string& name = item.stack().stack_name();
    ASSERT_TRUE(seen.insert(name).second) << name << " sent twice";
    int i = -1;
    ASSERT_TRUE(absl::SimpleAtoi(absl::string_view(name).substr(1), &i)) << name;
    EXPECT_FALSE(item.has_latest_update_error())
        << name << ": " << item.latest_update_error().message();
    if (LatestVersion(i) == 0) {
      EXPECT_FALSE(item.has_latest_update()) << name << " was never updated";
    } else {
      ++updated;
      EXPECT_EQ(item.latest_update().version(), LatestVersion(i)) << name;
      EXPECT_EQ(item.latest_update().update_id(), absl::StrCat("u-", i, "-", LatestVersion(i)));
    }
  }
  const grpc::Status status = reader->Finish();
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(seen.size(), static_cast<size_t>(kFleetSize));
  EXPECT_EQ(updated, kFleetSize * 3 / 4);
  EXPECT_EQ(emulator_->requests().Count("GET", "/api/user/stacks"), 10);
  EXPECT_LE(emulator_->stats().max_in_flight(), kGatewayParallelism);
  const std::vector<nlohmann::json> log = CallLog("ListStacksWithDetails");
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0]["items"], kFleetSize);
  EXPECT_EQ(log[0]["upstream_requests"], kFleetSize + 10);
}

// ListStacks pages of 5 stacks "p<page>-<i>" (page `fail_page` answers 500); GetLatestUpdate:
// p1-0 was never updated (404), p1-1 is forbidden (403), the others are at version 7.
void ServeDetails(FakeUpstream* upstream, int pages, int fail_page) {
  upstream->SetHandler([=](const httplib::Request& req, httplib::Response& res) {
    if (req.path == "/api/user/stacks") {
      int page = 1;
      if (req.has_param("continuationToken")) {
        (void)absl::SimpleAtoi(req.get_param_value("continuationToken"), &page);
      }
      if (page == fail_page) {
        res.status = 500;
        res.set_content(R"({"code":500,"message":"Internal Server Error"})", "application/json");
        return;
      }
      nlohmann::json body = {{"stacks", nlohmann::json::array()}};
      for (int i = 0; i < 5; ++i) {
        body["stacks"].push_back({{"orgName", "acme-corp"},
                                  {"projectName", "p"},
                                  {"stackName", absl::StrCat("p", page, "-", i)}});
      }
      if (page < pages) body["continuationToken"] = absl::StrCat(page + 1);
      res.set_content(body.dump(), "application/json");
      return;
    }
    if (absl::StrContains(req.path, "/p1-0/")) {
      res.status = 404;
      res.set_content(R"({"code":404,"message":"Not Found: no updates"})", "application/json");
    } else if (absl::StrContains(req.path, "/p1-1/")) {
      res.status = 403;
      res.set_content(R"({"code":403,"message":"Forbidden"})", "application/json");
    } else {
      res.set_content(R"({"version":7,"updateID":"u7","info":{"kind":"update"}})",
                      "application/json");
    }
  });
}

TEST(StacksWithDetailsTest, FailedPageEndsTheStreamAfterTheEarlierStacks) {
  FakeUpstream upstream;
  ServeDetails(&upstream, /*pages=*/5, /*fail_page=*/3);
  auto gateway = StartGateway(upstream.base_url());
  auto stub = v1::StacksService::NewStub(
      grpc::CreateChannel(gateway->address(), grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.AddMetadata("authorization", absl::StrCat("token ", kFleetToken));
  auto reader = stub->ListStacksWithDetails(&context, v1::ListStacksWithDetailsRequest());
  v1::ListStacksWithDetailsResponse item;
  std::set<std::string> names;
  while (reader->Read(&item)) {
    const std::string& name = item.stack().stack_name();
    names.insert(name);
    if (name == "p1-0") {
      EXPECT_FALSE(item.has_latest_update());
      EXPECT_FALSE(item.has_latest_update_error());
    } else if (name == "p1-1") {
      EXPECT_FALSE(item.has_latest_update());
      EXPECT_EQ(item.latest_update_error().code(), grpc::StatusCode::PERMISSION_DENIED);
      EXPECT_EQ(item.latest_update_error().http_status(), 403);
      EXPECT_EQ(item.latest_update_error().reason(), "HTTP_403");
      EXPECT_THAT(item.latest_update_error().message(), HasSubstr("Forbidden (HTTP 403)"));
    } else {
      EXPECT_EQ(item.latest_update().version(), 7) << name;
    }
  }
  const grpc::Status status = reader->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_THAT(status.error_message(), HasSubstr("Internal Server Error (HTTP 500)"));
  EXPECT_EQ(names.size(), 10u) << "every stack of pages 1 and 2, then the error";
  for (const RecordedRequest& request : upstream.requests()) {
    EXPECT_THAT(request.target, ::testing::Not(HasSubstr("continuationToken=4")));
  }
}

TEST(BatchBackpressureTest, SlowReaderHoldsBackUpstreamRequests) {
  // 1,000 stacks of about 8 KiB each (a large tag).
  nlohmann::json seed = FleetSeed();
  const std::string padding(8 * 1024, 'x');
  for (nlohmann::json& stack : seed["stacks"]) stack["tags"] = {{"padding", padding}};
  std::unique_ptr<emulator::Server> emulator = StartEmulator({}, std::move(seed));
  ASSERT_NE(emulator, nullptr);
  auto gateway = StartGateway(UpstreamUrl(*emulator));
  ASSERT_NE(gateway, nullptr);
  // Without BDP probing the client's receive window stays at its initial 64 KiB, so what the
  // gateway could buffer for a paused reader is not hidden by a window grown to megabytes.
  grpc::ChannelArguments channel_args;
  channel_args.SetInt(GRPC_ARG_HTTP2_BDP_PROBE, 0);
  auto stub = v1::StacksService::NewStub(grpc::CreateCustomChannel(
      gateway->address(), grpc::InsecureChannelCredentials(), channel_args));
  grpc::ClientContext context;
  context.AddMetadata("authorization", absl::StrCat("token ", kFleetToken));
  auto reader = stub->BatchGetStacks(&context, FleetBatch(kFleetSize));
  v1::BatchGetStacksResponse item;
  std::vector<int> answers(kFleetSize, 0);
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(reader->Read(&item));
    ++answers[item.index()];
  }
  // The reader pauses; without backpressure the gateway would fetch all 1,000 stacks meanwhile.
  absl::SleepFor(absl::Seconds(1));
  const int64_t while_paused = emulator->stats().requests();
  while (reader->Read(&item)) ++answers[item.index()];
  ASSERT_TRUE(reader->Finish().ok());
  std::cout << "slow reader: " << while_paused << " of " << kFleetSize
            << " GetStack requests made while paused" << std::endl;
  // 10 read, about 8 in the 64 KiB window, fewer than 2 x 16 waiting in the gateway
  // (without the queue bound: about 400 here).
  EXPECT_LT(while_paused, 100);
  EXPECT_EQ(std::count(answers.begin(), answers.end(), 1), kFleetSize);
  EXPECT_EQ(emulator->stats().requests(), kFleetSize);
}

// WhoAmI on the demo data: jdoe's personal token, acme-corp's organization token and the
// platform team's token.
constexpr char kPersonalToken[] = "pul-demo-jdoe-7f3a9c2e41b85d60f1e2a3b4c5d6e7f8";
constexpr char kOrgToken[] = "pul-demo-org-acme-ci-6d1e8f2a4b7c4e9d8a0b1c2d3e4f5a6b";
constexpr char kTeamToken[] = "pul-demo-team-platform-9e8d7c6b5a4f4e3d2c1b0a9f8e7d6c5b";

class WhoAmITest : public ::testing::Test {
 protected:
  void SetUp() override {
    emulator_ = StartEmulator();
    ASSERT_NE(emulator_, nullptr);
  }

  std::string upstream() const { return UpstreamUrl(*emulator_); }

  static grpc::Status WhoAmI(const TestGateway& gateway, const std::string& token,
                             v1::WhoAmIResponse* response) {
    auto stub = v1::UsersService::NewStub(gateway.channel());
    grpc::ClientContext context;
    if (!token.empty()) context.AddMetadata("authorization", absl::StrCat("token ", token));
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
    const grpc::Status status = stub->WhoAmI(&context, v1::WhoAmIRequest(), response);
    EXPECT_THAT(response->SerializeAsString(), ::testing::Not(HasSubstr("pul-demo-")))
        << "the token must never be returned";
    return status;
  }

  std::unique_ptr<emulator::Server> emulator_;
};

TEST_F(WhoAmITest, TellsTokenKindsApartInPassthroughMode) {
  auto gateway = StartGateway(upstream());
  ASSERT_NE(gateway, nullptr);
  v1::WhoAmIResponse personal;
  ASSERT_TRUE(WhoAmI(*gateway, kPersonalToken, &personal).ok());
  EXPECT_EQ(personal.token_kind(), v1::TOKEN_KIND_PERSONAL);
  EXPECT_EQ(personal.user_login(), "jdoe");
  EXPECT_EQ(personal.name(), "Jane Doe");
  EXPECT_EQ(personal.token_name(), "jdoe-laptop");
  EXPECT_THAT(personal.organizations(), ::testing::UnorderedElementsAre("acme-corp", "globex"));
  EXPECT_EQ(personal.organization(), "");
  EXPECT_EQ(personal.credential_source(), v1::CREDENTIAL_SOURCE_CALLER);

  v1::WhoAmIResponse org;
  ASSERT_TRUE(WhoAmI(*gateway, kOrgToken, &org).ok());
  EXPECT_EQ(org.token_kind(), v1::TOKEN_KIND_ORGANIZATION);
  EXPECT_EQ(org.organization(), "acme-corp");
  EXPECT_EQ(org.user_login(), "");
  EXPECT_EQ(org.team(), "");
  EXPECT_EQ(org.token_name(), "acme-ci");

  v1::WhoAmIResponse team;
  ASSERT_TRUE(WhoAmI(*gateway, kTeamToken, &team).ok());
  EXPECT_EQ(team.token_kind(), v1::TOKEN_KIND_TEAM);
  EXPECT_EQ(team.organization(), "acme-corp");
  EXPECT_EQ(team.team(), "platform");
  EXPECT_EQ(team.token_name(), "platform-deploy");
  EXPECT_EQ(team.user_login(), "");

  v1::WhoAmIResponse none;
  EXPECT_EQ(WhoAmI(*gateway, "", &none).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(WhoAmI(*gateway, "pul-test-unknown-token", &none).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(emulator_->requests().Count("GET", "/api/user"), 4) << "one request per call";
  const std::vector<nlohmann::json> log = AccessLog(*gateway, "WhoAmI");
  ASSERT_EQ(log.size(), 5u);
  EXPECT_THAT(gateway->LogText(), ::testing::Not(HasSubstr("pul-demo-")));
}

TEST_F(WhoAmITest, ServiceModeReportsTheServiceCredential) {
  auto gateway = StartGateway(upstream(), [](FlagValues& f) {
    f.auth_mode = "service";
    f.env_token = kPersonalToken;  // as PULUMI_ACCESS_TOKEN
  });
  ASSERT_NE(gateway, nullptr);
  v1::WhoAmIResponse response;
  // The caller's own credential is ignored in service mode.
  ASSERT_TRUE(WhoAmI(*gateway, kTeamToken, &response).ok());
  EXPECT_EQ(response.credential_source(), v1::CREDENTIAL_SOURCE_SERVICE);
  EXPECT_EQ(response.token_kind(), v1::TOKEN_KIND_PERSONAL);
  EXPECT_EQ(response.user_login(), "jdoe");
  EXPECT_EQ(response.tenant(), "");
}

TEST_F(WhoAmITest, TenantModeReportsTheTenantAndCaller) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  ASSERT_NE(tmp, nullptr);
  const std::string dir = absl::StrCat(tmp, "/tenants");
  ASSERT_EQ(mkdir(dir.c_str(), 0700), 0);
  {
    std::ofstream file(dir + "/payments");
    file << kTeamToken << "\n";
  }
  auto gateway = StartGateway(upstream(), [&](FlagValues& f) {
    f.auth_mode = "service";
    f.tenant_tokens_dir = dir;
    f.caller_identity = "header";
    f.trusted_proxies = "127.0.0.1/32";
  });
  ASSERT_NE(gateway, nullptr);
  auto stub = v1::UsersService::NewStub(gateway->channel());
  grpc::ClientContext context;
  context.AddMetadata("x-caller-identity", "payments");
  v1::WhoAmIResponse response;
  const grpc::Status status = stub->WhoAmI(&context, v1::WhoAmIRequest(), &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.credential_source(), v1::CREDENTIAL_SOURCE_TENANT);
  EXPECT_EQ(response.tenant(), "payments");
  EXPECT_EQ(response.caller(), "payments");
  EXPECT_EQ(response.token_kind(), v1::TOKEN_KIND_TEAM);
  EXPECT_EQ(response.team(), "platform");
  EXPECT_THAT(response.SerializeAsString(), ::testing::Not(HasSubstr(kTeamToken)));
  const std::vector<nlohmann::json> log = AccessLog(*gateway, "WhoAmI");
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0]["tenant"], "payments");
  EXPECT_EQ(log[0]["caller"], "payments");
}

}  // namespace
}  // namespace pulumi_gateway::testing
