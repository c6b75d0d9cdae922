#!/usr/bin/env bash
# Installs what the Java client needs (JDK 17 and Maven from Debian when missing; every Java
# library and protoc from Maven Central through Maven, cached in ~/.m2), then does what a user
# does: `mvn install` (generates the code from ../../proto, builds the jar, runs the JUnit suite
# against a real gateway and emulator, installs the jar into ~/.m2), and builds and runs a new
# Maven project that depends on the installed artifact. Prints Surefire's summary
# ("Tests run: N, Failures: F, Errors: E, Skipped: S") and exits non-zero on any failure.
#
#   ./test.sh
#
# The tests start the binaries built by Bazel (this script never runs Bazel):
# $PULUMI_GATEWAY_BIN and $PULUMI_EMULATOR_BIN, by default <repo>/bazel-bin/gateway/pulumi_gateway
# and <repo>/bazel-bin/emulator/pulumi_emulator.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# JDK 17 and Maven: skipped when present.
missing=()
command -v javac >/dev/null || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || missing+=(maven)
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  echo "test.sh: installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends \
    "${missing[@]}"
fi

# The ordinary install. Quiet build; Surefire's own log stays at INFO so its per-class lines and
# summary show.
start=$SECONDS
mvn -B -q -ntp \
  -Dorg.slf4j.simpleLogger.log.org.apache.maven.plugin.surefire.SurefireMojo=info \
  install
echo "test.sh: mvn install took $((SECONDS - start)) s"

# A new project that depends on the installed artifact, built and run offline (everything it needs
# is in ~/.m2 now): it finds every service and a pager without a gateway.
version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)"
consumer="$(mktemp -d)"
trap 'rm -rf "$consumer"' EXIT
mkdir -p "$consumer/src/main/java/example"
cat >"$consumer/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId>
  <artifactId>consumer</artifactId>
  <version>1.0.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency>
      <groupId>com.pulumigateway</groupId>
      <artifactId>pulumi-gateway-client</artifactId>
      <version>${version}</version>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-compiler-plugin</artifactId>
        <version>3.14.0</version>
      </plugin>
      <plugin>
        <groupId>org.codehaus.mojo</groupId>
        <artifactId>exec-maven-plugin</artifactId>
        <version>3.5.1</version>
      </plugin>
    </plugins>
  </build>
</project>
POM
cat >"$consumer/src/main/java/example/Consumer.java" <<'JAVA'
package example;

import com.pulumigateway.client.PulumiGatewayClient;
import com.pulumigateway.service.v1.StacksServiceGrpc;
import com.pulumigateway.service.v1.WebhooksServiceGrpc;

/** Uses the installed client: every service, a pager, a stub of a new service. */
public final class Consumer {
  public static void main(String[] args) {
    int services = PulumiGatewayClient.services().size();
    boolean paged = PulumiGatewayClient.isPaged(StacksServiceGrpc.getListStacksMethod());
    try (PulumiGatewayClient client = PulumiGatewayClient.builder().build()) {
      client.stub(WebhooksServiceGrpc::newBlockingStub);
    }
    System.out.println("consumer: " + services + " services, ListStacks paged: " + paged);
    if (services < 29 || !paged) {
      System.exit(1);
    }
  }
}
JAVA
(cd "$consumer" && mvn -B -q -ntp compile exec:java -Dexec.mainClass=example.Consumer)
