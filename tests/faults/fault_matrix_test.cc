// The fault matrix: the real gateway binary in front of the real emulator, one emulator fault at a
// time, against a read RPC (GetStack: GET, idempotent) and a write RPC (CreateStack: POST, not
// idempotent). Each row asserts the gRPC code (and a message substring where the gateway writes
// one), how many requests reached the emulator for that path (its request log), how many attempts
// the gateway counted (its access log), and bounds on the time the caller waited.
//
// The table of what happened is printed at the end, and written as markdown to $FAULT_MATRIX_OUT
// when that is set (tests/faults/fault_matrix.md is one such run):
//   bazel test //tests/faults:fault_matrix_test \
//     --test_env=FAULT_MATRIX_OUT=$PWD/tests/faults/fault_matrix.md
//
// Every row has its own stack (reads) or project (writes), so the fault's route and the request
// count are per row, and a late request from one row can never be counted in another.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "emulator/faults.h"
#include "emulator/server.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/faults/fault_env.h"

namespace pulumi_gateway::testing {
namespace {

using ::testing::HasSubstr;

// Short backoffs keep the suite fast; the breaker is off so that rows cannot interact through it
// (it has its own scenario in overload_test); a small response cap for the huge-body row.
// The matrix shows what one call meets, so the fleet-wide 429 pause (which makes every later call
// of the token wait out the Retry-After window; tested in fleet_throttle_test) is off.
void MatrixFlags(FlagValues& f) {
  f.retry_initial_backoff = absl::Milliseconds(20);
  f.retry_max_backoff = absl::Milliseconds(200);
  f.max_response_bytes = 65536;
  f.breaker_failure_threshold = 0;
  f.log_level = "info";
  f.throttle_max_pause = absl::ZeroDuration();
}
// The same, as the generated table states it.
constexpr char kMatrixFlags[] =
    "--retry_initial_backoff=20ms --retry_max_backoff=200ms --max_response_bytes=65536 "
    "--breaker_failure_threshold=0 --log_level=info --throttle_max_pause=0";

constexpr char kOrg[] = "acme-corp";
constexpr char kReadProject[] = "faults";

enum class Kind { kRead, kWrite };

struct Expect {
  grpc::StatusCode code = grpc::StatusCode::OK;
  // Requests the emulator logged for the row's path: upstream_requests, or up to
  // upstream_extra more.
  int upstream_requests = 1;
  int upstream_extra = 0;
  // Attempts in the gateway's access log line.
  int gateway_attempts = 1;
  // Substring of the status message; empty: not checked (deadline rows: the caller's own
  // deadline and the gateway's race, and each words it differently).
  std::string message;
  absl::Duration min_time = absl::ZeroDuration();
  absl::Duration max_time = absl::Milliseconds(1500);
};

struct Case {
  std::string slug;   // names the stack/project and the test
  std::string fault;  // the table's description of the upstream misbehaviour
  Kind kind = Kind::kRead;
  // nullopt: no emulator at all; the gateway points at a port that refuses connections.
  std::optional<emulator::FaultSpec> spec;
  absl::Duration timeout = absl::Seconds(5);
  Expect expect;
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.slug << (c.kind == Kind::kRead ? " (GetStack)" : " (CreateStack)");
}

std::string Method(Kind kind) { return kind == Kind::kRead ? "GET" : "POST"; }

std::string PathOf(const Case& c) {
  return c.kind == Kind::kRead ? absl::StrCat("/api/stacks/", kOrg, "/", kReadProject, "/", c.slug)
                               : absl::StrCat("/api/stacks/", kOrg, "/w-", c.slug);
}

emulator::FaultSpec Fault(emulator::FaultKind kind) {
  emulator::FaultSpec spec;
  spec.kind = kind;
  return spec;
}

emulator::FaultSpec Status(int status) {
  emulator::FaultSpec spec = Fault(emulator::FaultKind::kStatus);
  spec.status = status;
  return spec;
}

Expect Want(grpc::StatusCode code, int upstream, int gateway, std::string message,
            absl::Duration max = absl::Milliseconds(1500),
            absl::Duration min = absl::ZeroDuration()) {
  Expect e;
  e.code = code;
  e.upstream_requests = upstream;
  e.gateway_attempts = gateway;
  e.message = std::move(message);
  e.min_time = min;
  e.max_time = max;
  return e;
}

std::vector<Case> Cases() {
  using grpc::StatusCode;
  std::vector<Case> cases;
  auto both = [&](std::string slug, std::string fault, std::optional<emulator::FaultSpec> spec,
                  absl::Duration timeout, Expect read, Expect write) {
    cases.push_back({slug, fault, Kind::kRead, spec, timeout, std::move(read)});
    cases.push_back({slug, fault, Kind::kWrite, spec, timeout, std::move(write)});
  };
  const absl::Duration ms = absl::Milliseconds(1);
  const absl::Duration short_deadline = 500 * ms;

  emulator::FaultSpec latency = Fault(emulator::FaultKind::kLatency);
  latency.latency_ms = 1500;
  // Not retried: the deadline is spent. The caller gets its answer at the deadline, long before
  // the upstream would have answered.
  both("latency", "latency 1.5 s, deadline 0.5 s", latency, short_deadline,
       Want(StatusCode::DEADLINE_EXCEEDED, 1, 1, "", 1400 * ms, 450 * ms),
       Want(StatusCode::DEADLINE_EXCEEDED, 1, 1, "", 1400 * ms, 450 * ms));

  both("http-500", "HTTP 500", Status(500), absl::Seconds(5),
       Want(StatusCode::INTERNAL, 1, 1, "Internal Server Error: injected fault (HTTP 500)"),
       Want(StatusCode::INTERNAL, 1, 1, "Internal Server Error: injected fault (HTTP 500)"));
  both("http-502", "HTTP 502", Status(502), absl::Seconds(5),
       Want(StatusCode::UNAVAILABLE, 3, 3, "Bad Gateway: injected fault (HTTP 502)"),
       Want(StatusCode::UNAVAILABLE, 1, 1, "Bad Gateway: injected fault (HTTP 502)"));
  both("http-503", "HTTP 503", Status(503), absl::Seconds(5),
       Want(StatusCode::UNAVAILABLE, 3, 3, "Service Unavailable: injected fault (HTTP 503)"),
       Want(StatusCode::UNAVAILABLE, 1, 1, "Service Unavailable: injected fault (HTTP 503)"));
  both("http-504", "HTTP 504", Status(504), absl::Seconds(5),
       Want(StatusCode::DEADLINE_EXCEEDED, 3, 3, "Gateway Timeout: injected fault (HTTP 504)"),
       Want(StatusCode::DEADLINE_EXCEEDED, 1, 1, "Gateway Timeout: injected fault (HTTP 504)"));

  emulator::FaultSpec retry_after = Fault(emulator::FaultKind::kRetryAfter);
  retry_after.retry_after = "1";
  // Two waits of at least the second asked for, within the 5 s deadline.
  both("http-429-retry-after-1", "HTTP 429, Retry-After: 1", retry_after, absl::Seconds(5),
       Want(StatusCode::RESOURCE_EXHAUSTED, 3, 3, "Too Many Requests: injected fault (HTTP 429)",
            3500 * ms, 2000 * ms),
       Want(StatusCode::RESOURCE_EXHAUSTED, 1, 1, "Too Many Requests: injected fault (HTTP 429)"));
  both("http-429", "HTTP 429, no Retry-After", Fault(emulator::FaultKind::kRetryAfter),
       absl::Seconds(5),
       Want(StatusCode::RESOURCE_EXHAUSTED, 3, 3, "Too Many Requests: injected fault (HTTP 429)"),
       Want(StatusCode::RESOURCE_EXHAUSTED, 1, 1, "Too Many Requests: injected fault (HTTP 429)"));

  // The request reached the upstream, then the connection died: only a GET may go again. libcurl
  // itself resends a request once when a *reused* connection dies before any response byte (the
  // first attempt here, on the warm connection): harmless for a GET, so one extra request is
  // allowed; a POST must never be resent.
  Expect reset_read = Want(StatusCode::UNAVAILABLE, 3, 3, "upstream connection failed");
  reset_read.upstream_extra = 1;
  both("reset", "connection reset (no response)", Fault(emulator::FaultKind::kReset),
       absl::Seconds(5), reset_read,
       Want(StatusCode::UNAVAILABLE, 1, 1, "upstream connection failed"));
  // Never sent: safe to retry for any verb. Nothing reaches an upstream.
  both("refused", "connection refused (closed port)", std::nullopt, absl::Seconds(5),
       Want(StatusCode::UNAVAILABLE, 0, 3, "upstream unreachable"),
       Want(StatusCode::UNAVAILABLE, 0, 3, "upstream unreachable"));

  both("truncated", "truncated JSON body", Fault(emulator::FaultKind::kTruncated), absl::Seconds(5),
       Want(StatusCode::INTERNAL, 1, 1, "is not valid JSON"),
       Want(StatusCode::INTERNAL, 1, 1, "is not valid JSON"));
  both("malformed", "malformed JSON body", Fault(emulator::FaultKind::kMalformed), absl::Seconds(5),
       Want(StatusCode::INTERNAL, 1, 1, "is not valid JSON"),
       Want(StatusCode::INTERNAL, 1, 1, "is not valid JSON"));

  emulator::FaultSpec huge = Fault(emulator::FaultKind::kHugeBody);
  huge.body_bytes = 1 << 20;
  both("huge", "1 MiB body, --max_response_bytes=64 KiB", huge, absl::Seconds(5),
       Want(StatusCode::RESOURCE_EXHAUSTED, 1, 1, "--max_response_bytes"),
       Want(StatusCode::RESOURCE_EXHAUSTED, 1, 1, "--max_response_bytes"));

  emulator::FaultSpec slow = Fault(emulator::FaultKind::kSlow);
  slow.chunk_bytes = 1;
  slow.latency_ms = 300;
  both("slow", "body trickled 1 B / 300 ms, deadline 0.5 s", slow, short_deadline,
       Want(StatusCode::DEADLINE_EXCEEDED, 1, 1, "", 1400 * ms, 450 * ms),
       Want(StatusCode::DEADLINE_EXCEEDED, 1, 1, "", 1400 * ms, 450 * ms));

  // The body is JSON whatever the label says: the gateway parses it.
  both("wrong-content-type", "JSON body labelled text/html",
       Fault(emulator::FaultKind::kWrongContentType), absl::Seconds(5),
       Want(StatusCode::OK, 1, 1, ""), Want(StatusCode::OK, 1, 1, ""));
  return cases;
}

std::string CodeName(grpc::StatusCode code) {
  static const std::map<grpc::StatusCode, std::string> kNames = {
      {grpc::StatusCode::OK, "OK"},
      {grpc::StatusCode::CANCELLED, "CANCELLED"},
      {grpc::StatusCode::UNKNOWN, "UNKNOWN"},
      {grpc::StatusCode::INVALID_ARGUMENT, "INVALID_ARGUMENT"},
      {grpc::StatusCode::DEADLINE_EXCEEDED, "DEADLINE_EXCEEDED"},
      {grpc::StatusCode::NOT_FOUND, "NOT_FOUND"},
      {grpc::StatusCode::ALREADY_EXISTS, "ALREADY_EXISTS"},
      {grpc::StatusCode::PERMISSION_DENIED, "PERMISSION_DENIED"},
      {grpc::StatusCode::RESOURCE_EXHAUSTED, "RESOURCE_EXHAUSTED"},
      {grpc::StatusCode::FAILED_PRECONDITION, "FAILED_PRECONDITION"},
      {grpc::StatusCode::ABORTED, "ABORTED"},
      {grpc::StatusCode::OUT_OF_RANGE, "OUT_OF_RANGE"},
      {grpc::StatusCode::UNIMPLEMENTED, "UNIMPLEMENTED"},
      {grpc::StatusCode::INTERNAL, "INTERNAL"},
      {grpc::StatusCode::UNAVAILABLE, "UNAVAILABLE"},
      {grpc::StatusCode::DATA_LOSS, "DATA_LOSS"},
      {grpc::StatusCode::UNAUTHENTICATED, "UNAUTHENTICATED"},
  };
  auto it = kNames.find(code);
  return it != kNames.end() ? it->second : absl::StrCat("code ", static_cast<int>(code));
}

// One line of the table: what actually happened.
struct Observed {
  std::string fault;
  std::string rpc;
  std::string code;
  int upstream_requests = -1;
  std::optional<int> gateway_attempts;
  absl::Duration elapsed;
  std::string message;
};

class FaultMatrixTest : public ::testing::TestWithParam<Case> {
 protected:
  static void SetUpTestSuite() {
    emulator_ = StartEmulator().release();
    ASSERT_NE(emulator_, nullptr);
    // The read rows' stacks: one per row.
    for (const Case& c : Cases()) {
      if (c.kind != Kind::kRead) continue;
      absl::StatusOr<emulator::Json> created = emulator_->store().CreateStack(
          emulator::Caller{"jdoe", "127.0.0.1"}, kOrg, kReadProject, {{"stackName", c.slug}});
      ASSERT_TRUE(created.ok()) << created.status();
    }
    refusing_ = new RefusingPort();
    gateway_ = StartGateway(emulator_->port(), MatrixFlags).release();
    refused_gateway_ = StartGateway(refusing_->port(), MatrixFlags).release();
    reset_gateway_ = StartGateway(emulator_->port(), MatrixFlags).release();
    ASSERT_NE(gateway_, nullptr);
    ASSERT_NE(refused_gateway_, nullptr);
    ASSERT_NE(reset_gateway_, nullptr);
    client_ = new GatewayClient(gateway_->address());
    refused_client_ = new GatewayClient(refused_gateway_->address());
    reset_client_ = new GatewayClient(reset_gateway_->address());
    observed_ = new std::vector<Observed>();
  }

