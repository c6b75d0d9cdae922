#!/usr/bin/env bash
# Installs what the TypeScript client needs (only what is missing), generates the code, builds it
# and runs its tests against the real gateway + emulator binaries (PULUMI_GATEWAY_BIN,
# PULUMI_EMULATOR_BIN; default <repo>/bazel-bin/...). Exits non-zero on any failure. Never runs
# bazel: build the binaries first.
#
#   clients/typescript/test.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

# Node 20+ and npm come with the machine; protoc and openssl (TLS tests) from Debian if missing.
command -v node >/dev/null || { echo "test.sh: node (20+) is not installed" >&2; exit 1; }
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || { echo "test.sh: node $node_major is too old; need 20+" >&2; exit 1; }
missing=()
command -v protoc >/dev/null || missing+=(protobuf-compiler)
command -v openssl >/dev/null || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

./generate.sh  # also runs `npm ci` when node_modules does not match package-lock.json
npx --no-install tsc -p tsconfig.json  # incremental (dist/.tsbuildinfo)

# The compiled tests of the sources that exist (dist may hold outputs of deleted files).
tests=()
for file in test/*.test.ts; do tests+=("dist/${file%.ts}.js"); done

# Spec output for people; the TAP copy gives the runner's summary ("# pass N", "# fail N").
tap="$(mktemp)"
trap 'rm -f "$tap"' EXIT
set +e
node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$tap" "${tests[@]}"
result=$?
set -e
grep -E '^# (tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) ' "$tap" || true
exit "$result"
