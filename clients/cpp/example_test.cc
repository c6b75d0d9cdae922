// Runs the C++ example against the real gateway and emulator.
#include <cstdio>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/child_process.h"

namespace {

using ::pulumi_gateway::testing::ChildProcess;
using ::testing::HasSubstr;

TEST(ExampleTest, ListsStacksThenTheEventsOfTheLatestUpdate) {
  ChildProcess emulator("emulator/pulumi_emulator", {"--listen=127.0.0.1:0"});
  absl::StatusOr<std::string> upstream = emulator.WaitListening(absl::Seconds(20));
  ASSERT_TRUE(upstream.ok()) << upstream.status();
  ChildProcess gateway("gateway/pulumi_gateway",
                       {"--listen=127.0.0.1:0", "--metrics_listen=", "--log_level=warning",
                        "--upstream=http://" + *upstream});
  absl::StatusOr<std::string> address = gateway.WaitListening(absl::Seconds(20));
  ASSERT_TRUE(address.ok()) << address.status();

  const std::string command =
      absl::StrCat("clients/cpp/example --address=", *address,
                   " --token=pul-demo-jdoe-7f3a9c2e41b85d60f1e2a3b4c5d6e7f8 --org=acme-corp 2>&1");
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof(buffer), pipe)) output.append(buffer, n);
  ASSERT_EQ(pclose(pipe), 0) << output;
  EXPECT_THAT(output, HasSubstr("stack acme-corp/payments-api/prod"));
  EXPECT_THAT(output, HasSubstr("latest update of"));
  EXPECT_THAT(output, HasSubstr("summaryEvent"));
  EXPECT_THAT(output, ::testing::ContainsRegex("[1-9][0-9]* events"));
}

}  // namespace
