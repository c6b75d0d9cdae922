// Runs one of the project's binaries as a child process for tests, the way an operator would:
// real flags, real sockets. Captures stderr to a file and waits for the "listening on HOST:PORT"
// line that the gateway and the emulator print.
//
//   ChildProcess gateway("gateway/pulumi_gateway", {"--listen=127.0.0.1:0", "--upstream=" + url});
//   ASSERT_TRUE(gateway.WaitListening(absl::Seconds(10)).ok());
//   auto channel = grpc::CreateChannel(gateway.address(), grpc::InsecureChannelCredentials());
//
// The destructor sends SIGTERM and waits (then SIGKILL after 10 s).
#ifndef TESTS_SUPPORT_CHILD_PROCESS_H_
#define TESTS_SUPPORT_CHILD_PROCESS_H_

#include <sys/types.h>

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace pulumi_gateway::testing {

// The number a /proc/PID/status line starts with (`field` with its colon, e.g. "VmRSS:"; kB for
// the memory fields), or -1. `pid` 0 reads this process's own.
int64_t ProcStatusValue(pid_t pid, absl::string_view field);

class ChildProcess final {
 public:
  // `binary` is a path relative to the test's runfiles root (the working directory of bazel
  // tests), e.g. "gateway/pulumi_gateway". `env` entries ("NAME=value") are added to the
  // environment.
  ChildProcess(std::string binary, std::vector<std::string> args,
               std::vector<std::string> env = {});
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // Waits until stderr has the "listening on HOST:PORT" line; returns "HOST:PORT".
  // DEADLINE_EXCEEDED (with the captured stderr) if it does not come, FAILED_PRECONDITION if the
  // process exits first.
  absl::StatusOr<std::string> WaitListening(absl::Duration timeout);

  // Sends `signal`; Wait() then returns the exit status (WEXITSTATUS, or 128+signal).
  void Signal(int signal);
  absl::StatusOr<int> Wait(absl::Duration timeout);

  // Everything the process wrote to stderr so far.
  std::string Stderr() const;

  // Threads of the running process (from /proc), or -1.
  int ThreadCount() const;
  // Resident set size in KiB (from /proc), or -1.
  int64_t RssKib() const;

  pid_t pid() const { return pid_; }
  const std::string& address() const { return address_; }

 private:
  pid_t pid_ = -1;
  bool exited_ = false;
  int exit_status_ = 0;
  std::string stderr_path_;
  std::string address_;
};

}  // namespace pulumi_gateway::testing

#endif  // TESTS_SUPPORT_CHILD_PROCESS_H_
