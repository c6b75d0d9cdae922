// The variable is in the environment the process started with (the pre-initialisation hook
// restarted it so, before GnuTLS's constructor read it), the arguments survive the restart, and an
// operator's own value is left alone, and the restarted process keeps its name. Two tests run this
// test binary again as a child.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// The variable's value in the environment libc started with (which library constructors read),
// or null.
const char* InitialValue() {
  constexpr char kPrefix[] = "GNUTLS_NO_IMPLICIT_INIT=";
  for (char** entry = environ; *entry != nullptr; ++entry) {
    if (std::string(*entry).rfind(kPrefix, 0) == 0) return *entry + sizeof(kPrefix) - 1;
  }
  return nullptr;
}

struct Child {
  int exit_code = -1;
  std::string output;
};

// Runs this test binary with `args`, GNUTLS_NO_IMPLICIT_INIT set to `value` (unset if null),
// writing none of the test runner's files (those are the parent's).
Child RunSelf(const std::vector<std::string>& args, const char* value) {
  int out[2];
  if (pipe(out) != 0) return {};
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    for (const char* name : {"XML_OUTPUT_FILE", "GTEST_OUTPUT", "TEST_PREMATURE_EXIT_FILE",
                             "TEST_SHARD_STATUS_FILE", "TEST_UNDECLARED_OUTPUTS_DIR"}) {
      unsetenv(name);
    }
    if (value == nullptr) {
      unsetenv("GNUTLS_NO_IMPLICIT_INIT");
    } else {
      setenv("GNUTLS_NO_IMPLICIT_INIT", value, 1);
    }
    std::vector<char*> argv = {const_cast<char*>("gnutls_no_implicit_init_test")};
    for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execv("/proc/self/exe", argv.data());
    _exit(127);
  }
  close(out[1]);
  Child child;
  char buffer[4096];
  for (ssize_t got; (got = read(out[0], buffer, sizeof(buffer))) > 0;)
    child.output.append(buffer, got);
  close(out[0]);
  int status = 0;
  if (pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status)) {
    child.exit_code = WEXITSTATUS(status);
  }
  return child;
}

TEST(GnutlsNoImplicitInitTest, IsInTheEnvironmentTheProcessStartedWith) {
  const char* value = InitialValue();
  ASSERT_NE(value, nullptr);
  const char* expected = std::getenv("GNUTLS_TEST_EXPECTED_VALUE");
  EXPECT_STREQ(value, expected != nullptr ? expected : "1");
}

TEST(GnutlsNoImplicitInitTest, TheRestartKeepsTheProcessName) {
  // What ps, top and pgrep show: the executable's name (at most 15 bytes), not "exe" (the restart
  // goes through /proc/self/exe).
  std::ifstream comm("/proc/self/comm");
  std::string name;
  std::getline(comm, name);
  char path[4096];
  const ssize_t length = readlink("/proc/self/exe", path, sizeof(path) - 1);
  ASSERT_GT(length, 0);
  const std::string executable(path, static_cast<size_t>(length));
  EXPECT_EQ(name, executable.substr(executable.rfind('/') + 1, 15));
}

TEST(GnutlsNoImplicitInitTest, TheRestartKeepsTheArguments) {
  // Without the variable the child restarts itself; its arguments must still only list tests.
  const Child child = RunSelf({"--gtest_list_tests"}, nullptr);
  EXPECT_EQ(child.exit_code, 0);
  EXPECT_THAT(child.output, HasSubstr("IsInTheEnvironmentTheProcessStartedWith"));
  EXPECT_THAT(child.output, Not(HasSubstr("[ RUN")));
}

TEST(GnutlsNoImplicitInitTest, AnOperatorsValueWins) {
  setenv("GNUTLS_TEST_EXPECTED_VALUE", "0", 1);
  const Child child = RunSelf(
      {"--gtest_filter=GnutlsNoImplicitInitTest.IsInTheEnvironmentTheProcessStartedWith"}, "0");
  unsetenv("GNUTLS_TEST_EXPECTED_VALUE");
  EXPECT_EQ(child.exit_code, 0) << child.output;
  EXPECT_THAT(child.output, HasSubstr("[  PASSED  ] 1 test"));
}

}  // namespace
}  // namespace pulumi_gateway
