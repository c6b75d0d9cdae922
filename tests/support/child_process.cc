#include "tests/support/child_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"

extern char** environ;

namespace pulumi_gateway::testing {
namespace {

std::string TempPath(absl::string_view name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  static int counter = 0;
  return absl::StrCat(dir != nullptr ? dir : "/tmp", "/", name, ".", getpid(), ".", ++counter,
                      ".stderr");
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

ChildProcess::ChildProcess(std::string binary, std::vector<std::string> args,
                           std::vector<std::string> env) {
  stderr_path_ = TempPath(binary.substr(binary.rfind('/') + 1));
  std::vector<std::string> argv_storage = {binary};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : argv_storage) argv.push_back(arg.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_storage;
  for (char** e = environ; *e != nullptr; ++e) env_storage.emplace_back(*e);
  env_storage.insert(env_storage.end(), env.begin(), env.end());
  std::vector<char*> envp;
  for (std::string& e : env_storage) envp.push_back(e.data());
  envp.push_back(nullptr);

  pid_ = fork();
  if (pid_ == 0) {
    int fd = open(stderr_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd >= 0) dup2(fd, STDERR_FILENO);
    int null_fd = open("/dev/null", O_RDWR);
    if (null_fd >= 0) {
      dup2(null_fd, STDIN_FILENO);
      dup2(null_fd, STDOUT_FILENO);
    }
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
}

ChildProcess::~ChildProcess() {
  if (pid_ <= 0 || exited_) return;
  Signal(SIGTERM);
  if (!Wait(absl::Seconds(10)).ok()) {
    Signal(SIGKILL);
    (void)Wait(absl::Seconds(5));
  }
}

absl::StatusOr<std::string> ChildProcess::WaitListening(absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (absl::Now() < deadline) {
    // Only whole lines: the process may be half-way through writing the one we wait for.
    std::string output = Stderr();
    output.resize(output.rfind('\n') == std::string::npos ? 0 : output.rfind('\n'));
    for (absl::string_view line : absl::StrSplit(output, '\n')) {
      if (absl::StartsWith(line, "listening on ")) {
        address_ = std::string(line.substr(13));
        return address_;
      }
    }
    int status = 0;
    if (!exited_ && waitpid(pid_, &status, WNOHANG) == pid_) {
      exited_ = true;
      exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    if (exited_) {
      return absl::FailedPreconditionError(
          absl::StrCat("process exited with ", exit_status_, " before listening:\n", Stderr()));
    }
    absl::SleepFor(absl::Milliseconds(10));
  }
  return absl::DeadlineExceededError(absl::StrCat("no 'listening on' line:\n", Stderr()));
}

void ChildProcess::Signal(int signal) {
  if (pid_ > 0 && !exited_) kill(pid_, signal);
}

absl::StatusOr<int> ChildProcess::Wait(absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (!exited_) {
    int status = 0;
    pid_t done = waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      exited_ = true;
      exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      break;
    }
    if (absl::Now() >= deadline) return absl::DeadlineExceededError("process still running");
    absl::SleepFor(absl::Milliseconds(10));
  }
  return exit_status_;
}

std::string ChildProcess::Stderr() const { return ReadFile(stderr_path_); }

int ChildProcess::ThreadCount() const {
  return static_cast<int>(ProcStatusValue(pid_, "Threads:"));
}

int64_t ChildProcess::RssKib() const { return ProcStatusValue(pid_, "VmRSS:"); }

int64_t ProcStatusValue(pid_t pid, absl::string_view field) {
  const std::string path = pid == 0 ? "/proc/self/status" : absl::StrCat("/proc/", pid, "/status");
  for (absl::string_view line : absl::StrSplit(ReadFile(path), '\n')) {
    if (absl::ConsumePrefix(&line, field)) {
      int64_t value;
      line = absl::StripAsciiWhitespace(line);
      if (absl::SimpleAtoi(line.substr(0, line.find(' ')), &value)) return value;
    }
  }
  return -1;
}

}  // namespace pulumi_gateway::testing
