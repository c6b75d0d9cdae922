#!/usr/bin/env bash
# Installs what the Java client needs (JDK 17 and Maven from Debian when missing; every Java
# library and protoc from Maven Central through Maven, cached in ~/.m2), generates the code,
# builds the jar and runs the tests against a real gateway and emulator. Prints Surefire's
# summary ("Tests run: N, Failures: F, Errors: E, Skipped: S") and exits non-zero on any failure.
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

./generate.sh

# Quiet build; Surefire's own log stays at INFO so its per-class lines and summary show.
mvn -B -q -ntp \
  -Dorg.slf4j.simpleLogger.log.org.apache.maven.plugin.surefire.SurefireMojo=info \
  verify
