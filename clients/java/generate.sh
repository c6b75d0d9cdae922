#!/usr/bin/env bash
# Generates the Java protobuf messages and gRPC stubs from the repository's protos (../../proto,
# read in place) into target/generated-sources/protobuf/{java,grpc-java}. protoc and
# protoc-gen-grpc-java are native artifacts from Maven Central, pinned in pom.xml; the
# google/api and google/protobuf imports come from the proto-google-common-protos and
# protobuf-java jars. Generated code is not committed.
#
#   ./generate.sh        # regenerate if a .proto changed since the last run
#   ./generate.sh -f     # regenerate unconditionally
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

stale_check=true
if [ "${1:-}" = "-f" ]; then
  stale_check=false
elif [ $# -gt 0 ]; then
  echo "usage: $0 [-f]" >&2
  exit 2
fi

if ! command -v mvn >/dev/null || ! command -v java >/dev/null; then
  echo "generate.sh: needs Maven and a JDK 17 (./test.sh installs them)" >&2
  exit 1
fi

mvn -B -q -ntp -Dproto.checkStaleness="$stale_check" generate-sources
echo "generated: $(find target/generated-sources/protobuf -name '*.java' | wc -l) Java files in" \
  "$(pwd)/target/generated-sources/protobuf"
