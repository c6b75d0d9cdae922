#include "gateway/auth/tenant_tokens.h"

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  ASSERT_TRUE(out.good()) << path;
}

// A fresh directory under the test's temporary directory.
std::string NewDir(absl::string_view name) {
  static int counter = 0;
  const std::string dir = absl::StrCat(std::getenv("TEST_TMPDIR"), "/", name, "-", ++counter);
  EXPECT_EQ(mkdir(dir.c_str(), 0755), 0) << dir;
  return dir;
}

// A directory updated the way the kubelet updates a Secret volume (AtomicWriter): each version
// is a new hidden directory, `..data` is swapped to it with one rename, and the visible names are
// symlinks through `..data`; names no longer in the Secret lose their symlink, and the old
// version is deleted.
class SecretVolume {
 public:
  explicit SecretVolume(std::string dir) : dir_(std::move(dir)) {}

  void Write(const std::map<std::string, std::string>& files) {
    const std::string version = absl::StrCat("..2026_11_28_10_00_00.", ++version_);
    ASSERT_EQ(mkdir(absl::StrCat(dir_, "/", version).c_str(), 0755), 0);
    for (const auto& [name, content] : files) {
      WriteFile(absl::StrCat(dir_, "/", version, "/", name), content);
    }
    const std::string temporary = absl::StrCat(dir_, "/..data_tmp");
    ASSERT_EQ(symlink(version.c_str(), temporary.c_str()), 0);
    ASSERT_EQ(rename(temporary.c_str(), absl::StrCat(dir_, "/..data").c_str()), 0);
    for (const auto& [name, content] : files) {
      if (!visible_.count(name)) {
        ASSERT_EQ(
            symlink(absl::StrCat("..data/", name).c_str(), absl::StrCat(dir_, "/", name).c_str()),
            0);
      }
    }
    for (const auto& [name, unused] : visible_) {
      if (!files.count(name)) {
        ASSERT_EQ(unlink(absl::StrCat(dir_, "/", name).c_str()), 0);
      }
    }
    if (!previous_.empty()) {
      for (const auto& [name, unused] : visible_) {
        unlink(absl::StrCat(dir_, "/", previous_, "/", name).c_str());
      }
      ASSERT_EQ(rmdir(absl::StrCat(dir_, "/", previous_).c_str()), 0);
    }
    previous_ = version;
    visible_ = files;
  }

  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
  int version_ = 0;
  std::string previous_;
  std::map<std::string, std::string> visible_;
};

// Captures the logger's lines.
class LogCapture {
 public:
  LogCapture() : file_(tmpfile()), logger_(LogLevel::kInfo, file_) {}
  ~LogCapture() { fclose(file_); }
  Logger* logger() { return &logger_; }
  std::string Text() {
    fflush(file_);
    rewind(file_);
    std::string text;
    char buffer[4096];
    size_t n;
    while ((n = fread(buffer, 1, sizeof(buffer), file_)) > 0) text.append(buffer, n);
    fseek(file_, 0, SEEK_END);
    return text;
  }

 private:
  FILE* file_;
  Logger logger_;
};

std::string Authorization(const TenantTokens& tenants, absl::string_view caller) {
  absl::StatusOr<TenantCredential> credential = tenants.current()->ForCaller(caller);
  return credential.ok() ? credential->authorization : credential.status().ToString();
}

TEST(TenantNameTest, ValidNames) {
  for (const std::string& name : std::vector<std::string>{"payments", "a", "team-1", "org_2.prod",
                                                          "A9", std::string(253, 'a')}) {
    EXPECT_TRUE(IsValidTenantName(name)) << name;
  }
  for (const std::string& name :
       std::vector<std::string>{"", ".hidden", "-dash", "_x", "has space", "a/b", "caf\xc3\xa9",
                                "a:b", std::string(254, 'a')}) {
    EXPECT_FALSE(IsValidTenantName(name)) << name;
  }
}

