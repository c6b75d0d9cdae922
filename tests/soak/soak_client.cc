// soak_client: drives a bounded number of GetStack calls through the gateway at a fixed
// concurrency and checks that every answer belongs to its request. ghz cannot do this: it counts
// responses but never compares a response with the request that produced it, which is exactly
// how crossed answers or lost calls would show.
//
//   soak_client --address=127.0.0.1:50051 --token=... --calls=1000000 --concurrency=128
//       --stacks=acme-corp/payments-api/prod,... --faulty=acme-corp/auth-service/dev,...
//       --faulty_percent=5 --gateway_pid=1234
//
// Prints progress every --report_every calls (RSS and open fds of --gateway_pid) and a final JSON
// summary; exits 1 on any crossed or lost answer, on an error for a healthy stack, or when RSS grew
// more than --max_rss_growth_percent after warm-up.
#include <dirent.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "grpcpp/grpcpp.h"
#include "nlohmann/json.hpp"
#include "pulumi/service/v1/stacks.grpc.pb.h"

ABSL_FLAG(std::string, address, "127.0.0.1:50051", "Gateway address.");
ABSL_FLAG(std::string, token, "", "Access token sent as authorization metadata.");
ABSL_FLAG(int64_t, calls, 1000000, "Calls to make in total.");
ABSL_FLAG(int, concurrency, 128, "Calls in flight at once.");
ABSL_FLAG(std::vector<std::string>, stacks, {}, "Healthy stacks org/project/stack.");
ABSL_FLAG(std::vector<std::string>, faulty, {}, "Stacks whose upstream route is faulted.");
ABSL_FLAG(double, faulty_percent, 5, "Share of calls sent to the faulty stacks.");
ABSL_FLAG(int, gateway_pid, 0, "Gateway process to sample RSS and fds from (0: none).");
ABSL_FLAG(int64_t, report_every, 100000, "Progress line every N calls.");
ABSL_FLAG(double, warmup_fraction, 0.1, "Share of calls before the RSS baseline is taken.");
ABSL_FLAG(double, max_rss_growth_percent, 10, "Allowed RSS growth after warm-up.");

namespace {

namespace v1 = ::pulumi::service::v1;

struct Stack {
  std::string org, project, name;
  bool faulty = false;
};

std::vector<Stack> ParseStacks(const std::vector<std::string>& specs, bool faulty) {
  std::vector<Stack> stacks;
  for (const std::string& spec : specs) {
    std::vector<std::string> parts = absl::StrSplit(spec, '/');
    if (parts.size() != 3) {
      std::cerr << "bad stack \"" << spec << "\": want org/project/stack" << std::endl;
      std::exit(2);
    }
    stacks.push_back({parts[0], parts[1], parts[2], faulty});
  }
  return stacks;
}

int64_t ProcStatusKib(int pid, absl::string_view key) {
  std::ifstream in(absl::StrCat("/proc/", pid, "/status"));
  std::string line;
  while (std::getline(in, line)) {
    absl::string_view view(line);
    if (absl::ConsumePrefix(&view, key)) {
      int64_t value = 0;
      view = absl::StripAsciiWhitespace(view);
      if (absl::SimpleAtoi(view.substr(0, view.find(' ')), &value)) return value;
    }
  }
  return -1;
}

int OpenFds(int pid) {
  int count = 0;
  if (DIR* dir = opendir(absl::StrCat("/proc/", pid, "/fd").c_str())) {
    while (readdir(dir) != nullptr) ++count;
    closedir(dir);
  }
  return count - 2;
}

class Soak {
 public:
  Soak(std::shared_ptr<grpc::Channel> channel, std::vector<Stack> healthy,
       std::vector<Stack> faulty)
      : stub_(v1::StacksService::NewStub(channel)),
        healthy_(std::move(healthy)),
        faulty_(std::move(faulty)) {}

  void Run(int64_t calls, int concurrency) {
    total_ = calls;
    for (int i = 0; i < concurrency && i < calls; ++i) Start();
    done_.WaitForNotification();
  }

  // One call: its own request, context and response, checked in its own callback.
  struct Call {
    grpc::ClientContext context;
    v1::GetStackRequest request;
    v1::GetStackResponse response;
    bool faulty = false;
  };

  void Start() {
    const int64_t n = started_.fetch_add(1);
    if (n >= total_) return;
    auto* call = new Call();
    const Stack* stack;
    {
      absl::MutexLock lock(&mu_);
      const bool pick_faulty =
          !faulty_.empty() && std::uniform_real_distribution<double>(0, 100)(random_) <
                                  absl::GetFlag(FLAGS_faulty_percent);
      const std::vector<Stack>& pool = pick_faulty ? faulty_ : healthy_;
      stack = &pool[std::uniform_int_distribution<size_t>(0, pool.size() - 1)(random_)];
    }
    call->faulty = stack->faulty;
    call->request.set_org_name(stack->org);
    call->request.set_project_name(stack->project);
    call->request.set_stack_name(stack->name);
    call->context.AddMetadata("authorization", "token " + absl::GetFlag(FLAGS_token));
    call->context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
    stub_->async()->GetStack(&call->context, &call->request, &call->response,
                             [this, call](grpc::Status status) { Finish(call, status); });
  }

