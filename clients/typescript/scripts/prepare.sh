#!/usr/bin/env bash
# npm's `prepare` step: runs when npm installs this folder (`npm install ./clients/typescript`
# links it into the consumer's node_modules) and before `npm pack`. Installs this package's own
# dependencies into its node_modules (`npm ci` from package-lock.json, skipped when they already
# match) and compiles src/ to dist/src/. The generated code under src/generated is committed, so
# no protoc is needed.
#
#   npm run prepare      # or: bash scripts/prepare.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

stamp="node_modules/.lock-sha256"
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
  # --ignore-scripts: this package's own `prepare` must not run again inside it.
  npm ci --ignore-scripts --prefer-offline --no-audit --no-fund --loglevel=error
  echo "$want" >"$stamp"
fi
node node_modules/typescript/bin/tsc -p tsconfig.build.json
