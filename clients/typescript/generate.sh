#!/usr/bin/env bash
# Generates the TypeScript message types and @grpc/grpc-js service clients from /proto with
# ts-proto (pinned in package.json) into src/generated/, committed so that
# `npm install ./clients/typescript` needs no protoc. Also generates google.rpc.Status /
# ErrorInfo / RetryInfo from google-proto-files, to decode grpc-status-details-bin, and
# src/generated/services.ts (every service and its pagers, scripts/gen-services.mjs). Runs
# `npm ci` first when node_modules does not match package-lock.json. Needs Node 20+ with npm, and
# protoc (PROTOC, default: the one on PATH). Reruns on an unchanged tree are byte-identical.
#
#   clients/typescript/generate.sh           # regenerate in place (commit the result)
#   clients/typescript/generate.sh --check   # regenerate into a temporary folder; exit 1 on drift
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$here"
mode="write"
case "${1:-}" in
  "") ;;
  --check) mode="check" ;;
  *)
    echo "usage: $0 [--check]" >&2
    exit 2
    ;;
esac

# npm ci from the committed lockfile, unless node_modules already matches it (then: no network).
stamp="node_modules/.lock-sha256"
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
  npm ci --ignore-scripts --no-audit --no-fund
  echo "$want" >"$stamp"
fi

protoc="${PROTOC:-$(command -v protoc || true)}"
[ -n "$protoc" ] || { echo "generate.sh: protoc not found (apt-get install protobuf-compiler)" >&2; exit 1; }
plugin="$here/node_modules/.bin/protoc-gen-ts_proto"
[ -x "$plugin" ] || { echo "generate.sh: $plugin missing after npm ci" >&2; exit 1; }
googleapis="$here/node_modules/google-proto-files"
[ -f "$googleapis/google/rpc/status.proto" ] || { echo "generate.sh: google-proto-files missing after npm ci" >&2; exit 1; }

# google/protobuf/*.proto must come from protoc's own include directory (the copies in
# google-proto-files use editions features this protoc may not know), so it precedes them in -I.
wkt="$(dirname "$(dirname "$(readlink -f "$protoc")")")/include"
[ -f "$wkt/google/protobuf/descriptor.proto" ] || { echo "generate.sh: $wkt has no well-known types" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
out="$tmp/generated"
mkdir -p "$out"

# ts-proto options (see README "Generated code"):
#   outputServices=grpc-js  @grpc/grpc-js client classes;
#   forceLong=number        int64 as a JS number (decoding throws above 2^53-1, never rounds);
#   useOptionals=messages   message fields are optional properties (they may be unset);
#   esModuleInterop=true    default-import style, matching tsconfig's esModuleInterop;
#   env=node                bytes fields are Buffers.
opts="outputServices=grpc-js,forceLong=number,useOptionals=messages,esModuleInterop=true,env=node"

mapfile -t protos < <(cd "$repo/proto" && find pulumi -name '*.proto' | sort)
"$protoc" \
  --plugin=protoc-gen-ts_proto="$plugin" \
  --ts_proto_out="$out" \
  --ts_proto_opt="$opts" \
  -I "$repo/proto" -I "$wkt" -I "$googleapis" \
  "${protos[@]}" google/rpc/status.proto google/rpc/error_details.proto

"$protoc" -I "$repo/proto" -I "$wkt" -I "$googleapis" --include_imports \
  --descriptor_set_out="$tmp/descriptors.pb" "${protos[@]}"
node scripts/gen-services.mjs "$tmp/descriptors.pb" "$out/services.ts" "$out/modules.ts" >/dev/null

final="$here/src/generated"
if [ "$mode" = check ]; then
  if ! diff -r "$final" "$out"; then
    echo "generate.sh: src/generated is out of date; run clients/typescript/generate.sh" >&2
    exit 1
  fi
  echo "generate.sh: src/generated matches the protos"
  exit 0
fi
rm -rf "$final"
mv "$out" "$final"
echo "generated $(find "$final" -name '*.ts' | wc -l) files in ${final#"$repo"/}"