  void Finish(Call* call, const grpc::Status& status) {
    {
      absl::MutexLock lock(&mu_);
      if (status.ok()) {
        ++ok_;
        const v1::Stack& got = call->response.stack();
        if (got.org_name() != call->request.org_name() ||
            got.project_name() != call->request.project_name() ||
            got.stack_name() != call->request.stack_name()) {
          ++crossed_;
        }
      } else {
        ++errors_[status.error_code()];
        if (!call->faulty) ++unexpected_errors_;
      }
    }
    delete call;
    const int64_t finished = finished_.fetch_add(1) + 1;
    if (finished % absl::GetFlag(FLAGS_report_every) == 0) Report(finished);
    if (finished == total_) {
      done_.Notify();
    } else {
      Start();
    }
  }

  void Report(int64_t finished) {
    const int pid = absl::GetFlag(FLAGS_gateway_pid);
    const int64_t rss = pid > 0 ? ProcStatusKib(pid, "VmRSS:") : -1;
    const int fds = pid > 0 ? OpenFds(pid) : -1;
    absl::MutexLock lock(&mu_);
    if (baseline_rss_ < 0 && finished >= total_ * absl::GetFlag(FLAGS_warmup_fraction)) {
      baseline_rss_ = rss;
      baseline_fds_ = fds;
    }
    last_rss_ = rss;
    last_fds_ = fds;
    peak_rss_ = std::max(peak_rss_, rss);
    std::cerr << "soak: " << finished << " calls, rss " << rss << " KiB, fds " << fds << std::endl;
  }

  nlohmann::json Summary(absl::Duration took) {
    absl::MutexLock lock(&mu_);
    nlohmann::json errors = nlohmann::json::object();
    for (const auto& [code, count] : errors_) errors[std::to_string(code)] = count;
    const int64_t answered = ok_ + [&] {
      int64_t sum = 0;
      for (const auto& [code, count] : errors_) sum += count;
      return sum;
    }();
    return {{"calls", total_},
            {"answered", answered},
            {"lost", total_ - answered},
            {"ok", ok_},
            {"crossed", crossed_},
            {"errors_by_code", errors},
            {"unexpected_errors", unexpected_errors_},
            {"seconds", absl::ToDoubleSeconds(took)},
            {"calls_per_second", total_ / absl::ToDoubleSeconds(took)},
            {"rss_kib_after_warmup", baseline_rss_},
            {"rss_kib_end", last_rss_},
            {"rss_kib_peak", peak_rss_},
            {"rss_growth_percent",
             baseline_rss_ > 0 ? 100.0 * (last_rss_ - baseline_rss_) / baseline_rss_ : 0.0},
            {"fds_after_warmup", baseline_fds_},
            {"fds_end", last_fds_}};
  }

 private:
  std::unique_ptr<v1::StacksService::Stub> stub_;
  const std::vector<Stack> healthy_;
  const std::vector<Stack> faulty_;
  int64_t total_ = 0;
  std::atomic<int64_t> started_{0};
  std::atomic<int64_t> finished_{0};
  absl::Notification done_;
  absl::Mutex mu_;
  std::mt19937_64 random_{42};
  int64_t ok_ = 0, crossed_ = 0, unexpected_errors_ = 0;
  std::map<int, int64_t> errors_;
  int64_t baseline_rss_ = -1, last_rss_ = -1, peak_rss_ = -1;
  int baseline_fds_ = -1, last_fds_ = -1;
};

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  std::vector<Stack> healthy = ParseStacks(absl::GetFlag(FLAGS_stacks), false);
  std::vector<Stack> faulty = ParseStacks(absl::GetFlag(FLAGS_faulty), true);
  if (healthy.empty()) {
    std::cerr << "soak_client: --stacks is required" << std::endl;
    return 2;
  }
  grpc::ChannelArguments args;
  // Several connections, so the gateway serves the load from more than one HTTP/2 stream set.
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  Soak soak(grpc::CreateCustomChannel(absl::GetFlag(FLAGS_address),
                                      grpc::InsecureChannelCredentials(), args),
            std::move(healthy), std::move(faulty));
  const absl::Time start = absl::Now();
  soak.Run(absl::GetFlag(FLAGS_calls), absl::GetFlag(FLAGS_concurrency));
  soak.Report(absl::GetFlag(FLAGS_calls));
  nlohmann::json summary = soak.Summary(absl::Now() - start);
  std::cout << summary.dump(2) << std::endl;
  const bool rss_ok =
      summary["rss_growth_percent"].get<double>() <= absl::GetFlag(FLAGS_max_rss_growth_percent);
  const bool fds_ok = summary["fds_end"].get<int>() <= summary["fds_after_warmup"].get<int>() + 16;
  const bool ok = summary["lost"] == 0 && summary["crossed"] == 0 &&
                  summary["unexpected_errors"] == 0 && rss_ok && fds_ok;
  std::cout << (ok ? "soak: PASS" : "soak: FAIL") << std::endl;
  return ok ? 0 : 1;
}
