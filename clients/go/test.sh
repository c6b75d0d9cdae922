#!/usr/bin/env bash
# Tests the Go client against the real gateway and emulator: installs what is missing, checks that
# the committed generated code matches the protos, vets, checks formatting, and runs `go test`
# (which starts the emulator and the gateway itself). Exits non-zero on any failure.
#
#   clients/go/test.sh
#
# Needs the binaries built by Bazel (this script never runs Bazel): $PULUMI_GATEWAY_BIN and
# $PULUMI_EMULATOR_BIN, by default <repo>/bazel-bin/gateway/pulumi_gateway and
# <repo>/bazel-bin/emulator/pulumi_emulator. With everything installed it takes a few seconds.
#
# The generated code is only checked here (generate.sh --check regenerates into a temporary
# folder and diffs): a test run never rewrites the tree, so a stale commit fails instead of being
# silently fixed in a working copy that is then not committed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

# Go: the machine's (go.mod needs 1.26; Debian's golang-* packages are not used).
if ! command -v go >/dev/null; then
  echo "test.sh: go not found on PATH (Go 1.26 or later is needed)" >&2
  exit 1
fi

# Debian packages the generator reads: protoc, and the google.api annotation protos (only the
# .proto files of that package are used). Installed only when missing.
debs=()
[ -x /usr/bin/protoc ] || debs+=(protobuf-compiler)
if [ -z "${GOOGLEAPIS_PROTO_DIR:-}" ] &&
  [ ! -f /usr/share/gocode/src/github.com/grpc-ecosystem/grpc-gateway/third_party/googleapis/google/api/annotations.proto ] &&
  [ ! -f ../../tools/node_modules/google-proto-files/google/api/annotations.proto ]; then
  debs+=(golang-github-grpc-ecosystem-grpc-gateway-dev)
fi
if [ ${#debs[@]} -gt 0 ]; then
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  echo "test.sh: installing Debian packages: ${debs[*]}"
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${debs[@]}"
fi

# Go modules and the pinned protoc plugins (no network when the module cache has them).
go mod download
./generate.sh --check

go vet ./...
unformatted="$(gofmt -l .)"
if [ -n "$unformatted" ]; then
  echo "test.sh: not gofmt-formatted:" >&2
  echo "$unformatted" >&2
  exit 1
fi

# The ordinary install: a module of its own that requires this one (through a replace, until the
# module is published) resolves its dependencies with `go mod tidy` (module cache, else the module
# proxy) and builds.
consumer="$(mktemp -d)"
trap 'rm -rf "$consumer"' EXIT
cat >"$consumer/go.mod" <<GOMOD
module example.com/consumer

go 1.26.0

require github.com/pulumi-grpc-gateway/clients/go v0.0.0

replace github.com/pulumi-grpc-gateway/clients/go => $here
GOMOD
cat >"$consumer/main.go" <<'GOMAIN'
// A program using the client as a consumer would: a new service, a pager, a stream.
package main

import (
	"context"
	"fmt"
	"os"

	servicev1 "github.com/pulumi-grpc-gateway/clients/go/pulumi/service/v1"
	"github.com/pulumi-grpc-gateway/clients/go/pulumigateway"
)

func main() {
	ctx := context.Background()
	client, err := pulumigateway.Dial(ctx, "127.0.0.1:1", os.Getenv("PULUMI_ACCESS_TOKEN"))
	if err != nil {
		panic(err)
	}
	defer client.Close()
	_, _ = client.Webhooks.ListStackWebhooks(ctx, &servicev1.ListStackWebhooksRequest{})
	for stack, err := range pulumigateway.ListStacksItems(ctx, client.Stacks, nil) {
		fmt.Println(stack.GetStackName(), err)
		break
	}
	_, _ = client.Organizations.StreamMembers(ctx, &servicev1.StreamMembersRequest{})
}
GOMAIN
start=$SECONDS
(cd "$consumer" && go mod tidy && go build -o consumer . && go vet .)
echo "test.sh: a consumer module requiring this one built in $((SECONDS - start)) s"

go test -count=1 -v ./...
