#!/usr/bin/env bash
# A client nobody here wrote: grpcurl (built by scripts/setup into tools/bin) lists the gateway's
# services through server reflection and calls ListStacks and an error case against the
# emulator-backed gateway. Prints "N passed, N failed"; exits non-zero on any failure.
#
#   tests/grpcurl/check.sh      # needs bazel-bin/gateway/pulumi_gateway and the emulator built
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

grpcurl=tools/bin/grpcurl
gateway=${PULUMI_GATEWAY_BIN:-bazel-bin/gateway/pulumi_gateway}
emulator=${PULUMI_EMULATOR_BIN:-bazel-bin/emulator/pulumi_emulator}
token=pul-demo-jdoe-7f3a9c2e41b85d60f1e2a3b4c5d6e7f8
for binary in "$grpcurl" "$gateway" "$emulator"; do
  [ -x "$binary" ] || { echo "grpcurl-check: $binary is missing (scripts/setup, bazel build)" >&2; exit 2; }
done

tmp=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

listening() {
  local log=$1
  for _ in $(seq 1 200); do
    if grep -q '^listening on ' "$log"; then
      grep -m1 '^listening on ' "$log" | cut -d' ' -f3
      return 0
    fi
    sleep 0.05
  done
  echo "grpcurl-check: no 'listening on' in $log" >&2
  cat "$log" >&2
  return 1
}

"$emulator" --listen=127.0.0.1:0 2>"$tmp/emulator.log" &
pids+=($!)
upstream=$(listening "$tmp/emulator.log")
"$gateway" --listen=127.0.0.1:0 --metrics_listen= --log_level=warning \
  --upstream="http://$upstream" 2>"$tmp/gateway.log" &
pids+=($!)
address=$(listening "$tmp/gateway.log")

passed=0
failed=0
expect() {
  local name=$1 pattern=$2
  shift 2
  local output
  output=$("$@" 2>&1 || true)
  if grep -qE -- "$pattern" <<<"$output"; then
    echo "ok   $name"
    passed=$((passed + 1))
  else
    echo "FAIL $name: expected /$pattern/ in:"
    echo "$output" | head -20
    failed=$((failed + 1))
  fi
}

expect "reflection lists StacksService" '^pulumi\.service\.v1\.StacksService$' \
  "$grpcurl" -plaintext "$address" list
expect "reflection lists OrganizationsService" '^pulumi\.service\.v1\.OrganizationsService$' \
  "$grpcurl" -plaintext "$address" list
expect "reflection describes GetStack" 'rpc GetStack' \
  "$grpcurl" -plaintext "$address" describe pulumi.service.v1.StacksService
expect "health check" '"status": "SERVING"' \
  "$grpcurl" -plaintext "$address" grpc.health.v1.Health/Check
expect "ListStacks returns the demo org's stacks" '"stack_name": "prod"' \
  "$grpcurl" -plaintext -H "authorization: token $token" -d '{"organization": "acme-corp"}' \
  "$address" pulumi.service.v1.StacksService/ListStacks
expect "unknown stack is NotFound" 'Code: NotFound' \
  "$grpcurl" -plaintext -H "authorization: token $token" \
  -d '{"orgName": "acme-corp", "projectName": "payments-api", "stackName": "nope"}' \
  "$address" pulumi.service.v1.StacksService/GetStack
expect "no token is Unauthenticated" 'Code: Unauthenticated' \
  "$grpcurl" -plaintext -d '{}' "$address" pulumi.service.v1.StacksService/ListStacks

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
