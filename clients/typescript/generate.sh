#!/usr/bin/env bash
# Generates the TypeScript message types and @grpc/grpc-js service clients from /proto with
# ts-proto (pinned in package.json) into src/generated/ (not committed). Also generates
# google.rpc.Status / ErrorInfo / RetryInfo from google-proto-files, to decode
# grpc-status-details-bin. Runs `npm ci` first when node_modules does not match package-lock.json.
# Needs Node 20+ with npm, and protoc (PROTOC, default: the one on PATH).
#
#   clients/typescript/generate.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$here"

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

out="$here/src/generated"
rm -rf "$out"
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

echo "generated $(find "$out" -name '*.ts' | wc -l) files in ${out#"$repo"/}"
