#!/usr/bin/env bash
# Generates the Go code of the gateway's protos into this module (committed: Go consumers import
# it). Deterministic: pinned plugins, sorted inputs, relative source paths, so a rerun on an
# unchanged tree changes nothing.
#
#   clients/go/generate.sh          # regenerate pulumi/**/*.pb.go in place
#   clients/go/generate.sh --check  # regenerate into a temp folder; exit 1 if the tree differs
#
# Tools: /usr/bin/protoc (Debian 12, libprotoc 3.21.12; its version is written into every header,
# so another version is refused), protoc-gen-go and protoc-gen-go-grpc built from the versions
# pinned by the `tool` lines of go.mod into .bin/. The google.api annotation protos come from
# $GOOGLEAPIS_PROTO_DIR, else Debian's golang-github-grpc-ecosystem-grpc-gateway-dev copy (which
# scripts/setup installs), else the npm google-proto-files copy under tools/; the folder must hold
# google/api/field_behavior.proto and httpbody.proto too (Debian's copy does not).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
module="github.com/pulumi-grpc-gateway/clients/go"
protoc="${PROTOC:-/usr/bin/protoc}"
expected_protoc="libprotoc 3.21.12"

mode="write"
case "${1:-}" in
  "") ;;
  --check) mode="check" ;;
  *)
    echo "usage: $0 [--check]" >&2
    exit 2
    ;;
esac

if ! command -v "$protoc" >/dev/null; then
  echo "generate.sh: $protoc not found (apt-get install protobuf-compiler)" >&2
  exit 1
fi
protoc_version="$("$protoc" --version)"
if [ "$protoc_version" != "$expected_protoc" ]; then
  echo "generate.sh: $protoc is '$protoc_version', expected '$expected_protoc' (Debian 12);" \
    "the version goes into the generated headers, so another one would show as drift" >&2
  exit 1
fi

googleapis=""
for dir in "${GOOGLEAPIS_PROTO_DIR:-}" \
  /usr/share/gocode/src/github.com/grpc-ecosystem/grpc-gateway/third_party/googleapis \
  "$repo/tools/node_modules/google-proto-files"; do
  if [ -n "$dir" ] && [ -f "$dir/google/api/annotations.proto" ] &&
    [ -f "$dir/google/api/field_behavior.proto" ] && [ -f "$dir/google/api/httpbody.proto" ]; then
    googleapis="$dir"
    break
  fi
done
if [ -z "$googleapis" ]; then
  echo "generate.sh: google/api/{annotations,field_behavior,httpbody}.proto not found; run" \
    "scripts/setup or set GOOGLEAPIS_PROTO_DIR" >&2
  exit 1
fi

# The plugins, at the versions go.mod pins (a no-op when .bin is up to date).
(cd "$here" && GOBIN="$here/.bin" go install tool)

out="$here"
if [ "$mode" = check ]; then
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
else
  find "$here/pulumi" -name '*.pb.go' -delete 2>/dev/null || true
fi

cd "$repo/proto"
mapfile -t protos < <(find pulumi -name '*.proto' | LC_ALL=C sort)
"$protoc" -I . -I "$googleapis" \
  --plugin=protoc-gen-go="$here/.bin/protoc-gen-go" \
  --plugin=protoc-gen-go-grpc="$here/.bin/protoc-gen-go-grpc" \
  --go_out="$out" --go_opt=module="$module" \
  --go-grpc_out="$out" --go-grpc_opt=module="$module" \
  "${protos[@]}"

# The convenience layer's generated part (services.gen.go, pagers.gen.go), from the descriptors of
# the code just generated.
if [ "$mode" = check ]; then
  mkdir -p "$out/pulumigateway"
  # The generator compiles against the freshly generated code, not the committed one.
  cp -r "$here/go.mod" "$here/go.sum" "$here/internal" "$out/"
  (cd "$out" && go run ./internal/gen -out pulumigateway)
else
  (cd "$here" && go run ./internal/gen -out pulumigateway)
fi

if [ "$mode" = check ]; then
  for file in services.gen.go pagers.gen.go; do
    if ! diff -u "$here/pulumigateway/$file" "$out/pulumigateway/$file"; then
      echo "generate.sh: pulumigateway/$file is out of date; run clients/go/generate.sh" >&2
      exit 1
    fi
  done
  if ! diff -ru "$here/pulumi" "$out/pulumi"; then
    echo "generate.sh: generated code is out of date; run clients/go/generate.sh" >&2
    exit 1
  fi
  echo "generate.sh: generated code is up to date"
else
  echo "generate.sh: generated $(find "$here/pulumi" -name '*.pb.go' | wc -l) files under clients/go/pulumi" \
    "and pulumigateway/{services,pagers}.gen.go"
fi