  static void TearDownTestSuite() {
    if (observed_ != nullptr) WriteTable(*observed_);
    delete observed_;
    delete reset_client_;
    delete refused_client_;
    delete client_;
    delete reset_gateway_;
    delete refused_gateway_;
    delete gateway_;
    delete refusing_;
    delete emulator_;
    observed_ = nullptr;
    reset_client_ = nullptr;
    refused_client_ = nullptr;
    client_ = nullptr;
    reset_gateway_ = nullptr;
    refused_gateway_ = nullptr;
    gateway_ = nullptr;
    refusing_ = nullptr;
    emulator_ = nullptr;
  }

  void SetUp() override {
    ASSERT_NE(emulator_, nullptr);
    ASSERT_NE(gateway_, nullptr);
    ASSERT_NE(refused_gateway_, nullptr);
    ASSERT_NE(reset_gateway_, nullptr);
  }

  static void WriteTable(const std::vector<Observed>& rows) {
    std::string table = absl::StrCat(
        "| Upstream fault | RPC | gRPC code | Requests upstream saw | Gateway attempts | "
        "Time (ms) |\n",
        "|---|---|---|---:|---:|---:|\n");
    for (const Observed& o : rows) {
      absl::StrAppend(
          &table, "| ", o.fault, " | ", o.rpc, " | ", o.code, " | ", o.upstream_requests, " | ",
          o.gateway_attempts.has_value() ? absl::StrCat(*o.gateway_attempts) : "?", " | ",
          absl::StrFormat("%.0f", absl::ToDoubleMilliseconds(o.elapsed)), " |\n");
    }
    const std::string doc = absl::StrCat(
        "# Fault matrix\n\n"
        "Generated by `//tests/faults:fault_matrix_test` (set `FAULT_MATRIX_OUT`): the gateway "
        "in front of the emulator (both in the test's process), one fault per row on that row's "
        "path only. Gateway flags: `",
        kMatrixFlags,
        "` (otherwise defaults: 3 attempts, retry budget 0.2). Deadline 5 s, except 0.5 s on the "
        "latency and slow rows. Each row starts with a warm keep-alive connection (a GetStack on "
        "another path just before). GetStack is `GET` (idempotent); CreateStack is `POST` (not "
        "idempotent). \"Requests upstream saw\" comes from the emulator's request log; \"Gateway "
        "attempts\" from the gateway's access log. Times are one run's, as the caller saw "
        "them.\n\n",
        table,
        "\nOn the GetStack reset row the upstream can see one request more than the gateway "
        "attempted: libcurl resends a request by itself, once, when a reused keep-alive "
        "connection dies before any response byte arrives. Writes (CreateStack) always take a "
        "fresh connection, so a write is never sent twice.\n");
    std::cout << "\n" << doc << std::endl;
    if (const char* out = std::getenv("FAULT_MATRIX_OUT"); out != nullptr && *out != '\0') {
      std::ofstream file(out);
      file << doc;
      EXPECT_TRUE(file.good()) << "cannot write " << out;
    }
  }

