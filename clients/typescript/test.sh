#!/usr/bin/env bash
# Installs what the TypeScript client needs (only what is missing), checks that the committed
# generated code matches the protos, installs the package the ordinary way (`npm install <folder>`
# from a clean copy of its committed files, into a new npm project), builds it and runs its tests
# against the real gateway + emulator binaries (PULUMI_GATEWAY_BIN, PULUMI_EMULATOR_BIN; default
# <repo>/bazel-bin/...): the whole-API tests against that install, the others against the
# sources. Exits non-zero on any failure. Never runs bazel: build the binaries first.
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

./generate.sh --check  # also runs `npm ci` when node_modules does not match package-lock.json
npx --no-install tsc -p tsconfig.json  # incremental (dist/.tsbuildinfo)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A clean checkout of this folder (its committed and new, not ignored, files: no node_modules, no
# dist), installed into a new npm project with the one ordinary command. npm links the folder and
# runs its `prepare` script, which installs its dependencies (npm's cache, else the registry) and
# compiles it.
mkdir -p "$work/package" "$work/consumer"
git ls-files -z --cached --others --exclude-standard . | xargs -0 cp --parents -t "$work/package"
echo '{"name": "consumer", "version": "1.0.0", "private": true}' >"$work/consumer/package.json"
start=$SECONDS
(cd "$work/consumer" && npm install --no-audit --no-fund --loglevel=error "$work/package")
echo "test.sh: npm install of a clean copy took $((SECONDS - start)) s"

# Spec output for people; the TAP copies give the runner's summary ("# pass N", "# fail N").
run_tests() {
  local tap=$1
  shift
  node --test --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$tap" "$@"
}

# The compiled tests of the sources that exist (dist may hold outputs of deleted files).
tests=()
for file in test/*.test.ts; do
  [ "$file" = test/whole-api.test.ts ] || tests+=("dist/${file%.ts}.js")
done
set +e
run_tests "$work/sources.tap" "${tests[@]}"
sources=$?
PULUMI_CLIENT_CONSUMER="$work/consumer" run_tests "$work/installed.tap" dist/test/whole-api.test.js
installed=$?
set -e

# One summary for both runs.
for key in tests suites pass fail cancelled skipped todo; do
  total=0
  for tap in "$work/sources.tap" "$work/installed.tap"; do
    n="$(sed -n "s/^# $key \([0-9]*\)$/\1/p" "$tap" 2>/dev/null | tail -1)"
    total=$((total + ${n:-0}))
  done
  echo "# $key $total"
done
[ "$sources" -eq 0 ] && [ "$installed" -eq 0 ]