TEST(ReadTenantDirectoryTest, ReadsPlainFilesTrimsNewlinesAndSkipsBadOnesByName) {
  const std::string dir = NewDir("plain");
  WriteFile(dir + "/payments", "pul-test-payments-1\n");
  WriteFile(dir + "/billing", "pul-test-billing-1\r\n");
  WriteFile(dir + "/empty", "\n");
  WriteFile(dir + "/spaced", "pul-test secret-spaced\n");
  WriteFile(dir + "/huge", std::string(5000, 'a'));
  WriteFile(dir + "/bad name", "pul-test-badname-1");
  WriteFile(dir + "/.hidden", "pul-test-hidden-1");
  ASSERT_EQ(mkdir((dir + "/subdir").c_str(), 0755), 0);

  absl::StatusOr<TenantDirectory> read = ReadTenantDirectory(dir);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_THAT(read->tokens, UnorderedElementsAre(Pair("payments", "pul-test-payments-1"),
                                                 Pair("billing", "pul-test-billing-1")));
  std::vector<std::string> files;
  for (const SkippedFile& skipped : read->skipped) {
    files.push_back(skipped.file);
    EXPECT_THAT(skipped.reason, Not(HasSubstr("secret")));
    EXPECT_THAT(skipped.reason, Not(HasSubstr("pul-test")));
  }
  EXPECT_THAT(files, ElementsAre(dir + "/bad name", dir + "/empty", dir + "/huge", dir + "/spaced",
                                 dir + "/subdir"));
  EXPECT_THAT(read->skipped[1].reason, HasSubstr("empty"));
  EXPECT_THAT(read->skipped[3].reason, HasSubstr("not printable ASCII"));
  EXPECT_THAT(read->skipped[4].reason, HasSubstr("not a regular file"));
}

TEST(ReadTenantDirectoryTest, ReadsAKubernetesSecretVolumeThroughData) {
  SecretVolume volume(NewDir("secret"));
  volume.Write({{"payments", "pul-test-payments-1\n"}, {"billing", "pul-test-billing-1"}});
  absl::StatusOr<TenantDirectory> read = ReadTenantDirectory(volume.dir());
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_THAT(read->tokens, UnorderedElementsAre(Pair("payments", "pul-test-payments-1"),
                                                 Pair("billing", "pul-test-billing-1")));
  EXPECT_THAT(read->skipped, IsEmpty()) << "..data and the version directory are not tenants";
}

TEST(ReadTenantDirectoryTest, ReadsTheVersionDataPointsToWhileTheVisibleLinksLag) {
  // The kubelet swaps `..data` first and fixes the visible symlinks after: in between, a new key
  // has no link yet and a removed key's link dangles. The version `..data` names is what counts.
  const std::string dir = NewDir("lagging");
  ASSERT_EQ(mkdir((dir + "/..2026_11_28_10_00_00.2").c_str(), 0755), 0);
  WriteFile(dir + "/..2026_11_28_10_00_00.2/payments", "pul-test-payments-2\n");
  ASSERT_EQ(symlink("..2026_11_28_10_00_00.2", (dir + "/..data").c_str()), 0);
  ASSERT_EQ(symlink("..data/billing", (dir + "/billing").c_str()), 0);  // removed key, dangling
  absl::StatusOr<TenantDirectory> read = ReadTenantDirectory(dir);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_THAT(read->tokens, UnorderedElementsAre(Pair("payments", "pul-test-payments-2")));
  EXPECT_THAT(read->skipped, IsEmpty());
}

TEST(ReadTenantDirectoryTest, MissingDirectoryFailsNamingIt) {
  absl::StatusOr<TenantDirectory> read = ReadTenantDirectory("/nonexistent/tenants");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(read.status().message()), HasSubstr("/nonexistent/tenants"));
}

