// RedisConnection: the URL it accepts, and against a real redis-server (started by the test):
// commands, a refused password (PERMISSION_DENIED without the password in the message), TLS
// with a certificate the test generates, an untrusted certificate, and a server that is gone.
#include "gateway/fleet/redis_connection.h"

#include <cstdlib>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/redis_server.h"

namespace pulumi_gateway {
namespace {

using ::pulumi_gateway::testing::RedisServer;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(ParseRedisUrlTest, AcceptsHostPortUserAndTls) {
  absl::StatusOr<RedisEndpoint> plain = ParseRedisUrl("redis://redis.cache:6390");
  ASSERT_TRUE(plain.ok()) << plain.status();
  EXPECT_EQ(plain->host, "redis.cache");
  EXPECT_EQ(plain->port, 6390);
  EXPECT_FALSE(plain->tls);
  EXPECT_EQ(plain->ToString(), "redis://redis.cache:6390");

  absl::StatusOr<RedisEndpoint> tls = ParseRedisUrl("rediss://gateway@[::1]/");
  ASSERT_TRUE(tls.ok()) << tls.status();
  EXPECT_EQ(tls->host, "::1");
  EXPECT_EQ(tls->port, 6380) << "the default TLS port";
  EXPECT_TRUE(tls->tls);
  EXPECT_EQ(tls->user, "gateway");
  EXPECT_EQ(tls->ToString(), "rediss://gateway@[::1]:6380");
  EXPECT_EQ(ParseRedisUrl("redis://localhost")->port, 6379);
}

TEST(ParseRedisUrlTest, RefusesWhatItCannotUseWithAClearReason) {
  struct Case {
    const char* url;
    const char* message;
  };
  for (const Case& c : {
           Case{"http://redis:6379", "must start with redis:// or rediss://"},
           Case{"redis://user:hunter2@redis:6379", "--quota_store_password_file"},
           Case{"redis://redis:6379/0", "no path"},
           Case{"redis://:6379", "no host"},
           Case{"redis://redis:99999", "invalid port"},
           Case{"redis://redis:abc", "invalid port"},
           Case{"redis://@redis", "empty user"},
       }) {
    absl::StatusOr<RedisEndpoint> endpoint = ParseRedisUrl(c.url);
    EXPECT_EQ(endpoint.status().code(), absl::StatusCode::kInvalidArgument) << c.url;
    EXPECT_THAT(endpoint.status().message(), HasSubstr(c.message)) << c.url;
    EXPECT_THAT(endpoint.status().message(), Not(HasSubstr("hunter2")));
  }
}

TEST(RedisConnectionTest, RunsCommandsAndChecksThePassword) {
  absl::StatusOr<std::unique_ptr<RedisServer>> redis =
      RedisServer::Start({.password = "pw-test-correct"});
  ASSERT_TRUE(redis.ok()) << redis.status();
  RedisConnectionOptions options = (*redis)->ClientOptions();
  absl::StatusOr<std::unique_ptr<RedisConnection>> connection = RedisConnection::Connect(options);
  ASSERT_TRUE(connection.ok()) << connection.status();
  ASSERT_EQ((*connection)->Command({"SET", "k", std::string("a\0b", 3)})->str, "OK");
  EXPECT_EQ((*connection)->Command({"GET", "k"})->str, std::string("a\0b", 3));
  EXPECT_EQ((*connection)->Command({"INCRBY", "n", "41"})->integer, 41);
  EXPECT_TRUE((*connection)->Command({"NOSUCHCOMMAND"})->is_error());

  options.password = "pw-test-wrong";
  absl::Status wrong = RedisConnection::Connect(options).status();
  EXPECT_EQ(wrong.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(wrong.message(), HasSubstr("refused the credentials"));
  EXPECT_THAT(wrong.message(), HasSubstr((*redis)->url()));
  EXPECT_THAT(wrong.message(), Not(HasSubstr("pw-test")));

  options.password = "";
  absl::Status none = RedisConnection::Connect(options).status();
  EXPECT_EQ(none.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(none.message(), HasSubstr("NOAUTH"));
}

TEST(RedisConnectionTest, SpeaksTlsAndRefusesAnUntrustedCertificate) {
  const std::string dir = absl::StrCat(std::getenv("TEST_TMPDIR"), "/certs");
  ASSERT_EQ(std::system(absl::StrCat("tests/support/gen_certs.sh ", dir).c_str()), 0);
  absl::StatusOr<std::unique_ptr<RedisServer>> redis = RedisServer::Start({.cert_dir = dir});
  ASSERT_TRUE(redis.ok()) << redis.status();
  EXPECT_EQ((*redis)->url().substr(0, 9), "rediss://");
  RedisConnectionOptions options = (*redis)->ClientOptions();
  absl::StatusOr<std::unique_ptr<RedisConnection>> connection = RedisConnection::Connect(options);
  ASSERT_TRUE(connection.ok()) << connection.status();
  // A reply larger than one TLS record.
  const std::string big(100000, 'x');
  ASSERT_TRUE((*connection)->Command({"SET", "big", big}).ok());
  EXPECT_EQ((*connection)->Command({"GET", "big"})->str, big);

  options.ca_file = dir + "/client.pem";  // not the CA that signed the server's certificate
  absl::Status untrusted = RedisConnection::Connect(options).status();
  EXPECT_EQ(untrusted.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(untrusted.message(), HasSubstr("certificate not trusted"));

  // Plaintext to a TLS port is not a Redis.
  options = (*redis)->ClientOptions();
  options.endpoint.tls = false;
  EXPECT_FALSE(RedisConnection::Connect(options).ok());
}

TEST(RedisConnectionTest, AServerThatIsGoneIsUnavailableAndOneThatHangsTimesOut) {
  absl::StatusOr<std::unique_ptr<RedisServer>> redis = RedisServer::Start({});
  ASSERT_TRUE(redis.ok()) << redis.status();
  RedisConnectionOptions options = (*redis)->ClientOptions();
  options.io_timeout = absl::Milliseconds(200);
  options.connect_timeout = absl::Milliseconds(300);
  absl::StatusOr<std::unique_ptr<RedisConnection>> connection = RedisConnection::Connect(options);
  ASSERT_TRUE(connection.ok()) << connection.status();
  (*redis)->Freeze();
  EXPECT_EQ((*connection)->Command({"PING"}).status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_EQ(RedisConnection::Connect(options).status().code(), absl::StatusCode::kDeadlineExceeded);
  (*redis)->Stop();
  absl::Status gone = RedisConnection::Connect(options).status();
  EXPECT_EQ(gone.code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(gone.message(), HasSubstr("cannot connect"));
}

}  // namespace
}  // namespace pulumi_gateway
