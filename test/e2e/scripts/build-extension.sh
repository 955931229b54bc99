#!/usr/bin/env bash
# Builds and packages the extension (npm run build && npm run package at the root) when the .vsix is
# missing or older than any source it is made from. Prints the path of the .vsix on its last line.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$ROOT"
NAME=$(node -p "require('./package.json').name")
VSIX="$ROOT/$NAME.vsix"
[ -d node_modules ] || { echo "[e2e] npm ci at the root" >&2; npm ci --no-audit --no-fund --loglevel=error >&2; }
stale=""
if [ ! -f "$VSIX" ]; then
  stale="no $NAME.vsix"
else
  for f in dist/client.js dist/server.js; do [ -f "$f" ] || stale="$f missing"; done
  newer=$(find package.json client/src server/src media syntaxes schemas language-configuration.json .vscodeignore \
            -newer "$VSIX" -type f 2>/dev/null | grep -v '^media/preview\.js$' | head -1 || true)
  [ -z "$newer" ] || stale="$newer changed"
fi
if [ -n "$stale" ]; then
  echo "[e2e] npm run build && npm run package ($stale)" >&2
  npm run build >&2
  npm run package >&2
fi
[ -f "$VSIX" ] || { echo "[e2e] npm run package did not write $VSIX" >&2; exit 1; }
echo "$VSIX"
