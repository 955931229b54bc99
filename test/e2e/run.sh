#!/usr/bin/env bash
# npm run test:e2e — the extension in a real VS Code: code-server 4.100.3 (VS Code 1.100.3) driven by headless
# Debian Chromium. Two suites against the packaged .vsix:
#   1. the extension-host suite (mocha, test/e2e/suite) through the VS Code API, run inside code-server's extension host
#   2. the GUI test (node --test, test/e2e/gui) that uses the workbench as a person would; screenshots → test/e2e/artifacts/
# Ends with one line "N passed, N failed" summing both. Exit code 0 only when both pass.
# Env: XXGK_DROP_RULE=<code> (the server drops that rule: both suites must fail), XXGK_E2E_ONLY=api|gui,
#      XXGK_E2E_KEEP=1 (keep the throwaway state folder under /tmp).
set -euo pipefail
E2E=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$E2E/../.." && pwd)
ARTIFACTS="$E2E/artifacts"
T0=$(date +%s)
say() { echo "[e2e +$(( $(date +%s) - T0 ))s] $*"; }

bash "$E2E/scripts/install-tools.sh"
say "extension package"
VSIX=$(bash "$E2E/scripts/build-extension.sh" | tail -1)

# shellcheck source=scripts/code-server.sh
source "$E2E/scripts/code-server.sh"
STATE=$(mktemp -d /tmp/xxgk-e2e.XXXXXX)
rm -rf "$ARTIFACTS"; mkdir -p "$ARTIFACTS"
finish() {
  cs_stop
  cp "$STATE/code-server.log" "$ARTIFACTS/" 2>/dev/null || true
  if [ -n "${XXGK_E2E_KEEP:-}" ]; then echo "[e2e] state kept in $STATE"; else rm -rf "$STATE"; fi
}
trap finish EXIT
trap 'exit 130' INT TERM

say "installing $(basename "$VSIX") into a throwaway VS Code (state: $STATE)"
cs_prepare "$STATE" "$VSIX"
for ws in ws-api ws-gui; do mkdir -p "$STATE/$ws" && cp "$E2E"/fixtures/*.xxgk.yaml "$STATE/$ws/"; done
cs_start "$STATE"
say "code-server $("$CS_BIN" --version 2>/dev/null | grep 'with Code' | cut -d' ' -f1,3-) on $CS_URL${XXGK_DROP_RULE:+ (XXGK_DROP_RULE=$XXGK_DROP_RULE)}"

export XXGK_E2E_URL="$CS_URL" XXGK_E2E_ARTIFACTS="$ARTIFACTS" XXGK_E2E_ROOT="$ROOT" XXGK_E2E_EXTENSION="$CS_EXTENSION"
api_passed=0 api_failed=0 gui_passed=0 gui_failed=0 status=0
want() { [ -z "${XXGK_E2E_ONLY:-}" ] || [ "$XXGK_E2E_ONLY" = "$1" ]; }

if want api; then
  say "extension-host suite (mocha in code-server's extension host)"
  XXGK_E2E_WS_API="$STATE/ws-api" XXGK_E2E_SUMMARY="$STATE/api-summary" node "$E2E/driver/ext-host-suite.js" || status=1
  read -r api_passed api_failed < "$STATE/api-summary" || { api_passed=0; api_failed=1; status=1; }
fi

if want gui; then
  say "GUI test (node --test, headless Chromium)"
  set +e
  XXGK_E2E_WS_GUI="$STATE/ws-gui" node --test --test-reporter=spec "$E2E/gui/workflow.test.js" 2>&1 | tee "$STATE/gui.log"
  rc=${PIPESTATUS[0]}
  set -e
  [ "$rc" -eq 0 ] || status=1
  gui_passed=$(sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' "$STATE/gui.log" | tail -1)
  gui_failed=$(sed -n 's/^ℹ fail \([0-9]*\)$/\1/p' "$STATE/gui.log" | tail -1)
  [ -n "$gui_passed" ] || gui_passed=0
  [ -n "$gui_failed" ] || gui_failed=1
  [ "$rc" -eq 0 ] || [ "$gui_failed" -gt 0 ] || gui_failed=1
fi

say "done; screenshots in ${ARTIFACTS#"$ROOT"/}/"
echo "e2e totals — extension-host suite: $api_passed ok / $api_failed not ok; GUI test: $gui_passed ok / $gui_failed not ok"
echo "$((api_passed + gui_passed)) passed, $((api_failed + gui_failed)) failed"
exit "$status"