  static emulator::Server* emulator_;
  static RefusingPort* refusing_;
  static TestGateway* gateway_;
  static TestGateway* refused_gateway_;
  // Only for the reset rows: its warm-up call is always the first request on a fresh keep-alive
  // connection, so the row's first attempt always reuses a connection. (The emulator closes a
  // connection after 5 requests; on the shared gateway, whether the row reuses one would depend
  // on the rows before it.)
  static TestGateway* reset_gateway_;
  static GatewayClient* client_;
  static GatewayClient* refused_client_;
  static GatewayClient* reset_client_;
  static std::vector<Observed>* observed_;
};

emulator::Server* FaultMatrixTest::emulator_ = nullptr;
RefusingPort* FaultMatrixTest::refusing_ = nullptr;
TestGateway* FaultMatrixTest::gateway_ = nullptr;
TestGateway* FaultMatrixTest::refused_gateway_ = nullptr;
TestGateway* FaultMatrixTest::reset_gateway_ = nullptr;
GatewayClient* FaultMatrixTest::reset_client_ = nullptr;
GatewayClient* FaultMatrixTest::client_ = nullptr;
GatewayClient* FaultMatrixTest::refused_client_ = nullptr;
std::vector<Observed>* FaultMatrixTest::observed_ = nullptr;

TEST_P(FaultMatrixTest, Row) {
  const Case& c = GetParam();
  const std::string method = Method(c.kind);
  const std::string path = PathOf(c);
  std::optional<std::string> fault_id;
  if (c.spec.has_value()) {
    emulator::FaultSpec spec = *c.spec;
    spec.route = path;  // a glob without wildcards: this row's path only
    spec.method = method;
    absl::StatusOr<std::string> id = emulator_->faults().Add(spec);
    ASSERT_TRUE(id.ok()) << id.status();
    fault_id = *id;
  }
  const bool reset = c.spec.has_value() && c.spec->kind == emulator::FaultKind::kReset;
  GatewayClient* client = !c.spec.has_value() ? refused_client_ : reset ? reset_client_ : client_;
  TestGateway* gateway = !c.spec.has_value() ? refused_gateway_ : reset ? reset_gateway_ : gateway_;
  if (c.spec.has_value()) {
    // Steady state: the gateway holds a warm keep-alive connection to the upstream. (Another
    // path: the row's counts are per path.)
    const RpcResult warm = client->GetStack({kOrg, "payments-api", "prod"}, absl::Seconds(5));
    ASSERT_TRUE(warm.status.ok()) << warm.status.error_message();
  }
  const std::string request_id =
      absl::StrCat("fm-", c.slug, c.kind == Kind::kRead ? "-read" : "-write");

  const RpcResult result =
      c.kind == Kind::kRead
          ? client->GetStack({kOrg, kReadProject, c.slug}, c.timeout, request_id)
          : client->CreateStack({kOrg, absl::StrCat("w-", c.slug), "s"}, c.timeout, request_id);

  // Requests can land after the caller gave up (latency rows): wait for the expected number, then
  // take the count (any extra ones already there show up too).
  if (c.expect.upstream_requests > 0) {
    emulator_->requests().WaitForCount(method, path, c.expect.upstream_requests, absl::Seconds(3));
  }
  const int upstream = static_cast<int>(emulator_->requests().Count(method, path));
  const std::optional<int> attempts = LoggedAttempts(*gateway, request_id);
  if (fault_id.has_value()) emulator_->faults().Remove(*fault_id);

  observed_->push_back({c.fault, c.kind == Kind::kRead ? "GetStack (GET)" : "CreateStack (POST)",
                        CodeName(result.status.error_code()), upstream, attempts, result.elapsed,
                        result.status.error_message()});

  EXPECT_EQ(CodeName(result.status.error_code()), CodeName(c.expect.code))
      << result.status.error_message();
  if (!c.expect.message.empty()) {
    EXPECT_THAT(result.status.error_message(), HasSubstr(c.expect.message));
  }
  EXPECT_GE(upstream, c.expect.upstream_requests) << "requests the emulator saw on " << path;
  EXPECT_LE(upstream, c.expect.upstream_requests + c.expect.upstream_extra)
      << "requests the emulator saw on " << path;
  EXPECT_EQ(attempts, std::optional<int>(c.expect.gateway_attempts))
      << "attempts in the gateway's access log for " << request_id;
  EXPECT_GE(result.elapsed, c.expect.min_time);
  EXPECT_LE(result.elapsed, c.expect.max_time);
}

INSTANTIATE_TEST_SUITE_P(Faults, FaultMatrixTest, ::testing::ValuesIn(Cases()),
                         [](const auto& info) {
                           return absl::StrReplaceAll(info.param.slug, {{"-", "_"}}) +
                                  (info.param.kind == Kind::kRead ? "_GetStack" : "_CreateStack");
                         });

// A write reaches the upstream at most once unless it certainly was never sent. Here the warm
// keep-alive connection a CreateStack goes out on is dropped without an answer (the emulator's
// reset, for that one request). The gateway's policy does not retry a POST after a broken
// connection; the caller must get UNAVAILABLE, and the upstream must have seen one request.
TEST(StaleConnectionTest, PostOnAReusedConnectionThatDiesIsNotResent) {
  auto emulator = StartEmulator();
  ASSERT_NE(emulator, nullptr);
  auto gateway = StartGateway(emulator->port(), MatrixFlags);
  ASSERT_NE(gateway, nullptr);
  GatewayClient client(gateway->address());
  const RpcResult warm = client.GetStack({kOrg, "payments-api", "prod"}, absl::Seconds(5));
  ASSERT_TRUE(warm.status.ok()) << warm.status.error_message();

  const std::string path = absl::StrCat("/api/stacks/", kOrg, "/stale-post");
  emulator::FaultSpec reset = Fault(emulator::FaultKind::kReset);
  reset.method = "POST";
  reset.route = path;
  reset.count = 1;
  ASSERT_TRUE(emulator->faults().Add(reset).ok());

  const RpcResult r =
      client.CreateStack({kOrg, "stale-post", "s"}, absl::Seconds(5), "stale-post-write");
  const int64_t seen = emulator->requests().Count("POST", path);
  EXPECT_EQ(seen, 1) << "the upstream received the CreateStack POST " << seen << " times";
  EXPECT_EQ(CodeName(r.status.error_code()), "UNAVAILABLE")
      << "the write was resent after the connection broke, and "
      << (r.status.ok() ? "the resend succeeded" : r.status.error_message());
  EXPECT_THAT(r.status.error_message(), HasSubstr("upstream connection failed"));
  EXPECT_EQ(LoggedAttempts(*gateway, "stale-post-write"), std::optional<int>(1))
      << "the gateway itself made one attempt";
}

}  // namespace
}  // namespace pulumi_gateway::testing
