// The benchmark's "extra hop" baseline: a bare gRPC server whose StacksService/ListStacks answers
// every call with one prebuilt ListStacksResponse, parsed once from the same JSON fixture nginx
// serves to the gateway. A call through it costs the gRPC transport and the serialisation of the
// same payload, and nothing else: no HTTP, no JSON, no upstream.
//
//   echo_server --fixture=stacks-small.json --listen=127.0.0.1:0
//   # stderr: listening on 127.0.0.1:PORT
//
// With --hold=2s every call is answered 2 s late (a gRPC alarm, no thread): the floor of what
// thousands of calls in flight cost in gRPC alone, for the gateway's "calls held" scenario.
// With --answer_from_thread every call is answered by a second thread, as the gateway answers
// from its upstream loop: what that one thread hop costs gRPC alone.
//
// Every other method answers UNIMPLEMENTED. SIGTERM or SIGINT stops it.
#include <csignal>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/alarm.h"
#include "grpcpp/grpcpp.h"
#include "pulumi/service/v1/stacks.grpc.pb.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:0",
          "gRPC listen address host:port; port 0 picks a free port (printed as 'listening on "
          "HOST:PORT' on stderr).");
ABSL_FLAG(absl::Duration, hold, absl::ZeroDuration(),
          "How long each call is held before its answer; 0 answers at once.");
ABSL_FLAG(bool, answer_from_thread, false,
          "Answer every call from a second thread (one thread hop, as the gateway answers from "
          "its upstream loop) instead of inside the handler.");
ABSL_FLAG(std::string, fixture, "",
          "ListStacks response body as the upstream sends it (JSON, upstream keys). Required.");

namespace pulumi_gateway::bench {
namespace {

using pulumi::service::v1::ListStacksRequest;
using pulumi::service::v1::ListStacksResponse;
using pulumi::service::v1::StacksService;

class EchoStacksService final : public StacksService::CallbackService {
 public:
  EchoStacksService(ListStacksResponse response, absl::Duration hold, bool answer_from_thread)
      : response_(std::move(response)), hold_(hold) {
    if (answer_from_thread) answerer_ = std::thread([this] { Answer(); });
  }
  // The server has stopped first: no call is left to answer.
  ~EchoStacksService() override {
    if (!answerer_.joinable()) return;
    {
      absl::MutexLock lock(&mu_);
      stopping_ = true;
    }
    answerer_.join();
  }

  grpc::ServerUnaryReactor* ListStacks(grpc::CallbackServerContext* context,
                                       const ListStacksRequest* /*request*/,
                                       ListStacksResponse* response) override {
    // A copy per call, as a real service builds its reply per call; gRPC then serialises it,
    // exactly as the gateway's reply is serialised.
    *response = response_;
    if (hold_ > absl::ZeroDuration()) return new HeldCall(hold_);
    if (answerer_.joinable()) {
      auto* call = new OwnReactor();
      absl::MutexLock lock(&mu_);
      unanswered_.push_back(call);
      return call;
    }
    grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }

 private:
  // Deletes itself when gRPC is done with it.
  class OwnReactor final : public grpc::ServerUnaryReactor {
   public:
    void OnDone() override { delete this; }
  };

  // The answering thread: finishes the calls the handler queued, in batches.
  void Answer() {
    for (;;) {
      std::vector<OwnReactor*> calls;
      {
        absl::MutexLock lock(&mu_);
        mu_.Await(absl::Condition(
            +[](EchoStacksService* self) ABSL_EXCLUSIVE_LOCKS_REQUIRED(self->mu_) {
              return self->stopping_ || !self->unanswered_.empty();
            },
            this));
        if (stopping_) return;
        calls.swap(unanswered_);
      }
      for (OwnReactor* call : calls) call->Finish(grpc::Status::OK);
    }
  }

  // Finishes when its alarm fires; deletes itself when gRPC is done with it.
  class HeldCall final : public grpc::ServerUnaryReactor {
   public:
    explicit HeldCall(absl::Duration hold) {
      alarm_.Set(absl::ToChronoTime(absl::Now() + hold),
                 [this](bool) { Finish(grpc::Status::OK); });
    }
    void OnDone() override { delete this; }

   private:
    grpc::Alarm alarm_;
  };

  const ListStacksResponse response_;
  const absl::Duration hold_;
  absl::Mutex mu_;
  std::vector<OwnReactor*> unanswered_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::thread answerer_;
};

[[noreturn]] void Die(const std::string& message) {
  std::cerr << "echo_server: " << message << std::endl;
  std::exit(2);
}

ListStacksResponse LoadFixture(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) Die("--fixture: cannot read \"" + path + "\"");
  std::stringstream json;
  json << in.rdbuf();
  ListStacksResponse response;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  const auto status = google::protobuf::util::JsonStringToMessage(json.str(), &response, options);
  if (!status.ok()) Die("--fixture: not a ListStacks response: " + status.ToString());
  return response;
}

int Run() {
  const std::string fixture = absl::GetFlag(FLAGS_fixture);
  if (fixture.empty()) Die("--fixture is required");
  EchoStacksService service(LoadFixture(fixture), absl::GetFlag(FLAGS_hold),
                            absl::GetFlag(FLAGS_answer_from_thread));

  // Block the stop signals before gRPC starts its threads, so only sigwait below sees them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  const std::string listen = absl::GetFlag(FLAGS_listen);
  int port = 0;
  grpc::ServerBuilder builder;
  builder.AddListeningPort(listen, grpc::InsecureServerCredentials(), &port);
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) Die("--listen: cannot listen on " + listen);
  // One write, so readers never see half the line.
  std::cerr << absl::StrCat("listening on ", listen.substr(0, listen.rfind(':')), ":", port, "\n")
            << std::flush;

  int signal = 0;
  sigwait(&signals, &signal);
  server->Shutdown();
  return 0;
}

}  // namespace
}  // namespace pulumi_gateway::bench

int main(int argc, char** argv) {
  // As the gateway does (gateway/main.cc): gRPC's locks are Abseil's, and Debian's Abseil checks
  // each acquisition for lock-order cycles unless told not to; a floor paying for that would
  // flatter every ratio against it.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  absl::SetProgramUsageMessage(
      "Bare gRPC ListStacks server for benchmarks.\nUsage: echo_server --fixture=FILE "
      "[--listen=HOST:PORT]");
  absl::ParseCommandLine(argc, argv);
  return pulumi_gateway::bench::Run();
}