TEST(ParseTenantMapTest, ParsesCallerToTenant) {
  absl::StatusOr<TenantMap> map = ParseTenantMap(
      R"({"spiffe://corp.test/ns/pay/sa/api": "payments", "billing.internal": "billing"})");
  ASSERT_TRUE(map.ok()) << map.status();
  EXPECT_THAT(*map, UnorderedElementsAre(Pair("spiffe://corp.test/ns/pay/sa/api", "payments"),
                                         Pair("billing.internal", "billing")));
  EXPECT_TRUE(ParseTenantMap("{}")->empty());
}

TEST(ParseTenantMapTest, RejectsOtherShapes) {
  struct Row {
    std::string json;
    std::string message;
  };
  for (const Row& row : std::vector<Row>{
           {"", "not valid JSON"},
           {"{\"a\": \"b\"", "not valid JSON"},
           {"[]", "expected a JSON object"},
           {"\"payments\"", "expected a JSON object"},
           {R"({"a": 1})", "the tenant of caller \"a\" must be a tenant name"},
           {R"({"a": "../etc"})", "the tenant of caller \"a\" must be a tenant name"},
           {R"({"a": ""})", "must be a tenant name"},
           {R"({"": "payments"})", "a caller identity is empty"},
       }) {
    SCOPED_TRACE(row.json);
    absl::StatusOr<TenantMap> map = ParseTenantMap(row.json);
    ASSERT_FALSE(map.ok());
    EXPECT_EQ(map.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(map.status().message()), HasSubstr(row.message));
  }
}

TEST(TenantSetTest, WithoutAMapTheCallerIsTheTenant) {
  TenantDirectory directory;
  directory.tokens = {{"payments", "pul-test-payments-1"}};
  TenantSet set(directory, std::nullopt);
  absl::StatusOr<TenantCredential> found = set.ForCaller("payments");
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_EQ(found->tenant, "payments");
  EXPECT_EQ(found->authorization, "token pul-test-payments-1");

  absl::StatusOr<TenantCredential> unknown = set.ForCaller("billing");
  EXPECT_EQ(unknown.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(std::string(unknown.status().message()),
              HasSubstr("caller \"billing\" is not a tenant with a token"));
}

TEST(TenantSetTest, WithAMapCallersGoThroughIt) {
  TenantDirectory directory;
  directory.tokens = {{"payments", "pul-test-payments-1"}};
  TenantSet set(directory,
                TenantMap{{"spiffe://corp.test/pay", "payments"}, {"billing.internal", "billing"}});
  EXPECT_EQ(set.ForCaller("spiffe://corp.test/pay")->tenant, "payments");

  absl::StatusOr<TenantCredential> direct = set.ForCaller("payments");
  EXPECT_EQ(direct.status().code(), absl::StatusCode::kPermissionDenied)
      << "with a map, a tenant name is not an identity";
  EXPECT_THAT(std::string(direct.status().message()),
              HasSubstr("caller \"payments\" is not mapped to a tenant"));

  absl::StatusOr<TenantCredential> tokenless = set.ForCaller("billing.internal");
  EXPECT_EQ(tokenless.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(std::string(tokenless.status().message()),
              HasSubstr("caller \"billing.internal\" belongs to tenant \"billing\", which has no "
                        "token"));
  EXPECT_THAT(std::string(tokenless.status().message()), Not(HasSubstr("pul-test")));
}

TEST(TenantTokensTest, ReloadFollowsSecretUpdatesAddsChangesAndRemovesTenants) {
  SecretVolume volume(NewDir("reload"));
  volume.Write({{"payments", "pul-test-payments-1\n"}, {"billing", "pul-test-billing-1\n"}});
  LogCapture log;
  TenantTokensOptions options;
  options.tokens_dir = volume.dir();
  options.logger = log.logger();
  absl::StatusOr<std::unique_ptr<TenantTokens>> tenants = TenantTokens::Load(options);
  ASSERT_TRUE(tenants.ok()) << tenants.status();
  TenantTokens& store = **tenants;
  EXPECT_EQ(store.tenant_count(), 2);
  EXPECT_EQ(Authorization(store, "payments"), "token pul-test-payments-1");

  // Nothing changed: no reload counted.
  ASSERT_TRUE(store.Reload().ok());
  EXPECT_EQ(store.reloads(), 0);

  std::shared_ptr<const TenantSet> held = store.current();
  volume.Write({{"payments", "pul-test-payments-2\n"}, {"ops", "pul-test-ops-1\n"}});
  ASSERT_TRUE(store.Reload().ok());
  EXPECT_EQ(store.reloads(), 1);
  EXPECT_EQ(store.tenant_count(), 2);
  EXPECT_EQ(Authorization(store, "payments"), "token pul-test-payments-2");
  EXPECT_EQ(Authorization(store, "ops"), "token pul-test-ops-1");
  EXPECT_THAT(Authorization(store, "billing"), HasSubstr("PERMISSION_DENIED"))
      << "a removed tenant stops working";
  // A snapshot taken before the reload stays whole and unchanged.
  EXPECT_EQ(held->ForCaller("billing")->authorization, "token pul-test-billing-1");

  const std::string text = log.Text();
  EXPECT_THAT(text, HasSubstr("\"msg\":\"tenant tokens reloaded\""));
  EXPECT_THAT(text, HasSubstr("\"added\":[\"ops\"]"));
  EXPECT_THAT(text, HasSubstr("\"removed\":[\"billing\"]"));
  EXPECT_THAT(text, HasSubstr("\"token_changed\":[\"payments\"]"));
  EXPECT_THAT(text, Not(HasSubstr("pul-test")));
  EXPECT_EQ(store.reload_failures(), 0);
}

TEST(TenantTokensTest, UnreadableDirectoryKeepsTheLastGoodSetAndWarnsOnce) {
  const std::string dir = NewDir("vanishing");
  WriteFile(dir + "/payments", "pul-test-payments-1\n");
  LogCapture log;
  TenantTokensOptions options;
  options.tokens_dir = dir;
  options.logger = log.logger();
  std::unique_ptr<TenantTokens> store = *TenantTokens::Load(options);

  const std::string moved = dir + "-moved";
  ASSERT_EQ(rename(dir.c_str(), moved.c_str()), 0);
  absl::Status first = store->Reload();
  EXPECT_EQ(first.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(first.message()), HasSubstr(dir));
  EXPECT_FALSE(store->Reload().ok());
  EXPECT_EQ(store->reload_failures(), 2);
  EXPECT_EQ(store->reloads(), 0);
  EXPECT_EQ(Authorization(*store, "payments"), "token pul-test-payments-1");
  const std::string text = log.Text();
  EXPECT_THAT(text, HasSubstr("tenant reload failed; keeping the last good set"));
  EXPECT_EQ(text.find("tenant reload failed"), text.rfind("tenant reload failed"))
      << "the same failure is logged once, not at every poll:\n"
      << text;

  ASSERT_EQ(rename(moved.c_str(), dir.c_str()), 0);
  WriteFile(dir + "/payments", "pul-test-payments-2\n");
  EXPECT_TRUE(store->Reload().ok());
  EXPECT_EQ(Authorization(*store, "payments"), "token pul-test-payments-2");
}

TEST(TenantTokensTest, BadFilesAreSkippedWithOneWarningNamingTheFile) {
  const std::string dir = NewDir("bad");
  WriteFile(dir + "/payments", "pul-test-payments-1\n");
  WriteFile(dir + "/broken", "pul-test secret-broken\n");
  LogCapture log;
  TenantTokensOptions options;
  options.tokens_dir = dir;
  options.logger = log.logger();
  std::unique_ptr<TenantTokens> store = *TenantTokens::Load(options);
  EXPECT_EQ(store->tenant_count(), 1);
  ASSERT_TRUE(store->Reload().ok());
  const std::string text = log.Text();
  EXPECT_THAT(text, HasSubstr(absl::StrCat("\"file\":\"", dir, "/broken\"")));
  EXPECT_EQ(text.find("tenant token file skipped"), text.rfind("tenant token file skipped"));
  EXPECT_THAT(text, Not(HasSubstr("secret-broken")));

  // Fixed: the tenant appears.
  WriteFile(dir + "/broken", "pul-test-broken-2\n");
  ASSERT_TRUE(store->Reload().ok());
  EXPECT_EQ(Authorization(*store, "broken"), "token pul-test-broken-2");
}

TEST(TenantTokensTest, MapIsReloadedAndABadMapKeepsTheLastGoodOne) {
  const std::string dir = NewDir("mapped");
  WriteFile(dir + "/payments", "pul-test-payments-1\n");
  WriteFile(dir + "/billing", "pul-test-billing-1\n");
  const std::string map = dir + "-map.json";
  WriteFile(map, R"({"svc-a": "payments"})");
  TenantTokensOptions options;
  options.tokens_dir = dir;
  options.map_file = map;
  std::unique_ptr<TenantTokens> store = *TenantTokens::Load(options);
  EXPECT_TRUE(store->current()->has_map());
  EXPECT_EQ(Authorization(*store, "svc-a"), "token pul-test-payments-1");

  WriteFile(map, R"({"svc-a": "billing"})");
  ASSERT_TRUE(store->Reload().ok());
  EXPECT_EQ(store->reloads(), 1);
  EXPECT_EQ(Authorization(*store, "svc-a"), "token pul-test-billing-1");

  WriteFile(map, R"({"svc-a": )");
  absl::Status bad = store->Reload();
  EXPECT_EQ(bad.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(bad.message()), HasSubstr(map));
  EXPECT_EQ(store->reload_failures(), 1);
  EXPECT_EQ(Authorization(*store, "svc-a"), "token pul-test-billing-1");

  // A bad map at start-up is an error naming the file.
  options.map_file = dir + "-missing.json";
  absl::StatusOr<std::unique_ptr<TenantTokens>> missing = TenantTokens::Load(options);
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(std::string(missing.status().message()), HasSubstr("-missing.json"));
}

TEST(TenantTokensTest, BackgroundReloadPicksUpASwapWhileReadersKeepReading) {
  SecretVolume volume(NewDir("background"));
  volume.Write({{"payments", "pul-test-payments-1\n"}});
  TenantTokensOptions options;
  options.tokens_dir = volume.dir();
  options.reload_interval = absl::Milliseconds(20);
  std::unique_ptr<TenantTokens> store = *TenantTokens::Load(options);
  store->StartReloading();

  // Readers never see anything but a whole version: version 1 or version 2 of the token.
  std::atomic<bool> stop{false};
  std::atomic<int> bad_reads{0};
  std::atomic<int64_t> reads{0};
  std::vector<std::thread> readers;
  for (int i = 0; i < 2; ++i) {
    readers.emplace_back([&] {
      while (!stop.load()) {
        const std::string header = Authorization(*store, "payments");
        if (header != "token pul-test-payments-1" && header != "token pul-test-payments-2") {
          ++bad_reads;
        }
        ++reads;
      }
    });
  }
  volume.Write({{"payments", "pul-test-payments-2\n"}});
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  while (Authorization(*store, "payments") != "token pul-test-payments-2" &&
         absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(5));
  }
  stop = true;
  for (std::thread& reader : readers) reader.join();
  EXPECT_EQ(Authorization(*store, "payments"), "token pul-test-payments-2");
  EXPECT_EQ(store->reloads(), 1);
  EXPECT_EQ(bad_reads.load(), 0);
  EXPECT_GT(reads.load(), 0);
}

}  // namespace
}  // namespace pulumi_gateway
